"""The outbox port's SQL, shared by the SQLite and PostgreSQL adapters (cart.outbox.sqlite,
cart.outbox.postgres hold their schema): every statement of the order-event outbox and of the
inbound replay keys.

Writers run in the session's transaction (on SQLite, BEGIN IMMEDIATE behind the write lock).
`add` runs inside the caller's open transaction: the event commits or rolls back with the order
change.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from cart.fulfillment import from_utc_key, utc_key
from cart.outbox.events import DEAD, DELIVERED, PENDING, OrderEvent
from cart.outbox.ports import NEW_EVENT, Backlog
from catalog.sql import SqlSession


# Only the oldest undelivered event of each order may be sent, so one order's events reach the
# receiver in the order they were written. Delivered rows pile up until a purge, so the heads
# are found from the undelivered ones alone (an index on state, order, seq): linear in what
# is waiting, not quadratic in an order's events.
_HEADS = """JOIN (SELECT order_id, MIN(seq) AS head FROM outbox_events
              WHERE state IN ('pending', 'dead') GROUP BY order_id) h ON e.seq = h.head
       WHERE e.state = 'pending'"""


class SqlOutbox:
    sql: SqlSession

    # --- writing and delivering ---------------------------------------------------------------

    def add(self, event: OrderEvent) -> None:
        if not self.sql.in_transaction():
            raise RuntimeError("an outbox event is written in the order change's transaction")
        self.sql.execute(
            "INSERT INTO outbox_events (id, order_id, type, created_at, body, state, attempts, "
            "next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)",
            [event.id, event.order_id, event.type, utc_key(event.created_at), event.body,
             PENDING, utc_key(event.next_attempt_at or event.created_at)])

    def due(self, now: datetime, limit: int) -> list[OrderEvent]:
        return self._events(f"{_HEADS} AND e.next_attempt_at <= ? ORDER BY e.seq LIMIT ?",
                            [utc_key(now), limit])

    def mark_delivered(self, event_id: str, now: datetime) -> None:
        self._write("UPDATE outbox_events SET state = ?, delivered_at = ?, attempts = attempts + 1,"
                    " next_attempt_at = NULL, last_error = NULL WHERE id = ?",
                    [DELIVERED, utc_key(now), event_id])

    def mark_failed(self, event_id: str, error: str, next_attempt_at: datetime) -> None:
        self._write("UPDATE outbox_events SET attempts = attempts + 1, last_error = ?, "
                    "next_attempt_at = ? WHERE id = ? AND state = ?",
                    [error[:500], utc_key(next_attempt_at), event_id, PENDING])

    def mark_dead(self, event_id: str, error: str) -> None:
        self._write("UPDATE outbox_events SET state = ?, attempts = attempts + 1, last_error = ?, "
                    "next_attempt_at = NULL WHERE id = ? AND state = ?",
                    [DEAD, error[:500], event_id, PENDING])

    def expire(self, now: datetime, limit: timedelta) -> int:
        return self._write(
            "UPDATE outbox_events SET state = ?, next_attempt_at = NULL, "
            "last_error = COALESCE(last_error, 'not delivered before the retry limit') "
            "WHERE state = ? AND ((give_up_at IS NULL AND created_at <= ?) OR give_up_at <= ?)",
            [DEAD, PENDING, utc_key(now - limit), utc_key(now)])

    def next_due_at(self) -> datetime | None:
        row = self.sql.execute(f"SELECT MIN(e.next_attempt_at) FROM outbox_events e "
                              f"{_HEADS}").fetchone()
        return from_utc_key(row[0]) if row and row[0] else None

    # --- managing -----------------------------------------------------------------------------

    def get(self, event_id: str) -> OrderEvent | None:
        found = self._events("WHERE e.id = ?", [event_id])
        return found[0] if found else None

    def list(self, state: str | None = None, limit: int | None = None) -> list[OrderEvent]:
        where, params = ("WHERE e.state = ?", [state]) if state else ("", [])
        tail, extra = (" LIMIT ?", [limit]) if limit is not None else ("", [])
        return self._events(f"{where} ORDER BY e.seq{tail}", params + extra)

    def retry(self, event_id: str, now: datetime, give_up_at: datetime) -> OrderEvent | None:
        changed = self._write("UPDATE outbox_events SET state = ?, next_attempt_at = ?, "
                              "give_up_at = ?, attempts = 0 WHERE id = ? AND state != ?",
                              [PENDING, utc_key(now), utc_key(give_up_at), event_id, DELIVERED])
        event = self.get(event_id)
        if changed:
            NEW_EVENT.set()
        return event

    def purge(self, before: datetime) -> int:
        return self._write("DELETE FROM outbox_events WHERE state IN (?, ?) AND created_at < ?",
                           [DELIVERED, DEAD, utc_key(before)])

    def backlog(self) -> Backlog:
        """What waits: pending and dead counts and the oldest pending event's creation time,
        from the undelivered rows alone (the state index), however many were delivered."""
        rows = self.sql.execute(
            "SELECT state, COUNT(*), MIN(created_at) FROM outbox_events "
            "WHERE state IN (?, ?) GROUP BY state", [PENDING, DEAD]).fetchall()
        found = {state: (count, oldest) for state, count, oldest in rows}
        pending, oldest = found.get(PENDING, (0, None))
        return Backlog(pending=pending, dead=found.get(DEAD, (0, None))[0],
                       oldest_pending_at=from_utc_key(oldest) if oldest else None)

    def counts(self) -> dict[str, int]:
        rows = self.sql.execute("SELECT state, COUNT(*) FROM outbox_events GROUP BY state")
        return {state: n for state, n in rows.fetchall()}

    # --- the dispatcher lease -----------------------------------------------------------------

    def acquire_lease(self, name: str, holder: str, now: datetime, until: datetime) -> bool:
        """Take or extend the lease if it is free, expired or ours; True if we hold it now."""
        with self.sql.transaction():
            self.sql.execute(
                "INSERT INTO outbox_leases (name, holder, expires_at) VALUES (?, ?, ?) "
                "ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, "
                "expires_at = excluded.expires_at "
                "WHERE outbox_leases.holder = excluded.holder OR outbox_leases.expires_at <= ?",
                [name, holder, utc_key(until), utc_key(now)])
            row = self.sql.execute("SELECT holder FROM outbox_leases WHERE name = ?",
                                   [name]).fetchone()
        return row is not None and row[0] == holder

    def release_lease(self, name: str, holder: str) -> None:
        self._write("DELETE FROM outbox_leases WHERE name = ? AND holder = ?", [name, holder])

    # --- inbound replay keys ------------------------------------------------------------------

    def seen_inbound(self, event_id: str) -> bool:
        return self.sql.execute("SELECT 1 FROM inbound_events WHERE id = ?",
                                [event_id]).fetchone() is not None

    def remember_inbound(self, event_id: str, order_id: str, now: datetime) -> None:
        if not self.sql.in_transaction():
            raise RuntimeError("an inbound event id is remembered with the change it made")
        self.sql.execute("INSERT INTO inbound_events (id, order_id, received_at) VALUES (?, ?, ?)",
                        [event_id, order_id, utc_key(now)])

    # --- helpers ------------------------------------------------------------------------------

    def _write(self, sql: str, params: list[Any]) -> int:
        with self.sql.transaction():
            return self.sql.execute(sql, params).rowcount

    def _events(self, clause: str, params: list[Any]) -> list[OrderEvent]:
        cursor = self.sql.execute(f"SELECT * FROM outbox_events e {clause}", params)
        columns = [d[0] for d in cursor.description]
        return [_event(dict(zip(columns, row))) for row in cursor.fetchall()]


def _event(row: dict[str, Any]) -> OrderEvent:
    def when(key: str) -> datetime | None:
        return from_utc_key(row[key]) if row[key] else None
    return OrderEvent(id=row["id"], order_id=row["order_id"], type=row["type"],
                      created_at=from_utc_key(row["created_at"]), body=row["body"],
                      state=row["state"], attempts=row["attempts"],
                      next_attempt_at=when("next_attempt_at"), give_up_at=when("give_up_at"),
                      delivered_at=when("delivered_at"), last_error=row["last_error"])
