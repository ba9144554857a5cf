"""JWT (against a JWKS served on 127.0.0.1) and RFC 7662 introspection (a stand-in identity
provider on 127.0.0.1) as token validators, through the app's real routes."""
from __future__ import annotations

import base64
import json
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from skill.config import Config, ConfigError

from .test_linking import alexa, card, said

ISSUER = "https://id.grocer.example/"
AUDIENCE = "voicecart"


class IdentityProvider:
    """A stand-in identity provider: /jwks.json and /introspect, with a call count."""

    def __init__(self) -> None:
        self.jwks: dict = {"keys": []}
        self.active: dict[str, dict] = {}
        self.calls = {"jwks": 0, "introspect": 0}
        self.client = ("voicecart", "idp-secret")
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _send(self, status: int, body: dict) -> None:
                raw = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def do_GET(self):
                provider.calls["jwks"] += 1
                self._send(200, provider.jwks) if self.path == "/jwks.json" else self._send(404, {})

            def do_POST(self):
                provider.calls["introspect"] += 1
                expected = "Basic " + base64.b64encode(":".join(provider.client).encode()).decode()
                if self.headers.get("Authorization") != expected:
                    return self._send(401, {"error": "invalid_client"})
                length = int(self.headers.get("Content-Length", 0))
                token = parse_qs(self.rfile.read(length).decode()).get("token", [""])[0]
                self._send(200, provider.active.get(token, {"active": False}))

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@contextmanager
def identity_provider():
    provider = IdentityProvider()
    thread = threading.Thread(target=provider.server.serve_forever, daemon=True)
    thread.start()
    try:
        yield provider
    finally:
        provider.stop()


@pytest.fixture(scope="module")
def keys():
    ours = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    forger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return ours, forger


def sign(key, *, kid="k1", alg="RS256", **claims) -> str:
    body = {"iss": ISSUER, "aud": AUDIENCE, "sub": "shopper-7", "exp": int(time.time()) + 600,
            "iat": int(time.time())}
    body.update(claims)
    return jwt.encode(body, key, algorithm=alg, headers={"kid": kid})


def jwt_server(new_server, provider, keys):
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(keys[0].public_key()))
    provider.jwks = {"keys": [{**jwk, "kid": "k1", "use": "sig", "alg": "RS256"}]}
    return new_server(auth="jwt", jwks_url=provider.base + "/jwks.json",
                      jwt_issuer=ISSUER, jwt_audience=AUDIENCE)


def test_a_valid_jwt_links_the_shopper(new_server, keys):
    with identity_provider() as provider:
        server = jwt_server(new_server, provider, keys)
        token = sign(keys[0])
        assert "eggs" in said(alexa(server, "add a dozen eggs", token))
        assert card(alexa(server, "check out", token)) != "LinkAccount"
        repo = server.app.extensions["voicecart"].carts()
        assert repo.get_cart("account:shopper-7").item_count == 1


def test_expired_forged_and_misaddressed_jwts_get_the_link_card(new_server, keys):
    ours, forger = keys
    public_pem = ours.public_key().public_bytes(serialization.Encoding.PEM,
                                                serialization.PublicFormat.SubjectPublicKeyInfo)
    bad = {
        "expired": sign(ours, exp=int(time.time()) - 3600),
        "forged": sign(forger),
        "unknown kid": sign(forger, kid="k2"),
        "audience": sign(ours, aud="someone-else"),
        "issuer": sign(ours, iss="https://evil.example/"),
        "no subject": jwt.encode({"iss": ISSUER, "aud": AUDIENCE, "exp": int(time.time()) + 600},
                                 ours, algorithm="RS256", headers={"kid": "k1"}),
        "alg none": jwt.encode({"iss": ISSUER, "aud": AUDIENCE, "sub": "x", "exp": int(time.time()) + 600},
                               None, algorithm="none", headers={"kid": "k1"}),
        "garbage": "not.a.jwt",
    }
    # HS256 keyed with the public key: the key-confusion forgery (PyJWT itself refuses to
    # sign with a PEM as an HMAC secret, so the token is built by hand)
    header = base64.urlsafe_b64encode(json.dumps({"alg": "HS256", "kid": "k1"}).encode()).rstrip(b"=")
    payload = base64.urlsafe_b64encode(json.dumps({"iss": ISSUER, "aud": AUDIENCE, "sub": "x",
                                                   "exp": int(time.time()) + 600}).encode()).rstrip(b"=")
    import hashlib
    import hmac
    mac = base64.urlsafe_b64encode(hmac.new(public_pem, header + b"." + payload, hashlib.sha256).digest()).rstrip(b"=")
    bad["hs256 with the public key"] = (header + b"." + payload + b"." + mac).decode()
    with identity_provider() as provider:
        server = jwt_server(new_server, provider, keys)
        for why, token in bad.items():
            response = alexa(server, "check out", token)
            assert card(response) == "LinkAccount", why


def test_the_jwks_being_down_gets_an_apology_and_no_order(new_server, keys):
    with identity_provider() as provider:
        server = jwt_server(new_server, provider, keys)
    # the provider is gone now: a new token cannot be checked
    response = alexa(server, "check out", sign(keys[0], sub="someone-new"))
    assert "can't check your account" in said(response)
    repo = server.app.extensions["voicecart"].carts()
    assert repo.list_orders() == []
    resp = server.http.post("/v1/converse", json={"text": "check out"},
                            headers={"Authorization": f"Bearer {sign(keys[0])}"})
    assert resp.status_code == 503 and "can't check your account" in resp.get_json()["reason"]


def introspection_server(new_server, provider):
    return new_server(auth="introspection", introspection_url=provider.base + "/introspect",
                      introspection_client_id=provider.client[0],
                      introspection_client_secret=provider.client[1])


def test_introspection_links_an_active_token_and_caches_the_answer(new_server):
    with identity_provider() as provider:
        provider.active["good-token"] = {"active": True, "sub": "ann-42", "exp": int(time.time()) + 600}
        server = introspection_server(new_server, provider)
        for _ in range(3):
            resp = server.http.post("/v1/converse", json={"text": "add a dozen eggs"},
                                    headers={"Authorization": "Bearer good-token"})
            assert resp.status_code == 200 and "eggs" in resp.get_json()["speech"].lower()
        assert provider.calls["introspect"] == 1  # cached until the token expires
        repo = server.app.extensions["voicecart"].carts()
        assert repo.get_cart("account:ann-42").lines[0].quantity == 3
        for token in ("unknown-token", "expired-token"):
            provider.active["expired-token"] = {"active": True, "sub": "ann-42", "exp": int(time.time()) - 5}
            resp = server.http.post("/v1/converse", json={"text": "add eggs"},
                                    headers={"Authorization": f"Bearer {token}"})
            assert resp.status_code == 401
        assert card(alexa(server, "check out", "unknown-token")) == "LinkAccount"


def test_introspection_with_wrong_client_credentials_or_down_is_an_apology(new_server):
    with identity_provider() as provider:
        provider.active["good-token"] = {"active": True, "sub": "ann-42", "exp": int(time.time()) + 600}
        provider.client = ("voicecart", "rotated-secret")  # ours no longer works: 401 from the IdP
        server = new_server(auth="introspection",
                            introspection_url=provider.base + "/introspect",
                            introspection_client_id="voicecart", introspection_client_secret="idp-secret")
        response = alexa(server, "check out", "good-token")
        assert "can't check your account" in said(response) and response["shouldEndSession"] is True
    response = alexa(server, "add eggs", "good-token")  # and with the provider gone
    assert "can't check your account" in said(response)


@pytest.mark.parametrize("env, problem", [
    ({"VOICECART_AUTH": "jwt"}, "needs VOICECART_JWKS_URL"),
    ({"VOICECART_AUTH": "jwt", "VOICECART_JWKS_URL": "https://id.example/jwks"}, "needs VOICECART_JWT_ISSUER"),
    ({"VOICECART_AUTH": "jwt", "VOICECART_JWKS_URL": "http://id.example/jwks", "VOICECART_JWT_ISSUER": "i",
      "VOICECART_JWT_AUDIENCE": "a"}, "https"),
    ({"VOICECART_AUTH": "jwt", "VOICECART_JWKS_URL": "http://127.0.0.1:9/jwks", "VOICECART_JWT_ISSUER": "i",
      "VOICECART_JWT_AUDIENCE": "a"}, "https"),  # loopback http only in --dev
    ({"VOICECART_AUTH": "introspection", "VOICECART_INTROSPECTION_URL": "https://id.example/i"},
     "needs VOICECART_INTROSPECTION_CLIENT_ID"),
])
def test_remote_validator_settings_are_checked_at_start(env, problem):
    with pytest.raises(ConfigError, match=problem):
        Config.from_env(env).check()
