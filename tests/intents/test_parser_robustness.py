"""Whatever arrives, the parser answers with a valid ParsedRequest, quickly, and garbage is
Fallback rather than an action."""
from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intents.model import CANONICAL_INTENTS, CANONICAL_UNITS, ParsedRequest
from intents.parsing.parser import parse

NOW = datetime(2026, 11, 25, 10, 0)
NOISE = [
    "", " ", "   \n\t ", "😀", "😀😀😀 🛒", "???", "...", ",,,", "-", "'", "\x00\x01\x02",
    "'; DROP TABLE carts; --", "1' OR '1'='1", "SELECT * FROM products", "UNION SELECT password",
    "<script>alert(1)</script>", "<b></b>", "<img src=x onerror=alert(1)>", "&lt;&gt;&amp;",
    "{\"intent\": \"Checkout\"}", "%s%s%n", "${jndi:ldap://x}", "\\u0000", "NaN", "1e400",
    "x" * 5000, "add " * 1500, "and " * 1500, "9" * 5000, "two " * 2500, "😀" * 5000,
]


def _valid(got: ParsedRequest, raw: str) -> None:
    assert isinstance(got, ParsedRequest)
    assert got.intent in CANONICAL_INTENTS
    assert got.text == raw
    for item in got.items:
        assert isinstance(item.phrase, str)
        # zero and negatives ("minus two", a typed "-2" or "0") are kept, for the dialog to
        # refuse with its reason; nothing huge or non-finite gets through
        assert item.quantity is None or abs(item.quantity) < 10**7
        assert item.unit is None or item.unit in CANONICAL_UNITS


@pytest.mark.parametrize("raw", NOISE, ids=lambda s: repr(s[:20]))
def test_noise_is_a_valid_fallback(raw):
    got = parse(raw, now=NOW)
    _valid(got, raw)
    assert got.intent == "Fallback"


@pytest.mark.parametrize("raw", [
    "add milk <b>please</b>", "<p>add two gallons of milk</p>",
])
def test_markup_around_a_request_is_ignored(raw):
    got = parse(raw, now=NOW)
    assert got.intent == "AddItem" and got.items[0].phrase == "milk"


def test_non_string_input_does_not_raise():
    got = parse(None, now=NOW)  # type: ignore[arg-type]
    assert (got.intent, got.text) == ("Fallback", "")


def test_long_input_is_bounded_not_acted_on():
    """A paste longer than any spoken request is not parsed into a (truncated) action."""
    assert parse("add " + "milk and " * 700, now=NOW).intent == "Fallback"
    for raw in NOISE:
        assert parse(raw, now=NOW).intent in CANONICAL_INTENTS


def test_a_failing_vocabulary_is_treated_as_knowing_nothing(items_of):
    class Broken:
        def is_known_name(self, phrase):
            raise RuntimeError("catalog down")

    got = parse("add coffee and half and half", Broken(), now=NOW)
    assert items_of(got) == [("coffee", None, None), ("half and half", None, None)]


def test_vocabulary_calls_are_bounded(vocab):
    parse("add " + ", ".join(["bread butter jam cheese milk"] * 10), vocab, now=NOW)
    assert vocab.calls < 2000


WORDS = ("add remove a an the two and half of gallon pounds dozen couple few make that it to "
         "change at pm tomorrow saturday pick up deliver cancel my order cart list is there in "
         "stock how much do you have cheapest one last first number yes no please um , ? 7 up "
         "2.5 1/2 percent some more less instead actually andahalf").split()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=14).map(" ".join))
def test_any_mix_of_grocery_words_parses(raw):
    _valid(parse(raw, now=NOW), raw)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_any_text_parses(raw):
    _valid(parse(raw, now=NOW), raw)
