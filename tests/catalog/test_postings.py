"""Candidate walks over the compact index pick what whole-set intersections would:
the first k products (head-noun products first, then prior order), at any list length; a walk
through sparse hits may stop early with the first of them."""
from __future__ import annotations

import random
from decimal import Decimal

import pytest

from catalog import postings
from catalog.index import CatalogIndex
from catalog.index_build import TOP_MIN
from catalog.model import Product

MODIFIERS = ["organic", "whole", "skim", "chocolate", "vanilla", "greek", "sliced", "fresh",
             "frozen", "sweet", "red", "green", "large", "family", "low", "fat"]
NOUNS = ["milk", "yogurt", "cheese", "bread", "apple", "juice", "butter", "cream"]


@pytest.fixture(scope="module")
def index() -> CatalogIndex:
    rng = random.Random(7)
    products = []
    for i in range(TOP_MIN + 2500):  # "milk" and friends beyond TOP_MIN: precomputed lists
        head = "milk" if rng.random() < 0.5 else rng.choice(NOUNS)
        words = rng.sample(MODIFIERS, rng.randint(0, 3)) + [head]
        if rng.random() < 0.3:  # another noun before the head: "milk chocolate bread"
            words.insert(0, rng.choice(NOUNS))
        products.append(Product(id=str(i), name=" ".join(w.title() for w in words),
                                price=Decimal("1.00"), popularity=rng.random()))
    return CatalogIndex(products)


def _reference(ix: CatalogIndex, groups: list[list[str]], head: list[str], k: int,
               exclude: set[int] = frozenset()) -> list[int]:
    """The old way: Python sets intersected whole, then sorted."""
    sets = [set().union(*(set(ix.postings[w].tolist()) for w in g if w in ix.postings))
            for g in groups]
    found = set.intersection(*sets) - exclude if sets else set()
    heads = set().union(*(set(ix.head_sets[w].tolist()) for w in head if w in ix.head_sets))
    preferred = sorted(found & heads)[:k]
    return preferred + sorted(found - heads)[:k - len(preferred)]


CASES = [
    ([["milk"]], ["milk"]),
    ([["organic"]], []),
    ([["organic"], ["milk"]], ["milk"]),
    ([["chocolate"], ["milk"]], ["milk"]),
    ([["whole", "skim"], ["milk", "yogurt"]], ["milk", "yogurt"]),
    ([["greek"], ["yogurt"], ["vanilla"]], ["yogurt"]),
    ([["milk"], ["bread"]], ["bread"]),
    ([["fresh"], ["low"], ["fat"], ["cream"]], ["cream"]),
]


@pytest.mark.parametrize("groups,head", CASES)
@pytest.mark.parametrize("k", [1, 12, 120])
def test_top_matches_whole_set_intersection(index, groups, head, k):
    got = postings.top(index, postings.position_groups(index, ({w: 1.0 for w in g} for g in groups)),
                       postings.head_group(index, head), k,
                       single_word=groups[0][0] if len(groups) == 1 and len(groups[0]) == 1
                       and head == groups[0] else None)
    assert got == _reference(index, groups, head, k)


def test_a_precomputed_list_is_what_the_walk_finds(index):
    assert len(index.postings["milk"]) >= TOP_MIN
    groups = postings.position_groups(index, [{"milk": 1.0}])
    heads = postings.head_group(index, ["milk"])
    assert postings.top(index, groups, heads, 120, single_word="milk") == \
        postings.top(index, groups, heads, 120) == _reference(index, [["milk"]], ["milk"], 120)


def test_excluded_products_are_skipped_and_replaced(index):
    groups = postings.position_groups(index, [{"sweet": 1.0}, {"cheese": 1.0}])
    heads = postings.head_group(index, ["cheese"])
    first = postings.top(index, groups, heads, 20)
    exclude = set(first[:5])
    got = postings.top(index, groups, heads, 20, exclude)
    assert not exclude & set(got)
    assert got == _reference(index, [["sweet"], ["cheese"]], ["cheese"], 20, exclude)


def test_union_of_all_but_one_word(index):
    words = [["organic"], ["greek"], ["butter"]]
    groups = postings.position_groups(index, ({w[0]: 1.0} for w in words))
    heads = postings.head_group(index, ["butter"])
    parts = [groups[:i] + groups[i + 1:] for i in range(len(groups))]
    got = postings.top_of_union(index, parts, heads, 50)
    found: set[int] = set()
    for i in range(len(words)):
        found |= set(_reference(index, words[:i] + words[i + 1:], [], 10 ** 6))
    heads_set = set(index.head_sets["butter"].tolist())
    preferred = sorted(found & heads_set)
    want = (preferred + sorted(found - heads_set))[:50]
    assert got == want


def test_a_word_the_catalog_lacks_means_no_candidates(index):
    groups = postings.position_groups(index, [{"milk": 1.0}, {"kombucha": 1.0}])
    assert postings.top(index, groups, [], 120) == []
    assert postings.every(groups).tolist() == []


def test_a_walk_through_sparse_hits_stops_with_the_first_of_them():
    import numpy as np
    driver = np.arange(0, 200_000, 2, dtype="<i4")  # 100k products with one word
    odd = np.arange(1, 400_000, 2, dtype="<i4")  # 200k with the other word only
    # products with both: 20 of the first ones, then 1 in 1,000 far down the prior order
    both = np.concatenate([driver[:40:2], driver[20_000::1_000]])
    other = np.sort(np.concatenate([odd, both]))
    got = postings.walk([[driver], [other]], 64).tolist()
    # the walk read its budget, had a quarter of what it needs, and stopped there: the hits it
    # returns are the first ones, in prior order
    assert 64 // postings.ENOUGH_SHARE <= len(got) < 64
    assert got == both[:len(got)].tolist()
    # a complete listing is never cut short, and dense hits fill the request
    assert postings.every([[driver], [other]]).tolist() == both.tolist()
    assert postings.walk([[driver], [driver[:5000]]], 64).tolist() == driver[:64].tolist()


MISSING_ONE = [
    [["fresh", "low"], ["cream"]],
    [["greek"], ["yogurt"], ["vanilla"]],
    [["fresh"], ["low"], ["fat"], ["cream"]],
    [["whole", "skim"], ["chocolate"], ["milk", "yogurt"]],
    [["organic"], ["sweet"], ["red"], ["apple"]],
]


def _missing_one_reference(ix: CatalogIndex, groups: list[list[str]], head_words: list[str],
                           k: int, exclude: set[int], head: int, headless: int) -> list[int]:
    """By whole sets: products holding all groups but one at most, none of `exclude`, the
    first `headless` of those lacking group `head`, head-noun products first."""
    sets = [set().union(*(set(ix.postings[w].tolist()) for w in g if w in ix.postings))
            for g in groups]
    every = set().union(*sets)
    found = sorted(p for p in every - exclude if sum(p in s for s in sets) >= len(sets) - 1)
    lacking = [p for p in found if p not in sets[head]][headless:]
    found = [p for p in found if p not in lacking]
    heads = set().union(*(set(ix.head_sets[w].tolist()) for w in head_words
                          if w in ix.head_sets))
    return ([p for p in found if p in heads] + [p for p in found if p not in heads])[:k]


@pytest.mark.parametrize("groups", MISSING_ONE)
@pytest.mark.parametrize("k", [1, 12, 64])
@pytest.mark.parametrize("headless", [64, 3])
def test_counting_products_missing_one_word_matches_whole_sets(index, groups, k, headless,
                                                              monkeypatch):
    monkeypatch.setattr(postings, "COUNT_PAIR_UP_TO", 1 << 20)  # this catalog's pairs are long
    arrays = postings.position_groups(index, ({w: 1.0 for w in g} for g in groups))
    heads = postings.head_group(index, groups[-1])
    head = len(groups) - 1
    exclude = set(postings.top(index, arrays, heads, 5))  # the full matches already taken
    counted = postings.top_missing_one(arrays, heads, k, exclude, head, headless)
    assert counted == _missing_one_reference(index, groups, groups[-1], k, exclude, head,
                                             headless)
    assert counted  # every case has such products in this catalog


def test_long_lists_are_walked_not_counted(index):
    pair = postings.position_groups(index, [{"fresh": 1.0, "low": 1.0}, {"cream": 1.0}])
    assert sum(len(a) for g in pair for a in g) > postings.COUNT_PAIR_UP_TO
    assert postings.top_missing_one(pair, [], 12, set(), 1, 3) is None
