"""Questions about money and rules: the cart total, the delivery fee and when it is free, the
minimum order and the slot chosen. Answers only: nothing here holds a slot or changes the
cart, so a question never takes capacity from other shoppers."""
from __future__ import annotations

from decimal import Decimal

from cart import services
from cart.checkout import list_orders
from cart.errors import DomainError
from cart.fulfillment import DELIVERY, PICKUP, Store
from intents.dialog.amounts import say_total
from intents.dialog.handlers.common import ANYTHING_ELSE
from intents.dialog.speech import say_number, say_price, say_time, say_window
from intents.dialog.turn import Turn
from intents.model import Reply


def answer(turn: Turn, about: str) -> Reply:
    try:
        store = services.shopper_store(turn.carts, turn.customer_id)
    except DomainError:
        store = None  # no store configured: the total can still be said
    cart = services.get_cart(turn.carts, turn.customer_id)
    if about == "slot" and services.get_hold(turn.carts, turn.customer_id) is None \
            and _open_order(turn):
        # no slot chosen for the cart, but an order is coming: its time is the one asked about
        from intents.dialog.turn import HANDLERS
        return HANDLERS["OrderStatus"](turn)
    text = {"total": _total, "delivery_fee": _delivery_fee, "minimum": _minimum,
            "slot": _slot}[about](turn, cart, store)
    if (turn.state.pending or {}).get("kind"):  # asked while a question was pending: ask it again
        from intents.dialog.handlers.answers import _repeat_question
        again = _repeat_question(turn)
        return Reply(f"{text} {again.speech}", reprompt=again.reprompt)
    return Reply(f"{text} {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)


def _open_order(turn: Turn) -> bool:
    latest = list_orders(turn.carts, turn.customer_id, limit=1)
    return bool(latest) and not latest[0].is_final(turn.now)


def _items(n: int) -> str:
    return f"{say_number(n)} item{'s' if n != 1 else ''}"


def _total(turn: Turn, cart, store: Store | None) -> str:
    if cart.is_empty:
        return "Your cart is empty, so you don't owe anything yet."
    text = f"Your cart comes to {say_total(cart.total, cart.lines)} for {_items(cart.item_count)}."
    hold = services.get_hold(turn.carts, turn.customer_id)
    if store is not None and hold is not None and hold.slot.kind == DELIVERY:
        fee = store.policy.fee(DELIVERY, cart.total)
        text += (f" With the {say_price(fee)} delivery fee that's "
                 f"{say_total(cart.total + fee, cart.lines)}." if fee else " Delivery is free.")
    if any(line.estimated for line in cart.lines):
        text += " Items sold by weight are estimates until they're weighed."
    return text


def _delivery_fee(turn: Turn, cart, store: Store | None) -> str:
    if store is None or not store.offers(DELIVERY):
        return "Sorry, delivery isn't offered here; you can choose pickup, which is free."
    policy = store.policy
    threshold, fee = policy.free_delivery_threshold, policy.delivery_fee
    text = (f"Delivery is {say_price(fee)}, and free on orders of {say_price(threshold)} or more."
            if fee else "Delivery is free.")
    if fee and not cart.is_empty:
        if cart.total >= threshold:
            text += f" Your cart comes to {say_price(cart.total)}, so your delivery is free."
        else:
            text += (f" Your cart comes to {say_price(cart.total)}: add "
                     f"{say_price(threshold - cart.total)} more for free delivery.")
    if store.offers(PICKUP):
        text += " Pickup is always free."
    return text


def _minimum(turn: Turn, cart, store: Store | None) -> str:
    minimum = store.policy.minimum_order if store is not None else Decimal(0)
    if minimum <= 0:
        return "There's no minimum order."
    text = f"Yes, the minimum order is {say_price(minimum)}."
    if not cart.is_empty:
        if cart.total >= minimum:
            text += f" Your cart comes to {say_price(cart.total)}, so you're over it."
        else:
            text += (f" Your cart comes to {say_price(cart.total)}, so add "
                     f"{say_price(minimum - cart.total)} more to check out.")
    return text


def _slot(turn: Turn, cart, store: Store | None) -> str:
    hold = services.get_hold(turn.carts, turn.customer_id)
    if hold is None:
        return ("You haven't chosen a time yet. Say pickup or delivery, and a time if you like, "
                "such as tomorrow at five.")
    slot = hold.slot
    what = "pickup" if slot.kind == PICKUP else "delivery"
    where = f" at {store.name}" if store is not None and slot.kind == PICKUP else ""
    window = say_window(slot.local_start, slot.local_end, turn.now)
    if hold.active(turn.now):
        until = hold.expires_at.astimezone(slot.local_start.tzinfo)
        return (f"You chose {what}{where} {window}. I'm holding it for you until "
                f"{say_time(until)}; it's yours once the order is placed.")
    return (f"You chose {what}{where} {window}. It isn't held any more, so it's yours only if "
            "it still has room when you check out.")
