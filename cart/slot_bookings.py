"""Each slot's count of bookings, beside its capacity (table `slot_bookings`, schema version 2
on SQLite and 4 on PostgreSQL): the database's own guard against overbooking.

Checkout counts a slot's orders and live holds under a lock before it books (cart.checkout),
and that is what keeps a slot within its capacity. This count is the backstop behind it: the
shared cart SQL changes it in the same transaction as the order it books, moves or cancels,
and a CHECK (booked <= capacity) on both backends refuses a write that would overbook,
whoever makes it: a bug in the locked count, or a hand-written UPDATE. The count follows the
same rule as checkout's (an order counts until it is cancelled); the capacity is the store's
at the slot's latest booking, so a raised capacity takes effect at once and a lowered one
refuses new bookings without touching the ones made.

Why a table kept by the application and not triggers on `orders`: the count is then written
by the same statements on both backends, the capacity comes from the store's policy as the
domain reads it (not JSON parsed in SQL), and `voicecart db copy` moves the rows as they are
(triggers would count every copied order again).
"""
from __future__ import annotations

from typing import NamedTuple

from cart.ports import SlotOverbooked
from catalog.sql import CONSTRAINT_ERRORS, SqlSession


class Booking(NamedTuple):
    """Where an order holds a place: its slot, and whether it counts (not cancelled)."""
    slot_key: str
    store_id: str
    kind: str
    counted: bool


class SlotBookings:
    """Mixed into cart.sql_store.SqlCartRepository; called inside its transactions."""

    sql: SqlSession

    def _book(self, slot_key: str, store_id: str, kind: str) -> None:
        # The slot's capacity as its store says now (a raised capacity takes effect at the
        # next booking); a store not on record sets no limit beyond the bookings themselves
        store = self.get_store(store_id)
        if store is not None:
            capacity = store.policy.capacity(kind)
        else:
            found = self.sql.execute("SELECT booked FROM slot_bookings WHERE slot_key = ?",
                                     [slot_key]).fetchone()
            capacity = (found[0] if found else 0) + 1
        try:
            # a savepoint: the refusal leaves the caller's transaction usable (PostgreSQL
            # aborts a transaction at its first error), so it can still say what is free
            with self.sql.transaction():
                self.sql.execute(
                    "INSERT INTO slot_bookings (slot_key, store_id, kind, capacity, booked) "
                    "VALUES (?, ?, ?, ?, 1) ON CONFLICT(slot_key) DO UPDATE SET "
                    "booked = slot_bookings.booked + 1, capacity = excluded.capacity",
                    [slot_key, store_id, kind, capacity])
        except CONSTRAINT_ERRORS as exc:
            raise SlotOverbooked(slot_key) from exc

    def _unbook(self, slot_key: str) -> None:
        # An order placed before the counts existed was counted by the migration; nothing to
        # do for a slot without a row
        self.sql.execute("UPDATE slot_bookings SET booked = booked - 1 WHERE slot_key = ?",
                         [slot_key])

    def _stored_booking(self, order_id: str) -> "Booking | None":
        found = self.sql.execute("SELECT slot_key, store_id, kind, cancelled_at FROM orders "
                                 "WHERE id = ?", [order_id]).fetchone()
        return None if found is None else Booking(found[0], found[1], found[2], found[3] is None)

    def _rebook(self, before: "Booking | None", after: Booking) -> None:
        """Move the count from what the order was to what it is now (a cancellation gives its
        place back, a move takes a place in the new slot). Rows are touched in key order, so
        two orders swapping slots at once cannot deadlock on PostgreSQL."""
        if before == after:
            return
        steps = [(after.slot_key, True, after)] if after.counted else []
        if before is not None and before.counted:
            steps.append((before.slot_key, False, before))
        for _, take, booking in sorted(steps, key=lambda step: (step[0], step[1])):
            if take:
                self._book(booking.slot_key, booking.store_id, booking.kind)
            else:
                self._unbook(booking.slot_key)
