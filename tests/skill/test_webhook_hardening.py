"""Audit faults on the webhooks: half-set credentials, an open Dialogflow webhook, slot holds
taken by scripts, anonymous carts kept forever. Each test failed before its fix."""
from __future__ import annotations

import base64
import os
import sqlite3
import subprocess

import pytest

from alexa_ca import FixedClock
from cart.json_views import cart_show
from skill.app import create_app
from skill.config import Config, ConfigError
from support import REPO, VOICECART, cx_request, es_request

BASIC = {"Authorization": "Basic " + base64.b64encode(b"agent:s3cret").decode()}


# --- fault 2: half-configured credentials refuse to start ---------------------------------------

@pytest.mark.parametrize("env, says", [
    ({"VOICECART_DIALOGFLOW_USER": "agent"}, "VOICECART_DIALOGFLOW_USER is set without VOICECART_DIALOGFLOW_PASSWORD"),
    ({"VOICECART_DIALOGFLOW_PASSWORD": "s3cret"}, "VOICECART_DIALOGFLOW_PASSWORD is set without VOICECART_DIALOGFLOW_USER"),
    ({"VOICECART_DIALOGFLOW_USER": "agent", "VOICECART_DIALOGFLOW_PASSWORD": "  "},
     "VOICECART_DIALOGFLOW_USER is set without VOICECART_DIALOGFLOW_PASSWORD"),
])
def test_half_set_credentials_refuse_to_start(tmp_path, env, says):
    with pytest.raises(ConfigError, match=says):
        create_app(Config.from_env({"VOICECART_DB": str(tmp_path / "x.db"), **env}))


@pytest.mark.parametrize("field", ["api_token", "dialogflow_token", "dialogflow_user"])
def test_empty_secrets_are_never_accepted(tmp_path, field):
    values = {"dialogflow_user": "agent", "dialogflow_password": "pw", field: " "}
    with pytest.raises(ConfigError, match="empty"):
        create_app(Config(db_path=tmp_path / "x.db", **values))


def test_serve_with_half_set_credentials_exits_with_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("VOICECART_")}
    env.update(VOICECART_DB=str(tmp_path / "x.db"), VOICECART_DIALOGFLOW_USER="agent")
    done = subprocess.run([*VOICECART, "serve", "--port", "1"], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1].startswith(
        "voicecart: error: cannot start: VOICECART_DIALOGFLOW_USER is set without")
    assert "Traceback" not in done.stderr


def test_an_empty_password_is_not_a_password(tmp_path):
    """The audit's exploit: `agent:` with an empty password was accepted when only the user
    was set. Now that cannot be configured, and a configured pair needs the real secret."""
    app = create_app(Config(db_path=tmp_path / "x.db", dialogflow_user="agent",
                            dialogflow_password="s3cret"), clock=FixedClock())
    for credentials in (b"agent:", b"agent", b":s3cret", b"agent:s3cret\n", b"agent:s3cre"):
        headers = {"Authorization": "Basic " + base64.b64encode(credentials).decode()}
        body = es_request("ReadCart", {}, "what's in my cart", user="demo")
        assert app.test_client().post("/dialogflow/es", json=body, headers=headers).status_code == 401


# --- fault 3: an open webhook, and holds ---------------------------------------------------------

@pytest.mark.parametrize("route", ["/dialogflow/es", "/dialogflow/cx"])
def test_without_credentials_outside_dev_every_call_is_401(tmp_path, route, caplog):
    app = create_app(Config(db_path=tmp_path / "x.db"), clock=FixedClock())
    assert "Dialogflow webhooks will refuse every request" in caplog.text  # said at start
    body = es_request("Help", {}, "help") if route.endswith("es") else cx_request("Help", {}, "help")
    response = app.test_client().post(route, json=body)
    assert response.status_code == 401
    assert "VOICECART_DIALOGFLOW_USER" in response.get_json()["reason"]


def test_dev_mode_keeps_configured_credentials(tmp_path):
    app = create_app(Config(db_path=tmp_path / "x.db", dev=True, dialogflow_token="tok"),
                     clock=FixedClock())
    client = app.test_client()
    assert client.post("/dialogflow/es", json=es_request("Help", {}, "help")).status_code == 401
    assert client.post("/dialogflow/es", json=es_request("Help", {}, "help"),
                       headers={"Authorization": "Bearer tok"}).status_code == 200


def test_dev_mode_without_credentials_is_open(tmp_path):
    app = create_app(Config(db_path=tmp_path / "x.db", dev=True), clock=FixedClock())
    assert app.test_client().post("/dialogflow/es", json=es_request("Help", {}, "help")).status_code == 200


@pytest.fixture
def app(tmp_path):
    return create_app(Config(db_path=tmp_path / "df.db", dialogflow_user="agent",
                             dialogflow_password="s3cret"), clock=FixedClock())


def holds(app) -> list[tuple]:
    db = app.extensions["voicecart"].config.db_path
    with sqlite3.connect(db) as conn:
        return conn.execute("select customer_id, slot_key, expires_at from slot_holds "
                            "order by customer_id").fetchall()


def test_one_session_holds_one_slot_whatever_user_ids_it_sends(app):
    client = app.test_client()
    for i in range(12):
        body = es_request("SetFulfillment", {"fulfillment": "pickup"}, "pickup at five pm",
                          session="scripted",
                          user=f"made-up-{i}")
        assert client.post("/dialogflow/es", json=body, headers=BASIC).status_code == 200
    assert [row[0] for row in holds(app)] == ["made-up-11"]


def test_a_script_of_new_sessions_cannot_hold_every_slot(app):
    """The audit's script: hundreds of fresh sessions each choosing pickup. Holds now take at
    most half of a slot, so a real shopper still books the earliest slot and orders."""
    client = app.test_client()
    for i in range(40):
        # "as soon as possible" chooses (and holds, up to the cap) the earliest slot; "pickup"
        # alone would only offer slots and hold nothing
        body = es_request("SetFulfillment", {"fulfillment": "pickup"}, "pickup as soon as possible",
                          session=f"bot-{i}")
        assert client.post("/dialogflow/es", json=body, headers=BASIC).status_code == 200
    per_slot: dict[str, int] = {}
    for _, slot_key, _ in holds(app):
        per_slot[slot_key] = per_slot.get(slot_key, 0) + 1
    runtime = app.extensions["voicecart"]
    now = runtime.clock()
    repo = runtime.carts()
    assert all(repo.live_holds(key, now) <= 2 for key in per_slot)  # pickup capacity 4, cap 2
    earliest = min(per_slot)
    for text, intent, params in (("add two steaks", "AddItem", {"item": "ribeye steak", "quantity": 2}),
                                 ("check out", "Checkout", {}),
                                 ("pickup", "SetFulfillment", {"fulfillment": "pickup"}),
                                 ("the first one", "SelectOption", {"option": 1}),
                                 ("yes", "Yes", {})):
        body = es_request(intent, params, text, session="real", user="real-shopper")
        reply = client.post("/dialogflow/es", json=body, headers=BASIC).get_json()["fulfillmentText"]
    assert "order is placed" in reply, reply
    order = repo.list_orders("real-shopper")[0]
    assert order.fulfillment.slot_key == earliest


# --- fault 4: anonymous carts expire --------------------------------------------------------------

def test_carts_of_anonymous_sessions_expire_and_shoppers_carts_stay(app):
    client = app.test_client()
    for i in range(200):
        body = es_request("AddItem", {"item": "bananas", "quantity": 1}, "add a banana", session=f"anon-{i}")
        assert client.post("/dialogflow/es", json=body, headers=BASIC).status_code == 200
    body = es_request("AddItem", {"item": "bananas", "quantity": 1}, "add a banana", session="s", user="ann")
    assert client.post("/dialogflow/es", json=body, headers=BASIC).status_code == 200
    runtime = app.extensions["voicecart"]
    db = runtime.config.db_path

    def carts() -> int:
        with sqlite3.connect(db) as conn:
            return conn.execute("select count(*) from carts").fetchone()[0]

    assert carts() == 201
    clock = runtime.clock
    clock.advance(hours=23)
    assert runtime.housekeeping() == 0
    clock.advance(hours=2)  # past the default idle time of 24 hours
    assert runtime.housekeeping() == 200
    assert carts() == 1 and cart_show(runtime.carts(), "ann")["items"]


def test_the_idle_time_is_configurable(tmp_path):
    config = Config.from_env({"VOICECART_DB": str(tmp_path / "x.db"),
                              "VOICECART_SESSION_CART_IDLE_MINUTES": "90"})
    assert config.session_cart_idle.total_seconds() == 90 * 60


@pytest.mark.parametrize("value, seconds", [(None, 1.0), ("5", 5.0), ("30s", 30.0), ("1h", 3600.0)])
def test_the_catalog_check_interval_reads_durations(tmp_path, value, seconds):
    env = {"VOICECART_DB": str(tmp_path / "x.db")}
    if value is not None:
        env["VOICECART_CATALOG_CHECK_INTERVAL"] = value
    assert Config.from_env(env).check().catalog_check_interval == seconds


@pytest.mark.parametrize("value", ["0", "-3", "soon", "30d"])
def test_a_bad_catalog_check_interval_refuses_to_start(tmp_path, value):
    with pytest.raises(ConfigError, match="VOICECART_CATALOG_CHECK_INTERVAL"):
        Config.from_env({"VOICECART_DB": str(tmp_path / "x.db"),
                         "VOICECART_CATALOG_CHECK_INTERVAL": value}).check()
    with pytest.raises(ConfigError, match="number of minutes"):
        Config.from_env({"VOICECART_SESSION_CART_IDLE_MINUTES": "soon"})
    with pytest.raises(ConfigError, match="positive"):
        Config.from_env({"VOICECART_SESSION_CART_IDLE_MINUTES": "-5"})


def test_nobody_can_claim_a_session_scoped_cart(app, tmp_path):
    client = app.test_client()
    body = es_request("AddItem", {"item": "bananas", "quantity": 3}, "add three bananas", session="victim")
    client.post("/dialogflow/es", json=body, headers=BASIC)
    victim = "session:dialogflow-es:projects/voicecart-test/agent/sessions/victim"
    assert cart_show(app.extensions["voicecart"].carts(), victim)["items"]
    # a caller naming that id as its userId gets its own session's cart instead
    claim = es_request("ReadCart", {}, "what's in my cart", session="thief", user=victim)
    said = client.post("/dialogflow/es", json=claim, headers=BASIC).get_json()["fulfillmentText"]
    assert "banana" not in said.lower()
    text_app = create_app(Config(db_path=tmp_path / "t.db", api_token="tok"), clock=FixedClock())
    response = text_app.test_client().post(
        "/v1/converse", json={"user_id": victim, "session_id": "x", "text": "what's in my cart"},
        headers={"Authorization": "Bearer tok"})
    assert response.status_code == 400 and "reserved prefix" in response.get_json()["reason"]


# --- fault 6: the replay key is the whole key ------------------------------------------------------

def test_long_session_names_never_replay_another_turn(app):
    client = app.test_client()
    long_session = "s" * 450  # with the old cut at 400 characters, the request id fell off

    def turn(session: str, intent: str, params: dict, text: str) -> str:
        body = es_request(intent, params, text, session=session)
        return client.post("/dialogflow/es", json=body, headers=BASIC).get_json()["fulfillmentText"]

    first = turn(long_session, "AddItem", {"item": "bananas", "quantity": 2}, "add two bananas")
    assert "Added" in first
    second = turn(long_session, "ReadCart", {}, "what's in my cart")
    assert second != first and "two" in second.lower()
    # another session sharing that long prefix gets its own answer, not the first one's
    other = turn(long_session + "-other", "ReadCart", {}, "what's in my cart")
    assert "empty" in other.lower()


def test_a_retried_request_id_still_replays_with_a_long_session(app):
    client = app.test_client()
    body = es_request("AddItem", {"item": "lemons", "quantity": 2}, "add two lemons", session="q" * 450,
                      response_id="r" * 300)
    first = client.post("/dialogflow/es", json=body, headers=BASIC).get_json()
    again = client.post("/dialogflow/es", json=body, headers=BASIC).get_json()
    assert first == again
    customer = "session:dialogflow-es:projects/voicecart-test/agent/sessions/" + "q" * 450
    items = cart_show(app.extensions["voicecart"].carts(), customer)["items"]
    assert [i["quantity"] for i in items] == [2]


@pytest.mark.parametrize("route", ["/dialogflow/es", "/dialogflow/cx"])
def test_ids_too_long_are_refused_not_cut(app, route):
    """Cut ids were the same flaw as the cut replay key: two callers sharing a prefix would share
    one cart. Ids over the limit are a 400 now."""
    builder = es_request if route.endswith("es") else cx_request
    long_user = "u" * 501
    body = builder("ReadCart", {}, "what's in my cart", user=long_user)
    response = app.test_client().post(route, json=body, headers=BASIC)
    assert response.status_code == 400 and "userId" in response.get_json()["reason"]
    body = builder("ReadCart", {}, "what's in my cart", session="s" * 520)
    response = app.test_client().post(route, json=body, headers=BASIC)
    assert response.status_code == 400 and "session" in response.get_json()["reason"]


# --- the text channel's bearer token: the scheme is case-insensitive, the token is not -----------

@pytest.mark.parametrize("header, status", [
    ("Bearer tok", 200), ("bearer tok", 200), ("BEARER tok ", 200),  # RFC 7235: scheme any case
    ("Bearer TOK", 401), ("Bearer tokx", 401), ("Bearertok", 401), ("Basic tok", 401),
])
def test_the_text_channel_token_is_compared_exactly(tmp_path, header, status):
    client = create_app(Config(db_path=tmp_path / "t.db", api_token="tok"), clock=FixedClock()).test_client()
    response = client.post("/v1/converse", json={"user_id": "u1", "session_id": "s", "text": "what's in my cart"},
                           headers={"Authorization": header})
    assert response.status_code == status, response.get_data(as_text=True)[:200]
