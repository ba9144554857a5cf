"""Fixtures shared by every test layer."""
from __future__ import annotations

import os

import pytest

from support import empty_postgres_tables, postgres_database, running_server


@pytest.fixture(scope="session", autouse=True)
def _index_cache(tmp_path_factory):
    """Servers and commands on PostgreSQL keep matcher index files in the user's cache
    directory (skill.storage.index_directory): this session's go to a folder of its own, not
    into the home directory of whoever runs the tests."""
    if not os.environ.get("VOICECART_INDEX_DIR"):
        os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture
def live_server(tmp_path):
    """A real `voicecart serve --dev` process on a free 127.0.0.1 port, seeded with the demo catalog."""
    with running_server(tmp_path / "live.db", "--dev") as (base, _):
        yield base


@pytest.fixture(scope="session")
def pg_schema_url():
    """One database per test session with the current schema (`voicecart db upgrade`)."""
    from skill.storage import PostgresStorage

    with postgres_database("voicecart_test") as url:
        storage = PostgresStorage(url)
        storage.upgrade()
        storage.close()
        yield url


@pytest.fixture
def pg_url(pg_schema_url):
    """The session's PostgreSQL database, every table emptied for this test."""
    empty_postgres_tables(pg_schema_url)
    return pg_schema_url


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request) -> str:
    """Parametrizes a test over both storage backends (PostgreSQL skips with one line when no
    server is running, and fails in CI)."""
    return request.param
