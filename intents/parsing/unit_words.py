"""Spoken units to the canonical units of the design doc (lowercase singular names).

"gallons", "lbs", "fl oz", "litres", "loaves" all land on one canonical name. Single-letter
abbreviations ("2 l", "500 g") count only right after digits, where nothing else can be meant.
Containers the contract has no unit for ("a tub of", "two rolls of") are `CONTAINER_WORDS`:
the quantity reader drops them before "of" and reports no unit.
"""
from __future__ import annotations

from ..model import CANONICAL_UNITS

_SPOKEN: dict[str, tuple[str, ...]] = {
    "pound": ("pound", "pounds", "lb", "lbs"),
    "ounce": ("ounce", "ounces", "oz", "ozs"),
    "fluid_ounce": ("fluid ounce", "fluid ounces", "fl oz", "fl ounce", "fl ounces",
                    "fluid oz", "fl ozs"),
    "gallon": ("gallon", "gallons", "gal", "gals"),
    "half_gallon": ("half gallon", "half gallons", "half gal"),
    "quart": ("quart", "quarts", "qt", "qts"),
    "pint": ("pint", "pints", "pt", "pts"),
    "liter": ("liter", "liters", "litre", "litres", "l", "ltr", "ltrs"),
    "milliliter": ("milliliter", "milliliters", "millilitre", "millilitres", "ml", "mls"),
    "kilogram": ("kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos",
                 "kg", "kgs"),
    "gram": ("gram", "grams", "gramme", "grammes", "g", "gr"),
    "dozen": ("dozen", "dozens", "doz"),
    "pack": ("pack", "packs", "package", "packages", "packet", "packets", "pk", "pkg",
             "multipack", "multipacks", "multi pack", "sixpack"),
    "bag": ("bag", "bags", "sack", "sacks"),
    "box": ("box", "boxes"),
    "can": ("can", "cans", "tin", "tins"),
    "bottle": ("bottle", "bottles"),
    "jar": ("jar", "jars"),
    "bunch": ("bunch", "bunches"),
    "loaf": ("loaf", "loaves", "loafs"),
    "carton": ("carton", "cartons"),
    "case": ("case", "cases"),
    "head": ("head", "heads"),
    "piece": ("piece", "pieces", "pc", "pcs"),
}
# Abbreviations that are also ordinary words or letters: units only after digits.
_AFTER_DIGITS_ONLY = frozenset({"l", "g", "gr", "pt", "pts", "gal", "gals", "doz", "pk"})

# Containers with no canonical unit: "a tub of sour cream" is one of sour cream, unit null.
CONTAINER_WORDS = frozenset({
    "container", "containers", "tub", "tubs", "roll", "rolls", "stick", "sticks", "block",
    "blocks", "tray", "trays", "tube", "tubes", "bar", "bars", "ear", "ears", "pouch",
    "pouches", "cup", "cups", "slice", "slices", "sleeve", "sleeves", "bucket", "buckets",
    "crate", "crates", "clove", "cloves", "stalk", "stalks", "punnet", "punnets", "bundle",
    "bundles", "jug", "jugs", "tin", "canister", "canisters",
})

# Size and pack words ("a big tub of", "a family size box of", "a value pack of"): never part of
# what is looked up; they choose among the product's sizes. Longest first.
SIZE_WORDS: dict[tuple[str, ...], str] = {
    ("family", "size"): "large", ("family", "sized"): "large", ("family", "pack"): "large",
    ("value", "pack"): "large", ("value", "size"): "large", ("economy", "size"): "large",
    ("party", "size"): "large", ("bulk", "size"): "large", ("big",): "large",
    ("large",): "large", ("huge",): "large", ("giant",): "large", ("jumbo",): "large",
    ("small",): "small", ("little",): "small", ("mini",): "small",
}


def read_size_word(tokens: list[str], i: int) -> tuple[str, int] | None:
    """("large", next index) for "family size" / "big" at tokens[i], else None."""
    for key in sorted(SIZE_WORDS, key=len, reverse=True):
        if tuple(tokens[i:i + len(key)]) == key:
            return SIZE_WORDS[key], i + len(key)
    return None

UNIT_BY_WORDS: dict[tuple[str, ...], str] = {
    tuple(spoken.split()): canonical for canonical, forms in _SPOKEN.items() for spoken in forms
}
_MAX_LEN = max(len(k) for k in UNIT_BY_WORDS)
assert set(_SPOKEN) == set(CANONICAL_UNITS), "units must cover exactly the contract's list"

PACK_WORDS = frozenset(_SPOKEN["pack"]) | {"count", "ct"}


def is_plural(tok: str) -> bool:
    """"packs", "bags", "loaves" are counts of containers; "pack", "bag" may be a size."""
    return tok.endswith("s")


def read_unit(tokens: list[str], i: int, *, after_digits: bool = False) -> tuple[str, int] | None:
    """The longest unit spelled at tokens[i]: ("gallon", i + 1), ("fluid_ounce", i + 2)."""
    for n in range(min(_MAX_LEN, len(tokens) - i), 0, -1):
        key = tuple(tokens[i : i + n])
        unit = UNIT_BY_WORDS.get(key)
        if unit is None:
            continue
        if n == 1 and key[0] in _AFTER_DIGITS_ONLY and not after_digits:
            continue
        return unit, i + n
    return None


def is_unit_word(tok: str) -> bool:
    return (tok,) in UNIT_BY_WORDS
