"""Voice codes before an order, through the text channel with a linked customer's token:
right, wrong, lockout and its end, required codes, and the code never in logs or answers."""
from __future__ import annotations

import logging

import pytest

from accounts import voice_codes
from cart.checkout import list_orders

from .test_linking import access_token

CODE, SPOKEN = "7391", "seven three nine one"


def say(server, token, text, session="vc"):
    resp = server.http.post("/v1/converse", json={"session_id": session, "text": text},
                            headers={"Authorization": f"Bearer {token}"})
    assert resp.status_code == 200, resp.get_data(as_text=True)
    return resp.get_json()["speech"]


def to_the_question(server, token, session="vc"):
    say(server, token, "add two gallons of whole milk and a dozen eggs", session)
    say(server, token, "check out", session)
    assert "shall i place the order" in say(server, token, "pickup tomorrow at five pm", session).lower()
    return say(server, token, "yes", session)


def orders(server):
    return list_orders(server.app.extensions["voicecart"].carts(), None)


@pytest.fixture
def shop(new_server):
    server = new_server(auth="builtin")
    voice_codes.set_voice_code(server.accounts(), server.customer_id, CODE)
    return server, access_token(server)


def test_the_right_code_places_the_order(shop, caplog):
    server, token = shop
    caplog.set_level(logging.DEBUG)
    assert "four-digit voice code" in to_the_question(server, token)
    assert orders(server) == []
    placed = say(server, token, SPOKEN)
    assert "order is placed" in placed.lower() and len(orders(server)) == 1
    # never logged, never spoken back
    assert CODE not in caplog.text and SPOKEN not in caplog.text.lower()
    assert CODE not in placed


def test_digits_work_too_and_a_wrong_code_asks_again(shop):
    server, token = shop
    to_the_question(server, token)
    assert "isn't right" in say(server, token, "one one one one")
    assert orders(server) == []
    assert "order is placed" in say(server, token, "7 3 9 1").lower()


def test_three_wrong_codes_lock_voice_purchasing_for_15_minutes_but_not_the_cart(shop):
    server, token = shop
    to_the_question(server, token)
    say(server, token, "one two three four")
    say(server, token, "four three two one")
    assert "paused voice purchasing for 15 minutes" in say(server, token, "one one one one")
    assert "added" in say(server, token, "add a loaf of sourdough bread").lower()  # the cart still works
    say(server, token, "check out")
    assert "paused" in say(server, token, "yes")  # locked: not even asked
    assert orders(server) == []
    server.clock.advance(minutes=16)
    to_the_question(server, token, session="vc-2")
    assert "order is placed" in say(server, token, SPOKEN, session="vc-2").lower()


def test_no_keeps_the_cart_and_places_nothing(shop):
    server, token = shop
    to_the_question(server, token)
    assert "haven't placed" in say(server, token, "no")
    assert orders(server) == []


def test_without_a_code_the_order_goes_through_unless_codes_are_required(new_server):
    server = new_server(auth="builtin")
    assert "order is placed" in to_the_question(server, access_token(server)).lower()
    strict = new_server(auth="builtin", voice_code="required")
    token = access_token(strict)
    assert "set a four-digit voice code" in to_the_question(strict, token)
    assert orders(strict) == []
    voice_codes.set_voice_code(strict.accounts(), strict.customer_id, CODE)
    to_the_question(strict, token, session="vc-2")
    assert "order is placed" in say(strict, token, SPOKEN, session="vc-2").lower()


def test_codes_are_four_digits_and_stored_hashed(shop):
    server, _ = shop
    for bad in ("123", "12345", "abcd", "12 4", ""):
        with pytest.raises(ValueError):
            voice_codes.set_voice_code(server.accounts(), server.customer_id, bad)
    stored = server.accounts().get_voice_code(server.customer_id)
    assert CODE not in stored.code_hash and stored.code_hash.startswith("scrypt$")


def test_the_account_page_sets_a_code_behind_the_login(new_server):
    from oauth_kit import read_form

    from .conftest import PASSWORD

    server = new_server(auth="builtin")
    page = server.http.get("/oauth/account/voice-code")
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    form = read_form(page.get_data(as_text=True))
    assert {"email", "password", "code", "repeat", "csrf_token"} <= set(form.inputs)
    base = {"csrf_token": form.inputs["csrf_token"][1], "email": "ann@example.com", "code": "4826"}

    def post(**fields):
        return server.http.post(form.action, data={**base, **fields})

    assert post(password="wrong password", repeat="4826").status_code == 401
    assert post(password=PASSWORD, repeat="4827").status_code == 400
    assert server.app.test_client().post(form.action, data={**base, "password": PASSWORD,
                                                            "repeat": "4826"}).status_code == 400
    assert server.accounts().get_voice_code(server.customer_id) is None
    done = post(password=PASSWORD, repeat="4826")
    assert done.status_code == 200 and "voice code is set" in done.get_data(as_text=True)
    assert "4826" not in done.get_data(as_text=True)
    token = access_token(server)
    assert "four-digit voice code" in to_the_question(server, token)
    assert "order is placed" in say(server, token, "four eight two six").lower()
