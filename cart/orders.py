"""Orders: what a checked-out cart becomes, and how its status moves on. No I/O.

Status is not stored but derived from the order's timeline and `now` (a pure function), so the
demo needs no background worker and tests need no sleeping:

    placed --(picking_at)--> picking --(slot start)--> ready_for_pickup | out_for_delivery
           --(slot end)--> completed;            cancelled at any point before picking_at.

That clock is the demo behaviour. Once the grocer's order system reports a status (see
cart.store_events), the stored `reported_status` wins and the clock no longer moves the order.

The timeline hangs off the slot rather than the time of placement: an order for tomorrow must
not say "ready for pickup" half an hour after it was placed. picking_at = slot start minus the
policy's picking lead (never before placement); it is also the cancellation cut-off.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import Final, Sequence

from cart.errors import AlreadyCancelled, CancelTooLate
from cart.fulfillment import DELIVERY, PICKUP, FulfillmentPolicy, Slot, Store, as_utc
from cart.model import Address, CartLine, Customer, DeliveryNotes, Substitution
from cart.pricing import bill_for

PLACED: Final = "placed"
PICKING: Final = "picking"
BEING_PICKED: Final = PICKING  # the older name of the same status
READY_FOR_PICKUP: Final = "ready_for_pickup"
OUT_FOR_DELIVERY: Final = "out_for_delivery"
COMPLETED: Final = "completed"
CANCELLED: Final = "cancelled"
CANCELLED_BY_STORE: Final = "cancelled_by_store"
STATUSES: Final = (PLACED, PICKING, READY_FOR_PICKUP, OUT_FOR_DELIVERY, COMPLETED, CANCELLED,
                   CANCELLED_BY_STORE)
FINAL_STATUSES: Final = frozenset({COMPLETED, CANCELLED, CANCELLED_BY_STORE})

# Crockford-style alphabet without I, L, O, U: ids read aloud ("order K7 4M...") stay unambiguous
_ID_ALPHABET: Final = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_order_id() -> str:
    return "".join(secrets.choice(_ID_ALPHABET) for _ in range(10))


@dataclass(frozen=True)
class OrderLine:
    product_id: str
    name: str
    quantity: Decimal
    unit: str | None
    unit_price: Decimal   # the price when the order was placed
    line_total: Decimal
    substitution: Substitution
    asked_quantity: Decimal | None = None  # what the shopper said, as on the cart line
    asked_unit: str | None = None
    estimated: bool = False                # billed by weight
    taxable: bool = False                  # sales tax applied (cart.pricing)

    @property
    def asked(self) -> tuple[Decimal, str | None]:
        if self.asked_quantity is None:
            return self.quantity, self.unit
        return self.asked_quantity, self.asked_unit

    @classmethod
    def from_cart_line(cls, line: CartLine, substitution: Substitution) -> OrderLine:
        return cls(line.product_id, line.name, line.quantity, line.unit, line.unit_price,
                   line.line_total, substitution, line.asked_quantity, line.asked_unit,
                   line.estimated, line.taxable)


@dataclass(frozen=True)
class PickedLine:
    """What the store picked for one ordered product: the final quantity (a weighed amount for
    goods sold by weight), a substitute, or nothing because it was out of stock."""

    product_id: str
    quantity: Decimal
    unit: str | None = None
    substituted_by: str | None = None
    out_of_stock: bool = False


@dataclass(frozen=True)
class PickResult:
    lines: tuple[PickedLine, ...]
    total: Decimal          # the final amount the store charges
    picked_at: datetime

    def __post_init__(self) -> None:
        object.__setattr__(self, "picked_at", as_utc(self.picked_at))


@dataclass(frozen=True)
class Fulfillment:
    kind: str             # pickup | delivery
    store_id: str
    store_name: str
    slot_start: datetime  # UTC instants (see cart.fulfillment on why)
    slot_end: datetime
    address: Address | None = None  # delivery only, as it was at checkout
    tz: str = "UTC"       # the store's zone
    store_address: str | None = None  # the seller's address, as it was at checkout
    notes: DeliveryNotes = DeliveryNotes()  # delivery only: for the driver

    def __post_init__(self) -> None:
        object.__setattr__(self, "slot_start", as_utc(self.slot_start))
        object.__setattr__(self, "slot_end", as_utc(self.slot_end))

    @property
    def slot(self) -> Slot:
        return Slot(self.store_id, self.kind, self.slot_start, self.slot_end, 0, self.tz)

    @property
    def slot_key(self) -> str:
        return self.slot.key


@dataclass(frozen=True)
class OrderChange:
    """One change a shopper made to a placed order (its history): `id` is the change's
    idempotency key, so a retried or repeated "yes" finds it and changes nothing twice."""

    id: str
    at: datetime
    summary: str            # what changed, in words: "added White Bread; moved to ..."
    total_before: Decimal
    total_after: Decimal

    def __post_init__(self) -> None:
        object.__setattr__(self, "at", as_utc(self.at))


@dataclass(frozen=True)
class Order:
    id: str
    customer_id: str
    submission_key: str
    created_at: datetime
    lines: tuple[OrderLine, ...]
    fulfillment: Fulfillment
    subtotal: Decimal
    delivery_fee: Decimal
    total: Decimal
    picking_at: datetime
    cancelled_at: datetime | None = None
    reported_status: str | None = None   # set by the grocer's order system; wins over the clock
    picked: PickResult | None = None
    tax: Decimal = Decimal("0.00")       # sales tax on the taxable lines, in `total`
    tax_rate: Decimal = Decimal("0")     # the store's rate when the order was placed
    changes: tuple[OrderChange, ...] = ()  # oldest first

    def __post_init__(self) -> None:
        for name in ("created_at", "picking_at", "cancelled_at"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, as_utc(value))

    def status_at(self, now: datetime) -> str:
        now = as_utc(now)
        if self.reported_status == CANCELLED_BY_STORE:
            return CANCELLED_BY_STORE
        if self.cancelled_at is not None:
            return CANCELLED
        if self.reported_status is not None:
            return self.reported_status
        if now < self.picking_at:
            return PLACED
        if now < self.fulfillment.slot_start:
            return BEING_PICKED
        if now < self.fulfillment.slot_end:
            return READY_FOR_PICKUP if self.fulfillment.kind == PICKUP else OUT_FOR_DELIVERY
        return COMPLETED

    def is_final(self, now: datetime) -> bool:
        return self.status_at(now) in FINAL_STATUSES

    def can_cancel(self, now: datetime) -> bool:
        return self.status_at(now) == PLACED

    def can_change(self, now: datetime) -> bool:
        """Items, time and method may change until picking starts (the same cut-off as
        cancelling: after it the store is already filling bags)."""
        return self.status_at(now) == PLACED

    @property
    def version(self) -> int:
        """How many changes were applied: a change planned on one version applies only to it."""
        return len(self.changes)

    def change_by_id(self, change_id: str) -> OrderChange | None:
        return next((c for c in self.changes if c.id == change_id), None)

    def cancel(self, now: datetime) -> Order:
        status = self.status_at(now)
        if status in (CANCELLED, CANCELLED_BY_STORE):
            raise AlreadyCancelled(self)
        if status != PLACED:
            raise CancelTooLate(self, status)
        return replace(self, cancelled_at=as_utc(now))

    @property
    def item_count(self) -> int:
        return len(self.lines)


def build_order(*, order_id: str, customer: Customer, submission_key: str, now: datetime,
                lines: Sequence[CartLine], store: Store, slot: Slot) -> Order:
    """Price the cart lines as they are now (cart.pricing: the same bill the read-back said);
    the caller has checked minimum, address, capacity."""
    policy: FulfillmentPolicy = store.policy
    order_lines = tuple(OrderLine.from_cart_line(line, customer.substitution_for(line))
                        for line in lines)
    bill = bill_for(order_lines, policy, slot.kind)
    delivery = slot.kind == DELIVERY
    fulfillment = Fulfillment(slot.kind, store.id, store.name, slot.start, slot.end,
                              customer.address if delivery else None, store.tz, store.address,
                              customer.delivery_notes if delivery else DeliveryNotes())
    return Order(
        id=order_id, customer_id=customer.id, submission_key=submission_key, created_at=now,
        lines=order_lines, fulfillment=fulfillment, subtotal=bill.subtotal,
        delivery_fee=bill.delivery_fee, total=bill.total,
        picking_at=max(now, slot.start - policy.picking_lead), tax=bill.tax,
        tax_rate=bill.tax_rate,
    )
