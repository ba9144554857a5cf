"""POST /v1/converse with bad input: always a 4xx with a reason or a spoken reply, never a 500;
and its bearer token outside dev mode."""
from __future__ import annotations

import pytest

from skill.app import create_app
from skill.config import Config

URL = "/v1/converse"


def post(client, **kwargs):
    response = client.post(URL, **kwargs)
    assert response.status_code < 500, (response.status_code, response.get_data(as_text=True))
    return response


def rejected(response, status=400):
    assert response.status_code == status, response.get_data(as_text=True)
    body = response.get_json()
    assert isinstance(body, dict) and body.get("reason"), body
    return body["reason"]


def body(text, user="ann", session="s1"):
    return {"user_id": user, "session_id": session, "text": text}


# --- text the shopper might send -------------------------------------------------------------

@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_text_gets_a_spoken_reprompt(client, cart, text):
    response = post(client, json=body(text))

    assert response.status_code == 200
    reply = response.get_json()
    assert reply["speech"] and reply["reprompt"] and reply["end_session"] is False
    assert cart()["items"] == []


def test_text_of_5000_characters_is_answered(client, cart):
    response = post(client, json=body("add milk " * 555 + "abcde"))

    assert response.status_code == 200
    assert len(response.get_json()["speech"]) <= 8000


def test_text_over_5000_characters_is_refused_with_a_reason(client, cart):
    reason = rejected(post(client, json=body("a" * 5001)))

    assert "5000" in reason
    assert cart()["items"] == []


@pytest.mark.parametrize("text", [
    "🍌🥛🥚", "add 🍌🍌🍌", "add milk 🥛 and eggs 🥚",
    "'; DROP TABLE carts; --", "add milk'); DELETE FROM orders; --", "add \" OR 1=1 --",
    "<script>alert(1)</script>", "add <b>eggs</b> & <i>milk</i>", "<speak>add eggs</speak>",
    "add milk\x00\x01\x02", "add \u202e\u200b milk", "add ℳ𝔦𝔩𝔨", "\ud83d",
    "add " + "x" * 4000, "{{7*7}} ${jndi:ldap://x}", "%s%s%n", "add milk\r\nX-Header: 1",
])
def test_strange_text_gets_a_spoken_reply_and_the_store_survives(client, say, cart, text):
    response = post(client, json=body(text))

    assert response.status_code == 200
    assert response.get_json()["speech"].strip()
    say("add large white eggs")  # the tables are intact and the next request works
    assert any(i["name"] == "Large White Eggs" for i in cart()["items"])


# --- malformed requests ---------------------------------------------------------------------

@pytest.mark.parametrize("payload, field", [
    ({"session_id": "s1", "text": "hi"}, "user_id"),
    ({"user_id": "ann", "session_id": "s1"}, "text"),
    ({"user_id": 5, "session_id": "s1", "text": "hi"}, "user_id"),
    ({"user_id": None, "session_id": "s1", "text": "hi"}, "user_id"),
    ({"user_id": ["ann"], "session_id": "s1", "text": "hi"}, "user_id"),
    ({"user_id": "", "session_id": "s1", "text": "hi"}, "user_id"),
    ({"user_id": "   ", "session_id": "s1", "text": "hi"}, "user_id"),
    ({"user_id": "ann", "session_id": ["s1"], "text": "hi"}, "session_id"),
    ({"user_id": "ann", "session_id": 7, "text": "hi"}, "session_id"),
    ({"user_id": "ann", "session_id": "s1", "text": 42}, "text"),
    ({"user_id": "ann", "session_id": "s1", "text": None}, "text"),
    ({"user_id": "ann", "session_id": "s1", "text": {"a": 1}}, "text"),
    ({"user_id": "ann", "session_id": "s1", "text": ["add", "milk"]}, "text"),
    ({"user_id": "a" * 201, "session_id": "s1", "text": "hi"}, "user_id"),
    ({"user_id": "ann", "session_id": "s" * 201, "text": "hi"}, "session_id"),
])
def test_missing_or_wrong_fields_are_refused_with_the_field_named(client, cart, payload, field):
    reason = rejected(post(client, json=payload))

    assert field in reason
    assert cart()["items"] == []


@pytest.mark.parametrize("raw, content_type", [
    (b"not json", "application/json"),
    (b"{\"user_id\": \"ann\",", "application/json"),
    (b"\xff\xfe\x00", "application/json"),
    (b"user_id=ann&text=hi", "application/x-www-form-urlencoded"),
    (b"[1, 2, 3]", "application/json"),
    (b"\"add milk\"", "application/json"),
    (b"null", "application/json"),
    (b"", "application/json"),
    (b"add milk", "text/plain"),
])
def test_a_body_that_is_not_a_json_object_is_refused_with_a_reason(client, raw, content_type):
    rejected(post(client, data=raw, content_type=content_type))


def test_an_oversized_body_is_refused_not_crashed(client):
    response = post(client, data=b"x" * (200 * 1024), content_type="application/json")

    assert 400 <= response.status_code < 500
    assert response.get_json().get("reason")


def test_only_post_is_allowed(client):
    response = client.get(URL)

    assert response.status_code == 405


def test_a_missing_session_id_starts_a_new_session_that_can_be_continued(client, cart):
    first = post(client, json={"user_id": "ann", "text": "add milk"}).get_json()
    session = first["session_id"]
    assert session

    post(client, json=body("the first one", session=session))

    assert len(cart()["items"]) == 1


def test_user_ids_are_used_as_given_not_interpreted(client, cart):
    sneaky = "ann' OR '1'='1"
    post(client, json=body("add bananas", user=sneaky))

    assert cart("ann")["items"] == []
    assert [i["name"] for i in cart(sneaky)["items"]] == ["Bananas"]


# --- auth -----------------------------------------------------------------------------------

@pytest.fixture
def secured(tmp_path, clock):
    """An app outside dev mode with the text channel's token set to "t"."""
    def make(token):
        return create_app(Config(db_path=tmp_path / "secure.db", dev=False, api_token=token),
                          clock=clock).test_client()
    return make


def test_outside_dev_mode_without_a_configured_token_every_request_is_refused(secured):
    client = secured(None)

    for headers in ({}, {"Authorization": "Bearer "}, {"Authorization": "Bearer anything"}):
        reason = rejected(post(client, json=body("add milk"), headers=headers), 401)
        assert "VOICECART_API_TOKEN" in reason


@pytest.mark.parametrize("headers", [
    {}, {"Authorization": ""}, {"Authorization": "Bearer"}, {"Authorization": "Bearer "},
    {"Authorization": "Bearer wrong"}, {"Authorization": "Bearer tt"}, {"Authorization": "Basic dDp0"},
    {"Authorization": "t"}, {"Authorization": "Bearer t t"}, {"X-Api-Token": "t"},
])
def test_a_missing_or_wrong_bearer_token_is_refused(secured, headers):
    rejected(post(secured("t"), json=body("add milk"), headers=headers), 401)


def test_the_right_bearer_token_is_let_in(secured):
    response = post(secured("t"), json=body("add bananas"), headers={"Authorization": "Bearer t"})

    assert response.status_code == 200
    assert "Bananas" in response.get_json()["speech"]


def test_auth_is_checked_before_the_body(secured):
    """An unauthenticated caller learns nothing about what a valid body looks like."""
    response = post(secured("t"), data=b"not json", content_type="application/json")

    assert response.status_code == 401
