"""Product questions (issue 12): price, availability, the cheapest option, "is it in my cart?".
A question never adds anything; only the following "yes" adds exactly the product talked about."""
from __future__ import annotations

import pytest

QUESTIONS = [
    "how much is a gallon of whole milk",
    "how much are bananas",
    "do you have almond milk",
    "is fresh thyme in stock",
    "what's the cheapest peanut butter",
    "can i get almond milk?",
    "are eggs in my cart",
    "do you have dragon fruit",
]


@pytest.mark.parametrize("question", QUESTIONS)
def test_a_question_never_changes_the_cart(say, cart, question):
    say("add bananas")
    before = cart()

    reply = say(question)

    assert cart() == before
    assert "Added" not in reply["speech"]
    assert reply["end_session"] is False


def test_price_of_a_gallon_of_whole_milk(say, cart, pending, product, spoken_price):
    reply = say("how much is a gallon of whole milk")

    offer = pending()
    assert offer["kind"] == "offer_add"
    milk = product(offer["product_id"])
    assert milk.name == "Whole Milk" and milk.size == "1 gal"
    assert "a gallon of whole milk" in reply["speech"].lower()
    assert spoken_price(milk.price) in reply["speech"]
    assert reply["speech"].endswith("?")
    assert cart()["items"] == []

    added = say("yes")

    [line] = cart()["items"]
    assert (line["product_id"], line["quantity"], line["unit"]) == (milk.id, 1, "gallon")
    assert spoken_price(milk.price) in added["speech"]


def test_price_is_for_the_size_asked(say, pending, product, spoken_price):
    reply = say("how much is a half gallon of whole milk")

    milk = product(pending()["product_id"])
    assert milk.size == "0.5 gal"
    assert spoken_price(milk.price) in reply["speech"]


def test_price_of_an_amount_sold_in_smaller_packs_counts_the_packs(say, cart, spoken_price, product):
    reply = say("how much is a gallon of strawberry milk")  # sold in half gallons only

    assert spoken_price(2 * product("DA0022").price) in reply["speech"]
    say("yes")
    [line] = cart()["items"]
    assert (line["product_id"], line["quantity"], line["unit"]) == ("DA0022", 2, None)


def test_do_you_have_answers_yes_with_the_product_and_price(say, cart, pending, product, spoken_price):
    reply = say("do you have almond milk")

    almond = product(pending()["product_id"])
    assert "Almond Milk" in almond.name and almond.in_stock
    assert reply["speech"].startswith("Yes")
    assert almond.name in reply["speech"] and spoken_price(almond.price) in reply["speech"]

    say("yes")

    assert [i["product_id"] for i in cart()["items"]] == [almond.id]


def test_out_of_stock_question_offers_the_nearest_in_stock_alternative(say, cart, pending, product):
    reply = say("is fresh thyme in stock")

    assert "Fresh Thyme" in reply["speech"] and "out of stock" in reply["speech"]
    instead = product(pending()["product_id"])
    assert instead.in_stock and instead.id != "PR0128" and "thyme" in instead.name.lower()
    assert instead.name in reply["speech"]

    say("yes")

    assert [i["product_id"] for i in cart()["items"]] == [instead.id]


def test_out_of_stock_with_nothing_alike_offers_nothing(say, cart, pending):
    reply = say("do you have sea scallops")

    assert "out of stock" in reply["speech"]
    assert pending() is None
    say("yes")
    assert cart()["items"] == []


def test_cheapest_names_the_lowest_priced_match_and_yes_adds_it(say, cart, pending, product, runtime,
                                                                spoken_price):
    peanut_butters = [p for p in runtime.matchers.current().products
                      if p.name.endswith("Peanut Butter") and p.in_stock]
    lowest = min(p.price for p in peanut_butters)

    reply = say("what's the cheapest peanut butter")

    chosen = product(pending()["product_id"])
    assert chosen.name.endswith("Peanut Butter") and chosen.price == lowest
    assert chosen.name in reply["speech"] and spoken_price(lowest) in reply["speech"]

    say("yes")

    assert [i["product_id"] for i in cart()["items"]] == [chosen.id]


def test_no_to_the_offer_adds_nothing(say, cart):
    say("how much is a gallon of whole milk")

    say("no")

    assert cart()["items"] == []


def test_the_offer_is_forgotten_once_the_shopper_moves_on(say, cart):
    say("how much is a gallon of whole milk")
    say("add bananas")

    say("yes")

    assert [i["name"] for i in cart()["items"]] == ["Bananas"]


def test_only_the_last_question_is_answered_by_yes(say, cart, pending):
    say("how much is a gallon of whole milk")
    say("do you have almond milk")
    almond = pending()["product_id"]

    say("yes")

    assert [i["product_id"] for i in cart()["items"]] == [almond]


def test_a_product_we_dont_sell_is_said_so(say, cart, pending):
    reply = say("do you have dragon fruit")

    assert "dragon fruit" in reply["speech"]
    assert pending() is None


def test_is_it_in_my_cart_answers_from_the_cart(say, cart):
    say("add two gallons of whole milk")

    has = say("is there any milk in my cart")
    hasnt = say("are eggs in my cart")

    assert has["speech"].startswith("Yes") and "two gallons of Whole Milk" in has["speech"]
    assert hasnt["speech"].startswith("No")


def test_a_plural_product_is_offered_as_one_and_yes_adds_one(say, lines):
    reply = say("how much are avocados")["speech"]

    assert "Hass Avocados are $1.29 each. They're in stock. Want me to add one?" in reply
    say("yes")
    assert list(lines().values()) == [1]


def test_an_amount_asked_about_is_offered_as_them(say, lines):
    reply = say("how much are three avocados")["speech"]

    assert reply.endswith("They're in stock. Want me to add them?")
    say("yes")
    assert list(lines().values()) == [3]


def test_a_price_question_with_a_size_answers_that_size_or_says_it_has_none(say, lines):
    assert say("how much is a 2 liter of cola")["speech"].startswith("Cola, 2 liter, is $2.79.")

    reply = say("how much is a 3 liter of cola")["speech"]

    assert reply.startswith("I don't have cola in a 3 liter size. Cola, 2 liter, is $2.79.")
    assert lines() == {}  # a question adds nothing
    say("yes")
    assert lines() == {("BV0014", None): 1}
