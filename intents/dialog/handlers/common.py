"""Helpers several handlers share: finding a cart line by what was said, speaking lines."""
from __future__ import annotations


from collections import Counter
from functools import lru_cache
from collections.abc import Sequence
from decimal import Decimal

from rapidfuzz import fuzz, process

from cart import services
from cart.errors import DomainError
from cart.model import CartLine, money
from cart.orders import OrderLine
from cart.services import get_cart
from catalog.model import Match, Product
from catalog.purchase import Asked, Refusal, plan, terms_of
from catalog.units import is_one
from catalog.normalize import content_tokens, singular, tokens
from intents.model import ItemRequest
from intents.dialog.amounts import plural_word
from intents.dialog.speech import (say_number, say_price, say_quantity, short_name,
                                   shortened)
from intents.dialog.turn import Turn
from catalog.sql import STORAGE_ERRORS

ANYTHING_ELSE = "Anything else?"


# Lines are frozen and their speech depends on nothing else; the cart row cache hands out the
# same line objects turn after turn, and a read-back says each line twice (speech and card):
# remembered by identity (the entry keeps its line alive, so an id is never reused meanwhile)
_SPOKEN: dict[int, tuple[CartLine, str]] = {}
_SPOKEN_MAX = 4096


def line_speech(line: CartLine) -> str:
    """"two gallons of Whole Milk", "two packs of Large White Eggs" (24 eggs were asked for),
    "0.75 pounds of Large Raw Shrimp"."""
    known = _SPOKEN.get(id(line))
    if known is not None and known[0] is line:
        return known[1]
    said = _line_speech(line)
    if len(_SPOKEN) >= _SPOKEN_MAX:
        _SPOKEN.clear()
    _SPOKEN[id(line)] = (line, said)
    return said


def _line_speech(line: CartLine) -> str:
    name = _line_name(line)
    asked_quantity, asked_unit = line.asked
    if line.unit is None and not line.estimated and line.asked_quantity is not None \
            and asked_unit is None and asked_quantity != line.quantity:
        return f"{say_number(line.quantity)} pack{'s' if line.quantity != 1 else ''} of {name}"
    return say_quantity(line.quantity, line.unit, name)


def billed_share(turn: Turn, line: CartLine | OrderLine, item: ItemRequest) -> Decimal | None:
    """How much of `line`, in the unit it is billed by, the amount said stands for, by the
    same rules as adding: one apple is about 0.4 pounds of a line by weight, "a can" or "a
    carton" one of a line of cans or cartons, a bagel a whole pack of six. None when no amount
    was said or it does not fit the line (then the whole line goes)."""
    if item.quantity is None:
        return None
    product = turn.matcher.get(line.product_id)
    if product is not None:
        try:
            purchase = plan(product, Asked.of(item.quantity, item.unit))
        except Refusal:
            purchase = None
        if purchase is not None and purchase.unit == line.unit:
            return purchase.quantity
        # "a carton" of a line kept in dozens: what the carton costs is its share of the line
        if purchase is not None and not purchase.estimated and not line.estimated \
                and line.unit_price > 0 and purchase.product.id == line.product_id:
            share = purchase.line_total / line.unit_price
            if share == share.to_integral_value():
                return share
    if item.unit is None or item.unit == line.unit:
        return Decimal(str(item.quantity))
    return None


def held_speech(line: CartLine, product: Product | None) -> str:
    """A line of packs or containers by its containers: "two cartons of Large White Eggs" (24
    eggs), "two cans of Black Beans", never "two Large White Eggs"; any other line as
    line_speech says it."""
    container = _container_of(line, product)
    if container is not None:
        count = ("an" if container[:1] in "aeiou" else "a") if line.quantity == 1 \
            else say_number(line.quantity)
        name = _line_name(line)
        if name.lower().startswith(f"{container} of "):  # "Bag of Ice": two bags of Ice
            name = name[len(container) + 4:]
        return f"{count} {plural_word(container, line.quantity)} of {name}"
    return line_speech(line)


def lines_speech(turn: Turn, lines: Sequence[CartLine | OrderLine]) -> list[str]:
    """Each line as held_speech says it; two lines that would sound the same ("Cola" the
    2 liter and "Cola" the 20 oz bottle) are told apart by size, else by brand."""
    products = [turn.matcher.get(line.product_id) for line in lines]
    plain = [held_speech(line, product) for line, product in zip(lines, products)]
    seen = Counter(plain)
    said = list(plain)
    for i, (text, product) in enumerate(zip(plain, products)):
        if seen[text] > 1 and product is not None:
            twins = [p for t, p in zip(plain, products) if t == text and p is not None]
            if product.size and len({p.size for p in twins}) == len(twins):
                said[i] = f"{text}, {product.size}"
            elif product.brand and len({p.brand for p in twins}) == len(twins):
                said[i] = f"{text} from {product.brand}"
    return said


def counted_speech(line: CartLine, product: Product | None) -> str:
    """held_speech with the count always said: "one Hass Avocado", "one can of Black Beans",
    where a single item would otherwise be said by its name alone ("Removed Plain Bagels. You
    now have Plain Bagels." said nothing about how many)."""
    spoken = held_speech(line, product)
    if line.quantity != 1 or line.unit is not None or spoken != _line_name(line):
        return spoken
    head, _, last = spoken.rpartition(" ")
    one = singular(last.lower())
    one = one[:1].upper() + one[1:] if last[:1].isupper() else one
    return f"one {head} {one}" if head else f"one {one}"


def pieces_per_pack(line: CartLine, product: Product | None) -> int | None:
    """How many pieces one of a line's packs holds (6 bagels), when the line counts such packs."""
    if product is None or line.unit is not None or line.estimated:
        return None
    pack = terms_of(product).pack
    return pack.pieces if pack is not None and (pack.pieces or 0) > 1 else None


def _container_of(line: CartLine, product: Product | None) -> str | None:
    if product is None or line.unit is not None or line.estimated:
        return None
    terms = terms_of(product)
    if pieces_per_pack(line, product) is not None:
        return terms.container or "pack"
    # a can, jar or bag of something, unless the name says it already ("Ice Cream Bar Box");
    # a name that opens with it ("Bag of Ice") is said without it
    container = terms.container if terms.pack is not None else None
    if container and (container not in _name_words(line.name)
                      or line.name.lower().startswith(f"{container} of ")):
        return container
    return None


@lru_cache(maxsize=4096)
def _name_words(name: str) -> frozenset[str]:
    # a cart read says every line: names are few, and tokenising one costs more than asking
    return frozenset(tokens(name))


def _line_name(line: CartLine) -> str:
    # Cart lines keep the product's name as it was when added; shorten it the same way.
    return shortened(line.name)


def priced(quantity: float | Decimal | None, unit_price: Decimal) -> str:
    q = Decimal(str(quantity)) if quantity is not None else Decimal(1)
    return say_price(money(q * unit_price))


def find_cart_lines(turn: Turn, item: ItemRequest) -> list[CartLine]:
    """The cart lines a spoken item refers to: "remove the milk" finds the 2% milk in the cart
    even when the catalog's best match for "milk" is another milk."""
    cart = get_cart(turn.carts, turn.customer_id)
    if not cart.lines:
        return []
    if item.product_id:
        return [l for l in cart.lines if l.product_id == item.product_id]
    match = item.match
    ranked = [match.best] + list(match.alternatives) if match and match.best else []
    in_cart = {l.product_id for l in cart.lines}
    for candidate in ranked:
        if candidate.product.id in in_cart:
            return [l for l in cart.lines if l.product_id == candidate.product.id]
    phrase = _norm(item.phrase) if item.phrase else ""
    if not phrase:
        return []
    names = [_norm(l.name) for l in cart.lines]
    best = process.extractOne(phrase, names, scorer=fuzz.token_set_ratio, score_cutoff=75)
    if best is None:
        return []
    product_id = cart.lines[best[2]].product_id
    return [l for l in cart.lines if l.product_id == product_id]


def last_line(turn: Turn) -> CartLine | None:
    cart = get_cart(turn.carts, turn.customer_id)
    if turn.state.last_product_id:
        for line in cart.lines:
            if line.product_id == turn.state.last_product_id:
                return line
    return cart.last_line() or (cart.lines[-1] if cart.lines else None)


def _norm(text: str) -> str:
    return " ".join(tokens(text))


MIN_ALTERNATIVE_CONFIDENCE = 0.5  # an in-stock "instead" must still be a plausible match


def in_stock_alternative(turn: Turn, product: Product, match: Match | None = None) -> Product | None:
    """The nearest in-stock product to an out-of-stock one, or None rather than something
    unrelated. First the match's own alternatives; then what the product's spoken names
    (synonyms: "fresh thyme" is also "thyme") find, if it shares a word with the product; last
    its name without the first word ("extra large white eggs" -> "large white eggs"), if it
    keeps the head noun and the department."""
    def first(candidates, accept) -> Product | None:
        for c in candidates:
            other = c.product
            if other.in_stock and other.id != product.id \
                    and c.confidence >= MIN_ALTERNATIVE_CONFIDENCE and accept(other):
                return other
        return None

    def found_for(phrase: str):
        m = turn.matcher.resolve(phrase, history=turn.history())
        return ([m.best] if m.best else []) + list(m.alternatives)

    # the same kind of product: an alternative from the same aisle (or department), so a
    # sold-out pasta sauce is offered another pasta sauce, never a drink or a cleaner
    same_kind = (lambda p: p.aisle == product.aisle) if product.aisle else \
        (lambda p: p.department == product.department)
    if match is not None and (found := first(match.alternatives, same_kind)):
        return found
    words = set(content_tokens(tokens(product.name)))
    for synonym in product.synonyms[:3]:
        if found := first(found_for(synonym),
                          lambda p: bool(words & set(content_tokens(tokens(p.name))))):
            return found
    name = content_tokens(tokens(short_name(product)))
    if len(name) >= 2:
        head = name[-1]
        return first(found_for(" ".join(name[1:])),
                     lambda p: p.department == product.department and head in tokens(p.name))
    return None


def fits(product: Product, unit: str | None) -> bool:
    """One of the product is one of the unit spoken: "a half gallon" and "0.5 gal", "a quart"
    and "32 fl oz", "a dozen" and "12 ct" (catalog.units does the arithmetic)."""
    return is_one(terms_of(product).pack, unit)


def instead_terms(wanted: Product, instead: Product, unit: str | None) -> tuple[str, str | None]:
    """How to name an in-stock alternative, and the unit to add it in: the size is said when
    the names alike ("Organic 2% Milk, 1 gal"), and a unit that was the wanted product's size
    ("a half gallon") is not carried over to an alternative of another size."""
    name = short_name(instead)
    if name == short_name(wanted) and instead.size:
        name = f"{name}, {instead.size}"
    if unit and fits(wanted, unit) and not fits(instead, unit):
        unit = None
    return name, unit


DEFAULT_TZ = "America/New_York"


def store_tz(carts, customer_id: str) -> str:
    """The shopper's store's time zone: "tomorrow at five" is five o'clock there."""
    try:
        customer = services.get_customer(carts, customer_id)
        store = carts.get_store(customer.preferred_store_id) if customer.preferred_store_id else None
        store = store or next(iter(carts.list_stores()), None)
        return store.tz if store else DEFAULT_TZ
    except (DomainError, *STORAGE_ERRORS):
        return DEFAULT_TZ
