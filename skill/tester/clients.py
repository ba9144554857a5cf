"""Ways to talk to the skill: in this process, or over HTTP as a platform would.

Every client keeps one session for one user until `reset()`; a reply that ends the session
makes the next turn start a new one, as a voice platform does after the skill says goodbye.
"""
from __future__ import annotations

import json
import os
import socket
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Protocol

from intents.model import ParsedRequest
from intents.parsing.parser import parse
from skill.tester import envelopes as env

PLATFORMS = ("text", "alexa", "dialogflow", "dialogflow-cx")
HTTP_TIMEOUT = 30.0
ROUTES = {"text": "/v1/converse", "alexa": "/alexa", "dialogflow": "/dialogflow/es",
          "dialogflow-cx": "/dialogflow/cx"}
# Where each platform's bearer token is configured on the server (used when --token is not given).
TOKEN_ENV = {"text": "VOICECART_API_TOKEN", "dialogflow": "VOICECART_DIALOGFLOW_TOKEN",
             "dialogflow-cx": "VOICECART_DIALOGFLOW_TOKEN"}


class TesterError(Exception):
    """A turn could not be delivered or answered; the message is one line for the shopper."""


class ConnectionFailed(TesterError):
    """The server cannot be reached at all: nothing else will work, so callers stop."""


@dataclass
class TurnResult:
    said: str
    speech: str
    reprompt: str | None = None
    # None when the platform's reply cannot say (Dialogflow ES has no such field).
    end_session: bool | None = False
    # What was understood, in the `voicecart resolve --json` shape (plus extras); None when
    # the channel does not reveal it (the text channel over HTTP answers with speech only).
    understood: dict[str, Any] | None = None
    request_json: dict[str, Any] | None = None
    response_json: dict[str, Any] | None = None


class Client(Protocol):
    user: str
    in_process: bool

    def describe(self) -> str: ...

    def send(self, text: str) -> TurnResult: ...

    def reset(self, user: str | None = None) -> None: ...


def understood_json(request: ParsedRequest) -> dict[str, Any]:
    """A ParsedRequest as `voicecart resolve --json` shows it (design doc contract)."""
    items = []
    for item in request.items:
        match = item.match
        product = None
        if match is not None and match.best is not None:
            product = _candidate(match.best)
        elif item.product_id:
            product = {"id": item.product_id, "name": None, "confidence": None}
        items.append({
            "phrase": item.phrase, "quantity": item.quantity, "unit": item.unit,
            "product": product,
            "alternatives": [_candidate(c) for c in (match.alternatives if match else ())][:3],
            **({"ambiguous": True} if match is not None and match.ambiguous else {}),
        })
    return {"text": request.text, "intent": request.intent, "items": items,
            "slots": dict(request.slots)}


def _candidate(candidate) -> dict[str, Any]:
    product = candidate.product
    # brand and size go beyond the resolve contract: they tell apart same-named variants.
    return {"id": product.id, "name": product.name,
            "confidence": round(float(candidate.confidence), 2),
            **{k: v for k, v in (("brand", product.brand), ("size", product.size)) if v}}


def fresh_session_id() -> str:
    return uuid.uuid4().hex


class InProcessClient:
    """The conversation core called directly, on the text channel: same handlers and the same
    database as `voicecart serve`, and the matcher's view of every item."""

    in_process = True

    def __init__(self, runtime, user: str) -> None:
        self.runtime = runtime
        self.user = user
        self.session_id = fresh_session_id()

    def describe(self) -> str:
        from skill.storage import describe
        return f"in-process, database {describe(self.runtime.config.db_path)}"

    def send(self, text: str) -> TurnResult:
        understanding = self.runtime.conversation.understand(
            channel="text", session_id=self.session_id, customer_id=self.user, text=text)
        reply = understanding.reply
        if reply.end_session:
            self.session_id = fresh_session_id()
        return TurnResult(said=text, speech=reply.speech, reprompt=reply.reprompt,
                          end_session=reply.end_session,
                          understood=understood_json(understanding.request))

    def reset(self, user: str | None = None) -> None:
        if user:
            self.user = user
        self.session_id = fresh_session_id()


Transport = Callable[[str, dict[str, Any], dict[str, str]], tuple[int, Any]]


def urllib_transport(url: str, body: dict[str, Any], headers: dict[str, str],
                     timeout: float = HTTP_TIMEOUT) -> tuple[int, Any]:
    """POST JSON; (status, parsed JSON or text). Raises ConnectionFailed when nothing answers."""
    data = json.dumps(body).encode("utf-8")
    request = urllib.request.Request(url, data=data, method="POST", headers={
        "Content-Type": "application/json; charset=utf-8", "Accept": "application/json",
        **headers})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as exc:
        status, raw = exc.code, exc.read()
    except (urllib.error.URLError, socket.timeout, ConnectionError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise ConnectionFailed(f"cannot reach {url}: {reason}") from None
    try:
        return status, json.loads(raw)
    except ValueError:
        return status, raw.decode("utf-8", "replace")


class HttpClient:
    """A running server, spoken to with the platform's own request envelopes.

    For `alexa` and `dialogflow`, free text goes through our parser here (without the catalog:
    the server's matcher resolves items) and becomes the intent and slots the platform's NLU
    would send; the local parse is shown as `understood` with `sent` holding the platform intent.
    """

    in_process = False

    def __init__(self, url: str, platform: str, user: str, token: str | None = None, *,
                 application_id: str | None = None, tz: str = env.DEFAULT_TZ,
                 transport: Transport = urllib_transport,
                 clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc)) -> None:
        if platform not in PLATFORMS:
            raise ValueError(f"unknown platform {platform!r}; use one of {', '.join(PLATFORMS)}")
        self.base = url.rstrip("/")
        self.platform = platform
        self.user = user
        self.token = token if token is not None else os.environ.get(TOKEN_ENV.get(platform, ""))
        self.application_id = (application_id or os.environ.get("VOICECART_ALEXA_SKILL_ID")
                               or env.ALEXA_TESTER_APP_ID)
        self.tz = tz
        self.transport = transport
        self.clock = clock
        self._new_session()

    def describe(self) -> str:
        return f"{self.platform} at {self.base}{ROUTES[self.platform]}"

    def _new_session(self) -> None:
        self.session_id = (env.new_alexa_session_id() if self.platform == "alexa"
                           else fresh_session_id())
        self.session_open = False  # no turn sent yet: Alexa's next request has session.new
        self.attributes: dict[str, Any] = {}
        self.contexts: list[dict[str, Any]] = []
        self.cx_parameters: dict[str, Any] = {}

    def reset(self, user: str | None = None) -> None:
        if self.platform == "alexa" and self.session_open:
            self._end_alexa_session()
        if user:
            self.user = user
        self._new_session()

    def send(self, text: str) -> TurnResult:
        if self.platform == "text":
            result = self._send_text(text)
        elif self.platform == "alexa":
            result = self._send_alexa(text)
        elif self.platform == "dialogflow-cx":
            result = self._send_dialogflow_cx(text)
        else:
            result = self._send_dialogflow(text)
        if result.end_session:
            self._new_session()
        return result

    def _post(self, body: dict[str, Any]) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        url = self.base + ROUTES[self.platform]
        status, answer = self.transport(url, body, headers)
        if status != 200 or not isinstance(answer, dict):
            raise TesterError(_http_failure(status, answer, self.platform))
        return answer

    def _send_text(self, text: str) -> TurnResult:
        body = env.converse_request(self.user, self.session_id, text)
        answer = self._post(body)
        return TurnResult(said=text, speech=str(answer.get("speech", "")),
                          reprompt=answer.get("reprompt"),
                          end_session=bool(answer.get("end_session")),
                          request_json=body, response_json=answer)

    def _local_parse(self, text: str) -> ParsedRequest:
        return parse(text, None, now=self.clock(), tz=self.tz)

    def _send_alexa(self, text: str) -> TurnResult:
        parsed = self._local_parse(text)
        intent, slots = env.alexa_intent_for(parsed, self.application_id)
        request = env.alexa_intent_request(intent, slots, now=self.clock())
        body = env.alexa_envelope(request, user_id=self.user, session_id=self.session_id,
                                  new=not self.session_open, application_id=self.application_id,
                                  attributes=self.attributes)
        answer = self._post(body)
        self.session_open = True
        self.attributes = dict(answer.get("sessionAttributes") or {})
        speech, reprompt, ended = env.alexa_reply(answer)
        understood = understood_json(parsed)
        understood["sent"] = {"intent": intent, "slots": {
            name: slot["value"] for name, slot in slots.items() if "value" in slot}}
        return TurnResult(said=text, speech=speech, reprompt=reprompt, end_session=ended,
                          understood=understood, request_json=body, response_json=answer)

    def _end_alexa_session(self) -> None:
        # Alexa tells the skill when a session closes for any reason but the skill's own goodbye.
        request = env.alexa_session_ended_request(now=self.clock())
        body = env.alexa_envelope(request, user_id=self.user, session_id=self.session_id,
                                  new=False, application_id=self.application_id,
                                  attributes=self.attributes)
        try:
            self._post(body)
        except ConnectionFailed:
            raise
        except TesterError:
            pass  # the skill may not answer a SessionEndedRequest with a body; Alexa ignores it

    def _send_dialogflow(self, text: str) -> TurnResult:
        parsed = self._local_parse(text)
        parameters = env.dialogflow_parameters_for(parsed, self.tz)
        body = env.dialogflow_es_request(text, parsed.intent, parameters,
                                         session_id=self.session_id, user_id=self.user,
                                         output_contexts=self.contexts)
        answer = self._post(body)
        self.contexts = env.next_output_contexts(answer.get("outputContexts"))
        speech, reprompt, ended = env.dialogflow_reply(answer)
        understood = understood_json(parsed)
        understood["sent"] = {"intent": parsed.intent, "parameters": parameters}
        return TurnResult(said=text, speech=speech, reprompt=reprompt, end_session=ended,
                          understood=understood, request_json=body, response_json=answer)

    def _send_dialogflow_cx(self, text: str) -> TurnResult:
        parsed = self._local_parse(text)
        filled = {k: v for k, v in env.dialogflow_parameters_for(parsed, self.tz).items() if v != ""}
        parameters = {**self.cx_parameters, **filled}
        body = env.dialogflow_cx_request(text, parsed.intent, parameters,
                                         session_id=self.session_id, user_id=self.user)
        answer = self._post(body)
        self.cx_parameters = env.merged_cx_parameters(parameters, answer)
        speech, reprompt, ended = env.dialogflow_cx_reply(answer)
        understood = understood_json(parsed)
        understood["sent"] = {"intent": parsed.intent, "parameters": parameters}
        return TurnResult(said=text, speech=speech, reprompt=reprompt, end_session=ended,
                          understood=understood, request_json=body, response_json=answer)

    def check(self) -> None:
        """Fail early, with one line, when no voicecart server answers at the URL."""
        url = self.base + "/healthz"
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                json.loads(response.read())
        except urllib.error.HTTPError as exc:
            raise ConnectionFailed(f"{url} answered HTTP {exc.code}: is this a voicecart server?") from None
        except (urllib.error.URLError, socket.timeout, ConnectionError, OSError) as exc:
            raise ConnectionFailed(f"cannot reach {self.base}: {getattr(exc, 'reason', exc)}") from None
        except ValueError:
            raise ConnectionFailed(f"{url} did not answer JSON: is this a voicecart server?") from None


def _http_failure(status: int, answer: Any, platform: str) -> str:
    if isinstance(answer, dict):
        reason = answer.get("reason") or answer.get("error")
    else:
        reason = answer
    reason = " ".join(str(reason or "").split())[:200]
    message = f"the server answered HTTP {status}" + (f": {reason}" if reason else "")
    if status == 401:
        variable = TOKEN_ENV.get(platform)
        message += (f" (pass --token or set {variable}, or run the server with --dev)"
                    if variable else " (configure the server's credentials, or run it with --dev)")
    elif status == 400 and platform == "alexa":
        message += " (the Alexa endpoint checks request signatures: run the server with --dev)"
    elif status in (404, 405):
        message += f" (does this server have {ROUTES[platform]}?)"
    return message
