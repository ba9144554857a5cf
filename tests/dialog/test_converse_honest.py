"""Never a wrong product added without asking (issue 16): a product whose main noun is not what
was said is offered as a question, and only a "yes" adds it; a guess that is not even in stock
is answered as not sold; a sold-out product's alternative is the same kind of product."""
from __future__ import annotations

import csv

import pytest

from catalog.demo import DEMO_CATALOG


def demo_rows() -> dict[str, dict]:
    with open(DEMO_CATALOG, newline="", encoding="utf-8") as fh:
        return {row["id"]: row for row in csv.DictReader(fh)}


def test_a_near_word_of_another_product_is_asked_not_added(say, cart):
    reply = say("add some cider")

    assert cart()["items"] == []
    assert "Did you mean Apple Cider Vinegar?" in reply["speech"]
    assert "Added" not in reply["speech"]


def test_yes_to_the_question_adds_exactly_the_product_offered(say, cart):
    say("add some cider")
    reply = say("yes")

    items = cart()["items"]
    assert [i["name"] for i in items] == ["Apple Cider Vinegar"]
    assert "Apple Cider Vinegar" in reply["speech"]


def test_no_to_the_question_adds_nothing(say, cart):
    say("add some cider")
    say("no")

    assert cart()["items"] == []


def test_a_thing_not_sold_is_answered_honestly_with_no_unrelated_offer(say, cart):
    reply = say("add a bottle of vodka")

    assert cart()["items"] == []
    assert "I don't have vodka" in reply["speech"]
    assert "Sauce" not in reply["speech"] and "instead" not in reply["speech"]
    # and nothing is pending: a "yes" now adds nothing
    say("yes")
    assert cart()["items"] == []


def test_the_question_comes_after_the_items_that_were_added(say, cart):
    reply = say("add bananas and some cider")

    assert [i["name"] for i in cart()["items"]] == ["Bananas"]
    assert reply["speech"].rstrip().endswith("Did you mean Apple Cider Vinegar?")
    say("yes")
    assert [i["name"] for i in cart()["items"]] == ["Bananas", "Apple Cider Vinegar"]


def test_what_is_said_by_its_main_noun_is_still_added_at_once(say, cart):
    reply = say("add apple cider vinegar")

    assert [i["name"] for i in cart()["items"]] == ["Apple Cider Vinegar"]
    assert "Did you mean" not in reply["speech"]


def test_a_sold_out_product_is_offered_an_alternative_of_the_same_kind(say, cart, runtime):
    rows = demo_rows()
    reply = say("add vodka sauce")  # out of stock in the demo catalog

    assert rows["PG0028"]["in_stock"] == "false"
    assert "out of stock" in reply["speech"] and cart()["items"] == []
    say("yes")
    items = cart()["items"]
    assert len(items) == 1
    offered = rows[items[0]["product_id"]]
    assert offered["aisle"] == rows["PG0028"]["aisle"]
    assert offered["name"] in reply["speech"]


# --- brands ----------------------------------------------------------------------------------

def test_a_brand_the_store_carries_ranks_its_products_first(say, cart):
    rows = demo_rows()
    say("add jolly peanut crunchy peanut butter")

    items = cart()["items"]
    assert len(items) == 1
    assert rows[items[0]["product_id"]]["brand"] == "Jolly Peanut"
    assert items[0]["name"] == "Crunchy Peanut Butter"


def test_a_brand_the_store_does_not_carry_is_said_and_the_plain_product_offered(say, cart,
                                                                                 spoken_price):
    reply = say("add skippy peanut butter")

    assert cart()["items"] == []
    rows = demo_rows()
    plain = rows["PN0001"]  # the demo's plain creamy peanut butter
    assert reply["speech"].startswith(
        f"I don't carry Skippy. I have {plain['name']}, {spoken_price(float(plain['price']))}.")
    assert reply["speech"].rstrip().endswith("Want that?")
    say("yes")
    assert [i["product_id"] for i in cart()["items"]] == ["PN0001"]


@pytest.mark.parametrize("text, brand, name", [("add a 12 pack of diet coke", "Diet Coke", "Diet Cola"),
                                               ("add a box of kleenex", "Kleenex", "Facial Tissues"),
                                               ("add ben and jerry's ice cream", "Ben & Jerry's",
                                                "Ice Cream")])
def test_a_national_brand_said_for_the_product_offers_the_plain_product(say, cart, text, brand,
                                                                         name):
    reply = say(text)

    assert reply["speech"].startswith(f"I don't carry {brand}. I have ")
    assert cart()["items"] == []
    say("yes")
    items = cart()["items"]
    assert len(items) == 1 and name in items[0]["name"]


def test_an_unknown_first_word_is_not_announced_as_a_brand(say, cart):
    reply = say("add a tree nut mix")

    assert "carry" not in reply["speech"]
    assert "Did you mean Deluxe Mixed Nuts?" in reply["speech"] and cart()["items"] == []
    say("yes")
    assert [i["name"] for i in cart()["items"]] == ["Deluxe Mixed Nuts"]


def test_no_to_a_plain_product_instead_of_a_brand_adds_nothing(say, cart):
    say("add bounty paper towels")
    say("no")

    assert cart()["items"] == []


# --- list phrasings and starting over ---------------------------------------------------------

@pytest.mark.parametrize("text, name", [("put peanut butter on my list", "Creamy Peanut Butter"),
                                        ("i'm out of bananas", "Bananas"),
                                        ("we need apple cider vinegar", "Apple Cider Vinegar"),
                                        ("throw in some bananas", "Bananas")])
def test_list_phrasings_add_the_item(say, cart, text, name):
    say(text)

    assert [i["name"] for i in cart()["items"]] == [name]


def test_clear_everything_and_start_over_asks_first_then_empties_on_yes(say, cart):
    say("add bananas and apple cider vinegar")
    asked = say("clear everything and start over")

    assert "start over?" in asked["speech"] and "two items" in asked["speech"]
    assert len(cart()["items"]) == 2  # nothing removed before the yes
    done = say("yes")
    assert cart()["items"] == [] and "emptied" in done["speech"]


def test_no_to_starting_over_keeps_the_cart(say, cart):
    say("add bananas")
    say("clear everything and start over")
    say("no")

    assert [i["name"] for i in cart()["items"]] == ["Bananas"]


# --- size and pack words ---------------------------------------------------------------------

@pytest.mark.parametrize("text, product_id", [
    ("add a big tub of greek yogurt", "DA0092"),      # 32 oz, not the 5.3 oz cup
    ("add a family size greek yogurt", "DA0092"),
    ("add a small greek yogurt", "DA0094"),           # the 5.3 oz cup
    ("add a small tub of plain greek yogurt", "DA0094"),
])
def test_size_words_never_block_a_match_and_choose_the_size(say, cart, text, product_id):
    rows = demo_rows()
    say(text)

    items = cart()["items"]
    assert [i["product_id"] for i in items] == [product_id], (text, items)
    assert "Greek Yogurt" in rows[product_id]["name"]


@pytest.mark.parametrize("text, product_id", [
    ("add a 2 liter of cola", "BV0014"),              # not the 12 pack listed first
    ("add a two-liter bottle of cola", "BV0014"),     # not the 20 fl oz bottle
    ("add a 20 ounce cola", "BV0057"),                # ounces of a drink are fluid ounces
    ("add a 64 ounce orange juice", "BV0004"),
    ("add a 5 pound bag of potatoes", "PR0056"),      # the bag, not one loose potato
])
def test_a_size_said_as_an_amount_chooses_that_size(say, cart, text, product_id):
    say(text)

    items = cart()["items"]
    assert [(i["product_id"], i["quantity"]) for i in items] == [(product_id, 1)], (text, items)


def test_a_weight_size_of_what_is_sold_by_weight_is_weighed(say, cart):
    # no 1 lb pack: a pound weighed at the counter, not the 3 lb family pack
    say("add a 1 pound pack of ground beef")
    say("add a 3 pound pack of ground beef")  # that pack exists: it is the pack

    items = {(i["product_id"], i["quantity"], i["unit"]) for i in cart()["items"]}
    assert items == {("MS0001", 1, "pound"), ("MS0004", 1, None)}


def test_a_size_the_store_lacks_is_asked_about_with_the_nearest_never_added(say, cart):
    reply = say("add a 3 liter of cola")["speech"]

    # the six-pack of half-liter bottles holds 3 liters in all, but is no 3 liter bottle
    assert reply.startswith("I don't have cola in a 3 liter size. I have Cola, 2 liter, $2.79.")
    assert cart()["items"] == []
    say("yes")
    assert [i["product_id"] for i in cart()["items"]] == ["BV0014"]


@pytest.mark.parametrize("text, words", [("add a large bag of tortilla chips", "Tortilla Chips"),
                                         ("add a jug of whole milk", "Whole Milk"),
                                         ("add a value pack of chicken breasts", "Chicken Breast")])
def test_pack_words_are_not_part_of_what_is_looked_up(say, cart, text, words):
    say(text)

    items = cart()["items"]
    assert len(items) == 1 and words in items[0]["name"], (text, items)


def test_large_in_a_product_name_is_still_the_name(say, cart):
    say("add large white eggs")

    assert [i["name"] for i in cart()["items"]] == ["Large White Eggs"]


# --- questions are as honest as adds ---------------------------------------------------------

def test_asking_for_a_thing_not_sold_offers_nothing_unrelated(say, cart):
    reply = say("do you have vodka")

    assert "don't have vodka" in reply["speech"] and "Sauce" not in reply["speech"]
    say("yes")
    assert cart()["items"] == []


def test_asking_for_a_brand_not_carried_offers_the_plain_product(say, cart):
    reply = say("do you carry skippy peanut butter")

    assert reply["speech"].startswith("I don't carry Skippy. I have Creamy Peanut Butter")
    say("yes")
    assert [i["product_id"] for i in cart()["items"]] == ["PN0001"]


@pytest.mark.parametrize("text, name", [("add a pound of stake", "Steak"),
                                        ("add some dried time", "Dried Thyme"),
                                        ("add leaks", "Leeks")])
def test_a_homophone_of_a_food_is_added_as_the_food(say, cart, text, name):
    say(text)

    items = cart()["items"]
    assert len(items) == 1 and name in items[0]["name"], items


def test_a_food_name_said_as_heard_is_added(say, cart):
    say("add a bag of keen wah")

    assert [i["name"] for i in cart()["items"]] == ["White Quinoa"]


# --- vague and category requests -------------------------------------------------------------

def test_something_for_breakfast_offers_kinds_and_the_first_one_continues(say, cart):
    asked = say("add something for breakfast")

    assert asked["speech"].startswith("For breakfast, I have cereal, ")
    assert asked["speech"].endswith("Which would you like?") and cart()["items"] == []
    then = say("the first one")
    assert then["speech"].startswith("For cereal, did you want")  # as "add cereal" asks
    say("the second one")
    assert len(cart()["items"]) == 1 and "Cereal" in cart()["items"][0]["name"]


@pytest.mark.parametrize("text, kind, name", [("add some fruit", "bananas", "Bananas"),
                                              ("i need drinks", "soda", "Cola")])
def test_a_kind_named_after_a_category_question_is_looked_up(say, cart, text, kind, name):
    say(text)
    say(kind)

    items = cart()["items"]
    assert len(items) == 1 and name in items[0]["name"], items


def test_a_category_question_keeps_the_amount_and_the_other_items(say, cart):
    say("add two pounds of fruit and a dozen eggs")
    said = say("apples")

    names = [(i["name"], i["quantity"], i["unit"]) for i in cart()["items"]]
    assert ("Gala Apples", 2.0, "pound") in names, names
    assert any("Eggs" in n for n, _, _ in names) and "Anything else?" in said["speech"]


def test_no_to_a_category_question_adds_nothing(say, cart):
    say("add cleaning stuff")
    said = say("no")

    assert cart()["items"] == [] and "didn't add" in said["speech"]


def test_asking_about_a_category_offers_its_kinds_and_adds_nothing_until_one_is_chosen(say, cart):
    reply = say("do you have fruit")

    assert reply["speech"].startswith("Yes. For fruit, I have ") and cart()["items"] == []
    say("bananas")
    assert [i["name"] for i in cart()["items"]] == ["Bananas"]
