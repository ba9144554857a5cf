"""Changing a line's kind: "change the milk to skim", "make it skim", "switch the eggs to brown
ones". The line's product is swapped for the kind named, keeping the amount the shopper asked
for (billed by the same amount rules as adding), in one undo step."""
from __future__ import annotations

from catalog.model import Product
from catalog.normalize import content_tokens, tokens
from catalog.purchase import terms_of
from catalog.variants import variants_in
from intents.dialog.handlers.common import ANYTHING_ELSE, find_cart_lines, last_line
from intents.dialog.handlers.items import add_product, resolve
from intents.dialog.speech import capitalized, is_plural, none_in_cart, short_name
from intents.dialog.turn import Turn
from intents.model import ItemRequest, Reply

KIND_CONFIDENCE = 0.8  # the kind named must find its product clearly, or nothing is swapped


def change_kind(turn: Turn, item: ItemRequest | None, kind: str) -> Reply:
    if item is not None:
        resolve(turn, item)
        lines = find_cart_lines(turn, item)
        if not lines:
            return Reply(f"{capitalized(none_in_cart(item.phrase))}. Say add {kind} "
                         f"{item.phrase} to add it.", reprompt=ANYTHING_ELSE)
        line = lines[-1]
    else:
        line = last_line(turn)
        if line is None:
            return Reply("Your cart is empty, so there's nothing to change. What would you like "
                         "to add?", reprompt="What would you like to add?")
    old = turn.matcher.get(line.product_id)
    new = _kind_of(turn, old, line.name, kind, item.phrase if item else None)
    if old is not None and new is not None and new.id == old.id:
        kept = short_name(old)
        return Reply(f"Your {kept} {'are' if is_plural(kept) else 'is'} already {kind}, "
                     f"so nothing changed. {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
    if new is None:
        kept = short_name(old) if old else line.name
        return Reply(f"Sorry, I couldn't find {kind} {item.phrase if item else _head(line.name)}, "
                     f"so your {kept} {'stay as they are' if is_plural(kept) else 'stays as it is'}. "
                     f"{ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
    quantity, unit = line.asked
    if unit is None and old is not None:
        new = _same_size(turn, new, old)
    said = add_product(turn, new, float(quantity), unit, replacing=(line.product_id, line.unit, None),
                       changing=True)
    if not said.startswith("OK"):  # refused or out of stock: the line was left alone
        return Reply(f"{said} {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
    what = capitalized(said.removeprefix("OK, ").removeprefix("OK. "))
    return Reply(f"OK, swapped {short_name(old) if old else line.name} for {short_name(new)}. "
                 f"{what} {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)


def _head(name: str) -> str:
    words = content_tokens(tokens(name))
    return words[-1] if words else name


def _kind_of(turn: Turn, old: Product | None, name: str, kind: str,
             phrase: str | None) -> Product | None:
    """The product of the kind named: "skim" + "milk", "brown" + "eggs". It must be a clear
    match, in stock, carry the kind's words in its name, and be the same kind of food (the
    same department) as the line's product. The line's own product when it is already of
    that kind ("make it skim" twice), so the shopper hears that rather than "couldn't find"."""
    kind_words = set(content_tokens(tokens(kind)))
    if not kind_words:
        return None
    tries = [f"{kind} {phrase}" if phrase else None, f"{kind} {_head(name)}", kind]
    for said in dict.fromkeys(t for t in tries if t):
        match = turn.matcher.resolve(said, history=turn.history())
        if match.best is None or match.confidence < KIND_CONFIDENCE:
            continue
        product = match.best.product
        named = set(tokens(" ".join([product.name, *product.synonyms])))
        if not kind_words <= named or not product.in_stock:
            continue
        if old is not None and product.id == old.id:
            return old
        if old is not None and product.department != old.department:
            continue
        return product
    return None


def _same_size(turn: Turn, new: Product, old: Product) -> Product:
    """With no amount said ("add milk"), the new kind in the old one's size, if it has it."""
    if new.size == old.size:
        return new
    same = [p for p in variants_in(turn.matcher, new) if p.in_stock and p.size == old.size
            and terms_of(p).sold_by == terms_of(old).sold_by]
    return same[0] if same else new
