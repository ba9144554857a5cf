"""Shoppers talking at once lose nothing (issue 11, part 2), through a live server
(gunicorn, 2 worker processes, 4 threads each): concurrent adds to one cart all count, and two
shoppers racing for the last pickup slot get one order and one offer of the next slot.
"""
from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from cart import services
from cart.checkout import place_order
from reliability.kit import (CLEAN_ENV, EGGS, alexa_add, alexa_speech, converse, copy_db, fill_cart,
                             orders_of, quantity_of, repo, request_id, run_parallel)
from support import http, running_server

pytestmark = pytest.mark.slow

CLIENTS, ADDS = 8, 25
STORE = "brooklyn"


@pytest.fixture(scope="module")
def server(tmp_path_factory, seeded_db):
    db = copy_db(seeded_db, tmp_path_factory.mktemp("concurrency") / "live.db")
    with running_server(db, "--dev", env=CLEAN_ENV, workers=2) as (base, _):
        yield base, db


def test_eight_alexa_devices_adding_to_one_cart_lose_nothing(server):
    base, db = server
    shopper = f"amzn1.ask.account.{uuid.uuid4().hex}"

    def client(n: int) -> list[int]:
        session = f"amzn1.echo-api.session.{uuid.uuid4()}"
        statuses = []
        for i in range(ADDS):
            status, body = http("POST", base + "/alexa", alexa_add(
                EGGS, 1, user=shopper, session=session, new=i == 0, request_id=request_id()))
            statuses.append(status)
            assert "Added" in alexa_speech(body), body
        return statuses

    results = run_parallel([lambda n=n: client(n) for n in range(CLIENTS)], workers=CLIENTS, timeout=120)
    assert not [r for r in results if isinstance(r, Exception)], results
    assert all(status == 200 for statuses in results for status in statuses)
    assert quantity_of(db, shopper, EGGS) == CLIENTS * ADDS


def test_eight_text_sessions_adding_to_one_cart_lose_nothing(server):
    base, db = server
    shopper = f"text-{uuid.uuid4().hex}"

    def client(n: int) -> None:
        for _ in range(ADDS):
            status, body = http("POST", base + "/v1/converse",
                                converse(shopper, f"session-{n}", "add large white eggs"))
            assert status == 200 and "Added" in body["speech"], (status, body)

    results = run_parallel([lambda n=n: client(n) for n in range(CLIENTS)], workers=CLIENTS, timeout=120)
    assert not [r for r in results if isinstance(r, Exception)], results
    assert quantity_of(db, shopper, EGGS) == CLIENTS * ADDS


# --- the last pickup slot ---------------------------------------------------------------------

def _last_slot_setup(db, shoppers: list[str], days_ahead: int):
    """A pickup slot `days_ahead` days and at least four hours ahead (each test its own),
    filled to capacity - 1 with other customers' orders; each shopper has a full cart.
    Returns (slot, capacity)."""
    now = datetime.now(timezone.utc)
    r = repo(db)
    store = r.get_store(STORE)
    slot = services.available_slots(r, "filler", "pickup", now=now, store_id=STORE,
                                    after=now + timedelta(days=days_ahead, hours=4), limit=1)[0]
    capacity = store.policy.capacity("pickup")
    for n in range(capacity - 1 - len(_slot_orders(db, slot))):
        filler = f"filler-{uuid.uuid4().hex}"
        fill_cart(db, filler)
        hold = services.choose_fulfillment(r, filler, "pickup", now=now, store_id=STORE,
                                           requested=slot.local_start.replace(tzinfo=None))
        assert hold.slot.key == slot.key
        place_order(r, filler, f"filler-key-{filler}", now=now)
    for shopper in shoppers:
        fill_cart(db, shopper)
    return slot, capacity


def _hold(db, shopper: str, slot) -> None:
    """The shopper asks for that slot and gets it (nobody else holds it right now)."""
    now = datetime.now(timezone.utc)
    hold = services.choose_fulfillment(repo(db), shopper, "pickup", now=now, store_id=STORE,
                                       requested=slot.local_start.replace(tzinfo=None))
    assert hold.slot.key == slot.key


def _lapse(db, shopper: str) -> None:
    """Ten minutes pass: the shopper's hold on the slot lapses (it is no longer a promise)."""
    r = repo(db)
    with r.transaction():
        hold = r.get_hold(shopper)
        r.save_hold(replace(hold, expires_at=datetime.now(timezone.utc) - timedelta(minutes=1)))


def _slot_orders(db, slot) -> list[dict]:
    start = slot.local_start.isoformat(timespec="minutes")
    return [o for o in orders_of(db, None)
            if o["fulfillment"]["slot_start"] == start and o["status"] != "cancelled"]


def _to_confirmation(base: str, shopper: str) -> None:
    status, body = http("POST", base + "/v1/converse", converse(shopper, f"s-{shopper}", "check out"))
    assert status == 200 and "Shall I place the order?" in body["speech"], body


def test_two_shoppers_racing_for_the_last_slot_one_wins_the_other_hears_the_next_slot(server):
    base, db = server
    a, b = f"racer-a-{uuid.uuid4().hex}", f"racer-b-{uuid.uuid4().hex}"
    slot, capacity = _last_slot_setup(db, [a, b], days_ahead=0)
    # Both heard the read-back for the same slot: A's hold lapsed while B took the slot, then
    # B's lapsed too, so neither is a promise and the first "yes" to book wins
    _hold(db, a, slot)
    _to_confirmation(base, a)
    _lapse(db, a)
    _hold(db, b, slot)
    _to_confirmation(base, b)
    _lapse(db, b)
    results = run_parallel([lambda s=s: http("POST", base + "/v1/converse", converse(s, f"s-{s}", "yes"))
                            for s in (a, b)], workers=2, timeout=60)
    assert [status for status, _ in results] == [200, 200], results
    said = {s: body["speech"] for s, (_, body) in zip((a, b), results)}
    winners = [s for s in (a, b) if "Your order is placed" in said[s]]
    assert len(winners) == 1, said
    loser = b if winners[0] == a else a
    assert "just filled up" in said[loser] and "The next one is" in said[loser], said[loser]
    assert "Shall I place the order?" in said[loser]
    assert len(_slot_orders(db, slot)) == capacity
    assert [o["user_id"] for o in _slot_orders(db, slot)].count(winners[0]) == 1
    assert orders_of(db, loser) == []
    # the loser takes the offered slot
    status, body = http("POST", base + "/v1/converse", converse(loser, f"s-{loser}", "yes"))
    assert status == 200 and "Your order is placed" in body["speech"], body
    (order,) = orders_of(db, loser)
    assert order["fulfillment"]["slot_start"] != slot.local_start.isoformat(timespec="minutes")
    assert len(_slot_orders(db, slot)) == capacity


def test_a_live_hold_is_kept_even_against_an_earlier_yes(server):
    base, db = server
    a, b = f"late-a-{uuid.uuid4().hex}", f"holder-b-{uuid.uuid4().hex}"
    slot, capacity = _last_slot_setup(db, [a, b], days_ahead=2)
    _hold(db, a, slot)
    _to_confirmation(base, a)
    _lapse(db, a)
    _hold(db, b, slot)  # B holds the last place now, a promise for ten minutes
    _to_confirmation(base, b)
    status, body = http("POST", base + "/v1/converse", converse(a, f"s-{a}", "yes"))
    assert status == 200 and "just filled up" in body["speech"] and "The next one is" in body["speech"], body
    status, body = http("POST", base + "/v1/converse", converse(b, f"s-{b}", "yes"))
    assert status == 200 and "Your order is placed" in body["speech"], body
    assert [o["user_id"] for o in _slot_orders(db, slot)].count(b) == 1
    assert len(_slot_orders(db, slot)) == capacity
    assert orders_of(db, a) == []
