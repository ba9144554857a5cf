"""Stores by voice (SetFulfillment with a "stores" or "store" slot): which stores are near,
their hours, which one the shopper uses, and choosing one ("pick up at the Main Street store").

A question never holds a slot. Choosing a store makes it the shopper's store; a slot already
held elsewhere moves to the new store at the nearest time, and cart items that store has none
of are named at once (and again at the read-back).
"""
from __future__ import annotations

from datetime import datetime, timedelta

from cart import services
from cart.errors import NoAddress, NoSlotAvailable, UnsupportedFulfillment
from cart.fulfillment import DELIVERY, PICKUP, Store
from cart.model import CartLine
from cart.store_finder import find_store, short_store_name, stores_by_distance
from intents.dialog.speech import join_words, say_time, say_window, short_name
from intents.dialog.turn import Turn
from intents.model import Reply
from catalog.model import Product

ANYTHING_ELSE = "What else can I do for you?"
MAX_LISTED = 3


def _own_store(turn: Turn) -> Store | None:
    customer = services.get_customer(turn.carts, turn.customer_id)
    if customer.preferred_store_id:
        store = turn.carts.get_store(customer.preferred_store_id)
        if store is not None:
            return store
    return next(iter(turn.carts.list_stores()), None)


def _hours_today(store: Store, now: datetime) -> str:
    local = now.astimezone(store.zone)
    hours = store.hours.get(local.weekday())
    if hours is None:
        return "closed today"
    closes = "midnight" if hours.closes.hour == 0 and hours.closes.minute == 0 \
        else say_time(hours.closes)
    return f"open today from {say_time(hours.opens)} to {closes}"


def _kinds(store: Store) -> str:
    if store.kinds == (PICKUP,):
        return ", pickup only"
    if store.kinds == (DELIVERY,):
        return ", delivery only"
    return ""


def _called(store: Store) -> str:
    return f"{store.name} at {store.street}"


def answer(turn: Turn) -> Reply:
    what = turn.request.slots.get("stores")
    if what == "near":
        return _near(turn)
    if what == "hours":
        return _hours(turn)
    if what == "choose":
        return choose(turn, str(turn.request.slots.get("store") or ""))
    store = _own_store(turn)
    if store is None:
        return Reply("I don't have any stores set up yet.", reprompt=ANYTHING_ELSE)
    return Reply(f"You're shopping at {_called(store)}{_kinds(store)}, "
                 f"{_hours_today(store, turn.now)}. {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)


def _near(turn: Turn) -> Reply:
    customer = services.get_customer(turn.carts, turn.customer_id)
    code = turn.request.slots.get("zip") or (customer.address.postal_code
                                             if customer.address else None)
    if not code:
        ask = "Which ZIP code should I look near? You can say: stores near 11201."
        return Reply(f"I don't have your address yet. {ask}", reprompt=ask)
    ranked = stores_by_distance(turn.carts.list_stores(), str(code))
    near = [n.store for n in ranked if n.near][:MAX_LISTED]
    if not near:
        closest = ranked[0].store if ranked else None
        if closest is None:
            return Reply("I don't have any stores set up yet.", reprompt=ANYTHING_ELSE)
        return Reply(f"I don't have a store near {_zip_words(code)}. The closest is "
                     f"{_called(closest)}, {closest.address.split(',', 1)[1].strip()}. "
                     f"{ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
    described = [f"{_called(s)}{_kinds(s)}, {_hours_today(s, turn.now)}" for s in near]
    own = _own_store(turn)
    lead = "The store near" if len(near) == 1 else "The stores near"
    tail = ""
    if own is not None:
        tail = f" You're shopping at {own.name}."
        if len(near) > 1:
            other = next(s for s in near if s.id != own.id) if any(s.id != own.id for s in near) \
                else None
            if other is not None:
                tail += f" To change, say: use the {_short(other, turn)} store."
    return Reply(f"{lead} {_zip_words(code)}: {'; '.join(described)}.{tail} {ANYTHING_ELSE}",
                 reprompt=ANYTHING_ELSE)


def _zip_words(code: str) -> str:
    # Said digit by digit ("1 1 2 0 1"), not as eleven thousand two hundred one
    return "ZIP code " + " ".join(str(code))


def _short(store: Store, turn: Turn) -> str:
    """"Main Street" for "Greenleaf Market Main Street": the name after the chain's."""
    return short_store_name(store, turn.carts.list_stores())


def _hours(turn: Turn) -> Reply:
    spoken = turn.request.slots.get("store")
    if spoken:
        found = find_store(turn.carts.list_stores(), str(spoken))
        if len(found) != 1:
            return _which_store(turn, str(spoken), found)
        store = found[0]
    else:
        store = _own_store(turn)
        if store is None:
            return Reply("I don't have any stores set up yet.", reprompt=ANYTHING_ELSE)
    local = turn.now.astimezone(store.zone)
    tomorrow = store.hours.get((local + timedelta(days=1)).weekday())
    later = (f" Tomorrow it's open from {say_time(tomorrow.opens)} to "
             f"{'midnight' if tomorrow.closes.hour == 0 else say_time(tomorrow.closes)}."
             if tomorrow else " It's closed tomorrow.")
    return Reply(f"{store.name} is {_hours_today(store, turn.now)}.{later} {ANYTHING_ELSE}",
                 reprompt=ANYTHING_ELSE)


def _which_store(turn: Turn, spoken: str, found: list[Store]) -> Reply:
    if found:
        names = join_words([_short(s, turn) for s in found], "or")
        return Reply(f"I have more than one store that could be: {names}. Which one?",
                     reprompt=f"Which store: {names}?")
    names = join_words([_short(s, turn) for s in turn.carts.list_stores()], "or")
    return Reply(f"I don't know a {spoken} store. I have {names}. Which one would you like?",
                 reprompt=f"Which store: {names}?")


def missing_said(turn: Turn, store: Store, lines: list[CartLine]) -> str:
    """What `store` has none of among `lines`, said, or ""."""
    return missing_speech(store, missing_at(store, lines), _short(store, turn))


def spoken_store(turn: Turn, spoken: str) -> Store | Reply:
    """The one store `spoken` names, or the question to ask when it names none or several."""
    found = find_store(turn.carts.list_stores(), spoken)
    if len(found) == 1:
        return found[0]
    return _which_store(turn, spoken, found)


def missing_at(store: Store, lines: list[CartLine]) -> list[CartLine]:
    return [line for line in lines if not store.has_in_stock(line.product_id)]


def missing_speech(store: Store, lines: list[CartLine], short: str) -> str:
    """"Main Street has no Organic Whole Milk today." or ""."""
    if not lines:
        return ""
    names = join_words([short_name(Product(id=l.product_id, name=l.name, price=l.unit_price))
                        for l in lines])
    return (f"{short} has no {names} today: it's substituted or left out as you "
            "prefer, and you're not charged for what's left out.")


def choose(turn: Turn, spoken: str) -> Reply:
    """"Use the Main Street store": it becomes the shopper's store; a held slot moves there."""
    picked = spoken_store(turn, spoken)
    if isinstance(picked, Reply):
        return picked
    store = picked
    services.set_preferred_store(turn.carts, turn.customer_id, store.id)
    said = f"OK, you're shopping at {_called(store)}{_kinds(store)}."
    hold = services.get_hold(turn.carts, turn.customer_id)
    if hold is not None and hold.slot.store_id != store.id:
        kind = hold.slot.kind if store.offers(hold.slot.kind) else PICKUP
        try:
            moved = services.choose_fulfillment(
                turn.carts, turn.customer_id, kind, now=turn.now, store_id=store.id,
                requested=hold.slot.local_start.replace(tzinfo=None), session=turn.session_key)
            said += (f" I've moved your {kind} to "
                     f"{say_window(moved.slot.local_start, moved.slot.local_end, turn.now)}.")
        except (NoSlotAvailable, NoAddress, UnsupportedFulfillment):
            services.release_hold(turn.carts, turn.customer_id)
            said += " I couldn't find a time there, so choose pickup or delivery again."
    cart = services.get_cart(turn.carts, turn.customer_id)
    if missing := missing_speech(store, missing_at(store, cart.lines), _short(store, turn)):
        said += " " + missing
    if (turn.state.pending or {}).get("kind") == "confirm_order":
        from intents.dialog.handlers.checkout import read_back
        return read_back(turn, said + " ")
    return Reply(f"{said} {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
