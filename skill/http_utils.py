"""Small HTTP helpers every route shares: strict JSON bodies and JSON error answers."""
from __future__ import annotations

import re
from typing import Any, NoReturn

from flask import abort, jsonify, make_response, request
from werkzeug.exceptions import RequestEntityTooLarge


def reject(status: int, reason: str):
    return jsonify(error=_NAMES.get(status, "Error"), reason=reason), status


def json_body() -> dict[str, Any]:
    """The request's JSON object, or a 400/415 with a reason (never a 500)."""
    if request.content_length is None and not request.data:
        _abort(400, "the request has no body")
    try:
        data = request.get_json(force=True, silent=False)
    except RequestEntityTooLarge:
        raise
    except Exception:  # werkzeug raises BadRequest; be sure nothing else leaks
        _abort(400, "the body is not valid JSON")
    if not isinstance(data, dict):
        _abort(400, "the body must be a JSON object")
    replace_lone_surrogates(data, request.get_data(cache=True))
    return data


# JSON may escape UTF-16 surrogates ("\ud800"), and json.loads decodes bytes with
# "surrogatepass", so UTF-8-encoded surrogates (ED A0..BF xx) get through too. Paired escapes
# decode to one character; a lone surrogate becomes a str that no UTF-8 store can hold, so
# SQLite would fail deep inside a turn (a 500).
_ESCAPED_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]|\xed[\xa0-\xbf]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _may_hold_surrogate(raw: bytes) -> bool:
    # Both forms start with bytes that `in` finds with a vectorised scan; the regex engine
    # would try its alternation at every byte of the body (about 2% of an Alexa AddItem
    # turn's instructions, issue 22), and almost no body holds either
    return (b"\\u" in raw or b"\xed" in raw) and _ESCAPED_SURROGATE.search(raw) is not None


def _clean(text: str) -> str:
    return _LONE_SURROGATE.sub("\ufffd", text)


def replace_lone_surrogates(data: Any, raw: bytes) -> None:
    """In place, every key and string of `data` parsed from `raw` gets U+FFFD for a lone
    surrogate; iterative, so nesting depth is no concern (the JSON parser bounded it)."""
    if not _may_hold_surrogate(raw):
        return
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in list(node.items()):
                if isinstance(value, str):
                    value = _clean(value)
                elif isinstance(value, (dict, list)):
                    stack.append(value)
                if isinstance(key, str) and _LONE_SURROGATE.search(key):
                    del node[key]
                    key = _clean(key)
                node[key] = value
        elif isinstance(node, list):
            for i, value in enumerate(node):
                if isinstance(value, str):
                    node[i] = _clean(value)
                elif isinstance(value, (dict, list)):
                    stack.append(value)


def loggable(value: object, limit: int = 120) -> str:
    """A caller's text made safe for one log line: every character outside printable ASCII
    escaped (so U+2028, NEL or a CR cannot start a forged line), and cut to `limit`."""
    text = value if isinstance(value, str) else repr(value)
    escaped = text.encode("ascii", "backslashreplace").decode("ascii")
    escaped = "".join(ch if " " <= ch < "\x7f" else f"\\x{ord(ch):02x}" for ch in escaped)
    return escaped if len(escaped) <= limit else f"{escaped[:limit]}...({len(text)} chars)"


def _abort(status: int, reason: str) -> NoReturn:
    abort(make_response(reject(status, reason)))


def abort_json(status: int, reason: str) -> NoReturn:
    """Stop the request with a JSON error answer (from helpers deep inside a route)."""
    _abort(status, reason)


_NAMES = {400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
          409: "Conflict", 413: "Request Entity Too Large", 415: "Unsupported Media Type",
          422: "Unprocessable Entity"}
