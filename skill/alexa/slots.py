"""Alexa intents and slots -> our platform-neutral ParsedRequest (the contract of issue 7)."""
from __future__ import annotations

import re
from typing import Any

from ask_sdk_model.slu.entityresolution.status_code import StatusCode

from intents.model import ItemRequest, ParsedRequest
from intents.parsing.numbers import read_cardinal, read_ordinal
from intents.parsing.unit_words import read_unit
from skill.alexa.intents import CANONICAL_FOR, SEARCH_INTENT  # noqa: F401  (re-exported)

# AMAZON.TIME also sends parts of the day
_TIME_OF_DAY = {"MO": "09:00", "AF": "14:00", "EV": "18:00", "NI": "20:00"}
_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ORDINAL_SUFFIX = re.compile(r"(st|nd|rd|th)$")
MAX_SLOT_CHARS = 500


def slot_value(slots: dict[str, Any] | None, name: str) -> str | None:
    slot = (slots or {}).get(name)
    value = getattr(slot, "value", None)
    if not isinstance(value, str):
        return None
    value = value.strip()[:MAX_SLOT_CHARS]
    return value if value and value != "?" else None


def resolved_id(slots: dict[str, Any] | None, name: str) -> str | None:
    """The entity id when Alexa's entity resolution matched (ER_SUCCESS_MATCH), else None:
    on ER_SUCCESS_NO_MATCH or a raw value our own matcher takes over."""
    slot = (slots or {}).get(name)
    resolutions = getattr(getattr(slot, "resolutions", None), "resolutions_per_authority", None) or []
    for authority in resolutions:
        code = getattr(getattr(authority, "status", None), "code", None)
        if code == StatusCode.ER_SUCCESS_MATCH and authority.values:
            value = getattr(authority.values[0], "value", None)
            if value is not None and value.id:
                return str(value.id)[:MAX_SLOT_CHARS]
    return None


def to_parsed_request(intent_name: str, slots: dict[str, Any] | None) -> ParsedRequest:
    intent = CANONICAL_FOR.get(intent_name, "Fallback")
    request = ParsedRequest(intent)
    item = _item(slots)
    if intent in ("AddItem", "RemoveItem", "UpdateQuantity", "ReadCart", "ProductInfo"):
        if item is not None:
            request.items.append(item)
        elif intent == "UpdateQuantity":
            request.items.append(ItemRequest("", _quantity(slots), _unit(slots)))
    if intent == "SetFulfillment" or slot_value(slots, "Method"):
        request.slots.update(_fulfillment(slots))
    if intent in ("AddItem", "RemoveItem", "SetFulfillment") and slot_value(slots, "Target"):
        request.slots["target"] = "order"  # "add bread to my order": the placed order
        if "T" not in str(request.slots.get("time", "T")):
            request.slots["same_day"] = True  # "move my pickup to seven": on the order's day
    if intent == "SelectOption":
        option = _number(slot_value(slots, "Option")) or _number(slot_value(slots, "Number"))
        if option is not None:
            request.slots["option"] = int(option)
    request.text = " ".join(v for v in (slot_value(slots, n) for n in ("Quantity", "Unit", "Item")) if v)
    return request


def _item(slots: dict[str, Any] | None) -> ItemRequest | None:
    phrase = slot_value(slots, "Item")
    product_id = resolved_id(slots, "Item")
    if phrase is None and product_id is None:
        return None
    quantity, unit = _quantity(slots), _unit(slots)
    spoken_unit = (slot_value(slots, "Unit") or "").strip().lower()
    if unit == "pack" and quantity is not None and quantity > 1 and spoken_unit in ("pack", "pk"):
        # "an 18 pack of eggs": a number before a singular "pack" is its size, as the parser reads it
        return ItemRequest(phrase or "", 1, unit, product_id=product_id, pack_size=quantity)
    return ItemRequest(phrase or "", quantity, unit, product_id=product_id)


def _quantity(slots: dict[str, Any] | None) -> float | None:
    """The number said; zero is none. A negative or huge one is kept, so the purchase rules
    refuse it with a reason rather than silently adding one."""
    value = _number(slot_value(slots, "Quantity"))
    return value if value is not None and value != 0 and abs(value) < 1e9 else None


def _number(text: str | None) -> float | None:
    if text is None:
        return None
    digits = _ORDINAL_SUFFIX.sub("", text.lower())
    try:
        return float(digits)
    except ValueError:
        # Alexa sends digits; a simulator (virtual-alexa) may pass the words through: "one"
        words = text.lower().split()
        got = read_cardinal(words, 0) or read_ordinal(words, 0)
        return float(got[0]) if got and got[1] == len(words) else None


def _unit(slots: dict[str, Any] | None) -> str | None:
    unit_id = resolved_id(slots, "Unit")
    if unit_id:
        return unit_id
    value = slot_value(slots, "Unit")
    if value is None:
        return None
    found = read_unit(value.lower().split(), 0)
    return found[0] if found else None


def _fulfillment(slots: dict[str, Any] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    method = (resolved_id(slots, "Method") or slot_value(slots, "Method") or "").lower()
    if method in ("pickup", "delivery"):
        out["fulfillment"] = method
    elif any(w in method for w in ("pick", "curb", "collect")):
        out["fulfillment"] = "pickup"
    elif "deliver" in method:
        out["fulfillment"] = "delivery"
    date = slot_value(slots, "Date")
    time = slot_value(slots, "Time")
    time = _TIME_OF_DAY.get(time, time) if time else None
    if date and _DATE.match(date):
        out["date"] = date
    if time and _HHMM.match(time):
        out["time"] = f"{date}T{time}" if "date" in out else time
    return out
