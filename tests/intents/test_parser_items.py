"""Item extraction: splitting lists, quantities, number words, units and phrase clean-up."""
from __future__ import annotations

import pytest

from intents.model import CANONICAL_UNITS
from intents.parsing.parser import parse
from intents.parsing.quantity import read_quantity
from intents.parsing.unit_words import read_unit

ITEMS = [
    # several items in one breath, names containing "and" kept whole
    ("add coffee and half and half", [("coffee", None, None), ("half and half", None, None)]),
    ("add bread butter and jam", [("bread", None, None), ("butter", None, None), ("jam", None, None)]),
    ("add peanut butter and jelly", [("peanut butter", None, None), ("jelly", None, None)]),
    ("i need apples a bag of carrots and two cans of tomato sauce",
     [("apples", None, None), ("carrots", 1, "bag"), ("tomato sauce", 2, "can")]),
    ("i need two avocados a lime and some cilantro",
     [("avocados", 2, None), ("lime", 1, None), ("cilantro", None, None)]),
    ("add mac and cheese and milk", [("mac and cheese", None, None), ("milk", None, None)]),
    ("add rice and beans", [("rice", None, None), ("beans", None, None)]),
    ("add salt and vinegar chips and salsa", [("salt and vinegar chips", None, None), ("salsa", None, None)]),
    ("add milk, eggs, and bread", [("milk", None, None), ("eggs", None, None), ("bread", None, None)]),
    ("add chicken breasts, rice, and broccoli",
     [("chicken breasts", None, None), ("rice", None, None), ("broccoli", None, None)]),
    ("add milk plus eggs also bread", [("milk", None, None), ("eggs", None, None), ("bread", None, None)]),
    ("add milk. add eggs", [("milk", None, None), ("eggs", None, None)]),
    ("add cream of mushroom soup", [("cream of mushroom soup", None, None)]),
    ("add sour dough bread", [("sour dough bread", None, None)]),
    ("add rose merry", [("rose merry", None, None)]),
    # quantities
    ("add 2 apples", [("apples", 2, None)]),
    ("add -2 eggs", [("eggs", -2, None)]),              # a typed sign is kept, to be refused
    ("add zero sugar cola", [("zero sugar cola", None, None)]),  # the word is a name
    ("add 7-up", [("7 up", None, None)]),
    ("add 2.5 pounds of grapes", [("grapes", 2.5, "pound")]),
    ("add twenty four cans of soda", [("soda", 24, "can")]),
    ("add twenty-four eggs", [("eggs", 24, None)]),
    ("add a hundred and five napkins", [("napkins", 105, None)]),
    ("add an onion", [("onion", 1, None)]),
    ("add a couple of lemons", [("lemons", 2, None)]),
    ("add a couple pounds of apples", [("apples", 2, "pound")]),
    ("add a few limes", [("limes", 3, None)]),
    ("add a pair of avocados", [("avocados", 2, None)]),
    ("add some cilantro", [("cilantro", None, None)]),
    ("add a dozen eggs", [("eggs", 1, "dozen")]),
    ("add two dozen brown eggs", [("brown eggs", 2, "dozen")]),
    ("add half a dozen eggs", [("eggs", 6, None)]),
    ("add a half gallon of milk", [("milk", 1, "half_gallon")]),
    ("add half a gallon of milk", [("milk", 1, "half_gallon")]),
    ("add two half gallons of milk", [("milk", 2, "half_gallon")]),
    ("add half a pound of turkey", [("turkey", 0.5, "pound")]),
    ("add a quarter pound of ham", [("ham", 0.25, "pound")]),
    ("add three quarters of a pound of ham", [("ham", 0.75, "pound")]),
    ("add two and a half pounds of potatoes", [("potatoes", 2.5, "pound")]),
    ("add three and a half pounds of potatoes", [("potatoes", 3.5, "pound")]),
    ("add one and a half pounds of beef", [("beef", 1.5, "pound")]),
    ("add a pound and a half of ground beef", [("ground beef", 1.5, "pound")]),
    ("add 1 1/2 lbs of beef", [("beef", 1.5, "pound")]),
    ("add ½ gallon of milk", [("milk", 0.5, "gallon")]),
    ("add two more apples", [("apples", 2, None)]),
    ("add about two pounds of cherries", [("cherries", 2, "pound")]),
    ("add eggs two dozen", [("eggs", 2, "dozen")]),
    # names that begin with or contain numbers
    ("add a gallon of two percent milk", [("two percent milk", 1, "gallon")]),
    ("add two percent milk", [("two percent milk", None, None)]),
    ("add 2% milk", [("2 percent milk", None, None)]),
    ("add 7 up", [("7 up", None, None)]),
    ("add a 7 up", [("7 up", 1, None)]),
    ("add v8", [("v8", None, None)]),
    ("add five hour energy", [("five hour energy", None, None)]),
    ("add seven grain bread", [("seven grain bread", None, None)]),
    ("add coke zero", [("coke zero", None, None)]),
    ("add grade a eggs", [("grade a eggs", None, None)]),
    # sizes before a container
    ("add a six pack of beer", [("beer", 1, "pack")]),
    ("add two 12 packs of coke", [("coke", 2, "pack")]),
    ("add a 5 pound bag of potatoes", [("potatoes", 1, "bag")]),
    ("add a two liter of sprite", [("sprite", 1, None)]),
    # containers with no canonical unit
    ("add a tub of sour cream", [("sour cream", 1, None)]),
    ("add two rolls of paper towels", [("paper towels", 2, None)]),
    # phrase clean-up
    ("add some of the organic strawberries please", [("organic strawberries", None, None)]),
    ("add all the apples to my cart", [("apples", None, None)]),
    ("put extra virgin olive oil on the shopping list", [("extra virgin olive oil", None, None)]),
    ("add to my list milk", [("milk", None, None)]),
]


@pytest.mark.parametrize(("text", "items"), ITEMS)
def test_items(text, items, parse_text, items_of):
    got = parse_text(text)
    assert got.intent == "AddItem"
    assert items_of(got) == items


UNITS = [
    ("gallons", "gallon"), ("gal", None), ("lbs", "pound"), ("lb", "pound"), ("oz", "ounce"),
    ("ounces", "ounce"), ("fl oz", "fluid_ounce"), ("fluid ounces", "fluid_ounce"),
    ("kilos", "kilogram"), ("kg", "kilogram"), ("litres", "liter"), ("ml", "milliliter"),
    ("grams", "gram"), ("quarts", "quart"), ("pints", "pint"), ("packs", "pack"),
    ("packages", "pack"), ("bags", "bag"), ("boxes", "box"), ("cans", "can"), ("tins", "can"),
    ("bottles", "bottle"), ("jars", "jar"), ("bunches", "bunch"), ("loaves", "loaf"),
    ("cartons", "carton"), ("cases", "case"), ("heads", "head"), ("pieces", "piece"),
    ("dozen", "dozen"), ("half gallons", "half_gallon"),
]


@pytest.mark.parametrize(("spoken", "unit"), UNITS)
def test_spoken_units(spoken, unit):
    got = read_unit(spoken.split(), 0)
    assert (got[0] if got else None) == unit


@pytest.mark.parametrize("spoken", ["l", "g", "gal"])
def test_short_units_count_after_digits_only(spoken):
    assert read_unit([spoken], 0, after_digits=True) is not None
    assert read_unit([spoken], 0) is None


def test_every_canonical_unit_is_reachable_from_speech():
    seen = set()
    for unit in CANONICAL_UNITS:
        spoken = unit.replace("_", " ")
        got = read_unit(spoken.split(), 0)
        if got is None:  # "fluid_ounce" -> "fluid ounce" works; the rest are one word
            got = read_unit([spoken], 0)
        seen.add(got[0] if got else None)
    assert seen == set(CANONICAL_UNITS)


@pytest.mark.parametrize(("words", "value"), [
    ("one", 1), ("twelve", 12), ("twenty four", 24), ("ninety nine", 99), ("a hundred", 100),
    ("two hundred and fifty", 250), ("three thousand", 3000), ("2", 2), ("2.5", 2.5),
    ("1/2", 0.5), ("3 1/4", 3.25), ("two andahalf", 2.5),
])
def test_number_words(words, value):
    assert read_quantity(words.split(), 0).value == value


def test_zero_is_kept_to_be_refused_and_huge_numbers_are_not_quantities(parse_text, items_of):
    # a typed 0 is an amount the dialog refuses with its reason ("not an amount I can add"),
    # rather than a product "0 apples" it cannot find
    assert items_of(parse_text("add 0 apples")) == [("apples", 0, None)]
    assert items_of(parse_text("add 99999999999 apples")) == [("99999999999 apples", None, None)]


def test_without_vocabulary_conventional_and_names_survive(items_of):
    got = parse("add coffee and half and half")
    assert items_of(got) == [("coffee", None, None), ("half and half", None, None)]
    assert items_of(parse("add bread butter and jam")) == [("bread butter", None, None), ("jam", None, None)]


def test_vocabulary_that_knows_every_word_still_splits_plain_lists(items_of):
    class Substrings:  # like a matcher over real names: any run of words in some name
        def is_known_name(self, phrase):
            return phrase in {"peanut butter and jelly", "peanut butter", "jelly", "butter and jelly",
                              "peanut", "butter", "half", "half and half", "coffee"}

    got = parse("add peanut butter and jelly", Substrings())
    assert items_of(got) == [("peanut butter", None, None), ("jelly", None, None)]
    got = parse("add coffee and half and half", Substrings())
    assert items_of(got) == [("coffee", None, None), ("half and half", None, None)]


def test_vocabulary_glues_unknown_sides(vocab, items_of):
    vocab.names = vocab.names | {"arm and hammer baking soda"}
    got = parse("add arm and hammer baking soda and eggs", vocab)
    assert items_of(got) == [("arm and hammer baking soda", None, None), ("eggs", None, None)]
    vocab.names = vocab.names | {"tom and chee"}
    got = parse("add tom and chee", vocab)
    assert items_of(got) == [("tom and chee", None, None)]


def test_pronoun_objects_become_an_empty_phrase(parse_text, items_of):
    assert items_of(parse_text("remove it")) == [("", None, None)]
    assert items_of(parse_text("add two of those")) == [("", 2, None)]


@pytest.mark.parametrize("text, expected", [
    ("add a 2 liter of cola", ("cola", 1, None, "2 liter")),
    ("add a two-liter bottle of cola", ("cola", 1, "bottle", "2 liter")),
    ("add a 5 pound bag of potatoes", ("potatoes", 1, "bag", "5 pound")),
    ("add a 64 ounce orange juice", ("orange juice", 1, None, "64 ounce")),
    ("add two 2 liters of cola", ("cola", 2, None, "2 liter")),
    ("add a big tub of greek yogurt", ("greek yogurt", 1, None, "large")),
    ("add 2 pounds of apples", ("apples", 2, "pound", None)),  # an amount, not a size
])
def test_a_size_said_before_the_item_is_kept_to_choose_among_sizes(text, expected):
    """"a 2 liter of cola" kept only its count, and the cart got the 12-pack listed first."""
    [item] = parse(text).items
    assert (item.phrase, item.quantity, item.unit, item.size) == expected
