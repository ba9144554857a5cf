"""After checkout: order status as time passes, cancelling (with confirmation), reordering."""
from __future__ import annotations


def test_status_without_orders_says_there_are_none(say, orders):
    reply = say("where's my order")

    assert "don't have any orders" in reply["speech"]
    assert reply["end_session"] is False


def test_status_follows_the_clock_from_placed_to_completed(say, orders, clock, placed, spoken_price):
    reply = say("where's my order", session="later")
    assert orders()[0]["status"] == "placed"
    assert "placed" in reply["speech"] and spoken_price(placed["total"]) in reply["speech"]
    assert "cancel" in reply["speech"]  # still possible, and until when

    clock.advance(days=1, hours=7, minutes=30)  # Thursday 4:30 PM New York: picking
    reply = say("what's the status of my order", session="later2")
    assert orders()[0]["status"] == "picking"
    assert "being picked" in reply["speech"]

    clock.advance(minutes=45)  # 5:15 PM: inside the slot
    reply = say("where's my order", session="later3")
    assert orders()[0]["status"] == "ready_for_pickup"
    assert "ready for pickup" in reply["speech"]

    clock.advance(hours=1)  # 6:15 PM: after the slot
    reply = say("where's my order", session="later4")
    assert orders()[0]["status"] == "completed"
    assert "completed" in reply["speech"]


def test_cancel_asks_first_and_no_keeps_the_order(say, orders, placed):
    question = say("cancel my order")

    assert question["speech"].endswith("?") and question["end_session"] is False
    assert orders()[0]["status"] == "placed"

    kept = say("no")

    assert orders()[0]["status"] == "placed"
    assert kept["end_session"] is False
    say("yes")  # the question is gone
    assert orders()[0]["status"] == "placed"


def test_cancel_then_yes_cancels_the_order(say, orders, placed):
    say("cancel my order")

    reply = say("yes")

    [order] = orders()
    assert order["status"] == "cancelled"
    assert "cancelled" in reply["speech"]
    status = say("where's my order")
    assert "cancelled" in status["speech"]


def test_cancel_after_picking_started_is_refused(say, orders, clock, placed):
    clock.advance(days=1, hours=7, minutes=30)  # being picked

    reply = say("cancel my order")
    say("yes")

    assert orders()[0]["status"] == "picking"
    assert "can't be cancelled" in reply["speech"]


def test_cancel_without_an_order_says_so(say, orders):
    reply = say("cancel my order")
    say("yes")

    assert orders() == []
    assert "don't have an order" in reply["speech"]


def test_plain_cancel_is_not_cancel_my_order(say, orders, placed):
    reply = say("cancel")

    assert reply["end_session"] is True
    assert orders()[0]["status"] == "placed"


def test_reorder_puts_the_last_order_back_in_the_cart(say, cart, orders, placed):
    assert cart()["items"] == []

    reply = say("reorder my last order")

    items = [(i["product_id"], i["quantity"], i["unit"]) for i in cart()["items"]]
    assert items == [(i["product_id"], i["quantity"], i["unit"]) for i in placed["items"]]
    assert len(orders()) == 1  # reordering fills the cart, it does not order
    assert "two items" in reply["speech"]


def test_reorder_merges_with_what_is_already_in_the_cart(say, cart, placed):
    say("add bananas")

    say("order it again")

    quantities = {(i["name"], i["unit"]): i["quantity"] for i in cart()["items"]}
    assert quantities == {("Bananas", None): 1, ("Whole Milk", "gallon"): 2,
                          ("Large White Eggs", "dozen"): 1}


def test_reorder_of_a_cancelled_order_still_works(say, cart, orders, placed):
    say("cancel my order")
    say("yes")

    say("reorder my last order")

    assert len(cart()["items"]) == 2


def test_reorder_without_a_past_order_says_so(say, cart):
    reply = say("reorder my last order")

    assert cart()["items"] == []
    assert "don't have a past order" in reply["speech"]


def test_reordered_cart_can_be_checked_out_again(say, orders, placed):
    say("reorder my last order")
    say("check out for pickup")
    say("yes")

    assert len(orders()) == 2
    assert orders()[0]["id"] != orders()[1]["id"]
