"""'My order' on Alexa and Dialogflow: the ORDER_TARGET slot (Alexa) and the @order_target
parameter (Dialogflow) turn an add, a removal or a new time into a change of the placed order,
read back first, exactly as on the text channel."""
from __future__ import annotations

import json
import uuid

import pytest

from alexa_ca import FixedClock, intent_request
from cart.json_views import orders_list
from skill.app import create_app
from skill.config import Config

SESSION = "amzn1.echo-api.session.orders"
USER = "amzn1.ask.account.ORDERS"


@pytest.fixture
def app(tmp_path):
    clock = FixedClock()  # Wednesday 2026-11-25, 7 AM in New York
    return create_app(Config(db_path=tmp_path / "t.db", dev=True), clock=clock), clock


def alexa(client, name: str, **slots: str | None) -> str:
    env = intent_request(name, slots, user_id=USER, session_id=SESSION, new_session=False)
    resp = client.post("/alexa", data=json.dumps(env), content_type="application/json")
    assert resp.status_code == 200, resp.get_data(as_text=True)
    return resp.get_json()["response"]["outputSpeech"]["ssml"]


def orders(app_clock):
    app, clock = app_clock
    runtime = app.extensions["voicecart"]
    return orders_list(runtime.carts(), None, clock())


def place_over_alexa(client) -> None:
    alexa(client, "ShoppingRequestIntent",
          Query="add two gallons of whole milk and a dozen large white eggs")
    alexa(client, "ShoppingRequestIntent", Query="check out for pickup tomorrow at five pm")
    assert "order is placed" in alexa(client, "AMAZON.YesIntent")


def test_alexa_add_to_my_order_changes_the_order_not_the_cart(app):
    client = app[0].test_client()
    place_over_alexa(client)
    [placed] = orders(app)

    read_back = alexa(client, "AddItemIntent", Item="large white eggs", Quantity=None, Unit=None,
                      Target="my order")
    assert "new total" in read_back and "Shall I change the order" in read_back
    assert "Done" in alexa(client, "AMAZON.YesIntent")

    [order] = orders(app)
    assert order["total"] > placed["total"] and len(order["changes"]) == 1


def test_alexa_remove_an_amount_from_my_order_takes_that_much_off(app):
    client = app[0].test_client()
    place_over_alexa(client)  # two gallons of milk
    alexa(client, "AddItemIntent", Item="large white eggs", Quantity="2", Unit="dozen",
          Target="my order")
    alexa(client, "AMAZON.YesIntent")  # well over the minimum

    read_back = alexa(client, "RemoveItemIntent", Item="whole milk", Quantity="1", Unit="gallon",
                      Target="my order")
    assert "remove a gallon of Whole Milk" in read_back
    alexa(client, "AMAZON.YesIntent")

    [order] = orders(app)
    milk = next(i for i in order["items"] if i["name"] == "Whole Milk")
    assert (milk["quantity"], milk["unit"]) == (1, "gallon")


def test_alexa_move_my_pickup_to_a_day(app):
    client = app[0].test_client()
    place_over_alexa(client)
    read_back = alexa(client, "SetFulfillmentIntent", Method=None, Date="2026-11-28", Time=None,
                      Target="my pickup")
    assert "Saturday between 5 and 6 PM" in read_back
    alexa(client, "AMAZON.YesIntent")
    [order] = orders(app)
    assert order["fulfillment"]["slot_start"].startswith("2026-11-28T17:00")


def test_alexa_without_the_target_an_add_still_goes_to_the_cart(app):
    client = app[0].test_client()
    place_over_alexa(client)
    said = alexa(client, "AddItemIntent", Item="large white eggs", Quantity=None, Unit=None,
                 Target=None)
    assert "Added" in said
    assert orders(app)[0]["changes"] == []


def test_dialogflow_es_target_parameter_changes_the_order(app):
    client = app[0].test_client()
    def es(text: str, intent: str, **params) -> str:
        body = {"responseId": f"r-{uuid.uuid4()}", "session": "projects/p/agent/sessions/df1",
                "queryResult": {"queryText": text, "parameters": params,
                                "intent": {"displayName": intent}},
                "originalDetectIntentRequest": {"payload": {"userId": "dora"}}}
        resp = client.post("/dialogflow/es", json=body)
        assert resp.status_code == 200, resp.get_data(as_text=True)
        return resp.get_json()["fulfillmentText"]

    es("add two gallons of whole milk and a dozen large white eggs", "AddItem", item="")
    es("check out for pickup tomorrow at five pm", "Checkout")
    assert "order is placed" in es("yes", "Yes")
    read_back = es("add a dozen large white eggs to my order", "AddItem",
                   item="large white eggs", quantity=1, unit="dozen", target="my order")
    assert "Shall I change the order" in read_back
    assert "Done" in es("yes", "Yes")
    dora = [o for o in orders(app) if o["user_id"].endswith("dora")]
    assert len(dora) == 1 and len(dora[0]["changes"]) == 1


def test_alexa_move_my_pickup_to_a_time_keeps_the_orders_day(app):
    client = app[0].test_client()
    place_over_alexa(client)  # tomorrow (Thursday) 5-6 PM
    read_back = alexa(client, "SetFulfillmentIntent", Method=None, Date=None, Time="19:00",
                      Target="my pickup")
    assert "tomorrow between 7 and 8 PM" in read_back
    alexa(client, "AMAZON.YesIntent")
    [order] = orders(app)
    assert order["fulfillment"]["slot_start"].startswith("2026-11-26T19:00")
