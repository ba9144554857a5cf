"""Adding by voice: quantities and prices spoken back, several items at once, choosing among
near-identical products, items we don't sell and items out of stock."""
from __future__ import annotations

import pytest


def only_line(cart_json):
    assert len(cart_json["items"]) == 1, cart_json
    return cart_json["items"][0]


# --- clear matches ---------------------------------------------------------------------------

def test_add_speaks_back_quantity_unit_name_and_price_and_stores_it(say, cart, spoken_price):
    reply = say("add two gallons of whole milk")

    line = only_line(cart())
    assert line["name"] == "Whole Milk"
    assert (line["quantity"], line["unit"]) == (2, "gallon")
    assert line["line_total"] == pytest.approx(2 * line["unit_price"])
    speech = reply["speech"]
    assert "two gallons of Whole Milk" in speech
    assert spoken_price(line["line_total"]) in speech
    assert reply["end_session"] is False and reply["reprompt"]


def test_several_items_in_one_breath_are_all_added_in_one_reply(say, cart, spoken_price):
    reply = say("add two gallons of whole milk and a dozen eggs")

    items = cart()["items"]
    assert [(i["quantity"], i["unit"]) for i in items] == [(2, "gallon"), (1, "dozen")]
    assert "Milk" in items[0]["name"] and "Eggs" in items[1]["name"]
    for item in items:
        assert item["name"] in reply["speech"]
        assert spoken_price(item["line_total"]) in reply["speech"]
    assert "a dozen" in reply["speech"]


def test_five_different_items_in_one_request(say, cart):
    reply = say("add gala apples, jasmine rice, instant coffee, bananas and sour cream")

    names = [i["name"] for i in cart()["items"]]
    assert len(names) == 5, names
    for word in ("Apples", "Rice", "Coffee", "Bananas", "Sour Cream"):
        assert any(word in name for name in names), (word, names)
    assert reply["speech"].count("Added") == 5


def test_adding_the_same_item_again_merges_and_says_the_new_quantity(say, cart):
    say("add large white eggs")
    reply = say("add large white eggs")

    line = only_line(cart())
    assert line["quantity"] == 2
    assert "two" in reply["speech"]


def test_fractional_quantity_is_spoken_naturally(say, cart, spoken_price):
    reply = say("add two and a half pounds of ground beef")

    line = only_line(cart())
    assert (line["quantity"], line["unit"]) == (2.5, "pound")
    assert "two and a half pounds" in reply["speech"]
    assert spoken_price(line["line_total"]) in reply["speech"]


@pytest.mark.parametrize("request_, unit, size", [("a half gallon of whole milk", "half_gallon", "0.5 gal"),
                                                  ("a quart of whole milk", "quart", "1 qt"),
                                                  ("a gallon of whole milk", "gallon", "1 gal")])
def test_the_size_spoken_picks_the_product_of_that_size(say, cart, product, spoken_price, request_, unit, size):
    """Never the gallon jug billed as "a half gallon"."""
    reply = say(f"add {request_}")

    line = only_line(cart())
    chosen = product(line["product_id"])
    assert chosen.name == "Whole Milk" and chosen.size == size
    assert (line["quantity"], line["unit"]) == (1, unit)
    assert line["unit_price"] == float(chosen.price)
    assert spoken_price(chosen.price) in reply["speech"]


def test_an_amount_the_product_is_not_sold_in_becomes_whole_packs(say, cart, product, spoken_price):
    strawberry = product("DA0022")
    assert strawberry.name == "Strawberry Milk" and strawberry.size == "0.5 gal"  # the only size

    reply = say("add a gallon of strawberry milk")

    line = only_line(cart())
    assert (line["product_id"], line["quantity"], line["unit"]) == ("DA0022", 2, None)
    assert "0.5 gal" in reply["speech"]
    assert spoken_price(2 * strawberry.price) in reply["speech"]


def test_an_alternative_of_another_size_is_named_with_its_size_and_not_billed_as_the_unit_asked(
        say, cart, pending, product):
    say("add a half gallon of organic two percent milk")  # the half gallon is out of stock
    offer = pending()
    assert offer and offer["kind"] == "offer_add"
    instead = product(offer["product_id"])

    say("yes")

    line = only_line(cart())
    assert line["product_id"] == instead.id
    if instead.size != "0.5 gal":
        assert line["unit"] != "half_gallon"


def test_quantity_beyond_the_limit_is_refused_without_changing_the_cart(say, cart):
    say("add bananas")
    before = cart()

    reply = say("add 5000 bananas")

    assert cart() == before
    assert "999" in reply["speech"]


# --- choosing among near-identical products --------------------------------------------------

def test_ambiguous_item_offers_at_most_three_options_and_adds_nothing(say, cart, pending, product):
    reply = say("add milk")

    assert cart()["items"] == []
    choice = pending()
    assert choice["kind"] == "choose"
    assert 2 <= len(choice["options"]) <= 3
    assert len(choice["labels"]) == len(choice["options"])
    for label in choice["labels"]:
        assert label in reply["speech"]
    assert all("milk" in product(i).name.lower() for i in choice["options"])
    assert reply["speech"].endswith("?") and reply["reprompt"]
    assert reply["end_session"] is False


def test_the_second_one_adds_the_second_option_offered(say, cart, pending, product, spoken_price):
    say("add milk")
    offered = pending()["options"]

    reply = say("the second one")

    line = only_line(cart())
    assert line["product_id"] == offered[1]
    assert spoken_price(product(offered[1]).price) in reply["speech"]
    assert pending() is None


@pytest.mark.parametrize("answer, position", [("the first one", 0), ("the second one", 1),
                                              ("the third one", 2)])
def test_the_choice_keeps_the_quantity_and_the_size_spoken_first(say, cart, pending, product,
                                                                 answer, position):
    say("add two gallons of milk")
    offered = product(pending()["options"][position])

    say(answer)

    line = only_line(cart())
    chosen = product(line["product_id"])
    assert chosen.name == offered.name
    assert line["line_total"] == pytest.approx(line["quantity"] * float(chosen.price))
    # two gallons: two gallon jugs, or as many smaller cartons, never two cartons billed as gallons
    gallons = {"1 gal": 1, "0.5 gal": 0.5}[chosen.size]
    assert line["quantity"] * gallons == 2
    assert line["unit"] == ("gallon" if gallons == 1 else None)


def test_options_are_offered_by_their_whole_names(say, pending, product):
    """Kinds are read as whole names ("Whole Milk, 2% Reduced Fat Milk or Organic Whole
    Milk"), never cut to the words that differ ("Whole, 2% Reduced Fat or Organic Whole")."""
    reply = say("add milk")

    choice = pending()
    for product_id, label in zip(choice["options"], choice["labels"]):
        assert label == product(product_id).name
        assert label in reply["speech"]
    assert len(reply["speech"]) < 120


def test_saying_an_options_distinguishing_words_picks_it(say, cart, pending):
    say("add milk")
    choice = pending()

    say(choice["labels"][1])

    assert only_line(cart())["product_id"] == choice["options"][1]


def test_a_kind_none_of_the_options_has_narrows_the_item_instead(say, cart):
    """"Organic" while choosing a milk means organic milk, never "Organic Lemons"."""
    say("add milk")

    say("organic")

    name = only_line(cart())["name"]
    assert "Organic" in name and "Milk" in name


def test_a_new_phrase_replaces_the_choice(say, cart):
    say("add milk")

    say("add bananas")

    assert [i["name"] for i in cart()["items"]] == ["Bananas"]
    reply = say("the second one")  # the milk question is gone
    assert [i["name"] for i in cart()["items"]] == ["Bananas"]
    assert reply["end_session"] is False


def test_a_new_request_for_the_same_thing_is_no_choice_among_the_options(say, cart, pending):
    say("add a 24 pack of water")  # asked: lime sparkling, spring or lemon sparkling?

    reply = say("add a gallon of water")["speech"]

    # "water" fits every option alike: nothing is picked, the new request is asked about
    assert cart()["items"] == []
    assert reply.startswith("For water, did you want")
    say("spring")
    [line] = cart()["items"]
    assert (line["name"], line["quantity"], line["unit"]) == ("Spring Water", 1, "gallon")


def test_a_word_two_options_share_picks_neither(say, cart, pending):
    say("add sparkling water")  # lime, lemon or grapefruit sparkling water

    reply = say("sparkling")["speech"]

    assert cart()["items"] == []  # never the first of the two it fits
    assert "Added" not in reply and pending() is not None


def test_saying_no_while_choosing_adds_nothing(say, cart, pending):
    say("add milk")

    say("no")

    assert cart()["items"] == []
    assert pending() is None


def test_clear_items_are_added_and_unclear_ones_asked_about_one_at_a_time(say, cart, pending):
    reply = say("add large white eggs, milk and cheese")

    assert [i["name"] for i in cart()["items"]] == ["Large White Eggs"]
    assert "milk" in reply["speech"].lower()
    milks = pending()["options"]

    reply = say("the first one")
    assert [i["product_id"] for i in cart()["items"]][-1] == milks[0]
    assert "cheese" in reply["speech"].lower()
    cheeses = pending()["options"]

    say("the second one")
    assert [i["product_id"] for i in cart()["items"]] == [cart()["items"][0]["product_id"], milks[0], cheeses[1]]
    assert pending() is None


def test_options_for_a_generic_item_are_different_kinds_not_sizes(say, pending, product):
    """"Whole, 2% or organic?", never three sizes of the same milk read out by brand."""
    say("add milk")

    names = [product(i).name for i in pending()["options"]]
    assert len(set(names)) == len(names), names


# --- nothing matches ------------------------------------------------------------------------

def test_an_item_we_dont_sell_is_named_and_nothing_is_added(say, cart):
    reply = say("add unicornberries")

    assert cart()["items"] == []
    assert "unicornberries" in reply["speech"]
    assert "Added" not in reply["speech"]
    say("yes")
    assert cart()["items"] == []


def test_an_unknown_item_among_known_ones_adds_only_the_known(say, cart):
    reply = say("add large white eggs and unicornberries")

    assert [i["name"] for i in cart()["items"]] == ["Large White Eggs"]
    assert "unicornberries" in reply["speech"]


# --- out of stock ---------------------------------------------------------------------------

def test_out_of_stock_item_is_refused_with_an_in_stock_alternative_and_yes_adds_exactly_it(
        say, cart, pending, product, spoken_price):
    assert product("PR0128").name == "Fresh Thyme" and not product("PR0128").in_stock

    reply = say("add fresh thyme")

    assert cart()["items"] == []
    assert "Fresh Thyme" in reply["speech"] and "out of stock" in reply["speech"]
    offer = pending()
    assert offer["kind"] == "offer_add"
    instead = product(offer["product_id"])
    assert instead.in_stock and instead.id != "PR0128"
    assert "thyme" in instead.name.lower()
    assert instead.name in reply["speech"] and spoken_price(instead.price) in reply["speech"]
    assert reply["speech"].endswith("?")  # the question comes last, a "yes" answers it

    reply = say("yes")

    line = only_line(cart())
    assert (line["product_id"], line["quantity"], line["unit"]) == (instead.id, 1, None)
    assert instead.name in reply["speech"]


def test_out_of_stock_alternative_keeps_the_quantity_asked(say, cart, pending):
    say("add three fresh thyme")
    instead = pending()["product_id"]

    say("yes")

    assert only_line(cart())["product_id"] == instead
    assert only_line(cart())["quantity"] == 3


def test_out_of_stock_alternative_declined_adds_nothing(say, cart):
    say("add fresh thyme")

    say("no")

    assert cart()["items"] == []


def test_out_of_stock_offer_is_forgotten_when_the_shopper_moves_on(say, cart):
    say("add fresh thyme")
    say("add bananas")

    say("yes")

    assert [i["name"] for i in cart()["items"]] == ["Bananas"]


def test_out_of_stock_item_among_others_asks_last_and_names_the_alternative(say, cart, pending, product):
    reply = say("add fresh thyme and large white eggs")

    assert [i["name"] for i in cart()["items"]] == ["Large White Eggs"]
    instead = product(pending()["product_id"])
    assert reply["speech"].endswith("?")
    last_sentence = reply["speech"].rsplit(".", 1)[-1]
    assert instead.name in last_sentence

    say("yes")

    assert [i["product_id"] for i in cart()["items"]] == [cart()["items"][0]["product_id"], instead.id]


@pytest.mark.parametrize("phrase, kind", [("extra large eggs", "eggs"), ("bing cherries", "cherries")])
def test_out_of_stock_alternative_is_the_same_kind_of_food(say, pending, product, phrase, kind):
    say(f"add {phrase}")

    offer = pending()
    assert offer and offer["kind"] == "offer_add"
    instead = product(offer["product_id"])
    assert instead.in_stock and kind in instead.name.lower()


def test_out_of_stock_with_nothing_alike_says_so_and_offers_nothing(say, cart, pending, product):
    assert not product("MS0064").in_stock  # Sea Scallops: the demo sells no other scallops

    reply = say("add sea scallops")

    assert "out of stock" in reply["speech"] and "Sea Scallops" in reply["speech"]
    assert pending() is None
    say("yes")
    assert cart()["items"] == []


def test_a_bare_count_equal_to_a_pack_buys_that_pack(say, cart, product):
    """"18 eggs" is the 18-count carton, not eighteen dozen-egg cartons."""
    say("add 18 large white eggs")

    [line] = cart()["items"]
    assert line["quantity"] == 1
    assert product(line["product_id"]).size == "18 ct carton"


def test_a_count_with_no_such_pack_buys_the_smallest_carton_that_covers_it(say, cart, product):
    reply = say("add 3 large white eggs")

    [line] = cart()["items"]
    assert line["quantity"] == 1 and product(line["product_id"]).size == "6 ct carton"
    assert line["asked"] == {"quantity": 3, "unit": None}
    assert "come in cartons of 6, so I added one carton" in reply["speech"]


def test_diapers_without_a_size_are_asked_about(say, cart):
    """A parent's "add diapers" is never a size picked for them."""
    reply = say("add diapers")["speech"]

    assert reply.startswith("For diapers, did you want") and "Size" in reply
    assert cart()["items"] == []
    say("size 4")
    assert [i["name"] for i in cart()["items"]] == ["Baby Diapers, Size 4"]
