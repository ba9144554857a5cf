"""Finding a store by what is said and by ZIP code (cart.store_finder), on the demo stores."""
from __future__ import annotations

import pytest

from cart.demo_data import load_demo_data
from cart.store_finder import chain_words, find_store, short_store_name, stores_by_distance

STORES = load_demo_data().stores


@pytest.mark.parametrize("said, ids", [
    ("main street", ["main-street"]), ("the main street", ["main-street"]),
    ("brooklyn", ["brooklyn"]),          # the store named Brooklyn, not every store there
    ("alder street", ["brooklyn"]), ("wicker", ["chicago"]), ("los angeles", ["los-angeles"]),
    ("greenleaf", []), ("the store", []), ("downtown", []), ("", []),
])
def test_a_store_is_found_by_its_own_words_only(said, ids):
    assert [s.id for s in find_store(STORES, said)] == ids


def test_the_chain_name_is_what_every_store_shares():
    assert chain_words(STORES) == ["Greenleaf", "Market"]
    assert [short_store_name(s, STORES) for s in STORES] == [
        "Brooklyn", "Main Street", "Chicago", "Los Angeles"]
    assert short_store_name(STORES[0], STORES[:1]) == "Greenleaf Market Brooklyn"


def test_stores_by_zip_same_area_first_and_only_those_are_near():
    ranked = stores_by_distance(STORES, "11215")
    assert [(n.store.id, n.near) for n in ranked[:2]] == [("brooklyn", True), ("main-street", True)]
    assert not any(n.near for n in ranked[2:])
    assert [n.store.id for n in stores_by_distance(STORES, "11201")][0] == "main-street"
    far = stores_by_distance(STORES, "98101")
    assert not any(n.near for n in far) and far[0].store.id == "los-angeles"
    assert [n.near for n in stores_by_distance(STORES, "not a zip")] == [False] * len(STORES)
