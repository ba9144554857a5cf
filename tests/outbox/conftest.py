"""Fixtures for the outbox tests: an app on a fresh database with the demo catalog, a fake
clock for the dispatcher, a real receiver on 127.0.0.1 and a dispatcher posting to it."""
from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from cart.outbox.dispatcher import Dispatcher, DispatcherSettings
from cart.outbox.retry import RetryPolicy
from cart.outbox.sender import WebhookSender
from skill.app import create_app
from skill.config import Config
from webhook_kit import SECRET, FakeClock, Receiver


@pytest.fixture(scope="session")
def outbox_seed(tmp_path_factory):
    path = tmp_path_factory.mktemp("outbox-seed") / "seed.db"
    create_app(Config(db_path=path, dev=True))
    return path


@pytest.fixture
def db_path(tmp_path, outbox_seed, backend, request):
    """The test's database: a copy of the seeded SQLite file, or the emptied PostgreSQL one
    (the app seeds it when it starts); every outbox test runs on both."""
    if backend == "postgresql":
        from skill.storage import PostgresUrl
        return PostgresUrl(request.getfixturevalue("pg_url"))
    path = tmp_path / "voicecart.db"
    with sqlite3.connect(outbox_seed) as source, sqlite3.connect(path) as target:
        source.backup(target)
    return path


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def runtime(db_path, clock):
    # the dispatcher thread stays off: these tests drive Dispatcher.run_once themselves
    app = create_app(Config(db_path=db_path, dev=True, outbox_dispatcher=False), clock=clock)
    yield app.extensions["voicecart"]
    app.extensions["voicecart"].storage.close()  # a PostgreSQL pool outlives no test


@pytest.fixture
def receiver():
    with Receiver() as r:
        yield r


@pytest.fixture
def make_dispatcher(runtime, clock):
    def make(url: str, *, limit: timedelta = timedelta(hours=24), timeout: float = 0.5,
             holder: str | None = None, rand=lambda: 0.5) -> Dispatcher:
        sender = WebhookSender(url, SECRET, dev=True, timeout=timeout)
        settings = DispatcherSettings(policy=RetryPolicy(limit=limit))
        return Dispatcher(runtime.outbox, sender.send, settings=settings, clock=clock,
                          rand=rand, holder=holder)
    return make
