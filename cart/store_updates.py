"""Service functions for what the grocer's order system sends: a status change or a picking
result. One transaction each: the change, its outbound events and the inbound event id (so a
replay is recognised and changes nothing) commit together.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Mapping

from cart.errors import OrderNotFound
from cart.orders import CANCELLED_BY_STORE, Order
from cart.outbox.events import ORDER_CANCELLED, ORDER_CHANGED, ORDER_STATUS, order_event
from cart.ports import CartRepository
from cart.services import _clock
from cart.store_events import (
    InvalidStoreEvent, apply_picking, apply_status, parse_picking,
)

MAX_EVENT_ID = 200


@dataclass(frozen=True)
class StoreUpdateResult:
    order: Order
    changed: bool      # False: a replay of an event already applied, or the same status again
    replay: bool = False


def apply_store_event(repo: CartRepository, order_id: str, event_id: str,
                      body: Mapping[str, Any], *, now: datetime) -> StoreUpdateResult:
    """Apply `{"type": "status", "status": …}` or `{"type": "picked", "lines": […], "total"}`
    to the order. Raises OrderNotFound, InvalidStoreEvent (a body we cannot use) or
    ImpossibleTransition (a change this order cannot take)."""
    now = _clock(now)
    if not isinstance(event_id, str) or not event_id.strip() or len(event_id) > MAX_EVENT_ID:
        raise InvalidStoreEvent(f"webhook-id must be 1 to {MAX_EVENT_ID} characters")
    kind = body.get("type")
    if kind not in ("status", "picked"):
        raise InvalidStoreEvent('type must be "status" or "picked"')
    picking = parse_picking(body, now) if kind == "picked" else None
    with repo.transaction():
        order = repo.get_order(order_id)
        if order is None:
            raise OrderNotFound(order_id)
        if repo.seen_store_event(event_id):
            return StoreUpdateResult(order, changed=False, replay=True)
        events: list[str] = []
        if picking is not None:
            updated: Order | None = apply_picking(order, picking)
            events.append(ORDER_CHANGED)
        else:
            updated = apply_status(order, body.get("status"), now)
            if updated is not None and updated.reported_status == CANCELLED_BY_STORE:
                events.append(ORDER_CANCELLED)
            events.append(ORDER_STATUS)
        repo.remember_store_event(event_id, order.id, now)
        if updated is None:
            return StoreUpdateResult(order, changed=False)
        repo.save_order(updated)
        for event_type in events:
            repo.record_event(order_event(event_type, updated, now))
    return StoreUpdateResult(updated, changed=True)
