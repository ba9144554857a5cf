"""Fixtures for the metrics and request-log tests: an app on a copy of a seeded SQLite file,
with its metrics in a fresh prometheus-client registry the test can read."""
from __future__ import annotations

import io
import json
import logging
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest
from prometheus_client import CollectorRegistry

from skill.app import create_app
from skill.config import Config
from skill.request_log import JsonFormatter, RequestIdFilter

START = datetime(2026, 11, 25, 14, 0, tzinfo=timezone.utc)  # 9 AM in the demo stores' time



class Clock:
    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture(scope="session")
def observed_seed(tmp_path_factory):
    path = tmp_path_factory.mktemp("observability-seed") / "seed.db"
    create_app(Config(db_path=path, dev=True), registry=CollectorRegistry())
    return path


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def make_app(tmp_path, observed_seed, clock):
    """make_app(**config) -> (app, registry): a fresh copy of the seeded database each time."""
    def make(**settings):
        path = tmp_path / f"shop{len(list(tmp_path.glob('shop*.db')))}.db"
        with sqlite3.connect(observed_seed) as source, sqlite3.connect(path) as target:
            source.backup(target)
        registry = CollectorRegistry()
        app = create_app(Config(db_path=path, **{"dev": True, **settings}), clock=clock,
                         registry=registry)
        return app, registry
    return make


@pytest.fixture
def json_logs():
    """Every record of the test as the JSON lines `--log-format json` writes."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
