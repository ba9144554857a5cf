"""What the browser tester does per request: a turn on any channel with what was understood,
a YAML dialog run step by step, a session exported as a dialog.

The browser holds the channel's session state (session id, Alexa session attributes, Dialogflow
contexts and CX parameters), as a voice platform does between turns, so any server worker can
answer the next turn. Platform turns go through the app's own routes (POST /alexa,
/dialogflow/es, /dialogflow/cx) with the envelopes `voicecart chat --platform` builds, so the
page shows the very JSON a device would exchange.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flask import Flask

from cart.json_views import cart_show, orders_list
from cart.session_carts import is_session_scoped
from intents.dialog.handlers.common import store_tz
from intents.parsing.parser import parse
from intents.resolution import resolve_items
from skill.tester import envelopes as env
from skill.tester.clients import (PLATFORMS, Client, HttpClient, InProcessClient, TesterError,
                                  TurnResult, fresh_session_id, understood_json)
from skill.tester.dialogs import (DialogOutcome, dialog_from_text, fresh_user, recorded_yaml,
                                  run_dialog)

CHANNELS = PLATFORMS  # text, alexa, dialogflow (ES), dialogflow-cx
IN_APP_BASE = "http://voicecart.in-app"  # never resolved: requests go through the app itself


RESERVED_USER = ("the shopper may not start with a reserved prefix (session-scoped carts "
                 "belong to platform sessions)")


class TurnRefused(ValueError):
    """The request cannot be answered as asked; the message is the 400's reason."""


def in_app_transport(app: Flask, headers: dict[str, str]) -> Callable[..., tuple[int, Any]]:
    """An HttpClient transport that calls this app's own routes in process (same auth,
    same verification), as if the platform had posted to the server."""
    client = app.test_client()

    def post(url: str, body: dict[str, Any], extra: dict[str, str]) -> tuple[int, Any]:
        response = client.post(urlsplit(url).path, json=body, headers={**extra, **headers})
        data = response.get_json(silent=True)
        return response.status_code, data if data is not None else response.get_data(as_text=True)

    return post


def make_client(runtime, app: Flask, channel: str, user: str,
                state: dict[str, Any] | None) -> Client:
    """A tester client for the channel, resuming the session the browser holds (or a new one)."""
    if channel not in CHANNELS:
        raise TurnRefused(f"'channel' must be one of {', '.join(CHANNELS)}")
    if is_session_scoped(user):
        raise TurnRefused(RESERVED_USER)
    state = state if isinstance(state, dict) else {}
    session_id = state.get("session_id")
    if channel == "text":
        client = InProcessClient(runtime, user)
        if _short_string(session_id):
            client.session_id = session_id
        return client
    config = runtime.config
    if channel == "alexa" and not config.dev:
        raise TurnRefused("the Alexa channel needs a server in developer mode (--dev): outside "
                          "it /alexa accepts only requests signed by Amazon")
    token, headers = _dialogflow_credentials(config) if channel != "alexa" else ("", {})
    client = HttpClient(IN_APP_BASE, channel, user, token,
                        application_id=config.alexa_skill_id or env.ALEXA_TESTER_APP_ID,
                        transport=in_app_transport(app, headers),
                        clock=runtime.conversation.ports.clock)
    if _short_string(session_id):
        client.session_id = session_id
        client.session_open = bool(state.get("session_open"))
        client.attributes = _dict(state.get("attributes"))
        client.contexts = [c for c in state.get("contexts") or [] if isinstance(c, dict)]
        client.cx_parameters = _dict(state.get("cx_parameters"))
    return client


def client_state(client: Client) -> dict[str, Any]:
    """What the browser keeps until the next turn."""
    state: dict[str, Any] = {"session_id": client.session_id}
    if isinstance(client, HttpClient):
        state.update(session_open=client.session_open, attributes=client.attributes,
                     contexts=client.contexts, cx_parameters=client.cx_parameters)
    return state


def turn(runtime, app: Flask, *, channel: str, user: str, text: str,
         state: dict[str, Any] | None) -> dict[str, Any]:
    """One turn: the reply, what was understood, the raw platform JSON, and the shopper's
    cart and orders afterwards."""
    client = make_client(runtime, app, channel, user, state)
    started = time.perf_counter()
    result = client.send(text)  # TesterError propagates: the route answers it with a reason
    elapsed_ms = (time.perf_counter() - started) * 1000
    understood = result.understood or {}
    if channel != "text":
        # The platform request carries what its NLU would fill; show also what our matcher
        # makes of the words, as the server does when a slot needs its own resolution.
        understood = {**understood_json(_resolved(runtime, user, text)),
                      "sent": understood.get("sent")}
    return {
        "said": text, "speech": result.speech, "reprompt": result.reprompt,
        "end_session": result.end_session, "channel": channel,
        "understood": understood, "time_ms": round(elapsed_ms, 1),
        "request_json": result.request_json, "response_json": result.response_json,
        "state": client_state(client), **shopper_state(runtime, user),
    }


def _resolved(runtime, user: str, text: str):
    matcher = runtime.matchers.current()
    parsed = parse(text, matcher, now=runtime.conversation.ports.clock(),
                   tz=store_tz(runtime.carts(), user))
    return resolve_items(parsed, matcher)


def shopper_state(runtime, user: str) -> dict[str, Any]:
    """The cart and orders in the CLI's JSON shapes (cart/json_views), so fields added there
    show up in the page without changing it."""
    carts = runtime.carts()
    now = runtime.conversation.ports.clock()
    return {"user": user, "cart": cart_show(carts, user), "orders": orders_list(carts, user, now)}


def end_session(runtime, app: Flask, *, channel: str, user: str,
                state: dict[str, Any] | None) -> dict[str, Any]:
    """Reset: the platform closes the session (Alexa gets its SessionEndedRequest), so what
    was pending is forgotten; the next turn starts a new session."""
    client = make_client(runtime, app, channel, user, state)
    if channel == "text" or not isinstance(client, HttpClient):
        runtime.conversation.end(channel="text", session_id=client.session_id, customer_id=user)
        client.reset()
    else:
        try:
            client.reset()
        except TesterError:
            client = make_client(runtime, app, channel, user, None)
    return {"state": client_state(client), **shopper_state(runtime, user)}


def run_dialog_text(runtime, app: Flask, *, yaml_text: str, filename: str, channel: str,
                    user: str | None) -> dict[str, Any]:
    """A YAML dialog run as `voicecart dialog test` runs a file: a fresh session, as the file's
    `user:` (else the given one, else a fresh user); each step passed or failed with why."""
    from skill.tester.dialogs import DialogFormatError

    path = Path(filename or "dialog.yaml")
    try:
        dialog = dialog_from_text(yaml_text, path)
    except DialogFormatError as exc:
        outcome = DialogOutcome(path=path, error=f"malformed dialog: {exc}")
        return outcome_json(outcome, user=None, steps_total=0)
    shopper = dialog.user or user or fresh_user()
    outcome = run_dialog(dialog, make_client(runtime, app, channel, shopper, None))
    return {**outcome_json(outcome, user=shopper, steps_total=len(dialog.steps),
                           dialog_steps=dialog.steps),
            **shopper_state(runtime, shopper)}


def outcome_json(outcome: DialogOutcome, *, user: str | None, steps_total: int,
                 dialog_steps=()) -> dict[str, Any]:
    steps = [{"number": s.number, "say": s.step.say, "status": "passed" if s.passed else "failed",
              "speech": s.result.speech if s.result else None, "reasons": s.failures}
             for s in outcome.steps]
    for number, step in enumerate(dialog_steps, 1):
        if number > len(outcome.steps):
            steps.append({"number": number, "say": step.say, "status": "skipped",
                          "speech": None, "reasons": ["an earlier step failed"]})
    return {"name": outcome.name, "file": str(outcome.path.name), "user": user,
            "passed": outcome.passed, "error": outcome.error, "steps": steps,
            "skipped": outcome.skipped, "steps_total": steps_total}


def export_yaml(turns: list[dict[str, Any]], *, name: str | None, channel: str,
                now) -> str:
    """The session's turns as a dialog file in the `voicecart dialog record` format. Without
    `user:`, as `dialog record` does by default: `dialog test` runs it as a fresh shopper."""
    results = []
    for number, item in enumerate(turns, 1):
        if not isinstance(item, dict) or not _text(item.get("said")) or \
                not isinstance(item.get("speech"), str):
            raise TurnRefused(f"turn {number} needs 'said' and 'speech' strings")
        ended = item.get("end_session")
        results.append(TurnResult(said=item["said"], speech=item["speech"],
                                  end_session=ended if isinstance(ended, bool) else False))
    if not results:
        raise TurnRefused("nothing said yet: there is no dialog to save")
    return recorded_yaml(results, user=None, source=f"browser tester, {channel} channel",
                         name=name, now=now)


def new_state() -> dict[str, Any]:
    return {"session_id": fresh_session_id()}


def _dialogflow_credentials(config) -> tuple[str, dict[str, str]]:
    """The server's own Dialogflow credentials (never sent to the browser): the in-app call
    passes the webhook's auth like the real agent does."""
    import base64

    if config.dialogflow_token:
        return config.dialogflow_token, {}
    if config.dialogflow_user:
        pair = f"{config.dialogflow_user}:{config.dialogflow_password or ''}".encode()
        return "", {"Authorization": "Basic " + base64.b64encode(pair).decode()}
    return "", {}


def _short_string(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value.strip()) <= 200


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _dict(value: Any) -> dict[str, Any]:
    return dict(value) if isinstance(value, dict) else {}
