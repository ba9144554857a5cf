"""The tester against a real `voicecart serve` process: text, Alexa and Dialogflow envelopes."""
from __future__ import annotations

import pytest

from skill.tester.clients import HttpClient
from support import running_server

pytestmark = pytest.mark.slow

def project_dialogs(dialogs_dir, platform: str) -> list[str]:
    """Every project dialog, on every platform: what works on one channel works on all."""
    return [str(p) for p in sorted(dialogs_dir.glob("*.yaml"))]


def test_chat_over_the_text_channel(live_server, voicecart):
    done = voicecart("chat", "--url", live_server, "--user", "tina",
                     stdin="add two gallons of whole milk\n:debug\nwhat's in my cart\n")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Added two gallons of Whole Milk")
    assert "two gallons of Whole Milk" in lines[2]
    out = done.stdout
    assert "understood: (not shown" in out
    assert '"user_id": "tina"' in out and '"text": "what\'s in my cart"' in out  # raw request
    assert '"speech": "You have' in out                                          # raw response


@pytest.mark.parametrize("platform", ["text", "alexa", "dialogflow", "dialogflow-cx"])
def test_project_dialogs_over_http(live_server, voicecart, dialogs_dir, platform):
    files = project_dialogs(dialogs_dir, platform)
    done = voicecart("dialog", "test", *files, "--url", live_server, "--platform", platform)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1].startswith(f"dialogs: {len(files)} passed, 0 failed")


def test_chat_over_alexa_sends_real_intent_requests(live_server, voicecart):
    done = voicecart("chat", "--url", live_server, "--platform", "alexa", "--user", "alex",
                     stdin=":debug\nadd two gallons of whole milk\nadd milk eggs and bread\n")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert 'sent:     AddItemIntent {"Item": "whole milk", "Quantity": "2", "Unit": "gallons"}' in out
    assert 'sent:     ShoppingRequestIntent {"Query": "add milk eggs and bread"}' in out
    assert '"type": "IntentRequest"' in out and '"shouldEndSession": false' in out
    assert "Added two gallons of Whole Milk" in out


def test_alexa_whole_order_and_session_lifecycle(live_server):
    client = HttpClient(live_server, "alexa", "alexa-shopper")
    first = client.send("add two pounds of ground beef")
    assert first.speech.startswith("Added two pounds")
    assert first.request_json["session"]["new"] is True
    session_id = first.request_json["session"]["sessionId"]
    assert client.send("check out").speech.endswith("pickup or delivery?")
    confirm = client.send("pickup")
    assert confirm.request_json["session"]["new"] is False
    assert confirm.request_json["session"]["sessionId"] == session_id
    assert confirm.request_json["request"]["intent"]["name"] == "SetFulfillmentIntent"
    assert "Which would you like" in confirm.speech  # the two earliest slots, nothing held
    assert "Shall I place the order" in client.send("the first one").speech
    placed = client.send("yes")
    assert "order is placed" in placed.speech and placed.end_session is True
    after = client.send("where is my order")  # Alexa opens a new session after a goodbye
    assert after.request_json["session"]["new"] is True
    assert after.request_json["session"]["sessionId"] != session_id
    assert "placed" in after.speech
    client.reset()  # an open session is closed with a SessionEndedRequest, which must not fail


def test_chat_over_dialogflow(live_server, voicecart):
    done = voicecart("chat", "--url", live_server, "--platform", "dialogflow", "--user", "dora",
                     stdin=":debug\nadd a dozen eggs\n")
    assert done.returncode == 0, done.stderr
    assert "Added a dozen Large White Eggs" in done.stdout
    assert '"displayName": "AddItem"' in done.stdout
    assert 'sent:     AddItem {"item": "eggs", "quantity": 1, "target": "", "unit": "dozen"}' \
        in done.stdout


def test_token_protected_text_channel(tmp_path, voicecart):
    with running_server(tmp_path / "auth.db", env={"VOICECART_API_TOKEN": "s3cret"},
                        workers=1) as (base, _):
        refused = voicecart("chat", "--url", base, stdin="add a dozen eggs\n")
        assert refused.returncode == 1
        assert "HTTP 401" in refused.stderr and "pass --token" in refused.stderr
        assert "Traceback" not in refused.stderr
        allowed = voicecart("chat", "--url", base, "--token", "s3cret", stdin="add a dozen eggs\n")
        assert allowed.returncode == 0 and allowed.stdout.startswith("Added a dozen")
        from_env = voicecart("chat", "--url", base, stdin="add a dozen eggs\n",
                             env={"VOICECART_API_TOKEN": "s3cret"})
        assert from_env.returncode == 0
