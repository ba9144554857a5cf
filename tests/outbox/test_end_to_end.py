"""The dispatcher as it runs in a server: started by the app on the first request, on the
real clock, delivering an order placed by voice to a real receiver. And the settings a
server refuses to start with."""
from __future__ import annotations

import pytest

from skill.app import create_app
from skill.config import Config
from webhook_kit import SECRET, Receiver


def test_an_order_placed_by_voice_reaches_the_receiver_without_slowing_the_answer(db_path, request):
    with Receiver() as receiver:
        receiver.plan = ["hang"]  # the first delivery hangs past the timeout
        config = Config(db_path=db_path, dev=True, webhook_url=receiver.url,
                        webhook_secret=SECRET, webhook_timeout=1.0)
        app = create_app(config)
        client = app.test_client()
        # the dispatcher thread (started by the first request) stops before the database goes
        request.addfinalizer(app.extensions["voicecart"].storage.close)
        request.addfinalizer(app.extensions["voicecart"].stop_background)

        def say(text: str) -> str:
            response = client.post("/v1/converse", json={"user_id": "demo", "session_id": "s",
                                                         "text": text})
            assert response.status_code == 200
            return response.get_json()["speech"]

        say("add two gallons of whole milk and a dozen eggs")
        say("check out for pickup")
        placed = say("yes")
        assert "Your order is placed" in placed

        assert receiver.wait_for(1, timeout=60)
        [event] = receiver.events()[:1]
        assert event["type"] == "order.placed" and event["data"]["user_id"] == "demo"
        assert receiver.bad_signatures == 0


@pytest.mark.parametrize("settings, reason", [
    ({"webhook_url": "http://127.0.0.1:9/x", "webhook_secret": SECRET, "dev": False}, "https"),
    ({"webhook_url": "http://example.com/x", "webhook_secret": SECRET, "dev": True}, "https"),
    ({"webhook_url": "ftp://example.com/x", "webhook_secret": SECRET}, "https"),
    ({"webhook_url": "https://example.com/x"}, "VOICECART_WEBHOOK_SECRET"),
    ({"webhook_url": "https://example.com/x", "webhook_secret": "plain"}, "whsec_"),
    ({"webhook_url": "https://example.com/x", "webhook_secret": "whsec_!!"}, "whsec_"),
    ({"inbound_secret": "not-a-whsec"}, "VOICECART_INBOUND_SECRET"),
])
def test_bad_order_system_settings_stop_the_server_with_a_reason(db_path, settings, reason):
    with pytest.raises(ValueError, match=reason):
        create_app(Config(db_path=db_path, **settings))


def test_https_anywhere_and_http_on_loopback_in_dev_are_accepted(db_path):
    for url, dev in (("https://orders.example.com/hook", False),
                     ("http://localhost:8080/hook", True), ("http://127.0.0.1/hook", True)):
        create_app(Config(db_path=db_path, dev=dev, webhook_url=url, webhook_secret=SECRET,
                          outbox_dispatcher=False))


def test_the_dispatcher_thread_stops_when_asked(db_path):
    """What the fixtures rely on to drop a test database with no thread still polling it."""
    with Receiver() as receiver:
        app = create_app(Config(db_path=db_path, dev=True, webhook_url=receiver.url,
                                webhook_secret=SECRET))
        runtime = app.extensions["voicecart"]
        try:
            assert app.test_client().get("/healthz").status_code == 200  # starts it
            thread, _ = runtime._background
            assert thread.is_alive()
            runtime.stop_background()
            assert not thread.is_alive()
        finally:
            runtime.stop_background()
            runtime.storage.close()
