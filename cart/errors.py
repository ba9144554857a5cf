"""Domain errors of carts, fulfillment and orders.

Each error carries the values a conversation needs to answer well ("the minimum order is $10",
"that slot just filled up, the next one is at 6"), so callers never parse messages.
"""
from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:  # only for annotations: keeps the import graph acyclic
    from cart.fulfillment import Slot
    from cart.model import CartLine
    from cart.orders import Order


class DomainError(Exception):
    """Base class: a request the shopper can fix or be told about; never a server fault."""


# --- cart ---------------------------------------------------------------------------------

class InvalidQuantity(DomainError):
    def __init__(self, value: object, reason: str = "quantity must be a positive number") -> None:
        super().__init__(f"{reason}: {value!r}")
        self.value = value
        self.reason = reason


class InvalidUnit(DomainError):
    pass


class CartFull(DomainError):
    def __init__(self, limit: int) -> None:
        super().__init__(f"a cart holds at most {limit} lines")
        self.limit = limit


class LineNotFound(DomainError):
    def __init__(self, product_id: str, unit: str | None = None) -> None:
        where = f" in {unit}" if unit else ""
        super().__init__(f"no cart line for product {product_id!r}{where}")
        self.product_id = product_id
        self.unit = unit


class AmbiguousLine(DomainError):
    """The product is in the cart in several units ("a dozen eggs" and "6 eggs"): say which."""

    def __init__(self, lines: Sequence["CartLine"]) -> None:
        super().__init__(f"{len(lines)} cart lines match; name the unit")
        self.lines = tuple(lines)


class NothingToUndo(DomainError):
    pass


class EmptyCart(DomainError):
    pass


class CartChanged(DomainError):
    """The cart changed after the shopper heard the checkout summary (another device, say)."""

    def __init__(self, expected: int, actual: int) -> None:
        super().__init__(f"cart revision {actual}, expected {expected}")
        self.expected = expected
        self.actual = actual


class BelowMinimumOrder(DomainError):
    def __init__(self, minimum: Decimal, subtotal: Decimal) -> None:
        super().__init__(f"the minimum order is {minimum}; the cart comes to {subtotal}")
        self.minimum = minimum
        self.subtotal = subtotal
        self.shortfall = minimum - subtotal


# --- customers and fulfillment ------------------------------------------------------------

class InvalidAddress(DomainError):
    pass


class NoAddress(DomainError):
    """Delivery was asked for but the customer has no delivery address on file."""


class UnknownStore(DomainError):
    def __init__(self, store_id: str | None) -> None:
        super().__init__(f"unknown store {store_id!r}")
        self.store_id = store_id


class UnsupportedFulfillment(DomainError):
    def __init__(self, kind: str, store_id: str | None = None) -> None:
        super().__init__(f"{kind!r} is not offered" + (f" by store {store_id}" if store_id else ""))
        self.kind = kind
        self.store_id = store_id


class NoFulfillmentChosen(DomainError):
    """Checkout needs pickup or delivery and a slot first (see services.choose_fulfillment)."""


class NoSlotAvailable(DomainError):
    """No slot with room in the booking horizon."""


class SlotUnavailable(DomainError):
    """The chosen slot can't be booked; `next_slot` is the nearest one that can (or None)."""

    def __init__(self, slot: "Slot", next_slot: "Slot | None", reason: str) -> None:
        super().__init__(f"slot {slot.key} unavailable: {reason}")
        self.slot = slot
        self.next_slot = next_slot


class SlotFull(SlotUnavailable):
    def __init__(self, slot: "Slot", next_slot: "Slot | None") -> None:
        super().__init__(slot, next_slot, "full")


class SlotTooSoon(SlotUnavailable):
    """The hold expired and the slot now starts inside the lead time (or has passed)."""

    def __init__(self, slot: "Slot", next_slot: "Slot | None") -> None:
        super().__init__(slot, next_slot, "starts too soon")


# --- orders -------------------------------------------------------------------------------

class InvalidSubmissionKey(DomainError):
    pass


class SubmissionKeyConflict(DomainError):
    """The key belongs to another customer's order. We refuse rather than reveal that order."""


class OrderNotFound(DomainError):
    def __init__(self, order_id: str | None) -> None:
        super().__init__(f"no order {order_id!r}" if order_id else "no orders yet")
        self.order_id = order_id


class CancelTooLate(DomainError):
    def __init__(self, order: "Order", status: str) -> None:
        super().__init__(f"order {order.id} is {status}; it can no longer be cancelled")
        self.order = order
        self.status = status


class AlreadyCancelled(DomainError):
    def __init__(self, order: "Order") -> None:
        super().__init__(f"order {order.id} is already cancelled")
        self.order = order


class OutOfStock(DomainError):
    def __init__(self, product_id: str, name: str) -> None:
        super().__init__(f"{name} ({product_id}) is out of stock")
        self.product_id = product_id
        self.name = name


class OrderLocked(DomainError):
    """A placed order can no longer be changed: picking started, or it is ready, done or
    cancelled. `status` says which, so the shopper hears why."""

    def __init__(self, order: "Order", status: str) -> None:
        super().__init__(f"order {order.id} is {status}; it can no longer be changed")
        self.order = order
        self.status = status


class OrderChangedMeanwhile(DomainError):
    """The order changed (another device, a second session) after this change was read back:
    the total heard is no longer the one that would be charged."""

    def __init__(self, order: "Order") -> None:
        super().__init__(f"order {order.id} changed since it was read back")
        self.order = order


class NothingToChange(DomainError):
    """The change asked for leaves the order as it is (or would leave it with no items)."""
