"""POST /dialogflow/es and /dialogflow/cx: Dialogflow fulfillment webhooks.

Outside --dev the webhooks need credentials: HTTP basic (user and password) or a bearer token,
and with none configured they refuse every call (401), since an open webhook would let anyone
act as any shopper and hold every slot. Session ids map to our dialog state; the cart belongs
to `payload.userId` when the integration sends one (the caller has proved who it is), else to
the session, as a session-scoped cart that expires when idle.
"""
from __future__ import annotations

import base64
import hmac
import logging
from typing import Any

from flask import Blueprint, current_app, jsonify, request

from accounts.model import is_linked_customer_id
from cart.session_carts import is_session_scoped, session_customer_id
from intents.dialog.handlers.common import store_tz
from intents.parsing.parser import parse
from intents.parsing.rules_prefs import preference
from intents.parsing.text import prepare
from skill.dialogflow.params import canonical_intent, needs_text_parse, to_parsed_request
from skill.http_utils import json_body, reject
from skill.request_log import adopt_platform_id

log = logging.getLogger("voicecart.dialogflow")
bp = Blueprint("dialogflow", __name__)
MAX_TEXT = 5000
# Identifiers are refused when too long, never cut: two ids sharing a cut prefix would share
# one shopper's cart and dialog
MAX_ID = 500
# CX keeps session parameters across turns: clear the ones a turn consumed, or the next turn
# would add the same item again.
# "my order" too: the next request is about the cart again unless it names the order.
CONSUMED = ("item", "quantity", "unit", "option", "target")


@bp.before_request
def authenticate():
    config = current_app.extensions["voicecart"].config
    if not config.dialogflow_credentials:
        if config.dev:
            return None
        return _refuse("the Dialogflow webhooks need VOICECART_DIALOGFLOW_USER and "
                       "VOICECART_DIALOGFLOW_PASSWORD, or VOICECART_DIALOGFLOW_TOKEN, set on the "
                       "server (or --dev)")
    if _credentials_match(config, request.headers.get("Authorization", "")):
        return None
    log.warning("dialogflow request refused: bad or missing credentials")
    return _refuse("missing or wrong credentials")


def _credentials_match(config, given: str) -> bool:
    token = config.dialogflow_token
    if token and hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        return True
    if config.dialogflow_basic and given.startswith("Basic "):
        try:
            name, colon, secret = base64.b64decode(given[6:], validate=True).decode().partition(":")
        except (ValueError, UnicodeDecodeError):
            return False
        # Both compared whatever the first gives, so timing tells nothing about which failed
        same_name = hmac.compare_digest(name.encode(), config.dialogflow_user.encode())
        same_secret = hmac.compare_digest(secret.encode(), config.dialogflow_password.encode())
        return bool(colon) and same_name and same_secret
    return False


def _refuse(reason: str):
    response, status = reject(401, reason)
    response.headers["WWW-Authenticate"] = 'Basic realm="voicecart"'
    return response, status


@bp.post("/dialogflow/es")
def dialogflow_es():
    body = json_body()
    adopt_platform_id(body.get("responseId"))  # logs follow Dialogflow's id
    query = body.get("queryResult")
    session = body.get("session")
    if not isinstance(query, dict) or not isinstance(session, str) or not session.strip():
        return reject(400, "not a Dialogflow ES WebhookRequest (needs session and queryResult)")
    if (refusal := _ids_too_long(session, body.get("originalDetectIntentRequest"))) is not None:
        return refusal
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
    adopt_platform_id(body.get("detectIntentResponseId"))
    info = body.get("sessionInfo") if isinstance(body.get("sessionInfo"), dict) else {}
    session = info.get("session")
    tag = (body.get("fulfillmentInfo") or {}).get("tag") if isinstance(body.get("fulfillmentInfo"), dict) else None
    if not isinstance(session, str) or not session.strip():
        return reject(400, "not a Dialogflow CX WebhookRequest (needs sessionInfo.session)")
    if (refusal := _ids_too_long(session, body.get("payload"))) is not None:
        return refusal
    params = info.get("parameters") if isinstance(info.get("parameters"), dict) else {}
    text = body.get("text") if isinstance(body.get("text"), str) else \
        (body.get("transcript") if isinstance(body.get("transcript"), str) else "")
    reply = _converse("dialogflow-cx", session, body.get("payload"), tag, params, text,
                      body.get("detectIntentResponseId"))
    return jsonify(fulfillmentResponse={"messages": [{"text": {"text": [reply.speech]}}],
                                        "mergeBehavior": "REPLACE"},
                   sessionInfo={"parameters": {**{name: None for name in CONSUMED},
                                               "end_session": reply.end_session}})


# Slots only our parser hears: the agent's intent is right, but its parameters lose the point
_SAID_ONLY = frozenset({"about", "usual", "options", "kind"})


def _converse(channel: str, session: str, payload: Any, intent_name: Any,
              params: dict[str, Any], text: str, response_id: Any):
    runtime = current_app.extensions["voicecart"]
    session = session.strip()
    text = text[:MAX_TEXT]
    # The caller passed authenticate() (or this is --dev), so payload.userId is trusted; a
    # linked token in payload.accessToken names the customer instead (validated, never trusted)
    shopper = runtime.linker.resolve(_customer(payload) or session_customer_id(channel, session),
                                     _access_token(payload))
    if shopper.refusal is not None:
        return shopper.refusal
    customer = shopper.customer_id
    intent = canonical_intent(intent_name)
    request_key = response_id if isinstance(response_id, str) and response_id else None
    if text.strip() and preference(prepare(text), runtime.matchers.current()) is not None:
        # Substitutions, delivery notes and stores have no intent in the agent: whatever
        # intent it matched ("no substitutions for the milk" looks like No or RemoveItem),
        # our parser reads the words (intents.parsing.rules_prefs)
        parsed = None
    elif needs_text_parse(intent, params):
        parsed = None if text.strip() or intent is None else to_parsed_request(intent, params, text)
    else:
        parsed = to_parsed_request(intent, params, text)
        if text.strip():
            # "check out for delivery tomorrow morning" matched an intent with no parameters:
            # what the agent did not extract, our parser still hears
            heard = parse(text, runtime.matchers.current(), now=runtime.conversation.ports.clock(),
                          tz=store_tz(runtime.carts(), customer))
            for key in ("fulfillment", "time", "date", "store", "option", "info", "change", "next",
                        "target", "ask", "question"):
                if key in heard.slots and key not in parsed.slots:
                    parsed.slots[key] = heard.slots[key]
            if heard.intent == parsed.intent and _SAID_ONLY.intersection(heard.slots):
                # what the agent's parameters cannot carry ("how much do i owe" is ReadCart
                # about the total, "change the milk to skim" a kind for the milk line)
                parsed = heard
    return runtime.conversation.respond(channel=channel, session_id=session, customer_id=customer,
                                        text=text, request=parsed, request_key=request_key,
                                        may_order=shopper.may_order)


def _ids_too_long(session: str, payload: Any):
    if len(session.strip()) > MAX_ID:
        return reject(400, f"the session name is longer than {MAX_ID} characters")
    user = _user_id(payload)
    if isinstance(user, str) and len(user.strip()) > MAX_ID:
        return reject(400, f"payload.userId is longer than {MAX_ID} characters")
    return None


def _payload_field(payload: Any, name: str) -> Any:
    if not isinstance(payload, dict):
        return None
    value = payload.get(name)
    if value is None and isinstance(payload.get("payload"), dict):  # ES wraps the payload
        value = payload["payload"].get(name)
    return value


def _user_id(payload: Any) -> Any:
    return _payload_field(payload, "userId")


def _access_token(payload: Any) -> str | None:
    """ES: originalDetectIntentRequest.payload.accessToken; CX: payload.accessToken."""
    token = _payload_field(payload, "accessToken")
    return token.strip() if isinstance(token, str) and token.strip() else None


def _customer(payload: Any) -> str | None:
    user = _user_id(payload)
    if not isinstance(user, str) or not user.strip() or is_session_scoped(user.strip()) \
            or is_linked_customer_id(user.strip()):
        return None  # session-scoped and linked ids are ours to give, never a caller's to claim
    return user.strip()
