"""Hypothesis strategies that turn valid platform requests into hostile ones
(importable as `reliability.fuzz`).

A valid request of a route is picked, then mutated a few times at random places: keys deleted,
values replaced by hostile ones (wrong types, huge or control-character strings, emoji, SQL and
HTML fragments, lone surrogates, NaN and Infinity, huge numbers, nesting 10,000 lists deep),
keys added; then the serialised bytes may be damaged (invalid UTF-8, truncation, a duplicate
key that wins, a BOM). What comes out is the raw body to post.
"""
from __future__ import annotations

import copy
import json
import uuid
from datetime import datetime
from typing import Any, Callable

from hypothesis import strategies as st

from reliability.kit import EGGS, cx_request, es_request
from skill.tester.envelopes import (alexa_envelope, alexa_intent_request, alexa_launch_request,
                                    alexa_session_ended_request, alexa_slot)

DEEP = "__voicecart_deep_nesting__"  # replaced by 10,000 nested lists in the raw body
DEEP_JSON = "[" * 10_000 + "]" * 10_000

SAMPLES = [
    "", " ", "\x00", "\x1b[31m", "\r\n\r\n", "\u202e\u0645", "\ufeff", "🛒🥛🍞🥚", "👨‍👩‍👧‍👦" * 20,
    "'; DROP TABLE carts; --", "\" OR 1=1 --", "1; DELETE FROM orders", "%' OR '1'='1",
    "<script>alert(1)</script>", "<speak><audio src='x'/></speak>", "]]><!--", "&amp;&lt;",
    "{{7*7}}", "${jndi:ldap://x}", "%s%s%n", "../../etc/passwd", "\\", "\"", "null", "NaN",
    "Infinity", "-1", "0", "1e309", "99999999999999999999999", "2026-13-45T25:61", "T99:99",
    "\ud800", "\udfff", "a\ud83d", "\udc00b", "ER_SUCCESS_MATCH", "AMAZON.YesIntent",
    "add milk", "check out", "yes", "cancel my order", "pickup", "delivery",
]
TEXT = st.one_of(
    st.sampled_from(SAMPLES),
    st.text(max_size=40),
    st.text(st.characters(blacklist_categories=()), max_size=20),  # surrogates included
    st.text(st.characters(max_codepoint=31), min_size=1, max_size=20),  # control characters
    st.builds(lambda unit, n: unit * n, st.sampled_from(["a", "é", "🥚", "\x00", " ", "milk "]),
              st.integers(1_000, 40_000)),
)
NUMBER = st.one_of(
    st.integers(-(10**30), 10**30),
    st.sampled_from([10**400, -(10**4000), 0, -1, 2**63, 1000]),
    st.floats(allow_nan=True, allow_infinity=True),
)
VALUE = st.one_of(
    TEXT, NUMBER, st.booleans(), st.none(),
    st.lists(st.one_of(st.integers(), st.text(max_size=5)), max_size=4),
    st.dictionaries(st.text(max_size=8), st.one_of(st.integers(), st.text(max_size=8)), max_size=4),
    st.just(DEEP),
    st.integers(2, 400).map(lambda depth: _nest(depth)),
)
CONTENT_TYPES = st.sampled_from(["application/json", "application/json; charset=utf-8",
                                 "text/plain", "application/x-www-form-urlencoded", ""])


def _nest(depth: int) -> Any:
    value: Any = "bottom"
    for _ in range(depth):
        value = [value]
    return value


# --- valid requests of every route ----------------------------------------------------------

Builder = Callable[[datetime], dict[str, Any]]


def _alexa(request: dict[str, Any]) -> dict[str, Any]:
    return alexa_envelope(request, user_id="amzn1.ask.account.FUZZ", new=False,
                          session_id="amzn1.echo-api.session.fuzz",
                          attributes={"customer_id": "bystander", "userId": "bystander"})


def _item(value: str, resolved: str | None = None) -> dict[str, Any]:
    return alexa_slot("Item", value, resolved_id=resolved, authority_type="PRODUCT")


ALEXA: list[Builder] = [
    lambda now: _alexa(alexa_launch_request(now=now)),
    lambda now: _alexa(alexa_intent_request("AddItemIntent", {
        "Item": _item("eggs", EGGS), "Quantity": alexa_slot("Quantity", "2")}, now=now)),
    lambda now: _alexa(alexa_intent_request("AddItemIntent", {"Item": _item("bananas")}, now=now)),
    lambda now: _alexa(alexa_intent_request("ShoppingRequestIntent", {
        "Query": alexa_slot("Query", "add milk eggs and bread")}, now=now)),
    lambda now: _alexa(alexa_intent_request("SetFulfillmentIntent", {
        "Method": alexa_slot("Method", "pickup", resolved_id="pickup", authority_type="FULFILLMENT"),
        "Date": alexa_slot("Date", "2026-11-27"), "Time": alexa_slot("Time", "17:00")}, now=now)),
    lambda now: _alexa(alexa_intent_request("SelectOptionIntent", {"Option": alexa_slot("Option", "2nd")}, now=now)),
    lambda now: _alexa(alexa_intent_request("CheckoutIntent", now=now)),
    lambda now: _alexa(alexa_intent_request("AMAZON.YesIntent", now=now)),
    lambda now: _alexa(alexa_intent_request("UpdateQuantityIntent", {
        "Quantity": alexa_slot("Quantity", "3")}, now=now)),
    lambda now: _alexa(alexa_session_ended_request(now=now)),
]

_ES_USER = "fuzz-es-user"
ES: list[Builder] = [
    lambda now: es_request("AddItem", {"item": "whole milk", "quantity": 2, "unit": "gallon"},
                           "add two gallons of whole milk", user=_ES_USER, session="fuzz"),
    lambda now: es_request("Default Fallback Intent", {}, "add a dozen eggs and rye bread",
                           user=_ES_USER, session="fuzz"),
    lambda now: es_request("SetFulfillment", {"fulfillment": "pickup", "date": "2026-11-27T12:00:00-05:00",
                                              "time": "2026-11-27T17:00:00-05:00"},
                           "pickup friday at five", user=_ES_USER, session="fuzz"),
    lambda now: es_request("SelectOption", {"option": 2}, "the second one", user=_ES_USER, session="fuzz"),
    lambda now: es_request("Yes", {}, "yes", user=_ES_USER, session="fuzz"),
    lambda now: es_request("CancelOrder", {}, "cancel my order", user=_ES_USER, session="fuzz"),
]

_CX_USER = "fuzz-cx-user"
CX: list[Builder] = [
    lambda now: cx_request("AddItem", {"item": ["whole milk", "eggs"], "quantity": {"amount": 2}},
                           "add whole milk and eggs", user=_CX_USER, session="fuzz"),
    lambda now: cx_request("SetFulfillment", {"fulfillment": "delivery",
                                              "date": {"year": 2026, "month": 11, "day": 27},
                                              "time": {"hours": 17, "minutes": 0}},
                           "delivery friday at five", user=_CX_USER, session="fuzz"),
    lambda now: cx_request("", {}, "what's in my cart", user=_CX_USER, session="fuzz"),
    lambda now: cx_request("Checkout", {}, "check out", user=_CX_USER, session="fuzz"),
    lambda now: cx_request("Yes", {}, "yes", user=_CX_USER, session="fuzz"),
]

TEXT_USER = "fuzz-text-user"
CONVERSE: list[Builder] = [
    lambda now: {"user_id": TEXT_USER, "session_id": "fuzz", "text": text}
    for text in ("add two gallons of milk and a dozen eggs", "what's in my cart", "check out for pickup",
                 "yes", "remove the eggs", "make that three", "how much are bananas",
                 "cancel my order", "the second one")
]

ROUTES: dict[str, list[Builder]] = {"/alexa": ALEXA, "/dialogflow/es": ES, "/dialogflow/cx": CX,
                                    "/v1/converse": CONVERSE}
FUZZ_USERS = ("amzn1.ask.account.FUZZ", _ES_USER, _CX_USER, TEXT_USER)


# --- mutation ---------------------------------------------------------------------------------

def _locations(doc: Any) -> list[tuple[Any, Any]]:
    """(container, key) of every value inside the document, iteratively."""
    found, stack = [], [doc]
    while stack:
        node = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in items:
            found.append((node, key))
            if isinstance(value, (dict, list)):
                stack.append(value)
    return found


@st.composite
def hostile_body(draw: st.DrawFn, builders: list[Builder], now: datetime) -> bytes:
    doc: Any = copy.deepcopy(draw(st.sampled_from(builders))(now))
    for _ in range(draw(st.integers(1, 4))):
        locations = _locations(doc)
        op = draw(st.sampled_from(["delete", "replace", "replace", "replace", "add", "root"]))
        if op == "root" and draw(st.integers(0, 9)) == 0:
            doc = draw(VALUE)
            break
        if not locations:
            break
        container, key = draw(st.sampled_from(locations))
        if op == "delete":
            del container[key]
        elif op == "add" and isinstance(container, dict):
            container[draw(TEXT)] = draw(VALUE)
        else:
            container[key] = draw(VALUE)
    text = json.dumps(doc, allow_nan=True, ensure_ascii=draw(st.booleans()))
    text = text.replace(json.dumps(DEEP), DEEP_JSON, 1)
    raw = text.encode("utf-8", "surrogatepass")  # a lone surrogate becomes invalid UTF-8
    damage = draw(st.sampled_from([None] * 6 + ["invalid_utf8", "truncate", "duplicate", "bom"]))
    if damage == "invalid_utf8":
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x80\x80"])) + raw[at:]
    elif damage == "truncate":
        raw = raw[:draw(st.integers(0, max(0, len(raw) - 1)))]
    elif damage == "duplicate" and raw.endswith(b"}") and isinstance(doc, dict) and doc:
        key = draw(st.sampled_from(sorted(doc, key=str)))
        raw = raw[:-1] + b", " + json.dumps(str(key)).encode() + b": " + \
            json.dumps(draw(VALUE), allow_nan=True).replace(json.dumps(DEEP), DEEP_JSON).encode(
                "utf-8", "surrogatepass") + b"}"
    elif damage == "bom":
        raw = b"\xef\xbb\xbf" + raw
    return raw


def request_ids() -> st.SearchStrategy[str]:
    return st.builds(lambda: str(uuid.uuid4()))
