"""A request id for every request, JSON log lines, and one access line per turn.

The request id is the platform's own where it has one (Alexa's `request.requestId`,
Dialogflow's `responseId` / `detectIntentResponseId`: the routes call `adopt_platform_id`),
else the caller's `X-Request-Id` header when it is short and made of safe characters, else a
new one. It is echoed as the `X-Request-Id` response header and carried by every log line
written while the request is handled (`RequestIdFilter`), so one turn can be followed across
the logs of a node. A caller's id that is too long or holds anything outside the safe set is
replaced, never echoed or logged: a header must not forge log lines or response headers.

Log format: text (the default) or JSON, one object a line with `time`, `level`, `logger`,
`message` and `request_id` (`voicecart serve --log-format json` or VOICECART_LOG_FORMAT=json).
The access line names the channel, intent, status and duration, never a body or a credential.
"""
from __future__ import annotations

import logging
import re
import sys
import time
import uuid
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime, timezone

import orjson
from flask import Flask, request

REQUEST_ID_HEADER = "X-Request-Id"
MAX_REQUEST_ID = 128
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/+=@-]{0,%d}" % (MAX_REQUEST_ID - 1))
LOG_FORMATS = ("text", "json")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# The routes that answer a turn, and the channel each speaks for
TURN_PATHS = {"/alexa": "alexa", "/dialogflow/es": "dialogflow-es",
              "/dialogflow/cx": "dialogflow-cx", "/v1/converse": "text",
              "/tester/api/turn": "tester"}

# The error kind of an unexpected exception (a 500, or an apology where a platform needs 200)
UNHANDLED = "unhandled"

access_log = logging.getLogger("voicecart.access")


@dataclass
class RequestInfo:
    """What the current request has told the logs and metrics so far."""

    given_id: str | None      # the caller's or the platform's id; None until one is known
    channel: str | None       # set on turn routes
    started: float
    intent: str | None = None  # the last turn's intent
    errors: list[str] = field(default_factory=list)  # error kinds noted by the handlers

    @property
    def request_id(self) -> str:
        # A new id is made when first asked for, not at the request's start: a platform's
        # request adopts its own id before anything asks, and then costs no random bytes
        # (a system call a turn, issue 22)
        if self.given_id is None:
            self.given_id = uuid.uuid4().hex
        return self.given_id


_current: ContextVar[RequestInfo | None] = ContextVar("voicecart_request", default=None)


def current() -> RequestInfo | None:
    """The request being handled by this thread, or None (a background thread, a CLI)."""
    return _current.get()


def valid_request_id(value: object) -> str | None:
    """`value` when it is a usable id (1 to 128 characters of letters, digits and
    `. _ : / + = @ -`, starting with a letter or digit), else None."""
    if isinstance(value, str) and _SAFE_ID.fullmatch(value):
        return value
    return None


def adopt_platform_id(value: object) -> None:
    """The platform's own request id becomes this request's id (when it is a usable one)."""
    info = _current.get()
    platform_id = valid_request_id(value)
    if info is not None and platform_id is not None:
        info.given_id = platform_id


def note_turn(intent: str) -> None:
    info = _current.get()
    if info is not None:
        info.intent = intent


def note_error(kind: str) -> None:
    """An error answered without an error status (Alexa's spoken apology): counted at the end."""
    info = _current.get()
    if info is not None:
        info.errors.append(kind)


class RequestIdFilter(logging.Filter):
    """Puts the current request's id on every record (None outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        info = _current.get()
        record.request_id = info.request_id if info is not None else None
        return True


# Fields the access line carries beside its message (JSON lines show them as keys)
_ACCESS_FIELDS = ("channel", "intent", "status", "duration_ms")


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time (UTC, ISO 8601), level, logger, message, request_id, pid, the
    access line's fields, and `exception` (the traceback text) when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, timezone.utc)
                            .isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
            "pid": record.process,  # which gunicorn worker wrote it
        }
        for name in _ACCESS_FIELDS:
            if name in record.__dict__:
                entry[name] = record.__dict__[name]
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return orjson.dumps(entry, default=str).decode()


def formatter(log_format: str) -> logging.Formatter:
    return JsonFormatter() if log_format == "json" else logging.Formatter(TEXT_FORMAT)


def configure_logging(log_format: str = "text", level: int = logging.INFO) -> None:
    """The process's log handler (stderr): text or JSON, each record with its request id."""
    if log_format not in LOG_FORMATS:
        raise ValueError(f"the log format must be one of {', '.join(LOG_FORMATS)}, "
                         f"got {log_format[:40]!r}")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter(log_format))
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)


def install(app: Flask, metrics) -> None:
    """Request ids, latency and error counts and the access line for every request of `app`
    (`metrics`: a skill.metrics.ServerMetrics). Call it before registering any other hook:
    the id is then set before theirs run, and (Flask runs teardowns in reverse) reset after
    theirs, so all their log lines carry it. This module never imports prometheus-client:
    `voicecart serve` sets logging up before choosing its multiprocess mode."""

    @app.before_request
    def begin_request() -> None:
        given = valid_request_id(request.headers.get(REQUEST_ID_HEADER))
        info = RequestInfo(given_id=given,
                           channel=TURN_PATHS.get(request.path), started=time.perf_counter())
        # reset by end_request: a thread that served this request serves others afterwards
        request.environ["voicecart.request_token"] = _current.set(info)

    @app.after_request
    def finish_request(response):
        info = _current.get()
        if info is None:
            return response
        response.headers[REQUEST_ID_HEADER] = info.request_id
        seconds = time.perf_counter() - info.started
        status = response.status_code
        if status >= 400:
            metrics.count_status(status, info.channel)
        for noted in info.errors:
            metrics.count_error(noted, info.channel)
        if info.channel is not None:
            metrics.observe_latency(info.channel, seconds)
            duration_ms = round(seconds * 1000, 1)
            access_log.info("turn channel=%s intent=%s status=%d duration_ms=%.1f request_id=%s",
                            info.channel, info.intent or "-", status, duration_ms,
                            info.request_id,
                            extra={"channel": info.channel, "intent": info.intent,
                                   "status": status, "duration_ms": duration_ms})
        return response

    @app.teardown_request
    def end_request(exc) -> None:
        token = request.environ.pop("voicecart.request_token", None)
        if token is not None:
            _current.reset(token)
