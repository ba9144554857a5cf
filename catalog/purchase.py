"""From what a shopper asked for to what is billed. Pure arithmetic over catalog.units.

    plan(product, Asked(24, None), variants)  ->  Purchase(12 ct eggs, 2, None, reason=COVER)

Rules (each is spoken back by the conversation, so the shopper can correct it):
- a container said ("a bag of", "an 18 pack", "a case of") buys that container of the
  product's variants, else the product itself, counted;
- a weight of a weight-priced product is billed by weight (an estimate); ounces and grams
  convert to the product's price unit;
- a weight of an each product with an average weight becomes a count;
- a weight or volume of a pack product buys the packs that cover it among its variants,
  fewest packs first, then least left over, then the brand matched, then the most popular;
- a count of a counted pack (eggs, 12 ct) covers that many pieces the same way;
- a bare count of loose produce buys the each product over a bag or bunch;
- a count of a weight-priced product is its average weight each (or a pound each when the
  catalog gives no average), billed by weight; no amount at all is a pound (or a kilogram);
- anything that can't be sold as asked is a Refusal with a reason the dialog turns into a
  question: not a positive amount, a fraction of a counted thing, too much, a measure the
  product isn't sold in, a weight of something sold each with no average weight.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from catalog.model import Product
from catalog.units import (
    BUNDLES, BY_WEIGHT, CONTAINERS, COUNT, EACH, PACK, UNITS, VOLUME, WEIGHT, Amount, PackSize,
    SaleTerms, UnitError, close, dimension_of, is_one, packs_to_cover, round_half_up, sale_terms,
    to_decimal,
)

MAX_COUNT = Decimal(999)         # packs or pieces per line (the cart's limit): "a million eggs"
                                 # is a mishearing
MAX_WEIGHT = Amount.of(100, "pound")
CENT = Decimal("0.01")

# Why a purchase differs (or not) from what was said; the dialog words each one
AS_ASKED = "as_asked"              # what was said is what is billed
COVER = "cover"                    # packs that cover a count, weight or volume
WEIGHED = "weighed"                # a weight billed by weight
COUNT_WEIGHED = "count_weighed"    # a count of a weight-priced product, billed by weight
EACH_FROM_WEIGHT = "each_from_weight"
LOOSE = "loose"                    # a count of produce: the each product, not the bag
CONTAINER = "container"            # "a bag of", "an 18 pack of": that container

# Refusal reasons
NOT_POSITIVE = "not_positive"
WHOLE_ONLY = "whole_only"
TOO_MUCH = "too_much"
WRONG_MEASURE = "wrong_measure"
NO_AVERAGE_WEIGHT = "no_average_weight"


@dataclass(frozen=True)
class Asked:
    """What was said: quantity None = no amount ("add milk"); unit a canonical spoken unit or
    None; `pack_size` the size said with a pack ("an 18 pack" -> 18)."""

    quantity: Decimal | None = None
    unit: str | None = None
    pack_size: Decimal | None = None

    @classmethod
    def of(cls, quantity: float | Decimal | int | str | None, unit: str | None = None,
           pack_size: float | Decimal | int | None = None) -> Asked:
        return cls(None if quantity is None else to_decimal(quantity), unit,
                   None if pack_size is None else to_decimal(pack_size))


@dataclass(frozen=True)
class Purchase:
    """What is billed: `quantity` of `product` in `unit` (None for packs and each, except a
    pack that is exactly one of the unit spoken: 2 "gallon" of a 1 gal jug; pound or kilogram
    for weight). `estimated` lines are billed by weight at the scale."""

    product: Product
    quantity: Decimal
    unit: str | None
    asked: Asked
    reason: str = AS_ASKED
    estimated: bool = False
    terms: SaleTerms | None = field(default=None, compare=False)
    asked_amount: Amount | None = None   # what was asked, as an amount, when one was

    @property
    def line_total(self) -> Decimal:
        return (self.quantity * self.product.price).quantize(CENT, rounding=ROUND_HALF_UP)


class Refusal(ValueError):
    """The amount can't be sold as asked; `reason` is one of the constants above."""

    def __init__(self, reason: str, product: Product, asked: Asked, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason, self.product, self.asked, self.detail = reason, product, asked, detail


def terms_of(product: Product) -> SaleTerms:
    """A product's SaleTerms; one whose stored fields can't be read is sold each."""
    try:
        return sale_terms(product.sold_by, product.size, product.price_unit, product.avg_weight)
    except UnitError:
        return sale_terms(None, product.size) if product.sold_by else SaleTerms(EACH)


def plan(product: Product, asked: Asked, variants: Sequence[Product] = ()) -> Purchase:
    """What `asked` of `product` buys, choosing among its `variants` (product.id first or
    not at all; out-of-stock variants are never chosen). Raises Refusal."""
    quantity = Decimal(1) if asked.quantity is None else asked.quantity
    if not quantity.is_finite() or quantity <= 0:
        raise Refusal(NOT_POSITIVE, product, asked)
    if quantity > 10 ** 6:
        raise Refusal(TOO_MUCH, product, asked, f"at most {MAX_COUNT}")
    others = [v for v in variants if v.id != product.id and v.in_stock]
    unit = asked.unit
    if unit in CONTAINERS or asked.pack_size is not None:
        return _limit(_container(product, asked, quantity, others))
    dimension = dimension_of(unit)
    if dimension in (WEIGHT, VOLUME):
        assert unit is not None
        if unit == "ounce" and _liquid(product):  # "64 ounces of milk" are fluid ounces
            unit = "fluid_ounce"
        return _limit(_measured(product, asked, Amount.of(quantity, unit), others))
    pieces = quantity * (UNITS[unit][1] if unit else 1)
    return _limit(_counted(product, asked, pieces, others))


# --- containers -------------------------------------------------------------------------------

def _container(product: Product, asked: Asked, quantity: Decimal,
               others: list[Product]) -> Purchase:
    if asked.pack_size is None and (pieces := _piece_cover(product, asked, quantity, others)):
        return pieces
    chosen = _pick_container(product, asked, others)
    terms = terms_of(chosen)
    if asked.unit == "case" and not (terms.pack and terms.pack.pieces):
        raise Refusal(WRONG_MEASURE, chosen, asked, "no case sold")
    if terms.sold_by == BY_WEIGHT:  # "a pack of ground beef" with no pack sold: a pound each
        return _count_weighed(chosen, asked, quantity, terms)
    _whole(quantity, chosen, asked)
    reason = CONTAINER if chosen.id != product.id or asked.pack_size is not None \
        or asked.unit in BUNDLES | {"case"} else AS_ASKED
    return Purchase(chosen, quantity, None, asked, reason, terms=terms)


def _pieces_in(product: Product, container: str | None) -> int | None:
    """How many of `container` one of the product is: 12 for a 12 pack of cans asked in cans,
    1 for a single can; None when it holds no such pieces."""
    terms = terms_of(product)
    pack = terms.pack
    if pack is not None and pack.pieces and pack.piece_container == container:
        return pack.pieces
    if terms.container == container and (pack is None or not pack.pieces or pack.pieces == 1):
        return 1
    return None


def _piece_cover(product: Product, asked: Asked, quantity: Decimal,
                 others: list[Product]) -> Purchase | None:
    """"Two cans of cola" where cola is sold in 12 and 24 packs of cans (and maybe single
    cans): the cans are pieces, never two 12 packs billed as two cans. A count that some size
    holds exactly wins (two single bottles rather than a 6 pack), then fewest packs, then least
    left over."""
    pool = ([product] if product.in_stock else []) + others
    sizes = {p.id: n for p in pool if (n := _pieces_in(p, asked.unit)) is not None}
    if not any(n > 1 for n in sizes.values()):
        return None  # no multipack of these pieces: the container is the product's own
    _whole(quantity, product, asked)

    def packs(p: Product) -> Decimal:
        return (quantity / sizes[p.id]).to_integral_value(rounding=ROUND_CEILING)

    def cost(p: Product) -> tuple:  # an exact count first: two single bottles, not a 6 pack
        left = packs(p) * sizes[p.id] - quantity
        return (left > 0, packs(p), left, p.id != product.id, p.brand != product.brand,
                -p.popularity)
    best = min((p for p in pool if p.id in sizes), key=cost)
    count = packs(best)
    reason = AS_ASKED if sizes[best.id] == 1 else COVER
    return Purchase(best, Decimal(count), None, asked, reason, False, terms_of(best),
                    Amount(quantity, COUNT))


def _pick_container(product: Product, asked: Asked, others: list[Product]) -> Product:
    """The variant that is the container said: the pack of the size said ("an 18 pack"),
    the largest multipack for "a case", a bag or bunch for "a bag of"."""
    pool = [product, *others]
    if asked.pack_size is not None:
        sized = [p for p in pool if (terms_of(p).pack or _NO_PACK).pieces == asked.pack_size]
        return _preferred(sized, product) or product
    unit = asked.unit
    if unit == "case":
        multi = [p for p in pool if (terms_of(p).pack or _NO_PACK).pieces]
        return max(multi, key=lambda p: (terms_of(p).pack.pieces, p.id == product.id)) \
            if multi else product
    if terms_of(product).container == unit:
        return product
    same = [p for p in pool if terms_of(p).container == unit]
    if same:
        return _preferred(same, product) or product
    if unit in BUNDLES:  # "a bag of onions": any pack of the onions rather than one onion
        packs = [p for p in pool if terms_of(p).sold_by == PACK]
        if terms_of(product).sold_by != PACK and packs:
            return _preferred(packs, product) or product
    return product


_NO_PACK = PackSize(Amount(Decimal(0), COUNT))


def _preferred(candidates: list[Product], product: Product) -> Product | None:
    if not candidates:
        return None
    return min(candidates, key=lambda p: (p.id != product.id, p.brand != product.brand,
                                          -p.popularity))


# --- weights and volumes ----------------------------------------------------------------------

def _measured(product: Product, asked: Asked, amount: Amount, others: list[Product]) -> Purchase:
    terms = terms_of(product)
    candidates = _coverable(product, amount, others)
    exact = any(_exactly(p, amount) for p in candidates)
    by_count = terms.sold_by == EACH and terms.avg_weight is not None
    if amount.dimension == WEIGHT and terms.sold_by != BY_WEIGHT and not exact and not by_count:
        # a pound of apples asked where apples are also sold by the pound: weigh them
        weighed = next((p for p in others if terms_of(p).sold_by == BY_WEIGHT), None)
        if weighed is not None:
            product, terms = weighed, terms_of(weighed)
    if terms.sold_by == BY_WEIGHT:
        if amount.dimension != WEIGHT:
            raise Refusal(WRONG_MEASURE, product, asked, "sold by weight")
        billed = round_half_up(amount.in_unit(terms.price_unit), "0.01")
        if billed <= 0:
            raise Refusal(NOT_POSITIVE, product, asked)
        return Purchase(product, billed, terms.price_unit, asked, WEIGHED, True, terms, amount)
    if amount.dimension == WEIGHT and not exact and not by_count:
        # a pound of onions where a 3 lb bag and loose onions are sold: the loose ones, counted
        loose = [p for p in others if terms_of(p).sold_by == EACH and terms_of(p).avg_weight]
        chosen = _preferred(loose, product)
        if chosen is not None:
            product, terms = chosen, terms_of(chosen)
    each_by_weight = terms.sold_by == EACH and amount.dimension == WEIGHT
    if candidates and (exact or not (each_by_weight and terms.avg_weight)):
        return _cover(product, asked, amount, candidates)
    if each_by_weight:
        average = terms.avg_weight
        if average is None:
            raise Refusal(NO_AVERAGE_WEIGHT, product, asked)
        count = max(Decimal(1), round_half_up(amount.value / average.value))
        return Purchase(product, count, None, asked, EACH_FROM_WEIGHT, False, terms, amount)
    raise Refusal(WRONG_MEASURE, product, asked, terms.sold_by)


def _liquid(product: Product) -> bool:
    pack = terms_of(product).pack
    return pack is not None and pack.dimension == VOLUME


def _exactly(product: Product, amount: Amount) -> bool:
    size = terms_of(product).pack.amount.value
    return close(packs_to_cover(amount.value, size) * size, amount.value)


def _coverable(product: Product, amount: Amount, others: list[Product]) -> list[Product]:
    pool = [product] if product.in_stock else []
    pool += others
    return [p for p in pool if terms_of(p).sold_by == PACK
            and terms_of(p).pack.dimension == amount.dimension]


def _cover(product: Product, asked: Asked, amount: Amount, candidates: list[Product]) -> Purchase:
    """A pack that is one of the unit said ("four dozen": 12-counts, "two gallons": gallon
    jugs), then fewest packs, then least left over, then the product matched (and its brand),
    then the most popular."""
    def cost(p: Product) -> tuple:
        pack = terms_of(p).pack
        n = packs_to_cover(amount.value, pack.amount.value)
        return (not is_one(pack, asked.unit), n,
                max(Decimal(0), n * pack.amount.value - amount.value) / pack.amount.value,
                p.id != product.id, p.brand != product.brand, -p.popularity)
    best = min(candidates, key=cost)
    terms = terms_of(best)
    count = Decimal(packs_to_cover(amount.value, terms.pack.amount.value))
    exact = close(count * terms.pack.amount.value, amount.value)
    # billed in the unit said when one pack is one of it (2 "gallon" of gallon jugs); never in
    # pounds or kilograms, which mean a line billed by weight
    unit = asked.unit if asked.unit and dimension_of(asked.unit) != WEIGHT \
        and is_one(terms.pack, asked.unit) else None
    spoken = asked.quantity if asked.quantity is not None else Decimal(1)
    same = exact and (unit is not None and count == spoken or asked.unit is None and count == spoken
                      and terms.pack.pieces in (None, 1))
    return Purchase(best, count, unit, asked, AS_ASKED if same else COVER, False, terms, amount)


# --- counts -----------------------------------------------------------------------------------

def _counted(product: Product, asked: Asked, pieces: Decimal, others: list[Product]) -> Purchase:
    terms = terms_of(product)
    if asked.unit is None and asked.quantity is not None and _bundled(terms):
        loose = [p for p in others if terms_of(p).sold_by == EACH]
        chosen = _preferred(loose, product)
        if chosen is not None:
            _whole(pieces, chosen, asked)
            return Purchase(chosen, pieces, None, asked, LOOSE, terms=terms_of(chosen))
    if terms.sold_by == BY_WEIGHT:
        return _count_weighed(product, asked, pieces, terms)
    if terms.sold_by == EACH:
        _whole(pieces, product, asked)
        return Purchase(product, pieces, None, asked, AS_ASKED, terms=terms)
    pack = terms.pack
    assert pack is not None
    counted_pieces = pack.dimension == COUNT and (asked.unit == "dozen" or pieces > 1)
    if counted_pieces:
        _whole(pieces, product, asked)
        return _cover(product, asked, Amount(pieces, COUNT), _coverable(
            product, Amount(pieces, COUNT), others))
    if asked.unit == "dozen":
        raise Refusal(WRONG_MEASURE, product, asked, "a dozen")
    _whole(pieces, product, asked)
    return Purchase(product, pieces, None, asked, AS_ASKED, terms=terms)


def _bundled(terms: SaleTerms) -> bool:
    """Loose produce's other forms: a bag or bunch, or priced by weight."""
    return terms.sold_by == BY_WEIGHT or (terms.sold_by == PACK and terms.container in BUNDLES) \
        or (terms.sold_by == EACH and terms.container == "bunch")


def _count_weighed(product: Product, asked: Asked, count: Decimal, terms: SaleTerms) -> Purchase:
    """A count of a weight-priced product: its average weight each; with no amount said
    ("add ground beef", "add gala apples"), or no average known, one price unit each."""
    unit_weight = Amount.of(1, terms.price_unit or "pound")
    each = terms.avg_weight if terms.avg_weight and asked.quantity is not None else unit_weight
    weight = Amount(each.value * count, WEIGHT)
    billed = round_half_up(weight.in_unit(terms.price_unit or "pound"), "0.01")
    return Purchase(product, billed, terms.price_unit or "pound", asked, COUNT_WEIGHED, True,
                    terms, weight)


# --- checks -----------------------------------------------------------------------------------

def _whole(count: Decimal, product: Product, asked: Asked) -> None:
    if count != count.to_integral_value():
        raise Refusal(WHOLE_ONLY, product, asked)


def _limit(purchase: Purchase) -> Purchase:
    if purchase.unit in ("pound", "kilogram"):
        if Amount.of(purchase.quantity, purchase.unit).value > MAX_WEIGHT.value:
            raise Refusal(TOO_MUCH, purchase.product, purchase.asked, "at most 100 pounds")
    elif purchase.quantity > MAX_COUNT:
        raise Refusal(TOO_MUCH, purchase.product, purchase.asked, f"at most {MAX_COUNT}")
    return purchase
