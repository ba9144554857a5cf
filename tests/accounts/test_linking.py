"""Account linking policies on every channel (Flask's test client, a real SQLite file): what
an unlinked shopper may do, the LinkAccount card, invalid tokens, carts merged on linking."""
from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from accounts import oauth
from cart import services as carts
from catalog.model import Product
from skill.config import Config, ConfigError
from oauth_kit import pkce_pair
from support import cx_request, es_request

from .conftest import ALEXA_REDIRECT

ALEXA_USER = "amzn1.ask.account.POLICY"


def access_token(server) -> str:
    """A token through the real grant path: authorize request, code, exchange."""
    repo = server.accounts()
    verifier, challenge = pkce_pair()
    request = oauth.check_authorize(repo, {
        "response_type": "code", "client_id": server.client_id, "redirect_uri": ALEXA_REDIRECT,
        "code_challenge": challenge, "code_challenge_method": "S256"}, dev=True)
    code = oauth.issue_code(repo, request, repo.get_customer(server.customer_id), now=server.clock())
    client = repo.get_client(server.client_id)
    return oauth.exchange_code(repo, client, {"code": code, "redirect_uri": ALEXA_REDIRECT,
                                              "code_verifier": verifier}, now=server.clock()).access_token


def alexa(server, query: str | None, token: str | None = None, user: str = ALEXA_USER) -> dict:
    application = {"applicationId": "amzn1.ask.skill.policy"}
    who = {"userId": user, **({"accessToken": token} if token else {})}
    request = {"type": "LaunchRequest"} if query is None else {
        "type": "IntentRequest",
        "intent": {"name": "ShoppingRequestIntent", "confirmationStatus": "NONE",
                   "slots": {"Query": {"name": "Query", "value": query, "confirmationStatus": "NONE"}}}}
    envelope = {
        "version": "1.0",
        "session": {"new": False, "sessionId": f"s-{uuid.uuid4()}", "application": application,
                    "attributes": {}, "user": who},
        "context": {"System": {"application": application, "user": who, "device": {"deviceId": "d"}}},
        "request": {"requestId": f"r-{uuid.uuid4()}", "locale": "en-US",
                    "timestamp": server.clock().strftime("%Y-%m-%dT%H:%M:%SZ"), **request},
    }
    resp = server.http.post("/alexa", json=envelope)
    assert resp.status_code == 200, resp.get_data(as_text=True)
    return resp.get_json()["response"]


def said(response: dict) -> str:
    return response["outputSpeech"]["ssml"].lower()


def card(response: dict) -> str | None:
    return (response.get("card") or {}).get("type")


@pytest.mark.parametrize("env, problem", [
    ({"VOICECART_ACCOUNT_LINKING": "checkout"}, "needs VOICECART_AUTH"),
    ({"VOICECART_ACCOUNT_LINKING": "always"}, "needs VOICECART_AUTH"),
    ({"VOICECART_AUTH": "kerberos"}, "must be one of"),
    ({"VOICECART_AUTH": "builtin", "VOICECART_ACCOUNT_LINKING": "sometimes"}, "must be one of"),
])
def test_settings_that_cannot_work_stop_the_server_at_start(env, problem):
    with pytest.raises(ConfigError, match=problem):
        Config.from_env(env).check()


def test_policy_defaults():
    assert Config.from_env({}).linking_policy == "off"
    assert Config.from_env({"VOICECART_AUTH": "builtin"}).linking_policy == "checkout"
    assert Config.from_env({"VOICECART_AUTH": "builtin", "VOICECART_ACCOUNT_LINKING": "OFF"}).linking_policy == "off"


def test_checkout_policy_lets_an_unlinked_shopper_fill_the_cart_but_not_order(new_server):
    server = new_server(auth="builtin")
    assert "eggs" in said(alexa(server, "add a dozen eggs"))
    for words in ("check out", "pickup tomorrow at five pm", "add a gallon of whole milk and check out"):
        response = alexa(server, words)
        assert card(response) == "LinkAccount", words
        assert "link your grocery account" in said(response)
        assert response["shouldEndSession"] is False  # they may keep shopping
    assert carts.get_cart(server.app.extensions["voicecart"].carts(), ALEXA_USER).item_count >= 1
    assert server.app.extensions["voicecart"].carts().list_orders(ALEXA_USER) == []


@pytest.mark.parametrize("token", ["not-a-token", "x" * 5000, ""])
def test_an_invalid_token_is_an_unlinked_shopper_never_a_500(new_server, token):
    server = new_server(auth="builtin")
    alexa(server, "add a dozen eggs", token)
    assert card(alexa(server, "check out", token)) == "LinkAccount"


def test_an_expired_token_gets_the_link_card(new_server):
    server = new_server(auth="builtin")
    token = access_token(server)
    alexa(server, "add a dozen eggs", token)
    assert card(alexa(server, "check out", token)) != "LinkAccount"
    server.clock.advance(hours=1, seconds=1)
    assert card(alexa(server, "check out", token)) == "LinkAccount"


def test_always_policy_asks_to_link_before_anything(new_server):
    server = new_server(auth="builtin", account_linking="always")
    for query in (None, "add a dozen eggs"):
        response = alexa(server, query)
        assert card(response) == "LinkAccount" and response["shouldEndSession"] is True
        assert "link your grocery account" in said(response)
    assert carts.get_cart(server.app.extensions["voicecart"].carts(), ALEXA_USER).is_empty
    assert "eggs" in said(alexa(server, "add a dozen eggs", access_token(server)))


def test_always_policy_on_dialogflow_and_the_text_channel(new_server):
    server = new_server(auth="builtin", account_linking="always")
    resp = server.http.post("/dialogflow/es", json=es_request("AddItem", {"item": "eggs"}, "add eggs"))
    assert resp.status_code == 200 and "link your grocery account" in resp.get_json()["fulfillmentText"]
    body = cx_request("AddItem", {"item": "eggs"}, "add eggs")
    body["payload"] = {"accessToken": access_token(server)}
    resp = server.http.post("/dialogflow/cx", json=body)
    assert "egg" in resp.get_json()["fulfillmentResponse"]["messages"][0]["text"]["text"][0].lower()
    resp = server.http.post("/v1/converse", json={"text": "add eggs"},
                            headers={"Authorization": "Bearer nope"})
    assert resp.status_code == 401 and "invalid_token" in resp.headers["WWW-Authenticate"]


def test_off_policy_ignores_tokens(new_server):
    server = new_server(auth="builtin", account_linking="off")
    token = access_token(server)
    alexa(server, "add a dozen eggs", token)
    repo = server.app.extensions["voicecart"].carts()
    assert not carts.get_cart(repo, ALEXA_USER).is_empty
    assert carts.get_cart(repo, server.customer_id).is_empty


def test_text_channel_token_rules_outside_dev(new_server):
    server = new_server(dev=False, auth="builtin", api_token="api-token")
    token = access_token(server)
    ok = server.http.post("/v1/converse", json={"text": "add a dozen eggs"},
                          headers={"Authorization": f"Bearer {token}"})
    assert ok.status_code == 200 and "eggs" in ok.get_json()["speech"].lower()
    repo = server.app.extensions["voicecart"].carts()
    assert not carts.get_cart(repo, server.customer_id).is_empty
    both = server.http.post("/v1/converse", json={"user_id": "ann", "text": "add eggs"},
                            headers={"Authorization": f"Bearer {token}"})
    assert both.status_code == 400 and "user_id" in both.get_json()["reason"]
    claim = server.http.post("/v1/converse", json={"user_id": server.customer_id, "text": "add eggs"},
                             headers={"Authorization": "Bearer api-token"})
    assert claim.status_code == 400  # the API token's user ids may not name a linked customer
    assert server.http.post("/v1/converse", json={"text": "add eggs"}).status_code == 401


def test_dialogflow_user_ids_cannot_claim_a_linked_customer(new_server):
    server = new_server(auth="builtin")
    resp = server.http.post("/dialogflow/es", json=es_request(
        "AddItem", {"item": "eggs"}, "add eggs", user=server.customer_id))
    assert resp.status_code == 200
    repo = server.app.extensions["voicecart"].carts()
    assert carts.get_cart(repo, server.customer_id).is_empty


def product(pid: str, price: str) -> Product:
    return Product(id=pid, name=f"Product {pid}", price=Decimal(price))


def test_merging_a_cart_loses_nothing_and_doubles_nothing(new_server):
    server = new_server()
    repo = server.app.extensions["voicecart"].carts()
    now = server.clock()
    carts.add_item(repo, "device-user", product("A", "1.00"), 2, now=now)
    carts.add_item(repo, "device-user", product("B", "2.00"), 1, now=now)
    carts.add_item(repo, "device-user", product("C", "3.00"), 1, now=now)
    carts.add_item(repo, "account:x", product("B", "2.00"), 3, now=now)
    carts.add_item(repo, "account:x", product("C", "3.00"), 1, "pound", now=now)
    assert carts.merge_carts(repo, "device-user", "account:x", now=now) == 3
    merged = {(line.product_id, line.unit): line.quantity for line in carts.get_cart(repo, "account:x").lines}
    assert merged == {("A", None): 2, ("B", None): 3, ("C", "pound"): 1, ("C", None): 1}
    assert carts.get_cart(repo, "device-user").is_empty
    assert carts.merge_carts(repo, "device-user", "account:x", now=now) == 0  # again: nothing
    carts.undo(repo, "account:x", now=now)  # one undo takes the whole merge back
    assert {(line.product_id, line.unit) for line in carts.get_cart(repo, "account:x").lines} == \
        {("B", None), ("C", "pound")}


def test_a_built_in_accounts_address_is_the_delivery_address(new_server):
    server = new_server(auth="builtin")  # Ann: "12 Elm St, Brooklyn NY", zip 11215
    token = access_token(server)
    for text in ("add two gallons of whole milk and a dozen eggs", "deliver it tomorrow at noon"):
        resp = server.http.post("/v1/converse", json={"session_id": "addr", "text": text},
                                headers={"Authorization": f"Bearer {token}"})
    assert "held a delivery slot" in resp.get_json()["speech"]
    customer = server.app.extensions["voicecart"].carts().get_customer(server.customer_id)
    assert customer.address.one_line() == "12 Elm St, Brooklyn, NY 11215"


@pytest.mark.parametrize("address, zip_code, expected", [
    ("12 Elm St, Apt 3, Brooklyn, NY 11215", None, ("12 Elm St", "Apt 3", "Brooklyn", "NY", "11215")),
    ("12 Elm St, Brooklyn ny", "11215", ("12 Elm St", None, "Brooklyn", "NY", "11215")),
    ("12 Elm St Brooklyn", "11215", None),       # no telling the street from the city
    ("12 Elm St, Brooklyn, NY", None, None),     # no zip
    (None, "11215", None),
])
def test_splitting_one_line_addresses(address, zip_code, expected):
    from accounts.addresses import split_address
    parts = split_address(address, zip_code)
    got = None if parts is None else (parts.line1, parts.line2, parts.city, parts.region, parts.postal_code)
    assert got == expected
