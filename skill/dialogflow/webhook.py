"""POST /dialogflow/es and /dialogflow/cx: Dialogflow fulfillment webhooks.

Authenticated with HTTP basic or a bearer token when either is configured. Session ids map to
our dialog state; the cart belongs to `payload.userId` when the integration sends one (from the
authenticated Dialogflow caller), else to the session.
"""
from __future__ import annotations

import base64
import hmac
import logging
from typing import Any

from flask import Blueprint, current_app, jsonify, request

from intents.dialog.handlers.common import store_tz
from intents.parsing.parser import parse
from skill.dialogflow.params import canonical_intent, needs_text_parse, to_parsed_request
from skill.http_utils import json_body, reject

log = logging.getLogger("voicecart.dialogflow")
bp = Blueprint("dialogflow", __name__)
MAX_TEXT = 5000
# CX keeps session parameters across turns: clear the ones a turn consumed, or the next turn
# would add the same item again.
CONSUMED = ("item", "quantity", "unit", "option")


@bp.before_request
def authenticate():
    config = current_app.extensions["voicecart"].config
    user, password, token = config.dialogflow_user, config.dialogflow_password, config.dialogflow_token
    if not (user or token):
        return None
    given = request.headers.get("Authorization", "")
    if token and hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        return None
    if user and given.startswith("Basic "):
        try:
            name, _, secret = base64.b64decode(given[6:], validate=True).decode().partition(":")
        except (ValueError, UnicodeDecodeError):
            name, secret = "", ""
        if hmac.compare_digest(name.encode(), user.encode()) and \
                hmac.compare_digest(secret.encode(), (password or "").encode()):
            return None
    log.warning("dialogflow request refused: bad or missing credentials")
    response, status = reject(401, "missing or wrong credentials")
    response.headers["WWW-Authenticate"] = 'Basic realm="voicecart"'
    return response, status


@bp.post("/dialogflow/es")
def dialogflow_es():
    body = json_body()
    query = body.get("queryResult")
    session = body.get("session")
    if not isinstance(query, dict) or not isinstance(session, str) or not session.strip():
        return reject(400, "not a Dialogflow ES WebhookRequest (needs session and queryResult)")
    intent = query.get("intent") if isinstance(query.get("intent"), dict) else {}
    params = query.get("parameters") if isinstance(query.get("parameters"), dict) else {}
    text = query.get("queryText") if isinstance(query.get("queryText"), str) else ""
    reply = _converse("dialogflow-es", session, body.get("originalDetectIntentRequest"),
                      intent.get("displayName"), params, text, body.get("responseId"))
    return jsonify(fulfillmentText=reply.speech,
                   fulfillmentMessages=[{"text": {"text": [reply.speech]}}])


@bp.post("/dialogflow/cx")
def dialogflow_cx():
    body = json_body()
    info = body.get("sessionInfo") if isinstance(body.get("sessionInfo"), dict) else {}
    session = info.get("session")
    tag = (body.get("fulfillmentInfo") or {}).get("tag") if isinstance(body.get("fulfillmentInfo"), dict) else None
    if not isinstance(session, str) or not session.strip():
        return reject(400, "not a Dialogflow CX WebhookRequest (needs sessionInfo.session)")
    params = info.get("parameters") if isinstance(info.get("parameters"), dict) else {}
    text = body.get("text") if isinstance(body.get("text"), str) else \
        (body.get("transcript") if isinstance(body.get("transcript"), str) else "")
    reply = _converse("dialogflow-cx", session, body.get("payload"), tag, params, text,
                      body.get("detectIntentResponseId"))
    return jsonify(fulfillmentResponse={"messages": [{"text": {"text": [reply.speech]}}],
                                        "mergeBehavior": "REPLACE"},
                   sessionInfo={"parameters": {**{name: None for name in CONSUMED},
                                               "end_session": reply.end_session}})


def _converse(channel: str, session: str, payload: Any, intent_name: Any,
              params: dict[str, Any], text: str, response_id: Any):
    runtime = current_app.extensions["voicecart"]
    session = session.strip()[:500]
    text = text[:MAX_TEXT]
    config = runtime.config
    # payload.userId names the shopper only when the caller proved who it is (or in --dev):
    # on an open webhook anyone could send "demo" and read that shopper's cart and address
    trusted = bool(config.dialogflow_user or config.dialogflow_token or config.dev)
    customer = (_customer(payload) if trusted else None) or f"{channel}:{session}"
    intent = canonical_intent(intent_name)
    request_key = response_id if isinstance(response_id, str) and response_id else None
    if needs_text_parse(intent, params):
        parsed = None if text.strip() or intent is None else to_parsed_request(intent, params, text)
    else:
        parsed = to_parsed_request(intent, params, text)
        if text.strip():
            # "check out for delivery tomorrow morning" matched an intent with no parameters:
            # what the agent did not extract, our parser still hears
            heard = parse(text, runtime.matchers.current(), now=runtime.conversation.ports.clock(),
                          tz=store_tz(runtime.carts(), customer))
            for key in ("fulfillment", "time", "date", "option", "info", "change", "next"):
                if key in heard.slots and key not in parsed.slots:
                    parsed.slots[key] = heard.slots[key]
    return runtime.conversation.respond(channel=channel, session_id=session, customer_id=customer,
                                        text=text, request=parsed, request_key=request_key)


def _customer(payload: Any) -> str | None:
    user = None
    if isinstance(payload, dict):
        user = payload.get("userId")
        if user is None and isinstance(payload.get("payload"), dict):  # ES wraps the payload
            user = payload["payload"].get("userId")
    return user.strip()[:200] if isinstance(user, str) and user.strip() else None
