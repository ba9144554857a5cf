"""POST /dialogflow/es and /dialogflow/cx: real WebhookRequest shapes through a whole order."""
from __future__ import annotations

import base64

import pytest

from alexa_ca import FixedClock
from cart.json_views import cart_show, orders_list
from skill.app import create_app
from skill.config import Config
from support import cx_request, es_request

BASIC = {"Authorization": "Basic " + base64.b64encode(b"agent:s3cret").decode()}


@pytest.fixture
def app(tmp_path):
    return create_app(Config(db_path=tmp_path / "df.db", dialogflow_user="agent",
                             dialogflow_password="s3cret"), clock=FixedClock())


def es(client, *args, **kwargs) -> str:
    resp = client.post("/dialogflow/es", json=es_request(*args, **kwargs), headers=BASIC)
    assert resp.status_code == 200, resp.get_json()
    body = resp.get_json()
    assert body["fulfillmentMessages"][0]["text"]["text"][0] == body["fulfillmentText"]
    return body["fulfillmentText"]


def test_es_whole_order_dialog_ends_in_a_stored_pickup_order(app):
    client = app.test_client()
    assert "Added" in es(client, "AddItem", {"item": "whole milk", "quantity": 2, "unit": "gallons"},
                         "add two gallons of whole milk", user="shopper-7")
    # the catch-all intent: our own parser reads the raw text, several items at once
    assert "egg" in es(client, "Default Fallback Intent", {}, "add a dozen eggs and a loaf of rye bread",
                       user="shopper-7").lower()
    assert "pickup or delivery" in es(client, "Checkout", {}, "check out", user="shopper-7")
    said = es(client, "SetFulfillment", {"fulfillment": "pickup", "date": "2026-11-27T12:00:00-05:00",
                                         "time": "2026-11-27T17:00:00-05:00"}, "pickup friday at five",
              user="shopper-7")
    assert "Shall I place the order?" in said
    assert "placed" in es(client, "Yes", {}, "yes", user="shopper-7")
    runtime = app.extensions["voicecart"]
    orders = orders_list(runtime.carts(), "shopper-7", FixedClock()())
    assert len(orders) == 1 and orders[0]["fulfillment"]["type"] == "pickup"
    assert orders[0]["fulfillment"]["slot_start"].startswith("2026-11-27T17:00")
    assert {i["quantity"] for i in orders[0]["items"]} >= {2}
    assert cart_show(runtime.carts(), "shopper-7")["items"] == []


def test_cx_dialog_and_consumed_parameters_are_cleared(app):
    client = app.test_client()
    resp = client.post("/dialogflow/cx", json=cx_request("AddItem", {"item": "bananas", "quantity": 3},
                                                         "add three bananas"), headers=BASIC)
    body = resp.get_json()
    assert resp.status_code == 200
    assert "Added" in body["fulfillmentResponse"]["messages"][0]["text"]["text"][0]
    assert body["sessionInfo"]["parameters"]["item"] is None  # or the next turn would re-add it
    resp = client.post("/dialogflow/cx", json=cx_request("ReadCart", {}, "what's in my cart"), headers=BASIC)
    assert "three" in resp.get_json()["fulfillmentResponse"]["messages"][0]["text"]["text"][0].lower()


def test_es_remove_with_an_amount_takes_away_only_that_much(app):
    client = app.test_client()
    es(client, "AddItem", {"item": "bananas", "quantity": 6}, "add six bananas", user="u-rm")

    said = es(client, "RemoveItem", {"item": "bananas", "quantity": 2, "unit": ""},
              "remove two bananas", user="u-rm")

    assert "You now have four Bananas" in said
    items = cart_show(app.extensions["voicecart"].carts(), "u-rm")["items"]
    assert [(i["name"], i["quantity"]) for i in items] == [("Bananas", 4)]


def test_retried_es_request_adds_once(app):
    client = app.test_client()
    request = es_request("AddItem", {"item": "lemons", "quantity": 2}, "add two lemons", user="u-retry")
    first = client.post("/dialogflow/es", json=request, headers=BASIC).get_json()
    again = client.post("/dialogflow/es", json=request, headers=BASIC).get_json()
    assert first == again
    items = cart_show(app.extensions["voicecart"].carts(), "u-retry")["items"]
    assert [i["quantity"] for i in items] == [2]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Basic " + base64.b64encode(b"agent:wrong").decode()},
                                     {"Authorization": "Bearer s3cret"}, {"Authorization": "Basic !!!"}])
@pytest.mark.parametrize("route", ["/dialogflow/es", "/dialogflow/cx"])
def test_credentials_are_required_when_configured(app, headers, route):
    resp = app.test_client().post(route, json=es_request("Help", {}, "help"), headers=headers)
    assert resp.status_code == 401
    assert resp.get_json()["reason"]


def test_bearer_token_works_when_configured(tmp_path):
    app = create_app(Config(db_path=tmp_path / "t.db", dialogflow_token="tok"), clock=FixedClock())
    client = app.test_client()
    ok = client.post("/dialogflow/es", json=es_request("Help", {}, "help"), headers={"Authorization": "Bearer tok"})
    assert ok.status_code == 200
    assert client.post("/dialogflow/es", json=es_request("Help", {}, "help")).status_code == 401


@pytest.mark.parametrize("route, body, status", [
    ("/dialogflow/es", b"{oops", 400),
    ("/dialogflow/es", b'{"queryResult": {}}', 400),
    ("/dialogflow/cx", b'{"sessionInfo": {"session": 5}}', 400),
    ("/dialogflow/cx", b"[1, 2]", 400),
    ("/dialogflow/es", b"x" * (200 * 1024), 413),
])
def test_malformed_bodies_are_4xx_with_a_reason(app, route, body, status):
    resp = app.test_client().post(route, data=body, headers={**BASIC, "Content-Type": "application/json"})
    assert resp.status_code == status
    assert resp.get_json()["reason"]


def test_unknown_intent_gets_a_helpful_fallback(app):
    said = es(app.test_client(), "SomethingNobodyDefined", {}, "what's the weather like")
    assert "didn't get that" in said and "add" in said


def test_wrong_parameter_types_never_fail(app):
    said = es(app.test_client(), "AddItem", {"item": {"deep": [1, 2]}, "quantity": "lots", "unit": 7,
                                             "date": 12, "time": None, "option": "x"}, "add stuff")
    assert said


def test_substitutions_delivery_notes_and_stores_are_read_from_the_words_whatever_intent_matched(app):
    # The agent has no intent for these; it may match No or RemoveItem. Our parser decides.
    client = app.test_client()
    es(client, "AddItem", {"item": "whole milk", "quantity": 2, "unit": "gallons"},
       "add two gallons of whole milk", user="shopper-9")
    said = es(client, "No", {}, "no substitutions for the milk", user="shopper-9")
    assert "no substitutions for Whole Milk" in said
    said = es(client, "RemoveItem", {"item": "milk"}, "don't substitute the milk", user="shopper-9")
    assert "no substitutions for Whole Milk" in said
    runtime = app.extensions["voicecart"]
    [line] = runtime.carts().get_cart("shopper-9").lines   # nothing was removed
    assert line.substitution is not None and line.substitution.mode == "none"
    assert "tell the driver: Leave it at the door" in es(
        client, "Default Fallback Intent", {}, "leave it at the door", user="shopper-9")
    assert "Greenleaf Market Main Street" in es(client, "Help", {}, "which stores are near 11201",
                                                user="shopper-9")
