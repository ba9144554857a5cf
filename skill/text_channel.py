"""POST /v1/converse: the text channel, the same conversation without a voice platform.

Two ways in. The grocer's own backend sends `user_id` with the API token (VOICECART_API_TOKEN,
off in --dev): it has authenticated the shopper itself. Or a linked shopper's app sends the
shopper's access token as `Authorization: Bearer <token>` and no `user_id`: the token names the
customer (validated as on every channel, in --dev too).
"""
from __future__ import annotations

import hmac
import uuid

from flask import Blueprint, current_app, jsonify, request

from accounts.model import is_linked_customer_id
from accounts.validators import IdentityProviderDown
from cart.session_carts import is_session_scoped
from skill.http_utils import json_body, reject
from skill.linking import PROVIDER_DOWN

bp = Blueprint("text_channel", __name__)
MAX_ID = 200
MAX_TEXT = 5000


def _bearer() -> str | None:
    given = request.headers.get("Authorization", "")
    return given[7:].strip() or None if given[:7].lower() == "bearer " else None


@bp.post("/v1/converse")
def converse():
    runtime = current_app.extensions["voicecart"]
    config = runtime.config
    token = _bearer()
    api_token_ok = bool(config.api_token and token) and hmac.compare_digest(
        (token or "").encode(), (config.api_token or "").encode())
    customer_token = not api_token_ok and bool(token) and runtime.linker.enabled
    if not (api_token_ok or customer_token or config.dev):
        if not config.api_token:
            return reject(401, "the text channel needs VOICECART_API_TOKEN set on the server (or --dev)")
        return reject(401, "missing or wrong bearer token")
    body = json_body()
    user_id = body.get("user_id")
    customer = None
    if customer_token and (user_id is None or not config.dev):
        if user_id is not None:
            return reject(400, "with a customer's access token leave out 'user_id': the token "
                               "names the shopper")
        try:
            customer = runtime.linker.customer_for(token or "")
        except IdentityProviderDown:
            return reject(503, PROVIDER_DOWN)
        if customer is None:
            response, status = reject(401, "the access token is not valid or has expired")
            response.headers["WWW-Authenticate"] = 'Bearer error="invalid_token"'
            return response, status
        runtime.linker.on_linked(customer)
    session_id = body.get("session_id") or uuid.uuid4().hex
    text = body.get("text")
    checks = [("session_id", session_id, MAX_ID), ("text", text, MAX_TEXT)]
    if customer is None:
        checks.insert(0, ("user_id", user_id, MAX_ID))
    for name, value, limit in checks:
        if not isinstance(value, str) or (name != "text" and not value.strip()):
            return reject(400, f"'{name}' must be a non-empty string")
        if len(value) > limit:
            return reject(400, f"'{name}' is longer than {limit} characters")
    if customer is None:
        user_id = user_id.strip()
        if is_session_scoped(user_id) or is_linked_customer_id(user_id):
            return reject(400, "'user_id' may not start with a reserved prefix "
                               "(session-scoped and linked carts are the server's to name)")
    reply = runtime.conversation.respond(channel="text", session_id=session_id,
                                         customer_id=customer or user_id, text=text)
    return jsonify(session_id=session_id, speech=reply.speech, reprompt=reply.reprompt,
                   end_session=reply.end_session)
