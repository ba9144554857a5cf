"""Requests that lean on what was just said: "two more", "add another one", "remove it",
"add milk and check out", "no" to "anything else?", a new time for the slot being checked out."""
from __future__ import annotations


def quantities(cart_json) -> dict[str, float]:
    return {i["name"]: i["quantity"] for i in cart_json["items"]}


def test_two_more_adds_to_the_quantity_instead_of_replacing_it(say, cart):
    say("add three bananas")

    reply = say("two more")

    assert quantities(cart()) == {"Bananas": 5}
    assert "five" in reply["speech"]


def test_one_less_takes_one_away(say, cart):
    say("add three bananas")

    say("one less")

    assert quantities(cart()) == {"Bananas": 2}


def test_add_another_one_means_the_product_just_talked_about(say, cart):
    say("add bananas")

    say("add another one")

    assert quantities(cart()) == {"Bananas": 2}


def test_remove_it_removes_the_item_just_added(say, cart):
    say("add large white eggs")
    say("add bananas")

    reply = say("remove it")

    assert quantities(cart()) == {"Large White Eggs": 1}
    assert "Removed" in reply["speech"] and "Banana" in reply["speech"]


def test_add_and_check_out_in_one_breath_adds_then_asks_how(say, cart, orders):
    reply = say("add a gallon of whole milk and two pounds of ground turkey and check out")

    assert len(cart()["items"]) == 2
    assert "Added" in reply["speech"] and "pickup or delivery" in reply["speech"].lower()
    assert orders() == []


def test_no_to_anything_else_ends_the_session_and_keeps_the_cart(say, cart):
    say("add bananas")

    reply = say("no")

    assert reply["end_session"] is True
    assert "Goodbye" in reply["speech"]
    assert quantities(cart()) == {"Bananas": 1}


def test_a_new_time_at_the_read_back_keeps_the_method_and_reads_back_again(say, orders):
    demo = {"user": "demo"}  # the demo shopper has a delivery address
    say("add a gallon of whole milk and two pounds of ground turkey and a dozen large white eggs", **demo)
    say("check out", **demo)
    first = say("delivery tomorrow at noon", **demo)
    assert "Shall I place the order?" in first["speech"] and "delivery" in first["speech"]

    second = say("actually make it tomorrow at 4 pm", **demo)

    assert "delivery" in second["speech"] and "between 3 and 5 PM" in second["speech"]  # the 2-hour window holding 4 PM
    assert "Shall I place the order?" in second["speech"]
    assert orders("demo") == []


def test_yes_after_a_placed_order_and_a_new_request_is_not_about_the_old_order(say):
    say("add a gallon of whole milk and two pounds of ground turkey and a dozen large white eggs")
    say("check out for pickup")
    say("yes")

    say("add bananas", session="later")
    reply = say("yes", session="later")

    assert "already placed" not in reply["speech"]


def test_make_that_zero_removes_the_item(say, cart):
    say("add large white eggs")
    say("add bananas")

    reply = say("make that zero")

    assert quantities(cart()) == {"Large White Eggs": 1}
    assert "Removed" in reply["speech"]


def test_a_long_pasted_list_gets_a_clear_answer_and_changes_nothing(say, cart):
    reply = say(", ".join(["a gallon of whole milk"] * 60))

    assert "a lot at once" in reply["speech"]
    assert cart()["items"] == []


def test_ending_a_session_needs_to_be_its_shopper(runtime, say, pending):
    say("add milk")  # asks which milk: there is something pending
    assert pending() is not None

    runtime.conversation.end(channel="text", session_id="s1", customer_id="someone-else")
    assert pending() is not None
