"""POST /v1/converse: the text channel, the same conversation without a voice platform."""
from __future__ import annotations

import hmac
import uuid

from flask import Blueprint, current_app, jsonify, request

from cart.session_carts import is_session_scoped
from skill.http_utils import json_body, reject

bp = Blueprint("text_channel", __name__)
MAX_ID = 200
MAX_TEXT = 5000


@bp.post("/v1/converse")
def converse():
    runtime = current_app.extensions["voicecart"]
    config = runtime.config
    if not config.dev:
        token = config.api_token
        given = request.headers.get("Authorization", "")
        if not token:
            return reject(401, "the text channel needs VOICECART_API_TOKEN set on the server (or --dev)")
        if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
            return reject(401, "missing or wrong bearer token")
    body = json_body()
    user_id = body.get("user_id")
    session_id = body.get("session_id") or uuid.uuid4().hex
    text = body.get("text")
    for name, value, limit in (("user_id", user_id, MAX_ID), ("session_id", session_id, MAX_ID),
                               ("text", text, MAX_TEXT)):
        if not isinstance(value, str) or (name != "text" and not value.strip()):
            return reject(400, f"'{name}' must be a non-empty string")
        if len(value) > limit:
            return reject(400, f"'{name}' is longer than {limit} characters")
    if is_session_scoped(user_id.strip()):
        return reject(400, "'user_id' may not start with a reserved prefix "
                           "(session-scoped carts belong to platform sessions)")
    reply = runtime.conversation.respond(channel="text", session_id=session_id,
                                         customer_id=user_id.strip(), text=text)
    return jsonify(session_id=session_id, speech=reply.speech, reprompt=reply.reprompt,
                   end_session=reply.end_session)
