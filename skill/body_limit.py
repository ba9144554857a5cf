"""The request body limit, enforced before Flask sees a request, for every way a body comes.

Werkzeug applies `MAX_CONTENT_LENGTH` to a chunked body by reading up to the limit and stopping
there: the rest is silently dropped and a truncated body is processed (a JSON object followed
by padding still parses). And a 413 sent while the client is still uploading, followed by a
close with unread data, reaches the client as a connection reset instead of the answer.

So this middleware reads a body without Content-Length itself, up to the limit plus one byte,
and hands the app a plain buffered body with its length; anything longer is a 413. Before
answering 413 it reads and discards what the client is still sending (within a bound of bytes
and time), so ordinary clients read the answer; past that bound it closes the connection.
"""
from __future__ import annotations

import io
import json
import time
from collections.abc import Callable, Iterable
from typing import Any

DRAIN_MAX_BYTES = 16 * 1024 * 1024
DRAIN_SECONDS = 5.0
_CHUNK = 64 * 1024

Environ = dict[str, Any]
StartResponse = Callable[..., Any]


class BodyLimit:
    def __init__(self, app: Callable[[Environ, StartResponse], Iterable[bytes]], max_bytes: int,
                 drain_max_bytes: int = DRAIN_MAX_BYTES, drain_seconds: float = DRAIN_SECONDS,
                 path_limits: dict[str, int] | None = None) -> None:
        self.app = app
        self.max_bytes = max_bytes
        # exact paths allowed a larger body (the catalog API's batches), authenticated by the app
        self.path_limits = dict(path_limits or {})
        self.drain_max_bytes = drain_max_bytes
        self.drain_seconds = drain_seconds

    def __call__(self, environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        limit = self.path_limits.get(environ.get("PATH_INFO", ""), self.max_bytes)
        stream = environ.get("wsgi.input")
        declared = _content_length(environ)
        if stream is None:
            return self.app(environ, start_response)
        if declared == "bad":
            return _json_error(start_response, 400, "Bad Request",
                               "the Content-Length header is not a number", close=True)
        if declared is not None:
            if declared <= limit:
                return self.app(environ, start_response)
            finished = self._drain(stream, declared)
            return self._too_large(start_response, limit, close=not finished)
        if not _has_body(environ):
            return self.app(environ, start_response)
        body = _read_at_most(stream, limit + 1)
        if len(body) > limit:
            finished = self._drain(stream, None)
            return self._too_large(start_response, limit, close=not finished)
        # From here on the app sees an ordinary body of known length
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        environ.pop("HTTP_TRANSFER_ENCODING", None)
        environ["wsgi.input_terminated"] = True
        return self.app(environ, start_response)

    def _too_large(self, start_response: StartResponse, limit: int, close: bool
                   ) -> Iterable[bytes]:
        return _json_error(start_response, 413, "Request Entity Too Large",
                           f"the request body is larger than {limit} bytes", close=close)

    def _drain(self, stream: Any, declared: int | None) -> bool:
        """Read and drop the rest of the body; True when it was all read."""
        if declared is not None and declared > self.drain_max_bytes:
            return False  # not worth reading: answer now and close
        deadline = time.monotonic() + self.drain_seconds
        read = 0
        try:
            while read <= self.drain_max_bytes and time.monotonic() < deadline:
                chunk = stream.read(_CHUNK)
                if not chunk:
                    return True
                read += len(chunk)
        except (OSError, ValueError):
            return False
        return False


def _content_length(environ: Environ) -> int | None | str:
    raw = environ.get("CONTENT_LENGTH")
    if raw in (None, ""):
        return None
    try:
        value = int(raw)
    except ValueError:
        return "bad"
    return value if value >= 0 else "bad"


def _has_body(environ: Environ) -> bool:
    # No Content-Length: a body comes chunked (the server decodes it and ends the stream)
    return "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower() or \
        bool(environ.get("wsgi.input_terminated"))


def _read_at_most(stream: Any, limit: int) -> bytes:
    parts: list[bytes] = []
    size = 0
    while size < limit:
        chunk = stream.read(min(_CHUNK, limit - size))
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)


def _json_error(start_response: StartResponse, status: int, name: str, reason: str,
                close: bool) -> Iterable[bytes]:
    body = json.dumps({"error": name, "reason": reason}, separators=(",", ":")).encode()
    headers = [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
    if close:
        headers.append(("Connection", "close"))
    start_response(f"{status} {name}", headers)
    return [body]
