"""No route lets one shopper read or change another's cart, orders or address (issue 11, part 4).

Ids inside a request are not trusted to pick the customer: Alexa session attributes, another
shopper's session id or request id, Dialogflow payload tricks on an open webhook, and order
ids of another shopper in "cancel order X". Every test asserts on the replies and on what is
stored afterwards.
"""
from __future__ import annotations

import sqlite3
import uuid
from datetime import datetime, timezone

import pytest

from alexa_ca import FixedClock
from cart import services
from cart.checkout import place_order
from reliability.kit import (DEMO_ADDRESS_PARTS, DEMO_USER, EGGS, alexa, alexa_add, alexa_speech,
                             cart_of, converse, copy_db, cx_request, es_request, fill_cart,
                             orders_of, repo, request_id)
from skill.app import create_app
from skill.config import Config
from skill.tester.envelopes import alexa_slot

VICTIM = "amzn1.ask.account.VICTIM"
ATTACKER = "amzn1.ask.account.MALLORY"


@pytest.fixture
def world(tmp_path, seeded_db):
    """A --dev app; the victim has a cart of eggs and a placed order, the demo shopper (who has
    a delivery address) a cart too."""
    db = copy_db(seeded_db, tmp_path / "iso.db")
    clock = FixedClock(datetime.now(timezone.utc).replace(microsecond=0))
    for shopper in (VICTIM, "ann"):
        fill_cart(db, shopper, EGGS, 4)
        services.choose_fulfillment(repo(db), shopper, "pickup", now=clock(), store_id="brooklyn")
        place_order(repo(db), shopper, f"key-{shopper}", now=clock())
        fill_cart(db, shopper, EGGS, 3)
    fill_cart(db, DEMO_USER, EGGS, 5)
    app = create_app(Config(db_path=db, dev=True), clock=clock)
    return app.test_client(), db, clock


def stored(db, *users: str) -> dict:
    with repo(db).db.conn as conn:
        marks = ",".join("?" * len(users))
        customers = conn.execute(f"select * from customers where id in ({marks}) order by id",
                                 users).fetchall()
    return {"carts": {u: cart_of(db, u) for u in users},
            "orders": {u: orders_of(db, u) for u in users}, "customers": customers}


def post_alexa(client, env: dict) -> str:
    response = client.post("/alexa", json=env)
    assert response.status_code == 200, response.get_json()
    return alexa_speech(response.get_json())


def leaks(said: str, db, user: str) -> list[str]:
    """Things only `user` should hear: their order ids (spoken or written), totals, address."""
    found = []
    for order in orders_of(db, user):
        for token in (order["id"], " ".join(order["id"]), f"${order['total']:,.2f}"):
            if token in said:
                found.append(token)
    total = cart_of(db, user)["total"]
    if total and f"${total:,.2f}" in said:
        found.append(f"cart total ${total:,.2f}")
    if user == DEMO_USER:
        found += [part for part in DEMO_ADDRESS_PARTS if part in said]
    return found


def test_alexa_session_attributes_naming_another_shopper_are_ignored(world):
    client, db, clock = world
    before = stored(db, VICTIM)
    claim = {"userId": VICTIM, "user_id": VICTIM, "customer_id": VICTIM, "customerId": VICTIM}
    session = f"amzn1.echo-api.session.{uuid.uuid4()}"

    def say(intent: str, **kwargs) -> str:
        env = alexa(intent, user=ATTACKER, session=session, attributes=claim, now=clock(), **kwargs)
        env["session"]["user"] = {"userId": VICTIM}  # even the session's user field
        return post_alexa(client, env)

    said = [say("ReadCartIntent"), say("OrderStatusIntent"), say("CancelOrderIntent"),
            say("AMAZON.YesIntent"), say("ClearCartIntent"), say("AMAZON.YesIntent"),
            say("ReorderIntent")]
    for reply in said:
        assert not leaks(reply, db, VICTIM), reply
    assert stored(db, VICTIM) == before
    assert orders_of(db, VICTIM)[0]["status"] == "placed"


def test_another_shoppers_alexa_session_id_neither_reads_nor_disturbs_their_dialog(world):
    client, db, clock = world
    session = f"amzn1.echo-api.session.{uuid.uuid4()}"
    victim_said = [post_alexa(client, alexa(i, user=VICTIM, session=session, now=clock()))
                   for i in ("CheckoutIntent",)]
    victim_said.append(post_alexa(client, alexa("SetFulfillmentIntent", user=VICTIM, session=session, now=clock(),
                                                slots={"Method": alexa_slot("Method", "pickup"),
                                                       "Time": alexa_slot("Time", "17:00")})))
    assert "Shall I place the order?" in victim_said[-1]
    before = stored(db, VICTIM)
    # the attacker answers the victim's question in the victim's session
    for intent in ("AMAZON.YesIntent", "ReadCartIntent", "AMAZON.HelpIntent"):
        reply = post_alexa(client, alexa(intent, user=ATTACKER, session=session, now=clock()))
        assert "placed" not in reply and not leaks(reply, db, VICTIM), reply
    assert stored(db, VICTIM) == before
    # ...and the victim's own "yes" still places exactly their order
    said = post_alexa(client, alexa("AMAZON.YesIntent", user=VICTIM, session=session, now=clock()))
    assert "Your order is placed" in said
    assert len(orders_of(db, VICTIM)) == 2 and orders_of(db, ATTACKER) == []


def test_replaying_another_shoppers_request_id_does_not_return_their_reply(world):
    client, db, clock = world
    rid = request_id()
    first = post_alexa(client, alexa_add(EGGS, 1, user=VICTIM, request_id=rid, now=clock()))
    assert "Added" in first
    replayed = post_alexa(client, alexa("ReadCartIntent", user=ATTACKER, request_id=rid, now=clock()))
    assert replayed != first and not leaks(replayed, db, VICTIM), replayed
    assert cart_of(db, ATTACKER)["items"] == []


def test_order_ids_of_another_shopper_are_unknown_orders(world):
    client, db, clock = world
    (order,) = orders_of(db, "ann")
    before = stored(db, "ann")
    for session, text in [("m1", f"cancel order {order['id']}"), ("m1", "yes"),
                          ("m2", f"cancel order {' '.join(order['id'])}"), ("m2", "yes"),
                          ("m3", f"what's the status of order {order['id']}"),
                          ("m3", f"where is my order {order['id']}"), ("m4", f"reorder order {order['id']}")]:
        response = client.post("/v1/converse", json=converse("mallory", session, text))
        assert response.status_code == 200
        said = response.get_json()["speech"]
        assert not leaks(said, db, "ann"), (text, said)
        assert "cancelled" not in said.lower(), (text, said)
    assert stored(db, "ann") == before
    assert orders_of(db, "mallory") == [] and cart_of(db, "mallory")["items"] == []


def test_another_shoppers_text_session_id_neither_reads_nor_disturbs_their_dialog(world):
    client, db, _ = world
    said = client.post("/v1/converse", json=converse("ann", "ann-session", "check out for pickup")).get_json()
    assert "Shall I place the order?" in said["speech"]
    before = stored(db, "ann")
    for text in ("yes", "what's in my cart", "remove the eggs", "yes"):
        reply = client.post("/v1/converse", json=converse("mallory", "ann-session", text)).get_json()
        assert "placed" not in reply["speech"] and not leaks(reply["speech"], db, "ann"), reply
    assert stored(db, "ann") == before
    said = client.post("/v1/converse", json=converse("ann", "ann-session", "yes")).get_json()["speech"]
    assert "Your order is placed" in said
    assert len(orders_of(db, "ann")) == 2


def test_nobody_else_checks_out_to_the_demo_shoppers_address(world):
    client, db, _ = world
    before = stored(db, DEMO_USER)
    for text in ("check out for delivery", "deliver to my address", "what's my address", "yes"):
        said = client.post("/v1/converse", json=converse("mallory", "m-addr", text)).get_json()["speech"]
        assert not leaks(said, db, DEMO_USER), (text, said)
    assert stored(db, DEMO_USER) == before
    assert orders_of(db, "mallory") == []


@pytest.fixture
def unconfigured_webhook(tmp_path, seeded_db):
    """A production app (not --dev) with no Dialogflow credentials configured."""
    db = copy_db(seeded_db, tmp_path / "open.db")
    fill_cart(db, DEMO_USER, EGGS, 5)
    return create_app(Config(db_path=db), clock=FixedClock()).test_client(), db


@pytest.mark.parametrize("payload", [
    {"userId": DEMO_USER}, {"payload": {"userId": DEMO_USER}}, {"userId": f" {DEMO_USER} "}, {},
])
def test_a_dialogflow_webhook_without_credentials_serves_nobody(unconfigured_webhook, payload):
    """An open webhook let anyone name a shopper in payload.userId, or hold every slot of the
    week from fresh sessions: outside --dev, no credentials configured means every call is 401."""
    client, db = unconfigured_webhook
    before = stored(db, DEMO_USER)
    turns = [("ReadCart", {}, "what's in my cart"), ("Checkout", {}, "check out"),
             ("SetFulfillment", {"fulfillment": "pickup"}, "pickup"), ("Yes", {}, "yes"),
             ("ClearCart", {}, "empty my cart"), ("Yes", {}, "yes"), ("OrderStatus", {}, "where is my order")]
    for intent, params, text in turns:
        es = es_request(intent, params, text, session="trick")
        es["originalDetectIntentRequest"]["payload"] = payload
        cx = cx_request(intent, params, text, session="trick")
        cx["payload"] = payload
        for route, body in (("/dialogflow/es", es), ("/dialogflow/cx", cx)):
            response = client.post(route, json=body)
            assert response.status_code == 401, response.get_json()
            assert "VOICECART_DIALOGFLOW_TOKEN" in response.get_json()["reason"]
            assert not leaks(str(response.get_json()), db, DEMO_USER)
    assert stored(db, DEMO_USER) == before
    assert orders_of(db, None) == []
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from slot_holds").fetchone()[0] == 0


def test_an_authenticated_dialogflow_integration_may_name_its_shopper(tmp_path, seeded_db):
    """The rule's other half: behind basic auth the payload's userId is the integration's word."""
    import base64

    db = copy_db(seeded_db, tmp_path / "auth.db")
    fill_cart(db, "shopper-9", EGGS, 5)
    client = create_app(Config(db_path=db, dialogflow_user="agent", dialogflow_password="pw"),
                        clock=FixedClock()).test_client()
    auth = {"Authorization": "Basic " + base64.b64encode(b"agent:pw").decode()}
    response = client.post("/dialogflow/es", headers=auth,
                           json=es_request("ReadCart", {}, "what's in my cart", user="shopper-9"))
    assert "Large White Eggs" in response.get_json()["fulfillmentText"]
