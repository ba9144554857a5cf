"""Corrections: remove an item, undo the last change, change a quantity, swap for a variant."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from cart import services
from cart.errors import NothingToUndo
from catalog.model import Product
from catalog.purchase import terms_of
from cart.model import CartLine
from intents.dialog.handlers.common import (ANYTHING_ELSE, billed_share, counted_speech,
                                            find_cart_lines, last_line, line_speech,
                                            pieces_per_pack, priced)
from intents.dialog.handlers.items import add_product, resolve
from intents.model import ItemRequest, Reply
from intents.dialog.speech import (cart_size, capitalized, join_words, none_in_cart, say_number,
                                   short_name)
from intents.dialog.turn import Turn, handles


@handles("RemoveItem")
def remove_item(turn: Turn) -> Reply:
    if turn.request.slots.get("undo"):
        return undo(turn)
    items = [i for i in turn.request.items if i.phrase or i.product_id]
    if not items and turn.request.items and (line := last_line(turn)) is not None:
        # "remove it", "take that off": the item last talked about
        items = [ItemRequest("", turn.request.items[0].quantity, turn.request.items[0].unit,
                             product_id=line.product_id)]
    if not items:
        return Reply("Which item should I remove?", reprompt="Which item should I remove?")
    said = []
    for item in items:
        resolve(turn, item)
        lines = find_cart_lines(turn, item)
        if not lines:
            said.append(f"{capitalized(none_in_cart(item.phrase))}.")
            continue
        line = next((l for l in lines if item.unit and l.unit == item.unit), lines[0])
        fewer = billed_share(turn, line, item)
        if fewer is not None and 0 < fewer < line.quantity:
            # "remove one of the eggs" takes one away, not the whole line
            left = services.set_quantity(turn.carts, turn.customer_id, line.product_id,
                                         line.quantity - fewer, line.unit, now=turn.now)
            said.append(_fewer_said(turn, line, left, fewer, item))
            continue
        removed = services.remove_item(turn.carts, turn.customer_id, lines[0].product_id, now=turn.now)
        said.append(f"Removed {join_words([line_speech(l) for l in removed])}.")
    turn.state.context.pop("last_added", None)
    return Reply(" ".join(said + [ANYTHING_ELSE]), reprompt=ANYTHING_ELSE)


def _fewer_said(turn: Turn, line: CartLine, left: CartLine, fewer: Decimal,
                item: ItemRequest) -> str:
    """"Removed one. You now have two." Lines of packs are spoken by their packs, and a count
    that took a whole pack away ("remove one bagel" of packs of six) says so."""
    product = turn.matcher.get(line.product_id)
    name = short_name(_named(line))
    removed = counted_speech(replace(line, quantity=fewer), product)
    pieces = pieces_per_pack(line, product)
    if pieces is not None and item.unit is None and Decimal(str(item.quantity)) != fewer * pieces:
        container = terms_of(product).container or "pack"
        lead = f"{name} come in {container}s of {say_number(pieces)}, so I removed {removed}."
    else:
        lead = f"Removed {'about ' if line.estimated else ''}{removed}."
    return f"{lead} You now have {counted_speech(left, product)}."


def _named(line) -> Product:
    return Product(id=line.product_id, name=line.name, price=line.unit_price)


def undo(turn: Turn) -> Reply:
    try:
        cart = services.undo(turn.carts, turn.customer_id, now=turn.now)
    except NothingToUndo:
        return Reply("There's nothing to undo.", reprompt=ANYTHING_ELSE)
    turn.state.context.pop("last_added", None)
    return Reply(f"Undone. {cart_size(len(cart.lines))} now. {ANYTHING_ELSE}",
                 reprompt=ANYTHING_ELSE)


@handles("UpdateQuantity")
def update_quantity(turn: Turn) -> Reply:
    item = turn.request.items[0] if turn.request.items else ItemRequest("")
    if item.quantity is None:
        return Reply("How many would you like?", reprompt="How many would you like?")
    if item.phrase or item.product_id:
        resolve(turn, item)
        lines = find_cart_lines(turn, item)
        if not lines:
            return Reply(f"{capitalized(none_in_cart(item.phrase))}. Say add {item.phrase} to add it.",
                         reprompt=ANYTHING_ELSE)
        line = lines[-1]
    else:
        line = last_line(turn)
        if line is None:
            return Reply("Your cart is empty, so there's nothing to change. What would you like to add?",
                         reprompt="What would you like to add?")
    change = turn.request.slots.get("change")
    asked_quantity, asked_unit = line.asked
    quantity = Decimal(str(item.quantity))
    unit = item.unit if item.unit else _kept_unit(asked_unit, quantity, bool(item.phrase))
    if change in ("increase", "decrease"):  # "two more", "one less": a difference, not a total
        base = asked_quantity if unit == asked_unit else line.quantity
        unit = asked_unit if unit == asked_unit else line.unit
        quantity = max(Decimal(0), base + (quantity if change == "increase" else -quantity))
    product = turn.matcher.get(line.product_id)
    if quantity == 0 or product is None:
        updated = services.set_quantity(turn.carts, turn.customer_id, line.product_id, quantity,
                                        line.unit, now=turn.now)
        if updated is None:
            return Reply(f"Removed {line_speech(line)}. {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
        return Reply(f"OK, {line_speech(updated)} now, {priced(updated.quantity, updated.unit_price)}. "
                     f"{ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
    # The new amount follows the same rules as adding ("make it 18" of eggs is the 18-count
    # carton), and replaces the line in one undo step
    said = add_product(turn, product, float(quantity), unit, replacing=(line.product_id, line.unit, None),
                       changing=True)
    return Reply(f"{said} {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)


def _kept_unit(asked_unit: str | None, quantity: Decimal, named: bool) -> str | None:
    """"Make that three" keeps the unit last said (three gallons, three pounds); but after "a
    dozen eggs", "make it 18" (or "18 eggs") means eighteen eggs, not eighteen dozen."""
    if asked_unit == "dozen" and (named or quantity > 6):
        return None
    return asked_unit
