"""Corrections: remove an item, undo the last change, change a quantity, swap for a variant."""
from __future__ import annotations

from decimal import Decimal

from cart import services
from cart.errors import NothingToUndo
from catalog.model import Product
from intents.dialog.handlers.common import ANYTHING_ELSE, find_cart_lines, last_line, line_speech, priced
from intents.dialog.handlers.items import add_product, resolve
from intents.model import ItemRequest, Reply
from intents.dialog.speech import join_words, say_quantity, short_name
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
            said.append(f"There's no {item.phrase} in your cart.")
            continue
        line = next((l for l in lines if item.unit and l.unit == item.unit), lines[0])
        fewer = Decimal(str(item.quantity)) if item.quantity is not None else None
        if fewer is not None and (item.unit is None or item.unit == line.unit) and line.quantity > fewer:
            # "remove one of the eggs" takes one away, not the whole line
            left = services.set_quantity(turn.carts, turn.customer_id, line.product_id,
                                         line.quantity - fewer, line.unit, now=turn.now)
            said.append(f"Removed {say_quantity(fewer, line.unit, short_name(_named(line)))}. "
                        f"You now have {line_speech(left)}.")
            continue
        removed = services.remove_item(turn.carts, turn.customer_id, lines[0].product_id, now=turn.now)
        said.append(f"Removed {join_words([line_speech(l) for l in removed])}.")
    turn.state.context.pop("last_added", None)
    return Reply(" ".join(said + [ANYTHING_ELSE]), reprompt=ANYTHING_ELSE)


def _named(line) -> Product:
    return Product(id=line.product_id, name=line.name, price=line.unit_price)


def undo(turn: Turn) -> Reply:
    try:
        cart = services.undo(turn.carts, turn.customer_id, now=turn.now)
    except NothingToUndo:
        return Reply("There's nothing to undo.", reprompt=ANYTHING_ELSE)
    turn.state.context.pop("last_added", None)
    count = len(cart.lines)
    return Reply(f"Undone. Your cart has {count} item{'s' if count != 1 else ''} now. {ANYTHING_ELSE}",
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
            return Reply(f"There's no {item.phrase} in your cart. Say add {item.phrase} to add it.",
                         reprompt=ANYTHING_ELSE)
        line = lines[-1]
    else:
        line = last_line(turn)
        if line is None:
            return Reply("Your cart is empty, so there's nothing to change. What would you like to add?",
                         reprompt="What would you like to add?")
    change = turn.request.slots.get("change")
    if change in ("increase", "decrease"):  # "two more", "one less": a difference, not a total
        delta = Decimal(str(item.quantity))
        item = ItemRequest(item.phrase, float(max(Decimal(0), line.quantity + (delta if change == "increase"
                                                                            else -delta))), None)
    product = turn.matcher.get(line.product_id)
    if item.unit and item.unit != line.unit and product is not None:
        with turn.carts.transaction():
            services.remove_item(turn.carts, turn.customer_id, line.product_id, line.unit, now=turn.now)
            said = add_product(turn, product, item.quantity, item.unit)
        return Reply(f"OK. {said} {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
    updated = services.set_quantity(turn.carts, turn.customer_id, line.product_id, item.quantity,
                                    line.unit, now=turn.now)
    turn.state.last_product_id = line.product_id
    if updated is None:
        return Reply(f"Removed {line_speech(line)}. {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
    return Reply(f"OK, {line_speech(updated)} now, {priced(updated.quantity, updated.unit_price)}. "
                 f"{ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
