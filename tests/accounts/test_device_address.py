"""Alexa's device address API against a stand-in on 127.0.0.1 whose URL the request carries:
the address fills a delivery; without the permission, the consent card; never a 500."""
from __future__ import annotations

import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

USER = "amzn1.ask.account.ADDRESS"
ADDRESS = {"addressLine1": "410 Terry Ave North", "addressLine2": "Unit 5", "addressLine3": None,
           "city": "Seattle", "stateOrRegion": "WA", "postalCode": "98109", "countryCode": "US"}


@pytest.fixture
def amazon_api():
    state = {"status": 200, "body": ADDRESS, "seen": []}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            state["seen"].append((self.path, self.headers.get("Authorization")))
            raw = json.dumps(state["body"]).encode()
            self.send_response(state["status"])
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    state["url"] = f"http://127.0.0.1:{server.server_address[1]}"
    yield state
    server.shutdown()
    server.server_close()


def ask(server, endpoint, query):
    application = {"applicationId": "amzn1.ask.skill.addr"}
    user = {"userId": USER}
    envelope = {
        "version": "1.0",
        "session": {"new": False, "sessionId": "addr-session", "application": application,
                    "attributes": {}, "user": user},
        "context": {"System": {"application": application, "user": user,
                               "device": {"deviceId": "amzn1.ask.device.ADDR"},
                               "apiEndpoint": endpoint, "apiAccessToken": "api-token-1"}},
        "request": {"type": "IntentRequest", "requestId": f"r-{uuid.uuid4()}", "locale": "en-US",
                    "timestamp": server.clock().strftime("%Y-%m-%dT%H:%M:%SZ"),
                    "intent": {"name": "ShoppingRequestIntent", "confirmationStatus": "NONE",
                               "slots": {"Query": {"name": "Query", "value": query,
                                                   "confirmationStatus": "NONE"}}}},
    }
    resp = server.http.post("/alexa", json=envelope)
    assert resp.status_code == 200, resp.get_data(as_text=True)
    return resp.get_json()["response"]


def test_the_device_address_fills_a_delivery(new_server, amazon_api):
    server = new_server()
    ask(server, amazon_api["url"], "add two gallons of whole milk and a dozen eggs")
    assert amazon_api["seen"] == []  # not asked until a delivery needs it
    response = ask(server, amazon_api["url"], "deliver it tomorrow at noon")
    assert "held a delivery slot" in response["outputSpeech"]["ssml"]
    assert amazon_api["seen"] == [("/v1/devices/amzn1.ask.device.ADDR/settings/address", "Bearer api-token-1")]
    customer = server.app.extensions["voicecart"].carts().get_customer(USER)
    assert customer.address.one_line() == "410 Terry Ave North, Unit 5, Seattle, WA 98109"


def test_without_the_permission_the_consent_card(new_server, amazon_api):
    amazon_api.update(status=403, body={"type": "FORBIDDEN", "message": "no permission"})
    server = new_server()
    ask(server, amazon_api["url"], "add two gallons of whole milk")
    response = ask(server, amazon_api["url"], "deliver it tomorrow at noon")
    assert response["card"] == {"type": "AskForPermissionsConsent",
                                "permissions": ["read::alexa:device:all:address"]}
    assert "pickup or delivery" in response["outputSpeech"]["ssml"].lower()


@pytest.mark.parametrize("status, body", [(500, {}), (200, {"city": "Seattle"}), (200, ["x"])])
def test_a_broken_or_partial_answer_asks_the_shopper(new_server, amazon_api, status, body):
    amazon_api.update(status=status, body=body)
    server = new_server()
    ask(server, amazon_api["url"], "add two gallons of whole milk")
    response = ask(server, amazon_api["url"], "deliver it tomorrow at noon")
    assert "don't have a delivery address" in response["outputSpeech"]["ssml"]


def test_outside_dev_only_https_endpoints_are_called(amazon_api):
    from skill.alexa.device_address import lookup_for
    assert lookup_for(amazon_api["url"], "t", "d", dev=False) is None
    assert lookup_for("https://api.amazonalexa.com", "t", "d", dev=False) is not None
    assert lookup_for("http://evil.example", "t", "d", dev=True) is None
