"""What a spoken amount buys, in words: the conversation's side of catalog.purchase.

The arithmetic is catalog.purchase's; here it is only asked for (with the product's variants
from the matcher's catalog) and said back, so a shopper always hears what was billed when it
differs from what they said, and "about" for anything priced at the scale.
"""
from __future__ import annotations

from decimal import Decimal

from catalog import purchase as p
from catalog.model import Product
from catalog.purchase import Asked, Purchase, Refusal
from catalog.units import BY_WEIGHT, COUNT, EACH
from catalog.variants import variants_in
from intents.dialog.speech import say_number, say_price, say_quantity, short_name

__all__ = ["Asked", "Purchase", "Refusal", "asked_of", "purchase_for", "say_added", "say_changed", "say_refusal",
           "say_price_of", "say_total", "plural_name"]


def asked_of(quantity: float | Decimal | None, unit: str | None,
             pack_size: float | Decimal | None = None) -> Asked:
    return Asked.of(quantity, unit, pack_size)


def purchase_for(matcher, product: Product, asked: Asked) -> Purchase:
    """What `asked` of `product` buys among its sizes in the matcher's catalog; Refusal."""
    return p.plan(product, asked, variants_in(matcher, product))


def plural_name(name: str, count: Decimal | float | int) -> str:
    """"two Yellow Onions" from "Yellow Onion": a plain English plural of the last word."""
    if Decimal(str(count)) == 1 or not name or name[-1] in "sS":
        return name
    if name.endswith(("ch", "sh", "x", "z")) or (name.endswith("o") and name[-2:-1] not in "aeiou"):
        return name + "es"
    if name.endswith("y") and name[-2:-1] not in "aeiou":
        return name[:-1] + "ies"
    return name + "s"


def _verb(name: str) -> str:
    """"Bananas are", "Ribeye Steak is", "Bunch of Bananas is"."""
    one = name.lower().split(" of ")[0] in p.CONTAINERS
    return "are" if name.endswith("s") and not one else "is"


def say_total(amount: Decimal, lines) -> str:
    """A total with "about" when some line is billed by weight: the scale sets those."""
    price = say_price(amount)
    return f"about {price}" if any(getattr(line, "estimated", False) for line in lines) else price


def say_price_of(purchase: Purchase) -> str:
    price = say_price(purchase.line_total)
    return f"about {price}" if purchase.estimated else price


def _container(purchase: Purchase) -> str:
    terms = purchase.terms
    pack = terms.pack if terms else None
    if pack and pack.container:
        return pack.container
    return "pack" if pack is None or pack.dimension == COUNT else "container"


def plural_word(word: str, count: Decimal) -> str:
    if count == 1:
        return word
    return word + ("es" if word.endswith(("x", "ch", "sh")) else "s")


def _size_without(size: str | None, container: str | None) -> str:
    words = (size or "").split()
    if container and words and words[-1].rstrip("s") == container:
        words = words[:-1]
    return " ".join(words)


def _without_container(name: str, container: str | None) -> str:
    """"a bag of Bag of Gala Apples" would say the bag twice."""
    lead = f"{container} of "
    return name[len(lead):] if container and name.lower().startswith(lead) else name


def _unit_words(quantity: Decimal, unit: str) -> str:
    plural = say_quantity(quantity, unit, "x").removesuffix(" of x")
    return plural


def say_added(purchase: Purchase) -> str:
    """"Added ..." for one purchase, with the price; why it differs from what was said."""
    name = short_name(purchase.product)
    asked, q, price = purchase.asked, purchase.quantity, say_price_of(purchase)
    reason = purchase.reason
    if reason == p.AS_ASKED:
        spoken_q = asked.quantity if asked.unit in p.CONTAINERS and asked.quantity is not None else q
        unit = asked.unit if asked.unit in p.CONTAINERS else purchase.unit
        if unit is None and purchase.terms and purchase.terms.sold_by == EACH:
            name = plural_name(name, spoken_q)  # "two Red Onions"
        return f"Added {say_quantity(spoken_q, unit, _without_container(name, unit))}, {price}."
    if reason == p.CONTAINER:
        container = asked.unit if asked.unit in p.CONTAINERS else "pack"
        pack = purchase.terms.pack if purchase.terms else None
        size = _size_without(purchase.product.size, container) if pack else ""
        named = _without_container(name, container)
        return f"Added {say_quantity(q, container, named)}{', ' + size if size else ''}, {price}."
    if reason == p.COVER:
        return _say_cover(purchase, name, price)
    if reason == p.WEIGHED:
        said = say_quantity(asked.quantity, asked.unit, name)
        if asked.unit != purchase.unit:
            said += f", that's {_unit_words(q, purchase.unit)}"
        return f"Added {said}, {price}; the final price is by weight."
    if reason == p.COUNT_WEIGHED:
        weight = _unit_words(q, purchase.unit)
        per = "pound" if purchase.unit == "pound" else "kilogram"
        if asked.unit in p.CONTAINERS:
            what = say_quantity(asked.quantity or 1, asked.unit, "x").removesuffix(" of x")
            return (f"{name} {_verb(name)} sold by the {per}: {what} is about {weight}, "
                    f"{price}; the final price is by weight.")
        if purchase.terms and purchase.terms.avg_weight is not None and asked.quantity is not None:
            count = say_number(asked.quantity or 1)
            name = plural_name(name, asked.quantity or 1)  # "Ribeye Steaks are sold by the pound"
            return (f"{name} {_verb(name)} sold by the {per}, so {count} "
                    f"{'is' if (asked.quantity or 1) == 1 else 'are'} about {weight}: I added that, "
                    f"{price}; the final price is by weight.")
        if asked.quantity is None:
            return f"Added {say_quantity(q, purchase.unit, name)}, {price}; the final price is by weight."
        return (f"{name} {_verb(name)} sold by the {per}, so I added {weight}, {price}; "
                "the final price is by weight.")
    if reason == p.EACH_FROM_WEIGHT:
        amount = say_quantity(asked.quantity, asked.unit, "x").removesuffix(" of x")
        return (f"{name} {_verb(name)} sold each, so for about {amount} I added "
                f"{say_number(q)}, {price}.")
    if reason == p.LOOSE:
        return f"Added {say_number(q)} loose {plural_name(name, q)}, {price}."
    return f"Added {say_quantity(q, purchase.unit, name)}, {price}."


def say_changed(purchase: Purchase) -> str:
    """The answer to a correction: "OK, a gallon of Whole Milk now, $4.29."."""
    if purchase.reason == p.AS_ASKED:
        added = say_added(purchase).removeprefix("Added ")
        what, _, price = added.rpartition(", ")
        return f"OK, {what} now, {price}"
    return f"OK. {say_added(purchase)}"


def _say_cover(purchase: Purchase, name: str, price: str) -> str:
    q = purchase.quantity
    terms = purchase.terms
    pack = terms.pack if terms else None
    container = _container(purchase)
    containers = plural_word(container, q)
    by_piece = purchase.asked_amount is not None and purchase.asked_amount.dimension == COUNT
    if pack is not None and (pack.dimension == COUNT or by_piece and pack.pieces):
        pieces = pack.pieces or int(pack.amount.value)
        asked_pieces = purchase.asked_amount.value if purchase.asked_amount else None
        if asked_pieces is not None and q * pieces != asked_pieces:
            return (f"{name} {'come' if name.endswith('s') else 'comes'} in "
                    f"{plural_word(container, Decimal(2))} of {pieces}, so I added "
                    f"{say_number(q)} {containers}, {price}.")
        return f"Added {say_number(q)} {containers} of {pieces} {name}, {price}."
    size = _size_without(purchase.product.size, container)
    exact = purchase.asked_amount is not None and pack is not None and p.close(
        q * pack.amount.value, purchase.asked_amount.value)
    if exact and q == 1:
        return f"Added {name}, {purchase.product.size}, {price}."
    if exact:
        return f"Added {say_number(q)} {name}, {size} each, {price}."
    return (f"{name} {'come' if name.endswith('s') else 'comes'} in {size} "
            f"{plural_word(container, Decimal(2))}, so I added {say_number(q)} {containers}, {price}.")


def say_refusal(refusal: Refusal) -> str:
    """Why nothing was added, and what to say instead."""
    name = short_name(refusal.product)
    asked = refusal.asked
    example = f"For example, say: add two {plural_name(name, 2)}."
    if refusal.reason == p.NOT_POSITIVE:
        return f"That's not an amount I can add of {name}, so I didn't add it. {example}"
    if refusal.reason == p.WHOLE_ONLY:
        amount = format((asked.quantity or Decimal(0)).normalize(), "f")
        return (f"{name} can only be bought whole, so I can't add {amount} "
                f"of {'them' if name.endswith('s') else 'it'}. {example}")
    if refusal.reason == p.TOO_MUCH:
        return (f"That's more {name} than I can add at once ({refusal.detail} per item), so I "
                "didn't add any. Please say a smaller amount.")
    if refusal.reason == p.NO_AVERAGE_WEIGHT:
        return (f"{name} {_verb(name)} sold each, and I can't tell how many make "
                f"{say_quantity(asked.quantity, asked.unit, 'x').removesuffix(' of x')}, so I didn't add "
                f"any. {example}")
    terms = p.terms_of(refusal.product)
    how = {BY_WEIGHT: f"by the {(terms.price_unit or 'pound')}", EACH: "each"}.get(
        terms.sold_by, f"in {refusal.product.size or 'packs'}")
    unit = (asked.unit or "").replace("_", " ")
    return f"{name} {_verb(name)} sold {how}, not by the {unit}, so I didn't add it. {example}"

