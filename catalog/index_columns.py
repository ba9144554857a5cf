"""The index builder's first pass: every product parsed once, as it streams from the database,
into flat columns (catalog.index_build then orders and writes them).

Nothing per product is kept as a Python object: words become integer ids in flat int32
arrays, texts (normalised name, synonyms, the product's JSON record, its id) are appended to
one byte blob each, numbers to typed arrays. A million products take a few hundred MB here
instead of the gigabytes their `Product` objects and tuples of strings would.
"""
from __future__ import annotations

import json
import math
from array import array
from collections.abc import Iterable

import numpy as np

from catalog.index import _last_noun, _popularity, _synonyms, noun_segment
from catalog.jsontext import dumps_bytes
from catalog.model import Product
from catalog.normalize import STOPWORDS, content_tokens, segments, tokens
from catalog.variants import variant_key

SYN_SEP = "\x1f"
SEGMENT_END = -1  # closes one noun segment in `nouns`
MEMO_SIZE = 1 << 16  # noun segments remembered while parsing


class Blob:
    """Byte strings appended one per product, read back by number."""

    def __init__(self) -> None:
        self.data = bytearray()
        self.ends = array("q")

    def add(self, value: bytes) -> None:
        self.data += value
        self.ends.append(len(self.data))

    def offsets(self) -> np.ndarray:
        off = np.zeros(len(self.ends) + 1, dtype="<i8")
        off[1:] = np.frombuffer(self.ends, dtype="<i8") if len(self.ends) else ()
        return off


class IntLists:
    """Lists of ints appended one per product, flat."""

    def __init__(self) -> None:
        self.flat = array("i")
        self.ends = array("q")

    def add(self, values: Iterable[int]) -> None:
        self.flat.extend(values)
        self.ends.append(len(self.flat))

    def offsets(self) -> np.ndarray:
        off = np.zeros(len(self.ends) + 1, dtype="<i8")
        off[1:] = np.frombuffer(self.ends, dtype="<i8") if len(self.ends) else ()
        return off

    def values(self) -> np.ndarray:
        return np.frombuffer(self.flat, dtype="<i4") if len(self.flat) else np.zeros(0, "<i4")


class Columns:
    """Products in input order (duplicate ids: the first wins, like the importer). Word ids
    are provisional (first seen first); `words` holds them."""

    def __init__(self) -> None:
        self.words: list[str] = []
        self.word_id: dict[str, int] = {}
        self.df = array("q")  # per provisional word id: products holding it (name or alias)
        self.last = array("q")  # per word id: noun segments it closes (catalog.index headness)
        self.ids: list[str] = []
        self._seen: set[str] = set()
        self.names: list[str] = []
        self.popularity = array("d")
        self.in_stock = array("b")
        self.toks, self.alias, self.nouns = IntLists(), IntLists(), IntLists()
        # (aisle, department) as written; per such place its context words and aisle name
        self.place = array("i")
        self.places: dict[tuple, int] = {}
        self.place_ctx: list[int] = []
        self.place_aisle: list[int] = []
        self.ctxs: dict[tuple, int] = {}
        self.aisles: dict[str, int] = {}
        self._noun_memo: dict[tuple, tuple[list[int], int]] = {}
        self.variant = array("i")
        self.variants: dict[str, int] = {}
        self.full, self.syns, self.records, self.id_texts = Blob(), Blob(), Blob(), Blob()

    def __len__(self) -> int:
        return len(self.ids)

    def _wid(self, word: str) -> int:
        i = self.word_id.get(word)
        if i is None:
            i = self.word_id[word] = len(self.words)
            self.words.append(word)
            self.df.append(0)
            self.last.append(0)
        return i

    def add_all(self, products: Iterable[Product]) -> None:
        for p in products:
            self.add(p)

    def add(self, p: Product) -> None:
        if p.id in self._seen:
            return
        self._seen.add(p.id)
        self.ids.append(p.id)
        segs = segments(p.name)
        full_toks = [t for s in segs for t in s]
        toks = tuple(dict.fromkeys(content_tokens(full_toks)))
        syn_strings, alias = _synonyms(p, toks)
        wid, df = self._wid, self.df
        tok_ids = [wid(t) for t in toks]
        alias_ids = [wid(t) for t in alias]
        for i in tok_ids:
            df[i] += 1
        for i in alias_ids:
            df[i] += 1
        self.toks.add(tok_ids)
        self.alias.add(alias_ids)
        noun_ids: list[int] = []
        memo, last = self._noun_memo, self.last
        for seg in segs:
            key = tuple(seg)
            got = memo.get(key)
            if got is None:  # segments repeat across a catalog's sizes and variants
                nouns = noun_segment(seg)
                at = _last_noun(nouns, {}, skip_weak=False)
                got = ([wid(t) for t in nouns], wid(nouns[at]) if at >= 0 else -1)
                if len(memo) >= MEMO_SIZE:
                    memo.clear()
                memo[key] = got
            if got[1] >= 0:
                last[got[1]] += 1
            noun_ids.extend(got[0])
            noun_ids.append(SEGMENT_END)
        self.nouns.add(noun_ids)
        self.names.append(p.name)
        self.popularity.append(_popularity(p))
        self.in_stock.append(bool(p.in_stock))
        place = self.places.get((p.aisle, p.department))
        if place is None:
            place = self._new_place(p)
        self.place.append(place)
        self.variant.append(self.variants.setdefault(variant_key(p), len(self.variants)))
        self.full.add(" ".join(full_toks).encode("utf-8"))
        self.syns.add(SYN_SEP.join(syn_strings).encode("utf-8"))
        self.records.add(record(p))
        self.id_texts.add(p.id.encode("utf-8"))

    def _new_place(self, p: Product) -> int:
        """A new (aisle, department) pair: its context words and aisle name, once."""
        place = self.places[(p.aisle, p.department)] = len(self.places)
        ctx = tuple(dict.fromkeys(content_tokens(tokens(f"{p.aisle or ''} {p.department or ''}"))))
        self.place_ctx.append(self.ctxs.setdefault(ctx, len(self.ctxs)))
        self.place_aisle.append(self.aisles.setdefault(
            (p.aisle or p.department or "").casefold(), len(self.aisles)))
        return place

    def noun_segments(self, pid: int) -> list[list[str]]:
        """Product `pid`'s noun segments (input order), as words."""
        off = self.nouns.ends
        start = off[pid - 1] if pid else 0
        words, segs, seg = self.words, [], []
        for i in self.nouns.flat[start:off[pid]]:
            if i == SEGMENT_END:
                segs.append(seg)
                seg = []
            else:
                seg.append(words[i])
        return segs


def headness(cols: Columns) -> dict[str, float]:
    """How often each word closes a name: high for nouns (milk, cheese), low for modifiers
    (catalog.index's definition, from the counts gathered while parsing)."""
    return {w: cols.last[i] / cols.df[i] for i, w in enumerate(cols.words)
            if cols.df[i] and w not in STOPWORDS}


def record(p: Product) -> bytes:
    """The product as the JSON list catalog.index_views decodes for finalists."""
    fields = [p.id, p.name, str(p.price), p.brand, p.department, p.aisle, p.size,
              list(p.synonyms), p.in_stock, p.popularity, p.sold_by, p.price_unit,
              p.avg_weight, p.taxable, p.extra or None]
    if all(_finite(v) for v in (p.popularity, p.avg_weight)):
        return dumps_bytes(fields)
    # orjson writes NaN and infinity as null: the standard library keeps them as they were
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _finite(value: object) -> bool:
    return not isinstance(value, float) or math.isfinite(value)
