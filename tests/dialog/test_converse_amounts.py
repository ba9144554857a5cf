"""Spoken amounts through /v1/converse: each kind of read-back (packs that cover a count, a
weight billed by weight with "about", a count from a weight, loose rather than bagged), what
the cart and order keep (asked beside billed), and corrections that are one undo step."""
from __future__ import annotations

import re


def only_line(cart) -> dict:
    [line] = cart()["items"]
    return line


def test_a_count_of_eggs_buys_the_cartons_that_cover_it_and_says_so(say, cart, product):
    reply = say("add ten eggs")

    line = only_line(cart)
    assert product(line["product_id"]).size == "12 ct carton"
    assert (line["quantity"], line["unit"], line["estimated"]) == (1, None, False)
    assert line["asked"] == {"quantity": 10, "unit": None}
    assert "come in cartons of 12, so I added one carton" in reply["speech"]


def test_a_weight_of_a_weighed_product_is_an_estimate_said_with_about(say, cart):
    reply = say("add 12 ounces of shrimp")

    line = only_line(cart)
    assert (line["quantity"], line["unit"], line["estimated"]) == (0.75, "pound", True)
    assert line["asked"] == {"quantity": 12, "unit": "ounce"}
    assert line["line_total"] == 8.24  # 0.75 x $10.99 = 8.2425, rounded once
    assert "about $8.24" in reply["speech"] and "by weight" in reply["speech"]
    read = say("what's in my cart")["speech"]
    assert "Your total is about $8.24" in read


def test_a_weight_of_something_sold_each_becomes_a_count(say, cart):
    reply = say("add a pound of bananas")

    line = only_line(cart)
    assert (line["name"], line["quantity"], line["unit"]) == ("Bananas", 3, None)
    assert re.search(r"sold each, so for about a pound I added three, \$0\.87", reply["speech"])


def test_a_count_of_onions_is_loose_onions_and_a_bag_is_a_bag(say, cart):
    loose = say("add a couple of onions")
    bagged = say("add a bag of onions")

    items = {i["name"]: i for i in cart()["items"]}
    assert items["Yellow Onion"]["quantity"] == 2 and items["Yellow Onion"]["line_total"] == 1.98
    assert items["Yellow Onions"]["quantity"] == 1 and items["Yellow Onions"]["line_total"] == 3.49
    assert "two loose Yellow Onions" in loose["speech"]
    assert "a bag of Yellow Onions" in bagged["speech"]


def test_make_it_18_after_a_dozen_swaps_to_the_18_count_and_one_undo_restores_the_dozen(
        say, cart, product):
    say("add a dozen eggs")
    before = cart()

    reply = say("actually make it 18 eggs")

    line = only_line(cart)
    assert product(line["product_id"]).size == "18 ct carton" and line["line_total"] == 4.99
    assert "18 Large White Eggs" in reply["speech"]
    say("undo")
    assert cart()["items"] == before["items"]


def test_a_unit_change_is_one_undo_step(say, cart):
    say("add two pounds of ground beef")
    before = cart()

    say("make that 12 ounces")
    assert only_line(cart)["quantity"] == 0.75
    say("undo")

    assert cart()["items"] == before["items"]


def test_a_swap_is_one_undo_step(say, cart):
    say("add a dozen large white eggs")
    before = cart()

    say("no, the organic one")
    assert "Organic" in only_line(cart)["name"]
    say("undo")

    assert cart()["items"] == before["items"]


def test_nonsense_amounts_get_a_reason_and_no_cart_line(say, cart):
    for text, words in (("add a million eggs", "more Large White Eggs than I can add"),
                        ("add minus three eggs", "not an amount"),
                        # typed signs: "-3" was read as 3 and a carton added
                        ("add -3 eggs", "not an amount"),
                        ("add 0 bananas", "not an amount"),
                        ("add zero point five eggs", "only be bought whole"),
                        ("add a pound of iceberg lettuce", "can't tell how many")):
        reply = say(text)
        assert words in reply["speech"], (text, reply["speech"])
        assert cart()["items"] == [], text


def test_sound_alikes_are_amounts_only_where_an_amount_belongs(say, cart):
    say("add to gallons of whole milk")
    say("add tree lemons")

    assert {(i["name"], i["quantity"]) for i in cart()["items"]} == {("Whole Milk", 2), ("Lemons", 3)}


def test_checkout_and_the_order_say_about_and_keep_asked_and_billed(say, orders):
    say("add two pounds of ground beef and a dozen eggs", user="demo")

    summary = say("check out for pickup", user="demo")["speech"]
    assert "about $14.47" in summary and "weighed" in summary
    placed = say("yes", user="demo")["speech"]
    assert "about $14.47 in total" in placed

    [order] = orders("demo")
    beef = next(i for i in order["items"] if "Ground Beef" in i["name"])
    eggs = next(i for i in order["items"] if "Eggs" in i["name"])
    assert (beef["quantity"], beef["unit"], beef["estimated"]) == (2, "pound", True)
    assert beef["asked"] == {"quantity": 2, "unit": "pound"}
    assert (eggs["quantity"], eggs["unit"], eggs["estimated"]) == (1, "dozen", False)


def test_a_price_question_follows_the_same_rules_and_yes_adds_what_was_priced(say, cart):
    assert "80/20 Ground Beef is $5.49 a pound" in say("how much is ground beef")["speech"]
    assert "A pound of Bananas, that's three, is $0.87" in say("how much is a pound of bananas")["speech"]
    say("yes")

    line = only_line(cart)
    assert (line["name"], line["quantity"], line["line_total"]) == ("Bananas", 3, 0.87)
