"""What a server counts for Prometheus: turns, latency, match confidence, orders and errors.

`ServerMetrics` owns the metric objects, registered in a registry of its own (tests make a
fresh `CollectorRegistry`; several apps in one process never clash). Under `voicecart serve`
prometheus-client runs in multiprocess mode (skill.metrics_export): every worker writes its
values to files in PROMETHEUS_MULTIPROC_DIR and a scrape adds them up across workers.

Label values come from fixed sets (channels, canonical intents, error kinds); anything else
is "other", so no caller can grow the number of series by inventing names.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter, Histogram, disable_created_metrics

from intents.dialog.conversation import APOLOGY_DOMAIN, APOLOGY_STORAGE
from intents.model import CANONICAL_INTENTS
from skill.request_log import UNHANDLED  # an unexpected exception (500, or Alexa's apology)

# The `_created` timestamps are left out: multiprocess mode cannot export them, and one
# process and many should export the same series
disable_created_metrics()

CHANNELS = frozenset({"alexa", "dialogflow-es", "dialogflow-cx", "text", "tester"})
INTENTS = frozenset(CANONICAL_INTENTS) | {"Welcome"}
OTHER = "other"

# Error kinds (the `kind` label of voicecart_errors_total)
DATABASE_UNAVAILABLE = APOLOGY_STORAGE   # a turn answered "trouble reaching your cart"
SPOKEN_APOLOGY = APOLOGY_DOMAIN          # a handler's refusal answered as "Sorry, ..."
_STATUS_KINDS = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
                 405: "not_found", 409: "conflict", 413: "too_large", 415: "bad_request",
                 422: "bad_request", 429: "rate_limited", 503: "unavailable"}
ERROR_KINDS = frozenset({DATABASE_UNAVAILABLE, SPOKEN_APOLOGY, UNHANDLED, "client_error",
                         "server_error", *_STATUS_KINDS.values()})

# A turn answers in a few milliseconds; Alexa gives up at about 8 s
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 8.0)
CONFIDENCE_BUCKETS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.99, 1.0)


def status_kind(status: int) -> str | None:
    """The error kind of an HTTP status (None below 400): a reason class, never the reason."""
    if status < 400:
        return None
    if status in _STATUS_KINDS:
        return _STATUS_KINDS[status]
    if status == 500:
        return UNHANDLED
    return "client_error" if status < 500 else "server_error"


def channel_label(channel: str | None) -> str:
    return channel if channel in CHANNELS else OTHER


def intent_label(intent: str | None) -> str:
    return intent if intent in INTENTS else OTHER


@dataclass(frozen=True)
class TurnOutcome:
    """What one answered turn tells the metrics; built by the conversation's observer."""

    channel: str
    intent: str
    confidences: tuple[float, ...] = ()   # the best match of each resolved item
    unmatched: int = 0                    # spoken items nothing matched well enough
    order_placed: bool = False
    apology: str | None = None            # DATABASE_UNAVAILABLE or SPOKEN_APOLOGY
    replayed: bool = False                # a platform's retry answered from the first reply


class ServerMetrics:
    """The metric objects. Children (one per label set) are cached in dicts: `labels()` takes a
    lock and validates on every call, a dict lookup does not (the per-turn cost, issue 22)."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.registry = registry
        self.turns = Counter("voicecart_turns", "Conversation turns answered, by intent and "
                             "channel (a replayed platform retry counts once more)",
                             ["intent", "channel"], registry=registry)
        self.latency = Histogram("voicecart_turn_latency_seconds", "Time to answer a turn "
                                 "request, from the request reaching the app to its response",
                                 ["channel"], buckets=LATENCY_BUCKETS, registry=registry)
        self.confidence = Histogram("voicecart_match_confidence", "Confidence of the best "
                                    "product match of each spoken item",
                                    buckets=CONFIDENCE_BUCKETS, registry=registry)
        self.unmatched = Counter("voicecart_unmatched_items", "Spoken items that no product "
                                 "matched well enough", ["channel"], registry=registry)
        self.orders = Counter("voicecart_orders_placed", "Orders placed by a turn",
                              ["channel"], registry=registry)
        self.errors = Counter("voicecart_errors", "Errors by kind: spoken apologies, the "
                              "database unavailable, and HTTP 4xx/5xx answers by reason class",
                              ["kind", "channel"], registry=registry)
        self._turn_children: dict[tuple[str, str], Counter] = {}
        self._latency_children: dict[str, Histogram] = {}
        self._channel_children: dict[tuple[int, str], Counter] = {}
        self._error_children: dict[tuple[str, str], Counter] = {}

    def observe_turn(self, outcome: TurnOutcome) -> None:
        channel = channel_label(outcome.channel)
        key = (intent_label(outcome.intent), channel)
        child = self._turn_children.get(key)
        if child is None:
            child = self._turn_children[key] = self.turns.labels(*key)
        child.inc()
        if outcome.replayed:
            return  # the first delivery already counted its items, order and apology
        for confidence in outcome.confidences:
            self.confidence.observe(confidence)
        if outcome.unmatched:
            self._per_channel(self.unmatched, channel).inc(outcome.unmatched)
        if outcome.order_placed:
            self._per_channel(self.orders, channel).inc()
        if outcome.apology is not None:
            self.count_error(outcome.apology, channel)

    def observe_latency(self, channel: str, seconds: float) -> None:
        channel = channel_label(channel)
        child = self._latency_children.get(channel)
        if child is None:
            child = self._latency_children[channel] = self.latency.labels(channel)
        child.observe(seconds)

    def count_error(self, kind: str, channel: str | None) -> None:
        key = (kind if kind in ERROR_KINDS else OTHER, channel_label(channel))
        child = self._error_children.get(key)
        if child is None:
            child = self._error_children[key] = self.errors.labels(*key)
        child.inc()

    def count_status(self, status: int, channel: str | None) -> None:
        kind = status_kind(status)
        if kind is not None:
            self.count_error(kind, channel)

    def _per_channel(self, metric: Counter, channel: str) -> Counter:
        key = (id(metric), channel)
        child = self._channel_children.get(key)
        if child is None:
            child = self._channel_children[key] = metric.labels(channel)
        return child


def outcome_of(channel: str, intent: str, items: Iterable, *, order_placed: bool,
               apology: str | None, replayed: bool) -> TurnOutcome:
    """A TurnOutcome from a turn's resolved items (intents.model.ItemRequest): an item the
    matcher looked at has a `match`; its `best` is None when nothing matched well enough.
    Items the platform resolved itself (Alexa's entity resolution) carry no match: not
    counted either way."""
    confidences: list[float] = []
    unmatched = 0
    for item in items:
        match = item.match
        if match is None:
            continue
        if match.best is None:
            unmatched += 1
        else:
            confidences.append(match.best.confidence)
    return TurnOutcome(channel=channel, intent=intent, confidences=tuple(confidences),
                       unmatched=unmatched, order_placed=order_placed, apology=apology,
                       replayed=replayed)
