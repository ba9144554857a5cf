"""How the matcher reads a spoken phrase: positions with weighted alternative words.

A phrase becomes one or more *readings* (as said; with split words joined, "egg plant" ->
eggplant; with run-together words split). Each content word of a reading is a *position*
holding the catalog words it may stand for, with weights: the word itself 1.0, spelling
and sound neighbours less (see catalog.phonetic).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from catalog.index import CatalogIndex, query_head, strip_measure
from catalog.normalize import STOPWORDS, content_tokens, singular, trim_stopwords

MAX_POSITIONS = 8  # longer phrases keep their most informative words
MAX_NEIGHBORS = 8
MAX_READINGS = 4
COMMONER_BONUS = 0.08  # at most, for a neighbour far more frequent in the catalog ...
COMMONER_SLOPE = 0.03  # ... per factor of ten in frequency
MAX_NEIGHBOR_WEIGHT = 0.97  # a neighbour never outweighs the word actually said


@dataclass(slots=True)
class Position:
    word: str
    exp: dict[str, float]
    idf: float


@dataclass(slots=True)
class Reading:
    """One interpretation of the phrase. `qmap` inverts positions: word -> [(pos, weight)]."""

    toks: list[str]
    positions: list[Position]
    head: int | None
    text: str = ""
    total: float = 0.0
    guess: bool = False  # two words joined into one the catalog lacks: never added unasked
    qmap: dict[str, list[tuple[int, float]]] = field(default_factory=dict)

    def finish(self) -> "Reading":
        self.text = " ".join(trim_stopwords(self.toks))
        self.total = sum(p.idf for p in self.positions) or 1.0
        qmap: dict[str, list[tuple[int, float]]] = {}
        for i, pos in enumerate(self.positions):
            for word, weight in pos.exp.items():
                qmap.setdefault(word, []).append((i, weight))
        self.qmap = qmap
        return self


def readings(ix: CatalogIndex, toks: list[str], *,
             expand_known: bool | frozenset[str]) -> list[Reading]:
    """The readings of normalised tokens `toks`. `expand_known` adds neighbours of words the
    catalog knows too (second pass, for homophones such as "flower" for flour); a set: of
    those words only."""
    variants = [toks]
    variants += _joined(ix, toks, fuzzy=bool(expand_known))
    variants += _split(ix, toks)
    memo: dict[str, Position] = {}  # readings share most words: look each up once
    out = []
    for variant in variants[:MAX_READINGS]:
        reading = _reading(ix, variant, expand_known, memo)
        if reading.positions:
            # "rose merry" -> "rosemerry" -> rosemary: two guesses in a row, asked about
            reading.guess = len(variant) < len(toks) and any(
                w not in ix.idf and w not in toks for w in variant)
            out.append(reading.finish())
    return out


def _reading(ix: CatalogIndex, toks: list[str], expand_known: bool | frozenset[str],
             memo: dict[str, Position]) -> Reading:
    # a word said twice ("half and half", "milk milk") is one position
    content = list(dict.fromkeys(content_tokens(strip_measure(toks))))
    head_word = query_head(toks)
    positions = []
    for word in content:
        if word not in memo:
            expand = expand_known if isinstance(expand_known, bool) else word in expand_known
            memo[word] = _position(ix, word, expand)
        positions.append(memo[word])
    head = None
    if head_word is not None:
        head = max(i for i, p in enumerate(positions) if p.word == head_word)
    if len(positions) > MAX_POSITIONS:
        keep = sorted(range(len(positions)), key=lambda i: -positions[i].idf)[:MAX_POSITIONS]
        if head is not None and head not in keep:
            keep[-1] = head
        keep.sort()
        head = keep.index(head) if head is not None else None
        positions = [positions[i] for i in keep]
    return Reading(toks, positions, head)


def _position(ix: CatalogIndex, word: str, expand_known: bool) -> Position:
    idf = ix.idf.get(word)
    if idf is not None and (not expand_known or not word.isalpha()):
        return Position(word, {word: 1.0}, idf)
    exp = {word: 1.0} if idf is not None else {}
    own_idf = ix.idf_max if idf is None else idf
    for other, weight in ix.vocab.neighbors(word, MAX_NEIGHBORS):
        # a much commoner catalog word is the likelier intent: "tumeric" (one product
        # misspells it) is turmeric, "stake" is steak rather than sake
        commoner = (own_idf - ix.idf[other]) / math.log(10)
        if commoner > 0:
            weight += min(COMMONER_BONUS, COMMONER_SLOPE * commoner)
        exp.setdefault(other, min(weight, MAX_NEIGHBOR_WEIGHT))
    if idf is None:
        idf = max((ix.idf[w] for w in exp), default=ix.idf_max)
    return Position(word, exp, idf)


def _joined(ix: CatalogIndex, toks: list[str], fuzzy: bool) -> list[list[str]]:
    """Readings with one pair of adjacent words written as one ("sour dough" -> sourdough).

    Data-driven: the joined word must be a catalog word or, on the fuzzy pass, close to
    one ("cheery os" -> cheerios, "rose merry" -> rosemary)."""
    out = []
    for i in range(len(toks) - 1):
        a, b = toks[i], toks[i + 1]
        if a in STOPWORDS or b in STOPWORDS or not (a.isalpha() and b.isalpha()):
            continue
        joined = singular(a + b)
        # Both readings are scored, so "ice cream" stays ice cream even if a brand writes
        # "icecream"; the close-word test runs on the fuzzy pass only, it costs a lookup.
        if joined in ix.idf or (fuzzy and len(joined) >= 6 and ix.vocab.neighbors(joined, 1)):
            # an unknown joined word is kept as said: its position expands to close words
            out.append(toks[:i] + [joined] + toks[i + 2:])
        if len(out) >= 2:
            break
    return out


def _split(ix: CatalogIndex, toks: list[str]) -> list[list[str]]:
    """Readings with an unknown run-together word split in two ("peanutbutter")."""
    out = []
    for i, word in enumerate(toks):
        if word in ix.idf or len(word) < 6 or not word.isalpha():
            continue
        for cut in range(3, len(word) - 2):
            left, right = word[:cut], singular(word[cut:])
            if left in ix.idf and right in ix.idf:
                out.append(toks[:i] + [left, right] + toks[i + 1:])
                break
        if len(out) >= 1:
            break
    return out
