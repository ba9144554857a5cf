"""Fixtures shared by every test layer."""
from __future__ import annotations

import pytest

from support import empty_postgres_tables, postgres_database, running_server


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
