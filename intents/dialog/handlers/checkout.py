"""Checkout: pickup or delivery, a slot, the read-back, and an explicit yes before ordering."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from cart import services
from cart.checkout import CheckoutSummary, checkout_summary, place_order
from cart.errors import (BelowMinimumOrder, CartChanged, EmptyCart, NoAddress, NoFulfillmentChosen,
                         NoSlotAvailable, SlotTooSoon, SlotUnavailable)
from cart.fulfillment import DELIVERY, PICKUP, SlotHold
from cart.model import Address, Cart
from cart.receipt import percent, receipt_text
from cart.time_slots import earliest_start
from intents.dialog.handlers import stores
from intents.dialog.handlers.common import line_speech, lines_speech, store_tz
from intents.dialog.handlers.preferences import (delivery_notes_speech, set_delivery_note,
                                                 set_substitution, substitution_speech)
from intents.dialog.handlers.voice_code import voice_code_gate
from intents.model import Reply
from intents.dialog.amounts import say_total
from intents.dialog.speech import join_words, say_number, say_price, say_time, say_window
from intents.dialog.turn import Turn, handles

ASK_METHOD = "Would you like pickup or delivery?"
LINK_TO_ORDER = ("To place an order I need to know it's you: please link your grocery account "
                 "in the app you use to talk to me. Your cart is saved for when you're back.")


def link_account_first(turn: Turn) -> Reply | None:
    """Ordering needs a linked account (policy `checkout`) and this shopper has none (yet)."""
    if turn.may_order:
        return None
    turn.state.pending = None
    return Reply(LINK_TO_ORDER, reprompt="What else would you like to add?", link_account=True)


@handles("Checkout")
def checkout(turn: Turn) -> Reply:
    if (link := link_account_first(turn)) is not None:
        return link
    slots = turn.request.slots
    cart = services.get_cart(turn.carts, turn.customer_id)
    if cart.is_empty:
        turn.state.pending = None
        return Reply("Your cart is empty, so there's nothing to check out yet. What would you like to add?",
                     reprompt="What would you like to add?")
    hold = services.get_hold(turn.carts, turn.customer_id)
    method = slots.get("fulfillment")
    if method not in (PICKUP, DELIVERY) and (slots.get("time") or slots.get("date")) and hold is not None:
        method = hold.slot.kind  # "check out for tomorrow at five": the method chosen before
    if method in (PICKUP, DELIVERY):
        # "check out for pickup": hold the slot, then read back and ask, as a plain "check out" does
        turn.state.pending = {"kind": "fulfillment", "then": "checkout", "method": method}
        # said with "check out": the read-back names the earliest slot and asks, so no offer
        turn.notes["method_with_checkout"] = True
        return set_fulfillment(turn)
    if hold is None or not _still_choosable(turn, hold):
        turn.state.pending = {"kind": "fulfillment", "then": "checkout",
                              "time": slots.get("time"), "date": slots.get("date")}
        return Reply(f"Sure. {ASK_METHOD}", reprompt=ASK_METHOD)
    return read_back(turn, cart=cart, hold=hold)


def _still_choosable(turn: Turn, hold: SlotHold) -> bool:
    """A choice not held (chosen past the slot's hold cap, or lapsed) is still the shopper's
    choice while the slot can be prepared in time: read it back rather than ask again;
    placing the order books it if it still has room."""
    if hold.active(turn.now):
        return True
    store = turn.carts.get_store(hold.slot.store_id)
    return store is not None and hold.slot.start >= earliest_start(store, turn.now)


def read_back(turn: Turn, prefix: str = "", *, cart: Cart | None = None,
              hold: SlotHold | None = None) -> Reply:
    """Item count, total and fees read back, then the question: nothing is ordered without a yes.
    `cart`, `hold`: just read by the caller this turn (not read a second time)."""
    try:
        summary = checkout_summary(turn.carts, turn.customer_id, cart=cart, hold=hold)
    except EmptyCart:
        turn.state.pending = None
        return Reply(f"{prefix}Your cart is empty, so there's nothing to check out.".strip(),
                     reprompt="What would you like to add?")
    except NoFulfillmentChosen:
        turn.state.pending = {"kind": "fulfillment", "then": "checkout"}
        return Reply(f"{prefix}{ASK_METHOD}".strip(), reprompt=ASK_METHOD)
    except BelowMinimumOrder as exc:
        turn.state.pending = None
        return Reply(f"{prefix}The minimum order is {say_price(exc.minimum)} and your cart comes to "
                     f"{say_price(exc.subtotal)}. What else would you like to add?".strip(),
                     reprompt="What else would you like to add?")
    except NoAddress:
        if (shared := _address_from_platform(turn)) is True:
            return read_back(turn, prefix)
        return shared or _no_address(turn)
    turn.state.pending = {"kind": "confirm_order", "submission_key": summary.submission_key,
                          "revision": summary.cart_revision}
    question = "Shall I place the order?"
    return Reply(f"{prefix}{_summary_speech(summary, turn)} {question}".strip(), reprompt=question,
                 card_text=_summary_card(summary), card_title="Your order, before you say yes")


MAX_ITEMS_SPOKEN = 5


def _summary_speech(s: CheckoutSummary, turn: Turn) -> str:
    """What Amazon asks of an order of physical goods before the yes: the seller, the items,
    the pickup or delivery details and the total with tax and fees; then the substitution
    preferences and delivery notes that go with the order."""
    slot = s.hold.slot
    window = say_window(slot.local_start, slot.local_end, turn.now)
    if slot.kind == PICKUP:
        where = f"for pickup at {s.store.name}, {s.store.street}, {window}"
    else:
        address = s.customer.address if s.customer is not None else None
        to = f" to {address.line1}" if address is not None else ""
        where = f"for delivery from {s.store.name}{to}, {window}"
    n = s.item_count
    lines = s.cart.lines
    named = lines_speech(turn, lines)[:MAX_ITEMS_SPOKEN]
    if n > MAX_ITEMS_SPOKEN:
        named.append(f"{say_number(n - MAX_ITEMS_SPOKEN)} more")
    parts = [f"You have {say_number(n)} item{'s' if n != 1 else ''} {where}: "
             f"{join_words(named)}."]
    extras = []
    if s.tax:
        extras.append(f"{say_price(s.tax)} tax")
    if s.delivery_fee:
        extras.append(f"a {say_price(s.delivery_fee)} delivery fee")
    if extras:
        parts.append(f"That's {say_total(s.subtotal, lines)} plus {join_words(extras)}, "
                     f"{say_total(s.total, lines)} in total.")
    else:
        free = " with free delivery" if slot.kind == DELIVERY else ""
        parts.append(f"That's {say_total(s.total, lines)} in total{free}.")
    if s.unavailable:
        parts.append(stores.missing_said(turn, s.store, list(s.unavailable)))
    parts.append(substitution_speech(s.customer, lines))
    if slot.kind == DELIVERY and s.customer is not None:
        address = s.customer.address
        if notes := delivery_notes_speech(s.customer.delivery_notes,
                                          address.instructions if address else None):
            parts.append(notes)
    return " ".join(p for p in parts if p) + _by_weight_note(lines)


def _summary_card(s: CheckoutSummary) -> str:
    slot = s.hold.slot
    out = [f"Sold by: {s.store.name}, {s.store.address}",
           f"{'Pickup' if slot.kind == PICKUP else 'Delivery'}: "
           f"{slot.local_start:%A, %B} {slot.local_start.day}, "
           f"{say_time(slot.local_start)} to {say_time(slot.local_end)}", ""]
    out += [f"  {line_speech(line)}: {say_price(line.line_total)}" for line in s.cart.lines]
    out += ["", f"Subtotal: {say_price(s.subtotal)}"]
    if s.tax or s.store.policy.tax_rate:
        out.append(f"Sales tax ({percent(s.store.policy.tax_rate)} on taxed items): "
                   f"{say_price(s.tax)}")
    if slot.kind == DELIVERY:
        out.append(f"Delivery fee: {say_price(s.delivery_fee)}")
    out.append(f"Total: {say_price(s.total)}")
    return "\n".join(out)


def _by_weight_note(lines) -> str:
    weighed = [line for line in lines if line.estimated]
    if not weighed:
        return ""
    return (" Items sold by weight are estimates: the final price is set when they're weighed.")


def confirm_order(turn: Turn, pending: dict, *, code_checked: bool = False) -> Reply:
    """The shopper said yes to the read-back. The submission key from that read-back makes a
    repeated yes, or a platform retry, return the same order instead of a second one."""
    if (link := link_account_first(turn)) is not None:
        return link
    if not code_checked and (ask := voice_code_gate(turn, pending)) is not None:
        return ask
    try:
        result = place_order(turn.carts, turn.customer_id, pending["submission_key"],
                             now=turn.now, expected_revision=pending.get("revision"))
    except CartChanged:
        return read_back(turn, "Your cart changed since I read it back. ")
    except SlotUnavailable as exc:
        # A hold that lapsed while the shopper waited can leave the slot too soon to prepare
        why = "is now too soon for us to get ready" if isinstance(exc, SlotTooSoon) else "just filled up"
        if exc.next_slot is None:
            turn.state.pending = None
            return Reply(f"Sorry, that time slot {why} and I can't find another one this week.",
                         reprompt="What would you like to do?")
        hold = services.choose_fulfillment(turn.carts, turn.customer_id, exc.slot.kind, now=turn.now,
                                           store_id=exc.slot.store_id,
                                           requested=exc.next_slot.local_start.replace(tzinfo=None),
                                           session=turn.session_key)
        return read_back(turn, f"Sorry, that time slot {why}. The next one is "
                         f"{say_window(hold.slot.local_start, hold.slot.local_end, turn.now)}. ")
    order = result.order
    if result.created:
        turn.notes["placed_order_id"] = order.id
    turn.state.pending = None
    turn.state.context["placed"] = {"order_id": order.id, "submission_key": order.submission_key}
    f = order.fulfillment
    how = "pickup" if f.kind == PICKUP else "delivery"
    again = "" if result.created else "That order is already placed. "
    seller = f"at {f.store_name}" if f.kind == PICKUP else f"from {f.store_name}"
    return Reply(f"{again}Your order is placed for {how} {seller}, "
                 f"{say_window(f.slot.local_start, f.slot.local_end, turn.now)}, "
                 f"{say_total(order.total, order.lines)} in total. Your order number is "
                 f"{spell_order_id(order.id)}. Thanks for shopping with us!", end_session=True,
                 card_title=f"Order {order.id} placed", card_text=receipt_text(order))


def spell_order_id(order_id: str) -> str:
    """The whole order id, character by character ("M R 4 M V J G 4 D 3"): the number the
    shopper hears is the one on the card, in the email and in `voicecart orders list`, and
    one they can read out to a store clerk (the alphabet has no I, L, O or U to confuse)."""
    return " ".join(order_id)


@handles("SetFulfillment")
def set_fulfillment(turn: Turn) -> Reply:
    slots = turn.request.slots
    # Substitutions, delivery notes and store questions ride on SetFulfillment (see
    # intents.parsing.rules_prefs); none of them holds a slot or needs a linked account
    if slots.get("substitution"):
        return set_substitution(turn)
    if "delivery_note" in slots:
        return set_delivery_note(turn)
    if slots.get("stores"):
        return stores.answer(turn)
    if (link := link_account_first(turn)) is not None:
        return link
    pending = turn.state.pending or {}
    hold = services.get_hold(turn.carts, turn.customer_id)
    # "tomorrow at ten instead" keeps the method already chosen
    method = slots.get("fulfillment") or pending.get("method") or \
        (hold.slot.kind if hold is not None and hold.active(turn.now) else None)
    if method not in (PICKUP, DELIVERY):
        turn.state.pending = {"kind": "fulfillment", "then": (turn.state.pending or {}).get("then"),
                              "time": slots.get("time"), "date": slots.get("date")}
        return Reply(ASK_METHOD, reprompt=ASK_METHOD)
    then = "checkout" if pending.get("kind") == "confirm_order" else pending.get("then")
    said_time = slots.get("time") or pending.get("time")
    said_date = slots.get("date") or pending.get("date")
    store_id = None
    if slots.get("store"):
        # "pick up at the Main Street store": that store, and it becomes the shopper's store;
        # resolved before any offer, so the times offered are that store's
        store = stores.spoken_store(turn, str(slots["store"]))
        if isinstance(store, Reply):
            return store
        if not store.offers(method):
            turn.state.pending = None
            return Reply(f"{store.name} does {join_words(list(store.kinds), 'or')} only. "
                         f"{ASK_METHOD}", reprompt=ASK_METHOD)
        services.set_preferred_store(turn.carts, turn.customer_id, store.id)
        store_id = store.id
    if not said_time and not said_date:
        if hold is not None and hold.slot.kind != method and hold.slot.start > turn.now:
            # "deliver it Saturday morning", then "switch to pickup": Saturday morning still
            said_time = hold.slot.local_start.replace(tzinfo=None).isoformat(timespec="minutes")
        elif not turn.notes.get("method_with_checkout") and _worth_offering(turn, method, then):
            # "pickup" and no time: the two earliest, as a choice; nothing held until chosen
            from intents.dialog.handlers.slot_choice import offer_slots
            return offer_slots(turn, method, then, store_id)
    requested = _requested_time(said_time, said_date,
                                turn.now.astimezone(ZoneInfo(store_tz(turn.carts, turn.customer_id))))
    try:
        hold = services.choose_fulfillment(turn.carts, turn.customer_id, method, now=turn.now,
                                           requested=requested, session=turn.session_key,
                                           store_id=store_id)
    except NoAddress:
        if (shared := _address_from_platform(turn)) is True:
            return set_fulfillment(turn)
        return shared or _no_address(turn)
    except NoSlotAvailable:
        turn.state.pending = None
        return Reply(f"Sorry, there's no {method} slot available this week.", reprompt=ASK_METHOD)
    said = _held_speech(hold, method, requested, turn)
    if store_id is not None:
        said = f"{said} That's at {hold_store_name(turn, hold)}."
        cart = services.get_cart(turn.carts, turn.customer_id)
        held_at = turn.carts.get_store(hold.slot.store_id)
        if held_at is not None and (gone := stores.missing_said(turn, held_at, cart.lines)):
            said = f"{said} {gone}"
    if then == "checkout":
        return read_back(turn, said + " ")
    turn.state.pending = None
    return Reply(f"{said} Say check out when you're ready.", reprompt="What else would you like?")


def hold_store_name(turn: Turn, hold: SlotHold) -> str:
    store = turn.carts.get_store(hold.slot.store_id)
    return f"{store.name}, {store.street}" if store is not None else hold.slot.store_id


def _worth_offering(turn: Turn, method: str, then: str | None) -> bool:
    """Offer times only when one could be ordered: delivery needs an address first, and a
    checkout below the minimum hears about the minimum, not about times."""
    customer = services.get_customer(turn.carts, turn.customer_id)
    if method == DELIVERY and customer.address is None:
        return False
    if then == "checkout":
        store = turn.carts.get_store(customer.preferred_store_id or "") or \
            next(iter(turn.carts.list_stores()), None)
        cart = services.get_cart(turn.carts, turn.customer_id)
        if store is not None and cart.total < store.policy.minimum_order:
            return False
    return True


def _held_speech(hold: SlotHold, method: str, requested: datetime | None, turn: Turn) -> str:
    slot = hold.slot
    window = say_window(slot.local_start, slot.local_end, turn.now)
    what = "pickup" if method == PICKUP else "delivery"
    moved = requested is not None and not (slot.local_start.replace(tzinfo=None) <= requested
                                           < slot.local_end.replace(tzinfo=None))
    if not hold.active(turn.now):
        # The slot carries its cap of holds: chosen, but only placing the order books it
        lead = (f"That time isn't available, so I've picked the nearest {what} slot: {window}."
                if moved else f"OK, {what} {window}.")
        return f"{lead} That slot is busy, so I can't hold it; it's yours once the order is placed."
    if moved:
        return f"That time isn't available, so I've held the nearest {what} slot: {window}."
    return f"OK, I've held a {what} slot {window}."


def _requested_time(time_slot: str | None, date_slot: str | None,
                    local_now: datetime) -> datetime | None:
    """The parser's local ISO strings; "next_available" or nothing means the earliest slot. A
    time with no day (Alexa's AMAZON.TIME alone) is today if still ahead, else tomorrow."""
    try:
        if time_slot and time_slot != "next_available":
            if "T" in time_slot:
                return datetime.fromisoformat(time_slot).replace(tzinfo=None)
            moment = time.fromisoformat(time_slot)
            if date_slot:
                return datetime.combine(date.fromisoformat(date_slot), moment)
            today = datetime.combine(local_now.date(), moment)
            return today if today > local_now.replace(tzinfo=None) else today + timedelta(days=1)
        if date_slot:
            return datetime.combine(date.fromisoformat(date_slot), time(9, 0))
    except ValueError:
        return None
    return None


def _address_from_platform(turn: Turn) -> Reply | bool | None:
    """Delivery without an address: the platform's (Alexa's device address), when it has one.
    True: an address was saved, try again. A Reply: ask the shopper to share it. None: no."""
    if turn.device_address is None or turn.notes.get("asked_platform_address"):
        return None
    turn.notes["asked_platform_address"] = True
    found = turn.device_address()
    if found == "denied":
        turn.state.pending = {"kind": "fulfillment", "then": "checkout"}
        return Reply("To deliver I need your address. I've sent a card to your Alexa app where "
                     "you can share it with me, or you can choose pickup. Pickup or delivery?",
                     reprompt=ASK_METHOD, share_address=True)
    if isinstance(found, Address):
        services.set_address(turn.carts, turn.customer_id, found)
        return True
    return None


def _no_address(turn: Turn) -> Reply:
    turn.state.pending = {"kind": "fulfillment", "then": "checkout"}
    return Reply("I don't have a delivery address for you yet. You can add one in your account, "
                 "or choose pickup instead. Pickup or delivery?", reprompt=ASK_METHOD)
