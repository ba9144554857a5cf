"""Reading the cart back in listenable chunks: at most five lines at a time, "want to hear
more?", then the total; and "is X in my cart?"."""
from __future__ import annotations

# Products whose spoken names are their catalog names and none contains another.
PLAIN = ["PR0001", "PR0004", "DA0054", "DA0089", "PG0035", "BV0047",
         "DA0081", "PN0008", "PN0013", "PN0006", "DA0078", "DA0080"]
NAMES = {"PR0001": "Bananas", "PR0004": "Gala Apples", "DA0054": "Salted Butter",
         "DA0089": "Sour Cream", "PG0035": "Jasmine Rice", "BV0047": "Instant Coffee",
         "DA0081": "Brie", "PN0008": "Grape Jelly", "PN0013": "Clover Honey",
         "PN0006": "Almond Butter", "DA0078": "Crumbled Feta Cheese", "DA0080": "Goat Cheese Log"}


def mentioned(speech: str, ids) -> list[str]:
    return [i for i in ids if NAMES[i] in speech]


def test_names_are_plain(product):
    for product_id, name in NAMES.items():
        assert product(product_id).name == name


def test_an_empty_cart_is_said_to_be_empty(say):
    reply = say("what's in my cart")

    assert "empty" in reply["speech"]
    assert reply["end_session"] is False


def test_a_short_cart_is_read_in_one_go_with_the_total(say, cart, fill_cart, spoken_price):
    fill_cart(PLAIN[:3])

    reply = say("what's in my cart")

    assert mentioned(reply["speech"], PLAIN) == PLAIN[:3]
    assert "three" in reply["speech"]
    assert spoken_price(cart()["total"]) in reply["speech"]
    assert "more" not in reply["speech"].lower()


def test_exactly_five_lines_need_no_second_chunk(say, fill_cart, pending):
    fill_cart(PLAIN[:5])

    reply = say("read my cart")

    assert mentioned(reply["speech"], PLAIN) == PLAIN[:5]
    assert "hear more" not in reply["speech"].lower()
    assert pending() is None


def test_a_longer_cart_is_read_five_at_a_time_and_yes_reads_on_to_the_total(
        say, cart, fill_cart, spoken_price):
    fill_cart(PLAIN[:7])
    total = spoken_price(cart()["total"])

    first = say("what's in my cart")

    assert mentioned(first["speech"], PLAIN) == PLAIN[:5]
    assert "seven" in first["speech"]  # how many there are in all
    assert "hear more?" in first["speech"].lower()
    assert total not in first["speech"]
    assert first["reprompt"] and first["end_session"] is False

    second = say("yes")

    assert mentioned(second["speech"], PLAIN) == PLAIN[5:7]
    assert total in second["speech"]
    assert "hear more" not in second["speech"].lower()


def test_twelve_lines_take_three_chunks(say, cart, fill_cart, spoken_price):
    fill_cart(PLAIN)

    chunks = [say("what's in my cart"), say("yes"), say("yes")]

    heard = [mentioned(c["speech"], PLAIN) for c in chunks]
    assert heard == [PLAIN[:5], PLAIN[5:10], PLAIN[10:]]
    assert all(len(h) <= 5 for h in heard)
    assert spoken_price(cart()["total"]) in chunks[-1]["speech"]
    after = say("yes")  # nothing more to read: a yes reads nothing again
    assert mentioned(after["speech"], PLAIN) == []


def test_asking_for_the_rest_reads_on_like_yes(say, cart, fill_cart, spoken_price):
    fill_cart(PLAIN[:7])
    say("what's in my cart")

    reply = say("keep going")

    assert mentioned(reply["speech"], PLAIN) == PLAIN[5:7]
    assert spoken_price(cart()["total"]) in reply["speech"]


def test_the_rest_is_only_read_while_a_reading_is_pending(say, fill_cart):
    fill_cart(PLAIN[:3])
    say("what's in my cart")  # all read: nothing pending

    reply = say("read the rest")

    assert "didn't get that" in reply["speech"]
    assert mentioned(reply["speech"], PLAIN) == []


def test_no_stops_the_reading_and_a_later_yes_does_not_resume_it(say, cart, fill_cart):
    fill_cart(PLAIN[:7])
    say("what's in my cart")

    stopped = say("no")
    later = say("yes")

    assert mentioned(stopped["speech"], PLAIN) == []
    assert mentioned(later["speech"], PLAIN) == []
    assert stopped["end_session"] is False
    assert len(cart()["items"]) == 7


def test_quantities_and_units_are_read_back(say, fill_cart):
    say("add two gallons of whole milk and three bananas")

    reply = say("what's in my cart")

    assert "two gallons of Whole Milk" in reply["speech"]
    assert "three Bananas" in reply["speech"]


def test_reading_changes_nothing(say, cart, fill_cart):
    fill_cart(PLAIN)
    before = cart()

    say("what's in my cart")
    say("yes")
    say("no")

    assert cart() == before


def test_is_x_in_my_cart_answers_from_the_cart_with_quantity(say, cart):
    say("add two dozen large white eggs and bananas")
    before = cart()

    reply = say("are eggs in my cart")

    assert reply["speech"].startswith("Yes")
    assert "two dozen Large White Eggs" in reply["speech"]
    assert cart() == before


def test_is_x_in_my_cart_says_the_quantity_of_one(say):
    say("add bananas")

    reply = say("are bananas in my cart")

    assert reply["speech"].startswith("Yes")
    assert "one Banana in your cart" in reply["speech"]  # said as one, not "one Bananas"


def test_is_x_in_my_cart_says_no_and_adds_nothing(say, cart):
    say("add bananas")

    reply = say("are eggs in my cart")

    assert reply["speech"].startswith("No")
    assert [i["name"] for i in cart()["items"]] == ["Bananas"]
    say("yes")
    assert [i["name"] for i in cart()["items"]] == ["Bananas"]


def test_two_lines_that_would_sound_the_same_are_told_apart(say, fill_cart):
    # two brands of the same 2 liter Cola and of the same carton of Large White Eggs; orange
    # juice in 52 and 64 fl oz
    fill_cart(["BV0014", "BV0021", "DA0042", "DA0044"])
    fill_cart(["BV0001", "BV0004"], user="oj")

    reply = say("what's in my cart")["speech"]
    juice = say("what's in my cart", user="oj", session="oj")["speech"]

    assert ", 52 fl oz" in juice and ", 64 fl oz" in juice
    assert "Cola from Fizzco" in reply and "Cola from Harvest Lane" in reply
    assert "Large White Eggs from Sunny Acres" in reply
    assert "Large White Eggs from Harvest Lane" in reply


def test_containers_are_said_in_the_plural_and_not_twice(say, fill_cart):
    fill_cart(["FZ0062"], quantity=3)  # Bag of Ice
    fill_cart(["BR0001"], quantity=2, user="cereal")  # a cereal sold by the box

    assert "three bags of Ice" in say("what's in my cart")["speech"]
    assert "two boxes of" in say("what's in my cart", user="cereal", session="c")["speech"]
