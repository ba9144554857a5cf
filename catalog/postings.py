"""Candidate products for a reading: ordered walks over sorted posting arrays that stop early.

Products are numbered in prior order (catalog.index), so "the best k products holding every
word" is "the first k numbers in every posting list". A walk takes the shortest list (a
position whose spoken word has several catalog neighbours is the union of their lists),
checks it chunk by chunk against the others (binary search, in numpy), and stops as soon as it
has k, or once its hits are too sparse to be worth the reading; it never intersects whole long
lists (a union of short ones, up to MERGE_UP_TO products, is merged once). Products whose head
noun is the phrase's head come first: a first walk over the head-noun postings, then a second
one over the rest. Products missing one word of a phrase are counted over the two rarest
words' products where those are few (top_missing_one).
"""
from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence

import numpy as np

FIRST_CHUNK = 256  # products of the driving list in the first look; doubles while needed
WHOLE_DRIVER = 4096  # a driving group up to this long is read in one step
MAX_SPAN = 1 << 22  # product numbers per step, at most
# A walk that has read READ_BUDGET products of its driving list and found at least
# 1 / ENOUGH_SHARE of what it needs, or READ_LIMIT and found any, stops there: hits that sparse
# lie far down the prior order (long names, rare products), and finding the rest would cost
# more than scoring them is worth. A step reads about STEP_READ products of the driver at most.
READ_BUDGET = 2048
ENOUGH_SHARE = 4
READ_LIMIT = 8192
STEP_READ = 4096
GROWTH_WITHOUT_HITS = 4  # a step that found nothing: the next one is this many times longer
COUNT_UP_TO = 16384  # top_missing_one counts when the two rarest groups hold this many at most
COUNT_PAIR_UP_TO = 1024  # ... and of two words, when both hold this many at most: every one of
# them is checked, where the walks stop after k
MERGE_UP_TO = 8192  # a group of several lists up to this long is merged once per walk
Group = list  # the posting arrays of one position's words: a product qualifies if in any
_NONE = np.zeros(0, dtype="<i4")


def position_groups(ix, exps: Iterable[Mapping[str, float]]) -> list[Group]:
    """Per position, the posting arrays of its words the catalog has (an empty group when
    none)."""
    postings = ix.postings
    out = []
    for exp in exps:
        group = []
        for w in exp:
            arr = postings.get(w)
            if arr is not None:
                group.append(arr)
        out.append(group)
    return out


def head_group(ix, head_words: Iterable[str]) -> Group:
    heads = ix.head_sets
    return [a for a in (heads.get(w) for w in head_words) if a is not None]


def top(ix, groups: Sequence[Group], heads: Group, k: int, exclude: Collection[int] = (),
        single_word: str | None = None) -> list[int]:
    """The first k products (head-noun products first, then prior order) found in every
    group, none of `exclude`. `single_word`: the reading is that one word, also its head, so
    a precomputed top list may answer."""
    if k <= 0 or not groups or not all(groups):
        return []
    if single_word is not None and not exclude:
        ready = ix.tops.get(single_word)
        if ready is not None and len(ready) >= k:
            return ready[:k].tolist()
    skip = [np.fromiter(sorted(exclude), dtype="<i4", count=len(exclude))] if exclude else []
    first = walk(list(groups) + [heads], k, skip) if heads else _NONE
    if len(first) >= k:
        return first.tolist()
    rest = walk(list(groups), k - len(first), skip + heads)
    return first.tolist() + rest.tolist()


def top_of_union(ix, parts: Sequence[Sequence[Group]], heads: Group, k: int,
                 exclude: Collection[int] = (), limits: Sequence[int] = ()) -> list[int]:
    """`top` over the union of several intersections (one per list of groups): the best k of
    each, merged and ranked again, is the best k of the union. `limits`: at most this many
    from each part (default k)."""
    if k <= 0:
        return []
    found: set[int] = set()
    for i, groups in enumerate(parts):
        found.update(top(ix, groups, heads, min(k, limits[i]) if limits else k, exclude))
    if len(found) <= k:
        return sorted(found)
    merged = np.fromiter(sorted(found), dtype="<i4", count=len(found))
    preferred = _in_any(merged, heads) if heads else np.zeros(len(merged), dtype=bool)
    return (merged[preferred].tolist() + merged[~preferred].tolist())[:k]


def top_missing_one(groups: Sequence[Group], heads: Group, k: int, exclude: Collection[int],
                    head: int | None, headless: int) -> list[int] | None:
    """`top_of_union` over "every group but one" for two groups or more, by counting: such a
    product holds one of the two rarest groups' words at least, so those few products are
    checked against every group once (instead of two walks per group left out). At most
    `headless` of them lack group `head`. None when the two rarest groups are too common for
    this to pay; the caller walks instead."""
    sizes = [sum(len(a) for a in g) for g in groups]
    rarest = sorted(range(len(groups)), key=sizes.__getitem__)[:2]
    bound = COUNT_UP_TO if len(groups) > 2 else COUNT_PAIR_UP_TO
    if len(groups) < 2 or sum(sizes[i] for i in rarest) > bound:
        return None
    cand = _union([a for i in rarest for a in groups[i]])
    if exclude:
        cand = cand[~_member(cand, np.fromiter(sorted(exclude), dtype="<i4", count=len(exclude)))]
    held = np.zeros(len(cand), dtype=np.int16)
    has_head = None
    for i, (g, size) in enumerate(zip(groups, sizes)):
        mask = _in_any(cand, _merged(g) if len(g) > 1 and size <= MERGE_UP_TO else g)
        held += mask
        if i == head:
            has_head = mask
    keep = held >= len(groups) - 1
    if has_head is not None:  # the first `headless` of those lacking the head noun said
        lacking = np.flatnonzero(keep & ~has_head)
        keep[lacking[headless:]] = False
    cand = cand[keep]
    preferred = _in_any(cand, heads) if heads else np.zeros(len(cand), dtype=bool)
    return (cand[preferred].tolist() + cand[~preferred].tolist())[:k]


def walk(groups: Sequence[Group], need: int, skip: Sequence[np.ndarray] = (), *,
         complete: bool = False) -> np.ndarray:
    """The first `need` product numbers present in every group and in none of `skip`; fewer
    (the first ones) when they are sparse far down the lists, unless `complete`.

    The driving group (the smallest) is read by ranges of product numbers, a range about
    FIRST_CHUNK products long first, then as long as the hits so far say is needed for the
    rest (at least doubling): a union of several words' lists is merged only as far as the
    walk gets."""
    if need <= 0 or not groups or not all(groups):
        return _NONE
    sizes = [sum(len(a) for a in g) for g in groups]
    d = sizes.index(min(sizes))
    driver = groups[d]
    # the rarest first, each check shrinking the range's candidates for the next one; a group
    # of several short lists is checked as one merged list (one binary search, not one a list)
    others = [_merged(g) if len(g) > 1 and size <= MERGE_UP_TO else g
              for size, i, g in sorted((size, i, g) for i, (g, size) in enumerate(zip(groups, sizes))
                                    if i != d)]
    if len(driver) == 1 and not others and not skip:
        return driver[0][:need]
    if len(driver) > 1 and sizes[d] <= MERGE_UP_TO:
        driver = _merged(driver)
    if len(skip) > 1 and sum(map(len, skip)) <= MERGE_UP_TO:
        skip = _merged(skip)
    end = max(int(a[-1]) for a in driver) + 1
    # a short driver is taken whole: stepping costs numpy calls that only pay off on long ones
    span = end if sizes[d] <= WHOLE_DRIVER else max(64, FIRST_CHUNK * end // sizes[d])
    out: list[np.ndarray] = []
    main = max(driver, key=len)  # a step reads at most STEP_READ of its products
    got, lo, read = 0, 0, 0
    while lo < end and got < need:
        if not complete and (got >= need // ENOUGH_SHARE and read >= READ_BUDGET
                             or got and read >= READ_LIMIT):
            break  # sparse hits far down the list: the best-placed ones are in hand
        hi = min(end, lo + span)
        if not complete:
            at = int(main.searchsorted(lo)) + STEP_READ
            if at < len(main) and main[at] < hi:
                hi = int(main[at])
        part = _range(driver, lo, hi)
        read += len(part)
        lo = hi
        for g in others:
            if not len(part):
                break
            part = part[_in_any(part, g)]
        for s in skip:
            if len(part):
                part = part[~_member(part, s)]
        if len(part):
            out.append(part)
            got += len(part)
        # the hits so far say how far the rest lies (sparse hits: far); never less than double
        wanted = (need - got) * lo // got if got else span * GROWTH_WITHOUT_HITS
        span = min(max(span * 2, wanted), MAX_SPAN)
    if not out:
        return _NONE
    found = out[0] if len(out) == 1 else np.concatenate(out)
    return found[:need]


def _merged(group: Group) -> Group:
    return [_union(group)]


def _union(arrays: Sequence[np.ndarray]) -> np.ndarray:
    """The sorted union of sorted arrays (a sort and a mask: numpy's unique hashes, slower
    on these)."""
    joined = np.sort(np.concatenate(arrays))
    if len(joined) < 2:
        return joined
    keep = np.empty(len(joined), dtype=bool)
    keep[0] = True
    np.not_equal(joined[1:], joined[:-1], out=keep[1:])
    return joined[keep]


def _range(group: Group, lo: int, hi: int) -> np.ndarray:
    """The group's product numbers in [lo, hi), sorted, each once."""
    parts = [a[a.searchsorted(lo):a.searchsorted(hi)] for a in group]
    if len(parts) == 1:
        return parts[0]
    parts = [p for p in parts if len(p)]
    if len(parts) <= 1:
        return parts[0] if parts else _NONE
    return _union(parts)


def every(groups: Sequence[Group]) -> np.ndarray:
    """All products present in every group, in prior order."""
    return walk(groups, 1 << 62, complete=True)


def _member(values: np.ndarray, sorted_arr: np.ndarray) -> np.ndarray:
    """Which of `values` occur in `sorted_arr` (binary search per value)."""
    if not len(sorted_arr):
        return np.zeros(len(values), dtype=bool)
    at = sorted_arr.searchsorted(values)
    np.minimum(at, len(sorted_arr) - 1, out=at)
    return sorted_arr[at] == values


def _in_any(values: np.ndarray, group: Group) -> np.ndarray:
    mask = _member(values, group[0])
    for arr in group[1:]:
        mask |= _member(values, arr)
    return mask
