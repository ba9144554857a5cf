"""The matcher's two passes over a phrase's readings (catalog.matcher calls them).

The first pass takes the words as said. A second one adds the catalog words close to them
(catalog.query's neighbours) when nothing fits well ("flower" for flour), or when a word said
is so rare in the catalog that it is more likely a misspelling there ("mozzarela"). Each pass
takes a reading's candidates (catalog.candidates: every word, or every word but one when too
few have them all) and scores them (catalog.scoring) into one table of best scores.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

from catalog.candidates import full_candidates, partial_candidates
from catalog.index import CatalogIndex
from catalog.query import MAX_NEIGHBORS, Reading
from catalog.scoring import Scores, score

GOOD_ENOUGH = 0.8  # at or above this after the first pass, homophones are not tried
MAX_CANDIDATES = 64  # products scored per reading
SECOND_PASS_CANDIDATES = 32  # ... per reading of the second pass, whose best were scored already
MIN_FULL_MATCHES = 12  # fewer products with every word: also take those missing one word
COMMONER = 10  # a rare word said is read as a misspelling of a close word this much commoner
_LOG_COMMONER = math.log(COMMONER)


def needs_second_pass(ix: CatalogIndex, done: Sequence[Reading],
                      scores: Scores) -> bool | frozenset[str]:
    """Which known words to try neighbours of: all (True) when nothing fits well; a word as
    said so rare in the catalog that it is more likely a misspelling there ("mozzarela"),
    i.e. it has a close word at least COMMONER times as frequent, alone. A rare word with
    none ("finocchiona") is simply rare, and the first pass stands."""
    if max((entry[0] for entry in scores.values()), default=0.0) < GOOD_ENOUGH:
        return True
    if not done:
        return False
    idf = ix.idf
    return frozenset(
        pos.word for pos in done[0].positions
        if pos.word in idf and idf[pos.word] >= ix.rare_idf and pos.word.isalpha()
        and any(idf[other] <= idf[pos.word] - _LOG_COMMONER
                for other, _ in ix.vocab.neighbors(pos.word, MAX_NEIGHBORS)))


def run_pass(ix: CatalogIndex, rs: list[Reading], scores: Scores, surface: str,
             seen: frozenset[int], before: Sequence[Reading] = ()) -> frozenset[int]:
    """Score the readings' candidates into `scores`; returns the first reading's full
    matches. `seen`: the first reading's products to leave as they are. A reading of the same
    words as one `before` (the first pass) rescores only what it can lift."""
    k = MAX_CANDIDATES if not before else SECOND_PASS_CANDIDATES
    picked = [full_candidates(ix, r, k) for r in rs]
    complete = frozenset(picked[0]) if rs else frozenset()
    if rs and sum(map(len, picked)) < MIN_FULL_MATCHES:
        # nothing has every word: products missing one word of the phrase as said
        picked[0] += partial_candidates(ix, rs[0], set(picked[0]), k)
    earlier = {tuple(r.toks): r for r in before}
    for i, (reading, pids) in enumerate(zip(rs, picked)):
        if i == 0 and seen:
            pids = [p for p in pids if p not in seen]
        same = earlier.get(tuple(reading.toks))
        if same is not None:
            pids = _liftable(ix, reading, same, pids, scores)
        score(ix, reading, pids, scores, surface)
    return complete


def _liftable(ix: CatalogIndex, reading: Reading, same: Reading, pids: list[int],
              scores: Scores) -> list[int]:
    """Of `pids`, those `reading` may score higher than `same` did: any not scored yet, and
    those holding a word whose weights changed (a neighbour added in the second pass). A
    product holding none scores exactly as before (same positions, weights, head and text),
    and `scores` already keeps its best."""
    changed = {t for t, e in reading.qmap.items() if same.qmap.get(t) != e}
    rec = ix.rec
    out = []
    for pid in pids:
        if pid not in scores:
            out.append(pid)
            continue
        toks, alias, ctx = rec(pid)[:3]
        if not (changed.isdisjoint(toks) and changed.isdisjoint(alias)
                and changed.isdisjoint(ctx)):
            out.append(pid)
    return out
