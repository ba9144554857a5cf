"""Sizes said with an item: "a big tub of greek yogurt" (the largest size), "a 2 liter of cola"
(that size), "a half gallon of orange juice" (a product sold in that unit). They choose among
the sizes of the product matched; a size the store does not sell makes the match a question."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from catalog.model import Candidate, Match, Product
from catalog.purchase import terms_of
from catalog.units import BY_WEIGHT, COUNT, VOLUME, WEIGHT, Amount
from catalog.variants import variants_in
from intents.dialog.handlers.common import fits
from intents.dialog.turn import Turn


def by_size(turn: Turn, match: Match, size: str | None) -> Match:
    """"A big tub of greek yogurt": the largest in-stock size of the product matched; "a small
    one" the smallest; "a 2 liter of cola" the one of that size. Sizes compare in one
    dimension (catalog.units); others are left be."""
    if not size or match.best is None:
        return match
    if is_measure(size):
        return _of_measure(turn, match, size)
    best = match.best.product
    pack = terms_of(best).pack
    if pack is None:
        return match
    sized = [(terms_of(p).pack, p) for p in variants_in(turn.matcher, best)
             if p.in_stock or p.id == best.id]
    sized = [(k.amount.value, p) for k, p in sized if k and k.dimension == pack.dimension]
    pick = (max if size == "large" else min)(sized, key=lambda vp: vp[0])[1]
    if pick.id == best.id:
        return match
    return replace(match, best=Candidate(pick, match.best.confidence), alternatives=tuple(
        c for c in [match.best, *match.alternatives] if c.product.id != pick.id)[:3])


MEASURE_TOLERANCE = Decimal("0.03")  # "a 2 liter" is the 67.6 fl oz bottle; "64 ounce" 64 fl oz


def is_measure(size: str | None) -> bool:
    """A size said as an amount ("2 liter", "20 ounce"), not a size word ("large")."""
    return bool(size) and size[:1].isdigit()


def _of_measure(turn: Turn, match: Match, size: str) -> Match:
    """The variant of the best match whose size is the amount said. When none is, the match
    is no longer sure and its best is the nearest size: the shopper is asked ("I don't have
    cola in 3 liter. I have Cola, 2 liter, ..."), never given another size without a word."""
    value, unit = size.split(" ", 1)
    best = match.best.product
    wanted = Amount.of(value, unit)
    near: list[tuple[Decimal, Product]] = []
    sizes = [best, *variants_in(turn.matcher, best)]
    for p in sizes:
        pack = terms_of(p).pack
        if pack is None or not (p.in_stock or p.id == best.id) \
                or ((pack.pieces or 0) > 1 and pack.dimension != COUNT):
            continue  # "a 3 liter" is one bottle, not six half-liter bottles in all
        said = wanted
        if pack.dimension != said.dimension and unit == "ounce" and pack.dimension == VOLUME:
            said = Amount.of(value, "fluid_ounce")  # "a 20 ounce cola" is fluid ounces
        if pack.dimension == said.dimension and said.value > 0:
            near.append((abs(pack.amount.value - said.value) / said.value, p))
    off, pick = min(near, key=lambda dp: dp[0]) if near else (None, best)
    if off is not None and off <= MEASURE_TOLERANCE:
        return _with_best(match, pick)
    weighed = next((p for p in sizes if p.in_stock and terms_of(p).sold_by == BY_WEIGHT), None)
    if weighed is not None and wanted.dimension == WEIGHT:
        # "a 1 pound pack of ground beef" with no such pack: a pound of it weighed (the
        # dialog reads the size as the amount: see weighed_amount)
        return _with_best(match, weighed)
    return replace(_with_best(match, pick), sure=False, ambiguous=False, options=())


def weighed_amount(item_size: str, quantity: float | None) -> tuple[float, str]:
    """"two 1 pound packs" of what is sold by weight: 2 pounds."""
    value, unit = item_size.split(" ", 1)
    return (quantity or 1) * float(value), unit


def _with_best(match: Match, pick: Product) -> Match:
    if pick.id == match.best.product.id:
        return match
    return replace(match, best=Candidate(pick, match.best.confidence), alternatives=tuple(
        c for c in [match.best, *match.alternatives] if c.product.id != pick.id)[:3])


SIZE_MARGIN = 0.05  # a variant this close to the best match wins if it is the size spoken


def sized(match: Match, unit: str | None) -> Match:
    """"A half gallon of orange juice": a near-equal alternative sold in the size spoken wins
    over a best match sold in another size. (Sizes of the same product are the purchase
    arithmetic's business: catalog.purchase chooses among a product's variants.)"""
    if not unit or match.best is None or fits(match.best.product, unit):
        return match
    fitting = next((c for c in match.alternatives if fits(c.product, unit)
                    and c.confidence >= match.best.confidence - SIZE_MARGIN), None)
    if fitting is None:
        return match
    return replace(match, best=fitting, alternatives=tuple(
        c for c in [match.best, *match.alternatives] if c is not fitting))
