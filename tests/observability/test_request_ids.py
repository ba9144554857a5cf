"""Request ids (the platform's, a safe X-Request-Id, or a new one), echoed and carried by every
log line of the request; JSON log lines."""
from __future__ import annotations

import json
import logging
import re

import pytest

import alexa_ca
from skill.request_log import (JsonFormatter, RequestIdFilter, configure_logging,
                               valid_request_id)
from support import cx_request, es_request

GENERATED = re.compile(r"[0-9a-f]{32}")


def post_converse(client, headers=None, text="add milk"):
    return client.post("/v1/converse", json={"user_id": "ann", "session_id": "s", "text": text},
                       headers=headers or {})


def test_a_safe_client_id_is_echoed(make_app):
    app, _ = make_app()
    client = app.test_client()
    for given in ("abc-123", "req_7f3a.9:b/c+d=e@f", "a" * 128):
        response = post_converse(client, {"X-Request-Id": given})
        assert response.headers["X-Request-Id"] == given


@pytest.mark.parametrize("hostile", [
    "a" * 129,                          # too long
    "abc\x01def", "abc\tdef",           # control characters
    "two words", "id;drop", "\u00e9t\u00e9", "-leading-dash", "",
    "x\u2028forged log line",
])
def test_a_hostile_client_id_is_replaced_never_echoed(make_app, hostile):
    app, _ = make_app()
    response = post_converse(app.test_client(), {"X-Request-Id": hostile})
    assert response.status_code == 200
    echoed = response.headers["X-Request-Id"]
    assert echoed != hostile and GENERATED.fullmatch(echoed)


def test_without_a_header_each_request_gets_a_new_id(make_app):
    app, _ = make_app()
    client = app.test_client()
    ids = {post_converse(client).headers["X-Request-Id"] for _ in range(3)}
    assert len(ids) == 3 and all(GENERATED.fullmatch(i) for i in ids)
    assert GENERATED.fullmatch(client.get("/healthz").headers["X-Request-Id"])


def test_the_platforms_own_id_wins(make_app, clock):
    app, _ = make_app(alexa_skill_id=alexa_ca.SKILL_ID)
    clock.now = alexa_ca.FIXED_NOW
    client = app.test_client()
    alexa = alexa_ca.intent_request("ReadCartIntent")
    response = client.post("/alexa", data=alexa_ca.body_of(alexa), content_type="application/json",
                           headers={"X-Request-Id": "from-the-client"})
    assert response.headers["X-Request-Id"] == alexa["request"]["requestId"]

    es = es_request("ReadCart", {}, "what's in my cart", response_id="es-response-1")
    assert client.post("/dialogflow/es", json=es).headers["X-Request-Id"] == "es-response-1"
    cx = cx_request("ReadCart", {}, "what's in my cart")
    assert client.post("/dialogflow/cx", json=cx).headers["X-Request-Id"] == \
        cx["detectIntentResponseId"]
    # a platform id that is not a safe one is not adopted either
    es = es_request("ReadCart", {}, "what's in my cart", response_id="bad id\x01")
    assert GENERATED.fullmatch(client.post("/dialogflow/es", json=es).headers["X-Request-Id"])


def test_json_lines_carry_the_echoed_id_and_one_access_line_per_turn(make_app, json_logs):
    app, _ = make_app()
    client = app.test_client()
    secret_text = "add a jar of secret-sauce-4711"
    response = post_converse(client, {"X-Request-Id": "turn-1",
                                      "Authorization": "Bearer s3cr3t-t0ken"}, secret_text)
    assert response.headers["X-Request-Id"] == "turn-1"
    lines = json_logs()
    for line in lines:
        assert {"time", "level", "logger", "message", "request_id"} <= set(line)
        assert line["time"].endswith("Z")
    [access] = [line for line in lines if line["logger"] == "voicecart.access"]
    assert access["request_id"] == "turn-1"
    assert access["channel"] == "text" and access["intent"] == "AddItem"
    assert access["status"] == 200 and access["duration_ms"] >= 0
    text = "\n".join(json.dumps(line) for line in lines)
    assert "s3cr3t-t0ken" not in text and "secret-sauce" not in text


def test_log_lines_written_inside_a_request_carry_its_id(make_app, json_logs):
    app, _ = make_app(dev=False, dialogflow_token="df-token")
    response = app.test_client().post("/dialogflow/es", json=es_request("Help", {}, "help"),
                                      headers={"X-Request-Id": "refused-1",
                                               "Authorization": "Bearer wrong"})
    assert response.status_code == 401
    [refusal] = [line for line in json_logs() if "dialogflow request refused" in line["message"]]
    assert refusal["request_id"] == "refused-1" and refusal["level"] == "WARNING"
    assert "wrong" not in refusal["message"]


def test_lines_outside_a_request_have_no_id(json_logs):
    logging.getLogger("voicecart.test").warning("between requests")
    [line] = [x for x in json_logs() if x["message"] == "between requests"]
    assert line["request_id"] is None


def test_an_exception_is_one_json_line_with_its_traceback():
    record = logging.LogRecord("voicecart", logging.ERROR, __file__, 1, "failed: %s", ("x",), None)
    try:
        raise ValueError("boom\nsecond line")
    except ValueError:
        import sys
        record.exc_info = sys.exc_info()
    RequestIdFilter().filter(record)
    text = JsonFormatter().format(record)
    assert "\n" not in text
    line = json.loads(text)
    assert line["message"] == "failed: x" and "ValueError: boom" in line["exception"]


def test_unknown_log_formats_are_refused():
    with pytest.raises(ValueError, match="text, json"):
        configure_logging("xml")


@pytest.mark.parametrize("value, ok", [("abc", True), ("A1.b_c:d/e+f=g@h-i", True),
                                       ("", False), (None, False), (123, False),
                                       ("a" * 128, True), ("a" * 129, False), ("_x", False)])
def test_valid_request_ids(value, ok):
    assert valid_request_id(value) == (value if ok else None)
