"""POST /v1/orders/<id>/events: the grocer's order system reports status and picking results,
signed with VOICECART_INBOUND_SECRET; then "where is my order" answers from what it said."""
from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from cart.outbox.sqlite import SqliteOutbox
from skill.app import create_app
from skill.config import Config
from webhook_kit import INBOUND_SECRET, SECRET, sign



@pytest.fixture
def app(tmp_path, clock, seeded_db):
    path = tmp_path / "voicecart.db"
    with sqlite3.connect(seeded_db) as source, sqlite3.connect(path) as target:
        source.backup(target)
    return create_app(Config(db_path=path, dev=True, inbound_secret=INBOUND_SECRET), clock=clock)




@pytest.fixture
def store(client):
    """store(order_id, body, event_id=..., **sign options) -> the Flask response."""
    counter = iter(range(1_000_000))

    def post(order_id: str, body, event_id: str | None = None, **options):
        raw = body if isinstance(body, (bytes, str)) else json.dumps(body)
        event_id = event_id or f"msg_{next(counter)}"
        return client.post(f"/v1/orders/{order_id}/events", data=raw,
                           headers=sign(raw, event_id=event_id, **options))
    return post


def events(runtime) -> list[dict]:
    return [json.loads(e.body) for e in SqliteOutbox(runtime.db()).list()]


def status(order_status: str) -> dict:
    return {"type": "status", "status": order_status}


def test_each_status_the_store_reports_is_stored_spoken_and_sent_on(
        store, placed, orders, say, runtime):
    for reported, stored, spoken in (("picking", "picking", "being picked"),
                                     ("ready_for_pickup", "ready_for_pickup", "ready for pickup"),
                                     ("delivered", "completed", "completed")):
        response = store(placed["id"], status(reported))

        assert response.status_code == 200, response.get_json()
        assert response.get_json()["status"] == stored and response.get_json()["changed"]
        assert orders()[0]["status"] == stored
        assert spoken in say("where is my order", session=f"ask-{reported}")["speech"]
        last = events(runtime)[-1]
        assert last["type"] == "order.status" and last["data"]["status"] == stored
        assert last["data"]["id"] == placed["id"]
    assert [e["type"] for e in events(runtime)] == ["order.placed"] + ["order.status"] * 3


def test_the_stored_status_wins_over_the_demo_clock(store, placed, orders, clock):
    store(placed["id"], status("picking"))
    clock.advance(days=3)  # the clock alone would say completed
    assert orders()[0]["status"] == "picking"


def test_status_may_skip_forward_but_never_go_back(store, placed, orders):
    assert store(placed["id"], status("ready_for_pickup")).status_code == 200

    back = store(placed["id"], status("picking"))

    assert back.status_code == 409
    assert "cannot go back" in back.get_json()["reason"]
    assert back.get_json()["status"] == "ready_for_pickup"
    assert orders()[0]["status"] == "ready_for_pickup"


def test_a_pickup_order_is_never_out_for_delivery(store, placed):
    response = store(placed["id"], status("out_for_delivery"))
    assert response.status_code == 409 and "pickup" in response.get_json()["reason"]


@pytest.mark.parametrize("final", ["delivered", "cancelled_by_store"])
def test_nothing_changes_a_completed_or_store_cancelled_order(store, placed, orders, final):
    store(placed["id"], status(final))
    for body in (status("picking"), status("cancelled_by_store"), status("delivered"),
                 {"type": "picked", "lines": [], "total": 1}):
        response = store(placed["id"], body)
        assert response.status_code == 409, body
    assert orders()[0]["status"] == ("completed" if final == "delivered" else "cancelled_by_store")


def test_a_store_cancellation_frees_the_slot_and_is_spoken(store, placed, say, runtime):
    response = store(placed["id"], status("cancelled_by_store"))

    assert response.status_code == 200
    reply = say("where's my order", session="later")
    assert "cancelled by the store" in reply["speech"]
    assert [e["type"] for e in events(runtime)][-2:] == ["order.cancelled", "order.status"]
    assert "can't be cancelled" in say("cancel my order", session="again")["speech"]


def test_a_shopper_cancelled_order_takes_no_status(store, placed, say):
    say("cancel my order", session="c")
    say("yes", session="c")
    assert store(placed["id"], status("picking")).status_code == 409


def test_a_replay_answers_2xx_and_changes_nothing(store, placed, orders, runtime):
    first = store(placed["id"], status("picking"), event_id="msg_same")
    count = len(events(runtime))

    again = store(placed["id"], status("picking"), event_id="msg_same")
    other_body = store(placed["id"], status("delivered"), event_id="msg_same")

    assert first.status_code == again.status_code == other_body.status_code == 200
    assert again.get_json()["replay"] and not again.get_json()["changed"]
    assert orders()[0]["status"] == "picking"
    assert len(events(runtime)) == count


def test_forged_stale_or_missing_signatures_are_401(store, placed, orders, client):
    old = datetime.now(timezone.utc) - timedelta(minutes=6)
    future = datetime.now(timezone.utc) + timedelta(minutes=6)
    for options in ({"secret": SECRET}, {"at": old}, {"at": future}):
        response = store(placed["id"], status("picking"), **options)
        assert response.status_code == 401, options
    raw = json.dumps(status("picking"))
    headers = sign(raw, event_id="msg_x")
    tampered = client.post(f"/v1/orders/{placed['id']}/events",
                           data=raw.replace("picking", "delivered"), headers=headers)
    unsigned = client.post(f"/v1/orders/{placed['id']}/events", data=raw,
                           headers={"content-type": "application/json"})
    for name, value in (("webhook-signature", "v1"), ("webhook-signature", "v1,%%%"),
                        ("webhook-signature", "garbage"), ("webhook-timestamp", "nan"),
                        ("webhook-timestamp", "1e400"), ("webhook-id", "")):
        hostile = client.post(f"/v1/orders/{placed['id']}/events", data=raw,
                              headers={**headers, name: value})
        assert hostile.status_code == 401, (name, value)
    assert tampered.status_code == unsigned.status_code == 401
    assert orders()[0]["status"] == "placed"


@pytest.mark.parametrize("body", [
    b"not json", b"[]", b"\xff\xfe", b'"picking"', b"{}", {"type": "teleport"},
    {"type": "status"}, {"type": "status", "status": "shipped"}, {"type": "status", "status": 3},
    {"type": "status", "status": ["picking"]}, {"type": "picked"},
    {"type": "picked", "lines": "all", "total": 3}, {"type": "picked", "lines": [1], "total": 3},
    {"type": "picked", "lines": [{"quantity": 1}], "total": 3},
    {"type": "picked", "lines": [{"product_id": "x", "quantity": -1}], "total": 3},
    {"type": "picked", "lines": [{"product_id": "x", "quantity": "NaN"}], "total": 3},
    {"type": "picked", "lines": [{"product_id": "x", "quantity": 1e309}], "total": 3},
    {"type": "picked", "lines": [], "total": True},
    {"type": "picked", "lines": [], "total": "1e999999"},
    {"type": "picked", "lines": [{"product_id": "not-ordered", "quantity": 1}], "total": 3},
    {"type": "picked", "lines": [{"product_id": {"$gt": ""}, "quantity": 1}], "total": 3},
])
def test_hostile_bodies_are_4xx_never_500(store, placed, orders, body):
    response = store(placed["id"], body)
    assert 400 <= response.status_code < 500, (body, response.status_code)
    assert response.get_json()["reason"]
    assert orders()[0]["status"] == "placed"


def test_an_unknown_order_is_404_and_an_unconfigured_secret_403(store, tmp_path, seeded_db):
    assert store("NOSUCHORDER", status("picking")).status_code == 404
    assert store("x" * 5000, status("picking")).status_code == 404
    off = create_app(Config(db_path=seeded_db, dev=True)).test_client()
    raw = json.dumps(status("picking"))
    assert off.post("/v1/orders/X/events", data=raw,
                    headers=sign(raw, event_id="m")).status_code == 403


def test_picking_results_are_kept_sent_and_spoken(store, placed, say, runtime, product):
    milk, eggs = (item["product_id"] for item in placed["items"])
    substitute = next(p for p in runtime.matchers.current().products
                      if p.id not in (milk, eggs) and "milk" in p.name.lower())
    body = {"type": "picked", "total": 9.87,
            "lines": [{"product_id": milk, "quantity": 2, "unit": "gallon",
                       "substituted_by": substitute.id},
                      {"product_id": eggs, "quantity": 0, "out_of_stock": True}]}

    response = store(placed["id"], body)
    store(placed["id"], status("ready_for_pickup"))
    reply = say("where is my order", session="news")

    assert response.status_code == 200 and response.get_json()["changed"]
    changed = [e for e in events(runtime) if e["type"] == "order.changed"]
    assert len(changed) == 1
    assert changed[0]["data"]["picked"]["total"] == 9.87
    assert changed[0]["data"]["picked"]["lines"][0]["substituted_by"] == substitute.id
    speech = reply["speech"]
    assert "ready for pickup" in speech
    assert f"substituted {substitute.name} for {product(milk).name}" in speech
    assert f"{product(eggs).name} was out of stock" in speech
    assert "$9.87" in speech or "9 dollars and 87 cents" in speech
