"""What the grocer's order system tells us about an order: status changes and picking results.
Pure rules, no I/O; cart.store_updates applies them in a transaction with their outbox events.

Status moves forward only, and may skip steps (placed -> ready_for_pickup):

    placed < picking < ready_for_pickup | out_for_delivery < completed

`picked_up` and `delivered` both mean completed (a store reports pickups as delivered too);
`cancelled_by_store` ends an order from any open status. Nothing changes a completed or
cancelled order. The fulfillment kind must fit: a pickup order is never out for delivery.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Final, Mapping

from cart.errors import DomainError
from cart.fulfillment import DELIVERY, PICKUP, as_utc
from cart.orders import (
    CANCELLED_BY_STORE, COMPLETED, FINAL_STATUSES, OUT_FOR_DELIVERY, PICKING, PLACED,
    READY_FOR_PICKUP, Order, PickedLine, PickResult,
)

# What the store may send, and the order status each one leads to
STORE_STATUSES: Final = {
    "picking": PICKING, "ready_for_pickup": READY_FOR_PICKUP,
    "out_for_delivery": OUT_FOR_DELIVERY, "delivered": COMPLETED, "picked_up": COMPLETED,
    "completed": COMPLETED, "cancelled_by_store": CANCELLED_BY_STORE,
}
_RANK: Final = {PLACED: 0, PICKING: 1, READY_FOR_PICKUP: 2, OUT_FOR_DELIVERY: 2, COMPLETED: 3}
_ONLY_FOR: Final = {READY_FOR_PICKUP: PICKUP, OUT_FOR_DELIVERY: DELIVERY}
MAX_PICKED_LINES: Final = 500
MAX_AMOUNT: Final = Decimal("1000000")


class InvalidStoreEvent(DomainError):
    """The body is not a status change or picking result we understand (HTTP 422)."""


class ImpossibleTransition(DomainError):
    """A well-formed event that cannot apply to this order as it stands (HTTP 409)."""

    def __init__(self, reason: str, current: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.current = current


def stored_status(order: Order) -> str:
    """Where the order stands as far as the store is concerned: what it last reported, else
    placed (the clock-based demo status never counts against what the store says)."""
    if order.reported_status is not None:
        return order.reported_status
    return "cancelled" if order.cancelled_at is not None else PLACED


def apply_status(order: Order, reported: str, now: datetime) -> Order | None:
    """The order after the store reported `reported`; None when it already has that status.
    Raises InvalidStoreEvent for an unknown status, ImpossibleTransition for a backward,
    wrong-kind or after-the-end one."""
    target = STORE_STATUSES.get(reported) if isinstance(reported, str) else None
    if target is None:
        raise InvalidStoreEvent(f"unknown status {reported!r}; expected one of "
                                + ", ".join(sorted(STORE_STATUSES)))
    current = stored_status(order)
    if current in FINAL_STATUSES:
        raise ImpossibleTransition(f"order {order.id} is {current}; it cannot change any more",
                                   current)
    if target == current:
        return None
    kind = _ONLY_FOR.get(target)
    if kind is not None and kind != order.fulfillment.kind:
        raise ImpossibleTransition(f"order {order.id} is for {order.fulfillment.kind}, so it "
                                   f"cannot be {target}", current)
    if target != CANCELLED_BY_STORE and _RANK[target] < _RANK[current]:
        raise ImpossibleTransition(f"order {order.id} is already {current}; it cannot go back "
                                   f"to {target}", current)
    cancelled_at = as_utc(now) if target == CANCELLED_BY_STORE else order.cancelled_at
    return replace(order, reported_status=target, cancelled_at=cancelled_at)


def apply_picking(order: Order, result: PickResult) -> Order:
    """The order with the store's picking result (final weights, substitutions, out of stock,
    final total). A later result replaces an earlier one."""
    current = stored_status(order)
    if current in FINAL_STATUSES:
        raise ImpossibleTransition(f"order {order.id} is {current}; it cannot change any more",
                                   current)
    ordered = {line.product_id for line in order.lines}
    for i, line in enumerate(result.lines):
        if line.product_id not in ordered:
            raise InvalidStoreEvent(f"lines[{i}]: product {line.product_id!r} is not in order "
                                    f"{order.id}")
    return replace(order, picked=result)


# --- parsing the JSON the store sends ---------------------------------------------------------

def _amount(value: Any, where: str, *, allow_zero: bool = True) -> Decimal:
    # bool is an int in Python; JSON true is not an amount
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise InvalidStoreEvent(f"{where} must be a number")
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise InvalidStoreEvent(f"{where} must be a number") from None
    if not amount.is_finite() or amount < 0 or amount > MAX_AMOUNT \
            or (amount == 0 and not allow_zero):
        raise InvalidStoreEvent(f"{where} must be a number between 0 and {MAX_AMOUNT}")
    return amount


def _optional_text(data: Mapping[str, Any], key: str, where: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip() or len(value) > 200:
        raise InvalidStoreEvent(f"{where}.{key} must be a short non-empty string")
    return value.strip()


def parse_picking(body: Mapping[str, Any], now: datetime) -> PickResult:
    """`{"type": "picked", "lines": [{"product_id", "quantity", "unit", "substituted_by"?,
    "out_of_stock"?}], "total"}` -> PickResult, or InvalidStoreEvent saying what is wrong."""
    lines = body.get("lines")
    if not isinstance(lines, list) or len(lines) > MAX_PICKED_LINES:
        raise InvalidStoreEvent(f"lines must be a list of at most {MAX_PICKED_LINES} objects")
    parsed: list[PickedLine] = []
    for i, line in enumerate(lines):
        where = f"lines[{i}]"
        if not isinstance(line, dict):
            raise InvalidStoreEvent(f"{where} must be an object")
        product_id = _optional_text(line, "product_id", where)
        if product_id is None:
            raise InvalidStoreEvent(f"{where}.product_id is required")
        out_of_stock = line.get("out_of_stock", False)
        if not isinstance(out_of_stock, bool):
            raise InvalidStoreEvent(f"{where}.out_of_stock must be true or false")
        quantity = Decimal(0) if out_of_stock and line.get("quantity") is None \
            else _amount(line.get("quantity"), f"{where}.quantity")
        parsed.append(PickedLine(product_id, quantity, _optional_text(line, "unit", where),
                                 _optional_text(line, "substituted_by", where), out_of_stock))
    return PickResult(tuple(parsed), _amount(body.get("total"), "total"), now)
