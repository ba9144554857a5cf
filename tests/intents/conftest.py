"""Fixtures for the parser tests: an in-memory fake of the PhraseVocabulary port (the catalog
matcher implements the real one) and a fixed clock.

Fakes live here, not in an importable module, so no test imports another test file."""
from __future__ import annotations

from datetime import datetime

import pytest

from intents.parsing.parser import parse

# Wednesday 25 November 2026, 10:00 in the store's zone: every time test counts from here.
NOW = datetime(2026, 11, 25, 10, 0)


class FakeVocabulary:
    """Knows whole names only (a strict vocabulary): "half and half" but not "half"."""

    NAMES = frozenset({
        "half and half", "mac and cheese", "peanut butter", "jelly", "bread", "butter", "jam",
        "coffee", "apples", "carrots", "tomato sauce", "avocados", "lime", "cilantro", "milk",
        "eggs", "salt", "pepper", "rice", "beans", "rice and beans", "cream of mushroom soup",
        "almond milk", "chips", "salsa", "ben and jerry's", "sour cream", "onion",
        "lemons", "bananas", "cheese",
    })

    def __init__(self, extra: set[str] | None = None) -> None:
        self.names = self.NAMES | (extra or set())
        self.calls = 0

    def is_known_name(self, phrase: str) -> bool:
        self.calls += 1
        return phrase in self.names


class BrokenVocabulary:
    """A port that fails: the parser must carry on as if it knew nothing."""

    def is_known_name(self, phrase: str) -> bool:
        raise RuntimeError("catalog unavailable")


def shape(request) -> list[tuple[str, float | None, str | None]]:
    return [(i.phrase, i.quantity, i.unit) for i in request.items]


@pytest.fixture
def vocab() -> FakeVocabulary:
    return FakeVocabulary()


@pytest.fixture
def parse_text(vocab):
    """parse() with the fake vocabulary at the fixed NOW."""
    return lambda text: parse(text, vocab, now=NOW)


@pytest.fixture
def items_of():
    return shape
