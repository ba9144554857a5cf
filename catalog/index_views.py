"""Read-side views of a mapped index file: what `CatalogIndex` exposes to the matcher.

Postings are numpy arrays over the mapping (no copy). Per-product data is decoded on demand
into one small tuple (`CatalogIndex.rec`), kept in a bounded per-process cache because
shoppers ask for the same few thousand products again and again; the `Product` itself is
decoded only for the finalists a reply names.
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

import numpy as np

from catalog.index_build import FORMAT_VERSION, SYN_SEP
from catalog.index_format import IndexFileError, Sections
from catalog.model import Product
from catalog.phonetic import FuzzyVocabulary
from catalog.vocab_file import MappedVocabulary

RECORD_CACHE = 1 << 15  # decoded per-product tuples kept per process (a few MB)
PRODUCT_CACHE = 1 << 12  # decoded Products kept per process
ID_CACHE = 1 << 14  # product id -> pid answers kept per process (about 2 MB at most)
_NO_POSTINGS = np.zeros(0, dtype="<i4")
_EMPTY: tuple = ()
_UNKNOWN = object()


def load_views(ix: Any, s: Sections) -> None:
    h = s.header
    if h.get("format") != FORMAT_VERSION:
        raise IndexFileError(f"index format {h.get('format')!r}, expected {FORMAT_VERSION}")
    n = ix.n = h["n"]
    ix.meta = h.get("meta") or {}
    words: list[str] = h["words"]
    ix.words = words
    ix.word_id = {w: i for i, w in enumerate(words)}
    df = s.array("df")
    counts = {w: c for w, c in zip(words, df.tolist()) if c > 0}
    ix.idf = {t: math.log((n + 1) / (c + 0.5)) for t, c in counts.items()}
    ix.idf_max = math.log((n + 1) / 0.5)
    ix.rare_idf = math.log((n + 1) / (5 + 0.5))  # catalog.index.RARE_DF
    # the fuzzy look-up tables the builder stored (a file without them: built here)
    ix.vocab = (MappedVocabulary(s, words, ix.word_id, df) if "fz.key" in s
                else FuzzyVocabulary(counts))
    ix.postings = Postings(ix.word_id, s.view("post.off", "q"), s.array("post"))
    ix.head_sets = Postings(ix.word_id, s.view("headpost.off", "q"), s.array("headpost"))
    ix.tops = Postings(ix.word_id, s.view("top.off", "q"), s.array("top"))
    ix.sections = s
    ix.rec = Records(s, words, [tuple(c) for c in h["ctxs"]])
    ix.toks, ix.alias, ix.ctx, ix.heads, ix.full, ix.syns, ix.mass, ix.pop = (
        Field(ix.rec, i) for i in range(8))
    ix.aisle = Table(s.view("aisle", "i"), h["aisles"])
    ix.products = Products(s)
    ix.by_id = ById(s)
    # each aisle's and department's kinds (catalog.categories), computed by the builder
    ix.category_tables = h.get("categories")
    ix.vgroup = s.view("vgroup", "i")
    ix.vmembers_off = s.view("vmembers.off", "q")
    ix.vmembers = s.view("vmembers", "i")


class Postings(Mapping):
    """word -> sorted int32 array of product numbers (words with none are absent)."""

    def __init__(self, word_id: dict[str, int], off: memoryview, flat: np.ndarray) -> None:
        self._ids, self._off, self._flat = word_id, off, flat

    def get(self, word: str, default: Any = None) -> Any:
        i = self._ids.get(word)
        if i is None:
            return default
        a, b = self._off[i], self._off[i + 1]
        return self._flat[a:b] if b > a else default

    def __getitem__(self, word: str) -> np.ndarray:
        got = self.get(word)
        if got is None:
            raise KeyError(word)
        return got

    def __contains__(self, word: object) -> bool:
        i = self._ids.get(word)  # type: ignore[arg-type]
        return i is not None and self._off[i + 1] > self._off[i]

    def __iter__(self) -> Iterator[str]:
        return (w for w in self._ids if w in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class Records:
    """pid -> (toks, alias, ctx, heads, full, syns, mass, pop, in_stock), cached."""

    def __init__(self, s: Sections, words: list[str], ctxs: list[tuple]) -> None:
        self._words, self._ctxs = words, ctxs
        self._lists = [(s.view(f"{k}.off", "q"), s.view(k, "i")) for k in ("tok", "alias", "heads")]
        self._ctx = s.view("ctx", "i")
        self._texts = [(s.view(f"{k}.off", "q"), s.view(k, "B")) for k in ("full", "syns")]
        self._mass, self._pop, self._stock = s.view("mass", "d"), s.view("pop", "d"), s.view("stock", "B")
        self._cache: dict[int, tuple] = {}

    def __call__(self, pid: int) -> tuple:
        rec = self._cache.get(pid)
        if rec is None:
            rec = self._decode(pid)
            if len(self._cache) >= RECORD_CACHE:
                self._cache.clear()
            self._cache[pid] = rec
        return rec

    def place(self, pid: int) -> int:
        """The number of the product's (aisle, department) pair."""
        return self._ctx[pid]

    def _decode(self, pid: int) -> tuple:
        words = self._words
        (to, tv), (ao, av), (ho, hv) = self._lists
        (fo, fv), (so, sv) = self._texts
        syns = str(sv[so[pid]:so[pid + 1]], "utf-8")
        return (tuple([words[i] for i in tv[to[pid]:to[pid + 1]].tolist()]),
                tuple([words[i] for i in av[ao[pid]:ao[pid + 1]].tolist()]) or _EMPTY,
                self._ctxs[self._ctx[pid]],
                tuple([words[i] for i in hv[ho[pid]:ho[pid + 1]].tolist()]),
                str(fv[fo[pid]:fo[pid + 1]], "utf-8"),
                tuple(syns.split(SYN_SEP)) if syns else _EMPTY,
                self._mass[pid], self._pop[pid], bool(self._stock[pid]))


class Field:
    """One element of every record, indexable by product number (`ix.full[pid]`)."""

    __slots__ = ("_rec", "_i")

    def __init__(self, rec: Records, i: int) -> None:
        self._rec, self._i = rec, i

    def __getitem__(self, pid: int) -> Any:
        return self._rec(pid)[self._i]


class Table:
    """pid -> a value from a small table (aisle names)."""

    def __init__(self, codes: memoryview, values: list) -> None:
        self._codes, self._values = codes, values
        self.codes = codes  # pid -> the value's number, for loops that only compare them

    def __getitem__(self, pid: int) -> Any:
        return self._values[self._codes[pid]]

    def __len__(self) -> int:
        return len(self._codes)


class Products:
    """pid -> Product, decoded from its JSON record when asked (finalists only)."""

    def __init__(self, s: Sections) -> None:
        self._off, self._blob = s.view("rec.off", "q"), s.view("rec", "B")
        self._n = len(self._off) - 1
        self._cache: dict[int, Product] = {}

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, pid: int) -> Product:
        if not 0 <= pid < self._n:
            raise IndexError(pid)
        product = self._cache.get(pid)
        if product is None:
            product = _product(json.loads(str(self._blob[self._off[pid]:self._off[pid + 1]], "utf-8")))
            if len(self._cache) >= PRODUCT_CACHE:
                self._cache.clear()
            self._cache[pid] = product
        return product

    def __iter__(self) -> Iterator[Product]:
        return (self[i] for i in range(self._n))


def _product(r: list) -> Product:
    return Product(id=r[0], name=r[1], price=Decimal(r[2]), brand=r[3], department=r[4],
                   aisle=r[5], size=r[6], synonyms=tuple(r[7]), in_stock=r[8], popularity=r[9],
                   sold_by=r[10], price_unit=r[11], avg_weight=r[12], taxable=r[13],
                   extra=r[14] or {})


class ById(Mapping):
    """product id -> pid, by binary search over the ids in sorted order (no per-process dict
    of a million ids). The answers for ids asked recently are remembered: a returning
    shopper's usual products are looked up on every turn that resolves an item, some
    seventy ids of twenty probes each."""

    def __init__(self, s: Sections) -> None:
        self._off, self._blob = s.view("ids.off", "q"), s.view("ids", "B")
        self._order = s.view("id_order", "i")
        self._found: dict[str, int | None] = {}

    def _id(self, pid: int) -> str:
        return str(self._blob[self._off[pid]:self._off[pid + 1]], "utf-8")

    def get(self, key: Any, default: Any = None) -> Any:
        if not isinstance(key, str):
            return default
        found = self._found.get(key, _UNKNOWN)
        if found is _UNKNOWN:
            found = self._search(key)
            if len(self._found) >= ID_CACHE:
                self._found.clear()
            self._found[key] = found
        return default if found is None else found

    def _search(self, key: str) -> int | None:
        order, lo, hi = self._order, 0, len(self._order)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._id(order[mid]) < key:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(order) and self._id(order[lo]) == key:
            return int(order[lo])
        return None

    def __getitem__(self, key: str) -> int:
        pid = self.get(key)
        if pid is None:
            raise KeyError(key)
        return pid

    def __contains__(self, key: object) -> bool:
        return self.get(key) is not None

    def __iter__(self) -> Iterator[str]:
        return (self._id(pid) for pid in self._order)

    def __len__(self) -> int:
        return len(self._order)
