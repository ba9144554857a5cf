"""End to end against a live `voicecart serve` (gunicorn, two workers): a shopper signs in
through the built-in authorization server with a real HTTP client (the form, the redirect, the
token exchange with PKCE, a refresh with rotation), then the token reaches one cart and one
order on /alexa, both Dialogflow routes and /v1/converse; a revoked token is refused at once."""
from __future__ import annotations

from http.cookiejar import CookieJar
import json
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid
from datetime import datetime, timezone

import pytest

from oauth_kit import basic, pkce_pair, query_of, read_form
from support import REPO, cx_request, es_request, http, running_server

pytestmark = pytest.mark.slow
REDIRECT = "http://127.0.0.1:9/alexa-callback"  # loopback http: accepted because of --dev
ALEXA_USER = "amzn1.ask.account.LINK-E2E"
DF_TOKEN = "df-secret-token"
API_TOKEN = "api-secret-token"


def voicecart(*args: str, db, stdin: str = "") -> dict:
    done = subprocess.run([sys.executable, "-c", "from skill.cli import main; main()", *args,
                           "--db", str(db)], cwd=REPO, capture_output=True, text=True,
                          input=stdin, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # we want to see the 302 itself


def browser():
    jar = CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())


def fetch(opener, url, data=None, headers=None):
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    req = urllib.request.Request(url, data=body, headers=headers or {})
    try:
        with opener.open(req, timeout=30) as resp:
            return resp.status, dict(resp.headers), resp.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read().decode()


def alexa_envelope(request: dict, token: str | None, *, new: bool = False) -> dict:
    application = {"applicationId": "amzn1.ask.skill.link-e2e"}
    user = {"userId": ALEXA_USER, **({"accessToken": token} if token else {})}
    return {
        "version": "1.0",
        "session": {"new": new, "sessionId": f"amzn1.echo-api.session.{uuid.uuid4()}",
                    "application": application, "attributes": {}, "user": user},
        "context": {"System": {"application": application, "user": user,
                               "device": {"deviceId": "amzn1.ask.device.E2E", "supportedInterfaces": {}},
                               "apiEndpoint": "https://api.amazonalexa.com", "apiAccessToken": "x"}},
        "request": {"requestId": f"amzn1.echo-api.request.{uuid.uuid4()}", "locale": "en-US",
                    "timestamp": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), **request},
    }


def shopping(query: str) -> dict:
    return {"type": "IntentRequest", "dialogState": "STARTED",
            "intent": {"name": "ShoppingRequestIntent", "confirmationStatus": "NONE",
                       "slots": {"Query": {"name": "Query", "value": query, "confirmationStatus": "NONE"}}}}


def with_token(body: dict, token: str, *, es: bool) -> dict:
    holder = body["originalDetectIntentRequest"] if es else body
    holder.setdefault("payload", {})["accessToken"] = token
    return body


def test_sign_in_then_one_cart_and_one_order_on_every_channel(tmp_path):
    db = tmp_path / "link.db"
    customer = voicecart("customers", "add", "--email", "ann@example.com", "--name", "Ann",
                         "--password-stdin", db=db, stdin="s3cret password\n")["customer_id"]
    client = voicecart("oauth", "add-client", "--name", "alexa", "--redirect-uri", REDIRECT, db=db)
    assert voicecart("customers", "set-voice-code", "--customer", customer, "--code-stdin", db=db,
                     stdin="8264\n")["voice_code"] is True
    env = {"VOICECART_AUTH": "builtin", "VOICECART_DIALOGFLOW_TOKEN": DF_TOKEN,
           "VOICECART_API_TOKEN": API_TOKEN}
    with running_server(db, "--dev", env=env) as (base, _):
        # Before linking: Alexa lets the shopper fill a cart, but not order
        resp = http("POST", base + "/alexa", alexa_envelope(shopping("add a dozen eggs"), None))[1]
        assert "eggs" in resp["response"]["outputSpeech"]["ssml"].lower()
        resp = http("POST", base + "/alexa", alexa_envelope(shopping("check out"), None))[1]
        assert resp["response"]["card"]["type"] == "LinkAccount"
        assert "link your grocery account" in resp["response"]["outputSpeech"]["ssml"]

        # The sign-in, as the Alexa app's browser does it
        verifier, challenge = pkce_pair()
        opener = browser()
        query = urllib.parse.urlencode({
            "response_type": "code", "client_id": client["client_id"], "redirect_uri": REDIRECT,
            "state": "alexa-state-123", "code_challenge": challenge, "code_challenge_method": "S256"})
        status, headers, page = fetch(opener, f"{base}/oauth/authorize?{query}")
        assert status == 200
        form = read_form(page)
        fields = {name: value for name, (_, value) in form.inputs.items()}
        fields.update(email="ann@example.com", password="s3cret password")
        status, headers, _ = fetch(opener, base + form.action, fields)
        assert status in (302, 303)
        assert headers["Location"].startswith(REDIRECT)
        answer = query_of(headers["Location"])
        assert answer["state"] == "alexa-state-123"

        # Alexa's token exchange (HTTP basic), then a refresh (credentials in the body)
        auth = {"Authorization": basic(client["client_id"], client["client_secret"])}
        status, _, body = fetch(urllib.request.build_opener(), base + "/oauth/token", {
            "grant_type": "authorization_code", "code": answer["code"], "redirect_uri": REDIRECT,
            "code_verifier": verifier}, auth)
        assert status == 200, body
        first = json.loads(body)
        assert first["expires_in"] >= 3600
        status, _, body = fetch(urllib.request.build_opener(), base + "/oauth/token", {
            "grant_type": "refresh_token", "refresh_token": first["refresh_token"],
            "client_id": client["client_id"], "client_secret": client["client_secret"]})
        assert status == 200, body
        tokens = json.loads(body)
        assert tokens["refresh_token"] != first["refresh_token"]
        status, _, body = fetch(urllib.request.build_opener(), base + "/oauth/token", {
            "grant_type": "refresh_token", "refresh_token": first["refresh_token"],
            "client_id": client["client_id"], "client_secret": client["client_secret"]})
        assert status == 400 and json.loads(body)["error"] == "invalid_grant"
        # ...which revoked the family it leaked from: sign in again for a fresh pair
        verifier, challenge = pkce_pair()
        status, _, page = fetch(opener, f"{base}/oauth/authorize?" + urllib.parse.urlencode({
            "response_type": "code", "client_id": client["client_id"], "redirect_uri": REDIRECT,
            "state": "s2", "code_challenge": challenge, "code_challenge_method": "S256"}))
        fields = {name: value for name, (_, value) in read_form(page).inputs.items()}
        fields.update(email="ann@example.com", password="s3cret password")
        status, headers, _ = fetch(opener, base + "/oauth/authorize", fields)
        status, _, body = fetch(urllib.request.build_opener(), base + "/oauth/token", {
            "grant_type": "authorization_code", "code": query_of(headers["Location"])["code"],
            "redirect_uri": REDIRECT, "code_verifier": verifier}, auth)
        access = json.loads(body)["access_token"]

        # Linked: Alexa, Dialogflow ES, Dialogflow CX and the text channel share one cart
        resp = http("POST", base + "/alexa",
                    alexa_envelope(shopping("add two gallons of whole milk"), access))[1]
        assert "whole milk" in resp["response"]["outputSpeech"]["ssml"].lower()
        df = {"Authorization": f"Bearer {DF_TOKEN}"}
        status, resp = http("POST", base + "/dialogflow/es", with_token(
            es_request("AddItem", {"item": "bananas"}, "add bananas", session="link-es"), access,
            es=True), df)
        assert status == 200 and "banana" in resp["fulfillmentText"].lower()
        status, resp = http("POST", base + "/dialogflow/cx", with_token(
            cx_request("AddItem", {"item": "sourdough bread"}, "add sourdough bread",
                       session="link-cx"), access, es=False), df)
        assert status == 200, resp

        bearer = {"Authorization": f"Bearer {access}"}
        session = "text-checkout"
        for text, expect in (("what's in my cart", "eggs"), ("check out", "pickup or delivery"),
                             ("pickup tomorrow at five pm", "shall i place the order"),
                             ("yes", "voice code"), ("eight two six four", "order is placed")):
            status, resp = http("POST", base + "/v1/converse", {"session_id": session, "text": text}, bearer)
            assert status == 200, resp
            assert expect in resp["speech"].lower(), (text, resp["speech"])

        orders = subprocess.run([sys.executable, "-c", "from skill.cli import main; main()",
                                 "orders", "list", "--json", "--db", str(db)], cwd=REPO,
                                capture_output=True, text=True, timeout=60)
        placed = json.loads(orders.stdout)
        assert len(placed) == 1 and placed[0]["user_id"] == customer
        names = " ".join(item["name"].lower() for item in placed[0]["items"])
        for word in ("eggs", "whole milk", "banana", "bread"):  # eggs from before linking
            assert word in names, names
        assert sum("eggs" in item["name"].lower() for item in placed[0]["items"]) == 1

        # The voice code never reached the server's log
        log = db.with_suffix(".server.log").read_text()
        assert not re.search(r"\b8264\b", log) and "eight two six four" not in log

        # Revoked: refused at once on every channel and by every worker
        status, _, _ = fetch(urllib.request.build_opener(), base + "/oauth/revoke",
                             {"token": access}, auth)
        assert status == 200
        for _ in range(4):  # two workers: each must refuse it
            status, resp = http("POST", base + "/v1/converse", {"text": "what's in my cart"}, bearer)
            assert status == 401
        resp = http("POST", base + "/alexa", alexa_envelope(shopping("check out"), access))[1]
        assert resp["response"]["card"]["type"] == "LinkAccount"
        status, resp = http("POST", base + "/dialogflow/es", with_token(
            es_request("ReadCart", {}, "what's in my cart", session="link-es-2"), access, es=True), df)
        assert status == 200 and "bananas" not in resp["fulfillmentText"].lower()
        # The grocer's own backend still uses the API token with a user id
        status, resp = http("POST", base + "/v1/converse", {"user_id": "backend-user", "text": "add milk"},
                            {"Authorization": f"Bearer {API_TOKEN}"})
        assert status == 200


def test_the_dev_server_has_a_demo_account_and_client_to_try_the_flow(tmp_path):
    from accounts.demo import (DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_CUSTOMER_ID, DEMO_EMAIL,
                               DEMO_PASSWORD, DEMO_REDIRECT_URIS)

    with running_server(tmp_path / "demo.db", "--dev", env={"VOICECART_AUTH": "builtin"}) as (base, _):
        verifier, challenge = pkce_pair()
        opener = browser()
        status, _, page = fetch(opener, f"{base}/oauth/authorize?" + urllib.parse.urlencode({
            "response_type": "code", "client_id": DEMO_CLIENT_ID, "redirect_uri": DEMO_REDIRECT_URIS[0],
            "state": "s", "code_challenge": challenge, "code_challenge_method": "S256"}))
        fields = {name: value for name, (_, value) in read_form(page).inputs.items()}
        fields.update(email=DEMO_EMAIL, password=DEMO_PASSWORD)
        status, headers, _ = fetch(opener, base + "/oauth/authorize", fields)
        assert status == 302
        status, _, body = fetch(urllib.request.build_opener(), base + "/oauth/token", {
            "grant_type": "authorization_code", "code": query_of(headers["Location"])["code"],
            "redirect_uri": DEMO_REDIRECT_URIS[0], "code_verifier": verifier},
            {"Authorization": basic(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET)})
        access = json.loads(body)["access_token"]
        # The demo account has the demo shopper's delivery address
        bearer = {"Authorization": f"Bearer {access}"}
        for text in ("add two gallons of whole milk and a dozen eggs", "deliver it tomorrow at noon",
                     "check out"):
            status, resp = http("POST", base + "/v1/converse", {"session_id": "d", "text": text}, bearer)
        assert status == 200 and "shall i place the order" in resp["speech"].lower(), resp
    # ...and a server outside developer mode has neither
    with running_server(tmp_path / "prod.db", env={"VOICECART_AUTH": "builtin"}) as (base, _):
        status, _, _ = fetch(browser(), f"{base}/oauth/authorize?" + urllib.parse.urlencode({
            "response_type": "code", "client_id": DEMO_CLIENT_ID, "redirect_uri": DEMO_REDIRECT_URIS[0],
            "code_challenge": challenge, "code_challenge_method": "S256"}))
        assert status == 400
    assert DEMO_CUSTOMER_ID.startswith("account:")
