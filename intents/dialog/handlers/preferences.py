"""Substitution preferences and delivery notes by voice (SetFulfillment with a
"substitution" or "delivery_note" slot; see intents.parsing.rules_prefs).

Both are said back when they are set and again in the checkout read-back; while the shopper
is at the read-back ("shall I place the order?"), setting one reads the order back again, so
the "yes" that follows is to the order as it now stands.
"""
from __future__ import annotations

from cart import services
from cart.fulfillment import DELIVERY
from cart.model import ALLOW, NO_SUBSTITUTE, CartLine, Customer, DeliveryNotes, Substitution
from intents.dialog.handlers.common import find_cart_lines
from intents.dialog.handlers.items import resolve
from intents.dialog.speech import join_words, short_name
from intents.dialog.turn import Turn
from intents.model import ItemRequest, Reply
from catalog.model import Product

ANYTHING_ELSE = "What else can I do for you?"


def _then(turn: Turn, said: str) -> Reply:
    """At the read-back, read the order back again with the change; else just say it."""
    if (turn.state.pending or {}).get("kind") == "confirm_order":
        from intents.dialog.handlers.checkout import read_back  # checkout imports this module
        return read_back(turn, said + " ")
    return Reply(f"{said} {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)


def _name(line: CartLine) -> str:
    return short_name(Product(id=line.product_id, name=line.name, price=line.unit_price))


# --- substitutions --------------------------------------------------------------------------

def set_substitution(turn: Turn) -> Reply:
    mode = turn.request.slots.get("substitution")
    items = turn.request.items
    if not items:
        preference = Substitution.none() if mode == NO_SUBSTITUTE else Substitution.allow()
        services.set_default_substitution(turn.carts, turn.customer_id, preference)
        said = ("OK, no substitutions: if something is out, it's left out and you're not "
                "charged for it." if mode == NO_SUBSTITUTE else
                "OK, substitutions are fine: if something is out, the store may pick a "
                "similar item.")
        return _then(turn, said)
    lines = _cart_lines(turn, items[0])
    if not lines:
        what = items[0].phrase or "that"
        return Reply(f"I don't see {what} in your cart, so there's nothing to set a "
                     f"substitution for. {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
    line = lines[0]
    name = _name(line)
    if mode == "specific":
        match = resolve(turn, items[1]) if len(items) > 1 else None
        substitute = match.best.product if match is not None and match.best is not None \
            and match.sure else None
        if substitute is None:
            wanted = items[1].phrase if len(items) > 1 else "that"
            return Reply(f"Sorry, I couldn't find {wanted} to use instead of {name}. "
                         f"{ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
        if substitute.id == line.product_id:
            return Reply(f"That's the {name} already in your cart. {ANYTHING_ELSE}",
                         reprompt=ANYTHING_ELSE)
        if not substitute.in_stock:
            return Reply(f"Sorry, {short_name(substitute)} is out of stock too, so it can't "
                         f"stand in for {name}. {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
        preference = Substitution.specific(substitute.id, substitute.name)
        said = f"OK, if {name} is out, I'll ask for {short_name(substitute)} instead."
    elif mode == NO_SUBSTITUTE:
        preference = Substitution.none()
        said = f"OK, no substitutions for {name}: if it's out, it's left out."
    else:
        preference = Substitution.allow()
        said = f"OK, a similar item is fine if {name} is out."
    services.set_substitution(turn.carts, turn.customer_id, line.product_id, preference,
                              line.unit)
    return _then(turn, said)


def _cart_lines(turn: Turn, item: ItemRequest) -> list[CartLine]:
    if item.phrase:
        resolve(turn, item)
    return find_cart_lines(turn, item)


def substitution_speech(customer: Customer | None, lines: list[CartLine]) -> str:
    """The read-back's sentence on substitutions: the default, then the lines that differ."""
    default = customer.default_substitution if customer else Substitution.allow()
    exceptions = [(line, line.substitution) for line in lines
                  if line.substitution is not None and line.substitution != default]
    if default.mode == NO_SUBSTITUTE:
        head = "No substitutions"
    else:
        head = "Substitutions are allowed"
    if not exceptions:
        return f"{head}."
    parts = []
    none = [_name(line) for line, sub in exceptions if sub.mode == NO_SUBSTITUTE]
    allow = [_name(line) for line, sub in exceptions if sub.mode == ALLOW]
    if none:
        parts.append(f"none for {join_words(none)}")
    if allow:
        parts.append(f"a similar item is fine for {join_words(allow)}")
    for line, sub in exceptions:
        if sub.mode == "specific":
            parts.append(f"{sub.name} if {_name(line)} is out")
    return f"{head}, except: {'; '.join(parts)}."


# --- delivery notes -------------------------------------------------------------------------

def set_delivery_note(turn: Turn) -> Reply:
    slots = turn.request.slots
    customer = services.get_customer(turn.carts, turn.customer_id)
    notes = customer.delivery_notes
    if slots.get("clear"):
        services.set_delivery_notes(turn.carts, turn.customer_id, DeliveryNotes())
        turn.state.context.pop("noted", None)
        return _then(turn, "OK, no delivery notes.")
    text = str(slots.get("delivery_note") or "").strip()
    if slots.get("unattended"):
        notes = DeliveryNotes(notes.text, True)
        said = "OK, the driver may leave your order if you're not home."
    else:
        # Notes said one after another in a session add up ("ring the bell", "and leave it at
        # the door"); a note said in a new session starts the notes afresh
        before = notes.text if turn.state.context.get("noted") and notes.text else None
        if before and text.lower() in before.lower():
            text = before
        elif before:
            text = f"{before.rstrip('.')}. {text}"
        notes = DeliveryNotes(text[:200], notes.unattended)
        said = f"OK, I'll tell the driver: {notes.text.rstrip('.')}."
    turn.state.context["noted"] = True
    services.set_delivery_notes(turn.carts, turn.customer_id, notes)
    hold = services.get_hold(turn.carts, turn.customer_id)
    if hold is not None and hold.slot.kind != DELIVERY:
        said += " That's for delivery orders; this one is for pickup."
    return _then(turn, said)


def delivery_notes_speech(notes: DeliveryNotes, instructions: str | None = None) -> str:
    """"Delivery notes: Leave it at the door. It may be left if you're not home." or ""."""
    parts = [p.rstrip(".") for p in (notes.text or instructions,) if p]
    if notes.unattended:
        parts.append("it may be left if you're not home")
    if not parts:
        return ""
    return "Delivery notes: " + ". ".join(p[:1].upper() + p[1:] for p in parts) + "."
