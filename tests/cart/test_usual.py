"""The usual (issue 18 item 4): the products in more than half of a shopper's orders across
their whole history, most often first, each in its latest amount; cancelled orders don't count;
and adding it never doubles what is already in the cart. On the fake and on real SQLite."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from cart import checkout, services
from cart.fulfillment import PICKUP
from cart.usual import add_usual, usual_for

NOW = datetime(2026, 3, 2, 14, 0, tzinfo=timezone.utc)
MIN = timedelta(minutes=1)


@pytest.fixture
def repo(any_repo):
    return any_repo


def _order(repo, products, amounts: dict[str, float], n: int, customer: str = "ann"):
    now = NOW + n * MIN
    for product_id, quantity in amounts.items():
        services.add_item(repo, customer, products[product_id], quantity, now=now)
    services.choose_fulfillment(repo, customer, PICKUP, now=now)
    return checkout.place_order(repo, customer, f"{customer}-{n}", now=now).order


def test_the_usual_is_what_more_than_half_the_orders_have(repo, products):
    _order(repo, products, {"milk": 2, "eggs": 1, "steak": 1}, 1)
    _order(repo, products, {"milk": 3, "eggs": 2, "steak": 1}, 2)
    _order(repo, products, {"milk": 4, "bread": 1, "steak": 1}, 3)
    _order(repo, products, {"eggs": 1, "oatmilk": 1, "steak": 1}, 4)

    usual = usual_for(repo, "ann")

    # steak 4 of 4, milk and eggs 3 of 4; bread and oat milk once
    assert [(l.product_id, l.quantity) for l in usual] == [("steak", 1), ("eggs", 1), ("milk", 4)]


def test_cancelled_orders_do_not_count_and_no_history_is_no_usual(repo, products):
    assert usual_for(repo, "ann") == []
    _order(repo, products, {"milk": 2, "steak": 1}, 1)
    cancelled = _order(repo, products, {"bread": 1, "steak": 1}, 2)
    checkout.cancel_order(repo, "ann", cancelled.id, now=NOW + 3 * MIN)

    assert [l.product_id for l in usual_for(repo, "ann")] == ["milk", "steak"]


def test_two_orders_with_nothing_in_common_give_the_newest(repo, products):
    _order(repo, products, {"milk": 2, "steak": 1}, 1)
    _order(repo, products, {"bread": 1, "eggs": 1, "oatmilk": 1, "apples": 1}, 2)
    assert {l.product_id for l in usual_for(repo, "ann")} == {"bread", "eggs", "oatmilk", "apples"}


def test_adding_the_usual_skips_what_is_in_the_cart_and_is_one_undo(repo, products, lookup):
    _order(repo, products, {"milk": 2, "steak": 1}, 1)
    services.add_item(repo, "ann", products["milk"], 1, now=NOW + 5 * MIN)

    result = add_usual(repo, "ann", ["milk", "steak"], lookup, now=NOW + 6 * MIN)

    assert [l.product_id for l in result.added] == ["steak"]
    assert [(l.product_id, l.quantity) for l in result.already] == [("milk", 1)]
    services.undo(repo, "ann", now=NOW + 7 * MIN)
    assert [l.product_id for l in services.get_cart(repo, "ann").lines] == ["milk"]
