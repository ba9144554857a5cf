"""Units, pack sizes and how a product is sold: the one home of amount arithmetic. No I/O.

Both the catalog (import: reading `size`, `sold_by`, `price_unit`, `avg_weight`) and the
conversation (what a spoken amount buys, see catalog.purchase) use this module; no handler
converts units itself.

Every amount is a Decimal in its dimension's base: pieces (count), ounces (weight) or fluid
ounces (volume). Unit names are the design doc's canonical spoken units.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Final

COUNT: Final = "count"
WEIGHT: Final = "weight"
VOLUME: Final = "volume"

EACH: Final = "each"
PACK: Final = "pack"
BY_WEIGHT: Final = "weight"
SOLD_BY: Final = (EACH, PACK, BY_WEIGHT)
PRICE_UNITS: Final = {"lb": "pound", "kg": "kilogram"}  # catalog spelling -> canonical unit

# One of each unit in its dimension's base
UNITS: Final[dict[str, tuple[str, Decimal]]] = {
    "each": (COUNT, Decimal(1)),
    "dozen": (COUNT, Decimal(12)),
    "ounce": (WEIGHT, Decimal(1)),
    "pound": (WEIGHT, Decimal(16)),
    "gram": (WEIGHT, Decimal("0.03527396195")),
    "kilogram": (WEIGHT, Decimal("35.27396195")),
    "fluid_ounce": (VOLUME, Decimal(1)),
    "pint": (VOLUME, Decimal(16)),
    "quart": (VOLUME, Decimal(32)),
    "half_gallon": (VOLUME, Decimal(64)),
    "gallon": (VOLUME, Decimal(128)),
    "milliliter": (VOLUME, Decimal("0.03381402270")),
    "liter": (VOLUME, Decimal("33.81402270")),
}
# Spoken units that name a container, not a measure: "a bag of", "two cans of"
CONTAINERS: Final = frozenset({"pack", "bag", "box", "can", "bottle", "jar", "bunch", "loaf",
                               "carton", "case", "head", "piece"})
# Loose produce comes in these; a bare count prefers the product sold by the each
BUNDLES: Final = frozenset({"bag", "bunch"})

# How sizes are written on shelf tags and in catalog files
_SIZE_UNITS: Final = {
    "ct": "each", "count": "each", "pc": "each", "pcs": "each", "piece": "each",
    "pieces": "each", "pk": "each", "pack": "each", "ea": "each", "each": "each",
    "oz": "ounce", "ounce": "ounce", "ounces": "ounce",
    "lb": "pound", "lbs": "pound", "pound": "pound", "pounds": "pound",
    "g": "gram", "gram": "gram", "grams": "gram", "kg": "kilogram", "kilogram": "kilogram",
    "kilograms": "kilogram",
    "fl oz": "fluid_ounce", "floz": "fluid_ounce", "fluid ounce": "fluid_ounce",
    "fluid ounces": "fluid_ounce", "pt": "pint", "pint": "pint", "pints": "pint",
    "qt": "quart", "quart": "quart", "quarts": "quart", "gal": "gallon", "gallon": "gallon",
    "gallons": "gallon", "ml": "milliliter", "l": "liter", "liter": "liter", "liters": "liter",
    "litre": "liter", "litres": "liter",
}
_CONTAINER_WORDS: Final = {
    "bag": "bag", "bags": "bag", "box": "box", "boxes": "box", "can": "can", "cans": "can",
    "bottle": "bottle", "bottles": "bottle", "jar": "jar", "jars": "jar", "carton": "carton",
    "cartons": "carton", "loaf": "loaf", "bunch": "bunch", "head": "head", "case": "case",
    "pack": "pack", "package": "pack", "tray": "pack", "clamshell": "pack",
}
_NUM = r"(\d+(?:\.\d+)?)"
_UNIT_ALT = "|".join(sorted((re.escape(u) for u in _SIZE_UNITS), key=len, reverse=True))
# "6 x 12 fl oz", "12 pack 12 fl oz cans", "8 pack 6.75 fl oz boxes"
_MULTI = re.compile(rf"^{_NUM}\s*(?:x|pack|pk|ct)\s+{_NUM}\s*({_UNIT_ALT})\b\s*(\w+)?\s*$")
# "12 ct", "1 gal", "3 lb bag", "5 lb avg", "16 oz loaf", "12 ct carton"
_SINGLE = re.compile(rf"^{_NUM}\s*({_UNIT_ALT})\b\.?\s*(?:(avg|average)\s*)?(\w+)?\s*$")
# "per lb", "/lb", "lb", "by the pound", "per kg"
_PER = re.compile(r"^(?:per|/|by the|priced per)?\s*(lb|lbs|pound|kg|kilo|kilogram)s?\.?$")
_EACH = re.compile(r"^(?:1\s*)?(each|ea|bunch|head|loaf|piece|pc|ct|count|item)$")


class UnitError(ValueError):
    """A size, weight or unit text that cannot be read."""


@dataclass(frozen=True)
class Amount:
    """A quantity in its dimension's base unit (pieces, ounces or fluid ounces)."""

    value: Decimal
    dimension: str

    @classmethod
    def of(cls, quantity: Decimal | int | float | str, unit: str) -> Amount:
        dimension, factor = UNITS[unit]
        return cls(to_decimal(quantity) * factor, dimension)

    def in_unit(self, unit: str) -> Decimal:
        dimension, factor = UNITS[unit]
        if dimension != self.dimension:
            raise UnitError(f"cannot express a {self.dimension} in {unit}")
        return self.value / factor


@dataclass(frozen=True)
class PackSize:
    """What one pack holds: `amount` in all (a 12-pack of 12 fl oz cans is 144 fl oz),
    `pieces` when it holds countable pieces (12 eggs, 12 cans), the container word."""

    amount: Amount
    pieces: int | None = None
    container: str | None = None
    text: str = ""
    piece_container: str | None = None  # what the pieces are: the cans of a 12 pack of cans

    @property
    def dimension(self) -> str:
        return self.amount.dimension


@dataclass(frozen=True)
class SaleTerms:
    """How one product is sold: `each` (counted), `pack` (fixed size) or `weight` (priced per
    `price_unit`, pound or kilogram). `avg_weight` lets a weight be turned into a count, or a
    count of a weight-priced product into an estimated weight."""

    sold_by: str
    pack: PackSize | None = None
    price_unit: str | None = None   # canonical: pound or kilogram
    avg_weight: Amount | None = None
    container: str | None = None    # bunch, head, bag...: what one of it is called


def to_decimal(value: Decimal | int | float | str) -> Decimal:
    if isinstance(value, float):
        return Decimal(repr(value))
    try:
        return Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise UnitError(f"not a number: {value!r}") from None


def _clean(text: str) -> str:
    return " ".join(text.lower().replace(",", " ").split())


def parse_size(text: str | None) -> PackSize | None:
    """A pack size from a size text ("12 ct", "1 gal", "3 lb bag", "6 x 12 fl oz"), or None
    when the text names no fixed size ("each", "1 bunch", "per lb", "family size")."""
    if not text:
        return None
    size = _clean(text)
    if m := _MULTI.match(size):
        pieces, each_amount, unit = Decimal(m.group(1)), Decimal(m.group(2)), _SIZE_UNITS[m.group(3)]
        if pieces <= 0 or each_amount <= 0 or pieces != pieces.to_integral_value():
            return None
        container = "pack"  # a 12 pack of cans is a pack; its pieces are the cans
        piece = Amount.of(each_amount, unit)
        return PackSize(Amount(piece.value * pieces, piece.dimension), int(pieces), container,
                        text.strip(), _CONTAINER_WORDS.get(m.group(4) or ""))
    if m := _SINGLE.match(size):
        number, unit = Decimal(m.group(1)), _SIZE_UNITS[m.group(2)]
        if number <= 0 or m.group(3):  # "5 lb avg" is an average, not a pack size
            return None
        container = _CONTAINER_WORDS.get(m.group(4) or "")
        if unit == "each":
            if number != number.to_integral_value():
                return None
            if number == 1:  # "1 ct" is one of it, not a pack
                return None
            return PackSize(Amount(number, COUNT), int(number), container or "pack", text.strip())
        return PackSize(Amount.of(number, unit), None, container, text.strip())
    return None


def price_unit_of(text: str | None) -> str | None:
    """"lb" -> "pound", "kg" -> "kilogram"; None for None; UnitError for anything else."""
    if text is None or not str(text).strip():
        return None
    word = _clean(str(text)).lstrip("/").removeprefix("per ").strip()
    unit = {"lb": "pound", "lbs": "pound", "pound": "pound", "kg": "kilogram", "kilo": "kilogram",
            "kilogram": "kilogram"}.get(word)
    if unit is None:
        raise UnitError(f"price_unit must be lb or kg, got {str(text)[:40]!r}")
    return unit


def parse_weight(text: str | None) -> Amount | None:
    """"0.4 lb", "200 g", "6 oz" -> an Amount of weight; None for None; UnitError otherwise."""
    if text is None or not str(text).strip():
        return None
    m = re.match(rf"^{_NUM}\s*({_UNIT_ALT})\.?$", _clean(str(text)))
    unit = _SIZE_UNITS.get(m.group(2)) if m else None
    if m is None or unit is None or UNITS[unit][0] != WEIGHT or Decimal(m.group(1)) <= 0:
        raise UnitError(f"avg_weight must be a weight such as '0.4 lb' or '200 g', got {str(text)[:40]!r}")
    return Amount.of(Decimal(m.group(1)), unit)


def infer_sold_by(size: str | None) -> tuple[str, str | None]:
    """How a product is sold when the catalog doesn't say, from its size text:
    "12 ct", "3 lb bag" -> pack; "each", "1 bunch", no size -> each; "per lb", "/lb" -> weight.
    Returns (sold_by, price_unit)."""
    text = _clean(size or "")
    if m := _PER.match(text):
        if text.startswith(("per", "/", "by the", "priced")) or text in ("lb", "lbs", "kg"):
            return BY_WEIGHT, "kilogram" if m.group(1).startswith("k") else "pound"
    if parse_size(text) is not None:
        return PACK, None
    return EACH, None


@lru_cache(maxsize=8192)
def sale_terms(sold_by: str | None, size: str | None, price_unit: str | None = None,
               avg_weight: str | None = None) -> SaleTerms:
    """The SaleTerms of a product's catalog fields (inferring `sold_by` when absent).
    Raises UnitError for values that cannot be read or don't fit together."""
    inferred, inferred_unit = infer_sold_by(size)
    how = (sold_by or "").strip().lower() or inferred
    if how not in SOLD_BY:
        raise UnitError(f"sold_by must be each, pack or weight, got {sold_by!r}")
    unit = price_unit_of(price_unit)
    if unit is not None and how != BY_WEIGHT:
        raise UnitError("price_unit is only for products sold by weight")
    pack = parse_size(size)
    if how == PACK and pack is None:
        raise UnitError(f"sold_by pack needs a size such as '12 ct' or '1 gal', got {size!r}")
    container = _container_of(size)
    if how == BY_WEIGHT:
        return SaleTerms(BY_WEIGHT, None, unit or inferred_unit or "pound", parse_weight(avg_weight),
                         container)
    if how == EACH:
        return SaleTerms(EACH, None, None, parse_weight(avg_weight), container)
    assert pack is not None
    return SaleTerms(PACK, pack, None, parse_weight(avg_weight), pack.container or container)


def _container_of(size: str | None) -> str | None:
    words = _clean(size or "").split()
    return next((_CONTAINER_WORDS[w] for w in reversed(words) if w in _CONTAINER_WORDS), None)


def dimension_of(unit: str | None) -> str | None:
    """count / weight / volume for a measure unit; None for no unit or a container."""
    return UNITS[unit][0] if unit in UNITS else None


def is_one(pack: PackSize | None, unit: str | None) -> bool:
    """True when one pack is one of the unit: "a half gallon" and "0.5 gal", "a quart" and
    "32 fl oz", "a dozen" and "12 ct" (within 3%, so a liter is "33.8 fl oz")."""
    if pack is None or unit not in UNITS:
        return False
    want = Amount.of(1, unit)
    return pack.dimension == want.dimension and close(pack.amount.value, want.value)


def close(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= Decimal("0.03") * b


def round_half_up(value: Decimal, step: str = "1") -> Decimal:
    return value.quantize(Decimal(step), rounding=ROUND_HALF_UP)


def packs_to_cover(target: Decimal, size: Decimal) -> int:
    """Fewest packs of `size` holding at least `target`; within 3% counts as exact (a liter
    asked of 33.8 fl oz bottles is one bottle, not two)."""
    ratio = target / size
    whole = round_half_up(ratio)
    if whole >= 1 and abs(ratio - whole) <= Decimal("0.03") * whole:
        return int(whole)
    return int(ratio.to_integral_value(rounding="ROUND_CEILING"))
