"""Slot generation and choice: pure functions, fixed instants, DST and midnight edges."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from cart.fulfillment import DELIVERY, PICKUP
from cart.time_slots import (
    available_slots, day_slots, earliest_start, generate_slots, localize, pick_slot,
)

UTC = timezone.utc  # datetime.UTC is 3.11+; setup.cfg allows 3.10

NY = ZoneInfo("America/New_York")
LA = ZoneInfo("America/Los_Angeles")
HOUR = timedelta(hours=1)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_ordinary_day(store_factory):
    store = store_factory()  # 07:00-22:00
    pickup = day_slots(store, PICKUP, date(2026, 3, 2))
    assert len(pickup) == 15
    assert pickup[0].start == datetime(2026, 3, 2, 7, tzinfo=NY)
    assert pickup[-1].end == datetime(2026, 3, 2, 22, tzinfo=NY)
    delivery = day_slots(store, DELIVERY, date(2026, 3, 2))
    assert [s.local_start.hour for s in delivery] == [7, 9, 11, 13, 15, 17, 19]  # 21-23 passes closing
    assert all(s.capacity == 3 for s in delivery) and all(s.capacity == 4 for s in pickup)


def test_spring_forward_day_new_york(store_factory):
    """2026-03-08: 02:00 EST jumps to 03:00 EDT."""
    day = date(2026, 3, 8)
    regular = day_slots(store_factory(), PICKUP, day)
    assert len(regular) == 15
    assert regular[0].start.astimezone(UTC) == utc(2026, 3, 8, 11)  # 07:00 EDT
    assert all(s.local_start.utcoffset() == timedelta(hours=-4) for s in regular)
    assert all(s.end - s.start == HOUR for s in regular)

    around_the_clock = day_slots(store_factory(opens="00:00", closes="24:00"), PICKUP, day)
    assert len(around_the_clock) == 23
    assert [s.local_start.hour for s in around_the_clock][:4] == [0, 1, 3, 4]  # no 02:00
    # real time (UTC) steps: subtracting two NY-zoned datetimes would compare wall clocks
    assert all(b.start - a.start == HOUR for a, b in zip(around_the_clock, around_the_clock[1:]))
    assert all(s.start.tzinfo == UTC for s in around_the_clock)
    assert around_the_clock[-1].end == datetime(2026, 3, 9, 0, tzinfo=NY)

    windows = day_slots(store_factory(opens="00:00", closes="24:00"), DELIVERY, day)
    assert all(s.length == 2 * HOUR for s in windows)
    assert len(windows) == 11  # 23 real hours hold eleven 2-hour windows


def test_fall_back_day_new_york(store_factory):
    """2026-11-01: 02:00 EDT falls back to 01:00 EST; 01:00-02:00 happens twice."""
    day = date(2026, 11, 1)
    regular = day_slots(store_factory(), PICKUP, day)
    assert len(regular) == 15
    assert regular[0].start.astimezone(UTC) == utc(2026, 11, 1, 12)  # 07:00 EST
    around_the_clock = day_slots(store_factory(opens="00:00", closes="24:00"), PICKUP, day)
    assert len(around_the_clock) == 25
    one_am = [s for s in around_the_clock if s.local_start.hour == 1]
    assert [s.local_start.utcoffset() for s in one_am] == [timedelta(hours=-4), timedelta(hours=-5)]
    assert len({s.key for s in around_the_clock}) == 25  # still distinct slots


def test_slots_across_midnight(store_factory):
    store = store_factory("la", "America/Los_Angeles", opens="06:00", closes="24:00")
    # 22:30 on Monday in Los Angeles is already Tuesday in UTC: "today" is the store's Monday
    now = utc(2026, 6, 2, 5, 30)
    slots = generate_slots(store, PICKUP, now, days=2)
    assert slots[0].start == datetime(2026, 6, 1, 6, tzinfo=LA)
    monday = [s for s in slots if s.local_start.date() == date(2026, 6, 1)]
    assert monday[-1].start == datetime(2026, 6, 1, 23, tzinfo=LA)
    assert monday[-1].end == datetime(2026, 6, 2, 0, tzinfo=LA)
    # with the 2 h lead, the next slot is Tuesday 06:00 local
    assert pick_slot(slots, {}, earliest=earliest_start(store, now)).start == \
        datetime(2026, 6, 2, 6, tzinfo=LA)


def test_closed_days_have_no_slots(store_factory):
    store = store_factory()
    closed_sunday = type(store)(store.id, store.name, store.address, store.tz,
                                hours={d: h for d, h in store.hours.items() if d != 6})
    assert day_slots(closed_sunday, PICKUP, date(2026, 3, 8)) == []
    assert len(generate_slots(closed_sunday, PICKUP, utc(2026, 3, 2, 14))) == 6 * 15


def test_store_without_delivery(store_factory):
    store = store_factory()
    pickup_only = type(store)(store.id, store.name, store.address, store.tz, hours=store.hours,
                              kinds=(PICKUP,))
    assert day_slots(pickup_only, DELIVERY, date(2026, 3, 2)) == []


def test_localize_gap_and_overlap():
    assert localize(datetime(2026, 3, 8, 2, 30), "America/New_York") == \
        datetime(2026, 3, 8, 3, 30, tzinfo=NY)
    first = localize(datetime(2026, 11, 1, 1, 30), "America/New_York")
    assert first.utcoffset() == timedelta(hours=-4)
    assert localize(utc(2026, 3, 2, 22), NY) == datetime(2026, 3, 2, 17, tzinfo=NY)


# --- choosing -----------------------------------------------------------------------------

NOW = utc(2026, 3, 2, 14)  # Monday 09:00 New York; earliest slot start 11:00


@pytest.fixture
def monday(store_factory):
    store = store_factory()
    return store, generate_slots(store, PICKUP, NOW, days=2)


def _at(hour: int, day: int = 2) -> datetime:
    return datetime(2026, 3, day, hour, tzinfo=NY)


def test_next_available_respects_lead_time(monday):
    store, slots = monday
    assert pick_slot(slots, {}, earliest=earliest_start(store, NOW)).start == _at(11)


def test_slot_exactly_at_capacity_is_skipped(monday):
    store, slots = monday
    eleven = next(s for s in slots if s.start == _at(11))
    earliest = earliest_start(store, NOW)
    assert pick_slot(slots, {eleven.key: 3}, earliest=earliest) == eleven
    assert pick_slot(slots, {eleven.key: 4}, earliest=earliest).start == _at(12)


def test_requested_time_prefers_containing_then_nearest_later(monday):
    store, slots = monday
    earliest = earliest_start(store, NOW)
    tomorrow_five = localize(datetime(2026, 3, 3, 17, 0), store.tz)
    assert pick_slot(slots, {}, earliest=earliest, requested=tomorrow_five).start == _at(17, 3)
    half_past = localize(datetime(2026, 3, 3, 17, 30), store.tz)
    assert pick_slot(slots, {}, earliest=earliest, requested=half_past).start == _at(17, 3)
    full = {s.key: 4 for s in slots if s.start == _at(17, 3)}
    # 16:00 and 18:00 are equally near: the later one wins
    assert pick_slot(slots, full, earliest=earliest, requested=tomorrow_five).start == _at(18, 3)


def test_requested_after_closing_gets_the_last_slot_that_day(monday):
    store, slots = monday
    late = localize(datetime(2026, 3, 3, 23, 30), store.tz)
    assert pick_slot(slots, {}, earliest=earliest_start(store, NOW), requested=late).start == \
        _at(21, 3)


def test_requested_inside_lead_time_moves_to_first_allowed(monday):
    store, slots = monday
    soon = localize(datetime(2026, 3, 2, 9, 30), store.tz)
    assert pick_slot(slots, {}, earliest=earliest_start(store, NOW), requested=soon).start == \
        _at(11)


def test_nothing_available(monday):
    store, slots = monday
    assert pick_slot(slots, {s.key: 99 for s in slots}, earliest=NOW) is None
    assert pick_slot([], {}, earliest=NOW) is None


def test_available_slots_lists_earliest_first(monday):
    store, slots = monday
    found = available_slots(slots, {slots[4].key: 4}, earliest=earliest_start(store, NOW),
                            limit=3)
    assert [s.local_start.hour for s in found] == [12, 13, 14]  # 11:00 (slots[4]) is full


def test_slot_key_is_an_instant_not_a_wall_time(store_factory):
    store = store_factory()
    slot = day_slots(store, PICKUP, date(2026, 3, 2))[0]
    assert slot.key == "ny/pickup/2026-03-02T12:00Z"
    assert slot.local_start.time() == time(7)


@pytest.mark.parametrize("instant", [
    datetime(2026, 12, 6, 17, 57, 45, 123456, tzinfo=UTC),
    datetime(2026, 12, 6, 17, 57, 45, tzinfo=UTC),  # no microseconds: still six digits
    datetime(2026, 3, 8, 1, 59, 59, 999999, tzinfo=NY),  # an hour before a DST change
    datetime(2026, 11, 1, 1, 30, 0, 1, tzinfo=NY).replace(fold=1),  # the repeated hour
    datetime(1999, 12, 31, 23, 59, 59, 5, tzinfo=timezone(timedelta(hours=-9, minutes=-30))),
])
def test_an_instant_is_stored_as_sortable_utc_text_and_read_back_unchanged(instant):
    from cart.fulfillment import from_utc_key, utc_key

    key = utc_key(instant)
    assert key == instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    assert len(key) == 27 and key.endswith("Z")
    # (against the UTC instant: PEP 495 makes an ambiguous local time unequal to any other zone's)
    assert from_utc_key(key) == instant.astimezone(UTC)


def test_stored_instants_sort_as_text_in_time_order():
    from cart.fulfillment import utc_key

    instants = [datetime(2026, 11, 1, 5, 30, tzinfo=UTC) + timedelta(microseconds=7 ** k)
                for k in range(12)] + [datetime(2026, 11, 1, 1, 30, tzinfo=NY)]
    assert sorted(instants) == sorted(instants, key=utc_key)


def test_a_naive_instant_is_refused_rather_than_stored_as_if_utc():
    from cart.fulfillment import utc_key

    with pytest.raises(ValueError, match="naive"):
        utc_key(datetime(2026, 12, 6, 12, 0))
