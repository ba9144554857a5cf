"""Issue 16: requests phrased as a shopping list are adds, and clearing to start over is a
ClearCart the dialog confirms."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, phrase", [
    ("put eggs on my list", "eggs"),
    ("put peanut butter on the list", "peanut butter"),
    ("i'm out of milk", "milk"),
    ("i am out of coffee", "coffee"),
    ("we need bread", "bread"),
    ("grab some apples", "apples"),
    ("throw in bananas", "bananas"),
    ("throw in a dozen eggs", "eggs"),
])
def test_list_phrasings_are_adds_of_the_item(parse_text, text, phrase):
    request = parse_text(text)

    assert request.intent == "AddItem"
    assert [i.phrase for i in request.items] == [phrase]


@pytest.mark.parametrize("text", ["clear everything and start over",
                                  "empty my cart and start again", "clear my list and start over"])
def test_clearing_to_start_over_is_a_clear_cart_to_confirm(parse_text, text):
    request = parse_text(text)

    assert request.intent == "ClearCart" and request.slots == {"confirm": True}


def test_a_plain_clear_is_not_asked_again(parse_text):
    assert parse_text("clear my cart").slots == {}


def test_start_over_alone_is_still_cancel(parse_text):
    assert parse_text("start over").intent == "Cancel"
