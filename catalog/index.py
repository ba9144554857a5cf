"""The matcher's read-only index over a catalog: tokens, postings, IDF, head nouns.

Products are renumbered into "prior order" (short names first, then popular first), so a
posting array sorted by number is already sorted best-first and candidate generation stops
at the first products that qualify (catalog.postings). The index lives in a file
(catalog.index_build writes it, catalog.index_store keeps one per catalog version) that every
server process maps read-only.
"""
from __future__ import annotations

import gc
import io
import math
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from catalog.model import Product
from catalog.index_format import Sections, map_file
from catalog.normalize import STOPWORDS, content_tokens, said_variants, segments, tokens

# Words naming a container or amount rather than the food: "Bag of Organic Bananas" is
# bananas, "Cilantro Bunch" is cilantro.
PACKAGING = frozenset({
    "bag", "box", "head", "bunch", "loaf", "can", "jar", "pack", "case", "bottle", "carton",
    "dozen", "cup", "piece", "slice", "stick", "stalk", "ear", "sprig", "container", "tub",
    "jug", "pouch", "packet", "tray", "family", "size", "value", "lb", "oz", "ct", "gal", "fl",
    "pint", "quart", "liter", "gram", "kg", "ml", "each", "single", "serve", "multipack",
    "clamshell", "bulk", "roll", "count", "pk",
})
# Category words that often close a name after the real noun: "Froot Loops Cereal",
# "Penne Pasta". The word before them becomes a secondary head.
CATEGORY_WORDS = frozenset({
    "cereal", "snack", "food", "mix", "drink", "beverage", "spread", "sauce", "dinner",
    "meal", "blend", "bar", "pasta", "soup", "juice", "dressing", "seasoning", "cracker",
})
_CUT_WORDS = frozenset({"with", "without", "in", "on", "for", "made", "from"})
HEADNESS_MIN = 0.12  # share of a word's names that end in it, below which it is a modifier
STRONG_HEADNESS = 0.3  # above it, a word closing a segment is taken as the head outright
RARE_DF = 5  # a word in at most this many products may be the catalog's own misspelling
_EMPTY: tuple = ()


def _is_number(tok: str) -> bool:
    return tok[:1].isdigit()


def noun_segment(seg: list[str]) -> list[str]:
    """The part of a name segment that holds its head noun, content tokens only.

    Cuts at "with/in/for..." ("Mussels in Garlic Sauce") and skips a leading
    "<packaging> of" ("Bag of Organic Bananas"); other "X of Y" keep their last noun
    ("Cream of Mushroom Soup").
    """
    for i, tok in enumerate(seg):
        if tok in _CUT_WORDS and i > 0:
            seg = seg[:i]
            break
    if "of" in seg:
        k = seg.index("of")
        before = content_tokens(seg[:k])
        if all(t in PACKAGING or _is_number(t) for t in before) and k + 1 < len(seg):
            seg = seg[k + 1:]
    return content_tokens(seg)


def strip_measure(toks: list[str]) -> list[str]:
    """Drop a leading amount: "a bag of apples" -> apples, "2 lb of red grape" -> red grape.
    Only when "of" follows words that are all numbers, packaging or stopwords."""
    if "of" not in toks:
        return toks
    k = toks.index("of")
    if k + 1 < len(toks) and all(t in PACKAGING or _is_number(t) or t in STOPWORDS
                                 for t in toks[:k]) and any(t in PACKAGING for t in toks[:k]):
        return toks[k + 1:]
    return toks


def _last_noun(toks: Sequence[str], headness: Mapping[str, float], skip_weak: bool) -> int:
    """Index of the head in `toks` scanning from the end, or -1.

    With `skip_weak`, a trailing word that rarely ends a name is passed over when the word
    before it usually does ("Red Seedless Grapes Imported", "Eggplant Large"), but not when
    both are weak ("Beef Hot Dogs" stays dogs)."""
    for i in range(len(toks) - 1, -1, -1):
        tok = toks[i]
        if _is_number(tok) or tok in PACKAGING:
            continue
        if skip_weak and i > 0:
            weak = headness.get(tok, 1.0)
            before = headness.get(toks[i - 1], 0.0)
            if weak < HEADNESS_MIN and before >= max(2 * HEADNESS_MIN, 3 * weak):
                continue
        return i
    return -1


def head_nouns(segs: Iterable[Sequence[str]], headness: Mapping[str, float]) -> tuple[str, ...]:
    """The words a shopper would use for what this product *is*, main one first.
    `segs` are the name's segments as returned by `noun_segment`.

    One candidate per comma segment, up to the first that is clearly a noun ("Low Fat, Small
    Curd Cottage Cheese" is cheese). A generic category word closing the name also lends
    the role to the word before it ("Froot Loops Cereal"), as a secondary head.
    """
    found: list[str] = []
    secondary: list[str] = []
    for toks in segs:
        i = _last_noun(toks, headness, skip_weak=True)
        if i < 0:
            continue
        found.append(toks[i])
        if toks[i] in CATEGORY_WORDS and i > 0:
            j = _last_noun(toks[:i], headness, skip_weak=False)
            if j >= 0:
                secondary.append(toks[j])
        if headness.get(toks[i], 0.0) >= STRONG_HEADNESS or len(found) >= 3:
            break
    # the clearest noun leads: a weak first segment ("Low Fat") yields to a later one
    found.sort(key=lambda t: headness.get(t, 0.0) < STRONG_HEADNESS)
    return tuple(dict.fromkeys(found + secondary))


def query_head(toks: list[str]) -> str | None:
    """The head noun of a spoken phrase: its last noun, "X of Y" and "with" handled."""
    content = noun_segment(toks)
    i = _last_noun(content, {}, skip_weak=False)
    return content[i] if i >= 0 else None


class CatalogIndex:
    """The index over one catalog, read in place from its file (catalog.index_build writes
    it): postings and per-product data are views of a read-only mapping, shared by every
    process that maps the same file; so are the fuzzy vocabulary's tables and the category
    tables (the builder computes them once). Only the word list, its ids and IDF are held per
    process. Never mutated after load; safe to share between threads.

    `CatalogIndex(products)` builds in memory (tests, one-off tools); servers use `open`.
    """

    def __init__(self, products: Iterable[Product] = (), *, meta: dict | None = None) -> None:
        from catalog.index_build import write_index
        out = io.BytesIO()
        write_index(products, out, meta)
        self._load(out.getbuffer().toreadonly(), None)

    @classmethod
    def open(cls, path: Path) -> "CatalogIndex":
        """Map the index file at `path` (IndexFileError when it is not a complete one)."""
        ix = cls.__new__(cls)
        ix._load(map_file(path), path)
        return ix

    def _load(self, buf: Any, path: Path | None) -> None:
        from catalog.index_views import load_views
        self.path = path
        self.meta: dict = {}
        self._departments: dict[int, str | None] = {}
        load_views(self, Sections(buf))

    def __len__(self) -> int:
        return self.n

    def department(self, pid: int) -> str | None:
        """The product's department, decoded once per (aisle, department) pair."""
        place = self.rec.place(pid)
        if place not in self._departments:
            self._departments[place] = self.products[pid].department
        return self._departments[place]

    def posting_set(self, tok: str):
        """The products holding `tok`, a sorted array (empty when none)."""
        return self.postings.get(tok, _EMPTY)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Building allocates millions of small objects that all survive; the cyclic collector
    would rescan them again and again (a third of the build time) to find nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _popularity(p: Product) -> float:
    """Popularity as a finite number >= 0 whatever the catalog said."""
    try:
        value = float(p.popularity)
    except (TypeError, ValueError):
        return 0.0
    return value if math.isfinite(value) and value > 0 else 0.0


def _parse_all(products: Iterable[Product], keep: Any = None) -> list[tuple]:
    """(product, noun segments, name tokens, alias tokens, full string, synonyms, context).
    `keep(product)` replaces the product in its row (the builder keeps only what it writes)."""
    rows = []
    seen: set[str] = set()
    interned: dict[tuple, tuple] = {}
    contexts: dict[tuple, tuple] = {}
    for p in products:
        if p.id in seen:  # first wins, like the importer
            continue
        seen.add(p.id)
        segs = segments(p.name)
        full_toks = [t for s in segs for t in s]
        toks = tuple(dict.fromkeys(content_tokens(full_toks)))
        syn_strings, alias = _synonyms(p, toks)
        place = (p.aisle, p.department)
        ctx = contexts.get(place)
        if ctx is None:  # few distinct aisles: normalise each once
            ctx = contexts[place] = tuple(dict.fromkeys(content_tokens(
                tokens(f"{p.aisle or ''} {p.department or ''}"))))
        # only the noun parts of the segments are kept, as shared (interned) strings
        nouns = tuple(tuple(sys.intern(t) for t in noun_segment(seg)) for seg in segs)
        toks = tuple(sys.intern(t) for t in toks)
        rows.append((keep(p) if keep is not None else p, nouns, interned.setdefault(toks, toks), alias, " ".join(full_toks),
                     syn_strings, ctx))
    return rows


# What a spice aisle sells is dried, though its names rarely say so: a grocer's jar of oregano
# is named "Oregano". "dried" is one of its words as a synonym's are (found, not its name's), so
# "dried oregano" finds the jar, not the only names holding both words ("Cracklebred Sun
# Dried Tomato & Oregano" crackers, once added without a question).
SPICE_AISLE_WORDS = frozenset(content_tokens(tokens("spices seasonings")))
DRIED = tuple(tokens("dried"))


@lru_cache(maxsize=4096)
def _sold_dried(aisle: str | None) -> bool:
    return bool(aisle) and not SPICE_AISLE_WORDS.isdisjoint(content_tokens(tokens(aisle)))


def _synonyms(p: Product, name_toks: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Normalised synonym strings, and the words of synonyms and brand that the name lacks
    (they make the product findable as "trader joes hummus" without being its name)."""
    strings = []
    alias: dict[str, None] = {}
    if p.brand:
        brand = tokens(p.brand)
        alias.update((t, None) for t in content_tokens(brand) if t not in name_toks)
        # "annies", "m and ms", "mms": the brand said or typed without its punctuation
        alias.update((t, None) for t in said_variants(brand) if t not in name_toks)
    alias.update((t, None) for t in said_variants(name_toks) if t not in name_toks)
    if _sold_dried(p.aisle):
        alias.update((t, None) for t in DRIED if t not in name_toks)
    for syn in p.synonyms:
        toks = tokens(syn)
        if toks:
            strings.append(" ".join(toks))
            alias.update((t, None) for t in content_tokens(toks) if t not in name_toks)
    alias_toks = tuple(map(sys.intern, alias)) if alias else _EMPTY
    return (tuple(strings) if strings else _EMPTY), alias_toks


def _document_frequencies(toks: list[tuple], alias: list[tuple]) -> Counter:
    df: Counter = Counter()
    for name_toks, alias_toks in zip(toks, alias):
        df.update(name_toks)
        df.update(alias_toks)
    return df


def _headness(parsed: list[tuple], df: Mapping[str, int]) -> dict[str, float]:
    """How often each word closes a name: high for nouns (milk, cheese), low for modifiers."""
    last: Counter = Counter()
    for row in parsed:
        for toks in row[1]:
            i = _last_noun(toks, {}, skip_weak=False)
            if i >= 0:
                last[toks[i]] += 1
    return {t: last.get(t, 0) / c for t, c in df.items() if t not in STOPWORDS}
