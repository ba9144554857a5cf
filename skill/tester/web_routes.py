"""GET /tester: the browser tester, its static files and the JSON endpoints the page calls.

Open in developer mode (`serve --dev`). Outside it every route here, page and assets included,
needs the API token (VOICECART_API_TOKEN): as a bearer token (`Authorization: Bearer T`, for
scripts) or as the password of HTTP basic auth, which the browser asks for once and then sends
with every request of the page, so the token is never written into the page. Without a token
configured the tester does not exist (404).

Every answer carries a strict Content-Security-Policy (no inline script or style, nothing from
another origin); the page renders every value with textContent. The JSON endpoints take only
`application/json` bodies from the page's own origin: another site cannot post to them
without a CORS preflight, which nothing here answers.
"""
from __future__ import annotations

import base64
import hmac
from importlib import resources
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request

from cart.session_carts import is_session_scoped
from skill.http_utils import abort_json, json_body, reject
from skill.tester.clients import TesterError
from skill.tester import web_turns

bp = Blueprint("tester", __name__)
ASSETS = {"tester.js": "text/javascript; charset=utf-8", "tester.css": "text/css; charset=utf-8"}
PAGE = "index.html"
MAX_USER = 200
MAX_TEXT = 5000
MAX_DIALOG_CHARS = 100_000
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
       "img-src 'self'; media-src 'self' blob:; base-uri 'none'; form-action 'none'; "
       "frame-ancestors 'none'")
REALM = 'Basic realm="voicecart tester", charset="UTF-8"'


def _runtime():
    return current_app.extensions["voicecart"]


@bp.before_request
def guard():
    config = _runtime().config
    if not config.dev:
        if not config.api_token:
            return reject(404, "the browser tester needs developer mode (--dev) or "
                               "VOICECART_API_TOKEN set on the server")
        if not _token_given(config.api_token):
            response, status = reject(401, "the browser tester needs the API token (bearer, or "
                                           "as the password of basic auth)")
            response.headers["WWW-Authenticate"] = REALM
            return response, status
    if request.method == "POST":
        origin = request.headers.get("Origin")
        if origin is not None and origin != request.host_url.rstrip("/"):
            return reject(403, "the tester's API answers only its own page")
        if request.mimetype != "application/json":
            return reject(415, "send the body as application/json")
    return None


def _token_given(token: str) -> bool:
    given = request.headers.get("Authorization", "")
    expected = token.encode()
    if given.startswith("Bearer "):
        return hmac.compare_digest(given[7:].strip().encode(), expected)
    if given.startswith("Basic "):
        try:
            _, _, password = base64.b64decode(given[6:], validate=True).decode().partition(":")
        except (ValueError, UnicodeDecodeError):
            return False
        return hmac.compare_digest(password.encode(), expected)
    return False


@bp.after_request
def harden(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Cache-Control"] = "no-store"
    # The microphone is the page's own (speech recognition); nothing else is allowed.
    response.headers["Permissions-Policy"] = "microphone=(self), camera=(), geolocation=()"
    return response


def _file(name: str) -> bytes:
    return resources.files("skill.tester.web").joinpath(name).read_bytes()


@bp.get("/tester")
def page():
    return Response(_file(PAGE), mimetype="text/html")


@bp.get("/tester/static/<name>")
def asset(name: str):
    if name not in ASSETS:
        return reject(404, "no such file")
    return Response(_file(name), content_type=ASSETS[name])


@bp.post("/tester/api/turn")
def api_turn():
    body = json_body()
    user, text, channel = _user(body), body.get("text"), body.get("channel", "text")
    if not isinstance(text, str) or not text.strip():
        return reject(400, "'text' must be a non-empty string")
    if len(text) > MAX_TEXT:
        return reject(400, f"'text' is longer than {MAX_TEXT} characters")
    return _answer(lambda: web_turns.turn(_runtime(), current_app._get_current_object(),
                                          channel=channel, user=user, text=text,
                                          state=_state(body)))


@bp.post("/tester/api/state")
def api_state():
    return jsonify(web_turns.shopper_state(_runtime(), _user(json_body())))


@bp.post("/tester/api/reset")
def api_reset():
    body = json_body()
    return _answer(lambda: web_turns.end_session(
        _runtime(), current_app._get_current_object(), channel=body.get("channel", "text"),
        user=_user(body), state=_state(body)))


@bp.post("/tester/api/dialog/run")
def api_dialog_run():
    body = json_body()
    yaml_text, filename = body.get("yaml"), body.get("filename") or "dialog.yaml"
    if not isinstance(yaml_text, str) or not yaml_text.strip():
        return reject(400, "'yaml' must hold the dialog file's text")
    if len(yaml_text) > MAX_DIALOG_CHARS:
        return reject(400, f"the dialog is longer than {MAX_DIALOG_CHARS} characters")
    if not isinstance(filename, str) or len(filename) > MAX_USER:
        return reject(400, "'filename' must be a short string")
    user = _user(body) if body.get("user") else None
    return _answer(lambda: web_turns.run_dialog_text(
        _runtime(), current_app._get_current_object(), yaml_text=yaml_text, filename=filename,
        channel=body.get("channel", "text"), user=user))


@bp.post("/tester/api/dialog/export")
def api_dialog_export():
    body = json_body()
    turns, name = body.get("turns"), body.get("name")
    if not isinstance(turns, list):
        return reject(400, "'turns' must be a list of {said, speech, end_session}")
    if name is not None and (not isinstance(name, str) or len(name) > MAX_USER):
        return reject(400, "'name' must be a short string")
    channel = body.get("channel", "text")
    text = _answer_text(lambda: web_turns.export_yaml(
        turns, name=name or None, channel=channel if isinstance(channel, str) else "text",
        now=_runtime().conversation.ports.clock()))
    if not isinstance(text, str):
        return text
    return Response(text, mimetype="application/yaml",
                    headers={"Content-Disposition": 'attachment; filename="dialog.yaml"'})


def _answer(work):
    result = _answer_text(work)
    return jsonify(result) if isinstance(result, dict) else result


def _answer_text(work):
    try:
        return work()
    except web_turns.TurnRefused as exc:
        return reject(400, str(exc))
    except TesterError as exc:
        return reject(400, str(exc))


def _user(body: dict[str, Any]) -> str:
    user = body.get("user")
    if not isinstance(user, str) or not user.strip() or len(user) > MAX_USER:
        abort_json(400, f"'user' must be a non-empty string of at most {MAX_USER} characters")
    if is_session_scoped(user.strip()):
        abort_json(400, web_turns.RESERVED_USER)
    return user.strip()


def _state(body: dict[str, Any]) -> dict[str, Any] | None:
    state = body.get("state")
    if state is not None and not isinstance(state, dict):
        abort_json(400, "'state' must be an object or null")
    return state
