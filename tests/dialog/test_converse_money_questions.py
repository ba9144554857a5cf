"""Questions about money and rules (issue 17 item 3): the total, the delivery fee and when it
is free, the minimum order, the slot chosen, "what are my options". Each is answered from the
shopper's cart and store; none holds a slot or changes the cart, and a question asked while
something is pending asks that again afterwards."""
from __future__ import annotations

import pytest

DEMO_USER = "demo"  # the demo shopper: a delivery address, store Brooklyn

QUESTIONS = {
    "how much do I owe": "total",
    "what do I owe you": "total",
    "how much does my cart come to": "total",
    "what's the delivery fee": "delivery_fee",
    "is delivery free": "delivery_fee",
    "how much do I need to spend for free delivery": "delivery_fee",
    "is there a minimum": "minimum",
    "what's the minimum order": "minimum",
    "what time slot do I have": "slot",
    "which slot did I pick": "slot",
}


def _holds(runtime) -> int:
    return runtime.db().execute("select count(*) from slot_holds").fetchone()[0]


@pytest.mark.parametrize("question", QUESTIONS)
def test_a_money_question_never_holds_a_slot_or_changes_the_cart(say, cart, runtime, question):
    say("add a gallon of whole milk")
    before = cart()

    reply = say(question)

    assert cart() == before
    assert _holds(runtime) == 0
    assert "Sorry" not in reply["speech"] and "couldn't find" not in reply["speech"]
    assert "Added" not in reply["speech"]


def test_how_much_do_i_owe_says_the_cart_total(say, cart):
    say("add a gallon of whole milk and a dozen eggs")
    total = cart()["total"]

    reply = say("how much do I owe")

    assert f"${total:.2f}" in reply["speech"]
    assert "two items" in reply["speech"]


def test_the_total_of_an_empty_cart(say):
    assert "don't owe anything" in say("how much do I owe")["speech"]


def test_the_delivery_fee_and_what_is_left_for_free_delivery(say, cart):
    say("add a gallon of whole milk")
    total = cart()["total"]

    reply = say("what's the delivery fee")["speech"]

    assert "Delivery is $5.99, and free on orders of $35.00 or more" in reply
    assert f"add ${35 - total:.2f} more for free delivery" in reply


def test_delivery_is_free_over_the_threshold(say, fill_cart):
    fill_cart(["MS0006"], quantity=3)  # three pounds of ribeye, $47.97
    assert "so your delivery is free" in say("is delivery free")["speech"]


def test_the_minimum_order_and_how_far_the_cart_is(say):
    say("add a bunch of bananas")
    reply = say("is there a minimum")["speech"]
    assert reply.startswith("Yes, the minimum order is $10.00.")
    assert "more to check out" in reply


def test_the_slot_chosen_is_said_without_holding_another(say, runtime):
    assert "haven't chosen a time" in say("what time slot do I have")["speech"]
    say("add two pounds of ground beef")
    say("pickup tomorrow at 5 pm")
    held = runtime.db().execute("select slot_key from slot_holds").fetchall()

    reply = say("what time slot do I have")["speech"]

    assert "You chose pickup at Greenleaf Market Brooklyn tomorrow between 5 and 6 PM" in reply
    assert "holding it for you" in reply
    assert runtime.db().execute("select slot_key from slot_holds").fetchall() == held


def test_a_question_during_checkout_keeps_the_read_back_pending(say, orders):
    say("add two pounds of ground beef", user=DEMO_USER)
    say("check out for pickup", user=DEMO_USER)

    reply = say("how much do I owe", user=DEMO_USER)["speech"]
    assert reply.endswith("Shall I place the order? Yes or no?")

    assert "order is placed" in say("yes", user=DEMO_USER)["speech"]
    assert len(orders(DEMO_USER)) == 1


def test_what_are_my_options_repeats_the_pending_choice(say, pending):
    asked = say("add bread")["speech"]
    assert pending()["kind"] == "choose"

    again = say("what are my options")["speech"]

    assert again == asked == ("For bread, did you want White Sandwich Bread, White Bread or "
                              "Potato Bread?")
    assert pending()["kind"] == "choose"


def test_what_are_my_options_with_nothing_pending(say):
    assert "nothing to choose" in say("what are my options")["speech"]


def test_the_slot_question_after_ordering_answers_from_the_order(say, runtime):
    say("add two pounds of ground beef")
    say("check out for pickup tomorrow at 5 pm")
    assert "order is placed" in say("yes")["speech"]

    reply = say("what time slot do I have", session="s2")["speech"]

    assert "tomorrow between 5 and 6 PM" in reply and "haven't chosen" not in reply
    assert _holds(runtime) == 0
