"""PUT and PATCH /v1/catalog/products: batches from the grocer's systems, bad rows reported
with their index, one transaction per batch, and the running matcher index following."""
from __future__ import annotations

import json
import sqlite3
import time

import pytest

from catalog.live_index import LiveMatcher
from skill.app import create_app
from skill.config import Config

TOKEN = "catalog-secret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ZEBRA = {"id": "ZC-1", "name": "Zebra Cakes", "price": "3.49", "brand": "Little Debbie",
         "department": "snacks", "size": "10 ct"}


@pytest.fixture
def app(tmp_path, clock, seeded_db):
    path = tmp_path / "voicecart.db"
    with sqlite3.connect(seeded_db) as source, sqlite3.connect(path) as target:
        source.backup(target)
    return create_app(Config(db_path=path, dev=True, catalog_token=TOKEN), clock=clock)


def until(check, timeout: float = 15.0):
    """Poll until check() is truthy (the index rebuilds in the background); never times it."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.05)


def test_put_upserts_products_and_the_spoken_answers_follow(client, say, runtime):
    response = client.put("/v1/catalog/products", json=[ZEBRA], headers=AUTH)

    assert response.status_code == 200
    assert response.get_json() == {"saved": 1, "rejected": []}
    assert runtime.catalog().get("ZC-1").name == "Zebra Cakes"
    assert until(lambda: runtime.matchers.current().get("ZC-1") is not None)
    assert "$3.49" in say("how much are zebra cakes")["speech"]


def test_patch_changes_price_and_stock_of_some(client, runtime, say):
    client.put("/v1/catalog/products", json=[ZEBRA], headers=AUTH)
    version = runtime.catalog().version()

    response = client.patch("/v1/catalog/products", headers=AUTH,
                            json={"products": [{"id": "ZC-1", "price": 2.99},
                                               {"id": "ZC-1", "in_stock": False}]})

    assert response.status_code == 200 and response.get_json()["saved"] == 2
    stored = runtime.catalog().get("ZC-1")
    assert str(stored.price) == "2.99" and stored.in_stock is False
    assert stored.name == "Zebra Cakes" and stored.brand == "Little Debbie"  # rest untouched
    assert runtime.catalog().version() == version + 1  # one batch, one transaction
    assert until(lambda: (p := runtime.matchers.current().get("ZC-1")) is not None
                 and not p.in_stock and str(p.price) == "2.99")
    assert "$2.99" in say("how much are zebra cakes")["speech"]


def test_bad_rows_come_back_with_index_and_reason_and_good_rows_still_load(client, runtime):
    batch = [ZEBRA, {"id": "X-2", "name": "No Price"}, "not an object",
             {"id": "X-3", "name": "Minus", "price": -1}, {**ZEBRA, "id": "ZC-2"}]

    response = client.put("/v1/catalog/products", json=batch, headers=AUTH)
    body = response.get_json()

    assert response.status_code == 200 and body["saved"] == 2
    assert [r["index"] for r in body["rejected"]] == [1, 2, 3]
    assert "price" in body["rejected"][0]["reason"] and body["rejected"][0]["id"] == "X-2"
    assert runtime.catalog().get("ZC-2") is not None and runtime.catalog().get("X-3") is None


def test_patch_rejects_unknown_ids_and_fields(client, runtime):
    response = client.patch("/v1/catalog/products", headers=AUTH, json=[
        {"id": "nope", "price": 1}, {"id": "PR0001", "name": "Renamed"}, {"id": "PR0001"},
        {"id": "PR0001", "price": "abc"}, {"id": "PR0001", "price": "0.19"}])
    body = response.get_json()

    assert response.status_code == 200 and body["saved"] == 1
    assert [r["index"] for r in body["rejected"]] == [0, 1, 2, 3]
    assert "no product" in body["rejected"][0]["reason"]
    assert str(runtime.catalog().get("PR0001").price) == "0.19"


def test_a_batch_with_no_good_row_is_422_and_changes_nothing(client, runtime):
    version = runtime.catalog().version()
    response = client.put("/v1/catalog/products", json=[{"id": "A"}, {}], headers=AUTH)
    assert response.status_code == 422 and len(response.get_json()["rejected"]) == 2
    assert runtime.catalog().version() == version


@pytest.mark.parametrize("raw", [b"", b"nope", b"{}", b'{"products": 3}', b"[]", b'"x"',
                                 b"\xff\xfe", b"[" * 100_000])
def test_hostile_bodies_are_4xx(client, raw):
    for method in (client.put, client.patch):
        response = method("/v1/catalog/products", data=raw, headers=AUTH)
        assert 400 <= response.status_code < 500, (raw[:20], response.status_code)


def test_the_token_is_required_even_in_dev(client, seeded_db):
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
        assert client.put("/v1/catalog/products", json=[ZEBRA], headers=headers).status_code == 401
    off = create_app(Config(db_path=seeded_db, dev=True)).test_client()
    assert off.put("/v1/catalog/products", json=[ZEBRA], headers=AUTH).status_code == 403


def test_another_workers_index_notices_the_change_and_answers_from_the_old_one_meanwhile(
        client, runtime):
    ticks = [0.0]
    other_worker = LiveMatcher(runtime.catalog, monotonic=lambda: ticks[0])
    old = other_worker.current()

    client.put("/v1/catalog/products", json=[ZEBRA], headers=AUTH)

    assert other_worker.current() is old and old.get("ZC-1") is None  # not looked yet
    ticks[0] += 1.0  # a second later it looks at the catalog version
    assert until(lambda: other_worker.current().get("ZC-1") is not None)


def test_a_batch_may_be_larger_than_a_voice_request_but_other_routes_keep_their_limit(client,
                                                                                      runtime):
    batch = [{**ZEBRA, "id": f"BULK-{n}", "name": f"Bulk Snack {n}"} for n in range(3000)]

    response = client.put("/v1/catalog/products", json=batch, headers=AUTH)

    assert len(json.dumps(batch)) > 128 * 1024
    assert response.status_code == 200 and response.get_json()["saved"] == 3000
    assert runtime.catalog().get("BULK-2999") is not None
    padded = {"user_id": "ann", "session_id": "s", "text": "x" * 200_000}
    assert client.post("/v1/converse", json=padded).status_code == 413
