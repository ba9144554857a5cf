"""Issue 16 on the bundled demo catalog: which best matches are sure enough to add unasked."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("phrase", ["bananas", "apple cider vinegar", "peanut butter",
                                    "greek yogurt", "acv", "two percent milk"])
def test_a_product_named_by_its_main_noun_or_synonym_is_sure(demo_matcher, phrase):
    assert demo_matcher.resolve(phrase).sure


@pytest.mark.parametrize("phrase, guess", [("cider", "Apple Cider Vinegar"),
                                           ("vodka", "Vodka Sauce")])
def test_a_product_that_only_contains_the_word_is_a_guess(demo_matcher, phrase, guess):
    match = demo_matcher.resolve(phrase)

    assert match.product is not None and match.product.name == guess  # the JSON contract's best
    assert not match.sure


def test_a_brand_the_store_carries_ranks_that_brands_products_first(demo_matcher):
    match = demo_matcher.resolve("meadow valley milk")

    assert match.product.brand == "Meadow Valley"
    assert not match.not_carried


@pytest.mark.parametrize("phrase, brand, plain", [
    ("skippy peanut butter", "skippy", "Creamy Peanut Butter"),
    ("bounty paper towels", "bounty", "Paper Towels"),
    ("skippy crunchy peanut butter", "skippy", "Crunchy Peanut Butter"),
])
def test_a_brand_not_carried_is_named_and_the_plain_product_is_a_guess(demo_matcher, phrase,
                                                                       brand, plain):
    match = demo_matcher.resolve(phrase)

    assert match.not_carried == brand
    assert plain in match.product.name
    assert not match.sure and not match.ambiguous


def test_a_misspelt_word_is_not_taken_for_a_brand(demo_matcher):
    match = demo_matcher.resolve("bannana bread")

    assert match.product.name == "Banana Bread" and match.sure and not match.not_carried


@pytest.mark.parametrize("heard, name", [("keen wah", "White Quinoa"), ("nokey", "Potato Gnocchi"),
                                         ("halapeno peppers", "Jalapeno Peppers")])
def test_foreign_food_names_spelled_as_heard_find_the_product(demo_matcher, heard, name):
    match = demo_matcher.resolve(heard)

    assert match.product.name == name and match.sure
