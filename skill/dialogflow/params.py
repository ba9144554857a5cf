"""Dialogflow parameters (contract: item, quantity, unit, fulfillment, date, time, option)
-> our ParsedRequest. ES sends system entities as ISO strings, CX as structured objects."""
from __future__ import annotations

import re
from typing import Any

from intents.model import CANONICAL_INTENTS, ItemRequest, ParsedRequest
from intents.parsing.unit_words import read_unit

ITEM_INTENTS = frozenset({"AddItem", "RemoveItem", "UpdateQuantity", "ProductInfo"})
_ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")
_ISO_TIME = re.compile(r"T(\d{2}):(\d{2})")
MAX_VALUE = 500


def canonical_intent(name: Any) -> str | None:
    """Intent display names and CX tags are the canonical names; anything else (a catch-all,
    a default fallback, an unknown name) returns None and the raw text is parsed instead."""
    return name if isinstance(name, str) and name in CANONICAL_INTENTS and name != "Fallback" else None


def needs_text_parse(intent: str | None, params: dict[str, Any]) -> bool:
    if intent is None:
        return True
    return intent in ITEM_INTENTS and not _items(params) and intent != "UpdateQuantity"


def to_parsed_request(intent: str, params: dict[str, Any], text: str) -> ParsedRequest:
    request = ParsedRequest(intent, text=text)
    quantity, unit = _quantity(params.get("quantity")), _unit(params.get("unit"))
    phrases = _items(params)
    for n, phrase in enumerate(phrases):
        # one quantity parameter: it belongs to the first item ("two gallons of milk and eggs")
        request.items.append(ItemRequest(phrase, quantity if n == 0 else None, unit if n == 0 else None))
    if intent == "UpdateQuantity" and not phrases:
        request.items.append(ItemRequest("", quantity, unit))
    if intent == "ReadCart" and phrases:
        request.items = [ItemRequest(p) for p in phrases]
    fulfillment = _text(params.get("fulfillment"))
    if fulfillment:
        f = fulfillment.lower()
        request.slots["fulfillment"] = "pickup" if any(w in f for w in ("pick", "curb", "collect")) \
            else "delivery" if "deliver" in f else None
        if request.slots["fulfillment"] is None:
            del request.slots["fulfillment"]
    date, time = _date(params.get("date")), _time(params.get("time"))
    if date:
        request.slots["date"] = date
    if time:
        request.slots["time"] = f"{date}T{time}" if date else time
    if _text(params.get("target")) and intent in ("AddItem", "RemoveItem", "SetFulfillment"):
        request.slots["target"] = "order"  # the agent's @order_target: the placed order
        if "T" not in str(request.slots.get("time", "T")):
            request.slots["same_day"] = True  # "move my pickup to seven": on the order's day
    option = _quantity(params.get("option"))
    if option is not None:
        request.slots["option"] = int(option)
    return request


def _text(value: Any) -> str | None:
    if isinstance(value, dict):  # CX may send {"original": ..., "resolved": ...} shapes
        value = value.get("resolvedValue", value.get("value"))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = value.strip()[:MAX_VALUE]
    return value or None


def _items(params: dict[str, Any]) -> list[str]:
    value = params.get("item")
    values = value if isinstance(value, list) else [value]
    return [t for t in (_text(v) for v in values[:20]) if t]


def _quantity(value: Any) -> float | None:
    if isinstance(value, dict):
        value = value.get("amount", value.get("resolvedValue"))
    if isinstance(value, bool):
        return None
    try:
        number = float(value) if value not in (None, "") else None
    except (TypeError, ValueError, OverflowError):  # OverflowError: a 400-digit integer
        return None
    return number if number is not None and 0 < number <= 999 else None


def _unit(value: Any) -> str | None:
    text = _text(value)
    if not text:
        return None
    found = read_unit(text.lower().replace("_", " ").split(), 0)
    return found[0] if found else None


def _date(value: Any) -> str | None:
    if isinstance(value, dict) and {"year", "month", "day"} <= value.keys():  # CX sys.date
        try:
            return f"{int(value['year']):04d}-{int(value['month']):02d}-{int(value['day']):02d}"
        except (TypeError, ValueError, OverflowError):  # OverflowError: int(inf)
            return None
    text = _text(value)
    m = _ISO_DATE.match(text or "")
    return m.group(1) if m else None


def _time(value: Any) -> str | None:
    if isinstance(value, dict) and "hours" in value:  # CX sys.time
        try:
            return f"{int(value['hours']):02d}:{int(value.get('minutes', 0)):02d}"
        except (TypeError, ValueError, OverflowError):
            return None
    text = _text(value)
    m = _ISO_TIME.search(text or "")
    if m and int(m.group(1)) < 24 and int(m.group(2)) < 60:
        return f"{m.group(1)}:{m.group(2)}"
    return None
