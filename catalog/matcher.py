"""The spoken-item matcher: what a shopper said -> the product they meant, with confidence.

    matcher = Matcher.build(products)          # once; immutable, share it between threads
    match = matcher.resolve("two percent milk", history={"23909": 4})

Three steps, none of which scans the catalog:

1. *Read* the phrase (catalog.query): normalised words, plus readings with split words
   joined ("egg plant") or run-together words split; unknown words expand to close catalog
   words by spelling and sound.
2. *Candidates* from the inverted index (catalog.index, walked by catalog.postings, which
   stops once it has enough): products holding every word,
   widened to all-but-one when that is too few, capped at MAX_CANDIDATES in prior order
   (products whose head noun is the phrase's head first, then short names).
3. *Score* each candidate (below) and calibrate. If nothing scores GOOD_ENOUGH with the words
   as said, a second pass expands the known words too (homophones: "flower" -> flour).

Scoring is catalog.scoring's; the confidence it yields is read here: `sure` at SURE_CONFIDENCE,
nothing found below MATCH_THRESHOLD. Around the three steps: words as heard (catalog.hearing),
brands not carried (catalog.brands), vague and category requests (catalog.categories).
"""
from __future__ import annotations

import math
from dataclasses import replace
from collections.abc import Iterable, Iterator, Mapping, Sequence

from catalog.brands import brand_only, leading_brand
from catalog.hearing import as_heard
from catalog.categories import Categories, spoken_category
from catalog.candidates import intersection
from catalog.index import CatalogIndex
from catalog.memo import Memo
from catalog.model import Candidate, Match, Product
from catalog.normalize import (
    STOPWORDS, content_tokens, segments, tokens, trim_stopwords,
)
from catalog.passes import MAX_CANDIDATES, needs_second_pass, run_pass
from catalog.plurals import PluralPlaces
from catalog.query import Reading, readings
from catalog.variants import variant_key
from catalog.scoring import (
    EXACT_SYNONYM, FITS, MATCH_THRESHOLD, Scores, apply_aisle_prior, score, surface_of,
)

# A best match is `sure` (added without asking) only when it is an exact name or synonym, or
# its head noun is the phrase's and it holds every word said, at this confidence or above.
# Calibrated on the dev utterances against the 49,688-product catalog (bench/bench_matcher.py
# reports the precision of silent adds).
SURE_CONFIDENCE = 0.8
AMBIGUITY_MARGIN = 0.04  # near-equal variants within this of the best make the match ambiguous
MAX_ALTERNATIVES = 3
MAX_UNKNOWN_WORDS = 2  # leading words the catalog lacks, set aside to offer the plain product
BRAND_REST_CONFIDENCE = 0.95  # what follows them scores as an exact name or synonym
AMBIGUITY_DEPTH = 16  # ranked candidates looked through for differently named variants
KIND_BAND = 0.1  # how far below the best a kind may score and still be offered
MAX_OPTIONS = 3  # kinds offered in one question
MEMO_SIZE = 4096  # recent history-free answers kept per index
# phrases whose scores before history are kept per index: ~6 KB each at 50k products (~3 KB
# on the demo catalog, where an answer above is ~0.5 KB), so at most ~6 MB a worker; shoppers
# repeat a few hundred phrases
SCORED_MEMO_SIZE = 1024
MAX_HISTORY = 200  # history entries looked at per request
W_HISTORY = 0.2  # the usual product's bonus: 0.14 after one purchase, towards 0.2


class Matcher:
    """Resolves spoken item phrases against one catalog. Immutable after `build`."""

    def __init__(self, index: CatalogIndex, *, memo_size: int = MEMO_SIZE) -> None:
        self._ix = index
        # phrase -> Match for requests with no purchase history: shoppers repeat the same
        # few hundred phrases, and Match is frozen and the index immutable, so it is safe
        self._memo: Memo[str, Match] = Memo(memo_size)
        # phrase -> (tokens, readings, surface, scores before history) (Matcher._score)
        self._scored: Memo[str, tuple[list[str], list[Reading] | None, str, Scores]] = \
            Memo(min(memo_size, SCORED_MEMO_SIZE))
        # built on the first request (two threads may both build it: the same, harmlessly)
        self._categories: Categories | None = None
        self._plurals = PluralPlaces(index)

    @classmethod
    def build(cls, products: Iterable[Product], *, memo_size: int = MEMO_SIZE) -> "Matcher":
        """Index `products` (duplicate ids: the first wins). `memo_size` 0 turns off the memo
        of recent answers (the benchmarks measure the work itself)."""
        return cls(CatalogIndex(products), memo_size=memo_size)

    def __len__(self) -> int:
        return len(self._ix.products)

    @property
    def products(self) -> Sequence[Product]:
        return self._ix.products

    def __iter__(self) -> Iterator[Product]:
        return iter(self._ix.products)

    def variants_of(self, product: Product) -> list[Product]:
        """`product` and the catalog's other sizes of it (catalog.variants), from the index's
        precomputed groups: no pass over the catalog."""
        ix = self._ix
        pid = ix.by_id.get(product.id)
        if pid is None:
            return [product]
        indexed = ix.products[pid]
        # the same object (what resolve returned) has the same key: two regex passes saved
        if indexed is not product and variant_key(indexed) != variant_key(product):
            return [product]
        g = ix.vgroup[pid]
        members = ix.vmembers[ix.vmembers_off[g]:ix.vmembers_off[g + 1]].tolist()
        return [product] + [ix.products[p] for p in members if p != pid]

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
        if history:
            return self._resolve(phrase, history)
        memo = self._memo.get(phrase)
        if memo is None:
            memo = self._memo.keep(phrase, self._resolve(phrase, None))
        return memo

    def _resolve(self, phrase: str, history: Mapping[str, float] | None) -> Match:
        scored = self._scored.get(phrase)
        if scored is None:
            scored = self._scored.keep(phrase, self._score(phrase))
        toks, done, surface, prior = scored
        if done is None:  # no word that names anything ("the", "some")
            return Match(phrase, None)
        scores = dict(prior)  # the history below lifts this shopper's products in a copy
        usual: set[int] = set()
        if history and done:
            usual = self._apply_history(done, history, scores, surface)
        match = self._answer(phrase, scores, usual)
        if match.best is not None and match.sure and match.best.confidence < EXACT_SYNONYM \
                and (_other_kind(match, toks) or self._misheard(match, done[0] if done else None)):
            match = replace(match, sure=False, ambiguous=False, options=())
        elif match.best is not None and match.sure and not match.ambiguous \
                and self._plurals.other_thing(phrase, match.best.product):
            # "mints" -> the herb Mint, where the catalog's Mints are candies: asked about
            match = replace(match, sure=False)
        category = self._category(phrase, toks, match)
        if category is not None:
            return category
        if match.best is None or not match.sure:
            return self._other_brand(phrase, toks, history) or match
        return match

    def _score(self, phrase: str) -> tuple[list[str], list[Reading] | None, str, Scores]:
        """The phrase's readings and its candidates' scores before any shopper's history:
        the same for every shopper, so kept per phrase (a returning shopper's every item is
        resolved with their history, issue 22)."""
        toks = as_heard(tokens(phrase), self._ix.idf, self._ix.head_sets)
        said = content_tokens(toks)
        if not said:
            return toks, None, "", {}
        ix = self._ix
        surface = surface_of(phrase)
        scores: Scores = {}
        done = readings(ix, toks, expand_known=False)
        complete = run_pass(ix, done, scores, surface, frozenset())
        expand = needs_second_pass(ix, done, scores)
        if expand:
            more = readings(ix, toks, expand_known=expand)
            # products that had every word as said keep their scores: neighbours of words
            # they already hold cannot lift them
            seen = complete if more and more[0].toks == done[0].toks else frozenset()
            run_pass(ix, more, scores, surface, seen, before=done)
            done += more
        # one word, as said or as heard ("rose merry" read as "rosemary"): a bare name. Not a
        # join of two words that are a name as said: "black beans" also reads "blackbean" (a
        # catalog word), and counted bare it made the produce aisle typical and added a cracker
        # filed there, "Black Bean with Onion & Garlic Crackers", without a question
        bare = len(said) == 1 or any(
            r.guess and len(content_tokens(r.toks)) == 1 for r in done)
        apply_aisle_prior(self._ix, scores, bare=bare)
        return toks, done, surface, scores

    def _misheard(self, match: Match, said: Reading | None) -> bool:
        """"mild cashews" -> Milk Chocolate Cashews: a word said that the catalog uses widely
        ("mild": mild salsa, mild cheddar) is in the best product only as a close word. That
        is a guess, asked about. A word the catalog itself has rarely ("chickn", one product's
        misspelling) is still read as the common word it is close to."""
        if said is None:
            return False
        ix = self._ix
        toks, alias, ctx = ix.rec(ix.by_id[match.best.product.id])[:3]
        have = {*toks, *alias, *ctx}
        words = [p.word for p in said.positions]
        for a, b in zip(words, words[1:]):  # "low fat" found as "lowfat", "sour dough" as one
            if a + b in have:
                have.update((a, b))
        return any(w not in have and w.isalpha() and w in ix.idf and ix.idf[w] < ix.rare_idf
                   for w in words)

    def _category(self, phrase: str, toks: list[str], match: Match) -> Match | None:
        """"something for breakfast", "some fruit": the kinds most bought there, as a choice.
        A product's own name or synonym said without a vague word stays that product."""
        if self._categories is None:
            self._categories = Categories(self._ix)
        found = self._categories.read(toks)
        if found is None:
            return None
        best = match.product
        if found.sorts:  # "chips": only instead of a choice between two of the same sort
            if not match.ambiguous or len({_sort(o.product.name) for o in match.options}) > 1:
                return None
        elif not found.vague and best is not None and match.sure and (
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
        # the alternatives are no surer than the product offered: none of them is the brand
        alternatives = tuple(Candidate(c.product, min(c.confidence, _confidence(confidence)))
                             for c in plain.alternatives)
        return Match(phrase, Candidate(plain.best.product, _confidence(confidence)),
                     alternatives, sure=False, not_carried=brand)

    def _carries(self, words: tuple[str, ...]) -> bool:
        """True when some product's brand, or its name, holds these words in this order."""
        ix = self._ix
        content = [w for w in words if w not in STOPWORDS]
        if not content or not all(w in ix.idf for w in content):
            return False
        needle = f" {' '.join(words)} "
        for pid in intersection(ix, content)[:MAX_CANDIDATES]:
            brand = ix.products[pid].brand
            if needle in f" {ix.full[pid]} " or (brand and needle in f" {' '.join(tokens(brand))} "):
                return True
        return False

    # -- scoring --------------------------------------------------------------------------

    def _apply_history(self, rs: list[Reading], history: Mapping[str, float],
                       scores: Scores, surface: str) -> set[int]:
        """The shopper's usual product wins among those that fit the phrase: "milk" is their
        skim milk. It never lifts a product lacking a word they said ("two percent milk")
        or whose main noun is another ("bananas" is not their banana pudding). Returns the
        products lifted."""
        ix = self._ix
        items = sorted(history.items(), key=lambda kv: -_count(kv[1]))[:MAX_HISTORY]
        found = ((ix.by_id.get(k), _count(v)) for k, v in items)
        pids = {pid: count for pid, count in found if pid is not None and count > 0}
        missing = [pid for pid in pids if pid not in scores]
        for r in rs:
            score(self._ix, r, missing, scores, surface)
        lifted = set()
        for pid, count in pids.items():
            entry = scores.get(pid)
            if entry and entry[2] == FITS and entry[0] >= MATCH_THRESHOLD:
                bonus = W_HISTORY * math.sqrt(count / (count + 1.0))
                scores[pid] = (entry[0] + bonus,) + entry[1:]
                lifted.add(pid)
        return lifted

    # -- answer ---------------------------------------------------------------------------

    def _answer(self, phrase: str, scores: Scores, usual: set[int]) -> Match:
        ix = self._ix
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1][0], kv[0]))[:AMBIGUITY_DEPTH]
        if not ranked or ranked[0][1][0] < MATCH_THRESHOLD:
            return Match(phrase, None)
        best = Candidate(ix.products[ranked[0][0]], _confidence(ranked[0][1][0]))
        # the shopper's usual product settles a bare noun; without it "water" is a question
        ambiguous = self._ambiguous(ranked, _bare_noun(phrase) and ranked[0][0] not in usual)
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
        sure = bool(exact) or (fits == FITS and best.confidence >= SURE_CONFIDENCE)
        if sure and not exact and not ambiguous \
                and any(entry[1] and entry[2] == FITS for _, entry in ranked[1:]):
            # a product named exactly what was said ranks below the best (the aisle prior
            # prefers fresh "Garlic Cloves" for "cloves", where "Cloves" the spice exists):
            # the best is a guess, asked about, never added unasked
            sure = False
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
        fitting = [(pid, e) for pid, e in ranked if e[2] == FITS and top - e[0] <= KIND_BAND]
        fitting.sort(key=lambda r: (-ix.products[r[0]].popularity, -r[1][0]))
        kinds: list[Candidate] = []
        for pid, entry in fitting:
            if ix.full[pid] not in {ix.full[ix.by_id[k.product.id]] for k in kinds}:
                kinds.append(Candidate(ix.products[pid], _confidence(entry[0])))
            if len(kinds) == MAX_OPTIONS:
                break
        return tuple(kinds)

    def _ambiguous(self, ranked: list[tuple[int, tuple[float, int, bool]]], bare: bool) -> bool:
        """True when a differently named variant of the same thing is nearly as good:
        "milk" -> whole / 2% / skim, each a milk first of all (apple juice is no variant of
        apples). Same-name rows (brands, sizes) are not a question for the shopper, and an
        exact name or synonym beats looser variants. A bare noun ("water") that names no
        product exactly leaves every kind of it open (tonic, spring, sparkling): kinds as far
        as KIND_BAND below the best are still a question, never a silent pick."""
        full = self._ix.full
        p1, (s1, exact1, fits1) = ranked[0]
        margin = KIND_BAND if bare and not exact1 else AMBIGUITY_MARGIN
        for p2, (s2, exact2, fits2) in ranked[1:]:
            if s1 - s2 > margin or s2 < MATCH_THRESHOLD:
                return False
            if full[p2] == full[p1]:
                continue
            return fits1 == fits2 == FITS and not (exact1 and not exact2)
        return False


# Compounds whose last word names another thing: root beer is no beer, peanut butter no butter
OTHER_KINDS = frozenset({
    ("root", "beer"), ("ginger", "ale"), ("ginger", "beer"), ("birch", "beer"), ("cream", "soda"),
    ("peanut", "butter"), ("apple", "butter"), ("cocoa", "butter"), ("shea", "butter"),
    ("hot", "dog"), ("corn", "dog"), ("jelly", "bean"), ("egg", "cream"), ("dog", "food"),
    ("cat", "food"), ("baby", "food"),
})


def _other_kind(match: Match, toks: list[str]) -> bool:
    """"beer" -> Root Beer: the best product's name closes with a compound naming another
    thing, and the phrase lacks its first word. Such a match is a guess, asked about."""
    said = set(toks)
    words = tokens(match.best.product.name)
    return any((a, b) in OTHER_KINDS and b in said and a not in said
               for a, b in zip(words, words[1:]))


def _bare_noun(phrase: str) -> bool:
    """The phrase is one content word: a kind of thing ("water"), with nothing to choose by."""
    return len(content_tokens(tokens(phrase))) == 1


def _sort(name: str) -> str:
    """The last two words of a name: "Classic Potato Chips" and "Original Potato Chips" are
    one sort of chips, "Whole Milk" and "2% Reduced Fat Milk" two sorts of milk."""
    return " ".join(tokens(name)[-2:])


def _confidence(score: float) -> float:
    return round(min(0.99, max(0.0, score)), 3)


def _count(value: float) -> float:
    try:
        return max(0.0, float(value))
    except (TypeError, ValueError):
        return 0.0
