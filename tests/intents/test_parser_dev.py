"""The shared dev utterances (../shared/data/dev_utterances.jsonl): intent, item count, each
item's quantity and unit, and the fulfillment/option slots, per the design doc's rule (a null
quantity means none was spoken: null or 1 both count; "a dozen" may also be 12, no unit).
Product ids are the matcher's business and are not checked here."""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from intents.parsing.parser import parse

DEV = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "dev_utterances.jsonl"
NOW_ISO = "2026-11-25T10:00"


def _rows() -> list[dict]:
    if not DEV.exists():
        return []
    return [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]


ROWS = _rows()


def quantity_matches(expected: dict, item) -> bool:
    want_q, want_u = expected["quantity"], expected["unit"]
    if want_q is None and want_u is None:
        return item.quantity in (None, 1) and item.unit is None
    if (item.quantity, item.unit) == (want_q, want_u):
        return True
    return want_u == "dozen" and want_q == 1 and (item.quantity, item.unit) == (12, None)


@pytest.mark.skipif(not ROWS, reason=f"{DEV} not present")
@pytest.mark.parametrize("row", ROWS, ids=[r["text"] for r in ROWS])
def test_dev_utterance(row, vocab):
    got = parse(row["text"], vocab, now=datetime.fromisoformat(NOW_ISO))
    assert got.intent == row["intent"]
    assert len(got.items) == len(row["items"])
    for expected, item in zip(row["items"], got.items):
        assert quantity_matches(expected, item), (expected, item)
    for key in ("fulfillment", "option"):
        if key in row["slots"]:
            assert got.slots.get(key) == row["slots"][key]


@pytest.mark.skipif(not ROWS, reason=f"{DEV} not present")
def test_dev_utterances_without_a_vocabulary_keep_intent_and_quantities():
    """No catalog at hand: every intent and every spoken quantity still right; only the list
    split that needs the catalog ("bread butter and jam") may differ in item count."""
    for row in ROWS:
        got = parse(row["text"])
        assert got.intent == row["intent"], row["text"]
        for expected, item in zip(row["items"], got.items):
            assert quantity_matches(expected, item), row["text"]
