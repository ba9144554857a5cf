"""Reading metrics in tests (importable as `metrics_kit`): from a registry, or from the text a
real server's /metrics answered."""
from __future__ import annotations

from prometheus_client import CollectorRegistry
from prometheus_client.parser import text_string_to_metric_families

TOKEN = "metrics-token-for-tests"


def sample(registry: CollectorRegistry, name: str, **labels: str) -> float:
    """A sample's value (0 when the series does not exist yet)."""
    value = registry.get_sample_value(name, labels)
    return 0.0 if value is None else value


def scraped(text: str) -> dict[tuple[str, frozenset], float]:
    """The exposition text as {(sample name, frozenset of label items): value}."""
    return {(s.name, frozenset(s.labels.items())): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def value(samples: dict[tuple[str, frozenset], float], name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)
