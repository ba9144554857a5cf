"""Each slot's count of bookings and the CHECK that keeps it within the capacity, on SQLite and
PostgreSQL (the fixtures run each test on both): the count follows orders placed, cancelled
and moved; the database itself refuses a booking past the capacity, whether the count was
bypassed in code or the table is written by hand; the shopper then hears "full"."""
from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import psycopg
import pytest

from cart import checkout, services
from cart.errors import SlotFull
from cart.fulfillment import PICKUP
from cart.orders import Order
from cart.ports import SlotOverbooked

UTC = timezone.utc
NOW = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)  # Monday 09:00 in New York
FIVE_TOMORROW = datetime(2026, 3, 3, 17, 0)   # naive: store-local
CAPACITY = 4  # the test store's pickup capacity
REFUSED = (sqlite3.IntegrityError, psycopg.IntegrityError)


def booking(repo, slot_key: str) -> tuple[int, int] | None:
    """(booked, capacity) as stored."""
    found = repo.sql.execute("SELECT booked, capacity FROM slot_bookings WHERE slot_key = ?",
                             [slot_key]).fetchone()
    return None if found is None else tuple(found)


def place(repo, products, customer: str, at: datetime = NOW) -> Order:
    services.add_item(repo, customer, products["steak"], now=at)
    services.choose_fulfillment(repo, customer, PICKUP, now=at, requested=FIVE_TOMORROW)
    return checkout.place_order(repo, customer, f"{customer}-yes", now=at).order


def fill(repo, products) -> list[Order]:
    # ten minutes apart, so each one's hold has lapsed before the next chooses the slot
    return [place(repo, products, f"c{i}", NOW + i * timedelta(minutes=11))
            for i in range(CAPACITY)]


def test_each_order_placed_is_counted_against_the_slots_capacity(sqlite_repo, products):
    first = place(sqlite_repo, products, "c0")
    key = first.fulfillment.slot_key
    assert booking(sqlite_repo, key) == (1, CAPACITY)
    place(sqlite_repo, products, "c1", NOW + timedelta(minutes=11))
    assert booking(sqlite_repo, key) == (2, CAPACITY)


def test_an_order_past_the_capacity_is_refused_by_the_database(sqlite_repo, products):
    orders = fill(sqlite_repo, products)
    key = orders[0].fulfillment.slot_key
    assert {o.fulfillment.slot_key for o in orders} == {key}
    assert booking(sqlite_repo, key) == (CAPACITY, CAPACITY)
    # As if the locked count had a bug: an order for the full slot, written straight to the
    # repository without checkout's check. The database refuses it, and none of it is kept
    extra = replace(orders[0], id="EXTRA00001", submission_key="extra", customer_id="c9")
    with pytest.raises(SlotOverbooked):
        with sqlite_repo.transaction():
            sqlite_repo.add_order(extra)
    assert sqlite_repo.get_order("EXTRA00001") is None
    assert booking(sqlite_repo, key) == (CAPACITY, CAPACITY)


def test_a_direct_overbooking_update_is_refused(sqlite_repo, products):
    key = place(sqlite_repo, products, "c0").fulfillment.slot_key
    for statement in ("UPDATE slot_bookings SET booked = capacity + 1 WHERE slot_key = ?",
                      "UPDATE slot_bookings SET capacity = booked - 1 WHERE slot_key = ?",
                      "UPDATE slot_bookings SET booked = -1 WHERE slot_key = ?"):
        with pytest.raises(REFUSED):
            with sqlite_repo.transaction():
                sqlite_repo.sql.execute(statement, [key])
    with pytest.raises(REFUSED):
        with sqlite_repo.transaction():
            sqlite_repo.sql.execute("INSERT INTO slot_bookings VALUES ('x', 'ny', 'pickup', 2, 3)")
    assert booking(sqlite_repo, key) == (1, CAPACITY)


def test_a_cancelled_order_gives_its_place_back(sqlite_repo, products):
    orders = fill(sqlite_repo, products)
    key = orders[0].fulfillment.slot_key
    checkout.cancel_order(sqlite_repo, "c0", now=NOW + timedelta(hours=1))
    assert booking(sqlite_repo, key) == (CAPACITY - 1, CAPACITY)
    # cancelling again (a retry) gives nothing back twice
    with sqlite_repo.transaction():
        sqlite_repo.save_order(sqlite_repo.get_order(orders[0].id))
    assert booking(sqlite_repo, key) == (CAPACITY - 1, CAPACITY)
    late = place(sqlite_repo, products, "c8", NOW + timedelta(hours=1, minutes=5))
    assert late.fulfillment.slot_key == key  # the freed place is taken again
    assert booking(sqlite_repo, key) == (CAPACITY, CAPACITY)


def test_a_moved_order_moves_its_place(sqlite_repo, products):
    order = place(sqlite_repo, products, "c0")
    old = order.fulfillment
    new = replace(old, slot_start=old.slot_start + timedelta(hours=1),
                  slot_end=old.slot_end + timedelta(hours=1))
    with sqlite_repo.transaction():
        sqlite_repo.update_order(replace(order, fulfillment=new))
    assert booking(sqlite_repo, old.slot_key) == (0, CAPACITY)
    assert booking(sqlite_repo, new.slot_key) == (1, CAPACITY)
    with sqlite_repo.transaction():  # a change that keeps the slot changes no count
        sqlite_repo.update_order(replace(order, fulfillment=new))
    assert booking(sqlite_repo, new.slot_key) == (1, CAPACITY)


def test_when_the_count_says_full_the_shopper_hears_full_with_another_time(sqlite_repo,
                                                                         products):
    key = place(sqlite_repo, products, "c0").fulfillment.slot_key
    # The stored count disagrees with the orders (as a bug would leave it): checkout's own
    # count sees room, the database does not
    with sqlite_repo.transaction():
        sqlite_repo.sql.execute("UPDATE slot_bookings SET booked = capacity WHERE slot_key = ?",
                                [key])
    services.add_item(sqlite_repo, "c1", products["steak"], now=NOW)
    services.choose_fulfillment(sqlite_repo, "c1", PICKUP, now=NOW, requested=FIVE_TOMORROW)
    with pytest.raises(SlotFull) as refused:
        checkout.place_order(sqlite_repo, "c1", "c1-yes", now=NOW)
    assert refused.value.next_slot is not None and refused.value.next_slot.key != key
    assert sqlite_repo.list_orders("c1") == []
    assert not services.get_cart(sqlite_repo, "c1").is_empty  # nothing lost
