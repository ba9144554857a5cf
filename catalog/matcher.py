"""The spoken-item matcher: what a shopper said -> the product they meant, with confidence.

    matcher = Matcher.build(products)          # once; immutable, share it between threads
    match = matcher.resolve("two percent milk", history={"23909": 4})

Three steps, none of which scans the catalog:

1. *Read* the phrase (catalog.query): normalised words, plus readings with split words
   joined ("egg plant") or run-together words split; unknown words expand to close catalog
   words by spelling and sound.
2. *Candidates* from the inverted index (catalog.index): products holding every word,
   widened to all-but-one when that is too few, capped at MAX_CANDIDATES in prior order
   (products whose head noun is the phrase's head first, then short names).
3. *Score* each candidate (below) and calibrate. If nothing scores GOOD_ENOUGH with the words
   as said, a second pass expands the known words too (homophones: "flower" -> flour).

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
  matches live ("peanut butter" is the spread, not an ice cream of that name).
The parts are in 0..1 and the weights sum to 1, so the score reads as a confidence:
exact ~0.97+, a good fuzzy match ~0.8, a poor one below MATCH_THRESHOLD (0.5).
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping

from rapidfuzz import fuzz

from catalog.brands import brand_only, leading_brand
from catalog.hearing import as_heard
from catalog.categories import Categories, spoken_category
from catalog.candidates import head_words, intersect, intersection, position_set, top
from catalog.index import CatalogIndex
from catalog.model import Candidate, Match, Product
from catalog.normalize import (
    STOPWORDS, content_tokens, fold, segments, tokens, trim_stopwords,
)
from catalog.query import Reading, readings

# A best match is `sure` (added without asking) only when it is an exact name or synonym, or
# its head noun is the phrase's and it holds every word said, at this confidence or above.
# Calibrated on the dev utterances against the 49,688-product catalog (bench/bench_matcher.py
# reports the precision of silent adds).
SURE_CONFIDENCE = 0.8
MATCH_THRESHOLD = 0.5  # below this confidence `best` is None: "I couldn't find that"
GOOD_ENOUGH = 0.8  # at or above this after the first pass, homophones are not tried
AMBIGUITY_MARGIN = 0.04  # near-equal variants within this of the best make the match ambiguous
MAX_ALTERNATIVES = 3
MAX_UNKNOWN_WORDS = 2  # leading words the catalog lacks, set aside to offer the plain product
BRAND_REST_CONFIDENCE = 0.95  # what follows them scores as an exact name or synonym
AMBIGUITY_DEPTH = 16
KIND_BAND = 0.1  # how far below the best a kind may score and still be offered
MAX_OPTIONS = 3  # kinds offered in one question  # ranked candidates looked through for differently named variants
MEMO_SIZE = 4096  # recent history-free answers kept per index
MAX_CANDIDATES = 120  # products scored per reading
MIN_FULL_MATCHES = 12  # fewer products with every word: also take those missing one word
MAX_HISTORY = 200  # history entries looked at per request
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
# product number -> (score, exact: 0 / EXACT_BY_NAME / EXACT_BY_SYNONYM, fits: the product has
# every word said and is first of all what the phrase's head noun names)
Scores = dict[int, tuple[float, int, bool]]
EXACT_BY_NAME, EXACT_BY_SYNONYM = 1, 2

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
W_HISTORY = 0.2  # the usual product's bonus: 0.14 after one purchase, towards 0.2
OUT_OF_STOCK_PENALTY = 0.02


class Matcher:
    """Resolves spoken item phrases against one catalog. Immutable after `build`."""

    def __init__(self, index: CatalogIndex, *, memo_size: int = MEMO_SIZE) -> None:
        self._ix = index
        # phrase -> Match for requests with no purchase history: shoppers repeat the same
        # few hundred phrases, and Match is frozen and the index immutable, so it is safe
        self._memo: dict[str, Match] = {}
        self._memo_size = memo_size
        self._categories: Categories | None = None  # built on the first vague request

    @classmethod
    def build(cls, products: Iterable[Product], *, memo_size: int = MEMO_SIZE) -> "Matcher":
        """Index `products` (duplicate ids: the first wins). `memo_size` 0 turns off the memo
        of recent answers (the benchmarks measure the work itself)."""
        return cls(CatalogIndex(products), memo_size=memo_size)

    def __len__(self) -> int:
        return len(self._ix.products)

    @property
    def products(self) -> tuple[Product, ...]:
        return self._ix.products

    def __iter__(self) -> Iterator[Product]:
        return iter(self._ix.products)

    def get(self, product_id: str) -> Product | None:
        pid = self._ix.by_id.get(product_id)
        return None if pid is None else self._ix.products[pid]

    def is_known_name(self, phrase: str) -> bool:
        """True when the normalised phrase occurs as consecutive words of a product name or
        synonym: "half and half", "mac and cheese". Lets the parser keep such "and"s."""
        toks = trim_stopwords(tokens(phrase))
        words = [t for t in toks if t not in STOPWORDS]
        if not words:
            return False
        ix = self._ix
        needle = f" {' '.join(toks)} "
        for pid in intersection(ix, words):
            if any(needle in f" {s} " for s in ix.syns[pid]):
                return True
            # the phrase must not straddle a comma: "Bread, Butter Top Wheat" has no
            # "bread butter" in it
            if needle in f" {ix.full[pid]} " and any(
                    needle in f" {' '.join(seg)} " for seg in segments(ix.products[pid].name)):
                return True
        return False

    def resolve(self, phrase: str, *, history: Mapping[str, float] | None = None) -> Match:
        """The product `phrase` most likely means, up to 3 alternatives, and whether the
        shopper should choose. `history` maps product id -> times this shopper bought it."""
        if history or not self._memo_size:
            return self._resolve(phrase, history)
        memo = self._memo.get(phrase)
        if memo is None:
            memo = self._resolve(phrase, None)
            if len(self._memo) >= self._memo_size:
                self._memo.clear()
            self._memo[phrase] = memo
        return memo

    def _resolve(self, phrase: str, history: Mapping[str, float] | None) -> Match:
        toks = as_heard(tokens(phrase), self._ix.idf, self._ix.head_sets)
        if not content_tokens(toks):
            return Match(phrase, None)
        ix = self._ix
        surface = _surface(phrase)
        scores: Scores = {}
        done = readings(ix, toks, expand_known=False)
        complete = self._pass(done, scores, surface, frozenset())
        if self._needs_second_pass(done, scores):
            more = readings(ix, toks, expand_known=True)
            # products that had every word as said keep their scores: neighbours of words
            # they already hold cannot lift them
            seen = complete if more and more[0].toks == done[0].toks else frozenset()
            self._pass(more, scores, surface, seen)
            done += more
        self._apply_aisle_prior(scores)
        if history and done:
            self._apply_history(done, history, scores, surface)
        match = self._answer(phrase, scores)
        category = self._category(phrase, toks, match)
        if category is not None:
            return category
        if match.best is None or not match.sure:
            return self._other_brand(phrase, toks, history) or match
        return match

    def _category(self, phrase: str, toks: list[str], match: Match) -> Match | None:
        """"something for breakfast", "some fruit": the kinds most bought there, as a choice.
        A product's own name or synonym said without a vague word stays that product."""
        if self._categories is None:
            self._categories = Categories(self._ix)
        found = self._categories.read(toks)
        if found is None:
            return None
        best = match.product
        if not found.vague and best is not None and match.sure and (
                match.best.confidence >= EXACT_SYNONYM or match.ambiguous
                and found.name in ((best.aisle or "").casefold(), (best.department or "").casefold())):
            return None  # "cereal", "cheese": the matcher's own choice of kinds
        ix = self._ix
        options = tuple(Candidate(ix.products[pid], MATCH_THRESHOLD) for _, pid in found.kinds)
        return Match(phrase, options[0], options[1:], ambiguous=True, options=options,
                     sure=False, category=spoken_category(phrase) or found.name, kinds=tuple(k for k, _ in found.kinds))

    def _other_brand(self, phrase: str, toks: list[str],
                     history: Mapping[str, float] | None) -> Match | None:
        """"skippy peanut butter" where the catalog has no Skippy but "peanut butter" is a
        product's own name: a brand the store does not carry, and the plain product. Only a
        known national brand (catalog.brands) is named as such; other leading words the
        catalog lacks ("tree nut mix") make the plain product a guess to ask about."""
        idf = self._ix.idf
        n, brand = leading_brand(toks, self._carries)
        only = None
        if n:
            words, rest = content_tokens(toks[:n]), toks[n:]
        elif (only := brand_only(toks, self._carries)) is not None:  # "diet coke", "kleenex"
            words, rest, brand = content_tokens(toks), tokens(only[0]), only[1]
        else:
            words = content_tokens(toks)
            n = 0
            while n < min(len(words) - 1, MAX_UNKNOWN_WORDS) and words[n] not in idf:
                n += 1
            words, rest = words[:n], words[n:]
            if not words:
                return None
        plain = self._resolve(" ".join(rest), history)
        # the rest must be a product's own name or synonym: no brand before a loose match
        # (a generic name we chose ourselves, "oat cereal" for Cheerios, need only be sure)
        bar = SURE_CONFIDENCE if only is not None else BRAND_REST_CONFIDENCE
        if plain.best is None or not plain.sure or plain.not_carried or plain.best.confidence < bar:
            return None
        # the confidence that the plain product is what was said: the first words were not found
        said = len(content_tokens(rest))
        confidence = max(MATCH_THRESHOLD, plain.best.confidence * said / (said + len(words)))
        # one plain product is offered, not a choice: the shopper asked for one brand's
        return Match(phrase, Candidate(plain.best.product, _confidence(confidence)),
                     plain.alternatives, sure=False, not_carried=brand)

    def _carries(self, words: tuple[str, ...]) -> bool:
        """True when some product's brand, or its name, holds these words in this order."""
        ix = self._ix
        content = [w for w in words if w not in STOPWORDS]
        if not content or not all(w in ix.idf for w in content):
            return False
        needle = f" {' '.join(words)} "
        for pid in sorted(intersection(ix, content))[:MAX_CANDIDATES]:
            brand = ix.products[pid].brand
            if needle in f" {ix.full[pid]} " or (brand and needle in f" {' '.join(tokens(brand))} "):
                return True
        return False

    def _needs_second_pass(self, done: list[Reading], scores: Scores) -> bool:
        """Try neighbours of known words when nothing fits well, or when a word as said is
        so rare in the catalog that it is more likely a misspelling there ("mozzarela")."""
        if max((entry[0] for entry in scores.values()), default=0.0) < GOOD_ENOUGH:
            return True
        ix = self._ix
        return bool(done) and any(pos.word in ix.idf and ix.idf[pos.word] >= ix.rare_idf
                                  and pos.word.isalpha() for pos in done[0].positions)

    def _pass(self, rs: list[Reading], scores: Scores, surface: str,
              seen: frozenset[int]) -> frozenset[int]:
        """Score the readings' candidates; returns the first reading's full matches."""
        picked = [self._full_candidates(r) for r in rs]
        complete = frozenset(picked[0]) if rs else frozenset()
        if rs and sum(map(len, picked)) < MIN_FULL_MATCHES:
            # nothing has every word: products missing one word of the phrase as said
            picked[0] += self._partial_candidates(rs[0], set(picked[0]))
        for i, (reading, pids) in enumerate(zip(rs, picked)):
            self._score(reading, [p for p in pids if p not in seen] if i == 0 and seen else pids,
                        scores, surface)
        return complete

    # -- candidates ---------------------------------------------------------------------

    def _full_candidates(self, r: Reading) -> list[int]:
        """Products holding every word of the reading (or a neighbour of it)."""
        sets = [position_set(self._ix, pos.exp) for pos in r.positions]
        if not sets or not all(sets):
            return []
        return top(self._ix, intersect(sets), head_words(r), MAX_CANDIDATES)

    def _partial_candidates(self, r: Reading, exclude: set[int]) -> list[int]:
        sets = [s for s in (position_set(self._ix, pos.exp) for pos in r.positions) if s]
        if len(sets) < 2:
            return [] if not sets else top(self._ix, set(sets[0]) - exclude, head_words(r),
                                            MAX_CANDIDATES - len(exclude))
        extra: set[int] = set()
        for skip in range(len(sets)):
            extra |= intersect(sets[:skip] + sets[skip + 1:])
        return top(self._ix, extra - exclude, head_words(r), MAX_CANDIDATES - len(exclude))

    # -- scoring --------------------------------------------------------------------------

    def _score(self, r: Reading, pids: Iterable[int], out: Scores,
               surface: str = "") -> None:
        """Score `pids` for reading `r` into `out` (keeping each product's best score).
        Products that cannot reach PRUNE_SHARE of the best so far are skipped unstored."""
        ix = self._ix
        toks_a, alias_a, ctx_a, heads_a = ix.toks, ix.alias, ix.ctx, ix.heads
        full_a, syns_a, mass_a, pop_a, products = ix.full, ix.syns, ix.mass, ix.pop, ix.products
        idf, qmap, head, text, total = ix.idf, r.qmap, r.head, r.text, r.total
        qidf = [p.idf for p in r.positions]
        n = len(qidf)
        floor = PRUNE_SHARE * max((entry[0] for entry in out.values()), default=0.0)
        for pid in pids:
            best = [0.0] * n
            matched = 0.0
            for t in toks_a[pid]:
                e = qmap.get(t)
                if e is not None:
                    top = 0.0
                    for i, w in e:
                        if w > best[i]:
                            best[i] = w
                        if w > top:
                            top = w
                    matched += idf[t] * top
            for t in alias_a[pid]:  # synonyms' words: found, but not the name's own
                for i, w in qmap.get(t, ()):
                    if w > best[i]:
                        best[i] = w
            if min(best) < W_CONTEXT:
                for t in ctx_a[pid]:
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
            if head is not None:
                role = 1.0
                for t in heads_a[pid]:
                    for i, w in qmap.get(t, ()):
                        if i == head and w * role > head_hit:
                            head_hit = w * role
                            primary = role == 1.0
                    role = SECONDARY_HEAD
            found = (cover / total) * (1.0 - missing / total)
            partial = W_BASE + W_HEAD * head_hit + W_PCOV * min(1.0, matched / mass_a[pid])
            by_name = full_a[pid] == text
            # a synonym is the grocer's word: it counts as such even when it repeats the name
            exact = EXACT_BY_SYNONYM if text in syns_a[pid] else (EXACT_BY_NAME if by_name else 0)
            if not exact and found * (partial + W_RATIO) + W_POPULARITY < floor:
                continue
            score = found * (partial + W_RATIO * fuzz.ratio(text, full_a[pid]) / 100.0)
            if exact:
                score = max(score, EXACT_NAME if by_name else EXACT_SYNONYM)
                if surface and _surface(products[pid].name) == surface:
                    score += SURFACE_BONUS  # "apples" prefers "Apples" to "Apple"
            score += W_POPULARITY * pop_a[pid]
            if not products[pid].in_stock:
                score -= OUT_OF_STOCK_PENALTY
            old = out.get(pid)
            if old is None or score > old[0]:
                out[pid] = (score, exact, primary and missing == 0.0 and not r.guess)
                floor = max(floor, PRUNE_SHARE * score)

    def _apply_aisle_prior(self, scores: Scores) -> None:
        """Prefer the aisle where the plausible matches mostly live: "peanut butter" is the
        spread, not the ice cream flavour of that name; "cilantro" the fresh herb."""
        if len(scores) < 2:
            return
        top = max(entry[0] for entry in scores.values())
        floor = max(MATCH_THRESHOLD, PLAUSIBLE_SHARE * top)
        aisle = self._ix.aisle
        mass: dict[str, float] = {}
        for pid, (score, _, fits) in scores.items():
            if score >= floor and fits:
                mass[aisle[pid]] = mass.get(aisle[pid], 0.0) + score
        if len(mass) < 2:
            return
        heaviest = max(mass.values())
        for pid, (score, exact, fits) in scores.items():
            if exact == EXACT_BY_SYNONYM:
                continue  # the grocer's own synonym outranks any aisle statistics
            share = mass.get(aisle[pid], 0.0) / heaviest
            scores[pid] = (score * (1.0 - W_AISLE * (1.0 - share)), exact, fits)

    def _apply_history(self, rs: list[Reading], history: Mapping[str, float],
                       scores: Scores, surface: str) -> None:
        """The shopper's usual product wins among those that fit the phrase: "milk" is their
        skim milk. It never lifts a product lacking a word they said ("two percent milk")
        or whose main noun is another ("bananas" is not their banana pudding)."""
        ix = self._ix
        items = sorted(history.items(), key=lambda kv: -_count(kv[1]))[:MAX_HISTORY]
        pids = {ix.by_id[k]: _count(v) for k, v in items if k in ix.by_id and _count(v) > 0}
        missing = [pid for pid in pids if pid not in scores]
        for r in rs:
            self._score(r, missing, scores, surface)
        for pid, count in pids.items():
            entry = scores.get(pid)
            if entry and entry[2] and entry[0] >= MATCH_THRESHOLD:
                bonus = W_HISTORY * math.sqrt(count / (count + 1.0))
                scores[pid] = (entry[0] + bonus,) + entry[1:]

    # -- answer ---------------------------------------------------------------------------

    def _answer(self, phrase: str, scores: Scores) -> Match:
        ix = self._ix
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1][0], kv[0]))[:AMBIGUITY_DEPTH]
        if not ranked or ranked[0][1][0] < MATCH_THRESHOLD:
            return Match(phrase, None)
        best = Candidate(ix.products[ranked[0][0]], _confidence(ranked[0][1][0]))
        ambiguous = self._ambiguous(ranked)
        # When the shopper must choose, the options are read out ("whole, chocolate or
        # organic?") and must sound different: other brands and sizes of a name already
        # offered are left out. Otherwise alternatives follow the score, so other sizes of
        # the best ("a half gallon of whole milk") stay within reach of the dialog.
        names = {ix.full[ranked[0][0]]}
        alternatives = []
        for pid, entry in ranked[1:]:
            if entry[0] < MATCH_THRESHOLD * 0.8 or (ambiguous and ix.full[pid] in names):
                continue
            names.add(ix.full[pid])
            alternatives.append(Candidate(ix.products[pid], _confidence(entry[0])))
            if len(alternatives) == MAX_ALTERNATIVES:
                break
        _, exact, fits = ranked[0][1]
        sure = bool(exact) or (fits and best.confidence >= SURE_CONFIDENCE)
        # a choice among guesses ("socks": beef stock, chicken stock?) is no honest question:
        # the best guess alone is asked about
        ambiguous = ambiguous and sure
        options = self._kinds(ranked) if ambiguous else ()
        return Match(phrase, best, tuple(alternatives), ambiguous, options, sure)

    def _kinds(self, ranked: list[tuple[int, tuple[float, int, bool]]]) -> tuple[Candidate, ...]:
        """What to offer when the shopper must choose ("milk"): distinct kinds that fit and
        score within KIND_BAND of the best, the ones a grocer sells most first, so the question
        is "whole, 2% or organic?" rather than about a rare strawberry milk that scored alike."""
        ix = self._ix
        top = ranked[0][1][0]
        fitting = [(pid, e) for pid, e in ranked if e[2] and top - e[0] <= KIND_BAND]
        fitting.sort(key=lambda r: (-ix.products[r[0]].popularity, -r[1][0]))
        kinds: list[Candidate] = []
        for pid, entry in fitting:
            if ix.full[pid] not in {ix.full[ix.by_id[k.product.id]] for k in kinds}:
                kinds.append(Candidate(ix.products[pid], _confidence(entry[0])))
            if len(kinds) == MAX_OPTIONS:
                break
        return tuple(kinds)

    def _ambiguous(self, ranked: list[tuple[int, tuple[float, int, bool]]]) -> bool:
        """True when a differently named variant of the same thing is nearly as good:
        "milk" -> whole / 2% / skim, each a milk first of all (apple juice is no variant of
        apples). Same-name rows (brands, sizes) are not a question for the shopper, and an
        exact name or synonym beats looser variants."""
        full = self._ix.full
        p1, (s1, exact1, fits1) = ranked[0]
        for p2, (s2, exact2, fits2) in ranked[1:]:
            if s1 - s2 > AMBIGUITY_MARGIN or s2 < MATCH_THRESHOLD:
                return False
            if full[p2] == full[p1]:
                continue
            return fits1 and fits2 and not (exact1 and not exact2)
        return False


def _surface(text: str) -> str:
    """Lowercase letters and digits only, before singular/plural folding."""
    return _NOT_ALNUM.sub("", fold(text))


def _confidence(score: float) -> float:
    return round(min(0.99, max(0.0, score)), 3)


def _count(value: float) -> float:
    try:
        return max(0.0, float(value))
    except (TypeError, ValueError):
        return 0.0
