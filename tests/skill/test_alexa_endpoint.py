"""POST /alexa through the Flask app: verification at the route, slot translation, replays.

Signed requests use a throwaway CA and a fake certificate download (the one thing outside us);
the server's verifier is the production one, only handed that CA as its trust root.
"""
from __future__ import annotations

import json
from datetime import timedelta

import pytest

import alexa_ca
from alexa_ca import FixedClock, ThrowawayCA, body_of, intent_request, launch_request
from skill.alexa.verify import AlexaRequestVerifier
from skill.app import create_app
from skill.config import Config
from cart.json_views import cart_show


def slot(name: str, value: str, resolved_id: str | None = None, no_match: bool = False) -> dict:
    data = {"name": name, "value": value, "confirmationStatus": "NONE"}
    if resolved_id or no_match:
        authority = "amzn1.er-authority.echo-sdk.amzn1.ask.skill.test.PRODUCT"
        data["resolutions"] = {"resolutionsPerAuthority": [
            {"authority": authority, "status": {"code": "ER_SUCCESS_NO_MATCH" if no_match else "ER_SUCCESS_MATCH"},
             **({"values": [{"value": {"name": value, "id": resolved_id}}]} if resolved_id else {})}]}
    return data


def intent(name: str, *slots: dict, **kwargs) -> dict:
    env = intent_request(name, **kwargs)
    env["request"]["intent"]["slots"] = {s["name"]: s for s in slots}
    return env


@pytest.fixture(scope="module")
def ca():
    return ThrowawayCA()


@pytest.fixture
def signed_app(tmp_path, ca):
    clock = FixedClock()
    verifier = AlexaRequestVerifier(fetcher=ca.fake_fetch(), clock=clock, trust_roots=[ca.root],
                                    skill_id=alexa_ca.SKILL_ID)
    app = create_app(Config(db_path=tmp_path / "a.db", alexa_skill_id=alexa_ca.SKILL_ID),
                     clock=clock, alexa_verifier=verifier)
    return app, ca, clock


def post_signed(client, ca, env, *, tamper: bool = False, headers: dict | None = None):
    body = body_of(env)
    sent = body.replace(b"bananas", b"caviars") if tamper else body
    assert not tamper or sent != body
    return client.post("/alexa", data=sent, headers=headers if headers is not None else ca.headers(body),
                       content_type="application/json")


def speech(resp) -> str:
    return resp.get_json()["response"]["outputSpeech"]["ssml"]


def test_a_signed_launch_request_is_answered(signed_app):
    app, ca, _ = signed_app
    resp = post_signed(app.test_client(), ca, launch_request())
    assert resp.status_code == 200
    assert "Welcome" in speech(resp)
    assert resp.get_json()["response"]["shouldEndSession"] is False


@pytest.mark.parametrize("case", ["tampered", "unsigned", "wrong_skill", "stale", "bad_url"])
def test_verification_failures_are_400_and_change_nothing(signed_app, case):
    app, ca, clock = signed_app
    client = app.test_client()
    env = intent("AddItemIntent", slot("Item", "bananas"))
    headers = None
    if case == "unsigned":
        headers = {}
    elif case == "wrong_skill":
        env = intent("AddItemIntent", slot("Item", "bananas"), application_id="amzn1.ask.skill.other")
    elif case == "stale":
        clock.advance(seconds=151)
    elif case == "bad_url":
        headers = ca.headers(body_of(env), url="https://s3.amazonaws.com/invalid.path/cert.pem")
    resp = post_signed(client, ca, env, tamper=case == "tampered", headers=headers)
    assert resp.status_code == 400
    assert "verification failed" in resp.get_json()["reason"]
    runtime = app.extensions["voicecart"]
    assert cart_show(runtime.carts(), "amzn1.ask.account.TESTUSER")["items"] == []


def test_dev_mode_skips_only_the_signature(tmp_path):
    clock = FixedClock()
    app = create_app(Config(db_path=tmp_path / "d.db", dev=True, alexa_skill_id=alexa_ca.SKILL_ID),
                     clock=clock)
    client = app.test_client()
    assert client.post("/alexa", data=body_of(launch_request())).status_code == 200
    stale = launch_request(timestamp=clock() - timedelta(seconds=200))
    assert client.post("/alexa", data=body_of(stale)).status_code == 400
    other = launch_request(application_id="amzn1.ask.skill.someone-else")
    assert client.post("/alexa", data=body_of(other)).status_code == 400


@pytest.fixture
def dev_client(tmp_path):
    app = create_app(Config(db_path=tmp_path / "dev.db", dev=True), clock=FixedClock())
    return app, app.test_client()


def post(client, env):
    return client.post("/alexa", data=body_of(env), content_type="application/json")


def test_resolved_item_uses_the_platform_id_and_unresolved_uses_our_matcher(dev_client):
    app, client = dev_client
    # ER_SUCCESS_MATCH with a catalog id: exactly that product, whatever the spoken words
    resp = post(client, intent("AddItemIntent", slot("Item", "chocolate milk", resolved_id="DA0001"),
                               slot("Quantity", "2")))
    assert resp.status_code == 200
    # ER_SUCCESS_NO_MATCH (an ASR slip): our fuzzy matcher finds it
    resp = post(client, intent("AddItemIntent", slot("Item", "bannanas", no_match=True)))
    assert "Banana" in speech(resp)
    items = cart_show(app.extensions["voicecart"].carts(), "amzn1.ask.account.TESTUSER")["items"]
    assert [(i["product_id"], i["quantity"]) for i in items][0] == ("DA0001", 2)
    assert "banana" in items[1]["name"].lower()


def test_free_form_shopping_request_adds_every_item(dev_client):
    app, client = dev_client
    resp = post(client, intent("ShoppingRequestIntent", slot("Query", "add a dozen eggs and a loaf of sourdough bread")))
    assert resp.status_code == 200
    names = [i["name"].lower() for i in cart_show(app.extensions["voicecart"].carts(),
                                                  "amzn1.ask.account.TESTUSER")["items"]]
    assert any("egg" in n for n in names) and any("sourdough" in n for n in names)


def test_remove_with_an_amount_takes_away_only_that_much(dev_client):
    """RemoveItemIntent carries Quantity and Unit: "remove two bananas" of six, "remove a
    carton of eggs" of two dozen. Without them the whole line went."""
    app, client = dev_client
    post(client, intent("AddItemIntent", slot("Item", "bananas"), slot("Quantity", "6")))
    post(client, intent("AddItemIntent", slot("Item", "eggs"), slot("Quantity", "2"),
                        slot("Unit", "dozen")))

    said = speech(post(client, intent("RemoveItemIntent", slot("Item", "bananas"),
                                      slot("Quantity", "2"))))
    post(client, intent("RemoveItemIntent", slot("Item", "eggs"), slot("Quantity", "1"),
                        slot("Unit", "carton")))

    items = cart_show(app.extensions["voicecart"].carts(), "amzn1.ask.account.TESTUSER")["items"]
    assert {i["name"]: (i["quantity"], i["unit"]) for i in items} == {
        "Bananas": (4, None), "Large White Eggs": (1, "dozen")}
    assert "You now have four Bananas" in said


def test_a_size_alexa_fills_as_quantity_and_unit_buys_that_size(dev_client):
    """"add a 2 liter of cola" filled as Quantity 2, Unit liter: the 2 liter bottle, not two
    liters' worth of the 12-pack listed first."""
    app, client = dev_client
    post(client, intent("AddItemIntent", slot("Item", "cola"), slot("Quantity", "2"),
                        slot("Unit", "liter")))

    items = cart_show(app.extensions["voicecart"].carts(), "amzn1.ask.account.TESTUSER")["items"]
    assert [(i["product_id"], i["quantity"]) for i in items] == [("BV0014", 1)]


def test_the_same_request_delivered_five_times_adds_once(dev_client):
    app, client = dev_client
    env = intent("AddItemIntent", slot("Item", "whole milk"), slot("Quantity", "1"))
    replies = {speech(post(client, env)) for _ in range(5)}
    assert len(replies) == 1
    items = cart_show(app.extensions["voicecart"].carts(), "amzn1.ask.account.TESTUSER")["items"]
    assert [i["quantity"] for i in items] == [1]


@pytest.mark.parametrize("name", ["AMAZON.HelpIntent", "AMAZON.FallbackIntent", "NoSuchIntent", "AddItemIntent"])
def test_unknown_intents_and_missing_slots_get_a_spoken_answer(dev_client, name):
    _, client = dev_client
    resp = post(client, intent(name))
    assert resp.status_code == 200
    assert len(speech(resp)) > 20
    assert resp.get_json()["response"]["shouldEndSession"] is False


@pytest.mark.parametrize("name", ["AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent"])
def test_stop_cancel_and_home_end_the_session(dev_client, name):
    _, client = dev_client
    resp = post(client, intent(name))
    assert resp.get_json()["response"]["shouldEndSession"] is True


def test_session_ended_request_gets_an_empty_response(dev_client):
    _, client = dev_client
    resp = post(client, alexa_ca.envelope({"type": "SessionEndedRequest", "reason": "USER_INITIATED"}))
    assert resp.status_code == 200
    assert "outputSpeech" not in resp.get_json().get("response", {})


def test_ssml_special_characters_are_escaped(dev_client):
    _, client = dev_client
    resp = post(client, intent("AddItemIntent", slot("Item", "<b>salt & vinegar</b> chips")))
    ssml = speech(resp)
    assert ssml.startswith("<speak>") and ssml.endswith("</speak>")
    inner = ssml[len("<speak>"):-len("</speak>")]
    assert "<" not in inner and "& " not in inner


@pytest.mark.parametrize("body, status", [
    (b"{not json", 400),
    (b"[]", 400),
    (b'{"request": "x"}', 400),
    (json.dumps({"version": "1.0", "request": {"type": "LaunchRequest"}}).encode(), 400),
    (b"x" * (200 * 1024), 413),
])
def test_bad_bodies_get_a_4xx_with_a_reason(dev_client, body, status):
    _, client = dev_client
    resp = client.post("/alexa", data=body, content_type="application/json")
    assert resp.status_code == status
    assert resp.get_json()["reason"]


def test_get_is_405(dev_client):
    assert dev_client[1].get("/alexa").status_code == 405


def test_alexa_amounts_follow_the_purchase_rules(dev_client):
    """Quantity 18 with a singular Unit "pack" is an 18 pack; a huge Quantity is refused with a
    reason, not added as one."""
    app, client = dev_client
    resp = post(client, intent("AddItemIntent", slot("Item", "eggs", resolved_id="DA0042"),
                               slot("Quantity", "18"), slot("Unit", "pack")))
    assert resp.status_code == 200
    resp = post(client, intent("AddItemIntent", slot("Item", "eggs", resolved_id="DA0042"),
                               slot("Quantity", "1000000")))
    assert "more Large White Eggs than I can add" in speech(resp)
    items = cart_show(app.extensions["voicecart"].carts(), "amzn1.ask.account.TESTUSER")["items"]
    assert [(i["product_id"], i["quantity"]) for i in items] == [("DA0043", 1)]
