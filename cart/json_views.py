"""The design doc's JSON contracts for `voicecart cart show --json` and `orders list --json`.

Money is a JSON number rounded to cents (7.58): Decimal inside the program, a float only here
at the edge. A serialiser prints 7.5 for $7.50, so readers must not rely on two printed digits
(compare as numbers, or format with 2 decimals). Quantities are integers when whole (2), else
numbers (2.5). Times are ISO 8601 with offset: `created_at` in UTC, slot times in the store's
local time.
"""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any, Iterable

from cart import codec
from cart.fulfillment import DELIVERY, UTC
from cart.model import Cart, CartLine, money
from cart.orders import Order, OrderLine
from cart.ports import CartRepository


def money_json(amount: Decimal) -> float:
    return float(money(amount))


def quantity_json(quantity: Decimal) -> int | float:
    return int(quantity) if quantity == quantity.to_integral_value() else float(quantity)


def item_json(line: CartLine | OrderLine) -> dict[str, Any]:
    """`quantity`/`unit` are what is billed; `asked` what the shopper said; `estimated` marks
    a line billed by weight (its final price is set at the scale)."""
    asked_quantity, asked_unit = line.asked
    return {"product_id": line.product_id, "name": line.name,
            "quantity": quantity_json(line.quantity), "unit": line.unit,
            "unit_price": money_json(line.unit_price), "line_total": money_json(line.line_total),
            "asked": {"quantity": quantity_json(asked_quantity), "unit": asked_unit},
            "estimated": line.estimated}


def order_item_json(line: OrderLine) -> dict[str, Any]:
    """An ordered line: the item shape plus what the picker may do if it is out
    (`substitution`: {"mode": "allow"|"none"|"specific", "product_id", "name"}) and whether
    sales tax applied (`taxable`)."""
    return {**item_json(line), "substitution": codec.substitution_to_dict(line.substitution),
            "taxable": line.taxable}


def cart_json(cart: Cart) -> dict[str, Any]:
    """`{"user_id", "items": [...], "total"}`; total is the items' sum, before any fees."""
    return {"user_id": cart.customer_id, "items": [item_json(line) for line in cart.lines],
            "total": money_json(cart.total)}


def fulfillment_json(order: Order) -> dict[str, Any]:
    f = order.fulfillment
    out: dict[str, Any] = {
        "type": f.kind, "store_id": f.store_id, "store_name": f.store_name,
        "slot_start": f.slot.local_start.isoformat(timespec="minutes"),
        "slot_end": f.slot.local_end.isoformat(timespec="minutes"),
        "fee": money_json(order.delivery_fee),
        "store_address": f.store_address,
    }
    if f.kind == DELIVERY:
        out["address"] = codec.address_to_dict(f.address)
        out["delivery_notes"] = {"text": f.notes.text, "unattended": f.notes.unattended}
    return out


def order_json(order: Order, now: datetime) -> dict[str, Any]:
    """`{"id", "user_id", "status", "created_at", "total", "fulfillment", "items"}`; status as
    of `now`; total = subtotal + tax + the delivery fee (shown as fulfillment.fee). Added
    since (issue 17): `subtotal`, `tax`, `tax_rate` (a fraction, as text: "0.08875")."""
    return {
        "id": order.id, "user_id": order.customer_id, "status": order.status_at(now),
        "created_at": order.created_at.astimezone(UTC).isoformat(timespec="seconds"),
        "total": money_json(order.total), "fulfillment": fulfillment_json(order),
        "items": [order_item_json(line) for line in order.lines],
        "subtotal": money_json(order.subtotal), "tax": money_json(order.tax),
        "tax_rate": str(order.tax_rate),
        # the shopper's changes after placing it, oldest first (empty: never changed)
        "changes": [{"at": c.at.isoformat(timespec="seconds"), "summary": c.summary,
                     "total_before": money_json(c.total_before),
                     "total_after": money_json(c.total_after)} for c in order.changes],
    }


def orders_json(orders: Iterable[Order], now: datetime) -> list[dict[str, Any]]:
    """Newest first, whatever order they came in."""
    ordered = sorted(orders, key=lambda o: o.created_at, reverse=True)
    return [order_json(order, now) for order in ordered]


# What the CLI prints (`voicecart cart show --user ID --json`, `voicecart orders list --json`)

def cart_show(repo: CartRepository, user_id: str) -> dict[str, Any]:
    return cart_json(repo.get_cart(user_id) or Cart(user_id))


def orders_list(repo: CartRepository, user_id: str | None, now: datetime) -> list[dict[str, Any]]:
    """One user's orders, or everyone's when user_id is None; newest first."""
    return orders_json(repo.list_orders(user_id), now)
