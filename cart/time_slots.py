"""Pure slot arithmetic: generate a store's slots from its opening hours, pick the nearest one.

Pitfall this module exists to contain: `aware_dt + timedelta` on a ZoneInfo datetime is
wall-clock arithmetic, so across a DST change it is off by an hour. Slot boundaries are
therefore stepped in UTC from the local opening instant, and only converted back to the store's
zone for display. On the spring-forward day a store open around the clock has 23 one-hour
slots, on the fall-back day 25; every slot lasts exactly its length in real time.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Iterable, Mapping
from zoneinfo import ZoneInfo

from cart.fulfillment import UTC, Slot, Store, as_utc


def localize(value: datetime, tz: str | ZoneInfo) -> datetime:
    """Attach a zone to a naive local time ("tomorrow at five" from the parser).

    An aware value is only converted. A local time that doesn't exist (02:30 on the
    spring-forward day) moves forward by the gap, as a clock would; an ambiguous one (01:30
    on the fall-back day) means its first occurrence.
    """
    zone = tz if isinstance(tz, ZoneInfo) else ZoneInfo(tz)
    if value.tzinfo is not None:
        return value.astimezone(zone)
    return value.replace(tzinfo=zone, fold=0).astimezone(UTC).astimezone(zone)


def local_date(store: Store, instant: datetime) -> date:
    return instant.astimezone(store.zone).date()


def day_slots(store: Store, kind: str, day: date) -> list[Slot]:
    """The slots of one local calendar day, aligned to the opening time."""
    hours = store.hours.get(day.weekday())
    if hours is None or not store.offers(kind):
        return []
    zone = store.zone
    opens = localize(datetime.combine(day, hours.opens), zone).astimezone(UTC)
    close_day = day + timedelta(days=1) if hours.closes == time(0) else day
    closes = localize(datetime.combine(close_day, hours.closes), zone).astimezone(UTC)
    length = store.policy.slot_length(kind)
    capacity = store.policy.capacity(kind)
    slots = []
    start = opens
    while start + length <= closes:
        slots.append(Slot(store.id, kind, start, start + length, capacity, store.tz))
        start += length
    return slots


def generate_slots(store: Store, kind: str, now: datetime, days: int | None = None) -> list[Slot]:
    """Slots of `days` local days starting with the store's today (default: the policy's
    horizon), in time order. Includes slots already past; callers filter by lead time."""
    first = local_date(store, now)
    count = store.policy.days_ahead if days is None else days
    slots: list[Slot] = []
    for offset in range(count):
        slots.extend(day_slots(store, kind, first + timedelta(days=offset)))
    return slots


def earliest_start(store: Store, now: datetime) -> datetime:
    return as_utc(now) + store.policy.lead_time


def _distance(slot: Slot, instant: datetime) -> timedelta:
    # From the start, not the nearer edge: the 16:00-17:00 slot is not "at five"
    instant = as_utc(instant)
    return timedelta(0) if slot.contains(instant) else abs(slot.start - instant)


def pick_slot(slots: Iterable[Slot], usage: Mapping[str, int], *, earliest: datetime,
              requested: datetime | None = None) -> Slot | None:
    """The slot to offer.

    Without a request: the earliest slot starting at or after `earliest` that has room ("next
    available"). With one: the slot containing the requested time if it has room, else the one
    whose start is nearest; on a tie the later one, since "at five" rarely means "at four".
    "Saturday morning" is the caller's choice of requested time (say Saturday 09:00).
    """
    candidates = sorted((slot for slot in slots
                         if slot.start >= earliest and usage.get(slot.key, 0) < slot.capacity),
                        key=lambda slot: slot.start)
    if not candidates:
        return None
    if requested is None:
        return candidates[0]
    return min(candidates, key=lambda slot: (_distance(slot, requested), -slot.start.timestamp()))


def available_slots(slots: Iterable[Slot], usage: Mapping[str, int], *, earliest: datetime,
                    limit: int | None = None) -> list[Slot]:
    found = [slot for slot in sorted(slots, key=lambda s: s.start)
             if slot.start >= earliest and usage.get(slot.key, 0) < slot.capacity]
    return found if limit is None else found[:limit]
