"""Choosing a time like people do: offers and questions that hold nothing until chosen.

"Pickup" with no time offers the two earliest slots with room as a choice; "what times do you
have Friday" lists that day's. Neither holds a slot: a hold takes capacity from other shoppers,
so only a choice ("the second one", "10 AM", "the earliest") makes one.
"""
from __future__ import annotations

from datetime import date, datetime, time

from cart import services
from cart.errors import NoAddress, UnknownStore, UnsupportedFulfillment
from cart.fulfillment import PICKUP, Slot, from_utc_key, utc_key
from intents.dialog.handlers.common import ANYTHING_ELSE
from intents.dialog.speech import join_words, say_window
from intents.dialog.turn import Turn
from intents.model import Reply

OFFERED = 2   # "the two earliest free slots"
LISTED = 3    # slots read out for a day asked about


def _say(slots: list[Slot], turn: Turn) -> str:
    return join_words([say_window(s.local_start, s.local_end, turn.now) for s in slots], "or")


def _remember(turn: Turn, method: str, slots: list[Slot], then: str | None,
              store_id: str | None = None) -> None:
    turn.state.pending = {"kind": "slot_choice", "method": method, "then": then,
                          "options": [utc_key(s.start) for s in slots]}
    if store_id is not None:
        turn.state.pending["store_id"] = store_id


def offer_slots(turn: Turn, method: str, then: str | None, store_id: str | None = None) -> Reply:
    """The two earliest free slots, as a question; nothing held. `store_id`: a store the
    shopper named ("pick up at the Main Street store"): its times are offered, and its name
    and what it has none of in the cart are said."""
    try:
        slots = services.available_slots(turn.carts, turn.customer_id, method, now=turn.now,
                                         store_id=store_id, limit=OFFERED)
    except (UnknownStore, UnsupportedFulfillment):
        slots = []
    if not slots:
        turn.state.pending = None
        return Reply(f"Sorry, there's no {method} slot available this week.",
                     reprompt="Would you like pickup or delivery?")
    _remember(turn, method, slots, then, store_id)
    what = "pickup" if method == PICKUP else "delivery"
    at, missing = "", ""
    store = turn.carts.get_store(store_id) if store_id is not None else None
    if store is not None:
        from intents.dialog.handlers.stores import missing_said
        at = f" at {store.name}, {store.street},"
        cart = services.get_cart(turn.carts, turn.customer_id)
        if gone := missing_said(turn, store, cart.lines):
            missing = f" {gone}"
    question = "Which would you like?" if len(slots) > 1 else "Would you like that one?"
    return Reply(f"The earliest {what} times{at} are {_say(slots, turn)}.{missing} {question}",
                 reprompt=f"Say the first one, the second one, or another time. {question}")


def answer_times(turn: Turn) -> Reply:
    """"What times do you have Friday", "what's the earliest pickup": answered, not held."""
    slots = turn.request.slots
    pending = turn.state.pending or {}
    hold = services.get_hold(turn.carts, turn.customer_id)
    method = slots.get("fulfillment") or pending.get("method") or \
        (hold.slot.kind if hold is not None else PICKUP)
    day = _day(slots)
    try:
        found = services.available_slots(turn.carts, turn.customer_id, method, now=turn.now,
                                         after=datetime.combine(day, time(0)) if day else None,
                                         limit=None)
    except (UnknownStore, UnsupportedFulfillment, NoAddress):
        found = []
    what = "pickup" if method == PICKUP else "delivery"
    on_day = [s for s in found if day is None or s.local_start.date() == day][:LISTED]
    then = pending.get("then") if pending.get("kind") in ("fulfillment", "slot_choice") else None
    if not on_day:
        if not found:
            turn.state.pending = None
            return Reply(f"Sorry, there's no {what} time with room this week. {ANYTHING_ELSE}",
                         reprompt=ANYTHING_ELSE)
        on_day = found[:1]
        _remember(turn, method, on_day, then)
        return Reply(f"There's no {what} time left that day. The next one is "
                     f"{_say(on_day, turn)}. Would you like that one?",
                     reprompt="Would you like that one?")
    if slots.get("time") == "next_available":
        on_day = on_day[:1]
    _remember(turn, method, on_day, then)
    lead = "The earliest" if slots.get("time") == "next_available" or day is None else "The"
    question = "Which would you like?" if len(on_day) > 1 else "Would you like that one?"
    return Reply(f"{lead} {what} time{'s' if len(on_day) > 1 else ''} with room "
                 f"{'are' if len(on_day) > 1 else 'is'} {_say(on_day, turn)}. {question}",
                 reprompt=question)


def _day(slots: dict) -> date | None:
    try:
        if slots.get("date"):
            return date.fromisoformat(slots["date"])
        if slots.get("time") and "T" in slots["time"]:
            return datetime.fromisoformat(slots["time"]).date()
    except ValueError:
        return None
    return None


def chosen_option(turn: Turn, pending: dict) -> int | None:
    """Which offered slot the shopper took (0-based): "the second one", "the earliest", "yes"
    to a single offer; None when they said something else (a time: set_fulfillment's job)."""
    request = turn.request
    options = pending.get("options") or []
    if request.slots.get("question"):
        return None  # "what's the earliest?" is answered, not taken as a choice
    if request.intent == "SelectOption" and isinstance(request.slots.get("option"), int):
        option = request.slots["option"]
        index = len(options) - 1 if option == -1 else option - 1
        return index if 0 <= index < len(options) else None
    if request.intent == "SetFulfillment" and request.slots.get("time") == "next_available":
        return 0
    if request.intent == "Yes" and len(options) == 1:
        return 0
    return None


def choose_offered(turn: Turn, pending: dict) -> Reply:
    from intents.dialog.handlers.checkout import _held_speech, read_back

    index = chosen_option(turn, pending)
    if index is None:
        question = "Which would you like: the first one or the second one?"
        return Reply(question, reprompt=question)
    start = from_utc_key(pending["options"][index])
    method = pending["method"]
    hold = services.choose_fulfillment(turn.carts, turn.customer_id, method, now=turn.now,
                                       requested=start, session=turn.session_key,
                                       store_id=pending.get("store_id"))
    said = _held_speech(hold, method, None, turn)
    if pending.get("then") == "checkout":
        turn.state.pending = None
        return read_back(turn, said + " ")
    turn.state.pending = None
    return Reply(f"{said} Say check out when you're ready.", reprompt="What else would you like?")
