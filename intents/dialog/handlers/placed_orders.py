"""The placed order in the conversation: "when is my pickup", "what did I order", and changes
("add bread to my order", "move my pickup to 7", "switch my order to delivery").

A change is read back with its new total and applied only after "yes" (cart.order_changes):
the question itself holds and books nothing. The pending change carries its change id and the
order version it was planned on, so a repeated "yes" or a platform retry applies it once, and a
change made meanwhile from another device is read back again rather than applied blind. A change
that raises the total asks for the shopper's voice code first, when they have one.
"""
from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from cart.errors import (BelowMinimumOrder, DomainError, LineNotFound, NoAddress, NoSlotAvailable,
                         NothingToChange, OrderChangedMeanwhile, OrderLocked, OrderNotFound,
                         OutOfStock, SlotUnavailable, UnsupportedFulfillment)
from cart.fulfillment import DELIVERY, PICKUP, from_utc_key, utc_key
from cart.order_changes import (AddedLine, ChangePlan, ChangeRequest, apply_order_change,
                                changeable_order, plan_order_change)
from cart.orders import Order
from catalog.model import Product
from intents.dialog.amounts import Refusal, asked_of, purchase_for, say_refusal, say_total
from intents.dialog.handlers.common import ANYTHING_ELSE, billed_share, held_speech, lines_speech
from intents.dialog.handlers.voice_code import voice_code_gate
from intents.dialog.speech import distinguishing_labels, join_words, say_price, say_window
from intents.dialog.turn import Handler, Turn
from intents.model import ItemRequest, Reply

ASK_CHANGE = "Shall I change the order?"
_STATUS_WHY = {
    "picking": "it's already being picked",
    "ready_for_pickup": "it's ready for pickup",
    "out_for_delivery": "it's out for delivery",
    "completed": "it's completed",
    "cancelled": "it was cancelled",
    "cancelled_by_store": "the store cancelled it",
}


def order_handler(turn: Turn) -> Handler | None:
    """The handler for a request aimed at the placed order, or None to let the cart's handle
    it ("add bread to my order" with no order left to change goes into the cart)."""
    request = turn.request
    slots = request.slots
    if request.intent == "OrderStatus" and slots.get("ask"):
        return _answer_question
    if request.intent == "SetFulfillment" and slots.get("question"):
        from intents.dialog.handlers.slot_choice import answer_times
        return answer_times
    if slots.get("target") != "order" or request.intent not in ("AddItem", "RemoveItem",
                                                                "SetFulfillment"):
        return None
    if changeable_order(turn.carts, turn.customer_id, turn.now) is None:
        return None
    return {"AddItem": _add, "RemoveItem": _remove, "SetFulfillment": _move}[request.intent]


def _described(order: Order, turn: Turn) -> str:
    f = order.fulfillment
    how = f"pickup at {f.store_name}" if f.kind == PICKUP else "delivery"
    return f"{how} {say_window(f.slot.local_start, f.slot.local_end, turn.now)}"


def _answer_question(turn: Turn) -> Reply:
    ask = turn.request.slots.get("ask")
    order = changeable_order(turn.carts, turn.customer_id, turn.now)
    if order is None:
        latest = turn.carts.list_orders(turn.customer_id, 1)
        if not latest:
            from intents.dialog.turn import HANDLERS
            # "what did I order" with nothing ordered yet: the cart is what they have
            return HANDLERS["ReadCart" if ask == "items" else "OrderStatus"](turn)
        order = latest[0]
    status = order.status_at(turn.now)
    if ask == "items":
        names = lines_speech(turn, order.lines)
        text = (f"Your order for {_described(order, turn)} has {join_words(names)}, "
                f"{say_total(order.total, order.lines)} in total.")
    else:
        text = f"Your order is for {_described(order, turn)}."
    if status != "placed":
        text += f" It's {status.replace('_', ' ')} now."
    elif order.changes:
        text += " You changed it since placing it."
    return Reply(f"{text} {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)


def _locked(order: Order, status: str, turn: Turn) -> Reply:
    turn.state.pending = None
    why = _STATUS_WHY.get(status, f"it is {status}")
    return Reply(f"Sorry, your order for {_described(order, turn)} can't be changed any more: "
                 f"{why}. {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)


# --- adding and removing ----------------------------------------------------------------------

def _add(turn: Turn, items: list[ItemRequest] | None = None) -> Reply:
    from intents.dialog.handlers.items import choice_options, resolve

    order = changeable_order(turn.carts, turn.customer_id, turn.now)
    assert order is not None
    if not order.can_change(turn.now):
        return _locked(order, order.status_at(turn.now), turn)
    added: list[AddedLine] = []
    for item in items if items is not None else turn.request.items:
        match = resolve(turn, item)
        if match is None or match.best is None or not (match.sure or item.product_id):
            return Reply(f"Sorry, I couldn't find {item.phrase or 'that'}, so your order is "
                         f"unchanged. {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
        if match.ambiguous and not item.product_id:
            options = choice_options(match)
            labels = distinguishing_labels(options)
            turn.state.pending = {"kind": "order_choose", "order_id": order.id,
                                  "item": _item_dict(item), "options": [p.id for p in options],
                                  "labels": labels}
            question = f"For {item.phrase}, did you want {join_words(labels, 'or')}?"
            return Reply(f"To add to your order: {question}", reprompt=question)
        line = _added_line(turn, match.best.product, item)
        if isinstance(line, str):
            return Reply(f"{line} Your order is unchanged. {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
        added.append(line)
    return _read_back(turn, order, ChangeRequest(add=tuple(added)))


def _item_dict(item: ItemRequest) -> dict:
    return {"phrase": item.phrase, "quantity": item.quantity, "unit": item.unit,
            "pack_size": item.pack_size}


def _added_line(turn: Turn, product: Product, item: ItemRequest) -> AddedLine | str:
    if not product.in_stock:
        return f"Sorry, {product.name} is out of stock."
    try:
        purchase = purchase_for(turn.matcher, product,
                                asked_of(item.quantity, item.unit, item.pack_size))
    except Refusal as refusal:
        return say_refusal(refusal)
    asked = purchase.asked
    said = (asked.quantity if asked.quantity is not None else Decimal(1), asked.unit)
    keep = None if (asked.quantity is None and asked.unit is None) \
        or said == (purchase.quantity, purchase.unit) else said
    chosen = purchase.product
    return AddedLine(chosen.id, chosen.name, purchase.quantity, purchase.unit, chosen.price,
                     keep[0] if keep else None, keep[1] if keep else None, purchase.estimated,
                     chosen.taxable)


def choose_for_order(turn: Turn, pending: dict) -> Reply:
    """The answer to "for bread, did you want ...?" asked while adding to the order."""
    from intents.dialog.handlers.items import pick_option

    options = [p for p in (turn.matcher.get(i) for i in pending["options"]) if p]
    chosen = pick_option(turn, options, pending.get("labels"))
    if chosen is None:
        question = f"Sorry, which one: {join_words(pending.get('labels') or [], 'or')}?"
        return Reply(question, reprompt=question)
    turn.state.pending = None
    item = pending["item"]
    return _add(turn, [ItemRequest(item["phrase"], item["quantity"], item["unit"],
                                   product_id=chosen.id, pack_size=item.get("pack_size"))])


def _remove(turn: Turn) -> Reply:
    from intents.dialog.handlers.items import resolve

    order = changeable_order(turn.carts, turn.customer_id, turn.now)
    assert order is not None
    if not order.can_change(turn.now):
        return _locked(order, order.status_at(turn.now), turn)
    gone: list[str] = []
    fewer: list[tuple[str, str | None, Decimal]] = []
    for item in turn.request.items:
        ids = _order_lines_for(turn, order, item, resolve)
        if not ids:
            return Reply(f"There's no {item.phrase or 'such item'} in your order, so it's "
                         f"unchanged. {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
        # "remove two bananas": that much of the line, by the amount rules of adding
        line = next(l for l in order.lines if l.product_id == ids[0])
        share = billed_share(turn, line, item)
        if len(ids) == 1 and share is not None and 0 < share < line.quantity:
            fewer.append((line.product_id, line.unit, share))
            continue
        gone += [i for i in ids if i not in gone]
    return _read_back(turn, order, ChangeRequest(remove=tuple(gone), fewer=tuple(fewer)))


def _order_lines_for(turn: Turn, order: Order, item: ItemRequest, resolve) -> list[str]:
    """The order's products the shopper means: the matcher's product or its alternatives
    when on the order, else the order lines whose names carry every word said."""
    in_order = {line.product_id for line in order.lines}
    match = resolve(turn, item)
    if match is not None and match.best is not None:
        for candidate in (match.best, *match.alternatives):
            if candidate.product.id in in_order:
                return [candidate.product.id]
    words = [w for w in (item.phrase or "").lower().split() if w not in ("the", "a", "an", "my")]
    return [line.product_id for line in order.lines
            if words and all(w.rstrip("s") in line.name.lower() for w in words)]


# --- moving the time, switching pickup and delivery -------------------------------------------

def _move(turn: Turn) -> Reply:
    from intents.dialog.handlers.checkout import _requested_time

    order = changeable_order(turn.carts, turn.customer_id, turn.now)
    assert order is not None
    if not order.can_change(turn.now):
        return _locked(order, order.status_at(turn.now), turn)
    slots = turn.request.slots
    current = order.fulfillment
    kind = slots.get("fulfillment") if slots.get("fulfillment") in (PICKUP, DELIVERY) else None
    local_now = turn.now.astimezone(ZoneInfo(current.tz)).replace(tzinfo=None)
    requested: datetime | None
    if slots.get("time") == "next_available":
        requested = local_now
    elif slots.get("date") and not slots.get("time"):
        # "change my order to Saturday": the same time of day, on that day
        requested = datetime.combine(datetime.fromisoformat(slots["date"]).date(),
                                     current.slot.local_start.time())
    else:
        requested = _requested_time(slots.get("time"), slots.get("date"), local_now)
        if requested is not None and slots.get("same_day"):
            # "move my pickup to 7" with the pickup tomorrow: tomorrow at 7
            requested = datetime.combine(current.slot.local_start.date(), requested.time())
    if kind is None and requested is None:
        turn.state.pending = None
        return Reply(f"Your order is for {_described(order, turn)}. What time would you like "
                     "instead?", reprompt="What time would you like?")
    return _read_back(turn, order, ChangeRequest(kind=kind if kind != current.kind else None,
                                                  requested=requested))


# --- read back, confirm -------------------------------------------------------------------------

def _read_back(turn: Turn, order: Order, request: ChangeRequest) -> Reply:
    try:
        plan = plan_order_change(turn.carts, turn.customer_id, request, now=turn.now,
                                 order_id=order.id)
    except OrderLocked as exc:
        return _locked(exc.order, exc.status, turn)
    except Exception as exc:  # noqa: BLE001 -- the shopper's mistakes only; bugs re-raise
        if not isinstance(exc, DomainError):
            raise
        turn.state.pending = None
        return Reply(f"{_cannot(exc, order, turn)} {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
    if plan.slot_moved:
        request = replace(request, requested=None, slot_start=plan.fulfillment.slot_start)
    turn.state.pending = {"kind": "confirm_order_change", "order_id": order.id,
                          "change_id": uuid.uuid4().hex, "base_version": order.version,
                          "request": _request_dict(request), "raises": plan.raises_total,
                          "total": str(plan.total)}
    text = f"{_say_plan(plan, turn)} {ASK_CHANGE}"
    return Reply(text, reprompt=f"{ASK_CHANGE} Yes or no?")


def _cannot(exc: Exception, order: Order, turn: Turn) -> str:
    if isinstance(exc, BelowMinimumOrder):
        return (f"Sorry, that would bring your order to {say_price(exc.subtotal)}, under the "
                f"{say_price(exc.minimum)} minimum, so I've left it as it is.")
    if isinstance(exc, NothingToChange):
        return ("That would leave your order empty, so I've left it as it is. You can cancel "
                "the order instead." if "empty" in str(exc)
                else f"Your order is already for {_described(order, turn)}, so nothing changed.")
    if isinstance(exc, NoAddress):
        return "I don't have a delivery address for you, so your order stays as it is."
    if isinstance(exc, (NoSlotAvailable, UnsupportedFulfillment)):
        return "Sorry, there's no slot available for that this week, so your order stays as it is."
    if isinstance(exc, LineNotFound):
        return "That isn't in your order, so it's unchanged."
    if isinstance(exc, OutOfStock):
        return (f"Sorry, {order.fulfillment.store_name} has no {exc.name} today, so your order "
                "is unchanged.")
    return "Sorry, I couldn't change your order, so it stays as it is."


def _say_plan(plan: ChangePlan, turn: Turn) -> str:
    parts = []
    if plan.added:
        before = {(line.product_id, line.unit): line.quantity for line in plan.order.lines}
        # what is added, as the cart says it: "a pack of Cola", "two gallons of Whole Milk"
        parts.append("add " + join_words([
            held_speech(replace(line, quantity=line.quantity
                                - before.get((line.product_id, line.unit), 0)),
                        turn.matcher.get(line.product_id))
            for line in plan.added]))
    if plan.removed:
        before = {(line.product_id, line.unit): line.quantity for line in plan.order.lines}
        parts.append("remove " + join_words(list(dict.fromkeys(
            l.name if before.get((l.product_id, l.unit)) == l.quantity
            else held_speech(l, turn.matcher.get(l.product_id)) for l in plan.removed))))
    if plan.slot_moved:
        parts.append(f"move it to {_described_plan(plan, turn)}")
    said = f"I'll {join_words(parts)}."
    if plan.slot_moved and plan.fulfillment.slot.local_start.replace(tzinfo=None) \
            != _wanted(turn):
        said = f"The nearest time with room is {_described_plan(plan, turn)}. " + said
    # the total is the order's whole bill (cart.pricing): its tax and fee are said with it
    extras = []
    if plan.tax:
        extras.append(f"{say_price(plan.tax)} tax")
    if plan.delivery_fee:
        extras.append(f"a {say_price(plan.delivery_fee)} delivery fee")
    including = f", including {join_words(extras)}" if extras else ""
    return (f"{said} Your order's new total would be {say_total(plan.total, plan.lines)}"
            f"{including}, was {say_price(plan.order.total)}.")


def _wanted(turn: Turn) -> datetime | None:
    wanted = turn.request.slots.get("time")
    try:
        return datetime.fromisoformat(wanted) if wanted and "T" in wanted else None
    except ValueError:
        return None


def _described_plan(plan: ChangePlan, turn: Turn) -> str:
    f = plan.fulfillment
    how = f"pickup at {f.store_name}" if f.kind == PICKUP else "delivery"
    return f"{how} {say_window(f.slot.local_start, f.slot.local_end, turn.now)}"


def _request_dict(request: ChangeRequest) -> dict:
    return {"add": [[a.product_id, a.name, str(a.quantity), a.unit, str(a.unit_price),
                     None if a.asked_quantity is None else str(a.asked_quantity), a.asked_unit,
                     a.estimated, a.taxable] for a in request.add],
            "remove": list(request.remove), "kind": request.kind,
            "fewer": [[pid, unit, str(q)] for pid, unit, q in request.fewer],
            "slot_start": utc_key(request.slot_start) if request.slot_start else None}


def _request_from(data: dict) -> ChangeRequest:
    # a[8], the taxable flag, is absent from a change read back before tax existed
    add = tuple(AddedLine(a[0], a[1], Decimal(a[2]), a[3], Decimal(a[4]),
                          None if a[5] is None else Decimal(a[5]), a[6], bool(a[7]),
                          bool(a[8]) if len(a) > 8 else False)
                for a in data.get("add", []))
    start = data.get("slot_start")
    fewer = tuple((f[0], f[1], Decimal(f[2])) for f in data.get("fewer", []))
    return ChangeRequest(add=add, remove=tuple(data.get("remove", [])), fewer=fewer,
                         kind=data.get("kind"), slot_start=from_utc_key(start) if start else None)


def confirm_change(turn: Turn, pending: dict, *, code_checked: bool = False) -> Reply:
    """"Yes" to a change read back: apply it once (the change id), voice code first when it
    raises the total."""
    if pending.get("raises") and not code_checked and \
            (ask := voice_code_gate(turn, {**pending, "then": "order_change"})) is not None:
        return ask
    turn.state.pending = None
    try:
        result = apply_order_change(turn.carts, turn.customer_id, _request_from(pending["request"]),
                                    order_id=pending["order_id"], change_id=pending["change_id"],
                                    base_version=pending["base_version"], now=turn.now,
                                    expected_total=Decimal(pending["total"])
                                    if pending.get("total") else None)
    except OrderLocked as exc:
        return _locked(exc.order, exc.status, turn)
    except OrderChangedMeanwhile:
        return Reply("Your order changed since I read that back, so I haven't changed it. Please "
                     f"tell me the change again. {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
    except SlotUnavailable:
        return Reply("Sorry, that time just filled up, so your order stays as it was. You can ask "
                     f"for another time. {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
    except OrderNotFound:
        return Reply(f"I can't find that order any more. {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
    order = result.order
    turn.state.context["order_changed"] = pending["change_id"]
    again = "" if result.applied else "That change is already made. "
    return Reply(f"{again}Done. Your order is now for {_described(order, turn)}, "
                 f"{say_total(order.total, order.lines)} in total. {ANYTHING_ELSE}",
                 reprompt=ANYTHING_ELSE, card_text=f"Order {order.id} changed: "
                                                   f"{say_price(order.total)}")

