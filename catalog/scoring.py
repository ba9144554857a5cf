"""Scoring candidates for one reading of a spoken phrase (catalog.matcher calls it).

Score = coverage x found x (W_BASE + W_HEAD*head + W_PCOV*name_coverage + W_RATIO*ratio)
        + popularity - out of stock; raised to 0.99 / 0.97 for an exact name / synonym;
        then x aisle prior, + history.
- coverage: IDF-weighted share of the spoken words found in the product, each at its match
  weight (exact 1, misspelt or homophone less; aisle/department words at W_CONTEXT);
- found: the IDF share of spoken words found at all, so a missing word costs twice;
- head: the phrase's head noun is the product's head noun ("bananas" wants "Bag of Organic
  Bananas", not "Banana Pudding");
- name_coverage: IDF-weighted share of the product's words that were spoken (unasked-for
  extras count against it);
- ratio: rapidfuzz ratio of the two normalised strings;
- aisle prior: up to W_AISLE off for products outside the aisle where most plausible
  matches live ("peanut butter" is the spread, not an ice cream of that name); a bare food
  name sold fresh is the fresh one ("rosemary" the herb, not the jar of that name).
The parts are in 0..1 and the weights sum to 1, so the score reads as a confidence:
exact ~0.97+, a good fuzzy match ~0.8, a poor one below MATCH_THRESHOLD (0.5).
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterable

from rapidfuzz import fuzz

from catalog.index import CatalogIndex
from catalog.normalize import fold
from catalog.query import Reading

MATCH_THRESHOLD = 0.5  # below this confidence the matcher answers "I couldn't find that"
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
# product number -> (score, exact: 0 / EXACT_BY_NAME / EXACT_BY_SYNONYM, fits: FITS when the
# product has every word said and is first of all what the phrase's head noun names; FITS_AS_HEARD
# when that holds only for a reading that guessed at the words ("rose merry" as "rosemary") or
# through a close word standing in for a head word said ("beer" for "beet"), which is never
# added unasked; 0 otherwise)
Scores = dict[int, tuple[float, int, int]]
EXACT_BY_NAME, EXACT_BY_SYNONYM = 1, 2
FITS_AS_HEARD, FITS = 1, 2

EXACT_NAME = 0.99
EXACT_SYNONYM = 0.97
W_BASE, W_HEAD, W_PCOV, W_RATIO = 0.45, 0.25, 0.15, 0.15
W_CONTEXT = 0.5
SECONDARY_HEAD = 0.85  # a head lent by a category word ("Froot Loops Cereal") counts less
W_AISLE = 0.25  # weight of the aisle prior: an atypical aisle costs up to 25%
PLAUSIBLE_SHARE = 0.8  # candidates within 80% of the best vote for the typical aisle
SURFACE_BONUS = 0.005
PRUNE_SHARE = 0.6  # candidates below 60% of the best so far are not worth finishing
W_POPULARITY = 0.02
OUT_OF_STOCK_PENALTY = 0.02
# Departments of fresh food (as _department_words reads them): a bare name sold there means
# the fresh thing
FRESH_DEPARTMENTS = frozenset({"produce", "fresh produce", "fruits vegetables",
                               "fruit vegetables", "fresh fruits vegetables"})


def score(ix: CatalogIndex, r: Reading, pids: Iterable[int], out: Scores,
          surface: str = "") -> None:
    """Score `pids` for reading `r` into `out` (keeping each product's best score).
    Products that cannot reach PRUNE_SHARE of the best so far are skipped unstored."""
    record, products = ix.rec, ix.products
    idf, qmap, head, text, total = ix.idf, r.qmap, r.head, r.text, r.total
    qidf = [p.idf for p in r.positions]
    n = len(qidf)
    # per spoken word once, not per product: its positions and weights, and what it adds to
    # the name's coverage when a product's name holds it
    said = {t: (e, idf[t] * max(w for _, w in e)) for t, e in qmap.items() if t in idf}
    head_weight = {t: w for t, e in qmap.items() for i, w in e if i == head}
    # A head word said that names products of the catalog is what was asked for: a close word
    # standing in for it makes a guess ("canned beets" read as "canned beer", since "beet" is
    # rare and "beer" ten times commoner), asked about, never added unasked
    head_said = r.positions[head].word if head is not None else None
    said_kind = head_said is not None and head_said in ix.head_sets
    floor = PRUNE_SHARE * max((entry[0] for entry in out.values()), default=0.0)
    for pid in pids:
        # one decoded record per product: its words, name, synonyms, weights, stock
        toks, alias, ctx, heads, full, syns, mass, pop, in_stock = record(pid)
        best = [0.0] * n
        matched = 0.0
        for t in toks:
            hit = said.get(t)
            if hit is not None:
                for i, w in hit[0]:
                    if w > best[i]:
                        best[i] = w
                matched += hit[1]
        for t in alias:  # synonyms' words: found, but not the name's own
            for i, w in qmap.get(t, ()):
                if w > best[i]:
                    best[i] = w
        if min(best) < W_CONTEXT:
            for t in ctx:
                for i, w in qmap.get(t, ()):
                    if W_CONTEXT * w > best[i]:
                        best[i] = W_CONTEXT * w
        cover = missing = 0.0
        for b, q in zip(best, qidf):
            cover += b * q
            if b == 0.0:
                missing += q
        if cover <= 0.0:
            continue
        head_hit = 0.0
        primary = False
        head_tok = None
        if head_weight:
            role = 1.0
            for t in heads:
                w = head_weight.get(t, 0.0) * role
                if w > head_hit:
                    head_hit = w
                    primary = role == 1.0
                    head_tok = t
                role = SECONDARY_HEAD
        found = (cover / total) * (1.0 - missing / total)
        partial = W_BASE + W_HEAD * head_hit + W_PCOV * min(1.0, matched / mass)
        by_name = full == text
        # a synonym is the grocer's word: it counts as such even when it repeats the name
        exact = EXACT_BY_SYNONYM if text in syns else (EXACT_BY_NAME if by_name else 0)
        if not exact and found * (partial + W_RATIO) + W_POPULARITY < floor:
            continue
        score = found * (partial + W_RATIO * fuzz.ratio(text, full) / 100.0)
        if exact:
            score = max(score, EXACT_NAME if by_name else EXACT_SYNONYM)
            if surface and surface_of(products[pid].name) == surface:
                score += SURFACE_BONUS  # "apples" prefers "Apples" to "Apple"
        score += W_POPULARITY * pop
        if not in_stock:
            score -= OUT_OF_STOCK_PENALTY
        old = out.get(pid)
        if old is None or score > old[0]:
            fits = 0
            if primary and missing == 0.0:
                fits = FITS_AS_HEARD if r.guess or (said_kind and head_tok != head_said) else FITS
            out[pid] = (score, exact, fits)
            floor = max(floor, PRUNE_SHARE * score)

def apply_aisle_prior(ix: CatalogIndex, scores: Scores, *, bare: bool = False) -> None:
    """Prefer the aisle where the plausible matches mostly live: "peanut butter" is the
    spread, not the ice cream flavour of that name; "cilantro" the fresh herb. A `bare` name
    (one word said, "rosemary", "apricots") that fits a fresh product is the fresh one, even
    where a jar or bag of dried ones carries the name exactly: fresh is what a grocery
    shopper names that way, and the dried kind is asked for as such ("dried rosemary")."""
    if len(scores) < 2:
        return
    top = max(entry[0] for entry in scores.values())
    floor = max(MATCH_THRESHOLD, PLAUSIBLE_SHARE * top)
    aisle = ix.aisle.codes  # compared by number: the names are not needed here
    # a bare name as heard counts the products its guessed reading fits
    need = FITS_AS_HEARD if bare else FITS
    mass: dict[int, float] = {}
    plausible = []
    for pid, (score, _, fits) in scores.items():
        if score >= floor and fits >= need:
            plausible.append(pid)
            mass[aisle[pid]] = mass.get(aisle[pid], 0.0) + score
    if len(mass) < 2:
        return
    fresh = {aisle[pid] for pid in plausible
             if _department_words(ix.department(pid)) in FRESH_DEPARTMENTS} if bare else ()
    heaviest = max(mass.values())
    share = {a: (1.0 if a in fresh else 0.0) if fresh else m / heaviest for a, m in mass.items()}
    for pid, (score, exact, fits) in scores.items():
        factor = share.get(aisle[pid], 0.0)
        if factor < 1.0 and exact != EXACT_BY_SYNONYM:
            # the grocer's own synonym outranks any aisle statistics
            scores[pid] = (score * (1.0 - W_AISLE * (1.0 - factor)), exact, fits)


@lru_cache(maxsize=1024)
def _department_words(name: str | None) -> str:
    """"Fruits & Vegetables" -> "fruits vegetables": letters and digits, "and" left out."""
    return " ".join(w for w in _NOT_ALNUM.sub(" ", fold(name or "")).split() if w != "and")


def surface_of(text: str) -> str:
    """Lowercase letters and digits only, before singular/plural folding."""
    return _NOT_ALNUM.sub("", fold(text))
