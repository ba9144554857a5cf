"""Slot holds are scarce: one per customer, one per dialog session, at most a share of a slot;
and the carts of session-scoped shoppers are forgotten when idle. Fake and SQLite alike."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from cart import checkout, services
from cart.errors import SlotFull
from cart.fulfillment import PICKUP
from cart.session_carts import expire_idle_session_carts, session_customer_id

UTC = timezone.utc
NOW = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)  # Monday 09:00 in New York
FIVE_PM = datetime(2026, 3, 3, 17, 0)          # Tuesday, store-local


@pytest.fixture
def repo(any_repo):
    return any_repo


def ready_to_order(repo, products, customer: str) -> None:
    services.add_item(repo, customer, products["steak"], 1, now=NOW)  # above the minimum


def test_holds_take_at_most_half_a_slot_and_real_shoppers_still_book_it(repo, products):
    first = services.choose_fulfillment(repo, "bot-0", PICKUP, now=NOW, requested=FIVE_PM)
    second = services.choose_fulfillment(repo, "bot-1", PICKUP, now=NOW, requested=FIVE_PM)
    assert first.active(NOW) and second.active(NOW) and second.slot == first.slot
    # the slot (capacity 4) carries its cap of two live holds: a third choice is not held...
    third = services.choose_fulfillment(repo, "bot-2", PICKUP, now=NOW, requested=FIVE_PM)
    assert third.slot == first.slot and not third.active(NOW)
    assert repo.live_holds(first.slot.key, NOW) == 2
    # ...but two real shoppers arriving after the holders still get that slot and book it
    for shopper in ("ann", "bob"):
        ready_to_order(repo, products, shopper)
        chosen = services.choose_fulfillment(repo, shopper, PICKUP, now=NOW, requested=FIVE_PM)
        assert chosen.slot == first.slot
        summary = checkout.checkout_summary(repo, shopper)
        order = checkout.place_order(repo, shopper, summary.submission_key, now=NOW).order
        assert order.fulfillment.slot_key == first.slot.key
    # now two bookings and two live holds fill it: the next shopper is moved on
    ready_to_order(repo, products, "cy")
    later = services.choose_fulfillment(repo, "cy", PICKUP, now=NOW, requested=FIVE_PM)
    assert later.slot != first.slot and later.active(NOW)


def test_an_unreserved_choice_is_booked_only_if_the_slot_still_has_room(repo, products):
    for bot in ("bot-0", "bot-1"):
        services.choose_fulfillment(repo, bot, PICKUP, now=NOW, requested=FIVE_PM)
    ready_to_order(repo, products, "ann")
    choice = services.choose_fulfillment(repo, "ann", PICKUP, now=NOW, requested=FIVE_PM)
    assert not choice.active(NOW)
    for rival in ("r1", "r2"):  # two others book the remaining room first
        ready_to_order(repo, products, rival)
        services.choose_fulfillment(repo, rival, PICKUP, now=NOW, requested=FIVE_PM)
        summary = checkout.checkout_summary(repo, rival)
        checkout.place_order(repo, rival, summary.submission_key, now=NOW)
    summary = checkout.checkout_summary(repo, "ann")
    with pytest.raises(SlotFull) as raised:
        checkout.place_order(repo, "ann", summary.submission_key, now=NOW)
    assert raised.value.next_slot is not None and raised.value.next_slot != choice.slot


def test_a_session_holds_one_slot_whichever_customer_ids_it_speaks_for(repo):
    a = services.choose_fulfillment(repo, "id-a", PICKUP, now=NOW, session="df:s1")
    assert services.get_hold(repo, "id-a") == a
    services.choose_fulfillment(repo, "id-b", PICKUP, now=NOW, session="df:s1")
    assert services.get_hold(repo, "id-a") is None  # released: the session moved on
    assert services.get_hold(repo, "id-b").active(NOW)
    # another session's hold is its own business
    services.choose_fulfillment(repo, "id-c", PICKUP, now=NOW, session="df:s2")
    assert services.get_hold(repo, "id-b") is not None and services.get_hold(repo, "id-c")


def test_one_hold_per_customer_however_often_they_choose(repo):
    for hour in (10, 11, 12, 13, 14):
        services.choose_fulfillment(repo, "ann", PICKUP, now=NOW,
                                    requested=datetime(2026, 3, 3, hour, 0))
    hold = services.get_hold(repo, "ann")
    assert hold.slot.local_start.hour == 14
    usage = repo.slot_usage(hold.slot.store_id, PICKUP, NOW, NOW + timedelta(days=7), NOW)
    assert usage == {hold.slot.key: 1}  # the earlier four were replaced, not kept


def test_idle_session_carts_are_forgotten_and_shoppers_carts_kept(repo, products):
    idle = timedelta(hours=24)
    anonymous = [session_customer_id("dialogflow-es", f"projects/p/agent/sessions/{i}")
                 for i in range(30)]
    for customer in anonymous + ["ann"]:
        services.add_item(repo, customer, products["milk"], 1, now=NOW)
    legacy = "dialogflow-cx:projects/p/locations/l/agents/a/sessions/old"  # first release's ids
    services.add_item(repo, legacy, products["milk"], 1, now=NOW)
    # still within the idle time: nothing goes
    assert expire_idle_session_carts(repo, now=NOW + idle - timedelta(minutes=1), idle=idle) == 0
    # a session that came back keeps its cart
    services.add_item(repo, anonymous[0], products["eggs"], 1, now=NOW + timedelta(hours=12))
    gone = expire_idle_session_carts(repo, now=NOW + idle + timedelta(minutes=1), idle=idle,
                                     batch=7)  # several batches
    assert gone == 30
    assert repo.get_cart(anonymous[1]) is None and repo.get_cart(legacy) is None
    assert len(repo.get_cart(anonymous[0]).lines) == 2
    # a shopper's own cart never expires, however long it is left
    later = NOW + timedelta(days=400)
    expire_idle_session_carts(repo, now=later, idle=idle)
    assert [line.product_id for line in repo.get_cart("ann").lines] == ["milk"]
