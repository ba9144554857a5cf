"""A dict of recent answers that empties itself when full.

Shoppers say the same few hundred phrases, so answers repeat; emptying a full memo at once is
as good as least-recently-used eviction for that and costs nothing per hit. The matcher and
the plural check keep their answers in these, one per catalog index (immutable, so an answer
never goes stale); two threads may both compute an entry, alike.
"""
from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V]):
    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def keep(self, key: K, value: V) -> V:
        """Remember `value` for `key` (emptying the memo first when it is full); returns it.
        A memo of size 0 remembers nothing."""
        if self.size <= 0:
            return value
        if len(self) >= self.size:
            self.clear()
        self[key] = value
        return value
