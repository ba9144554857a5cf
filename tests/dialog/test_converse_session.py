"""Help that fits the moment, stop and cancel that end politely, a fallback that never touches
the cart, and carts that outlive sessions."""
from __future__ import annotations

import pytest

SHOP = "add two gallons of whole milk and a dozen large white eggs"


# --- help -----------------------------------------------------------------------------------

def test_help_says_what_can_be_said_right_now(say, pending):
    general = say("help")
    say("add milk")
    while_choosing = say("help")
    say("the first one")
    say("add two pounds of ground beef")
    say("check out for pickup")
    at_confirmation = say("help")

    assert general["speech"] != while_choosing["speech"] != at_confirmation["speech"]
    assert "add" in general["speech"] and "check out" in general["speech"]
    assert "first" in while_choosing["speech"] or "second" in while_choosing["speech"]
    assert "yes" in at_confirmation["speech"].lower() and "order" in at_confirmation["speech"]
    for reply in (general, while_choosing, at_confirmation):
        assert reply["end_session"] is False and reply["reprompt"]


def test_help_while_choosing_keeps_the_choice_open(say, cart, pending):
    say("add milk")
    offered = pending()["options"]

    say("help")
    say("the second one")

    assert [i["product_id"] for i in cart()["items"]] == [offered[1]]


def test_help_at_confirmation_keeps_the_question_open(say, orders):
    say(SHOP)
    say("check out for pickup")

    say("help")
    say("yes")

    assert len(orders()) == 1


# --- stop and cancel ------------------------------------------------------------------------

@pytest.mark.parametrize("word", ["stop", "cancel"])
def test_stop_and_cancel_end_politely_and_keep_the_cart(say, cart, word):
    say(SHOP)
    before = cart()

    reply = say(word)

    assert reply["end_session"] is True
    assert "goodbye" in reply["speech"].lower()
    assert cart() == before


@pytest.mark.parametrize("word", ["stop", "cancel"])
def test_stop_while_choosing_forgets_the_question(say, cart, word):
    say("add milk")

    say(word)
    say("the first one")

    assert cart()["items"] == []


def test_stop_with_an_empty_cart_is_still_polite(say):
    reply = say("stop")

    assert reply["end_session"] is True and reply["speech"].strip()


# --- fallback -------------------------------------------------------------------------------

@pytest.mark.parametrize("nonsense", ["blorp flibber", "what's the weather like", "sing me a song",
                                      "asdf qwer zxcv"])
def test_fallback_reprompts_and_never_changes_the_cart(say, cart, nonsense):
    say(SHOP)
    before = cart()

    reply = say(nonsense)

    assert reply["end_session"] is False
    assert reply["reprompt"]
    assert cart() == before


def test_fallback_while_choosing_repeats_the_question(say, cart, pending):
    say("add milk")
    offered = pending()["options"]

    reply = say("blorp flibber")

    assert reply["speech"].endswith("?")
    assert cart()["items"] == []
    say("the third one")
    assert [i["product_id"] for i in cart()["items"]] == [offered[2]]


# --- sessions -------------------------------------------------------------------------------

def test_a_new_session_for_the_same_user_sees_the_same_cart(say, cart):
    say(SHOP, session="kitchen")
    say("stop", session="kitchen")

    reply = say("what's in my cart", session="car")

    assert "Whole Milk" in reply["speech"] and "Large White Eggs" in reply["speech"]
    say("add bananas", session="car")
    assert [i["name"] for i in cart()["items"]] == ["Whole Milk", "Large White Eggs", "Bananas"]


def test_another_user_has_their_own_cart(say, cart):
    say(SHOP)

    reply = say("what's in my cart", user="bob", session="bob-1")

    assert "empty" in reply["speech"]
    assert cart("bob")["items"] == []
    assert len(cart()["items"]) == 2


def test_a_session_id_reused_by_another_user_does_not_carry_the_question_over(say, cart):
    say("add milk", user="ann", session="shared")

    say("the first one", user="bob", session="shared")

    assert cart("bob")["items"] == [] and cart("ann")["items"] == []


def test_a_question_left_open_expires_but_the_cart_stays(say, cart, clock):
    say("add bananas")
    say("add milk")
    clock.advance(minutes=31)

    say("the first one")

    assert [i["name"] for i in cart()["items"]] == ["Bananas"]


def test_a_question_is_tied_to_its_session(say, cart):
    say("add milk", session="kitchen")

    say("the first one", session="car")

    assert cart()["items"] == []
