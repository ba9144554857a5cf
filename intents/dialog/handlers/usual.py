""""Order my usual": the products the shopper orders most often across their whole history,
read back and added only after a "yes" (never silently, never twice)."""
from __future__ import annotations

from cart.usual import add_usual, usual_for
from intents.dialog.handlers.common import ANYTHING_ELSE, line_speech
from intents.dialog.handlers.orders import said_back
from intents.dialog.speech import join_words
from intents.dialog.turn import Turn
from intents.model import Reply

QUESTION = "Shall I add them to your cart?"


def offer_usual(turn: Turn) -> Reply:
    lines = [line for line in usual_for(turn.carts, turn.customer_id)
             if (product := turn.matcher.get(line.product_id)) is not None and product.in_stock]
    if not lines:
        turn.state.pending = None
        return Reply("You don't have a past order yet, so I don't know your usual. Add what you "
                     "need, and next time I will.", reprompt="What would you like to add?")
    turn.state.pending = {"kind": "confirm_usual", "product_ids": [l.product_id for l in lines]}
    spoken = join_words([line_speech(line) for line in lines])
    return Reply(f"Your usual is {spoken}. {QUESTION}", reprompt=QUESTION)


def confirm_usual(turn: Turn, pending: dict) -> Reply:
    turn.state.pending = None
    result = add_usual(turn.carts, turn.customer_id, pending["product_ids"], turn.matcher.get,
                       now=turn.now)
    said = said_back(result.added, result.already, result.unavailable, "your usual")
    return Reply(said if result.added else f"{said} {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
