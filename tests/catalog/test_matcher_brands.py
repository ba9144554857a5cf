"""Brands written with punctuation match however they are said or typed (issue 16, item 5)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from catalog.matcher import Matcher
from catalog.model import Product


def _p(pid: str, name: str, brand: str, aisle: str) -> Product:
    return Product(id=pid, name=name, price=Decimal("3.99"), brand=brand, aisle=aisle,
                   department="grocery", popularity=10)


@pytest.fixture(scope="module")
def branded() -> Matcher:
    return Matcher.build([
        _p("mm", "Milk Chocolate Candies", "M&M's", "candy"),
        _p("mm-pb", "Peanut Butter Chocolate Candies", "M&M's", "candy"),
        _p("choc", "Milk Chocolate Bar", "Sugarbrook", "candy"),
        _p("bj", "Chocolate Fudge Brownie Ice Cream", "Ben & Jerry's", "ice cream"),
        _p("ice", "Vanilla Ice Cream", "Polar Peak", "ice cream"),
        _p("annie", "Shells and White Cheddar Macaroni and Cheese", "Annie's", "boxed dinners"),
        _p("mac", "Macaroni and Cheese Dinner", "Harvest Lane", "boxed dinners"),
        _p("aw", "Root Beer", "A&W", "soda"),
        _p("rb", "Root Beer", "Fizzco", "soda"),
        _p("tea", "Green Tea", "Willow Leaf", "tea"),
    ])


@pytest.mark.parametrize("said", ["m&m's candies", "m and m's candies", "m and ms candies",
                                  "mms candies", "M&Ms candies", "m and m's chocolate candies"])
def test_m_and_ms_said_any_way(branded, said):
    match = branded.resolve(said)

    assert match.product.brand == "M&M's", said
    assert not match.not_carried


@pytest.mark.parametrize("said", ["ben & jerry's ice cream", "ben and jerrys ice cream",
                                  "ben and jerry's", "bens and jerrys ice cream"])
def test_ben_and_jerrys_said_any_way(branded, said):
    match = branded.resolve(said)

    assert match.product.id == "bj", said


@pytest.mark.parametrize("said", ["annie's white cheddar shells", "annies white cheddar shells",
                                  "annies shells and white cheddar macaroni and cheese"])
def test_annies_said_any_way(branded, said):
    match = branded.resolve(said)

    assert match.product.id == "annie", said


def test_a_brand_with_an_ampersand_said_with_and_ranks_first(branded):
    assert branded.resolve("a and w root beer").product.id == "aw"
    assert branded.resolve("a&w root beer").product.id == "aw"
