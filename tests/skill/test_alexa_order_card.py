"""The order's card on the real POST /alexa route, with signed requests (a throwaway CA): before
the yes a card with the bill, after it a Simple card with the order's details, its number the
one `orders list` shows and the one spoken (issue 17, item 9)."""
from __future__ import annotations

import re

import pytest

import alexa_ca
from alexa_ca import FixedClock, ThrowawayCA, body_of, intent_request
from cart.json_views import orders_list
from skill.alexa.verify import AlexaRequestVerifier
from skill.app import create_app
from skill.config import Config

USER = "amzn1.ask.account.CARDTEST"
SESSION = "amzn1.echo-api.session.card-test"


@pytest.fixture(scope="module")
def ca():
    return ThrowawayCA()


@pytest.fixture
def alexa(tmp_path, ca):
    clock = FixedClock()  # Wednesday 2026-11-25 12:00 UTC: 7 AM in Brooklyn
    verifier = AlexaRequestVerifier(fetcher=ca.fake_fetch(), clock=clock, trust_roots=[ca.root],
                                    skill_id=alexa_ca.SKILL_ID)
    app = create_app(Config(db_path=tmp_path / "a.db", alexa_skill_id=alexa_ca.SKILL_ID),
                     clock=clock, alexa_verifier=verifier)
    client = app.test_client()

    def send(name: str, first: bool = False, **slots: str) -> dict:
        env = intent_request(name, slots, user_id=USER, session_id=SESSION, new_session=first)
        body = body_of(env)
        response = client.post("/alexa", data=body, headers=ca.headers(body),
                               content_type="application/json")
        assert response.status_code == 200, response.get_data(as_text=True)
        return response.get_json()["response"]

    return app, clock, send


def test_read_back_and_confirmation_carry_simple_cards_with_the_orders_details(alexa):
    app, clock, send = alexa
    send("ShoppingRequestIntent", first=True,
         Query="two gallons of whole milk and a bottle of original dish soap")

    assert "pickup or delivery" in send("CheckoutIntent")["outputSpeech"]["ssml"].lower()
    read_back = send("SetFulfillmentIntent", Method="pickup", Date="2026-11-26", Time="17:00")

    card = read_back["card"]
    assert card["type"] == "Simple" and card["title"] == "Your order, before you say yes"
    assert "Sold by: Greenleaf Market Brooklyn, 418 Alder Street, Brooklyn, NY 11215" in card["content"]
    assert "Sales tax (8.875% on taxed items): $0.31" in card["content"]
    assert "Total: $12.38" in card["content"]          # 8.58 + 3.49 + 0.31
    assert "$0.31 tax" in read_back["outputSpeech"]["ssml"]
    assert read_back["shouldEndSession"] is False

    placed = send("AMAZON.YesIntent")

    [order] = orders_list(app.extensions["voicecart"].carts(), USER, clock())
    card = placed["card"]
    assert card["type"] == "Simple" and card["title"] == f"Order {order['id']} placed"
    content = card["content"]
    assert f"Order number: {order['id']}" in content
    assert "Sold by: Greenleaf Market Brooklyn, 418 Alder Street, Brooklyn, NY 11215" in content
    assert "Pickup: Thursday, November 26, 5:00 PM to 6:00 PM" in content
    assert "2 gallon x Whole Milk: $8.58" in content
    assert "1 x Original Dish Soap: $3.49 (taxed)" in content
    assert "Subtotal: $12.07" in content and "Total: $12.38" in content
    assert order["total"] == 12.38 and order["tax"] == 0.31
    assert len(card["title"]) + len(content) <= 8000
    # the number spoken is the number on the card and in `orders list`
    spoken = re.search(r"order number is ((?:\w ){9}\w)", placed["outputSpeech"]["ssml"]).group(1)
    assert spoken.replace(" ", "") == order["id"]
    assert placed["shouldEndSession"] is True
    # later, "what did I order" (its own intent on Alexa) reads the placed order's items
    items = send("WhatDidIOrderIntent", first=True)["outputSpeech"]["ssml"]
    assert "two gallons of Whole Milk" in items and "Original Dish Soap" in items, items


def test_carried_intents_reach_substitutions_notes_and_stores_on_the_signed_route(alexa):
    app, clock, send = alexa
    send("ShoppingRequestIntent", first=True, Query="two gallons of whole milk")

    said = send("NoSubstitutionsIntent", Query="the milk")["outputSpeech"]["ssml"]
    assert "no substitutions for Whole Milk" in said
    assert "tell the driver: Leave it at the door" in send(
        "LeaveItIntent", Query="at the door")["outputSpeech"]["ssml"]
    assert "if you're not home" in send("UnattendedDeliveryIntent")["outputSpeech"]["ssml"]
    assert "Greenleaf Market Main Street at 75 Main Street" in send(
        "StoresNearIntent", Query="one one two zero one")["outputSpeech"]["ssml"]
    assert "Greenleaf Market Main Street is" in send(
        "NamedStoreHoursIntent", Query="main street store")["outputSpeech"]["ssml"]
    held = send("PickUpAtStoreIntent", Query="main street store tomorrow at five")
    assert "That's at Greenleaf Market Main Street, 75 Main Street" in held["outputSpeech"]["ssml"]
    assert app.extensions["voicecart"].carts().get_hold(USER).slot.store_id == "main-street"
    customer = app.extensions["voicecart"].carts().get_customer(USER)
    assert customer.delivery_notes.text == "Leave it at the door" and customer.delivery_notes.unattended
    [line] = app.extensions["voicecart"].carts().get_cart(USER).lines
    assert line.substitution.mode == "none"


# --- requests Alexa's typed intents cannot carry reach our parser as carried intents ------------

def test_order_my_usual_on_alexa_is_the_usual_not_the_last_order(alexa):
    _, _, send = alexa
    usual = send("OrderUsualIntent", first=True)["outputSpeech"]["ssml"]
    last = send("ReorderIntent")["outputSpeech"]["ssml"]

    assert "know your usual" in usual  # the whole-history answer, not the last order's
    assert "usual" not in last


def test_a_lines_kind_changes_on_alexa_keeping_the_amount(alexa):
    app, _, send = alexa
    send("ShoppingRequestIntent", first=True, Query="two gallons of whole milk")

    said = send("SwitchKindIntent", Query="milk to skim")["outputSpeech"]["ssml"]

    [line] = app.extensions["voicecart"].carts().get_cart(USER).lines
    assert "Skim" in line.name and line.quantity == 2, said
    assert "swapped Whole Milk for" in said
    send("MakeItKindIntent", Query="two percent")
    [line] = app.extensions["voicecart"].carts().get_cart(USER).lines
    assert "2%" in line.name and line.quantity == 2
