"""PostgreSQL batched transactions (catalog.pg_database.PgSession, issue 22): a keyed
conversation turn costs at most three round trips, and batching keeps a transaction atomic
(a failed queued write undoes the turn; a savepoint undone inside it undoes only its part;
a read queued ahead never hides the turn's own writes)."""
from __future__ import annotations

import re
import uuid

import psycopg
import pytest

from catalog.pg_database import PgDatabase

KEY_SQL = "select reply from replayed_requests where request_key = ?"
INSERT = "insert into replayed_requests(request_key, reply, expires_at) values (?, ?, ?)"


@pytest.fixture
def session(pg_url, request):
    database = PgDatabase(pg_url, pool_size=1)
    request.addfinalizer(database.close)
    return database.session()


def _reply(session, key: str):
    found = session.execute(KEY_SQL, [key]).fetchone()
    return found[0] if found else None


def test_a_failed_queued_write_rolls_the_whole_batch_back(session):
    with pytest.raises(psycopg.Error):
        with session.transaction(batched=True):
            session.execute_later(INSERT, ["k1", "{}", "2999-01-01"])
            session.execute_later(INSERT, ["k1", "{}", "2999-01-01"])  # duplicate key
    assert _reply(session, "k1") is None
    with session.transaction(batched=True):  # the connection is usable again
        session.execute_later(INSERT, ["k2", "{}", "2999-01-01"])
    assert _reply(session, "k2") == "{}"


def test_a_savepoint_undone_inside_a_batch_undoes_only_its_writes(session):
    with session.transaction(batched=True):
        session.execute_later(INSERT, ["outer", "{}", "2999-01-01"])
        with pytest.raises(ValueError):
            with session.transaction():
                session.execute_later(INSERT, ["inner", "{}", "2999-01-01"])
                raise ValueError("a domain error after a write")
    assert _reply(session, "outer") == "{}"
    assert _reply(session, "inner") is None


def test_a_read_queued_ahead_sees_the_writes_made_after_it(session):
    with session.transaction(batched=True):
        session.prefetch(KEY_SQL, ["k"])
        assert _reply(session, "k") is None
        session.execute_later(INSERT, ["k", '{"speech": "hi"}', "2999-01-01"])
        assert _reply(session, "k") == '{"speech": "hi"}'


def test_a_batch_knows_whether_it_has_written(session):
    """A keyed turn that only read keeps no replay record (intents.dialog.turn.ASKS_ONLY):
    reads, reads declared ahead and locks are not writes; a held-back write is one."""
    assert session.turn_wrote()  # outside a turn nobody can tell: assume a write
    with session.transaction(batched=True):
        session.prefetch(KEY_SQL, ["k"])
        session.lock("replay", "k")
        assert _reply(session, "k") is None and _reply(session, "other") is None
        assert not session.turn_wrote()
        session.execute_later(INSERT, ["k", "{}", "2999-01-01"])
        assert session.turn_wrote()
    with session.transaction(batched=True):
        session.execute("delete from replayed_requests where request_key = ?", ["k"])
        assert session.turn_wrote()


def _round_trips(trace_path) -> int:
    """Waits for the server: one per frontend Sync (extended protocol: one per pipeline
    exchange) or Query (simple protocol)."""
    with open(trace_path) as trace:
        return len(re.findall(r"\tF\t\d+\t(?:Sync|Query)\b", trace.read()))


def test_a_keyed_turn_costs_at_most_three_round_trips(pg_url, tmp_path, monkeypatch):
    from skill.app import create_app
    from skill.config import Config
    from skill.storage import PostgresUrl

    trace_path = tmp_path / "libpq.trace"
    trace = open(trace_path, "w")
    connect = psycopg.Connection.connect.__func__
    opened: list[psycopg.Connection] = []

    def traced(cls, *args, **kwargs):  # every connection the server's pool opens
        conn = connect(cls, *args, **kwargs)
        conn.pgconn.trace(trace.fileno())
        opened.append(conn)
        return conn

    monkeypatch.setattr(psycopg.Connection, "connect", classmethod(traced))
    app = create_app(Config(db_path=PostgresUrl(pg_url), dev=True))
    runtime = app.extensions["voicecart"]
    try:
        _three_round_trips_at_most(runtime, trace, trace_path)
    finally:
        # libpq keeps writing to the descriptor it traces to: every connection must be closed
        # or untraced before the file is, or a later test's file that reuses the number (a
        # SQLite database, once) gets the trace lines written into it
        runtime.storage.close()
        for conn in opened:
            if not conn.closed:
                conn.pgconn.untrace()
                conn.close()
        trace.close()


def _three_round_trips_at_most(runtime, trace, trace_path) -> None:
    # The catalog's freshness poll (at most once a second per process, whatever the traffic)
    # is not a turn's: polled once now, then not during this test
    runtime.matchers._check_every = float("inf")
    conversation = runtime.conversation
    shopper = f"amzn1.ask.account.{uuid.uuid4().hex}"

    def turn(text: str) -> str:
        before = (trace.flush(), _round_trips(trace_path))[1]
        reply = conversation.respond(channel="alexa", session_id="s1", customer_id=shopper,
                                     text=text, request_key=uuid.uuid4().hex)
        trace.flush()
        assert _round_trips(trace_path) - before <= 3, text
        return reply.speech

    turn("add whole milk")  # the first turn also makes the shopper's rows
    assert "banana" in turn("add two bananas").lower()
    assert "milk" in turn("what's in my cart").lower()
    # a cart read that wrote nothing keeps no replay record (intents.dialog.turn.ASKS_ONLY)
    records = runtime.storage.session().execute("select count(*) from replayed_requests").fetchone()[0]
    assert "milk" in turn("what's in my cart").lower()
    assert runtime.storage.session().execute(
        "select count(*) from replayed_requests").fetchone()[0] == records
    turn("add whole milk")
