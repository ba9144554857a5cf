"""GET/POST /oauth/account/voice-code: a customer sets their voice code on a page behind
their email and password (never by voice). Same protections as the sign-in form: CSRF pair,
the failed-login lockout, no caching, no framing."""
from __future__ import annotations

import html
import re

from flask import Blueprint, Response, current_app, request

from accounts import services, voice_codes
from accounts.model import MAX_EMAIL, MAX_PASSWORD
from skill.oauth_routes import (SECURITY_HEADERS, client_address, csrf_cookie, csrf_field,
                                csrf_ok, set_csrf_cookie)

bp = Blueprint("account_page", __name__)
PATH = "/oauth/account/voice-code"
_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Voice code</title>
<style>body{{font-family:system-ui,sans-serif;max-width:26rem;margin:2rem auto;padding:0 1rem}}
label,input,button{{display:block;width:100%;box-sizing:border-box;margin:.3rem 0}}
input,button{{padding:.6rem;font-size:1rem}}.error{{color:#a00}}</style></head>
<body><h1>Your voice code</h1><p>A four-digit code asked before every voice order.</p>{message}
<form method="post" action="{path}">
<input type="hidden" name="csrf_token" value="{csrf}">
<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required maxlength="{max_email}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required maxlength="{max_password}">
<label for="code">New voice code</label><input id="code" name="code" type="password" inputmode="numeric" pattern="[0-9]{{4}}" maxlength="4" autocomplete="off" required>
<label for="repeat">The code again</label><input id="repeat" name="repeat" type="password" inputmode="numeric" pattern="[0-9]{{4}}" maxlength="4" autocomplete="off" required>
<button type="submit">Set voice code</button></form></body></html>
"""


def _page(message: str | None = None, *, status: int = 200, ok: bool = False) -> Response:
    cookie = csrf_cookie()
    note = (f'<p class="{"" if ok else "error"}" role="alert">{html.escape(message)}</p>'
            if message else "")
    body = _PAGE.format(message=note, path=PATH, csrf=csrf_field(cookie), max_email=MAX_EMAIL,
                        max_password=MAX_PASSWORD)
    response = Response(body, status=status, mimetype="text/html")
    response.headers.update(SECURITY_HEADERS)
    set_csrf_cookie(response, cookie)
    return response


@bp.route(PATH, methods=["GET", "POST"])
def voice_code_page():
    if request.method == "GET":
        return _page()
    runtime = current_app.extensions["voicecart"]
    if not csrf_ok():
        return _page("This page expired. Please try again.", status=400)
    email, password = request.form.get("email", ""), request.form.get("password", "")
    code, repeat = request.form.get("code", ""), request.form.get("repeat", "")
    if len(email) > MAX_EMAIL or len(password) > MAX_PASSWORD:
        return _page("That email or password is too long.", status=400)
    if not re.fullmatch(r"\d{4}", code) or code != repeat:
        return _page("The voice code must be four digits, typed the same twice.", status=400)
    repo = runtime.accounts()
    try:
        customer = services.login(repo, email=email, password=password,
                                  address=client_address(), now=runtime.clock())
    except services.LockedOut:
        return _page("Too many failed sign-ins. Please try again in 15 minutes.", status=429)
    except services.LoginFailed:
        return _page("Wrong email or password.", status=401)
    voice_codes.set_voice_code(repo, customer.id, code)
    return _page("Your voice code is set. I'll ask for it before every voice order.", ok=True)
