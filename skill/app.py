"""The Flask app factory: routes, body limits and JSON errors for every failure."""
from __future__ import annotations

import logging

from collections.abc import Callable
from datetime import datetime

from flask import Flask, g, jsonify
from prometheus_client import CollectorRegistry
from werkzeug.exceptions import HTTPException

from intents.dialog.conversation import utcnow
from skill.alexa.verify import AlexaRequestVerifier
from skill.body_limit import BodyLimit
from skill.catalog_api import CATALOG_PATH, MAX_CATALOG_BODY, bp as catalog_api
from skill.config import Config
from skill import request_log
from skill.metrics_export import bp as metrics_route
from skill.runtime import Runtime
from catalog.sql import STORAGE_ERRORS

log = logging.getLogger("voicecart")


def create_app(config: Config | None = None, *, clock: Callable[[], datetime] | None = None,
               alexa_verifier: AlexaRequestVerifier | None = None,
               registry: CollectorRegistry | None = None) -> Flask:
    """The voicecart WSGI app. `clock` and `alexa_verifier` are injectable so tests can fix
    the time and trust a throwaway certificate authority; production uses the defaults.
    `registry`: where the app's metrics live (None: a registry of its own)."""
    config = config or Config.from_env()
    app = Flask("voicecart")
    app.config["MAX_CONTENT_LENGTH"] = config.max_body_bytes
    app.wsgi_app = BodyLimit(app.wsgi_app, config.max_body_bytes,  # type: ignore[method-assign]
                             path_limits={CATALOG_PATH: MAX_CATALOG_BODY})
    app.json.sort_keys = False
    runtime = Runtime(config, clock=clock or utcnow, registry=registry)
    app.extensions["voicecart"] = runtime
    # first of all hooks: every later hook's log lines carry the request id
    request_log.install(app, runtime.metrics)

    from skill.alexa.route import init_alexa
    from skill.order_events_route import bp as order_events
    from skill.dialogflow.webhook import bp as dialogflow_webhooks
    from skill.account_page import bp as account_page
    from skill.oauth_routes import bp as oauth_routes
    from skill.tester.web_routes import bp as browser_tester
    from skill.text_channel import bp as text_channel
    from skill.test_shoppers_route import bp as test_shoppers

    app.register_blueprint(text_channel)
    app.register_blueprint(test_shoppers)
    init_alexa(app, alexa_verifier)
    app.register_blueprint(dialogflow_webhooks)
    app.register_blueprint(browser_tester)
    app.register_blueprint(order_events)
    app.register_blueprint(catalog_api)
    app.register_blueprint(metrics_route)

    @app.before_request
    def start_background_work() -> None:
        # a no-op after the first request of each process (see Runtime.start_background)
        runtime.start_background()
    app.register_blueprint(oauth_routes)
    app.register_blueprint(account_page)

    if not config.dev and not config.dialogflow_credentials:
        log.warning("the Dialogflow webhooks will refuse every request (401): set "
                    "VOICECART_DIALOGFLOW_USER and VOICECART_DIALOGFLOW_PASSWORD, or "
                    "VOICECART_DIALOGFLOW_TOKEN")

    @app.before_request
    def housekeeping():
        scope = runtime.storage.request_scope()
        scope.__enter__()
        g.storage_scope = scope  # one database connection per request (PostgreSQL)
        runtime.housekeeping_if_due()

    @app.teardown_request
    def end_storage_scope(exc):
        scope = g.pop("storage_scope", None)
        if scope is not None:
            scope.__exit__(None, None, None)

    @app.get("/healthz")
    def healthz():
        try:
            products = runtime.catalog().count()
        except STORAGE_ERRORS as exc:  # a load balancer takes the node out; nobody waits on it
            log.warning("healthz: database unreachable: %s", exc)
            return jsonify(status="unavailable", reason="the database cannot be reached"), 503
        return jsonify(status="ok", products=products)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        return jsonify(error=exc.name, reason=exc.description), exc.code

    @app.errorhandler(Exception)
    def unexpected_error(exc: Exception):
        # Logged with its traceback for us; the caller gets a reason, never a stack trace.
        log.exception("unhandled error")
        return jsonify(error="Internal Server Error", reason="the server hit an unexpected error"), 500

    return app
