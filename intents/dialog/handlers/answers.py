"""Yes, no, help, stop, cancel, fallback and the welcome: each answers what is pending."""
from __future__ import annotations

import re

from cart import services
from intents.dialog.handlers.checkout import confirm_order
from intents.dialog.handlers.common import ANYTHING_ELSE
from intents.dialog.handlers.items import add_items, add_product, choose_pending, narrowed_phrase, pick_option
from intents.dialog.handlers.kinds import choose_kind, kind_question, picked_kind
from intents.dialog.handlers.orders import confirm_cancel
from intents.dialog.handlers.placed_orders import choose_for_order, confirm_change
from intents.dialog.handlers.slot_choice import choose_offered, chosen_option
from intents.dialog.handlers.voice_code import ASK as ASK_VOICE_CODE, answer_voice_code
from intents.parsing.text import MAX_CHARS
from intents.model import ItemRequest, Reply
from intents.dialog.speech import join_words, say_number
from intents.dialog.turn import Handler, Turn, handles

MAX_PHRASE = 100
GENERAL_HELP = ("You can say things like: add two gallons of milk and a dozen eggs, remove the "
                "bread, what's in my cart, how much are bananas, or check out for pickup.")
# Intents that answer what is pending; any other request starts something new.
ANSWERS = frozenset({"Yes", "No", "Help", "Fallback", "SelectOption"})


def continuation(turn: Turn) -> Handler | None:
    """A handler for a reply that only makes sense against the pending question: "organic"
    while choosing a milk, "bananas" after "what would you like to add?"."""
    pending = turn.state.pending or {}
    kind = pending.get("kind")
    intent = turn.request.intent
    if kind == "choose" and intent in ("AddItem", "Fallback", "ProductInfo"):
        options = [p for p in (turn.matcher.get(i) for i in pending["options"]) if p]
        if pick_option(turn, options, pending.get("labels")) is not None \
                or narrowed_phrase(turn, pending["item"]["phrase"]) is not None:
            return lambda t: choose_pending(t, pending)
    if kind == "choose_kind" and intent in ("AddItem", "Fallback", "ProductInfo") \
            and picked_kind(turn, pending) is not None:
        return lambda t: choose_kind(t, pending)
    if kind == "order_choose" and intent in ("AddItem", "Fallback", "ProductInfo", "SelectOption"):
        return lambda t: choose_for_order(t, pending)
    if kind == "slot_choice" and chosen_option(turn, pending) is not None:
        return lambda t: choose_offered(t, pending)
    if kind == "voice_code" and intent not in ("No", "Stop", "Cancel", "Help"):
        return lambda t: answer_voice_code(t, pending)  # whatever words the digits landed in
    if kind == "read_more" and intent in ("Fallback", "AddItem") and not turn.request.items \
            and _asks_for_more(turn.request.text):
        from intents.dialog.handlers.cart_read import read_from
        return lambda t: read_from(t, pending["offset"])
    if kind == "ask_item" and intent == "Fallback" and (said := _as_phrase(turn.request.text)):
        return lambda t: add_items(t, [ItemRequest(said)])
    if intent == "SetFulfillment" and kind in ("fulfillment", "confirm_order", "slot_choice"):
        return None  # a method or a new time while checking out: keep the checkout going
    if intent == "ReadCart" and turn.request.slots.get("about") and kind:
        return None  # "is there a minimum?" while being asked something: answer, then ask again
    if intent not in ANSWERS:
        turn.state.pending = None
        turn.state.context.pop("placed", None)  # a later "yes" is about something new
        turn.state.context.pop("order_changed", None)
    return None


# "Want to hear more?" answered by asking for the rest rather than with a yes. Only while a
# cart read is pending: "keep going" is no consent to place an order.
_OF_CART = r"(?: of (?:it|them|my cart|the cart|my list))?"
_MORE = re.compile(
    r"(?:(?:please|ok|okay|yes|yeah|and)\s+)*"
    r"(?:keep going|go on|continue|carry on|what else"
    r"|(?:read|tell me|give me|say)(?: me)?(?: some)? (?:more|the rest)" + _OF_CART +
    r"|(?:some |the )?(?:more|next|rest)" + _OF_CART + r")(?:\s+please)?")


def _asks_for_more(text: str) -> bool:
    return bool(_MORE.fullmatch(" ".join(re.sub(r"[^\w\s']+", " ", (text or "").lower()).split())))


def _as_phrase(text: str) -> str:
    """Words of an answer to "what would you like to add?" the parser didn't take as an item,
    as a phrase to look up (and maybe say back): no markup, symbols or runaway length."""
    words = re.sub(r"[^\w\s'%-]+", " ", text or "").split()
    return " ".join(words)[:MAX_PHRASE].strip()


@handles("Yes")
def yes(turn: Turn) -> Reply:
    pending = turn.state.pending or {}
    kind = pending.get("kind")
    if kind == "confirm_order":
        return confirm_order(turn, pending)
    if kind == "confirm_cancel":
        return confirm_cancel(turn, pending)
    if kind == "confirm_order_change":
        return confirm_change(turn, pending)
    if kind == "confirm_clear":
        from intents.dialog.handlers.cart_read import empty_cart
        turn.state.pending = None
        return empty_cart(turn)
    if kind == "confirm_usual":
        from intents.dialog.handlers.usual import confirm_usual
        return confirm_usual(turn, pending)
    if kind == "read_more":
        from intents.dialog.handlers.cart_read import read_from
        return read_from(turn, pending["offset"])
    if kind == "offer_add":
        turn.state.pending = None
        product = turn.matcher.get(pending["product_id"])
        if product is None:
            return Reply("Sorry, that product is no longer available.", reprompt=ANYTHING_ELSE)
        said = add_product(turn, product, pending.get("quantity"), pending.get("unit"),
                           pack_size=pending.get("pack_size"))
        return Reply(f"{said} {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
    if kind in ("choose", "choose_kind", "fulfillment", "ask_item", "slot_choice", "order_choose"):
        return _repeat_question(turn)
    if turn.state.context.get("order_changed"):
        return Reply("That change to your order is already made.", reprompt=ANYTHING_ELSE)
    if turn.state.context.get("placed"):
        return Reply("Your order is already placed. You can ask for its status any time.",
                     reprompt=ANYTHING_ELSE)
    return Reply(f"OK. What would you like to do? {GENERAL_HELP}", reprompt=ANYTHING_ELSE)


@handles("No")
def no(turn: Turn) -> Reply:
    pending = turn.state.pending or {}
    kind = pending.get("kind")
    turn.state.pending = None
    if kind == "confirm_order_change" or (kind == "voice_code"
                                          and pending.get("then") == "order_change"):
        return Reply("OK, your order stays as it is. What else would you like?",
                     reprompt=ANYTHING_ELSE)
    if kind in ("confirm_order", "voice_code"):
        return Reply("OK, I haven't placed the order. Your cart is still here. What else would you like?",
                     reprompt=ANYTHING_ELSE)
    if kind == "confirm_cancel":
        return Reply("OK, your order stays as it is.", reprompt=ANYTHING_ELSE)
    if kind == "confirm_clear":
        return Reply(f"OK, your cart stays as it is. {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
    if kind in ("choose", "choose_kind"):
        return Reply(f"OK, I didn't add {pending['item']['phrase']}. {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
    if kind in ("read_more", "offer_add", "slot_choice", "order_choose"):
        return Reply(f"OK. {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
    if kind == "confirm_usual":
        return Reply(f"OK, I haven't added them. {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
    if not turn.session_new:  # "no" to "anything else?": the shopper is done
        return _goodbye(turn)
    return Reply(f"OK. {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)


@handles("Help")
def help_(turn: Turn) -> Reply:
    kind = (turn.state.pending or {}).get("kind")
    if turn.request.slots.get("options"):  # "what are my options": the choice said again
        if kind and kind != "voice_code":
            return _repeat_question(turn)
        return Reply(f"There's nothing to choose right now. {GENERAL_HELP}",
                     reprompt="What would you like to do?")
    now = {
        "choose": "Say the first one, the second one, or the kind you want.",
        "choose_kind": "Say the first one, the second one, or the kind you want.",
        "confirm_order": "Say yes to place your order, or no to keep shopping.",
        "confirm_cancel": "Say yes to cancel the order, or no to keep it.",
        "confirm_clear": "Say yes to empty your cart, or no to keep it.",
        "fulfillment": "Say pickup or delivery, and a time if you like, such as tomorrow at five.",
        "read_more": "Say yes to hear more of your cart, or no to stop.",
        "offer_add": "Say yes to add it, or no to skip it.",
        "confirm_usual": "Say yes to add your usual to your cart, or no to skip it.",
        "ask_item": "Tell me an item, like a gallon of whole milk.",
        "voice_code": ASK_VOICE_CODE + " Or say no to keep shopping.",
        "confirm_order_change": "Say yes to change your order, or no to leave it as it is.",
        "slot_choice": "Say the first one or the second one, or a time such as tomorrow at five.",
        "order_choose": "Say the first one, the second one, or the kind you want.",
    }.get(kind)
    if kind in ("choose", "choose_kind"):  # the options again, then how (Alexa's help)
        question = _repeat_question(turn).speech
        return Reply(f"{question} {now}", reprompt=question)
    if now:
        return Reply(now, reprompt=now)
    return Reply(f"{GENERAL_HELP} What would you like to do?", reprompt="What would you like to do?")


@handles("Stop", "Cancel")
def stop(turn: Turn) -> Reply:
    pending = turn.state.pending or {}
    kind = pending.get("kind")
    turn.state.pending = None
    if kind == "confirm_order_change" or (kind == "voice_code"
                                          and pending.get("then") == "order_change"):
        return Reply("OK, your order stays as it is. Goodbye!", end_session=True)
    if kind in ("confirm_order", "voice_code"):
        return Reply("OK, I haven't placed the order; your cart is saved. Goodbye!", end_session=True)
    return _goodbye(turn)


def _goodbye(turn: Turn) -> Reply:
    turn.state.pending = None
    cart = services.get_cart(turn.carts, turn.customer_id)
    saved = " Your cart is saved." if cart.lines else ""
    return Reply(f"Goodbye!{saved}", end_session=True)


@handles("Fallback")
def fallback(turn: Turn) -> Reply:
    if len(turn.request.text) > MAX_CHARS:  # the parser reads no further than a spoken request
        return Reply("That was a lot at once. Please tell me up to about ten items at a time.",
                     reprompt="What would you like to add?")
    if (turn.state.pending or {}).get("kind"):
        return _repeat_question(turn, "Sorry, I didn't get that. ")
    return Reply(f"Sorry, I didn't get that. {GENERAL_HELP}", reprompt="What would you like to do?")


# The pending question of each kind, said again when the shopper's answer was not one
_QUESTIONS = {
    "fulfillment": "Would you like pickup or delivery?",
    "offer_add": "Want me to add it?",
    "confirm_usual": "Shall I add your usual to your cart?",
    "read_more": "Want to hear more of your cart?",
    "confirm_order": "Shall I place the order? Yes or no?",
    "confirm_cancel": "Should I cancel the order? Yes or no?",
    "confirm_order_change": "Shall I change the order? Yes or no?",
    "slot_choice": "Which time would you like: the first one or the second one?",
    "confirm_clear": "Should I empty your cart? Yes or no?",
    "ask_item": "What would you like to add?",
}


def _repeat_question(turn: Turn, prefix: str = "") -> Reply:
    pending = turn.state.pending or {}
    kind = pending.get("kind")
    if kind in ("choose", "order_choose"):
        q = f"For {pending['item']['phrase']}, did you want {join_words(pending.get('labels') or [], 'or')}?"
    elif kind == "choose_kind":
        q = kind_question(pending)
    else:
        q = _QUESTIONS.get(kind, "Yes or no?")
    return Reply(f"{prefix}{q}", reprompt=q)


@handles("Welcome")
def welcome(turn: Turn) -> Reply:
    cart = services.get_cart(turn.carts, turn.customer_id)
    n = len(cart.lines)
    have = (f" Your cart has {say_number(n)} item{'s' if n != 1 else ''}." if n else "")
    return Reply(f"Welcome to voice cart.{have} What would you like to add?",
                 reprompt="You can say add milk, or what's in my cart. What would you like?")
