"""Candidate products for a reading of a phrase, from the compact index's posting walks.

Products are numbered in prior order (catalog.index), so the best candidates are the smallest
numbers; catalog.postings walks the posting arrays of the words said and stops once it has
enough, never scanning the catalog nor intersecting whole sets.
"""
from __future__ import annotations

from collections.abc import Mapping

from catalog import postings
from catalog.index import CatalogIndex
from catalog.query import Reading

HEADLESS_SHARE = 4  # a partial reading without the head noun takes 1/4 of the candidates


def head_words(r: Reading) -> Mapping[str, float]:
    return r.positions[r.head].exp if r.head is not None else {}


def full_candidates(ix: CatalogIndex, r: Reading, k: int) -> list[int]:
    """Up to k products holding every word of the reading (or a neighbour of it), those
    whose head noun is the phrase's head first, then in prior order."""
    groups = postings.position_groups(ix, (pos.exp for pos in r.positions))
    single = None
    if len(r.positions) == 1 and r.head == 0 and len(r.positions[0].exp) == 1:
        single = next(iter(r.positions[0].exp))  # "milk": a precomputed list may do
    return postings.top(ix, groups, _heads(ix, r), k, single_word=single)


def partial_candidates(ix: CatalogIndex, r: Reading, exclude: set[int], k: int) -> list[int]:
    """Up to k - len(exclude) products holding every word but one, none of `exclude`."""
    found = [(i, g) for i, g in
             enumerate(postings.position_groups(ix, (p.exp for p in r.positions))) if g]
    groups = [g for _, g in found]
    k -= len(exclude)
    if len(groups) < 2:
        return postings.top(ix, groups, _heads(ix, r), k, exclude)
    # products lacking the head noun said ("fruit" things for "fruit loops") seldom win: a
    # few of them are enough to stand for that reading
    headless = max(1, k // HEADLESS_SHARE)
    head = next((n for n, (i, _) in enumerate(found) if i == r.head), None)
    counted = postings.top_missing_one(groups, _heads(ix, r), k, exclude, head, headless)
    if counted is not None:
        return counted
    parts = [groups[:skip] + groups[skip + 1:] for skip in range(len(groups))]
    limits = [headless if n == head else k for n in range(len(groups))]
    return postings.top_of_union(ix, parts, _heads(ix, r), k, exclude, limits)


def intersection(ix: CatalogIndex, words: list[str]) -> list[int]:
    """Every product holding all of `words`, in prior order."""
    return postings.every(postings.position_groups(ix, ({w: 1.0} for w in words))).tolist()


def _heads(ix: CatalogIndex, r: Reading) -> list:
    return postings.head_group(ix, head_words(r))
