"""Requests about a placed order and questions about times (intents.parsing.rules_orders):
canonical intents with slots saying what the words aimed at."""
from __future__ import annotations

from datetime import datetime

import pytest

from intents.parsing.parser import parse

NOW = datetime(2026, 11, 25, 9, 0)  # Wednesday 9 AM, store time
TZ = "America/New_York"


def p(text: str):
    return parse(text, now=NOW, tz=TZ)


@pytest.mark.parametrize("text, intent, slots, phrases", [
    ("add bread to my order", "AddItem", {"target": "order"}, ["bread"]),
    ("add a dozen eggs to my order", "AddItem", {"target": "order"}, ["eggs"]),
    ("can you add milk to my pickup order too", "AddItem", {"target": "order"}, ["milk"]),
    ("take the milk off my order", "RemoveItem", {"target": "order"}, ["milk"]),
    ("remove the eggs from my order", "RemoveItem", {"target": "order"}, ["eggs"]),
    ("move my pickup to 7", "SetFulfillment",
     {"target": "order", "time": "2026-11-25T19:00", "same_day": True}, []),
    ("can i change my pickup time to 7", "SetFulfillment",
     {"target": "order", "time": "2026-11-25T19:00", "same_day": True}, []),
    ("move my pickup to tomorrow at 7", "SetFulfillment",
     {"target": "order", "time": "2026-11-26T19:00"}, []),
    ("change my order to saturday", "SetFulfillment", {"target": "order", "date": "2026-11-28"}, []),
    ("move my order to tomorrow morning", "SetFulfillment",
     {"target": "order", "time": "2026-11-26T09:00"}, []),
    ("switch my order to delivery", "SetFulfillment",
     {"target": "order", "fulfillment": "delivery"}, []),
    ("what did i order", "OrderStatus", {"ask": "items"}, []),
    ("what's in my order", "OrderStatus", {"ask": "items"}, []),
    ("repeat back my order", "OrderStatus", {"ask": "items"}, []),
    ("repeat my last order", "Reorder", {}, []),  # a reorder, not a question (issue 17b)
    ("when is my pickup", "OrderStatus", {"ask": "time"}, []),
    ("what time is my pickup", "OrderStatus", {"ask": "time"}, []),
    ("when is my delivery coming", "OrderStatus", {"ask": "time"}, []),
    ("where is my order", "OrderStatus", {}, []),
    ("what times do you have friday", "SetFulfillment", {"question": True, "date": "2026-11-27"}, []),
    ("what's the earliest pickup", "SetFulfillment",
     {"question": True, "fulfillment": "pickup", "time": "next_available"}, []),
    ("when can i pick up", "SetFulfillment", {"question": True, "fulfillment": "pickup"}, []),
])
def test_order_requests(text, intent, slots, phrases):
    got = p(text)
    assert (got.intent, got.slots) == (intent, slots)
    assert [i.phrase for i in got.items] == phrases


@pytest.mark.parametrize("text, slots", [
    ("tomorrow morning", {"time": "2026-11-26T09:00"}),
    ("tonight after 6", {"time": "2026-11-25T18:00"}),
    ("this weekend", {"date": "2026-11-28"}),
    ("saturday afternoon", {"time": "2026-11-28T14:00"}),
    ("the earliest", {"time": "next_available"}),
])
def test_times_said_alone_choose_a_slot(text, slots):
    got = p(text)
    assert (got.intent, got.slots) == ("SetFulfillment", slots)


@pytest.mark.parametrize("text, intent", [
    ("add milk to my cart", "AddItem"),      # the cart, no target
    ("add milk", "AddItem"),
    ("make it 7", "UpdateQuantity"),          # a quantity, not a time
    ("cancel my order", "CancelOrder"),
])
def test_cart_requests_stay_as_they_were(text, intent):
    got = p(text)
    assert got.intent == intent and "target" not in got.slots
