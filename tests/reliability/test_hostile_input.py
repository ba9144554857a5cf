"""Hostile input (issue 11, part 3): mutated Alexa, Dialogflow ES/CX and text requests posted to
every route never get a 5xx or a traceback, and leave the database intact: integrity_check ok,
the catalog unchanged, other shoppers' carts, orders and addresses unchanged.

In-process on the Flask test client (many examples), then a smaller sample against a live
server. The routes run in --dev (no signature or token to stop a request before the
conversation); a second app with every check on proves that no random credentials get in.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alexa_ca import FixedClock
from cart.checkout import place_order
from cart import services
from reliability.fuzz import CONTENT_TYPES, ROUTES, hostile_body
from reliability.kit import (CLEAN_ENV, DEMO_USER, EGGS, alexa_add, alexa_speech, as_text, cart_of,
                             copy_db, fill_cart, integrity, no_traceback, orders_of, product_count,
                             repo)
from skill.alexa.handlers import APOLOGY
from skill.app import create_app
from skill.config import Config
from support import http, running_server

FUZZ = settings(max_examples=300, deadline=None, derandomize=False,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])
BYSTANDER, BYSTANDER_ORDERED = "bystander", "bystander-with-order"


def _bystanders(db: Path, now: datetime) -> None:
    """Shoppers no request names: their state must come through every example unchanged."""
    fill_cart(db, BYSTANDER, EGGS, 2)
    fill_cart(db, BYSTANDER_ORDERED, EGGS, 4)
    r = repo(db)
    services.choose_fulfillment(r, BYSTANDER_ORDERED, "pickup", now=now, store_id="brooklyn")
    place_order(r, BYSTANDER_ORDERED, "bystander-key", now=now)
    fill_cart(db, DEMO_USER, EGGS, 1)


def _snapshot(db: Path) -> dict:
    watched = (BYSTANDER, BYSTANDER_ORDERED, DEMO_USER)
    with repo(db).db.conn as conn:
        customers = conn.execute("select * from customers where id in (?, ?, ?) order by id",
                                 watched).fetchall()
    return {"integrity": integrity(db), "products": product_count(db),
            "carts": {u: cart_of(db, u) for u in watched},
            "orders": [(o["id"], o["user_id"], o["total"], o["status"]) for o in orders_of(db, None)
                       if o["user_id"] in watched],
            "customers": customers}


@pytest.fixture(scope="module")
def target(tmp_path_factory, seeded_db):
    """(test client, db path, snapshot before) of a --dev app whose clock matches the envelopes."""
    db = copy_db(seeded_db, tmp_path_factory.mktemp("hostile") / "fuzz.db")
    clock = FixedClock(datetime.now(timezone.utc).replace(microsecond=0))
    _bystanders(db, clock())
    app = create_app(Config(db_path=db, dev=True), clock=clock)
    return app.test_client(), db, _snapshot(db), clock


@pytest.fixture
def intact(target):
    """After the test's examples: the database is whole and nobody else's data moved."""
    yield
    _, db, before, _ = target
    after = _snapshot(db)
    assert after["integrity"] == "ok"
    assert after == before


def _check(status: int, body: str, route: str) -> None:
    assert status < 500, (route, status, body[:500])
    assert no_traceback(body), (route, body[:2000])
    if status == 200:
        reply = json.loads(body)
        assert isinstance(reply, dict) and reply, body[:500]
        assert APOLOGY not in body, "the Alexa exception handler hid an error: see the log"
    else:
        assert json.loads(body).get("reason"), body[:500]  # every refusal says why


@pytest.mark.slow
@pytest.mark.parametrize("route", sorted(ROUTES))
def test_mutated_requests_never_break_a_route(target, intact, route):
    client, _, _, clock = target

    @FUZZ
    @given(body=hostile_body(ROUTES[route], clock()), content_type=CONTENT_TYPES)
    def post(body: bytes, content_type: str) -> None:
        response = client.post(route, data=body, content_type=content_type or None)
        _check(response.status_code, response.get_data(as_text=True), route)

    post()


@pytest.mark.parametrize("route", sorted(ROUTES))
@pytest.mark.parametrize("raw", [
    b"[" * 10_000 + b"]" * 10_000,
    b'{"a":' + b"[" * 10_000 + b"]" * 10_000 + b"}",
    b'{"session": "s", "queryResult": {"queryText": "' + b"\xff\xfe" + b'"}}',
    b'{"user_id": "u", "user_id": {"$ne": 1}, "session_id": "s", "text": "hi"}',
    b'{"version": NaN, "request": Infinity}',
    b'{"user_id": "\\ud800", "session_id": "\\udfff", "text": "\\ud83d add milk"}',
    b'{"session": "\\ud800", "queryResult": {"queryText": "add milk", "intent": {"displayName": "AddItem"}}}',
    b'{"sessionInfo": {"session": "s", "parameters": {"date": {"year": 1e400, "month": 1, "day": 1},'
    b' "time": {"hours": NaN}, "quantity": ' + b"9" * 400 + b'}}, "fulfillmentInfo": {"tag": "SetFulfillment"}}',
    b"",
    b"null",
    b'"just a string"',
    b"\xef\xbb\xbf{}",
    b"{" + b'"k": 1,' * 5000 + b'"k": 2}',
])
def test_known_nasty_bodies_get_a_4xx_or_an_answer(target, intact, route, raw):
    client, _, _, _ = target
    response = client.post(route, data=raw, content_type="application/json")
    _check(response.status_code, response.get_data(as_text=True), route)


@pytest.mark.parametrize("escaped", [True, False])
def test_alexa_ids_and_slots_with_lone_surrogates_get_a_real_answer(target, intact, escaped):
    client, _, _, clock = target
    env = alexa_add(EGGS, 1, user="amzn1.ask.account.\ud800", session="amzn1.echo-api.session.\udfff",
                    now=clock())
    env["request"]["intent"]["slots"]["Item"]["value"] = "eggs \ud83d"
    raw = json.dumps(env, ensure_ascii=escaped).encode("utf-8", "surrogatepass")
    response = client.post("/alexa", data=raw, content_type="application/json")
    assert response.status_code == 200
    assert "Added" in alexa_speech(response.get_json())  # not the apology of a failed turn


# --- with every check on: random credentials never get in --------------------------------------

class _NoNetwork:
    """The certificate download, replaced: it must never be reached with a bad signature."""

    def __call__(self, url: str) -> bytes:
        raise OSError("no network in tests")


HEADER_TEXT = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=60)
HEADERS = st.fixed_dictionaries({}, optional={
    "Authorization": st.one_of(HEADER_TEXT, HEADER_TEXT.map(lambda t: "Bearer " + t),
                               HEADER_TEXT.map(lambda t: "Basic " + t),
                               st.sampled_from(["Basic YWdlbnQ6", "Basic YWdlbnQ6czNjcmV0Cg==", "Bearer",
                                                "Basic !!!", "Bearer S3CRET-TOKEN", "Bearer s3cret-tokenx",
                                                "Bearers3cret-token", "Bearer s3cret"])),
    "SignatureCertChainUrl": st.one_of(HEADER_TEXT, st.sampled_from([
        "https://s3.amazonaws.com/echo.api/echo-api-cert.pem", "https://s3.amazonaws.com/echo.api/../x",
        "https://s3.amazonaws.com:443/echo.api/x", "http://127.0.0.1/echo.api/", "file:///etc/passwd"])),
    "Signature-256": st.one_of(HEADER_TEXT, st.sampled_from(["", "====", "AAAA", "QUJD"])),
})


@pytest.fixture(scope="module")
def locked_client(tmp_path_factory, seeded_db):
    from skill.alexa.verify import AlexaRequestVerifier

    db = copy_db(seeded_db, tmp_path_factory.mktemp("locked") / "locked.db")
    clock = FixedClock(datetime.now(timezone.utc).replace(microsecond=0))
    verifier = AlexaRequestVerifier(fetcher=_NoNetwork(), clock=clock, skill_id="amzn1.ask.skill.ours")
    config = Config(db_path=db, api_token="s3cret-token", dialogflow_user="agent",
                    dialogflow_password="s3cret", alexa_skill_id="amzn1.ask.skill.ours")
    return create_app(config, clock=clock, alexa_verifier=verifier).test_client(), clock, db


@pytest.mark.slow
@pytest.mark.parametrize("route", sorted(ROUTES))
def test_random_credentials_never_get_in(locked_client, route):
    client, clock, db = locked_client
    carts_before = repo(db).db.execute("select count(*) from carts").fetchone()[0]

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(body=hostile_body(ROUTES[route], clock()), headers=HEADERS)
    def post(body: bytes, headers: dict) -> None:
        response = client.post(route, data=body, content_type="application/json", headers=headers)
        text = response.get_data(as_text=True)
        assert response.status_code in (400, 401, 413, 415), (response.status_code, text[:300])
        assert no_traceback(text)

    post()
    assert repo(db).db.execute("select count(*) from carts").fetchone()[0] == carts_before


# --- a smaller sample against the live server ----------------------------------------------------

@pytest.fixture(scope="module")
def live(tmp_path_factory, seeded_db):
    db = copy_db(seeded_db, tmp_path_factory.mktemp("hostile-live") / "live.db")
    _bystanders(db, datetime.now(timezone.utc))
    before = _snapshot(db)
    with running_server(db, "--dev", env=CLEAN_ENV, workers=2) as (base, _):
        yield base, db
    after = _snapshot(db)
    assert after["integrity"] == "ok" and after == before


@pytest.mark.slow
@pytest.mark.parametrize("route", sorted(ROUTES))
def test_mutated_requests_against_a_live_server(live, route):
    base, db = live
    before = _snapshot(db)

    @settings(max_examples=25, deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(body=hostile_body(ROUTES[route], datetime.now(timezone.utc)))
    def post(body: bytes) -> None:
        status, reply = http("POST", base + route, body)
        _check(status, as_text(reply), route)

    post()
    after = _snapshot(db)
    assert after["integrity"] == "ok" and after == before
