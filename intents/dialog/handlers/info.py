"""Questions before buying: price, availability, the cheapest option. Never adds by itself:
it offers, and only a following "yes" adds exactly the product it talked about."""
from __future__ import annotations

import re
from decimal import Decimal

from cart import services
from catalog.model import Product
from catalog.purchase import COVER, EACH_FROM_WEIGHT, terms_of
from catalog.units import EACH
from intents.dialog.amounts import Refusal, asked_of, purchase_for, say_price_of, say_refusal
from intents.dialog.handlers.common import ANYTHING_ELSE, in_stock_alternative, instead_terms, priced
from intents.dialog.handlers.items import resolve
from intents.dialog.handlers.sizes import is_measure
from intents.dialog.handlers.kinds import ask_kind
from intents.model import ItemRequest, Reply
from intents.dialog.speech import is_plural, say_number, say_price, say_quantity, short_name
from intents.dialog.turn import Turn, handles

_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*(fl oz|oz|lb|gal|ct|qt|pt|l|ml|g|kg)\b", re.I)
# slots["info"] for "do you have…", "is … in stock": the answer starts with a yes
_STOCK_QUESTIONS = frozenset({"availability", "stock", "have"})
_TO_BASE = {"fl oz": ("floz", 1), "oz": ("oz", 1), "lb": ("oz", 16), "gal": ("floz", 128),
            "qt": ("floz", 32), "pt": ("floz", 16), "l": ("floz", 33.814), "ml": ("floz", 0.033814),
            "g": ("oz", 0.035274), "kg": ("oz", 35.274), "ct": ("ct", 1)}


@handles("ProductInfo")
def product_info(turn: Turn) -> Reply:
    items = [i for i in turn.request.items if i.phrase or i.product_id]
    if not items:
        return Reply("Which product would you like to know about?", reprompt="Which product?")
    item = items[0]
    match = resolve(turn, item)
    if match is None or match.best is None:
        return Reply(f"Sorry, I couldn't find {item.phrase}. {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
    info = turn.request.slots.get("info")
    if match.kinds and not item.product_id and info not in ("cheapest", "best_value"):
        # "do you have fruit": the kinds there, as the same choice an add would offer
        question = ask_kind(turn, {"phrase": item.phrase, "quantity": item.quantity,
                                   "unit": item.unit, "pack_size": item.pack_size,
                                   "size": item.size}, match, [])
        return Reply(f"Yes. {question}", reprompt=question)
    close = [match.best.product] + [c.product for c in match.alternatives]
    if info in ("cheapest", "best_value"):
        return _cheapest(turn, item, close, best_value=info == "best_value")
    product = match.best.product
    if not match.sure and not item.product_id and (match.not_carried or not product.in_stock):
        # "do you have vodka" is no question about a sold-out Vodka Sauce; "do you carry
        # skippy peanut butter" is answered about the brand, then the plain product
        if not match.not_carried:
            return Reply(f"Sorry, I don't have {item.phrase}. {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
        if product.in_stock:
            return _offer(turn, item, product, f"I don't carry {match.not_carried}. I have "
                          f"{short_name(product)}, {priced(item.quantity, product.price)}.")
        return Reply(f"Sorry, I don't carry {match.not_carried}. {ANYTHING_ELSE}",
                     reprompt=ANYTHING_ELSE)
    if not product.in_stock:
        instead = in_stock_alternative(turn, product, match)
        if instead is None:
            return Reply(f"Sorry, {short_name(product)} is out of stock right now. {ANYTHING_ELSE}",
                         reprompt=ANYTHING_ELSE)
        name, unit = instead_terms(product, instead, item.unit)
        return _offer(turn, ItemRequest(item.phrase, item.quantity, unit), instead,
                      f"{short_name(product)} is out of stock right now, but I have "
                      f"{name} at {priced(item.quantity, instead.price)}.")
    store = services.shopping_store(turn.carts, turn.customer_id)
    if store is not None and not store.has_in_stock(product.id):
        # stock differs per store: never offer what the shopper's store cannot sell them
        return Reply(f"Sorry, {store.name} has no {short_name(product)} today. {ANYTHING_ELSE}",
                     reprompt=ANYTHING_ELSE)
    asked_stock = info in _STOCK_QUESTIONS
    lead = "Yes, " if asked_stock else ""
    amount = say_quantity(item.quantity, item.unit, short_name(product)) if item.quantity or item.unit \
        else short_name(product) + (f", {product.size}," if product.size else "")
    # What the amount asked buys, priced by the same rules as adding it: "a gallon" of what
    # comes in half gallons is two of them; "a pound of shrimp" is priced per pound
    try:
        bought = purchase_for(turn.matcher, product, asked_of(item.quantity, item.unit, item.pack_size))
    except Refusal as refusal:
        return Reply(f"{say_refusal(refusal)} {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
    if bought.reason == EACH_FROM_WEIGHT:
        amount += f", that's {say_number(bought.quantity)},"
    elif bought.product.id != product.id or bought.reason == COVER:
        amount += f", {say_number(bought.quantity)} of the {bought.product.size} size,"
    verb = "are" if item.quantity and item.quantity > 1 else "is"
    stock = "" if asked_stock else " It's in stock."
    price = say_price_of(bought)
    if bought.estimated and bought.unit and item.quantity is None:  # "how much is ground beef"
        amount, price = short_name(product), f"{say_price(product.price)} a {bought.unit}"
    elif item.quantity is None and item.unit is None and bought.product.id == product.id \
            and terms_of(product).sold_by == EACH:  # "Hass Avocados are $1.29 each"
        amount, price = short_name(product), f"{say_price(product.price)} each"
        verb = "are" if is_plural(amount) else "is"
    if verb == "are":  # "Hass Avocados are $1.29 each. They're in stock. Want me to add one?"
        stock = stock and " They're in stock."
        it = "them" if item.quantity else "one"
    else:
        it = "it"
    if is_measure(item.size) and product.size:  # "a 2 liter of cola": say the size answered
        amount, verb = f"{short_name(product)}, {product.size},", "is"
        if not match.sure:  # no such size: the nearest is answered, and said to be so
            lead = f"I don't have {item.phrase} in a {item.size} size. {lead}"
    text = f"{lead}{amount} {verb} {price}.{stock}"
    return _offer(turn, ItemRequest(item.phrase, item.quantity, item.unit, pack_size=item.pack_size),
                  bought.product, text[0].upper() + text[1:], it)


def _cheapest(turn: Turn, item: ItemRequest, close: list[Product], best_value: bool) -> Reply:
    in_stock = [p for p in close if p.in_stock] or close
    cheapest = min(in_stock, key=lambda p: p.price)
    text = f"The cheapest is {short_name(cheapest)} at {say_price(cheapest.price)}."
    base = unit_price(cheapest)
    comparable = [p for p in in_stock if base and (unit_price(p) or ("", 0))[0] == base[0]]
    value = min(comparable, key=lambda p: unit_price(p)[1], default=None)
    if value is not None and value.id != cheapest.id:
        text += f" The best value by size is {short_name(value)} at {say_price(value.price)}."
        if best_value:
            cheapest = value
    return _offer(turn, item, cheapest, text)


def _offer(turn: Turn, item: ItemRequest, product: Product, text: str, it: str = "it") -> Reply:
    turn.state.pending = {"kind": "offer_add", "product_id": product.id,
                          "quantity": item.quantity, "unit": item.unit, "pack_size": item.pack_size}
    return Reply(f"{text} Want me to add {it}?", reprompt=f"Want me to add {it} to your cart?")


def unit_price(product: Product) -> tuple[str, Decimal] | None:
    """Price per ounce, fluid ounce or count from the size text, so sizes can be compared."""
    m = _SIZE.search(product.size or "")
    if not m:
        return None
    base, factor = _TO_BASE[m.group(2).lower()]
    amount = Decimal(m.group(1)) * Decimal(str(factor))
    return (base, product.price / amount) if amount > 0 else None
