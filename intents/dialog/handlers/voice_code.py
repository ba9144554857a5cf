"""The voice code step between "yes, place the order" and the order itself.

A linked customer who set a 4-digit voice code is asked for it before every order; three
wrong codes lock voice purchasing for 15 minutes (the cart stays usable). With
VOICECART_VOICE_CODE=required a customer without one is asked to set it first. What the
shopper says is checked and forgotten: never logged, spoken back, kept in the dialog state or
put on a card."""
from __future__ import annotations

import re

from accounts.model import is_linked_customer_id
from accounts.voice_codes import Check, check_voice_code
from intents.model import ParsedRequest, Reply
from intents.dialog.turn import Turn

ASK = "Please say your four-digit voice code, one digit at a time."
WRONG = "That code isn't right. " + ASK
LOCKED = ("That code isn't right, so I've paused voice purchasing for 15 minutes. Your cart "
          "is kept, and you can keep adding to it.")
STILL_LOCKED = ("Voice purchasing is paused for a few minutes after wrong voice codes. Your cart "
                "is kept; please try again later.")
SET_ONE_FIRST = ("Before your first voice order, please set a four-digit voice code in your "
                 "grocery account. Your cart is kept.")
_DIGIT_WORDS = {"zero": "0", "oh": "0", "o": "0", "one": "1", "won": "1", "two": "2", "to": "2",
                "too": "2", "three": "3", "four": "4", "for": "4", "five": "5", "six": "6",
                "seven": "7", "eight": "8", "ate": "8", "nine": "9"}


def spoken_code(request: ParsedRequest) -> str:
    """The digits the shopper said, from free text ("one two three four", "1 2 3 4") or, on
    Alexa, from whatever number slot the words landed in."""
    tokens = re.findall(r"[a-z]+|\d+", (request.text or "").lower())
    digits = "".join(_DIGIT_WORDS.get(t, t if t.isdigit() else "") for t in tokens)
    if not digits and request.slots.get("option") is not None:
        digits = str(request.slots["option"])
    if not digits and request.items and request.items[0].quantity is not None:
        quantity = request.items[0].quantity
        digits = str(int(quantity)) if float(quantity).is_integer() else ""
    return digits[:16]


def voice_code_gate(turn: Turn, pending: dict) -> Reply | None:
    """None when the order may be placed now; else the question (or refusal) to answer."""
    if turn.accounts is None or not is_linked_customer_id(turn.customer_id):
        return None
    stored = turn.accounts.get_voice_code(turn.customer_id)
    if stored is None:
        if turn.voice_code_required:
            turn.state.pending = None
            return Reply(SET_ONE_FIRST, reprompt="What else would you like to do?")
        return None
    if stored.locked(turn.now):
        turn.state.pending = None
        return Reply(STILL_LOCKED, reprompt="What else would you like to add?")
    turn.state.pending = {**pending, "kind": "voice_code"}
    return Reply(ASK, reprompt=ASK)


def answer_voice_code(turn: Turn, pending: dict) -> Reply:
    from intents.dialog.handlers.checkout import confirm_order  # checkout imports this module

    if turn.accounts is None:
        turn.state.pending = None
        return Reply(STILL_LOCKED, reprompt="What else would you like to add?")
    result = check_voice_code(turn.accounts, turn.customer_id, spoken_code(turn.request),
                              now=turn.now)
    if result in (Check.RIGHT, Check.NOT_SET):
        if pending.get("then") == "order_change":  # a change to a placed order that costs more
            from intents.dialog.handlers.placed_orders import confirm_change
            return confirm_change(turn, {**pending, "kind": "confirm_order_change"},
                                  code_checked=True)
        return confirm_order(turn, {**pending, "kind": "confirm_order"}, code_checked=True)
    if result is Check.WRONG:
        turn.state.pending = pending
        return Reply(WRONG, reprompt=ASK)
    turn.state.pending = None
    return Reply(LOCKED, reprompt="What else would you like to add?")
