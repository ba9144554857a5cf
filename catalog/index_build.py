"""Building the matcher index file from products (catalog.index reads it).

Products are numbered densely in "prior order" (short names first, then popular, in stock,
by name), so a posting list sorted by number is already sorted best-first and candidate
generation can stop at the first products that qualify. Everything per product is stored by
number: words as ids, name and synonyms as text, the Product itself as a JSON record decoded
only for the few finalists of a request.
"""
from __future__ import annotations

import json
import math
from array import array
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO, NamedTuple

import numpy as np

from catalog.index import (
    _document_frequencies, _gc_paused, _headness, _parse_all, _popularity, head_nouns,
)
from catalog.index_format import SectionWriter, write_atomically
from catalog.model import Product
from catalog.variants import variant_key

FORMAT_VERSION = 2
# Words in more products than this also get their best TOP_K products precomputed (head-noun
# products first, then the rest, in prior order): a phrase of one very common word ("milk")
# then costs no walk at all.
TOP_MIN = 2048
TOP_K = 128
SYN_SEP = "\x1f"


def write_index(products: Iterable[Product], out: BinaryIO, meta: dict | None = None) -> int:
    """Index `products` (duplicate ids: the first wins) into `out`; returns the count."""
    with _gc_paused():
        writer, header = _sections(products)
    header["meta"] = dict(meta or {})
    writer.write(out, header)
    return header["n"]


def build_index_file(products: Iterable[Product], path: Path, meta: dict | None = None) -> int:
    """`write_index` into `path`, atomically (readers never see half a file)."""
    count = 0

    def write(fh: BinaryIO) -> None:
        nonlocal count
        count = write_index(products, fh, meta)
    write_atomically(path, write)
    return count


class _Kept(NamedTuple):
    """What the build needs of a product once its words are parsed: a million `Product`
    objects (Decimal prices, dicts) would double the builder's memory."""

    id: str
    name: str
    in_stock: bool
    popularity: float
    aisle: str | None
    department: str | None
    record: bytes
    variant: str


def _kept(p: Product) -> _Kept:
    return _Kept(p.id, p.name, p.in_stock, _popularity(p), p.aisle, p.department,
                 _record(p).encode("utf-8"), variant_key(p))


def _sections(products: Iterable[Product]) -> tuple[SectionWriter, dict]:
    started = time.perf_counter()
    parsed = _parse_all(products, keep=_kept)
    parsed.sort(key=lambda r: (len(r[2]), -_popularity(r[0]), not r[0].in_stock, r[0].name))
    n = len(parsed)
    df = _document_frequencies([r[2] for r in parsed], [r[3] for r in parsed])
    headness = _headness(parsed, df)
    heads = [head_nouns(r[1], headness) for r in parsed]
    words = sorted(set(df) | {t for hs in heads for t in hs})
    wid = {w: i for i, w in enumerate(words)}
    idf = {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}

    w = SectionWriter()
    w.array("df", [df.get(t, 0) for t in words], "<i4")
    tok_ids = [array("i", [wid[t] for t in r[2]]) for r in parsed]
    alias_ids = [array("i", [wid[t] for t in r[3]]) for r in parsed]
    head_ids = [array("i", [wid[t] for t in hs]) for hs in heads]
    w.lists("tok", tok_ids)
    w.lists("alias", alias_ids)
    w.lists("heads", head_ids)
    posts, head_posts = _postings(len(words), tok_ids, alias_ids, head_ids)
    w.lists("post", posts)
    w.lists("headpost", head_posts)
    w.lists("top", [_top_list(p, h) for p, h in zip(posts, head_posts)])
    del tok_ids, alias_ids, head_ids, posts, head_posts, heads  # written: let them go

    ctxs: dict[tuple, int] = {}
    aisles: dict[str, int] = {}
    w.array("ctx", [ctxs.setdefault(r[6], len(ctxs)) for r in parsed], "<i4")
    w.array("aisle", [aisles.setdefault((r[0].aisle or r[0].department or "").casefold(),
                                        len(aisles)) for r in parsed], "<i4")
    w.array("mass", [sum(idf[t] for t in r[2]) or 1.0 for r in parsed], "<f8")
    top = max((_popularity(r[0]) for r in parsed), default=0.0)
    scale = math.log1p(top) if top > 0 else 1.0
    w.array("pop", [math.log1p(_popularity(r[0])) / scale for r in parsed], "<f8")
    w.array("stock", [r[0].in_stock for r in parsed], "u1")
    w.texts("full", (r[4] for r in parsed), n)
    w.texts("syns", (SYN_SEP.join(r[5]) for r in parsed), n)
    w.texts("rec", (r[0].record for r in parsed), n)
    ids = [r[0].id for r in parsed]
    w.texts("ids", ids, n)
    w.array("id_order", sorted(range(n), key=ids.__getitem__), "<i4")
    groups: dict[str, list[int]] = defaultdict(list)
    for pid, r in enumerate(parsed):
        groups[r[0].variant].append(pid)
    group_of = np.zeros(n, dtype="<i4")
    members = list(groups.values())
    for g, pids in enumerate(members):
        group_of[pids] = g
    w.array("vgroup", group_of, "<i4")
    w.lists("vmembers", members)
    header = {"format": FORMAT_VERSION, "n": n, "words": words,
              "ctxs": [list(c) for c in ctxs], "aisles": list(aisles),
              "build_s": round(time.perf_counter() - started, 3)}
    return w, header


def _postings(vocab: int, tok_ids: list, alias_ids: list, head_ids: list) -> tuple[list, list]:
    posts: list = [array("i") for _ in range(vocab)]  # not lists of int objects: 4 bytes each
    head_posts: list = [array("i") for _ in range(vocab)]
    for pid, (toks, alias, hs) in enumerate(zip(tok_ids, alias_ids, head_ids)):
        for t in toks:
            posts[t].append(pid)
        for t in alias:
            if t not in toks:
                posts[t].append(pid)
        for t in hs:
            head_posts[t].append(pid)
    return posts, head_posts


def _top_list(post: list[int], heads: list[int]) -> list[int]:
    """A common word's best TOP_K products for a phrase of that word alone: the products
    whose head noun it is first, then the others, each in prior order."""
    if len(post) < TOP_MIN:
        return []
    in_post = set(post)
    out = [p for p in heads if p in in_post][:TOP_K]
    preferred = set(out) if len(out) < TOP_K else set()
    for p in post:
        if len(out) >= TOP_K:
            break
        if p not in preferred:
            out.append(p)
    return out


def _record(p: Product) -> str:
    return json.dumps([p.id, p.name, str(p.price), p.brand, p.department, p.aisle, p.size,
                       list(p.synonyms), p.in_stock, p.popularity, p.sold_by, p.price_unit,
                       p.avg_weight, p.taxable, p.extra or None],
                      ensure_ascii=False, separators=(",", ":"))
