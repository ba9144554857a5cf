"""Spoken numbers over token lists: cardinals ("twenty four", "2.5", "1/2"), ordinals
("third", "3rd", "the last") for menu choices, and the fraction tokens `text.prepare` makes.

Written by hand on purpose: text2num needs threshold tweaks to see "two" at all, and
word2number reads a whole sentence as one number. Readers take (tokens, index) and return
(value, next index) or None, so callers can chain them without re-tokenising.
"""
from __future__ import annotations

import re

from catalog.normalize import NUMBER_TENS, NUMBER_UNITS

ONES = NUMBER_UNITS  # number words are read the same way in catalog names and in requests
TENS = {**NUMBER_TENS, "fourty": 40}  # a common misspelling in typed requests
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
# Tokens `text.prepare` glues onto the number before them ("two and a half" -> "two andahalf").
FRACTION_TOKENS = {"andahalf": 0.5, "andaquarter": 0.25, "andthreequarters": 0.75}

# A quantity long enough to overflow a float (or Python's int parsing limit) is not speech.
_DIGITS = re.compile(r"^\d{1,6}(?:\.\d{1,3})?$")
_FRACTION = re.compile(r"^(\d{1,3})/(\d{1,3})$")
_ORDINAL_DIGITS = re.compile(r"^(\d{1,3})(?:st|nd|rd|th)$")
_MULTIPLIERS = {"hundred": 100, "thousand": 1000}


def tidy(value: float) -> float:
    """Whole numbers as int, so 2 prints as 2, not 2.0 (int is a valid float per PEP 484)."""
    return int(value) if float(value).is_integer() else round(value, 3)


def is_number_token(tok: str) -> bool:
    return tok in ONES or tok in TENS or bool(_DIGITS.match(tok)) or bool(_FRACTION.match(tok))


def _small(tokens: list[str], i: int) -> tuple[int, int] | None:
    """0..99 in words: "seven", "seventeen", "seventy", "seventy seven"."""
    if i >= len(tokens):
        return None
    tok = tokens[i]
    if tok in TENS:
        value = TENS[tok]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if 1 <= ONES.get(nxt, 0) <= 9:
            return value + ONES[nxt], i + 2
        return value, i + 1
    if tok in ONES:
        return ONES[tok], i + 1
    return None


def _below_thousand(tokens: list[str], i: int) -> tuple[int, int] | None:
    """0..999: "two hundred and five", "a hundred"."""
    n = len(tokens)
    if i + 1 < n and tokens[i] in ("a", "an") and tokens[i + 1] == "hundred":
        got: tuple[int, int] | None = (1, i + 1)
    else:
        got = _small(tokens, i)
    if got is None:
        return None
    value, j = got
    if j < n and tokens[j] == "hundred":
        value, j = value * 100, j + 1
        # "a hundred and five": the "and" is part of the number only when a number follows.
        k = j + 1 if j < n and tokens[j] == "and" else j
        rest = _small(tokens, k)
        if rest:
            value, j = value + rest[0], rest[1]
    return value, j


def _words(tokens: list[str], i: int) -> tuple[int, int] | None:
    got = _below_thousand(tokens, i)
    if got is None:
        if i + 1 < len(tokens) and tokens[i] in ("a", "an") and tokens[i + 1] in ("thousand", "million"):
            got = (1, i + 1)
        else:
            return None
    value, j = got
    if j < len(tokens) and tokens[j] == "thousand":
        value, j = value * 1000, j + 1
        rest = _below_thousand(tokens, j)
        if rest:
            value, j = value + rest[0], rest[1]
    return value, j


def read_cardinal(tokens: list[str], i: int) -> tuple[float, int] | None:
    """A cardinal at tokens[i] (digits, "1/2", "1 1/2", words, with "andahalf" folded in)."""
    if i >= len(tokens):
        return None
    tok = tokens[i]
    value: float
    if _DIGITS.match(tok):
        value, j = float(tok), i + 1
        if j < len(tokens) and tokens[j] in _MULTIPLIERS:
            value, j = value * _MULTIPLIERS[tokens[j]], j + 1
        frac = _FRACTION.match(tokens[j]) if j < len(tokens) else None
        if frac and int(frac.group(2)) and int(frac.group(1)) < int(frac.group(2)):
            value, j = value + int(frac.group(1)) / int(frac.group(2)), j + 1
    elif m := _FRACTION.match(tok):
        if not int(m.group(2)):
            return None
        value, j = int(m.group(1)) / int(m.group(2)), i + 1
    else:
        got = _words(tokens, i)
        if got is None:
            return None
        value, j = float(got[0]), got[1]
    if j < len(tokens) and tokens[j] == "million":
        value, j = value * 1_000_000, j + 1  # "a million eggs": refused later, not misread
    if j + 1 < len(tokens) and tokens[j] == "point" and 0 <= ONES.get(tokens[j + 1], -1) <= 9:
        digits = ""  # "zero point five", "two point two five"
        while j + 1 < len(tokens) and 0 <= ONES.get(tokens[j + 1], -1) <= 9 and len(digits) < 3:
            digits += str(ONES[tokens[j + 1]])
            j += 1
        value, j = value + float("0." + digits), j + 1
    if j < len(tokens) and tokens[j] in FRACTION_TOKENS:
        value, j = value + FRACTION_TOKENS[tokens[j]], j + 1
    return value, j


def read_ordinal(tokens: list[str], i: int) -> tuple[int, int] | None:
    """A position in a list of choices: "second" -> 2, "3rd" -> 3, "last" -> -1,
    "second to last" -> -2, "twenty first" -> 21."""
    if i >= len(tokens):
        return None
    tok = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    if tok in ("second", "next") and nxt == "to" and i + 2 < len(tokens) and tokens[i + 2] == "last":
        return -2, i + 3
    if tok == "second" and nxt == "last":
        return -2, i + 2
    if tok in ("penultimate",):
        return -2, i + 1
    if tok in ("last", "final", "bottom"):
        return -1, i + 1
    if tok in ("top",):
        return 1, i + 1
    if tok in TENS and nxt in ORDINALS and ORDINALS[nxt] < 10:
        return TENS[tok] + ORDINALS[nxt], i + 2
    if tok in ORDINALS:
        return ORDINALS[tok], i + 1
    if m := _ORDINAL_DIGITS.match(tok):
        return int(m.group(1)), i + 1
    return None
