"""Candidate products for a reading of a phrase: posting-list intersections in prior order.

Products are numbered in prior order (catalog.index), so the smallest numbers are the best
candidates; these helpers never scan the catalog, only the postings of the words said.
"""
from __future__ import annotations

from collections.abc import Mapping

from catalog.index import CatalogIndex
from catalog.query import Reading


def head_words(r: Reading) -> Mapping[str, float]:
    return r.positions[r.head].exp if r.head is not None else {}


def position_set(ix: CatalogIndex, exp: Mapping[str, float]):
    words = [w for w in exp if w in ix.postings]
    if not words:
        return None
    if len(words) == 1:
        return ix.posting_set(words[0])
    merged: set[int] = set()
    for w in words:
        merged.update(ix.postings[w])
    return merged


def intersect(sets: list) -> set[int]:
    ordered = sorted(sets, key=len)
    result = set(ordered[0])
    for s in ordered[1:]:
        if not result:
            break
        result.intersection_update(s)
    return result


def intersection(ix: CatalogIndex, words: list[str]) -> set[int]:
    sets = [ix.posting_set(w) for w in dict.fromkeys(words)]
    return intersect(sets) if all(sets) else set()


def top(ix: CatalogIndex, pids: set[int], head_words: Mapping[str, float], k: int) -> list[int]:
    """Up to k of `pids`, products whose head noun is the phrase's head first, then in prior
    order (short names, popular)."""
    if k <= 0 or not pids:
        return []
    if len(pids) <= k:
        return list(pids)
    preferred: set[int] = set()
    for w in head_words:
        hs = ix.head_sets.get(w)
        if hs:
            preferred |= pids.intersection(hs)
    out = sorted(preferred)[:k]
    if len(out) < k:
        out += sorted(pids - preferred)[:k - len(out)]
    return out
