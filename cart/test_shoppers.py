"""Test shoppers: the shoppers `voicecart dialog test --url` speaks as against a running
server, so scripted dialogs never use (or spend for) a real shopper. Each is made for one run,
with a profile copied from a named shopper when a dialog asks for one (the demo shopper's
address), and cleaned up before the run ends: every open order cancelled, every hold released,
the cart emptied. Only ids with TEST_PREFIX, which the server hands out, can be cleaned up.
Services over the CartRepository port, like cart.services: they work on every backend."""
from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import datetime

from cart.checkout import cancel_order
from cart.errors import DomainError
from cart.model import Customer
from cart.services import _clock, _load_cart, _save_cart
from cart.ports import CartRepository

TEST_PREFIX = "test-shopper-"
MAX_ORDERS = 1000  # orders looked at per test shopper


def is_test_shopper(customer_id: object) -> bool:
    return isinstance(customer_id, str) and customer_id.startswith(TEST_PREFIX) \
        and len(customer_id) <= 200


def create_test_shopper(repo: CartRepository, like: str | None = None) -> str:
    """A new test shopper's id; with `like`, that shopper's address, store and substitution
    default are copied (never their cart, orders or linked account)."""
    customer_id = TEST_PREFIX + secrets.token_hex(8)
    with repo.transaction():
        model = repo.get_customer(like) if like else None
        customer = replace(model, id=customer_id, linked_account=None) if model is not None \
            else Customer(customer_id)
        repo.save_customer(customer)
    return customer_id


@dataclass(frozen=True)
class Cleanup:
    cancelled_orders: int = 0
    released_holds: int = 0
    # orders that could not be cancelled any more (picking started): their ids
    left: tuple[str, ...] = ()


def clean_up(repo: CartRepository, customer_id: str, *, now: datetime) -> Cleanup:
    """Cancel every open order of a test shopper, release its hold and empty its cart."""
    if not is_test_shopper(customer_id):
        raise ValueError(f"{customer_id!r} is not a test shopper")
    now = _clock(now)
    cancelled, left = 0, []
    for order in repo.list_orders(customer_id, MAX_ORDERS):
        if order.is_final(now):
            continue
        try:
            cancel_order(repo, customer_id, order.id, now=now)
            cancelled += 1
        except DomainError:
            left.append(order.id)
    with repo.transaction():
        released = 1 if repo.get_hold(customer_id) is not None else 0
        if released:
            repo.delete_hold(customer_id)
        cart = _load_cart(repo, customer_id)
        if cart.lines:
            cart.empty_after_checkout()  # no undo can bring the lines back
            _save_cart(repo, cart, now)
    return Cleanup(cancelled, released, tuple(left))
