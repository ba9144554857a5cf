"""POST /v1/orders/<id>/events: status changes and picking results from the grocer's order
system, signed as Standard Webhooks specify with VOICECART_INBOUND_SECRET.

401: a missing or bad signature, or a timestamp more than 5 minutes off (checked by the
`standardwebhooks` package). 404: no such order. 409: a change this order cannot take.
422: a body we cannot use. 200: applied, or a replay of an event id already applied (which
changes nothing). The signature is checked on the raw bytes before anything is parsed.
"""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request
from standardwebhooks.webhooks import Webhook

from cart.errors import OrderNotFound
from cart.store_events import ImpossibleTransition, InvalidStoreEvent
from cart.store_updates import apply_store_event
from skill.http_utils import json_body, reject

bp = Blueprint("order_events", __name__)
MAX_ORDER_ID = 64


def _verified(secret: str) -> bool:
    headers = {key.lower(): value for key, value in request.headers.items()}
    try:
        Webhook(secret).verify(request.get_data(cache=True), headers, json_parse=False)
    except Exception:  # the package raises ValueError, binascii.Error... on hostile headers too
        return False
    return True


@bp.post("/v1/orders/<order_id>/events")
def order_event(order_id: str):
    runtime = current_app.extensions["voicecart"]
    secret = runtime.config.inbound_secret
    if secret is None:
        return reject(403, "inbound order events are off: set VOICECART_INBOUND_SECRET")
    if not _verified(secret):
        return reject(401, "missing or bad webhook signature, or a timestamp more than 5 "
                           "minutes off")
    body = json_body()
    if len(order_id) > MAX_ORDER_ID:
        return reject(404, "no such order")
    try:
        result = apply_store_event(runtime.carts(), order_id, request.headers["webhook-id"],
                                   body, now=runtime.clock())
    except OrderNotFound:
        return reject(404, f"no order {order_id!r}")
    except ImpossibleTransition as exc:
        response = jsonify(error="Conflict", reason=exc.reason, status=exc.current)
        return response, 409
    except InvalidStoreEvent as exc:
        return jsonify(error="Unprocessable Entity", reason=str(exc)), 422
    return jsonify(order_id=result.order.id, status=result.order.status_at(runtime.clock()),
                   changed=result.changed, replay=result.replay)
