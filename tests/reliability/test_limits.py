"""Limits (issue 11, part 6): a body size limit on every route, a timeout on every outbound call,
and logs that never hold access tokens, credentials or full delivery addresses.
"""
from __future__ import annotations

import ast
import base64
import logging
import socket
import threading
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest

import alexa_ca
from alexa_ca import FixedClock, ThrowawayCA
from reliability.kit import (CLEAN_ENV, DEMO_ADDRESS_PARTS, DEMO_USER, EGGS, WHOLE_MILK,
                             alexa, alexa_add,
                             alexa_pickup, alexa_speech, converse, copy_db, es_request, orders_of)
from skill.alexa import verify
from skill.alexa.verify import AlexaRequestVerifier, CertificateFetcher, VerificationError
from skill.app import create_app
from skill.config import MAX_BODY_BYTES, Config
from support import REPO, http, read_response, running_server

POST_ROUTES = ("/alexa", "/dialogflow/es", "/dialogflow/cx", "/v1/converse")

# Secrets a log must never hold
ACCESS_TOKEN = "atza|SECRET-alexa-api-access-token-" + uuid.uuid4().hex
API_TOKEN = "SECRET-text-channel-token-" + uuid.uuid4().hex
DF_PASSWORD = "SECRET-dialogflow-password-" + uuid.uuid4().hex
DF_TOKEN = "SECRET-dialogflow-bearer-" + uuid.uuid4().hex
BASIC = base64.b64encode(f"agent:{DF_PASSWORD}".encode()).decode()
SECRETS = (ACCESS_TOKEN, API_TOKEN, DF_PASSWORD, DF_TOKEN, BASIC, "SECRET") + DEMO_ADDRESS_PARTS


# --- body size ------------------------------------------------------------------------------

def _oversized(route: str) -> bytes:
    """A well-formed request of the route, padded just past the limit."""
    pad = "x" * (MAX_BODY_BYTES + 1)
    if route == "/v1/converse":
        return converse("u", "s", pad).__repr__().replace("'", '"').encode()
    return ('{"padding": "' + pad + '", "session": "s"}').encode()


@pytest.mark.parametrize("dev", [True, False])
@pytest.mark.parametrize("route", POST_ROUTES)
def test_every_route_refuses_a_body_over_the_limit_with_a_reason(tmp_path, seeded_db, route, dev):
    config = Config(db_path=copy_db(seeded_db, tmp_path / "l.db"), dev=dev, api_token="tok",
                    dialogflow_user="agent", dialogflow_password="pw")
    client = create_app(config, clock=FixedClock()).test_client()
    auth = {"Authorization": "Bearer tok"} if route == "/v1/converse" else \
        {"Authorization": "Basic " + base64.b64encode(b"agent:pw").decode()}
    response = client.post(route, data=_oversized(route), content_type="application/json", headers=auth)
    assert response.status_code == 413
    assert "exceeds" in response.get_json()["reason"] or "large" in response.get_json()["reason"]
    # just under the limit is read (and refused, or answered, for what it says)
    small = client.post(route, data=b'{"padding": "' + b"x" * (MAX_BODY_BYTES - 100) + b'"}',
                        content_type="application/json", headers=auth)
    assert small.status_code in (200, 400)


@contextmanager
def _raw_connection(base: str):
    host, port = base.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=10)
    try:
        yield sock
    finally:
        sock.close()


def _read_status(sock: socket.socket) -> int:
    return int(read_response(sock).split(b" ", 2)[1])


@pytest.mark.slow
def test_a_live_server_refuses_big_bodies_on_every_route_declared_or_chunked(tmp_path, seeded_db):
    db = copy_db(seeded_db, tmp_path / "big.db")
    with running_server(db, "--dev", env=CLEAN_ENV, workers=2) as (base, _):
        for route in POST_ROUTES:
            status, body = http("POST", base + route, _oversized(route))
            assert status == 413 and body["reason"], (route, status, body)
            # no Content-Length: the limit still holds while the body streams in
            with _raw_connection(base) as sock:
                sock.sendall(f"POST {route} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                             "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n".encode())
                chunk = b"x" * 16384
                try:
                    for _ in range(MAX_BODY_BYTES // len(chunk) + 4):
                        sock.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                    sock.sendall(b"0\r\n\r\n")
                except OSError:
                    pass  # the server may answer and close before the whole body is sent
                assert _read_status(sock) in (400, 413), route


# --- outbound calls have timeouts ------------------------------------------------------------

def test_every_outbound_call_in_the_code_passes_a_timeout():
    """urlopen / opener.open / socket connections in the product code all name a timeout."""
    outbound = {"urlopen", "create_connection", "HTTPConnection", "HTTPSConnection"}
    calls = []
    for package in ("skill", "intents", "cart", "catalog"):
        for path in (REPO / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if not isinstance(node, ast.Call):
                    continue
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                opener = name == "open" and isinstance(func, ast.Attribute) and \
                    getattr(func.value, "id", "") == "opener"
                if name in outbound or opener:
                    calls.append((f"{path.relative_to(REPO)}:{node.lineno}",
                                  any(k.arg == "timeout" for k in node.keywords)))
    assert calls, "expected at least the Alexa certificate fetch"
    assert [where for where, timed in calls if not timed] == []
    assert 0 < verify.FETCH_TIMEOUT_SECONDS <= 5
    assert CertificateFetcher().timeout == verify.FETCH_TIMEOUT_SECONDS
    assert AlexaRequestVerifier().fetcher.timeout == verify.FETCH_TIMEOUT_SECONDS


@contextmanager
def _slow_server(mode: str):
    """A 127.0.0.1 server that never answers ("silent"), or sends its body ("trickle") or its
    headers ("trickle-headers") a byte every 0.1 s, each read well inside a socket timeout;
    stops within a second of the block's end."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.2)
    stop = threading.Event()
    stalled_to_the_end = threading.Event()  # set only if a client sat through the whole stall
    conns: list[socket.socket] = []

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            conns.append(conn)
            threading.Thread(target=trickle, args=(conn,), daemon=True).start()

    def trickle(conn: socket.socket) -> None:
        try:
            conn.recv(65536)
            if mode == "silent":  # never a byte, for 30 s
                if not stop.wait(30):
                    stalled_to_the_end.set()
                return
            if mode == "trickle":  # the body a byte at a time
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/x-pem-file\r\n"
                             b"Content-Length: 100000\r\n\r\n")
            else:  # the headers a byte at a time
                conn.sendall(b"HTTP/1.1 200 OK\r\nX-Slow: ")
            for _ in range(300):  # at most 30 s, however the test goes
                if stop.wait(0.1):
                    return
                conn.sendall(b"-")
            stalled_to_the_end.set()
        except OSError:  # the client hung up mid-stall: what a deadline should make it do
            return

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/echo.api/cert.pem", stalled_to_the_end
    finally:
        stop.set()
        thread.join(timeout=5)
        for conn in conns:
            conn.close()
        listener.close()


@pytest.mark.parametrize("mode", ["silent", "trickle", "trickle-headers"])
def test_a_slow_certificate_download_fails_fast(mode):
    with _slow_server(mode) as (url, stalled_to_the_end):
        fetcher = CertificateFetcher(timeout=0.5)
        with pytest.raises(VerificationError) as caught:
            fetcher.get_chain(url)
        # the fetch gave up while the server was still stalling (30 s): a deadline, not luck
        assert not stalled_to_the_end.is_set()
    assert caught.value.reason == "cert fetch failed"


class _LocalFetcher(CertificateFetcher):
    """The production download code, pointed at a local stand-in for s3.amazonaws.com."""

    def __init__(self, local_url: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.local_url = local_url

    def fetch(self, url: str) -> bytes:
        return super().fetch(self.local_url)


@pytest.mark.parametrize("mode", ["silent", "trickle"])
def test_an_alexa_request_whose_certificate_hangs_gets_a_quick_400(tmp_path, seeded_db, mode):
    ca = ThrowawayCA()
    clock = FixedClock()
    with _slow_server(mode) as (url, stalled_to_the_end):
        verifier = AlexaRequestVerifier(fetcher=_LocalFetcher(url, timeout=0.5, clock=clock), clock=clock,
                                        trust_roots=[ca.root], skill_id=alexa_ca.SKILL_ID)
        app = create_app(Config(db_path=copy_db(seeded_db, tmp_path / "v.db"),
                                alexa_skill_id=alexa_ca.SKILL_ID), clock=clock, alexa_verifier=verifier)
        body = alexa_ca.body_of(alexa_ca.launch_request())
        response = app.test_client().post("/alexa", data=body, headers=ca.headers(body),
                                          content_type="application/json")
        assert not stalled_to_the_end.is_set()  # answered while the download was still stalled
    assert response.status_code == 400
    assert "cert fetch failed" in response.get_json()["reason"]


# --- logs ----------------------------------------------------------------------------------------

def _dialog(client, ca: ThrowawayCA, clock) -> None:
    """Every channel, with credentials and the demo shopper's delivery checkout."""
    def signed(env: dict, *, tamper: bool = False) -> dict:
        body = alexa_ca.body_of(env)
        headers = ca.headers(body)
        if tamper:
            body = body.replace(b"pickup", b"pickuP")
        return client.post("/alexa", data=body, headers=headers, content_type="application/json")

    user, session = "amzn1.ask.account.LOGS", f"amzn1.echo-api.session.{uuid.uuid4()}"
    common = dict(user=user, session=session, access_token=ACCESS_TOKEN, now=clock())
    for env in (alexa(None, new=True, **common), alexa_add(WHOLE_MILK, 4, **common),
                alexa("CheckoutIntent", **common),
                alexa_pickup(**common), alexa("AMAZON.YesIntent", **common)):
        env["context"]["System"]["application"]["applicationId"] = alexa_ca.SKILL_ID
        response = signed(env)
        assert response.status_code == 200, response.get_json()
    last = alexa_speech(response.get_json())
    assert "Your order is placed" in last
    tampered = alexa_pickup(**common)
    tampered["context"]["System"]["application"]["applicationId"] = alexa_ca.SKILL_ID
    assert signed(tampered, tamper=True).status_code == 400
    broken = alexa_add(EGGS, 1, **common)
    broken["context"]["System"]["application"]["applicationId"] = alexa_ca.SKILL_ID
    broken["request"]["intent"]["slots"] = ["not", "a", "map"]
    assert signed(broken).status_code == 400

    text = {"Authorization": f"Bearer {API_TOKEN}"}
    assert client.post("/v1/converse", json=converse(DEMO_USER, "d1", "hi"),
                       headers={"Authorization": f"Bearer {API_TOKEN}x"}).status_code == 401
    for said in ("add four dozen large white eggs", "check out for delivery", "yes"):
        response = client.post("/v1/converse", json=converse(DEMO_USER, "d1", said), headers=text)
        assert response.status_code == 200
    assert "Your order is placed for delivery" in response.get_json()["speech"]

    for headers in ({"Authorization": f"Basic {BASIC}"}, {"Authorization": f"Bearer {DF_TOKEN}"},
                    {"Authorization": f"Basic {base64.b64encode(f'agent:{DF_PASSWORD}x'.encode()).decode()}"},
                    {"Authorization": f"Bearer {DF_TOKEN}x"}):
        client.post("/dialogflow/es", headers=headers,
                    json=es_request("ReadCart", {}, "what's in my cart", user=DEMO_USER))


def test_logs_hold_no_tokens_credentials_or_addresses(tmp_path, seeded_db, caplog):
    ca = ThrowawayCA()
    clock = FixedClock()
    db = copy_db(seeded_db, tmp_path / "logs.db")
    verifier = AlexaRequestVerifier(fetcher=ca.fake_fetch(), clock=clock, trust_roots=[ca.root],
                                    skill_id=alexa_ca.SKILL_ID)
    config = Config(db_path=db, api_token=API_TOKEN, dialogflow_user="agent", dialogflow_password=DF_PASSWORD,
                    dialogflow_token=DF_TOKEN, alexa_skill_id=alexa_ca.SKILL_ID)
    with caplog.at_level(logging.DEBUG):
        client = create_app(config, clock=clock, alexa_verifier=verifier).test_client()
        _dialog(client, ca, clock)
    (order,) = orders_of(db, DEMO_USER)
    assert order["fulfillment"]["address"]["line1"] == DEMO_ADDRESS_PARTS[0]  # it was a delivery
    assert len(caplog.records) > 10
    logged = caplog.text + "\n".join(str(r.args) for r in caplog.records)
    assert [s for s in SECRETS if s in logged] == []


@pytest.mark.slow
def test_a_live_servers_log_file_holds_no_tokens_credentials_or_addresses(tmp_path, seeded_db):
    db = copy_db(seeded_db, tmp_path / "live-logs.db")
    env = {"VOICECART_DIALOGFLOW_USER": "agent", "VOICECART_DIALOGFLOW_PASSWORD": DF_PASSWORD,
           "VOICECART_DIALOGFLOW_TOKEN": DF_TOKEN, "VOICECART_API_TOKEN": API_TOKEN}
    with running_server(db, "--dev", "--access-log", env={**CLEAN_ENV, **env}, workers=2) as (base, _):
        user, session = "amzn1.ask.account.LIVELOGS", f"amzn1.echo-api.session.{uuid.uuid4()}"
        common = dict(user=user, session=session, access_token=ACCESS_TOKEN)
        for make in (lambda: alexa_add(WHOLE_MILK, 4, new=True, **common), lambda: alexa("CheckoutIntent", **common),
                     lambda: alexa_pickup(**common), lambda: alexa("AMAZON.YesIntent", **common)):
            status, body = http("POST", base + "/alexa", make(), headers={"Authorization": f"Bearer {API_TOKEN}"})
            assert status == 200
        assert "Your order is placed" in alexa_speech(body)
        status, body = http("POST", base + "/alexa", b'{"request": {"type": "LaunchRequest", "timestamp": 5},'
                            b' "context": {"System": {"apiAccessToken": "' + ACCESS_TOKEN.encode() + b'"}}}')
        assert status == 400
        for said in ("add four dozen large white eggs", "check out for delivery", "yes"):
            status, body = http("POST", base + "/v1/converse", converse(DEMO_USER, "live-d1", said),
                                headers={"Authorization": f"Bearer {API_TOKEN}"})
            assert status == 200
        assert "Your order is placed for delivery" in body["speech"]
        for auth in (f"Basic {BASIC}", f"Bearer {DF_TOKEN}", "Basic " + base64.b64encode(b"agent:nope").decode()):
            http("POST", base + "/dialogflow/es", es_request("ReadCart", {}, "what's in my cart", user=DEMO_USER),
                 headers={"Authorization": auth})
    log = Path(db.with_suffix(".server.log")).read_text(errors="replace")
    assert "POST /alexa" in log and "POST /v1/converse" in log  # the access log was on
    assert [s for s in SECRETS if s in log] == []
