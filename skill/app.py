"""The Flask app factory: routes, body limits and JSON errors for every failure."""
from __future__ import annotations

import logging

from flask import Flask, jsonify
from werkzeug.exceptions import HTTPException

from skill.config import Config
from skill.runtime import Runtime

log = logging.getLogger("voicecart")


def create_app(config: Config | None = None) -> Flask:
    config = config or Config.from_env()
    app = Flask("voicecart")
    app.config["MAX_CONTENT_LENGTH"] = config.max_body_bytes
    app.json.sort_keys = False
    runtime = Runtime(config)
    app.extensions["voicecart"] = runtime

    @app.get("/healthz")
    def healthz():
        return jsonify(status="ok", products=runtime.catalog().count())

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        return jsonify(error=exc.name, reason=exc.description), exc.code

    @app.errorhandler(Exception)
    def unexpected_error(exc: Exception):
        # Logged with its traceback for us; the caller gets a reason, never a stack trace.
        log.exception("unhandled error")
        return jsonify(error="Internal Server Error", reason="the server hit an unexpected error"), 500

    return app
