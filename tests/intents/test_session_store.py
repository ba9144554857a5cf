"""The session store: ending a session, and replies kept for retried platform requests."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from catalog.database import open_database
from intents.dialog.session import DialogState, SqliteSessionStore

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def store(tmp_path, backend, request):
    if backend == "postgresql":
        from catalog.pg_database import PgDatabase
        from intents.dialog.session_postgres import PostgresSessionStore

        database = PgDatabase(request.getfixturevalue("pg_url"), pool_size=1)
        request.addfinalizer(database.close)
        return PostgresSessionStore(database)
    sessions = SqliteSessionStore(open_database(tmp_path / "s.db"))
    sessions.ensure_schema()
    return sessions


def test_ending_a_session_is_limited_to_its_shopper(store):
    store.save("text", "s1", DialogState("ann", pending={"kind": "confirm_order"}), NOW)
    store.end("text", "s1", "bob")
    assert store.load("text", "s1", NOW).pending == {"kind": "confirm_order"}
    store.end("text", "s1", "ann")
    assert store.load("text", "s1", NOW) is None


def test_a_remembered_reply_is_replayed_until_it_expires(store):
    store.remember_reply("alexa:u:r1", {"speech": "Added milk."}, NOW)
    assert store.recall_reply("alexa:u:r1", NOW) == {"speech": "Added milk."}
    assert store.recall_reply("alexa:u:r1", NOW.replace(hour=14)) is None
