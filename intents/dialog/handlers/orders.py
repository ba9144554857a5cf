"""Order status, cancelling (with confirmation) and reordering a past order."""
from __future__ import annotations

from collections.abc import Callable

from cart.checkout import OrderStatusReport, cancel_order, order_status, reorder
from cart.errors import AlreadyCancelled, CancelTooLate, OrderNotFound
from cart.fulfillment import PICKUP
from cart.orders import Order
from intents.dialog.handlers.common import ANYTHING_ELSE, line_speech
from intents.model import Reply
from intents.dialog.amounts import say_total
from intents.dialog.speech import capitalized, join_words, say_day, say_number, say_price, say_time, say_window
from intents.dialog.turn import Turn, handles

_STATUS_WORDS = {
    "placed": "is placed and waiting to be picked",
    "picking": "is being picked right now",
    "ready_for_pickup": "is ready for pickup",
    "out_for_delivery": "is out for delivery",
    "completed": "is completed",
    "cancelled": "was cancelled",
    "cancelled_by_store": "was cancelled by the store",
}


def _picking_news(order: Order, name_of: Callable[[str], str | None]) -> str:
    """What the store's picking result changed: "They substituted 2% milk for whole milk.
    Eggs were out of stock. The final total is $12.40." Empty before the store reports."""
    picked = order.picked
    if picked is None:
        return ""
    names = {line.product_id: line.name for line in order.lines}
    swaps = [f"{name_of(p.substituted_by) or 'another product'} for {names.get(p.product_id, 'an item')}"
             for p in picked.lines if p.substituted_by and not p.out_of_stock]
    missing = [names.get(p.product_id, p.product_id) for p in picked.lines if p.out_of_stock]
    parts = []
    if swaps:
        parts.append(f"They substituted {join_words(swaps)}.")
    if missing:
        parts.append(f"{join_words(missing)} {'was' if len(missing) == 1 else 'were'} out of stock.")
    parts.append(f"The final total is {say_price(picked.total)}.")
    return " ".join(parts)


def _describe(order: Order, turn: Turn) -> str:
    f = order.fulfillment
    how = f"pickup at {f.store_name}" if f.kind == PICKUP else "delivery"
    return f"your order for {how} {say_window(f.slot.local_start, f.slot.local_end, turn.now)}"


def _where_it_stands(report: OrderStatusReport, turn: Turn) -> str:
    """"Your order for pickup at ... tomorrow between 5 and 6 PM is being picked right now"."""
    described = _describe(report.order, turn)
    return f"{described[0].upper()}{described[1:]} {_STATUS_WORDS.get(report.status, report.status)}"


@handles("OrderStatus")
def status(turn: Turn) -> Reply:
    try:
        report = order_status(turn.carts, turn.customer_id, turn.request.slots.get("order_id"), now=turn.now)
    except OrderNotFound:
        return Reply("You don't have any orders yet. Add some items and say check out.", reprompt=ANYTHING_ELSE)
    news = _picking_news(report.order, lambda pid: _product_name(turn, pid))
    text = (f"{_where_it_stands(report, turn)}. {news}" if news
            else f"{_where_it_stands(report, turn)}, "
                 f"{say_total(report.order.total, report.order.lines)} in total.")
    if report.can_cancel and report.cancel_until is not None:
        until = report.cancel_until.astimezone(report.order.fulfillment.slot.local_start.tzinfo)
        text += f" You can still cancel it until {say_day(until, turn.now)} at {say_time(until)}."
    return Reply(f"{text} {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)


def _product_name(turn: Turn, product_id: str) -> str | None:
    product = turn.matcher.get(product_id)
    return product.name if product is not None else None


@handles("CancelOrder")
def cancel(turn: Turn) -> Reply:
    try:
        report = order_status(turn.carts, turn.customer_id, turn.request.slots.get("order_id"), now=turn.now)
    except OrderNotFound:
        return Reply("You don't have an order to cancel.", reprompt=ANYTHING_ELSE)
    if not report.can_cancel:
        return Reply(f"{_where_it_stands(report, turn)}, so it can't be cancelled any more.",
                     reprompt=ANYTHING_ELSE)
    turn.state.pending = {"kind": "confirm_cancel", "order_id": report.order.id}
    question = f"Cancel {_describe(report.order, turn)}, {say_price(report.order.total)}?"
    return Reply(question, reprompt="Should I cancel it? Yes or no?")


def confirm_cancel(turn: Turn, pending: dict) -> Reply:
    turn.state.pending = None
    try:
        order = cancel_order(turn.carts, turn.customer_id, pending["order_id"], now=turn.now)
    except AlreadyCancelled:
        return Reply("That order is already cancelled.", reprompt=ANYTHING_ELSE)
    except CancelTooLate:
        return Reply("Sorry, that order is already being picked, so it can't be cancelled any more.",
                     reprompt=ANYTHING_ELSE)
    return Reply(f"Done. I've cancelled {_describe(order, turn)}. {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)


@handles("Reorder")
def reorder_last(turn: Turn) -> Reply:
    if turn.request.slots.get("usual"):  # "order my usual": from the whole history
        from intents.dialog.handlers.usual import offer_usual
        return offer_usual(turn)
    try:
        result = reorder(turn.carts, turn.customer_id, turn.matcher.get,
                         turn.request.slots.get("order_id"), now=turn.now)
    except OrderNotFound:
        return Reply("You don't have a past order to reorder yet.", reprompt=ANYTHING_ELSE)
    day = say_day(result.order.created_at, turn.now)
    said = said_back(result.added, result.already, result.unavailable, f"your order of {day}")
    return Reply(said if result.added else f"{said} {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)


def said_back(added, already, unavailable, source: str) -> str:
    """What a reorder did, never silent about what it did not add: "I've put three items from
    your order of Tuesday back in your cart. Whole Milk was already in your cart, so I left it
    as it is. Bananas are no longer available." """
    n = len(added)
    parts = []
    if n:
        parts.append(f"I've put {say_number(n)} item{'s' if n != 1 else ''} from {source} "
                     "back in your cart.")
    if already:
        names = join_words(list(dict.fromkeys(line_speech(line) for line in already)))
        if not n and not unavailable:
            parts.append(f"Everything from {source} is already in your cart: {names}. "
                         "I didn't add it again.")
        else:
            one = len(already) == 1
            parts.append(f"{capitalized(names)} {'was' if one else 'were'} already in your cart, "
                         f"so I left {'it' if one else 'them'} as {'it is' if one else 'they are'}.")
    if unavailable:
        names = join_words([line.name for line in unavailable])
        parts.append(f"{names} {'is' if len(unavailable) == 1 else 'are'} no longer available.")
    if not n and not already:
        return f"None of the items from {source} are available right now."
    if n:
        parts.append("Say read my cart to hear them, or check out.")
    return " ".join(parts)
