"""Reading the cart back in listenable chunks, answering "is X in my cart", clearing it."""
from __future__ import annotations

from cart import services
from intents.dialog.amounts import say_total
from intents.dialog.handlers.common import (ANYTHING_ELSE, counted_speech, find_cart_lines,
                                            lines_speech)
from intents.dialog.handlers.items import resolve
from intents.dialog.handlers.questions import answer
from intents.model import Reply
from intents.dialog.speech import join_words, none_in_cart, say_number
from intents.dialog.turn import Turn, handles

CHUNK = 5  # more than five items in one breath is more than a listener keeps


@handles("ReadCart")
def read_cart(turn: Turn) -> Reply:
    if about := turn.request.slots.get("about"):  # "how much do i owe", "is delivery free"
        return answer(turn, about)
    items = [i for i in turn.request.items if i.phrase or i.product_id]
    if items:
        return _is_in_cart(turn, items)
    return read_from(turn, 0)


def read_from(turn: Turn, offset: int) -> Reply:
    cart = services.get_cart(turn.carts, turn.customer_id)
    if not cart.lines:
        turn.state.pending = None
        return Reply("Your cart is empty. What would you like to add?", reprompt="What would you like to add?")
    lines = cart.lines[offset:offset + CHUNK]
    spoken = join_words(lines_speech(turn, cart.lines)[offset:offset + CHUNK])
    count = len(cart.lines)
    if offset == 0:
        head = f"You have {say_number(count)} item{'s' if count != 1 else ''} in your cart: "
    else:
        head = "Next: "
    if offset + CHUNK < count:
        turn.state.pending = {"kind": "read_more", "offset": offset + CHUNK}
        question = f"That's {say_number(offset + len(lines))} of {say_number(count)}. Want to hear more?"
        return Reply(f"{head}{spoken}. {question}", reprompt="Want to hear more?")
    turn.state.pending = None
    card = "\n".join(lines_speech(turn, cart.lines))
    return Reply(f"{head}{spoken}. Your total is {say_total(cart.total, cart.lines)}. {ANYTHING_ELSE}",
                 reprompt=ANYTHING_ELSE, card_text=card)


def _is_in_cart(turn: Turn, items) -> Reply:
    said = []
    for item in items:
        resolve(turn, item)
        lines = find_cart_lines(turn, item)
        if lines:
            named = [counted_speech(l, turn.matcher.get(l.product_id)) for l in lines]
            said.append(f"Yes, you have {join_words(named)} in your cart.")
        else:
            said.append(f"No, {none_in_cart(item.phrase)}.")
    return Reply(" ".join(said + [ANYTHING_ELSE]), reprompt=ANYTHING_ELSE)


@handles("ClearCart")
def clear_cart(turn: Turn) -> Reply:
    if turn.request.slots.get("confirm"):  # "clear everything and start over": ask first
        lines = services.get_cart(turn.carts, turn.customer_id).lines
        if lines:
            n = len(lines)
            question = (f"Empty your cart of {say_number(n)} item{'s' if n != 1 else ''} "
                        "and start over?")
            turn.state.pending = {"kind": "confirm_clear"}
            return Reply(question, reprompt="Should I empty your cart? Yes or no?")
    return empty_cart(turn)


def empty_cart(turn: Turn) -> Reply:
    removed = services.clear_cart(turn.carts, turn.customer_id, now=turn.now)
    turn.state.pending = None
    turn.state.context.pop("last_added", None)
    if not removed:
        return Reply("Your cart is already empty.", reprompt="What would you like to add?")
    n = len(removed)
    return Reply(f"I've emptied your cart: {say_number(n)} item{'s' if n != 1 else ''} removed. "
                 "Say undo to bring them back.", reprompt=ANYTHING_ELSE)
