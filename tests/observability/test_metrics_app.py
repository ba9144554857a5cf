"""What the app counts as turns go through its routes, and GET /metrics's protection."""
from __future__ import annotations

import alexa_ca
from metrics_kit import TOKEN, sample, scraped, value
from support import es_request
from webhook_kit import SECRET

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def converse(client, text: str, user: str = "ann", session: str = "s1", **kwargs):
    response = client.post("/v1/converse", json={"user_id": user, "session_id": session,
                                                 "text": text}, **kwargs)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()["speech"]


def test_text_turns_items_and_an_order_are_counted(make_app):
    app, registry = make_app()
    client = app.test_client()
    converse(client, "add two gallons of whole milk and a dozen large white eggs")
    converse(client, "add some zorbleflux")
    converse(client, "check out for pickup tomorrow at five pm")
    assert "Your order is placed" in converse(client, "yes")

    assert sample(registry, "voicecart_turns_total", intent="AddItem", channel="text") == 2
    assert sample(registry, "voicecart_turns_total", intent="Yes", channel="text") == 1
    assert sample(registry, "voicecart_match_confidence_count") == 2  # milk and eggs
    assert sample(registry, "voicecart_unmatched_items_total", channel="text") == 1
    assert sample(registry, "voicecart_orders_placed_total", channel="text") == 1
    assert sample(registry, "voicecart_turn_latency_seconds_count", channel="text") == 4


def test_each_platform_is_its_own_channel(make_app, clock):
    app, registry = make_app(alexa_skill_id=alexa_ca.SKILL_ID)
    clock.now = alexa_ca.FIXED_NOW  # Alexa's timestamp check uses the app's clock
    client = app.test_client()
    alexa = alexa_ca.intent_request("AddItemIntent", {"Item": "milk"})
    assert client.post("/alexa", data=alexa_ca.body_of(alexa),
                       content_type="application/json").status_code == 200
    es = client.post("/dialogflow/es", json=es_request("AddItem", {"item": "eggs"}, "add eggs"))
    assert es.status_code == 200
    tester = client.post("/tester/api/turn", json={"user": "ann", "text": "what's in my cart"})
    assert tester.status_code == 200, tester.get_data(as_text=True)

    assert sample(registry, "voicecart_turns_total", intent="AddItem", channel="alexa") == 1
    assert sample(registry, "voicecart_turns_total", intent="AddItem", channel="dialogflow-es") == 1
    assert sample(registry, "voicecart_turns_total", intent="ReadCart", channel="tester") == 1
    assert sample(registry, "voicecart_turns_total", intent="ReadCart", channel="text") == 0


def test_refused_requests_count_as_errors_of_their_class(make_app):
    app, registry = make_app(dev=False, api_token="api-token")
    client = app.test_client()
    assert client.post("/v1/converse", json={"user_id": "a", "session_id": "s",
                                              "text": "hi"}).status_code == 401
    assert client.post("/v1/converse", data="{not json", content_type="application/json",
                       headers={"Authorization": "Bearer api-token"}).status_code == 400
    assert client.post("/alexa", data=b"{}", content_type="application/json").status_code == 400
    assert sample(registry, "voicecart_errors_total", kind="unauthorized", channel="text") == 1
    assert sample(registry, "voicecart_errors_total", kind="bad_request", channel="text") == 1
    assert sample(registry, "voicecart_errors_total", kind="bad_request", channel="alexa") == 1
    assert sample(registry, "voicecart_turns_total", intent="other", channel="text") == 0


def test_metrics_are_not_served_unless_a_token_is_configured(make_app):
    app, _ = make_app()  # --dev does not open them either
    response = app.test_client().get("/metrics", headers=AUTH)
    assert response.status_code == 404
    assert "VOICECART_METRICS_TOKEN" in response.get_json()["reason"]


def test_metrics_need_the_bearer_token(make_app):
    app, _ = make_app(metrics_token=TOKEN)
    client = app.test_client()
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN},
                    {"Authorization": f"Basic {TOKEN}"}, {"Authorization": f"Bearer {TOKEN}x"}):
        response = client.get("/metrics", headers=headers)
        assert response.status_code == 401, headers
        assert "bearer token" in response.get_json()["reason"]
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
    converse(client, "add milk")
    response = client.get("/metrics", headers=AUTH)
    assert response.status_code == 200
    assert response.content_type.startswith("text/plain; version=")
    samples = scraped(response.get_data(as_text=True))
    assert value(samples, "voicecart_turns_total", intent="AddItem", channel="text") == 1
    assert value(samples, "voicecart_errors_total", kind="unauthorized", channel="other") == 5


def test_outbox_lag_is_the_age_of_the_oldest_undelivered_event(make_app, clock):
    # the dispatcher stays off: the order's event waits, as when the grocer's system is down
    app, _ = make_app(metrics_token=TOKEN, webhook_url="http://127.0.0.1:9/hook",
                      webhook_secret=SECRET, outbox_dispatcher=False)
    client = app.test_client()

    def outbox() -> tuple[float, float]:
        samples = scraped(client.get("/metrics", headers=AUTH).get_data(as_text=True))
        return (value(samples, "voicecart_outbox_lag_seconds"),
                value(samples, "voicecart_outbox_events", state="pending"))

    assert outbox() == (0, 0)
    converse(client, "add two gallons of whole milk and a dozen large white eggs")
    converse(client, "check out for pickup tomorrow at five pm")
    assert "Your order is placed" in converse(client, "yes")
    clock.advance(seconds=90)
    assert outbox() == (90, 1)


def test_no_outbox_gauges_when_no_events_are_delivered(make_app):
    app, _ = make_app(metrics_token=TOKEN)
    text = app.test_client().get("/metrics", headers=AUTH).get_data(as_text=True)
    assert "voicecart_outbox" not in text


def test_unexpected_failures_count_as_unhandled_on_every_channel(make_app, clock, json_logs):
    """A 500 on the text channel and Alexa's spoken apology (a 200, as Alexa needs) are both
    the same kind of error; the access line still names the status."""
    app, registry = make_app(alexa_skill_id=alexa_ca.SKILL_ID)
    clock.now = alexa_ca.FIXED_NOW

    def broken_matcher():
        raise RuntimeError("the matcher index is broken")  # a fault injected for the test
    app.extensions["voicecart"].conversation.ports.matcher = broken_matcher
    client = app.test_client()
    response = client.post("/v1/converse", json={"user_id": "ann", "session_id": "s",
                                                 "text": "add milk"})
    assert response.status_code == 500 and "stack" not in response.get_data(as_text=True)
    alexa = alexa_ca.intent_request("AddItemIntent", {"Item": "milk"})
    response = client.post("/alexa", data=alexa_ca.body_of(alexa), content_type="application/json")
    assert response.status_code == 200 and "Sorry" in response.get_data(as_text=True)

    assert sample(registry, "voicecart_errors_total", kind="unhandled", channel="text") == 1
    assert sample(registry, "voicecart_errors_total", kind="unhandled", channel="alexa") == 1
    access = [line for line in json_logs() if line["logger"] == "voicecart.access"]
    assert [(a["channel"], a["status"]) for a in access] == [("text", 500), ("alexa", 200)]
    tracebacks = [line for line in json_logs() if "exception" in line]
    assert tracebacks and all(line["request_id"] for line in tracebacks)
