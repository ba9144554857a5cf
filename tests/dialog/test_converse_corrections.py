"""Corrections right after an add: "make that three", "no, the organic one", "undo",
"remove the eggs"."""
from __future__ import annotations

import pytest


def names(cart_json):
    return [i["name"] for i in cart_json["items"]]


def test_make_that_three_changes_the_item_just_added(say, cart, lines, spoken_price):
    say("add large white eggs and bananas")

    reply = say("make that three")

    items = {i["name"]: i for i in cart()["items"]}
    assert items["Bananas"]["quantity"] == 3
    assert items["Large White Eggs"]["quantity"] == 1
    assert "three" in reply["speech"]
    assert spoken_price(items["Bananas"]["line_total"]) in reply["speech"]


def test_make_that_three_keeps_the_unit(say, cart):
    say("add two gallons of whole milk")

    say("make that three")

    [line] = cart()["items"]
    assert (line["quantity"], line["unit"]) == (3, "gallon")


def test_change_a_named_item_to_a_quantity(say, cart):
    say("add bananas and large white eggs")

    say("change the bananas to five")

    quantities = {i["name"]: i["quantity"] for i in cart()["items"]}
    assert quantities == {"Bananas": 5, "Large White Eggs": 1}


def test_make_that_a_quantity_over_the_limit_changes_nothing(say, cart):
    say("add bananas")
    before = cart()

    reply = say("make that 1000")

    assert cart() == before
    assert reply["end_session"] is False


def test_make_that_three_with_an_empty_cart_says_so(say, cart):
    say("add bananas")
    say("remove the bananas")

    reply = say("make that three")

    assert cart()["items"] == []
    assert "empty" in reply["speech"]


def test_make_that_three_after_a_removal_changes_the_latest_remaining_item(say, cart):
    say("add bananas and large white eggs")
    say("remove the eggs")

    say("make that three")

    assert [(i["name"], i["quantity"]) for i in cart()["items"]] == [("Bananas", 3)]


def test_no_the_organic_one_swaps_the_item_just_added(say, cart):
    say("add a dozen large white eggs")

    reply = say("no, the organic one")

    [line] = cart()["items"]
    assert "Organic" in line["name"] and "Eggs" in line["name"]
    assert (line["quantity"], line["unit"]) == (1, "dozen")
    assert line["name"] in reply["speech"]


def test_a_swap_takes_back_only_what_the_last_add_put_in(say, cart):
    say("add large white eggs")
    say("add large white eggs")  # now two

    say("no, the brown ones")

    quantities = {i["name"]: i["quantity"] for i in cart()["items"]}
    assert quantities["Large White Eggs"] == 1
    assert any("Brown" in name for name in quantities), quantities
    assert sum(quantities.values()) == 2


def test_no_the_second_one_after_choosing_takes_the_second_option_offered(say, cart, pending):
    say("add milk")
    offered = pending()["options"]
    say("the first one")

    say("no, the second one")

    assert [i["product_id"] for i in cart()["items"]] == [offered[1]]


def test_a_position_means_nothing_when_no_options_were_read_out(say, cart):
    say("add bananas")

    say("the second one")

    assert names(cart()) == ["Bananas"]


def test_remove_the_eggs_removes_only_the_eggs(say, cart):
    say("add large white eggs, bananas and two gallons of whole milk")

    reply = say("remove the eggs")

    assert names(cart()) == ["Bananas", "Whole Milk"]
    assert "Eggs" in reply["speech"]


def test_remove_some_of_an_item_keeps_the_rest(say, cart):
    say("add five bananas")

    reply = say("remove two bananas")

    assert [(i["name"], i["quantity"]) for i in cart()["items"]] == [("Bananas", 3)]
    assert "three" in reply["speech"]


def _line(cart, name):
    return next(i for i in cart()["items"] if i["name"] == name)


def test_remove_one_can_takes_one_can_not_the_line(say, cart):
    say("add 3 cans of black beans")

    reply = say("remove one can of black beans")["speech"]

    assert _line(cart, "Black Beans")["quantity"] == 2
    assert reply.startswith("Removed a can of Black Beans. You now have two cans of Black Beans.")


def test_remove_a_carton_from_a_line_kept_in_dozens(say, cart):
    say("add two dozen eggs")

    say("remove one carton of eggs")

    eggs = _line(cart, "Large White Eggs")
    assert (eggs["quantity"], eggs["unit"]) == (1, "dozen")
    assert eggs["line_total"] == eggs["unit_price"]


def test_remove_one_of_a_pack_product_takes_a_pack_and_says_so(say, cart):
    say("add a dozen bagels")  # two packs of six

    reply = say("remove one bagel")["speech"]

    assert _line(cart, "Plain Bagels")["quantity"] == 1
    assert "come in packs of six, so I removed a pack" in reply
    assert "You now have a pack of Plain Bagels" in reply


def test_remove_one_of_a_line_by_weight_takes_about_one_piece(say, cart):
    say("add 4 apples")  # sold by the pound: about 1.6 pounds
    before = _line(cart, "Gala Apples")["quantity"]

    reply = say("remove one apple")["speech"]

    after = _line(cart, "Gala Apples")["quantity"]
    # one apple's average weight, not a whole pound
    assert after == pytest.approx(before * 3 / 4)
    assert reply.startswith("Removed about")


def test_remove_one_of_a_single_line_says_how_many_are_left(say, cart):
    say("add 3 avocados")

    reply = say("remove one avocado")["speech"]

    assert reply.startswith("Removed one Hass Avocado. You now have two Hass Avocados.")


def test_removing_something_not_in_the_cart_changes_nothing(say, cart):
    say("add bananas")

    reply = say("remove the caviar")

    assert names(cart()) == ["Bananas"]
    assert "caviar" in reply["speech"]
    assert reply["end_session"] is False


def test_undo_takes_back_the_last_add(say, cart):
    say("add large white eggs")
    say("add bananas")

    reply = say("undo")

    assert names(cart()) == ["Large White Eggs"]
    assert reply["end_session"] is False


def test_undo_brings_back_an_emptied_cart(say, cart):
    say("add large white eggs and bananas")
    emptied = say("empty my cart")
    assert cart()["items"] == []
    assert "undo" in emptied["speech"].lower()  # we tell the shopper they can

    say("undo")

    assert names(cart()) == ["Large White Eggs", "Bananas"]
