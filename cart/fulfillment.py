"""Stores, fulfillment policy, slots and slot holds: values only, no I/O.

All instants are timezone-aware and held in UTC. That is not pedantry: Python compares and
subtracts two datetimes that share a ZoneInfo by their wall-clock fields, ignoring the offset, so
across a DST change "03:30 EDT minus 1 hour" or "01:30 EDT < 01:10 EST" come out wrong. Values
keep the zone name beside the instant and offer local views (`local_start`) for speaking.
"""
from __future__ import annotations

import re

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, timezone
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Final, Mapping
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cart.errors import UnsupportedFulfillment

if TYPE_CHECKING:
    from cart.model import Customer

UTC = timezone.utc  # datetime.UTC is 3.11+; setup.cfg allows 3.10

PICKUP: Final = "pickup"
DELIVERY: Final = "delivery"
KINDS: Final = (PICKUP, DELIVERY)

WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise UnsupportedFulfillment(str(kind))
    return kind


@dataclass(frozen=True)
class FulfillmentPolicy:
    pickup_slot: timedelta = timedelta(hours=1)
    delivery_window: timedelta = timedelta(hours=2)
    pickup_capacity: int = 4
    delivery_capacity: int = 3
    lead_time: timedelta = timedelta(hours=2)      # earliest slot start after now
    hold_time: timedelta = timedelta(minutes=10)   # a chosen slot is kept this long unbooked
    picking_lead: timedelta = timedelta(hours=1)   # picking starts this long before the slot
    delivery_fee: Decimal = Decimal("5.99")
    free_delivery_threshold: Decimal = Decimal("35.00")  # subtotal >= this: no delivery fee
    minimum_order: Decimal = Decimal("10.00")
    days_ahead: int = 7                            # booking horizon, today included
    # Live holds may take at most this share of a slot: unbooked holds alone never fill it, so
    # a script holding slot after slot cannot leave real shoppers without one
    max_held_percent: int = 50
    # Sales tax on taxable products (catalog column `taxable`), as a fraction: 0.08875 is
    # 8.875%. Per store, since it is the store's location that sets it (cart.pricing)
    tax_rate: Decimal = Decimal("0")

    def __post_init__(self) -> None:
        rate = Decimal(self.tax_rate)
        if not rate.is_finite() or not Decimal(0) <= rate < Decimal(1):
            raise ValueError(f"tax rate {self.tax_rate!r} is not a fraction in [0, 1)")
        object.__setattr__(self, "tax_rate", rate)

    def slot_length(self, kind: str) -> timedelta:
        return self.pickup_slot if check_kind(kind) == PICKUP else self.delivery_window

    def capacity(self, kind: str) -> int:
        return self.pickup_capacity if check_kind(kind) == PICKUP else self.delivery_capacity

    def hold_cap(self, kind: str) -> int:
        """How many live holds one slot of `kind` may carry (at least one)."""
        return max(1, self.capacity(kind) * self.max_held_percent // 100)

    def fee(self, kind: str, subtotal: Decimal) -> Decimal:
        if check_kind(kind) == PICKUP or subtotal >= self.free_delivery_threshold:
            return Decimal("0.00")
        return self.delivery_fee


@dataclass(frozen=True)
class OpeningHours:
    """Open from `opens` to `closes` local time on one weekday; closes == 00:00 means midnight."""

    opens: time
    closes: time

    def __post_init__(self) -> None:
        if self.closes != time(0) and self.closes <= self.opens:
            raise ValueError(f"closes {self.closes} is not after opens {self.opens}")


@dataclass(frozen=True)
class Store:
    id: str
    name: str
    address: str
    tz: str  # IANA name, e.g. America/New_York
    # weekday (0 = Monday) -> hours; a weekday absent is closed
    hours: Mapping[int, OpeningHours] = field(default_factory=dict)
    policy: FulfillmentPolicy = field(default_factory=FulfillmentPolicy)
    kinds: tuple[str, ...] = KINDS
    # Products this store has none of, though the catalog sells them (stock differs per store)
    out_of_stock: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        try:
            ZoneInfo(self.tz)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {self.tz!r}") from None
        for kind in self.kinds:
            check_kind(kind)
        object.__setattr__(self, "out_of_stock", frozenset(self.out_of_stock))

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.tz)

    def offers(self, kind: str) -> bool:
        return kind in self.kinds

    def has_in_stock(self, product_id: str) -> bool:
        return product_id not in self.out_of_stock

    @property
    def postal_code(self) -> str | None:
        """The five-digit ZIP code at the end of the address, for "which stores are near me"."""
        found = re.findall(r"\b(\d{5})(?:-\d{4})?\b", self.address)
        return found[-1] if found else None

    @property
    def street(self) -> str:
        """The address up to the first comma: "418 Alder Street"."""
        return self.address.split(",")[0].strip()


def as_utc(instant: datetime) -> datetime:
    if instant.tzinfo is None:
        raise ValueError("naive datetime: instants must be timezone-aware")
    return instant.astimezone(UTC)


def utc_key(instant: datetime) -> str:
    """Sortable UTC text for an instant, the form stored and indexed:
    "2026-12-06T17:57:45.123456Z" (what strftime's "%Y-%m-%dT%H:%M:%S.%fZ" gives, at a tenth
    of its cost: every cart write stores one)."""
    return as_utc(instant).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def from_utc_key(text: str) -> datetime:
    # The form utc_key writes, read by fromisoformat (strptime costs ~10x: it consults the
    # locale on every call); anything else by strptime, which decides what is valid
    if len(text) == 27 and text[10] == "T" and text[19] == "." and text[26] == "Z":
        return datetime.fromisoformat(text[:26]).replace(tzinfo=UTC)
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


@dataclass(frozen=True)
class Slot:
    store_id: str
    kind: str
    start: datetime  # UTC instant (converted on construction)
    end: datetime
    capacity: int
    tz: str = "UTC"  # the store's zone, for local_start / local_end

    def __post_init__(self) -> None:
        object.__setattr__(self, "start", as_utc(self.start))
        object.__setattr__(self, "end", as_utc(self.end))

    # A slot never changes: what is derived from it is worked out once (a checkout read-back
    # asks for its key and local times over and over)
    @cached_property
    def key(self) -> str:
        """Stable identity of the slot for bookings and holds (store, kind, start instant)."""
        return f"{self.store_id}/{self.kind}/{self.start:%Y-%m-%dT%H:%MZ}"

    @cached_property
    def local_start(self) -> datetime:
        return self.start.astimezone(ZoneInfo(self.tz))

    @cached_property
    def local_end(self) -> datetime:
        return self.end.astimezone(ZoneInfo(self.tz))

    @property
    def length(self) -> timedelta:
        return self.end - self.start

    def contains(self, instant: datetime) -> bool:
        return self.start <= as_utc(instant) < self.end


@dataclass(frozen=True)
class SlotHold:
    """A customer's chosen slot, reserved until `expires_at`; one per customer and one per
    dialog session.

    After expiry the choice is remembered but no longer counts against capacity: checkout
    then succeeds only if the slot still has room. A choice made when the slot already carries
    its cap of holds is such a remembered, unreserved choice from the start.
    """

    customer_id: str
    slot: Slot
    expires_at: datetime
    # The dialog session that made the hold: a session holds one slot at a time, whichever
    # customer ids it speaks for
    session: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "expires_at", as_utc(self.expires_at))

    def active(self, now: datetime) -> bool:
        return as_utc(now) < self.expires_at


def store_id_of(hold: SlotHold | None, customer: Customer | None) -> str | None:
    """The store a shopper is buying from: their held slot's, else their own store, else None
    (CartRepository.shopping_store_id, for a repository that has both rows at hand)."""
    if hold is not None:
        return hold.slot.store_id
    return customer.preferred_store_id if customer is not None else None
