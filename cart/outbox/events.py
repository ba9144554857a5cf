"""Order events: what is written to the outbox in the same transaction as the order change.

The body is frozen when the event is written, so every retry sends the same bytes under the
same id (`webhook-id`), and a receiver can drop duplicates. Its shape (contract):
`{"id": "evt_…", "type": …, "created_at": ISO-8601, "data": <order JSON>}`.
"""
from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from cart import codec
from cart.fulfillment import UTC, as_utc
from cart.json_views import money_json, order_json, quantity_json
from cart.orders import Order

ORDER_PLACED: Final = "order.placed"
ORDER_CHANGED: Final = "order.changed"
ORDER_CANCELLED: Final = "order.cancelled"
ORDER_STATUS: Final = "order.status"
EVENT_TYPES: Final = (ORDER_PLACED, ORDER_CHANGED, ORDER_CANCELLED, ORDER_STATUS)

PENDING: Final = "pending"
DELIVERED: Final = "delivered"
DEAD: Final = "dead"
STATES: Final = (PENDING, DELIVERED, DEAD)


def new_event_id() -> str:
    return "evt_" + secrets.token_hex(12)


@dataclass(frozen=True)
class OrderEvent:
    """An event as the outbox stores it. `body` is the exact JSON text that is signed and sent."""

    id: str
    order_id: str
    type: str
    created_at: datetime
    body: str
    state: str = PENDING
    attempts: int = 0
    next_attempt_at: datetime | None = None
    give_up_at: datetime | None = None
    delivered_at: datetime | None = None
    last_error: str | None = None

    def summary(self) -> dict[str, Any]:
        """What `voicecart outbox list --json` prints for one event."""
        def iso(value: datetime | None) -> str | None:
            return value.astimezone(UTC).isoformat(timespec="seconds") if value else None
        return {"id": self.id, "order_id": self.order_id, "type": self.type,
                "state": self.state, "attempts": self.attempts,
                "created_at": iso(self.created_at), "next_attempt_at": iso(self.next_attempt_at),
                "delivered_at": iso(self.delivered_at), "last_error": self.last_error}


def order_event_data(order: Order, now: datetime) -> dict[str, Any]:
    """The order JSON of `voicecart orders list --json`, plus what a store needs to fulfil it:
    the customer, the money parts, each line's substitution preference, the store's picking
    result once there is one."""
    data = order_json(order, now)
    data["customer_id"] = order.customer_id
    data["subtotal"] = money_json(order.subtotal)
    data["delivery_fee"] = money_json(order.delivery_fee)
    for item, line in zip(data["items"], order.lines):
        item["substitution"] = codec.substitution_to_dict(line.substitution)
    # One string for the driver, as before: the notes said by voice for this order, else the
    # address's standing instructions. The parts, and unattended delivery, are also in
    # fulfillment.delivery_notes (added, issue 17)
    address = order.fulfillment.address
    notes = order.fulfillment.notes
    data["delivery_notes"] = notes.text or (address.instructions if address is not None else None)
    data["unattended_delivery"] = notes.unattended
    if order.cancelled_at is not None:
        data["cancelled_at"] = order.cancelled_at.astimezone(UTC).isoformat(timespec="seconds")
    if order.picked is not None:
        data["picked"] = {
            "lines": [{"product_id": p.product_id, "quantity": quantity_json(p.quantity),
                       "unit": p.unit, "substituted_by": p.substituted_by,
                       "out_of_stock": p.out_of_stock} for p in order.picked.lines],
            "total": money_json(order.picked.total),
        }
    return data


def order_event(event_type: str, order: Order, now: datetime) -> OrderEvent:
    if event_type not in EVENT_TYPES:
        raise ValueError(f"unknown event type {event_type!r}")
    now = as_utc(now)
    event_id = new_event_id()
    body = json.dumps({"id": event_id, "type": event_type,
                       "created_at": now.isoformat(timespec="milliseconds"),
                       "data": order_event_data(order, now)},
                      separators=(",", ":"), ensure_ascii=False)
    return OrderEvent(event_id, order.id, event_type, now, body, next_attempt_at=now)
