"""The app factory and the server as deployed: health, seeding, error shapes."""
from __future__ import annotations

import csv

import pytest

from catalog.demo import DEMO_CATALOG
from support import http
from skill.app import create_app
from skill.config import Config


def demo_rows() -> int:
    with open(DEMO_CATALOG, newline="", encoding="utf-8") as f:
        return sum(1 for _ in csv.DictReader(f))


@pytest.fixture
def client(tmp_path):
    return create_app(Config(db_path=tmp_path / "app.db", dev=True)).test_client()


def test_healthz_counts_the_seeded_demo_catalog(client):
    resp = client.get("/healthz")
    assert resp.status_code == 200
    assert resp.get_json() == {"status": "ok", "products": demo_rows()}


def test_demo_catalog_is_big_and_varied_enough():
    with open(DEMO_CATALOG, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) >= 600
    assert len({r["department"] for r in rows}) >= 15
    milk = [r["name"].lower() for r in rows if r["aisle"] == "milk"]
    for variant in ("whole", "2%", "1%", "skim", "organic", "lactose free"):
        assert any(variant in name for name in milk), variant


def test_seeding_never_touches_an_existing_catalog(tmp_path):
    from catalog.database import open_database
    from catalog.repository import SqliteCatalogRepository
    from catalog.importer import import_catalog

    db_path = tmp_path / "own.db"
    repo = SqliteCatalogRepository(open_database(db_path))
    repo.ensure_schema()
    (tmp_path / "own.csv").write_text("id,name,price\nX1,House Blend Coffee,9.99\n")
    import_catalog(repo, tmp_path / "own.csv")
    client = create_app(Config(db_path=db_path, dev=True)).test_client()
    assert client.get("/healthz").get_json()["products"] == 1


def test_unknown_route_and_wrong_method_are_json_with_reason(client):
    resp = client.get("/nope")
    assert resp.status_code == 404 and resp.get_json()["reason"]
    resp = client.post("/healthz")
    assert resp.status_code == 405 and resp.get_json()["error"] == "Method Not Allowed"


@pytest.mark.slow
def test_live_server_answers_healthz_over_real_http(live_server):
    status, body = http("GET", live_server + "/healthz")
    assert status == 200
    assert body == {"status": "ok", "products": demo_rows()}


def test_healthz_is_503_with_a_reason_when_the_database_fails(tmp_path):
    db = tmp_path / "broken.db"
    client = create_app(Config(db_path=db, dev=True)).test_client()
    assert client.get("/healthz").status_code == 200
    import sqlite3

    with sqlite3.connect(db) as conn:  # the database goes bad under the running app
        conn.execute("drop table products")
    resp = client.get("/healthz")
    assert resp.status_code == 503
    assert resp.get_json() == {"status": "unavailable", "reason": "the database cannot be reached"}
