"""GET /metrics: the Prometheus text exposition, behind a bearer token.

Protection: the route answers only when VOICECART_METRICS_TOKEN is set (404 with a reason
otherwise, so an unconfigured server shows nothing), and then only to `Authorization: Bearer
<token>` (401 otherwise, compared in constant time). `--dev` changes nothing here. A token on
the public port was chosen over a separate admin port: one port means one listener to run, one
gunicorn to configure and one nginx upstream, and a scraper behind the same TLS front needs no
extra hole; the token keeps the numbers (order volume, error rates) from the public.

Under `voicecart serve` every gunicorn worker writes its values to files in
PROMETHEUS_MULTIPROC_DIR (skill.server sets that directory up and removes it); whichever worker
answers the scrape adds all of them up with prometheus-client's `MultiProcessCollector`. In a
single process (tests, another WSGI server) the app's own registry is exported.

The outbox gauges are computed at scrape time from the database, once for the whole
installation, and only when order events are delivered (VOICECART_WEBHOOK_URL set).
"""
from __future__ import annotations

import hmac
import logging
import os
from collections.abc import Iterator

from flask import Blueprint, Response, current_app, request
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client import multiprocess, values
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from catalog.sql import STORAGE_ERRORS
from skill.http_utils import reject

log = logging.getLogger("voicecart.metrics")
bp = Blueprint("metrics", __name__)

NOT_CONFIGURED = ("metrics are not configured: set VOICECART_METRICS_TOKEN on the server and "
                  "scrape with 'Authorization: Bearer <token>'")


def multiprocess_mode() -> bool:
    """True when this process writes its values to PROMETHEUS_MULTIPROC_DIR's files."""
    return bool(getattr(values.ValueClass, "_multiprocess", False))


class OutboxCollector(Collector):
    """The order-event outbox at scrape time: lag (age of the oldest undelivered event) and
    how many events wait or are dead."""

    def __init__(self, runtime) -> None:
        self.runtime = runtime

    def collect(self) -> Iterator[Metric]:
        if self.runtime.config.webhook_url is None:
            return  # no outbox is being delivered: a lag would only ever grow
        try:
            backlog = self.runtime.outbox().backlog()
        except STORAGE_ERRORS as exc:
            log.warning("metrics: the outbox could not be read: %s", type(exc).__name__)
            yield GaugeMetricFamily("voicecart_outbox_readable", "1 when the scrape could read "
                                    "the outbox from the database", value=0)
            return
        yield GaugeMetricFamily("voicecart_outbox_readable", "1 when the scrape could read "
                                "the outbox from the database", value=1)
        yield GaugeMetricFamily("voicecart_outbox_lag_seconds", "Age of the oldest order event "
                                "not yet delivered (0 when none waits)",
                                value=backlog.lag_seconds(self.runtime.clock()))
        events = GaugeMetricFamily("voicecart_outbox_events", "Order events not delivered, by "
                                   "state (pending: still retried; dead: gave up)",
                                   labels=["state"])
        events.add_metric(["pending"], backlog.pending)
        events.add_metric(["dead"], backlog.dead)
        yield events


def scrape_registry(runtime) -> CollectorRegistry:
    """What one scrape exports: every worker's files in multiprocess mode, else this app's
    registry; plus the outbox gauges."""
    if not multiprocess_mode():
        return runtime.metrics.registry
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry, path=os.environ["PROMETHEUS_MULTIPROC_DIR"])
    registry.register(runtime.outbox_collector)
    return registry


@bp.get("/metrics")
def metrics():
    runtime = current_app.extensions["voicecart"]
    token = runtime.config.metrics_token
    if token is None:
        return reject(404, NOT_CONFIGURED)
    given = request.headers.get("Authorization", "")
    if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        response, status = reject(401, "missing or wrong bearer token: send 'Authorization: "
                                       "Bearer <VOICECART_METRICS_TOKEN>'")
        response.headers["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response, status
    body = generate_latest(scrape_registry(runtime))
    return Response(body, status=200, content_type=CONTENT_TYPE_LATEST,
                    headers={"Cache-Control": "no-store"})
