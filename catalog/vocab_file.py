"""The fuzzy vocabulary (catalog.phonetic) as sections of the index file, built once by the
index builder and mapped by every process, instead of dicts each worker builds after mapping.

Tables keyed by text (a deletion key, a sound bucket) are stored by a 64-bit hash of the key:
a sorted array of hashes, and beside it the word ids filed under each, in word order (the
order `FuzzyVocabulary` keeps, so answers are the same). A look-up hashes its key and binary
searches. Two keys sharing a 64-bit hash would merge their lists; with a few million keys
the chance is about one in ten million per catalog, and a merged deletion list only adds
candidates that the edit-distance check then judges.
"""
from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Sequence
from typing import Any

import numpy as np

from catalog.index_format import SectionWriter
from catalog.phonetic import NeighborLookup, fuzzy_entries

_NONE: list[str] = []
NEIGHBOR_CACHE = 4096  # words whose neighbours a process keeps


def key_hash(key: str) -> int:
    """A stable 64-bit hash of `key` (Python's own `hash` differs per process)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


def write_vocabulary(w: SectionWriter, words: Sequence[str]) -> None:
    """Sections `fz.*` for `words` (the index's sorted vocabulary; ids are positions)."""
    keys = [""] * len(words)
    tables: dict[str, tuple[list[int], list[int]]] = {"del": ([], []), "snd": ([], [])}
    for word_id, (word, key, deleted, buckets) in _numbered(words):
        keys[word_id] = key
        for name, entries in (("del", deleted), ("snd", buckets)):
            hashes, ids = tables[name]
            hashes.extend(key_hash(k) for k in entries)
            ids.extend([word_id] * len(entries))
    w.texts("fz.key", keys, len(keys))
    for name, (hashes, ids) in tables.items():
        h = np.asarray(hashes, dtype="<u8")
        i = np.asarray(ids, dtype="<i4")
        order = np.lexsort((i, h))  # by hash, word order within one
        h, i = h[order], i[order]
        starts = np.flatnonzero(np.r_[True, h[1:] != h[:-1]]) if len(h) else np.zeros(0, "<i8")
        off = np.append(starts, len(h)).astype("<i8")
        w.array(f"fz.{name}.hash", h[starts], "<u8")
        w.lists_flat(f"fz.{name}", i, off)


def _numbered(words: Sequence[str]):
    ids = {w: n for n, w in enumerate(words)}
    for entry in fuzzy_entries(words):
        yield ids[entry[0]], entry


class MappedVocabulary(NeighborLookup):
    """`FuzzyVocabulary`'s look-ups read in place from a mapped index file."""

    def __init__(self, s: Any, words: list[str], word_id: dict[str, int], df: Any) -> None:
        self._words, self._ids, self._df = words, word_id, df
        self._key_off, self._key_blob = s.view("fz.key.off", "q"), s.view("fz.key", "B")
        self._tables = {name: (s.view(f"fz.{name}.hash", "Q"), s.view(f"fz.{name}.off", "q"),
                               s.view(f"fz.{name}", "i")) for name in ("del", "snd")}
        self._cache: dict[tuple[str, int], list[tuple[str, float]]] = {}

    def __contains__(self, word: str) -> bool:
        return word in self._ids and word.isalpha() and len(word) >= 3

    def neighbors(self, word: str, limit: int = 6) -> list[tuple[str, float]]:
        """As `FuzzyVocabulary.neighbors`; the answers for the last few thousand words are
        kept (shoppers and recognisers repeat the same unknown words)."""
        got = self._cache.get((word, limit))
        if got is None:
            got = super().neighbors(word, limit)
            if len(self._cache) >= NEIGHBOR_CACHE:
                self._cache.clear()
            self._cache[(word, limit)] = got
        return list(got)

    def key_of(self, word: str) -> str | None:
        i = self._ids.get(word)
        if i is None or not (word.isalpha() and len(word) >= 3):
            return None
        return str(self._key_blob[self._key_off[i]:self._key_off[i + 1]], "utf-8")

    def deleted(self, key: str) -> Sequence[str]:
        return self._lookup("del", key)

    def deleted_any(self, keys: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for key in keys:
            found.update(self._lookup("del", key))
        return found

    def bucket(self, key: str) -> Sequence[str]:
        return self._lookup("snd", key)

    def frequency(self, word: str) -> int:
        i = self._ids.get(word)
        return int(self._df[i]) if i is not None else 0

    def _lookup(self, table: str, key: str) -> list[str]:
        hashes, off, ids = self._tables[table]
        h = key_hash(key)
        at = bisect_left(hashes, h)  # on a memoryview: no numpy call per look-up
        if at >= len(hashes) or hashes[at] != h:
            return _NONE
        words = self._words
        return [words[i] for i in ids[off[at]:off[at + 1]].tolist()]
