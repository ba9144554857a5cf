"""Catalog values that cross layer boundaries. No I/O here."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class Product:
    """One sellable product of the grocer's catalog.

    `price` is a Decimal in the store currency (never a float: money is exact).
    `synonyms` are the spoken names a shopper may use ("two percent milk", "OJ").
    `extra` keeps catalog columns we do not interpret, so nothing a grocer sent is lost.
    """

    id: str
    name: str
    price: Decimal
    brand: str | None = None
    department: str | None = None
    aisle: str | None = None
    size: str | None = None
    synonyms: tuple[str, ...] = ()
    in_stock: bool = True
    popularity: float = 0.0
    # How it is sold (catalog.units): each, pack or weight; None = inferred from `size`.
    # `price_unit` (lb/kg) is what `price` is per for weight; `avg_weight` ("0.4 lb") turns
    # a weight into a count of an each product, or a count into an estimated weight.
    sold_by: str | None = None
    price_unit: str | None = None
    avg_weight: str | None = None
    taxable: bool = False
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Candidate:
    """A product with the matcher's confidence (0..1) that it is what was said."""

    product: Product
    confidence: float


@dataclass(frozen=True)
class Match:
    """The matcher's answer for one spoken item phrase.

    `best` is None when nothing matches well enough. `alternatives` holds at most three
    other candidates, best first. `ambiguous` is True when the top candidates are
    near-equal variants (whole / 2% / organic milk) and the shopper should choose; then
    `options` holds the distinct kinds to offer, the ones a grocer sells most first.
    `sure` is False when `best` is only a guess: its main noun (or a synonym) is not what
    was said, or its confidence is below the calibrated bar. Such a product is offered as a
    question ("Did you mean Apple Cider Vinegar?"), never added without asking.
    `not_carried` names, as written ("Skippy", "Ben & Jerry's"), a national brand the phrase
    asked for that the catalog does not carry; `best` is then the plain product (never sure).
    `category` holds the aisle or department words of a vague request ("breakfast" in
    "something for breakfast"), `kinds` the kinds to offer ("cereal", "oatmeal"), `options` a
    product of each; such a match is ambiguous and never sure.
    """

    phrase: str
    best: Candidate | None
    alternatives: tuple[Candidate, ...] = ()
    ambiguous: bool = False
    options: tuple[Candidate, ...] = ()
    sure: bool = True
    not_carried: str = ""
    category: str = ""
    kinds: tuple[str, ...] = ()

    @property
    def product(self) -> Product | None:
        return self.best.product if self.best else None

    @property
    def confidence(self) -> float:
        return self.best.confidence if self.best else 0.0
