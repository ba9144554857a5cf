"""The parser's side of issue 17 items 3, 4 and 5 and issue 18 item 4: questions about money
and rules, changing a line's kind, "order my usual"; and what must stay as it was."""
from __future__ import annotations

import pytest

from intents.parsing.parser import parse


@pytest.mark.parametrize(("text", "about"), [
    ("how much do I owe", "total"), ("what do I owe you", "total"),
    ("how much does my cart come to", "total"), ("what's my total", "total"),
    ("what's the delivery fee", "delivery_fee"), ("is delivery free", "delivery_fee"),
    ("when is delivery free", "delivery_fee"), ("is there a delivery fee", "delivery_fee"),
    ("do you charge for delivery", "delivery_fee"),
    ("how much do I need to spend for free delivery", "delivery_fee"),
    ("is there a minimum", "minimum"), ("what's the minimum order", "minimum"),
    ("is there a minimum order", "minimum"),
    ("what time slot do I have", "slot"), ("which slot did I pick", "slot"),
    ("what's my pickup slot", "slot"),
])
def test_money_and_rules_questions(text, about):
    got = parse(text)
    assert (got.intent, got.slots, got.items) == ("ReadCart", {"about": about}, [])


@pytest.mark.parametrize("text", ["what are my options", "what are the options", "options"])
def test_what_are_my_options_is_help_for_the_choice(text):
    got = parse(text)
    assert (got.intent, got.slots) == ("Help", {"options": True})


@pytest.mark.parametrize(("text", "item", "kind"), [
    ("change the milk to skim", "milk", "skim"),
    ("switch the eggs to brown ones", "eggs", "brown"),
    ("swap the bread for sourdough", "bread", "sourdough"),
    ("make it skim", None, "skim"),
    ("make that organic", None, "organic"),
])
def test_changing_a_lines_kind(text, item, kind):
    got = parse(text)
    assert got.intent == "SelectOption"
    assert got.slots == {"choice": kind, "kind": True}
    assert [i.phrase for i in got.items] == ([item] if item else [])


@pytest.mark.parametrize(("text", "intent"), [
    ("change the milk to two", "UpdateQuantity"), ("make it two", "UpdateQuantity"),
    ("make it a gallon", "UpdateQuantity"), ("switch to pickup", "SetFulfillment"),
    ("make it the second one", "SelectOption"), ("when is my pickup", "OrderStatus"),
    ("how much is it", "ProductInfo"),
])
def test_what_stays_as_it_was(text, intent):
    got = parse(text)
    assert got.intent == intent
    assert "kind" not in got.slots and "about" not in got.slots


def test_a_day_is_no_kind():
    assert parse("change my order to saturday").slots.get("kind") is None


@pytest.mark.parametrize(("text", "usual"), [
    ("order my usual", True), ("get my usual groceries", True), ("same as usual", True),
    ("order my regulars", True), ("reorder my last order", False),
    ("add the same stuff as last time", False), ("repeat my last order", False),
])
def test_the_usual_and_the_last_order(text, usual):
    got = parse(text)
    assert got.intent == "Reorder"
    assert bool(got.slots.get("usual")) is usual
