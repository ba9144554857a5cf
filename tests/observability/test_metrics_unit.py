"""skill.metrics on its own, each test with a fresh CollectorRegistry."""
from __future__ import annotations

from decimal import Decimal

import pytest
from prometheus_client import CollectorRegistry

from catalog.model import Candidate, Match
from intents.model import ItemRequest
from skill.metrics import (DATABASE_UNAVAILABLE, SPOKEN_APOLOGY, ServerMetrics, TurnOutcome,
                           outcome_of, status_kind)
from metrics_kit import sample


@pytest.fixture
def metrics() -> ServerMetrics:
    return ServerMetrics(CollectorRegistry())


def test_turns_are_counted_by_intent_and_channel(metrics):
    for _ in range(3):
        metrics.observe_turn(TurnOutcome(channel="alexa", intent="AddItem"))
    metrics.observe_turn(TurnOutcome(channel="dialogflow-cx", intent="Checkout"))
    registry = metrics.registry
    assert sample(registry, "voicecart_turns_total", intent="AddItem", channel="alexa") == 3
    assert sample(registry, "voicecart_turns_total", intent="Checkout", channel="dialogflow-cx") == 1
    assert sample(registry, "voicecart_turns_total", intent="AddItem", channel="dialogflow-cx") == 0


def test_names_outside_the_known_sets_are_counted_as_other(metrics):
    """A caller cannot grow the number of series by inventing intents or channels."""
    for i in range(50):
        metrics.observe_turn(TurnOutcome(channel=f"made-up-{i}", intent=f"Intent{i}"))
        metrics.count_error(f"kind-{i}", f"channel-{i}")
    registry = metrics.registry
    assert sample(registry, "voicecart_turns_total", intent="other", channel="other") == 50
    assert sample(registry, "voicecart_errors_total", kind="other", channel="other") == 50
    series = [s for family in registry.collect() for s in family.samples
              if s.name in ("voicecart_turns_total", "voicecart_errors_total")]
    assert len(series) == 2


def test_items_give_confidences_and_unmatched_counts(metrics):
    from catalog.model import Product

    milk = Candidate(Product(id="1", name="Whole Milk", price=Decimal("3.00")), 0.93)
    items = [ItemRequest("milk", match=Match("milk", milk)),
             ItemRequest("zorbleflux", match=Match("zorbleflux", None)),
             ItemRequest("eggs", product_id="2"),   # resolved by the platform: not counted
             ItemRequest("", quantity=3)]            # "make that three": nothing to match
    outcome = outcome_of("text", "AddItem", items, order_placed=False, apology=None,
                         replayed=False)
    assert outcome.confidences == (0.93,) and outcome.unmatched == 1
    metrics.observe_turn(outcome)
    registry = metrics.registry
    assert sample(registry, "voicecart_match_confidence_count") == 1
    assert sample(registry, "voicecart_match_confidence_sum") == pytest.approx(0.93)
    assert sample(registry, "voicecart_match_confidence_bucket", le="0.9") == 0
    assert sample(registry, "voicecart_match_confidence_bucket", le="0.95") == 1
    assert sample(registry, "voicecart_unmatched_items_total", channel="text") == 1


def test_a_replayed_retry_counts_as_a_turn_but_not_its_order_or_items_again(metrics):
    placed = TurnOutcome(channel="alexa", intent="Yes", confidences=(0.9,), unmatched=1,
                         order_placed=True, apology=None)
    metrics.observe_turn(placed)
    metrics.observe_turn(TurnOutcome(channel="alexa", intent="Yes", confidences=(0.9,),
                                     unmatched=1, order_placed=False, replayed=True))
    registry = metrics.registry
    assert sample(registry, "voicecart_turns_total", intent="Yes", channel="alexa") == 2
    assert sample(registry, "voicecart_orders_placed_total", channel="alexa") == 1
    assert sample(registry, "voicecart_unmatched_items_total", channel="alexa") == 1
    assert sample(registry, "voicecart_match_confidence_count") == 1


def test_apologies_and_http_statuses_are_errors_by_kind(metrics):
    metrics.observe_turn(TurnOutcome(channel="text", intent="AddItem",
                                     apology=DATABASE_UNAVAILABLE))
    metrics.observe_turn(TurnOutcome(channel="text", intent="Checkout", apology=SPOKEN_APOLOGY))
    for status in (400, 401, 401, 413, 500, 503, 200, 302):
        metrics.count_status(status, "alexa")
    registry = metrics.registry
    assert sample(registry, "voicecart_errors_total", kind="database_unavailable", channel="text") == 1
    assert sample(registry, "voicecart_errors_total", kind="spoken_apology", channel="text") == 1
    assert sample(registry, "voicecart_errors_total", kind="unauthorized", channel="alexa") == 2
    assert sample(registry, "voicecart_errors_total", kind="bad_request", channel="alexa") == 1
    assert sample(registry, "voicecart_errors_total", kind="too_large", channel="alexa") == 1
    assert sample(registry, "voicecart_errors_total", kind="unhandled", channel="alexa") == 1
    assert sample(registry, "voicecart_errors_total", kind="unavailable", channel="alexa") == 1
    total = sum(s.value for f in registry.collect() for s in f.samples
                if s.name == "voicecart_errors_total")
    assert total == 8  # 200 and 302 are not errors


@pytest.mark.parametrize("status, kind", [(200, None), (399, None), (404, "not_found"),
                                          (405, "not_found"), (418, "client_error"),
                                          (502, "server_error"), (415, "bad_request")])
def test_status_kinds(status, kind):
    assert status_kind(status) == kind


def test_latency_is_a_histogram_per_channel(metrics):
    metrics.observe_latency("dialogflow-es", 0.003)
    metrics.observe_latency("dialogflow-es", 0.2)
    metrics.observe_latency("somewhere", 1.0)
    registry = metrics.registry
    assert sample(registry, "voicecart_turn_latency_seconds_count", channel="dialogflow-es") == 2
    assert sample(registry, "voicecart_turn_latency_seconds_bucket", channel="dialogflow-es",
                  le="0.005") == 1
    assert sample(registry, "voicecart_turn_latency_seconds_bucket", channel="dialogflow-es",
                  le="0.25") == 2
    assert sample(registry, "voicecart_turn_latency_seconds_count", channel="other") == 1
