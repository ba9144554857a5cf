"""Retries and repeated answers never double anything (issue 11, part 1).

Voice platforms redeliver a request they think was lost (same Alexa requestId, same Dialogflow
responseId), sometimes while the first delivery is still being answered, and shoppers say "yes"
twice. Against a live server (gunicorn, 2 workers): one cart line, one order, and every replay
gets a sensible spoken answer, never an error.
"""
from __future__ import annotations

import uuid

import pytest

from reliability.kit import (CLEAN_ENV, EGGS, WHOLE_MILK, alexa, alexa_add, alexa_pickup, alexa_speech,
                             converse, copy_db, es_request, fill_cart, orders_of, quantity_of,
                             request_id, run_parallel)
from support import http, running_server

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory, seeded_db):
    db = copy_db(seeded_db, tmp_path_factory.mktemp("idempotency") / "live.db")
    with running_server(db, "--dev", env=CLEAN_ENV, workers=2) as (base, _):
        yield base, db


def post(base: str, route: str, body: dict) -> dict:
    status, reply = http("POST", base + route, body)
    assert status == 200, (route, status, reply)
    return reply


def user() -> str:
    return f"amzn1.ask.account.{uuid.uuid4().hex}"


def test_one_alexa_request_delivered_five_times_adds_once(server):
    base, db = server
    shopper = user()
    retried = alexa_add(EGGS, 1, user=shopper, request_id=request_id())
    replies = [alexa_speech(post(base, "/alexa", retried)) for _ in range(5)]
    assert len(set(replies)) == 1 and "Added" in replies[0]
    assert quantity_of(db, shopper, EGGS) == 1


def test_a_retry_arriving_while_the_first_delivery_runs_still_adds_once(server):
    base, db = server
    shopper = user()
    for _ in range(3):  # three separate requests, each delivered five times at once
        retried = alexa_add(EGGS, 1, user=shopper, request_id=request_id())
        results = run_parallel([lambda: post(base, "/alexa", retried)] * 5, workers=5, timeout=60)
        assert not [r for r in results if isinstance(r, Exception)], results
        assert len({alexa_speech(r) for r in results}) == 1
    assert quantity_of(db, shopper, EGGS) == 3


def _alexa_to_confirmation(base: str, shopper: str, session: str) -> None:
    said = alexa_speech(post(base, "/alexa", alexa_add(WHOLE_MILK, 4, user=shopper, session=session, new=True)))
    assert "Added" in said
    said = alexa_speech(post(base, "/alexa", alexa("CheckoutIntent", user=shopper, session=session)))
    assert "pickup or delivery" in said.lower()
    said = alexa_speech(post(base, "/alexa", alexa_pickup(user=shopper, session=session)))
    assert "Shall I place the order?" in said


def test_alexa_yes_retried_five_times_then_said_again_places_one_order(server):
    base, db = server
    shopper, session = user(), f"amzn1.echo-api.session.{uuid.uuid4()}"
    _alexa_to_confirmation(base, shopper, session)
    yes = alexa("AMAZON.YesIntent", user=shopper, session=session, request_id=request_id())
    first = run_parallel([lambda: post(base, "/alexa", yes)] * 2, workers=2, timeout=60)
    later = [post(base, "/alexa", yes) for _ in range(3)]
    replies = {alexa_speech(r) for r in first + later}
    assert len(replies) == 1 and "Your order is placed" in replies.pop()
    # a second, different "yes" (the shopper repeating themself): told, not charged twice
    again = alexa_speech(post(base, "/alexa", alexa("AMAZON.YesIntent", user=shopper, session=session,
                                                    request_id=request_id())))
    assert "already placed" in again
    orders = orders_of(db, shopper)
    assert len(orders) == 1 and orders[0]["status"] == "placed"
    assert quantity_of(db, shopper, EGGS) == 0


def test_two_different_alexa_yes_requests_at_once_place_one_order(server):
    base, db = server
    shopper, session = user(), f"amzn1.echo-api.session.{uuid.uuid4()}"
    _alexa_to_confirmation(base, shopper, session)
    yeses = [alexa("AMAZON.YesIntent", user=shopper, session=session, request_id=request_id())
             for _ in range(2)]
    results = run_parallel([lambda y=y: post(base, "/alexa", y) for y in yeses], workers=2, timeout=60)
    said = [alexa_speech(r) for r in results]
    assert all("placed" in s for s in said), said
    assert len(orders_of(db, shopper)) == 1


def test_text_channel_yes_twice_places_one_order(server):
    base, db = server
    shopper, session = f"text-{uuid.uuid4().hex}", "t1"
    fill_cart(db, shopper)
    said = post(base, "/v1/converse", converse(shopper, session, "check out for pickup"))["speech"]
    assert "Shall I place the order?" in said
    first = post(base, "/v1/converse", converse(shopper, session, "yes"))["speech"]
    second = post(base, "/v1/converse", converse(shopper, session, "yes"))["speech"]
    assert "Your order is placed" in first
    assert "already placed" in second
    assert len(orders_of(db, shopper)) == 1


def test_text_channel_two_yes_at_once_place_one_order(server):
    base, db = server
    shopper, session = f"text-{uuid.uuid4().hex}", "t2"
    fill_cart(db, shopper)
    assert "Shall I place the order?" in post(base, "/v1/converse",
                                              converse(shopper, session, "check out for pickup"))["speech"]
    results = run_parallel([lambda: post(base, "/v1/converse", converse(shopper, session, "yes"))] * 2,
                           workers=2, timeout=60)
    assert all("placed" in r["speech"] for r in results), results
    assert len(orders_of(db, shopper)) == 1


def test_dialogflow_es_same_response_id_twice_adds_and_orders_once(server):
    base, db = server
    shopper, session = f"es-{uuid.uuid4().hex}", uuid.uuid4().hex

    def es(intent: str, params: dict, text: str, response_id: str | None = None) -> str:
        body = es_request(intent, params, text, session=session, user=shopper, response_id=response_id)
        return post(base, "/dialogflow/es", body)["fulfillmentText"]

    add_id = str(uuid.uuid4())
    added = [es("AddItem", {"item": "large white eggs", "quantity": 4, "unit": "dozen"},
                "add four dozen large white eggs", add_id)
             for _ in range(2)]
    assert added[0] == added[1] and "Added" in added[0]
    assert quantity_of(db, shopper, EGGS) == 4
    assert "pickup or delivery" in es("Checkout", {}, "check out").lower()
    assert "Shall I place the order?" in es("SetFulfillment", {"fulfillment": "pickup"},
                                                  "pickup at five pm")
    yes_id = str(uuid.uuid4())
    replies = run_parallel([lambda: es("Yes", {}, "yes", yes_id)] * 2, workers=2, timeout=60)
    replies.append(es("Yes", {}, "yes", yes_id))
    assert len(set(replies)) == 1 and "Your order is placed" in replies[0]
    assert len(orders_of(db, shopper)) == 1
