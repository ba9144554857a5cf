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
