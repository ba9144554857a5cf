"""Platform request envelopes and reply extraction, as pure functions.

The tester and the end-to-end tests build the JSON a real platform would send, so a request
that works here works from a device. Shapes follow the platforms' references:

- Alexa: "Request and Response JSON Reference" (custom skills): `version`, `session{new,
  sessionId, application{applicationId}, attributes, user{userId}}`, `context{System{application,
  user, device{deviceId, supportedInterfaces}, apiEndpoint, apiAccessToken}}`, `request{type,
  requestId, timestamp, locale, intent{name, confirmationStatus, slots{Name: {name, value,
  confirmationStatus, resolutions?}}}}`.
- Dialogflow ES: WebhookRequest `{responseId, session: "projects/<p>/agent/sessions/<id>",
  queryResult{queryText, parameters, allRequiredParamsPresent, intent{name, displayName},
  intentDetectionConfidence, languageCode, outputContexts}, originalDetectIntentRequest}`.
- Dialogflow CX: WebhookRequest `{detectIntentResponseId, intentInfo{lastMatchedIntent,
  displayName, confidence}, pageInfo{currentPage}, sessionInfo{session:
  "projects/<p>/locations/<l>/agents/<a>/sessions/<id>", parameters}, fulfillmentInfo{tag},
  text, languageCode, payload}`; the webhook's tag is the canonical intent.
- The text channel: `{"user_id", "session_id", "text"}`.

Free text becomes a platform request the way the platform's NLU would deliver it given our
exported models (skill/phrases.py): our parser picks the canonical intent, then the intent's
declared slots or parameters are filled. What Alexa's contract cannot express (several items,
"two and a half pounds", a store name) goes, as on a device, through ShoppingRequestIntent's
free-form `Query` slot.
"""
from __future__ import annotations

import html
import re
import uuid
from datetime import datetime, timezone
from typing import Any
from zoneinfo import ZoneInfo

from intents.model import ParsedRequest
from skill.alexa.intents import ALEXA_INTENT_FOR
from skill.dialogflow.agent_export import PARAMETERS
from skill.export_vocab import unit_name, unit_plural
from skill.phrases import INTENT_SLOTS

ALEXA_TESTER_APP_ID = "amzn1.ask.skill.00000000-0000-0000-0000-voicecart0test"
ALEXA_DEVICE_ID = "amzn1.ask.device.voicecart-tester"
ALEXA_API_ENDPOINT = "https://api.amazonalexa.com"
DIALOGFLOW_PROJECT = "voicecart-tester"
DEFAULT_LOCALE = "en-US"
DEFAULT_TZ = "America/New_York"  # the demo stores' zone; only used to offset Dialogflow times

ALEXA_INTENTS = ALEXA_INTENT_FOR  # canonical intent -> the Alexa intent a device sends
_ORDINAL_WORDS = re.compile(r"\b(first|second|third|fourth|fifth|sixth|last|\d+(st|nd|rd|th))\b")


# --- Alexa ------------------------------------------------------------------------------------

def alexa_timestamp(now: datetime | None = None) -> str:
    """ISO 8601 in UTC with a Z, as Alexa sends it ("2026-11-25T16:04:05Z")."""
    now = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    return now.strftime("%Y-%m-%dT%H:%M:%SZ")


def new_alexa_session_id() -> str:
    return f"amzn1.echo-api.session.{uuid.uuid4()}"


def alexa_envelope(request: dict[str, Any], *, user_id: str, session_id: str, new: bool,
                   application_id: str = ALEXA_TESTER_APP_ID,
                   attributes: dict[str, Any] | None = None) -> dict[str, Any]:
    """The whole request body around one `request` object."""
    application = {"applicationId": application_id}
    user = {"userId": user_id}
    return {
        "version": "1.0",
        "session": {"new": new, "sessionId": session_id, "application": dict(application),
                    "attributes": {} if new else dict(attributes or {}), "user": dict(user)},
        "context": {"System": {
            "application": dict(application),
            "user": dict(user),
            "device": {"deviceId": ALEXA_DEVICE_ID, "supportedInterfaces": {}},
            "apiEndpoint": ALEXA_API_ENDPOINT,
            "apiAccessToken": "voicecart-tester-token",
        }},
        "request": request,
    }


def _request_base(kind: str, request_id: str | None, now: datetime | None,
                  locale: str) -> dict[str, Any]:
    return {"type": kind, "requestId": request_id or f"amzn1.echo-api.request.{uuid.uuid4()}",
            "timestamp": alexa_timestamp(now), "locale": locale}


def alexa_launch_request(*, request_id: str | None = None, now: datetime | None = None,
                         locale: str = DEFAULT_LOCALE) -> dict[str, Any]:
    return _request_base("LaunchRequest", request_id, now, locale)


def alexa_session_ended_request(reason: str = "USER_INITIATED", *, request_id: str | None = None,
                                now: datetime | None = None,
                                locale: str = DEFAULT_LOCALE) -> dict[str, Any]:
    return {**_request_base("SessionEndedRequest", request_id, now, locale), "reason": reason}


def alexa_slot(name: str, value: str | None = None, *, resolved_id: str | None = None,
               resolved_name: str | None = None, authority_type: str | None = None,
               application_id: str = ALEXA_TESTER_APP_ID) -> dict[str, Any]:
    """One slot as Alexa sends it. An unfilled slot has a name and no value. A filled custom
    slot carries entity resolution: ER_SUCCESS_MATCH with the value's id (and its canonical
    name, which may differ from what was said: "gallons" -> "gallon") when `resolved_id` is
    given, else ER_SUCCESS_NO_MATCH (the server then runs its own matcher)."""
    slot: dict[str, Any] = {"name": name, "confirmationStatus": "NONE"}
    if value is None:
        return slot
    slot.update(value=value, source="USER")
    if authority_type:
        authority = {"authority": f"amzn1.er-authority.echo-sdk.{application_id}.{authority_type}"}
        if resolved_id is not None:
            authority.update(status={"code": "ER_SUCCESS_MATCH"},
                             values=[{"value": {"name": resolved_name or value,
                                                "id": resolved_id}}])
        else:
            authority.update(status={"code": "ER_SUCCESS_NO_MATCH"})
        slot["resolutions"] = {"resolutionsPerAuthority": [authority]}
    return slot


def alexa_intent_request(intent_name: str, slots: dict[str, dict[str, Any]] | None = None, *,
                         request_id: str | None = None, now: datetime | None = None,
                         locale: str = DEFAULT_LOCALE) -> dict[str, Any]:
    """An IntentRequest; `slots` maps slot name -> alexa_slot(...)."""
    intent: dict[str, Any] = {"name": intent_name, "confirmationStatus": "NONE"}
    if slots:
        intent["slots"] = slots
    return {**_request_base("IntentRequest", request_id, now, locale), "intent": intent}


def alexa_intent_for(parsed: ParsedRequest,
                     application_id: str = ALEXA_TESTER_APP_ID) -> tuple[str, dict[str, Any]]:
    """(Alexa intent name, slots) for a parsed utterance, with every slot the intent declares
    present (unfilled ones without a value), as Alexa sends them."""
    values = _alexa_slot_values(parsed)
    canonical = "ShoppingRequest" if values is None else parsed.intent
    if values is None:
        values = {"Query": (parsed.text.strip(), None, None)}
    slots = {}
    for name in INTENT_SLOTS.get(canonical, ()):
        value, resolved, authority = values.get(name, (None, None, None))
        canonical_name = unit_name(resolved) if authority == "UNIT" and resolved else None
        slots[name] = alexa_slot(name, value, resolved_id=resolved, resolved_name=canonical_name,
                                 authority_type=authority, application_id=application_id)
    return ALEXA_INTENTS[canonical], slots


_Slot = tuple[str | None, str | None, str | None]  # value, resolved id, custom slot type


def _alexa_slot_values(parsed: ParsedRequest) -> dict[str, _Slot] | None:
    """The slot values Alexa would fill, or None when its contract cannot carry the request."""
    intent, items, slots = parsed.intent, parsed.items, dict(parsed.slots)
    if intent in ("Yes", "No", "Help", "Stop", "Cancel", "Fallback"):
        return {}
    if intent in ("ClearCart", "Checkout", "OrderStatus", "CancelOrder", "Reorder"):
        return {} if not items and not slots else None
    if intent == "SelectOption":
        option = slots.pop("option", None)
        if items or slots or not _is_count(option):
            return None
        # "the second one" fills Option (AMAZON.Ordinal), "number two" fills Number.
        slot = "Option" if _ORDINAL_WORDS.search(parsed.text.lower()) else "Number"
        return {slot: (str(int(option)), None, None)}
    if intent == "SetFulfillment":
        return _fulfillment_slots(items, slots)
    if intent == "ProductInfo":
        # ProductInfoIntent has no slot for the kind of question ("how much", "cheapest"):
        # Alexa's model drops it, and so do we, so the tester hears what a device would.
        slots.pop("info", None)
    if len(items) > 1 or slots or intent not in ("AddItem", "RemoveItem", "UpdateQuantity",
                                                 "ReadCart", "ProductInfo"):
        return None
    values: dict[str, _Slot] = {}
    if not items:
        return values if intent == "ReadCart" else None
    item = items[0]
    if item.size is not None or item.pack_size is not None:
        return None  # "a 2 liter of cola", "an 18 pack of eggs": the whole words carry the size
    declared = INTENT_SLOTS[intent]
    if item.phrase:
        values["Item"] = (item.phrase, item.product_id, "PRODUCT")
    elif intent != "UpdateQuantity":  # only "make that three" may leave the item unsaid
        return None
    if item.quantity is not None:
        if "Quantity" not in declared or not _is_count(item.quantity):
            return None  # AMAZON.NUMBER holds whole numbers only: "two and a half" can't go
        values["Quantity"] = (str(int(item.quantity)), None, None)
    if item.unit is not None:
        if "Unit" not in declared:
            return None
        spoken = unit_plural(item.unit) if (item.quantity or 1) > 1 else unit_name(item.unit)
        values["Unit"] = (spoken, item.unit, "UNIT")
    return values


def _fulfillment_slots(items: list, slots: dict[str, Any]) -> dict[str, _Slot] | None:
    method, when, day = slots.pop("fulfillment", None), slots.pop("time", None), slots.pop("date", None)
    if items or slots or when == "next_available":
        return None  # a store, an address or "as soon as possible" has no slot
    values: dict[str, _Slot] = {}
    if method:
        values["Method"] = (method, method, "FULFILLMENT")
    if when:
        day, _, clock = str(when).partition("T")
        values["Time"] = (clock[:5], None, None)
    if day:
        values["Date"] = (str(day), None, None)
    return values if values else None


def _is_count(value: Any) -> bool:
    return isinstance(value, (int, float)) and value > 0 and float(value).is_integer()


def alexa_reply(response: dict[str, Any]) -> tuple[str, str | None, bool]:
    """(speech, reprompt, end_session) from an Alexa response body, SSML turned into text."""
    body = response.get("response") or {}
    speech = _alexa_speech(body.get("outputSpeech"))
    reprompt = _alexa_speech((body.get("reprompt") or {}).get("outputSpeech")) or None
    return speech, reprompt, bool(body.get("shouldEndSession"))


def _alexa_speech(output: dict[str, Any] | None) -> str:
    if not output:
        return ""
    if output.get("type") == "SSML":
        return ssml_to_text(output.get("ssml", ""))
    return str(output.get("text", ""))


def ssml_to_text(ssml: str) -> str:
    text = re.sub(r"<[^>]+>", " ", ssml)
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


# --- Dialogflow ES ----------------------------------------------------------------------------

def dialogflow_session_path(session_id: str, project: str = DIALOGFLOW_PROJECT) -> str:
    return f"projects/{project}/agent/sessions/{session_id}"


def dialogflow_parameters_for(parsed: ParsedRequest, tz: str = DEFAULT_TZ) -> dict[str, Any]:
    """The intent's declared parameters as Dialogflow ES fills them: every declared parameter
    present, "" when unmatched; @sys.number as a number; @sys.date/@sys.time as ISO 8601 with
    the zone offset. Several items leave `item` empty (it is not a list parameter): the webhook
    then reads them from queryText with our parser."""
    names = sorted({PARAMETERS[slot][0] for slot in INTENT_SLOTS.get(parsed.intent, ())})
    params: dict[str, Any] = {name: "" for name in names}
    if len(parsed.items) == 1:
        item = parsed.items[0]
        params["item"] = item.phrase or ""
        params["quantity"] = _number(item.quantity) if item.quantity is not None else ""
        params["unit"] = item.unit or ""
    slots = parsed.slots
    if slots.get("fulfillment"):
        params["fulfillment"] = slots["fulfillment"]
    if slots.get("option") is not None:
        params["option"] = _number(slots["option"])
    if slots.get("target") == "order":
        params["target"] = "my order"  # @order_target: "add bread to my order"
    when = slots.get("time")
    if when and when != "next_available":
        day, _, clock = str(when).partition("T")
        params["time"] = _with_offset(f"{day}T{clock[:5]}:00", tz)
        params["date"] = _with_offset(f"{day}T12:00:00", tz)
    elif slots.get("date"):
        params["date"] = _with_offset(f"{slots['date']}T12:00:00", tz)
    return {k: v for k, v in params.items() if k in names}


def _number(value: Any) -> int | float:
    value = float(value)
    return int(value) if value.is_integer() else value


def _with_offset(local: str, tz: str) -> str:
    try:
        return datetime.fromisoformat(local).replace(tzinfo=ZoneInfo(tz)).isoformat()
    except (ValueError, KeyError):
        return local


def dialogflow_es_request(text: str, intent: str, parameters: dict[str, Any], *,
                          session_id: str, user_id: str, project: str = DIALOGFLOW_PROJECT,
                          output_contexts: list[dict[str, Any]] | None = None,
                          response_id: str | None = None,
                          language: str = "en") -> dict[str, Any]:
    """A WebhookRequest for a matched intent whose display name is the canonical intent name."""
    session = dialogflow_session_path(session_id, project)
    fallback = intent == "Fallback"
    return {
        "responseId": response_id or f"{uuid.uuid4()}-{uuid.uuid4().hex[:8]}",
        "session": session,
        "queryResult": {
            "queryText": text,
            "action": "input.unknown" if fallback else intent,
            "parameters": parameters,
            "allRequiredParamsPresent": True,
            "fulfillmentText": "",
            "fulfillmentMessages": [{"text": {"text": [""]}}],
            "outputContexts": list(output_contexts or []),
            "intent": {"name": f"projects/{project}/agent/intents/{_intent_uuid(intent)}",
                       "displayName": intent, **({"isFallback": True} if fallback else {})},
            "intentDetectionConfidence": 0.3 if fallback else 1.0,
            "languageCode": language,
        },
        # Who is shopping: an integration that knows its caller passes the id in the payload,
        # which the webhook reads as `payload.userId` (without it the cart follows the session).
        "originalDetectIntentRequest": {"source": "voicecart-tester", "version": "2",
                                        "payload": {"userId": user_id}},
    }


def _intent_uuid(intent: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"voicecart:intent:{intent}"))


def next_output_contexts(contexts: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    """What Dialogflow sends on the next turn: each context's lifespan one shorter; expired gone."""
    carried = []
    for context in contexts or []:
        lifespan = context.get("lifespanCount", 1)
        if isinstance(lifespan, int) and lifespan > 1:
            carried.append({**context, "lifespanCount": lifespan - 1})
    return carried


def dialogflow_reply(response: dict[str, Any]) -> tuple[str, str | None, bool | None]:
    """(speech, reprompt, end_session) from an ES WebhookResponse. ES has no reprompt and no
    end-of-conversation field (ending is an intent setting in the console); True when the
    webhook signals it anyway (an Actions-style payload or an endInteraction message), else
    None: unknown, not "the session goes on"."""
    speech = str(response.get("fulfillmentText") or "")
    messages = response.get("fulfillmentMessages") or []
    if not speech:
        texts = [t for m in messages for t in (m.get("text") or {}).get("text", []) if t]
        speech = " ".join(texts)
    google = (response.get("payload") or {}).get("google") or {}
    ended = (google.get("expectUserResponse") is False
             or any("endInteraction" in m for m in messages)
             or bool((response.get("payload") or {}).get("endConversation")))
    return speech, None, True if ended else None


# --- Dialogflow CX ----------------------------------------------------------------------------

def dialogflow_cx_session_path(session_id: str, project: str = DIALOGFLOW_PROJECT) -> str:
    return f"projects/{project}/locations/global/agents/{project}-agent/sessions/{session_id}"


def dialogflow_cx_request(text: str, intent: str, parameters: dict[str, Any], *,
                          session_id: str, user_id: str, project: str = DIALOGFLOW_PROJECT,
                          response_id: str | None = None,
                          language: str = "en") -> dict[str, Any]:
    """A CX WebhookRequest from a route whose fulfillment tag is the canonical intent.
    `parameters` are the session's parameters as CX holds them (they persist across turns)."""
    agent = f"projects/{project}/locations/global/agents/{project}-agent"
    fallback = intent == "Fallback"
    return {
        "detectIntentResponseId": response_id or str(uuid.uuid4()),
        "intentInfo": {"lastMatchedIntent": f"{agent}/intents/{_intent_uuid(intent)}",
                       "displayName": intent, "confidence": 0.3 if fallback else 1.0},
        "pageInfo": {"currentPage": f"{agent}/flows/00000000-0000-0000-0000-000000000000"
                                    "/pages/START_PAGE"},
        "sessionInfo": {"session": dialogflow_cx_session_path(session_id, project),
                        "parameters": dict(parameters)},
        "fulfillmentInfo": {"tag": intent},
        "text": text,
        "languageCode": language,
        "payload": {"userId": user_id},
    }


def dialogflow_cx_reply(response: dict[str, Any]) -> tuple[str, str | None, bool | None]:
    """(speech, reprompt, end_session) from a CX WebhookResponse; end_session as the webhook
    set it in the session parameters, None when it did not say."""
    messages = (response.get("fulfillmentResponse") or {}).get("messages") or []
    speech = " ".join(t for m in messages for t in (m.get("text") or {}).get("text", []) if t)
    ended = ((response.get("sessionInfo") or {}).get("parameters") or {}).get("end_session")
    return speech, None, ended if isinstance(ended, bool) else None


def merged_cx_parameters(held: dict[str, Any], response: dict[str, Any]) -> dict[str, Any]:
    """The session parameters CX keeps after a webhook answer: the webhook's values merged in,
    a null deleting the parameter."""
    merged = dict(held)
    for name, value in ((response.get("sessionInfo") or {}).get("parameters") or {}).items():
        if value is None:
            merged.pop(name, None)
        else:
            merged[name] = value
    return merged


# --- text channel ------------------------------------------------------------------------------

def converse_request(user_id: str, session_id: str, text: str) -> dict[str, str]:
    return {"user_id": user_id, "session_id": session_id, "text": text}
