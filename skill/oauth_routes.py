"""The built-in authorization server's HTTP routes: /oauth/authorize (the login form itself),
/oauth/token and /oauth/revoke. The protocol is accounts.oauth; this module is HTTP only.

Errors follow RFC 6749: before the client's redirect URI is verified they are shown on a page
(never redirected: no open redirector); after, they go back to the client with `error` and
`state`; the token and revocation endpoints answer JSON `{"error", "error_description"}`.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import html
import logging
import secrets
from urllib.parse import parse_qsl, unquote_plus, urlencode, urlsplit, urlunsplit

from flask import Blueprint, Response, current_app, jsonify, request

from accounts import oauth, services
from accounts.model import MAX_EMAIL, MAX_PASSWORD, is_loopback
from accounts.oauth import OAuthError, RedirectableError

log = logging.getLogger("voicecart.oauth")
bp = Blueprint("oauth", __name__)
CSRF_COOKIE = "voicecart_csrf"
SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "Pragma": "no-cache",
    "X-Frame-Options": "DENY",  # no clickjacking of the login form
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",  # the query string carries state and the challenge
    "X-Content-Type-Options": "nosniff",
}


def _runtime():
    return current_app.extensions["voicecart"]


# --- /oauth/authorize -----------------------------------------------------------------------

@bp.route("/oauth/authorize", methods=["GET", "POST"])
def authorize():
    runtime = _runtime()
    repo = runtime.accounts()
    params = request.args if request.method == "GET" else request.form
    try:
        checked = oauth.check_authorize(repo, params, dev=runtime.config.dev)
    except RedirectableError as exc:
        return _redirect(exc.redirect_uri, error=exc.error, error_description=exc.description,
                         state=exc.state)
    except OAuthError as exc:
        return _page(f"This sign-in link is not valid: {exc.description}.", status=400,
                     error=exc.error)
    if request.method == "GET":
        return _login_form(checked)
    if not csrf_ok():
        return _login_form(checked, "Your sign-in page expired. Please try again.", status=400)
    email, password = request.form.get("email", ""), request.form.get("password", "")
    if len(email) > MAX_EMAIL or len(password) > MAX_PASSWORD:
        return _login_form(checked, "That email or password is too long.", status=400)
    try:
        customer = services.login(repo, email=email, password=password,
                                  address=client_address(), now=runtime.clock())
    except services.LockedOut:
        return _login_form(checked, "Too many failed sign-ins. Please try again in 15 minutes.",
                           status=429, email=email)
    except services.LoginFailed:
        log.info("failed sign-in for client %s", checked.client.id)  # never the password
        return _login_form(checked, "Wrong email or password.", status=401, email=email)
    code = oauth.issue_code(repo, checked, customer, now=runtime.clock())
    return _redirect(checked.redirect_uri, code=code, state=checked.state)


def _redirect(uri: str, **params: str | None) -> Response:
    parts = urlsplit(uri)
    query = parse_qsl(parts.query, keep_blank_values=True)
    query += [(k, v) for k, v in params.items() if v is not None]
    response = Response(status=302)
    response.headers["Location"] = urlunsplit(parts._replace(query=urlencode(query)))
    response.headers.update({"Cache-Control": "no-store", "Pragma": "no-cache",
                             "Referrer-Policy": "no-referrer"})
    return response


def client_address() -> str | None:
    """The shopper's address for throttling: behind our nginx (loopback), the last
    X-Forwarded-For entry, the one nginx itself appended; otherwise the peer."""
    peer = request.remote_addr
    forwarded = request.headers.get("X-Forwarded-For", "")
    if is_loopback(peer) and forwarded:
        return forwarded.split(",")[-1].strip()[:100] or peer
    return peer


def _csrf_key() -> bytes:
    runtime = _runtime()
    return runtime.accounts().server_secret("csrf", lambda: secrets.token_hex(32)).encode()


def csrf_field(cookie: str) -> str:
    return hmac.new(_csrf_key(), cookie.encode(), hashlib.sha256).hexdigest()


def csrf_ok() -> bool:
    """Double-submit: the hidden field must be the server's HMAC of this browser's cookie, so
    another site can neither read nor forge the pair."""
    cookie = request.cookies.get(CSRF_COOKIE, "")
    given = request.form.get("csrf_token", "")
    if not cookie or len(cookie) > 200 or not given or len(given) > 200:
        return False
    return hmac.compare_digest(given.encode(), csrf_field(cookie).encode())


_FORM = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in to voice cart</title>
<style>body{{font-family:system-ui,sans-serif;max-width:26rem;margin:2rem auto;padding:0 1rem}}
label,input,button{{display:block;width:100%;box-sizing:border-box;margin:.3rem 0}}
input,button{{padding:.6rem;font-size:1rem}}.error{{color:#a00}}</style></head>
<body><h1>Sign in</h1><p>Link <strong>{client}</strong> to your grocery account.</p>{message}
<form method="post" action="/oauth/authorize">
{hidden}<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required maxlength="{max_email}" value="{email}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required maxlength="{max_password}">
<button type="submit">Sign in</button></form></body></html>
"""


def _login_form(checked: oauth.AuthorizeRequest, message: str | None = None, *,
                status: int = 200, email: str = "") -> Response:
    cookie = csrf_cookie()
    fields = {**checked.form_fields(), "csrf_token": csrf_field(cookie)}
    hidden = "".join(f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">\n'
                     for k, v in fields.items())
    body = _FORM.format(client=html.escape(checked.client.name), hidden=hidden,
                        message=f'<p class="error" role="alert">{html.escape(message)}</p>' if message else "",
                        email=html.escape(email[:MAX_EMAIL]), max_email=MAX_EMAIL,
                        max_password=MAX_PASSWORD)
    response = Response(body, status=status, mimetype="text/html")
    response.headers.update(SECURITY_HEADERS)
    set_csrf_cookie(response, cookie)
    return response


def csrf_cookie() -> str:
    """This browser's CSRF cookie, or a new one (set it with set_csrf_cookie)."""
    cookie = request.cookies.get(CSRF_COOKIE, "")
    return cookie if cookie and len(cookie) <= 200 else secrets.token_urlsafe(32)


def set_csrf_cookie(response: Response, cookie: str) -> None:
    response.set_cookie(CSRF_COOKIE, cookie, httponly=True, samesite="Lax", path="/oauth",
                        secure=not _runtime().config.dev)


def _page(message: str, *, status: int, error: str) -> Response:
    body = (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in error</title>'
            f'</head><body><h1>Sign-in error</h1><p>{html.escape(message)}</p>'
            f'<p>Error code: <code>{html.escape(error)}</code></p></body></html>')
    response = Response(body, status=status, mimetype="text/html")
    response.headers.update(SECURITY_HEADERS)
    return response


# --- /oauth/token and /oauth/revoke ----------------------------------------------------------

def _json_error(exc: OAuthError, *, basic: bool = False) -> Response:
    response = jsonify(error=exc.error, error_description=exc.description)
    response.status_code = exc.status
    response.headers.update({"Cache-Control": "no-store", "Pragma": "no-cache"})
    if exc.status == 401:
        response.headers["WWW-Authenticate"] = 'Basic realm="voicecart"' if basic else 'Basic'
    return response


def _client():
    """Client authentication by HTTP basic or in the body (Alexa offers both), never both."""
    header = request.headers.get("Authorization", "")
    body_id, body_secret = request.form.get("client_id"), request.form.get("client_secret")
    basic = header[:6].lower() == "basic "
    if basic:
        if body_secret:
            raise OAuthError("invalid_request", "authenticate the client one way, not both")
        try:
            decoded = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8")
        except (ValueError, UnicodeDecodeError):
            raise OAuthError("invalid_client", "malformed basic credentials", 401) from None
        client_id, colon, secret = decoded.partition(":")
        # RFC 6749 2.3.1: both parts are form-urlencoded before base64
        client_id, secret = unquote_plus(client_id), unquote_plus(secret)
        if not colon:
            raise OAuthError("invalid_client", "malformed basic credentials", 401)
        if body_id and body_id != client_id:
            raise OAuthError("invalid_request", "client_id in the body differs from the header")
    else:
        client_id, secret = body_id or "", body_secret or ""
    if not client_id or not secret or len(client_id) > 200 or len(secret) > 500:
        raise OAuthError("invalid_client", "client authentication is required", 401)
    client = services.authenticate_client(_runtime().accounts(), client_id, secret)
    if client is None:
        raise OAuthError("invalid_client", "client authentication failed", 401)
    return client, basic


def _form_only() -> None:
    if request.args:
        raise OAuthError("invalid_request", "send parameters in the form body, not the URL")


@bp.post("/oauth/token")
def token():
    runtime = _runtime()
    basic = request.headers.get("Authorization", "")[:6].lower() == "basic "
    try:
        _form_only()
        client, basic = _client()
        grant_type = request.form.get("grant_type")
        if grant_type == "authorization_code":
            issued = oauth.exchange_code(runtime.accounts(), client, request.form, now=runtime.clock())
        elif grant_type == "refresh_token":
            issued = oauth.refresh(runtime.accounts(), client, request.form, now=runtime.clock())
        elif not grant_type:
            raise OAuthError("invalid_request", "'grant_type' is required")
        else:
            raise OAuthError("unsupported_grant_type", "use authorization_code or refresh_token")
    except OAuthError as exc:
        log.info("token request refused: %s", exc.error)
        return _json_error(exc, basic=basic)
    response = jsonify(issued.as_response())
    response.headers.update({"Cache-Control": "no-store", "Pragma": "no-cache"})
    return response


@bp.post("/oauth/revoke")
def revoke():
    runtime = _runtime()
    basic = request.headers.get("Authorization", "")[:6].lower() == "basic "
    try:
        _form_only()
        client, basic = _client()
        oauth.revoke(runtime.accounts(), client, request.form, now=runtime.clock())
    except OAuthError as exc:
        return _json_error(exc, basic=basic)
    response = Response(status=200)
    response.headers.update({"Cache-Control": "no-store", "Pragma": "no-cache"})
    return response
