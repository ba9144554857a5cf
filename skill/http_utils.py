"""Small HTTP helpers every route shares: strict JSON bodies and JSON error answers."""
from __future__ import annotations

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
    return data


def _abort(status: int, reason: str) -> NoReturn:
    abort(make_response(reject(status, reason)))


_NAMES = {400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
          413: "Request Entity Too Large", 415: "Unsupported Media Type"}
