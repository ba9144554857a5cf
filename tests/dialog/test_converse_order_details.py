"""Around the order, through POST /v1/converse: substitution preferences, delivery notes,
choosing a store, and what the read-back and the confirmation must say (issue 17, items 6-9).

The clock is Wednesday 2026-11-25, 9 AM in New York. The demo shopper ("demo") lives in
Brooklyn, 11215, and shops at Greenleaf Market Brooklyn (8.875% sales tax); Greenleaf Market
Main Street (11201) is pickup only and has no Organic Whole Milk (DA0012).
"""
from __future__ import annotations

import json
import re

import pytest

from cart.outbox.sqlite import SqliteOutbox

DEMO = "demo"
MILK_AND_EGGS = "add two gallons of whole milk and a dozen large white eggs"  # $8.58 + $3.49
SOAP = "add a bottle of original dish soap"   # HC0010, $3.49, taxable


def events(runtime) -> list[dict]:
    return [json.loads(e.body) for e in SqliteOutbox(runtime.db()).list()]


def by_id(order):
    return {i["product_id"]: i for i in order["items"]}


# --- substitutions --------------------------------------------------------------------------

def test_no_substitutions_for_one_line_is_kept_read_back_and_ordered(say, orders, runtime):
    say(MILK_AND_EGGS)

    reply = say("no substitutions for the milk")

    assert "no substitutions for whole milk" in reply["speech"].lower()
    read_back = say("check out for pickup tomorrow at 5")["speech"]
    assert "except: none for Whole Milk" in read_back
    say("yes")
    [order] = orders()
    assert by_id(order)["DA0001"]["substitution"] == {"mode": "none", "product_id": None,
                                                      "name": None}
    assert by_id(order)["DA0042"]["substitution"]["mode"] == "allow"
    # the store learns it from the order.placed event (the webhook's payload)
    [placed] = [e for e in events(runtime) if e["type"] == "order.placed"]
    assert by_id(placed["data"])["DA0001"]["substitution"]["mode"] == "none"


def test_a_named_substitute_is_resolved_and_carried_on_the_order(say, orders, runtime):
    say(MILK_AND_EGGS)

    reply = say("if they're out of the eggs get brown eggs")

    assert reply["speech"].startswith("OK, if Large White Eggs is out, I'll ask for Large Brown Eggs")
    say("check out for pickup tomorrow at 5")
    say("yes")
    eggs = by_id(orders()[0])["DA0042"]["substitution"]
    assert eggs["mode"] == "specific" and eggs["name"] == "Large Brown Eggs"
    assert runtime.matchers.current().get(eggs["product_id"]).name == "Large Brown Eggs"


def test_the_default_is_the_shoppers_own_and_outlives_the_order(say, orders):
    reply = say("no substitutions")
    assert "no substitutions" in reply["speech"].lower()
    say(MILK_AND_EGGS)
    read_back = say("check out for pickup tomorrow at 5")["speech"]
    assert "No substitutions." in read_back
    say("yes")
    assert {i["substitution"]["mode"] for i in orders()[0]["items"]} == {"none"}

    say("substitutions are fine", session="s2")
    say(MILK_AND_EGGS, session="s2")
    assert "Substitutions are allowed." in say("check out for pickup tomorrow at 5", session="s2")["speech"]


def test_a_substitution_for_something_not_in_the_cart_changes_nothing(say, cart):
    say(MILK_AND_EGGS)
    before = cart()

    reply = say("no substitutions for the bananas")

    assert "don't see bananas in your cart" in reply["speech"]
    assert cart() == before


def test_changing_a_preference_at_the_read_back_reads_the_order_back_again(say, orders):
    say(MILK_AND_EGGS)
    say("check out for pickup tomorrow at 5")

    reply = say("don't substitute the eggs")

    assert "Shall I place the order?" in reply["speech"]
    assert "none for Large White Eggs" in reply["speech"]
    assert orders() == []
    say("yes")
    assert by_id(orders()[0])["DA0042"]["substitution"]["mode"] == "none"


# --- delivery notes -------------------------------------------------------------------------

def test_delivery_notes_are_read_back_and_stored_on_the_order(say, orders, runtime):
    say("clear my cart", user=DEMO)
    say(MILK_AND_EGGS, user=DEMO)
    assert "Ring the bell" in say("ring the bell", user=DEMO)["speech"]
    say("and leave it at the door", user=DEMO)
    reply = say("deliver while I'm not home", user=DEMO)
    assert "if you're not home" in reply["speech"]

    read_back = say("check out for delivery tomorrow at 5", user=DEMO)["speech"]

    assert ("Delivery notes: Ring the bell. Leave it at the door. It may be left if you're not "
            "home.") in read_back
    say("yes", user=DEMO)
    [order] = orders(DEMO)
    assert order["fulfillment"]["delivery_notes"] == {
        "text": "Ring the bell. Leave it at the door", "unattended": True}
    [placed] = [e for e in events(runtime) if e["type"] == "order.placed"]
    assert placed["data"]["fulfillment"]["delivery_notes"]["unattended"] is True
    # the event's older one-string field keeps its type: the notes for the driver
    assert placed["data"]["delivery_notes"] == "Ring the bell. Leave it at the door"
    assert placed["data"]["unattended_delivery"] is True


def test_no_delivery_notes_clears_them(say, orders):
    say("leave it on the porch", user=DEMO)
    assert "no delivery notes" in say("no delivery notes", user=DEMO)["speech"].lower()
    say("clear my cart", user=DEMO)
    say(MILK_AND_EGGS, user=DEMO)
    say("check out for delivery tomorrow at 5", user=DEMO)
    say("yes", user=DEMO)
    assert orders(DEMO)[0]["fulfillment"]["delivery_notes"] == {"text": None,
                                                                "unattended": False}


def test_a_delivery_note_while_pickup_is_chosen_says_it_is_for_delivery(say):
    say(MILK_AND_EGGS)
    say("pickup tomorrow at 5")
    assert "for delivery orders" in say("ring the bell")["speech"]


# --- stores ---------------------------------------------------------------------------------

def test_which_stores_are_near_me_uses_the_shoppers_zip(say):
    reply = say("which stores are near me?", user=DEMO)["speech"]
    assert "Greenleaf Market Brooklyn at 418 Alder Street" in reply
    assert "Greenleaf Market Main Street at 75 Main Street, pickup only" in reply
    assert "Chicago" not in reply and "Los Angeles" not in reply
    assert "open today from 7 AM to 10 PM" in reply  # Wednesday hours of Brooklyn


def test_stores_near_a_spoken_zip_and_none_near_says_the_closest(say):
    assert "I don't have your address" in say("which stores are near me")["speech"]
    assert "Chicago" in say("stores near 60614")["speech"]
    far = say("what stores are near 98101")["speech"]
    assert far.startswith("I don't have a store near ZIP code 9 8 1 0 1. The closest is")


def test_store_hours_for_the_shoppers_store_and_a_named_store(say):
    assert say("what are the store hours", user=DEMO)["speech"].startswith(
        "Greenleaf Market Brooklyn is open today from 7 AM to 10 PM.")
    assert say("what time does the main street store close")["speech"].startswith(
        "Greenleaf Market Main Street is open today from 8 AM to 9 PM.")
    assert "I don't know a downtown store" in say("what are the hours of the downtown store")["speech"]


def test_pick_up_at_the_main_street_store_books_there_and_the_order_names_it(say, orders):
    say(MILK_AND_EGGS)

    held = say("pick up at the main street store tomorrow at 5")["speech"]

    assert "Greenleaf Market Main Street, 75 Main Street" in held
    read_back = say("check out")["speech"]
    assert "pickup at Greenleaf Market Main Street, 75 Main Street" in read_back
    say("yes")
    [order] = orders()
    assert order["fulfillment"]["store_id"] == "main-street"
    assert order["fulfillment"]["store_address"] == "75 Main Street, Brooklyn, NY 11201"
    # the shopper's store from now on
    assert "Main Street" in say("which store am i using", session="s2")["speech"]


def test_pick_up_at_a_named_store_with_no_time_offers_that_stores_times(say, runtime):
    """No time said: the times offered (and then held) are the named store's, not the
    shopper's old store's, and what it has none of is said with the offer."""
    say("add organic whole milk")
    say(MILK_AND_EGGS)

    offer = say("pick up at the main street store")["speech"]

    assert offer.startswith("The earliest pickup times at Greenleaf Market Main Street, "
                            "75 Main Street, are today between 11 AM and noon"), offer
    assert "Main Street has no Organic Whole Milk today" in offer
    assert runtime.carts().get_hold("ann") is None  # an offer holds nothing
    say("the first one")
    assert runtime.carts().get_hold("ann").slot.store_id == "main-street"
    assert "Main Street" in say("which store am i using", session="s2")["speech"]


def test_stock_differs_per_store_and_is_said_before_the_yes(say):
    say("add organic whole milk")
    say(MILK_AND_EGGS)
    moved = say("use the main street store")["speech"]
    assert "Main Street has no Organic Whole Milk today" in moved
    read_back = say("check out for pickup tomorrow at 5")["speech"]
    assert "Main Street has no Organic Whole Milk today" in read_back
    say("use the brooklyn store")
    assert "has no" not in say("check out")["speech"]


def test_an_item_the_shoppers_store_has_none_of_is_not_added(say, cart):
    say("use the main street store")

    reply = say("add organic whole milk")

    assert "out of stock" in reply["speech"]
    assert cart()["items"] == []
    asked = say("is organic whole milk in stock")["speech"]
    assert asked.startswith("Sorry, Greenleaf Market Main Street has no Organic Whole Milk today.")
    say("use the brooklyn store")
    assert say("is organic whole milk in stock")["speech"].startswith("Yes")
    assert "Added Organic Whole Milk" in say("add organic whole milk")["speech"]


def test_a_pickup_only_store_sends_delivery_from_the_nearest_store_that_delivers(say, orders):
    say("use the main street store", user=DEMO)
    say("clear my cart", user=DEMO)
    say(MILK_AND_EGGS, user=DEMO)
    read_back = say("check out for delivery tomorrow at 5", user=DEMO)["speech"]
    assert "for delivery from Greenleaf Market Brooklyn" in read_back
    say("yes", user=DEMO)
    assert orders(DEMO)[0]["fulfillment"]["store_id"] == "brooklyn"


def test_an_unknown_store_is_asked_about_and_nothing_is_held(say, runtime):
    say(MILK_AND_EGGS)
    reply = say("pick up at the downtown store")["speech"]
    assert "I don't know a downtown store" in reply and "Main Street" in reply
    assert runtime.carts().get_hold("ann") is None


# --- what the read-back and the confirmation say (Amazon's rules for physical goods) --------

def test_read_back_names_seller_items_details_and_total_with_tax(say, cart, orders):
    say(MILK_AND_EGGS)
    say(SOAP)
    subtotal = cart()["total"]
    assert subtotal == pytest.approx(15.56)

    read_back = say("check out for pickup tomorrow at 5")["speech"]

    assert ("You have three items for pickup at Greenleaf Market Brooklyn, 418 Alder Street, "
            "tomorrow between 5 and 6 PM: two gallons of Whole Milk, a dozen Large White Eggs "
            "and Original Dish Soap.") in read_back
    # tax on the soap only: 3.49 x 8.875% = 0.3097 -> $0.31
    assert "That's $15.56 plus $0.31 tax, $15.87 in total." in read_back
    placed = say("yes")["speech"]
    [order] = orders()
    assert (order["subtotal"], order["tax"], order["total"]) == (15.56, 0.31, 15.87)
    assert "$15.87 in total" in placed
    assert placed.startswith("Your order is placed for pickup at Greenleaf Market Brooklyn, ")


def test_the_spoken_order_number_is_the_whole_listed_id(say, orders):
    say(MILK_AND_EGGS)
    say("check out for pickup tomorrow at 5")
    placed = say("yes")["speech"]
    [order] = orders()
    spoken = re.search(r"order number is ((?:\w ){9}\w)\.", placed).group(1)
    assert spoken.replace(" ", "") == order["id"] and len(order["id"]) == 10
