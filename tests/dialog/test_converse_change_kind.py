"""Changing a line's kind (issue 17 item 4): "change the milk to skim", "make it skim",
"switch the eggs to brown ones" swap the product on that line, keep the amount, and are one
undo step; a kind that finds nothing clear changes nothing."""
from __future__ import annotations

import pytest


def _names(cart) -> dict[str, dict]:
    return {i["name"]: i for i in cart()["items"]}


def test_change_the_milk_to_skim_keeps_the_gallon(say, cart):
    say("add a gallon of whole milk")
    say("add a dozen eggs")

    reply = say("change the milk to skim")["speech"]

    assert reply.startswith("OK, swapped Whole Milk for Fat Free Skim Milk.")
    items = _names(cart)
    assert "Whole Milk" not in items
    skim = items["Fat Free Skim Milk"]
    assert (skim["quantity"], skim["unit"]) == (1, "gallon")
    assert "Large White Eggs" in items  # the other line is untouched


def test_make_it_skim_changes_the_line_last_talked_about(say, cart):
    say("add two gallons of whole milk")
    say("how much do I owe")  # a question in between changes nothing

    say("make it skim")

    [line] = cart()["items"]
    assert line["name"] == "Fat Free Skim Milk"
    assert (line["quantity"], line["unit"]) == (2, "gallon")


def test_switch_the_eggs_to_brown_ones_keeps_the_count(say, cart):
    say("add two dozen eggs")
    say("add a bunch of bananas")

    reply = say("switch the eggs to brown ones")["speech"]

    assert "swapped Large White Eggs for Large Brown Eggs" in reply
    eggs = _names(cart)["Large Brown Eggs"]
    assert eggs["quantity"] * 12 == 24 or (eggs["quantity"], eggs["unit"]) == (2, "dozen")
    assert eggs["line_total"] == pytest.approx(eggs["quantity"] * eggs["unit_price"])


def test_a_kind_change_is_one_undo_step(say, cart):
    say("add a gallon of whole milk")
    before = cart()["items"]
    say("change the milk to skim")

    assert "Undone" in say("undo")["speech"]

    assert cart()["items"] == before


def test_a_kind_that_finds_nothing_changes_nothing(say, cart):
    say("add a dozen eggs")
    before = cart()

    reply = say("change the eggs to vodka")["speech"]

    assert "couldn't find vodka eggs" in reply
    assert cart() == before


def test_a_kind_for_a_line_not_in_the_cart(say, cart):
    say("add a dozen eggs")
    reply = say("change the milk to skim")["speech"]
    assert "there's no milk in your cart" in reply.lower()
    assert [i["name"] for i in cart()["items"]] == ["Large White Eggs"]


def test_a_kind_the_line_already_is_says_so_and_changes_nothing(say, cart):
    say("add a gallon of two percent milk")
    say("change the milk to skim")
    before = cart()

    reply = say("make it skim instead")["speech"]

    assert reply.startswith("Your Fat Free Skim Milk is already skim")
    assert "couldn't find" not in reply
    assert cart() == before


def test_a_swap_right_after_an_add_names_both_products_and_keeps_one_line(say, cart):
    say("add a dozen eggs")

    reply = say("make them brown instead")["speech"]

    assert reply.startswith("OK, swapped Large White Eggs for Large Brown Eggs. "
                            "A dozen Large Brown Eggs now")
    assert "Added" not in reply  # it replaced the line; "Added" sounded like a second one
    assert [i["name"] for i in cart()["items"]] == ["Large Brown Eggs"]
