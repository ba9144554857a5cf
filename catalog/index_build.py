"""Building the matcher index file from products (catalog.index reads it).

Products are numbered densely in "prior order" (short names first, then popular, in stock,
by name), so a posting list sorted by number is already sorted best-first and candidate
generation can stop at the first products that qualify. Everything per product is stored by
number: words as ids, name and synonyms as text, the Product itself as a JSON record decoded
only for the few finalists of a request.

Two passes: products are parsed once as they stream in (catalog.index_columns: flat columns,
no Product kept), then ordered, and each section is computed with numpy over whole int arrays
(postings are one sort of (word, product) pairs, not a list per word) and written to the spool
as soon as it is done.
"""
from __future__ import annotations

import math
import time
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import numpy as np

from catalog.categories import ProductFacts, category_tables
from catalog.index import _gc_paused, head_nouns
from catalog.index_columns import SYN_SEP, Columns, IntLists, headness
from catalog.index_format import SectionWriter, write_atomically
from catalog.model import Product
from catalog.vocab_file import write_vocabulary

__all__ = ["FORMAT_VERSION", "SYN_SEP", "TOP_K", "TOP_MIN", "build_index_file", "write_index"]

FORMAT_VERSION = 3  # 3: spice aisles findable as "dried" (catalog.index._synonyms); "greens" kept plural
# Words in more products than this also get their best TOP_K products precomputed (head-noun
# products first, then the rest, in prior order): a phrase of one very common word ("milk")
# then costs no walk at all.
TOP_MIN = 2048
TOP_K = 128


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


def _sections(products: Iterable[Product]) -> tuple[SectionWriter, dict]:
    started = time.perf_counter()
    cols = Columns()
    cols.add_all(products)
    n = len(cols)
    order = _prior_order(cols)  # new number -> input position
    new_of = np.empty(n, dtype="<i8")
    new_of[order] = np.arange(n)
    heads = _head_lists(cols)
    categories = category_tables(_facts(cols, heads, order))
    cols.names = []  # only the order and the category tables needed them
    vocab = sorted(set(w for i, w in enumerate(cols.words) if cols.df[i]))
    final = np.full(len(cols.words) + 1, -1, dtype="<i4")  # provisional id -> final id
    final[[cols.word_id[w] for w in vocab]] = np.arange(len(vocab), dtype="<i4")
    df = np.frombuffer(cols.df, dtype="<i8")
    idf = [math.log((n + 1) / (df[cols.word_id[w]] + 0.5)) for w in vocab]

    w = SectionWriter()
    w.array("df", [int(df[cols.word_id[t]]) for t in vocab], "<i4")
    write_vocabulary(w, vocab)
    tok_flat, tok_off = final[cols.toks.values()], cols.toks.offsets()
    alias_flat, alias_off = final[cols.alias.values()], cols.alias.offsets()
    head_flat, head_off = final[heads.values()], heads.offsets()
    cols.toks = cols.alias = cols.nouns = None  # type: ignore[assignment]
    w.lists_flat("tok", *_reordered(tok_flat, tok_off, order))
    w.lists_flat("alias", *_reordered(alias_flat, alias_off, order))
    w.lists_flat("heads", *_reordered(head_flat, head_off, order))
    posts = _postings(len(vocab), n, [(tok_flat, tok_off), (alias_flat, alias_off)], new_of)
    head_posts = _postings(len(vocab), n, [(head_flat, head_off)], new_of)
    w.lists_flat("post", *posts)
    w.lists_flat("headpost", *head_posts)
    w.lists_flat("top", *_top_lists(posts, head_posts))
    del posts, head_posts, alias_flat, head_flat  # written: let them go

    place = np.frombuffer(cols.place, dtype="<i4")[order]
    w.array("ctx", np.asarray(cols.place_ctx, dtype="<i4")[place], "<i4")
    w.array("aisle", np.asarray(cols.place_aisle, dtype="<i4")[place], "<i4")
    mass = np.bincount(np.repeat(np.arange(n), np.diff(tok_off)),
                       weights=np.asarray(idf, dtype="<f8")[tok_flat], minlength=n)
    mass[mass == 0] = 1.0  # a name of stopwords only
    w.array("mass", mass[order], "<f8")
    del tok_flat, mass
    pops = np.frombuffer(cols.popularity, dtype="<f8")
    top = float(pops.max()) if n else 0.0
    scale = math.log1p(top) if top > 0 else 1.0
    w.array("pop", [math.log1p(x) / scale for x in pops[order].tolist()], "<f8")
    w.array("stock", np.frombuffer(cols.in_stock, dtype="i1")[order] != 0, "u1")
    for name, blob in (("full", cols.full), ("syns", cols.syns), ("rec", cols.records),
                       ("ids", cols.id_texts)):
        w.texts_gathered(name, np.frombuffer(blob.data, dtype="u1"), blob.offsets(), order)
        blob.data = bytearray()
    by_id = sorted(range(n), key=cols.ids.__getitem__)
    w.array("id_order", new_of[by_id], "<i4")
    cols.ids = []
    group_of = np.frombuffer(cols.variant, dtype="<i4")[order]
    members = np.argsort(group_of, kind="stable").astype("<i4")  # by group, prior order within
    w.array("vgroup", group_of, "<i4")
    w.lists_flat("vmembers", members, _offsets(np.bincount(group_of, minlength=len(cols.variants))))
    header = {"format": FORMAT_VERSION, "n": n, "words": vocab,
              "ctxs": [list(c) for c in cols.ctxs], "aisles": list(cols.aisles),
              "categories": categories,
              "build_s": round(time.perf_counter() - started, 3)}
    return w, header


def _prior_order(cols: Columns) -> np.ndarray:
    """Input positions in prior order: fewer name words, more popular, in stock, by name;
    ties keep the input order."""
    n = len(cols)
    by_name = sorted(range(n), key=cols.names.__getitem__)
    name_rank = np.empty(n, dtype="<i8")
    rank, previous = -1, None
    names = cols.names
    for i in by_name:  # equal names share a rank, so the input order decides between them
        if names[i] != previous:
            rank, previous = rank + 1, names[i]
        name_rank[i] = rank
    ntoks = np.diff(cols.toks.offsets())
    pops = np.frombuffer(cols.popularity, dtype="<f8")
    out_of_stock = np.frombuffer(cols.in_stock, dtype="i1") == 0
    return np.lexsort((np.arange(n), name_rank, out_of_stock, -pops, ntoks))


def _head_lists(cols: Columns) -> IntLists:
    """Each product's head nouns (input order) as provisional word ids."""
    ness = headness(cols)
    out, wid = IntLists(), cols.word_id
    for pid in range(len(cols)):
        out.add([wid[h] for h in head_nouns(cols.noun_segments(pid), ness)])
    return out


def _facts(cols: Columns, heads: IntLists, order: np.ndarray) -> ProductFacts:
    """What the category tables need, by new product number."""
    places = list(cols.places)
    place = np.frombuffer(cols.place, dtype="<i4")[order].tolist()
    off, flat = heads.offsets(), heads.values()
    has = np.diff(off) > 0
    first = np.full(len(cols), -1, dtype="<i8")
    first[has] = flat[off[:-1][has]]
    words = cols.words
    return ProductFacts(
        [cols.names[i] for i in order.tolist()], [places[i][0] for i in place],
        [places[i][1] for i in place],
        [words[i] if i >= 0 else None for i in first[order].tolist()],
        (np.frombuffer(cols.in_stock, dtype="i1")[order] != 0).tolist(),
        np.frombuffer(cols.popularity, dtype="<f8")[order].tolist())


def _offsets(lengths: np.ndarray) -> np.ndarray:
    off = np.zeros(len(lengths) + 1, dtype="<i8")
    np.cumsum(lengths, out=off[1:])
    return off


def _reordered(flat: np.ndarray, off: np.ndarray, order: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per-product lists (flat + offsets, input order) in the new order."""
    lengths = np.diff(off)[order]
    new_off = _offsets(lengths)
    at = np.repeat(off[:-1][order] - new_off[:-1], lengths) + np.arange(new_off[-1])
    return flat[at], new_off


def _postings(vocab: int, n: int, lists: list, new_of: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """word -> sorted new product numbers, as one flat int32 array plus offsets: the
    (word, product) pairs of every list, sorted once as int64 keys."""
    keys = []
    for flat, off in lists:
        pids = np.repeat(new_of, np.diff(off))
        keys.append(flat.astype("<i8") * n + pids)
    key = np.concatenate(keys) if keys else np.zeros(0, dtype="<i8")
    del keys
    key.sort()
    words = key // n if n else key
    flat = (key - words * n).astype("<i4")
    return flat, _offsets(np.bincount(words, minlength=vocab)[:vocab])


def _top_lists(posts: tuple, head_posts: tuple) -> tuple[np.ndarray, np.ndarray]:
    """A common word's best TOP_K products for a phrase of that word alone: the products
    whose head noun it is first, then the others, each in prior order."""
    (flat, off), (hflat, hoff) = posts, head_posts
    lengths = np.diff(off)
    parts, out_len = [], np.zeros(len(lengths), dtype="<i8")
    for word in np.nonzero(lengths >= TOP_MIN)[0].tolist():
        post = flat[off[word]:off[word + 1]]
        heads = hflat[hoff[word]:hoff[word + 1]]
        first = heads[np.isin(heads, post)][:TOP_K]
        if len(first) < TOP_K:
            rest = post[~np.isin(post, first)] if len(first) else post
            first = np.concatenate([first, rest[:TOP_K - len(first)]])
        parts.append(first)
        out_len[word] = len(first)
    top = np.concatenate(parts).astype("<i4") if parts else np.zeros(0, dtype="<i4")
    return top, _offsets(out_len)
