"""Checkout by voice: pickup or delivery, a slot, the read-back of item count, total and fees,
and an explicit yes before anything is ordered, placed exactly once."""
from __future__ import annotations

import pytest

DEMO = "demo"          # has a delivery address
SHOP = "add two gallons of whole milk and a dozen large white eggs"  # two lines, over the $10 minimum
DELIVERY_FEE = 5.99


def ordered_items(order):
    return [(i["product_id"], i["quantity"], i["unit"]) for i in order["items"]]


def cart_items(cart_json):
    return [(i["product_id"], i["quantity"], i["unit"]) for i in cart_json["items"]]


# --- pickup ---------------------------------------------------------------------------------

def test_pickup_checkout_reads_back_then_places_the_order_on_yes(say, cart, orders, spoken_price):
    say(SHOP)
    before = cart()

    asked = say("check out")
    assert "pickup or delivery" in asked["speech"].lower()
    assert orders() == []

    read_back = say("pickup tomorrow at five pm")

    speech = read_back["speech"]
    assert "two items" in speech
    assert "pickup" in speech and "tomorrow" in speech and "5" in speech
    assert spoken_price(before["total"]) in speech
    assert speech.endswith("?") and read_back["end_session"] is False
    assert orders() == [] and cart() == before  # nothing ordered before the yes

    placed = say("yes")

    [order] = orders()
    assert order["status"] == "placed"
    assert order["fulfillment"]["type"] == "pickup"
    assert order["fulfillment"]["slot_start"].startswith("2026-11-26T17:00")
    assert order["fulfillment"]["fee"] == 0
    assert order["total"] == pytest.approx(before["total"])
    assert ordered_items(order) == cart_items(before)
    assert cart()["items"] == []
    assert placed["end_session"] is True
    assert spoken_price(order["total"]) in placed["speech"]
    assert "placed" in placed["speech"]


def test_check_out_for_pickup_in_one_breath_still_asks_before_ordering(say, orders):
    say(SHOP)

    reply = say("check out for pickup")

    assert reply["speech"].endswith("?") and "two items" in reply["speech"]
    assert orders() == []
    say("yes")
    assert len(orders()) == 1


def test_without_a_time_the_next_available_slot_is_offered(say, orders):
    say(SHOP)
    say("check out")

    offer = say("pickup")

    # 9 AM now; the first slots are 11 AM and noon (two hours' lead time): a choice, not a hold
    assert "today between 11 AM and noon or today between noon and 1 PM" in offer["speech"]
    reply = say("the first one")
    assert "today" in reply["speech"] and "Shall I place the order" in reply["speech"]
    say("yes")
    assert orders()[0]["fulfillment"]["slot_start"].startswith("2026-11-25T11:00")


# --- delivery -------------------------------------------------------------------------------

def test_delivery_below_35_dollars_reads_back_the_fee_and_charges_it(say, cart, orders, spoken_price):
    say(SHOP, user=DEMO)
    subtotal = cart(DEMO)["total"]
    assert subtotal < 35

    say("check out", user=DEMO)
    say("delivery", user=DEMO)  # the two earliest windows, as a choice
    read_back = say("the first one", user=DEMO)

    speech = read_back["speech"]
    assert "delivery" in speech and "two items" in speech
    assert spoken_price(subtotal) in speech
    assert spoken_price(DELIVERY_FEE) in speech
    assert spoken_price(subtotal + DELIVERY_FEE) in speech
    assert orders(DEMO) == []

    say("yes", user=DEMO)

    [order] = orders(DEMO)
    assert order["fulfillment"]["type"] == "delivery"
    assert order["fulfillment"]["fee"] == pytest.approx(DELIVERY_FEE)
    assert order["total"] == pytest.approx(subtotal + DELIVERY_FEE)
    assert order["fulfillment"]["address"]["line1"]


@pytest.mark.parametrize("count, free", [(100, True), (99, False)])
def test_delivery_is_free_from_35_dollars(say, cart, orders, spoken_price, count, free):
    say(f"add {count} chicken ramen", user=DEMO)  # $0.35 each: $35.00 and $34.65
    subtotal = cart(DEMO)["total"]
    assert subtotal == pytest.approx(count * 0.35)

    read_back = say("check out for delivery", user=DEMO)

    assert (spoken_price(DELIVERY_FEE) in read_back["speech"]) is not free
    if free:
        assert "free delivery" in read_back["speech"]
    say("yes", user=DEMO)
    [order] = orders(DEMO)
    assert order["fulfillment"]["fee"] == (0 if free else pytest.approx(DELIVERY_FEE))
    assert order["total"] == pytest.approx(subtotal + (0 if free else DELIVERY_FEE))


def test_delivery_without_an_address_asks_for_pickup_instead(say, orders):
    say(SHOP)
    say("check out")

    reply = say("delivery")

    assert "address" in reply["speech"] and "pickup" in reply["speech"].lower()
    assert orders() == []
    say("yes")  # not a choice of method: nothing is ordered
    assert orders() == []

    offer = say("pickup")
    assert offer["speech"].endswith("?") and orders() == []
    read_back = say("the first one")
    assert read_back["speech"].endswith("?")
    say("yes")
    [order] = orders()
    assert order["fulfillment"]["type"] == "pickup"


# --- an explicit yes, and only one order --------------------------------------------------

def test_no_at_the_read_back_keeps_the_cart_and_places_nothing(say, cart, orders):
    say(SHOP)
    before = cart()
    say("check out for pickup")

    reply = say("no")

    assert orders() == [] and cart() == before
    assert reply["end_session"] is False
    say("yes")  # the question is gone: a later yes orders nothing
    assert orders() == []


@pytest.mark.parametrize("interruption", ["add bananas", "what's in my cart", "how much are bananas",
                                          "check out for delivery"])
def test_anything_but_yes_at_the_read_back_places_nothing(say, orders, interruption):
    say(SHOP)
    say("check out for pickup")

    say(interruption)
    say("yes")

    assert orders() == []


def test_something_not_understood_at_the_read_back_asks_again(say, orders):
    say(SHOP)
    say("check out for pickup")

    reply = say("blorp flibber")

    assert orders() == []
    assert reply["speech"].endswith("?") and reply["reprompt"]
    say("yes")  # the question still stands: now it is answered
    assert len(orders()) == 1


def test_stop_at_the_read_back_ends_politely_and_keeps_the_cart(say, cart, orders):
    say(SHOP)
    before = cart()
    say("check out for pickup")

    reply = say("stop")

    assert reply["end_session"] is True
    assert orders() == [] and cart() == before


def test_an_empty_cart_cannot_be_checked_out(say, orders, pending):
    for request in ("check out", "check out for pickup"):
        reply = say(request)
        assert "empty" in reply["speech"]
        assert pending() is None
    say("yes")
    assert orders() == []


def test_below_the_minimum_order_nothing_is_ordered(say, cart, orders, spoken_price):
    say("add bananas")
    say("check out")

    reply = say("pickup")

    assert spoken_price(10) in reply["speech"]
    assert spoken_price(cart()["total"]) in reply["speech"]
    say("yes")
    assert orders() == []
    assert len(cart()["items"]) == 1


def test_a_duplicate_yes_places_one_order(say, orders, cart):
    say(SHOP)
    say("check out for pickup")

    say("yes")
    again = say("yes")

    assert len(orders()) == 1
    assert "already" in again["speech"]
    assert cart()["items"] == []


def test_a_replayed_yes_with_the_earlier_dialog_state_places_one_order(say, orders, session_row):
    """A platform retry: the same "yes" arrives again with the state from before the first one
    (as if the first delivery's state write was lost): the submission key keeps it to one order."""
    say(SHOP)
    say("check out for pickup")
    before_yes = session_row.get()

    first = say("yes")
    session_row.put(before_yes)
    replay = say("yes")

    [order] = orders()
    assert "placed" in first["speech"] and "already" not in first["speech"]
    assert "already" in replay["speech"]
    assert replay["end_session"] is True


def test_the_same_yes_after_the_cart_changed_re_reads_instead_of_ordering(say, orders, session_row, cart):
    """A replayed read-back answer must not order a cart the shopper never heard."""
    say(SHOP)
    say("check out for pickup")
    say("add bananas", session="other")  # the same shopper, on another device

    reply = say("yes")

    assert orders() == []
    assert "changed" in reply["speech"] and "three items" in reply["speech"]
    say("yes")
    assert len(orders()) == 1 and len(orders()[0]["items"]) == 3


def test_a_yes_after_the_held_slot_lapsed_re_reads_a_new_slot(say, orders, clock):
    say(SHOP)
    say("check out for pickup")  # holds today 11 AM, for ten minutes
    clock.advance(minutes=15)    # 9:15: the hold lapsed and 11 AM is inside the two hours' lead time

    reply = say("yes")

    assert orders() == []
    assert reply["speech"].endswith("?")
    say("yes")
    [order] = orders()
    assert order["fulfillment"]["slot_start"] > "2026-11-25T11:00"
