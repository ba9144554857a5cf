"""No silent doubling (issue 17 item 5) and "order my usual" from the whole history (issue 18
item 4): the same product asked several ways lands on one line, billed by the amount rules; a
reorder never adds what is already in the cart without saying so; the usual is read back and
added only after a "yes"."""
from __future__ import annotations

import pytest


def _place(say, items: str, user: str = "ann") -> None:
    say(f"add {items}", user=user)
    assert "Shall I place the order?" in say("check out for pickup", user=user)["speech"]
    assert "order is placed" in say("yes", user=user)["speech"]


def test_eggs_asked_three_ways_land_on_one_line(say, cart):
    for asked in ("add a dozen eggs", "add 12 eggs", "add a carton of eggs"):
        say(asked)

    items = cart()["items"]
    assert len(items) == 1, items
    line = items[0]
    assert line["name"] == "Large White Eggs"
    assert line["quantity"] == 3
    assert line["line_total"] == pytest.approx(3 * line["unit_price"])
    assert cart()["total"] == pytest.approx(10.47)


def test_a_weight_and_a_count_of_one_product_stay_apart(say, cart):
    """Billed at the scale and billed by the piece are different bills: never merged."""
    say("add a pound of ground beef")
    say("add a pack of ground beef")
    assert sorted(i["unit"] or "" for i in cart()["items"]) == ["", "pound"]


def test_reorder_after_the_same_stuff_as_last_time_does_not_double(say, cart):
    _place(say, "two gallons of whole milk and a dozen eggs and a bunch of bananas")
    first = say("add the same stuff as last time")["speech"]
    assert "three items" in first
    before = cart()

    again = say("reorder my last order")["speech"]

    assert cart() == before
    assert "already in your cart" in again and "didn't add it again" in again


def test_a_reorder_says_which_items_were_already_there(say, cart):
    _place(say, "two gallons of whole milk and a dozen eggs and a bunch of bananas")
    say("add a gallon of whole milk")

    reply = say("reorder my last order")["speech"]

    assert "I've put two items" in reply
    assert "A gallon of Whole Milk was already in your cart, so I left it as it is" in reply
    milk = [i for i in cart()["items"] if i["name"] == "Whole Milk"]
    assert len(milk) == 1 and milk[0]["quantity"] == 1


def test_order_my_usual_uses_the_whole_history_and_waits_for_yes(say, cart, pending):
    _place(say, "two gallons of whole milk and a dozen eggs and a loaf of sourdough bread")
    _place(say, "two gallons of whole milk and a dozen eggs")
    _place(say, "two gallons of whole milk and a bag of russet potatoes")

    offer = say("order my usual")["speech"]

    # milk is in all three orders and eggs in two; bread and potatoes were one-offs
    assert offer == ("Your usual is two gallons of Whole Milk and a dozen Large White Eggs. "
                     "Shall I add them to your cart?")
    assert cart()["items"] == []
    assert pending()["kind"] == "confirm_usual"

    added = say("yes")["speech"]

    assert "I've put two items from your usual back in your cart" in added
    assert sorted(i["name"] for i in cart()["items"]) == ["Large White Eggs", "Whole Milk"]


def test_no_to_the_usual_adds_nothing(say, cart):
    _place(say, "two gallons of whole milk and a dozen eggs")
    say("order my usual")
    assert "haven't added" in say("no")["speech"]
    assert cart()["items"] == []


def test_order_my_usual_with_no_history(say, cart):
    assert "don't know your usual" in say("order my usual")["speech"]
    assert "yes" not in say("order my usual")["reprompt"].lower()
