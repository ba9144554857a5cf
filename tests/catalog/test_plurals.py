"""A plural said where the best product names only the singular (catalog.plurals).

The shelves copy what the 49,688-product Instacart catalog held: "mints" added the herb Mint,
"jalapenos" a chip named "Jalapeno", "low fat peaches" a kefir, each without a question.
"""
from decimal import Decimal

import pytest

from catalog.matcher import Matcher
from catalog.model import Product
from catalog.normalize import said_words


def _shelf(*items: tuple[str, str, str], **extra) -> list[Product]:
    return [Product(id=pid, name=name, price=Decimal("1"), department=department, **extra)
            for pid, name, department in items]


def _mints(herb_department: str | None = "produce") -> list[Product]:
    return _shelf(("herb", "Mint", herb_department), ("organic", "Organic Mint", herb_department),
                  ("breath", "Breath Mints", "snacks"), ("pepper", "Peppermint Mints", "snacks"),
                  ("winter", "Sugar Free Wintergreen Mints", "snacks"),
                  ("tin", "Curiously Strong Mints", "snacks"))


def test_a_plural_the_catalog_names_other_things_by_makes_the_singular_a_guess():
    matcher = Matcher.build(_mints())
    match = matcher.resolve("mints")
    assert not (match.product.id == "herb" and match.sure)  # never the herb unasked
    # the singular said is the herb's own name, added as before
    singular = matcher.resolve("mint")
    assert singular.product.id == "herb" and singular.sure


def test_without_departments_nothing_tells_the_readings_apart():
    # a grocer's catalog without departments keeps the exact name, sure, as before
    match = Matcher.build(_mints(herb_department=None)).resolve("mints")
    assert match.product.id == "herb" and match.sure


def test_a_plural_named_in_the_best_products_own_department_is_the_same_thing():
    avocados = _shelf(("one", "Avocado", "produce"), ("hass", "Hass Avocados", "produce"),
                      ("bag", "Bag of Avocados", "produce"),
                      ("dip", "Chunky Avocados Dip", "deli"))
    match = Matcher.build(avocados).resolve("avocados")
    assert match.product.id == "one" and match.sure


def test_a_product_named_with_the_plural_itself_is_never_in_question():
    # even where other departments name far more things by the plural
    bananas = _shelf(("loose", "Bananas", "produce"),
                     *[(f"dried{i}", f"Dried Bananas {i}", "snacks") for i in range(6)])
    match = Matcher.build(bananas).resolve("bananas")
    assert match.product.id == "loose" and match.sure


def test_a_synonym_holding_the_plural_vouches_for_the_product():
    products = _mints()
    products[0] = Product(id="herb", name="Mint", price=Decimal("1"), department="produce",
                          synonyms=("fresh mints",))
    match = Matcher.build(products).resolve("mints")
    assert match.product.id == "herb" and match.sure


@pytest.mark.parametrize("flavours, sure", [(1, False), (2, True)])
def test_the_share_in_the_best_products_department_decides(flavours, sure):
    # the chip "Jalapeno", the most bought, is the exact name. One chip flavour named
    # "Jalapenos" among five jars (a sixth): the chip is a guess; two among four jars (a
    # third) and jalapenos are also what the snacks department sells
    chip = Product(id="chip", name="Jalapeno", price=Decimal("1"), department="snacks",
                   popularity=100)
    shelf = [(f"flavour{i}", f"Jalapenos With Sea Salt {i}", "snacks") for i in range(flavours)]
    kinds = ["Diced", "Pickled", "Sliced", "Nacho", "Tamed"][:6 - flavours]
    shelf += [(f"jar{i}", f"{kind} Jalapenos", "canned goods") for i, kind in enumerate(kinds)]
    match = Matcher.build([chip, *_shelf(*shelf)]).resolve("jalapenos")
    assert match.product.id == "chip"
    assert match.sure is sure


def test_the_other_words_said_choose_the_products_that_count():
    # turkey breasts fill the deli, but the chicken breasts are the meat department's, as
    # the best is: "chicken breasts" stays sure
    shelf = _shelf(("best", "Chicken Breast", "meat seafood"),
                   ("boneless", "Boneless Chicken Breasts", "meat seafood"),
                   *[(f"turkey{i}", f"Sliced Turkey Breasts {i}", "deli") for i in range(5)])
    matcher = Matcher.build(shelf)
    match = matcher.resolve("chicken breasts")
    assert match.product.id in {"best", "boneless"} and match.sure


def test_a_qualified_plural_no_product_names_falls_back_to_the_plural_alone():
    # no product holds "low", "fat" and "peaches": the peaches of produce and canned goods
    # decide, and the kefir is a guess
    shelf = _shelf(("kefir", "Lowfat Kefir Peach", "dairy eggs"),
                   ("fresh", "Peaches", "produce"), ("white", "White Peaches", "produce"),
                   ("can", "Sliced Peaches In Juice", "canned goods"),
                   ("halves", "Peaches Halves", "canned goods"))
    match = Matcher.build(shelf).resolve("low fat peaches")
    assert not (match.product.id == "kefir" and match.sure)


def test_said_words_keep_plurals_and_fold_accents():
    assert said_words("Organic Sliced Jalapeños") == ["organic", "sliced", "jalapenos"]
    assert said_words("Trader Joe's Mints, 3-pack") == ["trader", "joe", "mints", "3", "pack"]


def test_a_qualified_plural_named_exactly_by_the_best_keeps_it():
    # no other product holds "zebra", and the catalog's Cakes are rice cakes: but the best is
    # named exactly as said, but for the plural (its synonym here), so it is what was asked for
    shelf = _shelf(*[(f"rice{i}", f"Lightly Salted Rice Cakes {i}", "snacks") for i in range(5)])
    zebra = Product(id="zebra", name="Zebra Cake <b>new</b>", price=Decimal("3.99"),
                    department="bakery", synonyms=("zebra cake",))
    match = Matcher.build([zebra, *shelf]).resolve("zebra cakes")
    assert match.product.id == "zebra" and match.sure
