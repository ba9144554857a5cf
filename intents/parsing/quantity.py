"""The quantity and unit at the start of an item: "two and a half pounds of", "a dozen",
"a couple of", "half a gallon of", "a 5 pound bag of", "some".

Decisions (documented for the handlers):
- "a"/"an"/"another" = 1; "a couple (of)" = 2; "a pair of" = 2; "a few" = 3; "some",
  "several", "a lot of" = no quantity (None).
- "a dozen eggs" = 1 dozen; "two dozen" = 2 dozen; "half a dozen" / "a half dozen" = 6, no unit.
- "a half gallon" = "half a gallon" = "half gallon" = 1 half_gallon (the unit real products
  are sold in); "half a pound" = 0.5 pound; "a quarter pound" = 0.25 pound.
- A size spoken before a container is dropped and the container kept: "a 5 pound bag of
  potatoes" = 1 bag; "a two liter of coke" = 1, no unit; "a six pack of beer" = 1 pack;
  "two 12 packs" = 2 pack. Number + singular "pack" is a size too: "6 pack of beer" = 1 pack.
- A number is no quantity when the next word makes it part of a name: "two percent milk",
  "7 up", "five hour energy", "four cheese pizza", "seven grain bread". Zero is never one.
"""
from __future__ import annotations

from dataclasses import dataclass

from .numbers import FRACTION_TOKENS, read_cardinal, tidy
from .unit_words import (CONTAINER_WORDS, PACK_WORDS, is_plural, is_unit_word, read_size_word,
                         read_unit)

_HEDGES = frozenset({"about", "around", "approximately", "roughly", "exactly", "maybe",
                     "like", "only", "just"})
_VAGUE = {
    ("some",): None, ("any",): None, ("several",): None, ("more",): None,
    ("a", "lot", "of"): None, ("lots", "of"): None, ("plenty", "of"): None,
    ("a", "bit", "of"): None, ("a", "little", "bit", "of"): None, ("a", "little"): None,
    ("a", "couple", "of"): 2, ("a", "couple"): 2, ("couple", "of"): 2, ("a", "pair", "of"): 2,
    ("pair", "of"): 2, ("a", "few"): 3, ("few",): 3,
}
_VAGUE_BY_LEN = sorted(_VAGUE, key=len, reverse=True)
# Words after a number that make the number part of a product name.
NAME_FOLLOWERS = frozenset({
    "percent", "grain", "grains", "up", "hour", "bean", "layer", "ply", "in", "x", "star",
    "alarm", "way", "minute", "cheese", "berry", "spice", "seed", "year", "calorie", "blade",
    "o'clock", "am", "pm",
})
_HALF_DOZEN = (("half", "a", "dozen"), ("a", "half", "dozen"), ("half", "dozen"),
               ("half", "an", "dozen"))


@dataclass(frozen=True)
class Quantity:
    """`spoken`: something quantity-like opened the item ("a", "two", "some"), so it can
    start a new item mid-sentence. `counted`: a number, couple/few/dozen or a unit, enough
    to read a verbless "two gallons of milk" as an order."""

    value: float | None
    unit: str | None
    end: int
    spoken: bool = False
    counted: bool = False
    pack_size: float | None = None  # "an 18 pack of eggs": 18
    # "a big tub of", "a family size box of": "large" / "small"; "a 2 liter of": "2 liter"
    size: str | None = None


def _starts(tokens: list[str], i: int, seq: tuple[str, ...]) -> bool:
    return tuple(tokens[i : i + len(seq)]) == seq


def _number(tokens: list[str], i: int) -> tuple[float, int] | None:
    """A cardinal that really counts something (not "two percent", not zero)."""
    got = read_cardinal(tokens, i)
    if got is None or got[0] <= 0:
        return None
    nxt = tokens[got[1]] if got[1] < len(tokens) else ""
    if nxt in NAME_FOLLOWERS:
        return None
    return got


def _fraction_of_unit(tokens: list[str], i: int, share: float) -> tuple[float, str | None, int]:
    """After "half"/"quarter": optional "a"/"an"/"of a", then the unit it is a share of."""
    j = i
    for filler in (("of", "a"), ("of", "an"), ("a",), ("an",)):
        if _starts(tokens, j, filler):
            j += len(filler)
            break
    unit = read_unit(tokens, j)
    if unit is None:
        return share, None, j
    if unit[0] == "gallon" and share == 0.5:
        return 1, "half_gallon", unit[1]
    if unit[0] == "dozen":
        return tidy(12 * share), None, unit[1]
    return share, unit[0], unit[1]


def _lead(tokens: list[str], i: int) -> tuple[float | None, int, str] | None:
    """The count word(s): returns (value, next index, kind) with kind one of
    "number", "digits", "article", "vague", "fraction"."""
    tok = tokens[i] if i < len(tokens) else ""
    for seq in _HALF_DOZEN:
        if _starts(tokens, i, seq):
            return 6, i + len(seq), "number"
    if tok in ("half", "quarter") or (tok in ("a", "an") and i + 1 < len(tokens)
                                      and tokens[i + 1] in ("half", "quarter")):
        j = i + 1 if tok in ("a", "an") else i
        if read_unit(tokens, j):  # "a half gallon": the unit table knows "half gallon"
            return 1, j, "article"
        share = 0.5 if tokens[j] == "half" else 0.25
        nxt = tokens[j + 1] if j + 1 < len(tokens) else ""
        if nxt in ("a", "an", "of") or is_unit_word(nxt):
            return share, j + 1, "fraction"
        return None
    if _starts(tokens, i, ("three", "quarters")) or _starts(tokens, i, ("three", "quarter")):
        return 0.75, i + 2, "fraction"
    for seq in _VAGUE_BY_LEN:
        if _starts(tokens, i, seq):
            return _VAGUE[seq], i + len(seq), "vague"
    got = _number(tokens, i)
    if got is not None:
        return got[0], got[1], "digits" if tok[:1].isdigit() else "number"
    if tok in ("minus", "negative") and (got := _number(tokens, i + 1)) is not None:
        return -got[0], got[1], "number"  # said, so refused later with a reason, not misread
    if tok in ("0", "0.0") and i + 1 < len(tokens) and tokens[i + 1] not in NAME_FOLLOWERS:
        # "add 0 bananas" typed: refused with a reason, not looked up as a product "0 bananas"
        # (the word "zero" stays a name: "zero sugar cola")
        return 0, i + 1, "digits"
    if tok in ("a", "an", "another"):
        return 1, i + 1, "article"
    return None


def _size_then_container(tokens: list[str], j: int
                         ) -> tuple[str | None, int, float | None, str | None] | None:
    """"5 pound bag", "12 pack", "2 liter": a size right after the count. Returns the
    container unit (or None), the index after it, a pack's size ("18 pack": 18), and the size
    said as "<value> <unit>" ("2 liter", "5 pound"), which chooses among a product's sizes."""
    got = read_cardinal(tokens, j)
    if got is None:
        return None
    k = got[1]
    if k < len(tokens) and tokens[k] in PACK_WORDS:
        return "pack", k + 1, tidy(got[0]), None
    size = read_unit(tokens, k, after_digits=tokens[j][:1].isdigit())
    if size is None or size[0] == "dozen":
        return None
    measure = f"{tidy(got[0]):g} {size[0]}"
    container = read_unit(tokens, size[1])
    if container is not None:
        return container[0], container[1], None, measure
    return None, size[1], None, measure


# Speech recognition writes a spoken amount as a sound-alike word: "add to gallons of milk",
# "add for apples". Read as numbers only where an item's amount belongs (its first word) and
# something countable follows, so "milk to my cart", "something for dinner" and "a tree nut
# mix" keep their words.
SOUND_ALIKES = {"to": "two", "too": "two", "for": "four", "tree": "three", "won": "one"}
_NOT_COUNTED = frozenset({
    "my", "the", "a", "an", "your", "our", "this", "that", "these", "those", "it", "them", "me",
    "you", "us", "him", "her", "cart", "list", "basket", "order", "dinner", "lunch", "breakfast",
    "tonight", "today", "tomorrow", "now", "later", "sale", "kids", "party", "nut", "nuts", "and",
    "or", "of", "with", "some", "all", "every", "each", "check", "pickup", "pick", "delivery",
})


def _heard_as_number(tokens: list[str], i: int) -> bool:
    return (i < len(tokens) - 1 and tokens[i] in SOUND_ALIKES and tokens[i + 1] not in _NOT_COUNTED
            and not tokens[i + 1].isdigit() and tokens[i + 1] not in SOUND_ALIKES)


def read_quantity(tokens: list[str], i: int = 0, *, sound_alikes: bool = False) -> Quantity:
    """Read the quantity expression starting at tokens[i]; Quantity(None, None, i) if none.
    With `sound_alikes`, "to"/"too"/"for"/"tree"/"won" at tokens[i] may be the number."""
    if sound_alikes and _heard_as_number(tokens, i):
        tokens = [*tokens[:i], SOUND_ALIKES[tokens[i]], *tokens[i + 1:]]
    j = i + 1 if i < len(tokens) and tokens[i] in _HEDGES and i + 1 < len(tokens) else i
    lead = _lead(tokens, j)
    if lead is None:
        return Quantity(None, None, i)
    value, j, kind = lead
    unit: str | None = None
    pack_size: float | None = None
    size: str | None = None
    if kind in ("article", "number", "digits", "vague") and (said := read_size_word(tokens, j)):
        # "a big tub of", "a large bag of", "a value pack of": the size word goes when a
        # container follows, or when it is a pack word itself ("family size", "value pack")
        k = said[1]
        packish = k - j > 1
        if packish or read_unit(tokens, k) or (k < len(tokens) and tokens[k] in CONTAINER_WORDS):
            size, j = said[0], k  # "of" after it is dropped below
    if kind == "fraction":
        assert value is not None
        value, unit, j = _fraction_of_unit(tokens, j, value)
    elif kind in ("article", "number", "digits") and (sized := _size_then_container(tokens, j)):
        unit, j, pack_size, measure = sized
        size = measure or size  # "a 2 liter of cola": that size, not whichever the catalog lists first
    else:
        got = read_unit(tokens, j, after_digits=kind == "digits")
        if got is not None:
            unit, word, j = got[0], tokens[j], got[1]
            second = read_unit(tokens, j)
            if second is not None and second[0] != unit:  # "5 pound bag": the first was a size
                unit, word, j = second[0], tokens[j], second[1]
                value = value if is_plural(word) else None
            elif unit == "pack" and kind in ("number", "digits") and not is_plural(word) \
                    and value is not None and value > 1:
                value, pack_size = None, value  # "six pack of beer" is one pack of six
    if j < len(tokens) and tokens[j] in FRACTION_TOKENS and value is not None:
        value, j = value + FRACTION_TOKENS[tokens[j]], j + 1  # "a pound and a half"
    if unit is None and j + 1 < len(tokens) and tokens[j] in CONTAINER_WORDS and tokens[j + 1] == "of":
        j += 1  # "a tub of sour cream": no canonical unit, the container word goes
    if j < len(tokens) and tokens[j] == "of":
        j += 1
    if j < len(tokens) and tokens[j] == "more":
        j += 1  # "two more apples"
    counted = kind in ("number", "digits", "fraction") or unit is not None or (
        kind == "vague" and value is not None)
    return Quantity(None if value is None else tidy(value), unit, j, True, counted, pack_size, size)
