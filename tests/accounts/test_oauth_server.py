"""The built-in authorization server over HTTP (Flask's test client, a real SQLite file):
the login form, codes with PKCE, token exchange, rotation, revocation, and hostile input."""
from __future__ import annotations

from urllib.parse import urlencode

import pytest

from accounts.oauth import customer_for_access_token
from oauth_kit import basic, pkce_pair, query_of, read_form

from .conftest import ALEXA_REDIRECT, LOCAL_REDIRECT, PASSWORD


def authorize_params(server, challenge, *, redirect_uri=ALEXA_REDIRECT, state="xyz-state", **extra):
    params = {"response_type": "code", "client_id": server.client_id, "redirect_uri": redirect_uri,
              "state": state, "code_challenge": challenge, "code_challenge_method": "S256",
              "scope": "shopping"}
    params.update(extra)
    return {k: v for k, v in params.items() if v is not None}


def login(server, challenge, *, password=PASSWORD, **params):
    page = server.http.get("/oauth/authorize?" + urlencode(authorize_params(server, challenge, **params)))
    assert page.status_code == 200, page.get_data(as_text=True)
    form = read_form(page.get_data(as_text=True))
    fields = {name: value for name, (_, value) in form.inputs.items()}
    fields.update(email="Ann@Example.com", password=password)
    return server.http.post(form.action, data=fields)


def get_code(server, challenge, **params) -> str:
    resp = login(server, challenge, **params)
    assert resp.status_code in (302, 303), resp.get_data(as_text=True)
    return query_of(resp.headers["Location"])["code"]


def token(server, data, *, auth=None):
    headers = {"Authorization": auth} if auth else {}
    return server.http.post("/oauth/token", data=data, headers=headers)


def exchange(server, code, verifier, redirect_uri=ALEXA_REDIRECT):
    return token(server, {"grant_type": "authorization_code", "code": code,
                          "redirect_uri": redirect_uri, "code_verifier": verifier},
                 auth=basic(server.client_id, server.client_secret))


def valid(server, access_token) -> str | None:
    return customer_for_access_token(server.accounts(), access_token, now=server.clock())


def test_the_form_has_email_password_and_hidden_fields_and_no_caching(server):
    _, challenge = pkce_pair()
    page = server.http.get("/oauth/authorize?" + urlencode(authorize_params(server, challenge)))
    form = read_form(page.get_data(as_text=True))
    assert form.method == "post" and form.action == "/oauth/authorize"
    assert form.inputs["email"][0] == "email" and form.inputs["password"][0] == "password"
    assert form.inputs["state"] == ("hidden", "xyz-state")
    assert form.inputs["code_challenge"] == ("hidden", challenge)
    assert form.inputs["csrf_token"][0] == "hidden"
    assert page.headers["Cache-Control"] == "no-store"
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]


def test_full_flow_code_token_refresh_rotation_and_revocation(server):
    verifier, challenge = pkce_pair()
    resp = login(server, challenge)
    assert resp.status_code == 302
    location = resp.headers["Location"]
    assert location.startswith(ALEXA_REDIRECT + "?")
    query = query_of(location)
    assert query["state"] == "xyz-state" and query["code"]

    tokens = exchange(server, query["code"], verifier)
    assert tokens.status_code == 200 and tokens.headers["Cache-Control"] == "no-store"
    body = tokens.get_json()
    assert body["token_type"] == "Bearer" and body["expires_in"] >= 3600
    assert body["scope"] == "shopping"
    assert valid(server, body["access_token"]) == server.customer_id

    # Refresh with the client in the body this time (Alexa's other scheme): a new pair
    refreshed = token(server, {"grant_type": "refresh_token", "refresh_token": body["refresh_token"],
                               "client_id": server.client_id, "client_secret": server.client_secret})
    assert refreshed.status_code == 200, refreshed.get_json()
    new = refreshed.get_json()
    assert new["refresh_token"] != body["refresh_token"] and new["access_token"] != body["access_token"]
    assert valid(server, new["access_token"]) == server.customer_id
    assert valid(server, body["access_token"]) is None  # the rotated-out pair is gone

    revoked = server.http.post("/oauth/revoke", data={"token": new["access_token"]},
                               headers={"Authorization": basic(server.client_id, server.client_secret)})
    assert revoked.status_code == 200
    assert valid(server, new["access_token"]) is None
    again = token(server, {"grant_type": "refresh_token", "refresh_token": new["refresh_token"]},
                  auth=basic(server.client_id, server.client_secret))
    assert again.status_code == 400 and again.get_json()["error"] == "invalid_grant"


def test_access_tokens_expire_after_their_lifetime(server):
    verifier, challenge = pkce_pair()
    body = exchange(server, get_code(server, challenge), verifier).get_json()
    server.clock.advance(minutes=59)
    assert valid(server, body["access_token"]) == server.customer_id
    server.clock.advance(minutes=2)
    assert valid(server, body["access_token"]) is None


def test_a_reused_code_is_invalid_grant_and_revokes_what_it_issued(server):
    verifier, challenge = pkce_pair()
    code = get_code(server, challenge)
    first = exchange(server, code, verifier).get_json()
    second = exchange(server, code, verifier)
    assert second.status_code == 400 and second.get_json()["error"] == "invalid_grant"
    assert valid(server, first["access_token"]) is None


def test_a_rotated_refresh_token_used_again_revokes_the_family(server):
    verifier, challenge = pkce_pair()
    first = exchange(server, get_code(server, challenge), verifier).get_json()
    auth = basic(server.client_id, server.client_secret)
    second = token(server, {"grant_type": "refresh_token", "refresh_token": first["refresh_token"]},
                   auth=auth).get_json()
    replay = token(server, {"grant_type": "refresh_token", "refresh_token": first["refresh_token"]},
                   auth=auth)
    assert replay.status_code == 400 and replay.get_json()["error"] == "invalid_grant"
    assert valid(server, second["access_token"]) is None


@pytest.mark.parametrize("verifier", ["wrong-" + "a" * 50, "short", "", "a" * 129, "ü" * 50])
def test_a_bad_pkce_verifier_is_invalid_grant(server, verifier):
    _, challenge = pkce_pair()
    resp = exchange(server, get_code(server, challenge), verifier)
    assert resp.status_code == 400 and resp.get_json()["error"] == "invalid_grant"


def test_the_redirect_uri_at_the_token_endpoint_must_match(server):
    verifier, challenge = pkce_pair()
    resp = exchange(server, get_code(server, challenge), verifier, redirect_uri=LOCAL_REDIRECT)
    assert resp.status_code == 400 and resp.get_json()["error"] == "invalid_grant"


def test_another_clients_code_is_invalid_grant(server):
    from accounts import services
    other = services.add_client(server.accounts(), name="alexa", redirect_uris=[ALEXA_REDIRECT],
                                now=server.clock())
    verifier, challenge = pkce_pair()
    code = get_code(server, challenge)
    resp = token(server, {"grant_type": "authorization_code", "code": code,
                          "redirect_uri": ALEXA_REDIRECT, "code_verifier": verifier},
                 auth=basic(other.client.id, other.secret))
    assert resp.status_code == 400 and resp.get_json()["error"] == "invalid_grant"


@pytest.mark.parametrize("redirect_uri", [
    "https://evil.example/steal",
    ALEXA_REDIRECT + "/../../evil",
    ALEXA_REDIRECT + "?next=https://evil.example",
    ALEXA_REDIRECT.upper(),
    "https://pitangui.amazon.com.evil.example/api/skill/link/M2AAAAAAAAAAAA",
    "//evil.example",
    "javascript:alert(1)",
])
def test_unregistered_redirect_uris_are_shown_an_error_never_redirected(server, redirect_uri):
    _, challenge = pkce_pair()
    resp = server.http.get("/oauth/authorize?" + urlencode(
        authorize_params(server, challenge, redirect_uri=redirect_uri)))
    assert resp.status_code == 400 and "Location" not in resp.headers
    assert "invalid_request" in resp.get_data(as_text=True)


def test_unknown_client_is_an_error_page(server):
    _, challenge = pkce_pair()
    resp = server.http.get("/oauth/authorize?" + urlencode(
        authorize_params(server, challenge, client_id="client_nope")))
    assert resp.status_code == 400 and "Location" not in resp.headers


@pytest.mark.parametrize("change, error", [
    ({"code_challenge": None}, "invalid_request"),
    ({"code_challenge_method": "plain"}, "invalid_request"),
    ({"code_challenge_method": None}, "invalid_request"),
    ({"code_challenge": "too-short"}, "invalid_request"),
    ({"response_type": "token"}, "unsupported_response_type"),
    ({"scope": 'bad"scope'}, "invalid_scope"),
])
def test_bad_requests_with_a_good_redirect_uri_go_back_with_the_error(server, change, error):
    _, challenge = pkce_pair()
    resp = server.http.get("/oauth/authorize?" + urlencode(authorize_params(server, challenge, **change)))
    assert resp.status_code == 302
    query = query_of(resp.headers["Location"])
    assert resp.headers["Location"].startswith(ALEXA_REDIRECT)
    assert query["error"] == error and query["state"] == "xyz-state" and "code" not in query


def test_http_redirect_uris_only_in_dev_and_only_on_loopback(new_server):
    _, challenge = pkce_pair()
    prod = new_server(dev=False)
    resp = prod.http.get("/oauth/authorize?" + urlencode(
        authorize_params(prod, challenge, redirect_uri=LOCAL_REDIRECT)))
    assert resp.status_code == 400 and "Location" not in resp.headers
    dev = new_server(dev=True)
    verifier, challenge = pkce_pair()
    assert get_code(dev, challenge, redirect_uri=LOCAL_REDIRECT)


def test_oversized_fields_are_refused_with_oauth_errors_never_500(server):
    verifier, challenge = pkce_pair()
    resp = server.http.get("/oauth/authorize?" + urlencode(
        authorize_params(server, challenge, state="s" * 5000)))
    assert resp.status_code == 400 and "Location" not in resp.headers
    resp = server.http.get("/oauth/authorize?" + urlencode(
        authorize_params(server, challenge, scope="s" * 5000)))
    assert resp.status_code == 302 and query_of(resp.headers["Location"])["error"] == "invalid_request"
    resp = login(server, challenge, password="p" * 5000)
    assert resp.status_code == 400 and "Location" not in resp.headers
    huge = token(server, {"grant_type": "authorization_code", "code": "c" * 10000,
                          "redirect_uri": ALEXA_REDIRECT, "code_verifier": verifier},
                 auth=basic(server.client_id, server.client_secret))
    assert huge.status_code == 400 and huge.get_json()["error"] == "invalid_request"
    resp = token(server, {"grant_type": "refresh_token", "refresh_token": "r" * 100_000},
                 auth=basic(server.client_id, server.client_secret))
    assert resp.status_code in (400, 413)


def test_client_authentication_at_the_token_endpoint(server):
    verifier, challenge = pkce_pair()
    code = get_code(server, challenge)
    data = {"grant_type": "authorization_code", "code": code, "redirect_uri": ALEXA_REDIRECT,
            "code_verifier": verifier}
    wrong = token(server, data, auth=basic(server.client_id, "not-the-secret"))
    assert wrong.status_code == 401 and wrong.get_json()["error"] == "invalid_client"
    assert "WWW-Authenticate" in wrong.headers
    assert token(server, data).get_json()["error"] == "invalid_client"
    both = token(server, {**data, "client_id": server.client_id, "client_secret": server.client_secret},
                 auth=basic(server.client_id, server.client_secret))
    assert both.status_code == 400 and both.get_json()["error"] == "invalid_request"
    garbage = token(server, data, auth="Basic %%%not-base64")
    assert garbage.status_code == 401 and garbage.get_json()["error"] == "invalid_client"
    # The refused attempts never consumed the code
    assert token(server, data, auth=basic(server.client_id, server.client_secret)).status_code == 200


def test_grant_types_and_missing_parameters(server):
    auth = basic(server.client_id, server.client_secret)
    assert token(server, {"grant_type": "password"}, auth=auth).get_json()["error"] == "unsupported_grant_type"
    assert token(server, {}, auth=auth).get_json()["error"] == "invalid_request"
    assert token(server, {"grant_type": "authorization_code"}, auth=auth).get_json()["error"] == "invalid_request"
    assert token(server, {"grant_type": "authorization_code", "code": "nope", "redirect_uri": ALEXA_REDIRECT,
                          "code_verifier": "v" * 43}, auth=auth).get_json()["error"] == "invalid_grant"
    assert server.http.post("/oauth/revoke", data={}, headers={"Authorization": auth}).get_json()["error"] \
        == "invalid_request"
    assert server.http.post("/oauth/revoke", data={"token": "unknown"},
                            headers={"Authorization": auth}).status_code == 200


def test_another_client_cannot_revoke_my_token(server):
    from accounts import services
    other = services.add_client(server.accounts(), name="other", redirect_uris=[ALEXA_REDIRECT],
                                now=server.clock())
    verifier, challenge = pkce_pair()
    body = exchange(server, get_code(server, challenge), verifier).get_json()
    resp = server.http.post("/oauth/revoke", data={"token": body["access_token"]},
                            headers={"Authorization": basic(other.client.id, other.secret)})
    assert resp.status_code == 200
    assert valid(server, body["access_token"]) == server.customer_id


def test_the_form_needs_its_csrf_pair(server):
    _, challenge = pkce_pair()
    fields = {**authorize_params(server, challenge), "email": "ann@example.com", "password": PASSWORD}
    resp = server.http.post("/oauth/authorize", data=fields)  # no cookie, no token
    assert resp.status_code == 400 and "Location" not in resp.headers
    page = server.http.get("/oauth/authorize?" + urlencode(authorize_params(server, challenge)))
    token_value = read_form(page.get_data(as_text=True)).inputs["csrf_token"][1]
    other_browser = server.app.test_client()  # has no cookie: a forged cross-site post
    resp = other_browser.post("/oauth/authorize", data={**fields, "csrf_token": token_value})
    assert resp.status_code == 400 and "Location" not in resp.headers


def test_wrong_passwords_lock_the_account_then_the_lock_ends(server):
    _, challenge = pkce_pair()
    for _ in range(4):
        resp = login(server, challenge, password="wrong password")
        assert resp.status_code == 401 and "Location" not in resp.headers
        assert "Wrong email or password" in resp.get_data(as_text=True)
    assert login(server, challenge, password="wrong password").status_code == 429
    locked = login(server, challenge)  # even the right password, while locked
    assert locked.status_code == 429 and "Location" not in locked.headers
    server.clock.advance(minutes=16)
    assert login(server, challenge).status_code == 302


def test_an_unknown_email_gets_the_same_answer_as_a_wrong_password(server):
    _, challenge = pkce_pair()
    page = server.http.get("/oauth/authorize?" + urlencode(authorize_params(server, challenge)))
    fields = {n: v for n, (_, v) in read_form(page.get_data(as_text=True)).inputs.items()}
    resp = server.http.post("/oauth/authorize", data={**fields, "email": "nobody@example.com",
                                                      "password": PASSWORD})
    assert resp.status_code == 401 and "Wrong email or password" in resp.get_data(as_text=True)


def test_redirect_uri_is_required(server):
    _, challenge = pkce_pair()
    resp = server.http.get("/oauth/authorize?" + urlencode(
        authorize_params(server, challenge, redirect_uri=None)))
    assert resp.status_code == 400 and "Location" not in resp.headers


@pytest.mark.parametrize("route", ["/oauth/token", "/oauth/revoke"])
@pytest.mark.parametrize("body, headers", [
    (b'{"grant_type": "authorization_code"}', {"Content-Type": "application/json"}),
    (b"\xff\xfe\x00garbage", {"Content-Type": "application/x-www-form-urlencoded"}),
    (b"grant_type=refresh_token&refresh_token=x", {"Authorization": "Basic \u00e9\u00e9"}),
    (b"grant_type=refresh_token", {"Authorization": "Bearer something"}),
    (b"a=" + b"%" * 1000, {"Content-Type": "application/x-www-form-urlencoded"}),
])
def test_garbage_at_the_token_routes_is_an_oauth_error_never_500(server, route, body, headers):
    resp = server.http.post(route, data=body, headers=headers)
    assert 400 <= resp.status_code < 500
    assert resp.get_json()["error"] in ("invalid_request", "invalid_client")


def test_get_on_the_token_route_is_405(server):
    assert server.http.get("/oauth/token").status_code == 405


from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

_FIELDS = ["response_type", "client_id", "redirect_uri", "state", "scope", "code_challenge",
           "code_challenge_method", "email", "password", "csrf_token", "grant_type", "code",
           "code_verifier", "refresh_token", "token", "client_secret", "token_type_hint"]
_VALUES = st.one_of(st.text(max_size=300), st.sampled_from(
    ["code", "S256", "plain", "authorization_code", "refresh_token", ALEXA_REDIRECT,
     "https://evil.example/", "", "\x00", "%00", "a" * 3000, "javascript:alert(1)"]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fields=st.dictionaries(st.sampled_from(_FIELDS), _VALUES, max_size=8),
       route=st.sampled_from(["/oauth/authorize", "/oauth/token", "/oauth/revoke"]),
       method=st.sampled_from(["GET", "POST"]), with_client=st.booleans())
def test_random_input_on_the_oauth_routes_is_never_a_500(server, fields, route, method, with_client):
    if with_client:
        fields = {**fields, "client_id": server.client_id}
    if method == "GET":
        resp = server.http.get(route + "?" + urlencode(fields))
    else:
        resp = server.http.post(route, data=fields)
    assert resp.status_code < 500
    if resp.status_code in (302, 303):
        # a redirect only ever goes to the client's registered URI
        assert resp.headers["Location"].startswith(ALEXA_REDIRECT + "?") or \
            resp.headers["Location"].startswith(LOCAL_REDIRECT + "?")
