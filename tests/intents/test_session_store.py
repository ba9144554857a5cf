"""The session store: ending a session, and replies kept for retried platform requests
(in the session's row with its state, or in a record of their own)."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from catalog.database import open_database
from intents.dialog.session import DialogState, KeptReply, SqliteSessionStore

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


def test_the_expiry_is_rewritten_only_when_due_a_refresh(store):
    """A turn wrote its state and expiry (and so the expiry index) on every turn (issue 22):
    now an unchanged state is not written and a changed one keeps its expiry, until the expiry
    is over a minute old, so a session still lives 30 minutes after its last turn, give or take
    a minute."""
    from datetime import timedelta

    from intents.dialog.session import SESSION_REFRESH, SESSION_TTL

    def expiry() -> str:
        return store.sql.execute("select expires_at from dialog_sessions where channel = 'text' "
                                 "and session_id = 's1'").fetchone()[0]

    store.save("text", "s1", DialogState("ann", last_product_id="p1"), NOW)
    written = expiry()
    soon = NOW + SESSION_REFRESH / 2
    store.save("text", "s1", store.load("text", "s1", soon), soon)
    assert expiry() == written  # unchanged, and fresh: not written

    changed = store.load("text", "s1", soon)
    changed.last_product_id = "p2"
    store.save("text", "s1", changed, soon)
    assert expiry() == written  # changed, and fresh: the text alone is written
    assert store.load("text", "s1", soon).last_product_id == "p2"

    later = soon + SESSION_REFRESH + timedelta(seconds=1)
    store.save("text", "s1", store.load("text", "s1", later), later)
    assert expiry() == (later + SESSION_TTL).isoformat()  # refreshed: the session lives on
    changed = store.load("text", "s1", later)
    changed.last_product_id = "p3"
    last = later + SESSION_REFRESH + timedelta(seconds=1)
    store.save("text", "s1", changed, last)
    assert expiry() == (last + SESSION_TTL).isoformat()  # changed, and due: both written
    assert store.load("text", "s1", last).last_product_id == "p3"
    # another shopper's state under the same session id is never taken for "unchanged"
    store.save("text", "s1", DialogState("bob", last_product_id="p2"), later)
    assert store.load("text", "s1", later).customer_id == "ann"


def test_a_state_saved_after_its_session_ended_is_kept(store):
    """The same store loaded the row, the session ended (and its row went), then a turn of the
    same session id found nothing: its state is stored whole, not as an update of the row
    that is gone."""
    store.save("text", "s1", DialogState("ann", last_product_id="p1"), NOW)
    loaded = store.load("text", "s1", NOW)
    store.end("text", "s1", "ann")
    assert store.load("text", "s1", NOW) is None
    loaded.last_product_id = "p2"
    store.save("text", "s1", loaded, NOW)
    assert store.load("text", "s1", NOW).last_product_id == "p2"


def test_a_keyed_turns_first_reads_answer_as_the_reads_alone(store):
    """prefetch declares the turn's replay lookup and state load (SQLite reads both in one
    statement, PostgreSQL sends both in one exchange inside a batch): recall_reply and load
    answer just as without it, for a live row, an expired one and a missing one."""
    from datetime import timedelta

    later = NOW + timedelta(hours=2)  # past the replay's hour and the session's 30 minutes
    store.save("alexa", "s1", DialogState("ann", last_product_id="p1"), NOW)
    store.remember_reply("k1", {"speech": "Added milk."}, NOW)
    for now, reply, product in ((NOW, {"speech": "Added milk."}, "p1"), (later, None, None)):
        for key, session in (("k1", "s1"), ("k2", "s1"), ("k1", "s2")):
            store.prefetch(key, "alexa", session, now)
            assert store.recall_reply(key, now) == (reply if key == "k1" else None)
            state = store.load("alexa", session, now)
            assert (state.last_product_id if state else None) == (product if session == "s1" else None)
    # a state saved after the prefetch is what the next load reads (the row is taken once)
    store.prefetch("k3", "alexa", "s1", NOW)
    store.recall_reply("k3", NOW)
    store.load("alexa", "s1", NOW)
    store.save("alexa", "s1", DialogState("ann", last_product_id="p2"), NOW)
    assert store.load("alexa", "s1", NOW).last_product_id == "p2"


def _turn(store, key: str, session: str, customer: str, now=NOW,
          change: str | None = None, reply: KeptReply | None = None) -> dict | None:
    """One keyed turn as the conversation runs it: the replay lookup, then (when nothing is
    replayed) the state loaded, `change`d (its last product) and saved with `reply`."""
    store.prefetch(key, "alexa", session, now)
    found = store.recall_reply(key, now)
    if found is not None:
        return found
    state = store.load("alexa", session, now)
    if state is None or state.customer_id != customer:
        state = DialogState(customer)
    if change is not None:
        state.last_product_id = change
    store.save("alexa", session, state, now, reply)
    return None


def _records(store) -> int:
    return store.sql.execute("select count(*) from replayed_requests").fetchone()[0]


def test_a_turns_reply_is_kept_in_its_sessions_row_and_replayed_there(store):
    """One row written for the dialog, not a state row and a replay record (issue 22)."""
    milk = KeptReply("k1", {"speech": "Added milk."})
    assert _turn(store, "k1", "s1", "ann", change="p1", reply=milk) is None
    assert _records(store) == 0
    assert _turn(store, "k1", "s1", "ann") == {"speech": "Added milk."}  # the retry
    assert _turn(store, "k1", "s2", "ann") is None  # another session's row holds no such reply
    # the same shopper's next turn, state unchanged: the row takes its reply all the same
    assert _turn(store, "k2", "s1", "ann", reply=KeptReply("k2", {"speech": "Added eggs."})) is None
    assert _turn(store, "k2", "s1", "ann") == {"speech": "Added eggs."}
    assert store.load("alexa", "s1", NOW).last_product_id == "p1"
    # the row keeps the session's latest reply: an earlier request's retry runs again
    assert _turn(store, "k1", "s1", "ann") is None
    assert _records(store) == 0


def test_a_reply_another_shoppers_live_session_row_refuses_is_kept_as_a_record(store):
    """bob's live session is not taken over by a request naming its id (its pending question
    stays), and the request's reply still reaches its retry, from a record of its own."""
    store.save("alexa", "s1", DialogState("bob", pending={"kind": "confirm_order"}), NOW)
    reply = KeptReply("k-ann", {"speech": "Added milk."})
    assert _turn(store, "k-ann", "s1", "ann", change="p1", reply=reply) is None
    assert _records(store) == 1
    assert _turn(store, "k-ann", "s1", "ann") == {"speech": "Added milk."}
    assert store.load("alexa", "s1", NOW).pending == {"kind": "confirm_order"}


def test_a_turn_that_only_asked_keeps_its_reply_only_when_its_state_changed(store):
    asked = {"speech": "Your cart has milk."}
    _turn(store, "k0", "s1", "ann", change="p1")
    _turn(store, "k1", "s1", "ann", reply=KeptReply("k1", asked, if_state_written=True))
    assert _turn(store, "k1", "s1", "ann") is None  # nothing written, nothing to replay
    _turn(store, "k2", "s1", "ann", change="p2", reply=KeptReply("k2", asked, if_state_written=True))
    assert _turn(store, "k2", "s1", "ann") == asked


def test_expired_replay_records_are_purged_a_batch_at_a_time(store, monkeypatch):
    """Every write purges here (PURGE_EVERY 1): up to PURGE_LIMIT records a write, expired
    ones only, whatever the store finds them by (SQLite: among the oldest rows, PostgreSQL: the
    expiry's index)."""
    from datetime import timedelta

    from intents.dialog import session

    monkeypatch.setattr(session, "PURGE_EVERY", 1)
    monkeypatch.setattr(session, "PURGE_LIMIT", 4)

    def keys() -> set[str]:
        return {r[0] for r in store.sql.execute("select request_key from replayed_requests").fetchall()}

    for i in range(6):
        store.remember_reply(f"old{i}", {"speech": "Added milk."}, NOW)
    for i in range(2):
        store.remember_reply(f"new{i}", {"speech": "Added eggs."}, NOW + timedelta(minutes=30))
    later = NOW + session.REPLAY_TTL + timedelta(minutes=1)  # the old ones have expired
    store.remember_reply("a", {"speech": "Added bread."}, later)
    assert len({k for k in keys() if k.startswith("old")}) == 2  # one batch of four went
    store.remember_reply("b", {"speech": "Added bread."}, later)
    assert keys() == {"new0", "new1", "a", "b"}  # the rest; nothing live
    assert store.recall_reply("new1", later) == {"speech": "Added eggs."}


def test_an_older_files_replay_expiry_index_is_dropped_and_its_records_kept(tmp_path):
    db = open_database(tmp_path / "old.db")
    db.executescript("""
        create table replayed_requests (
            request_key text primary key, reply text not null, expires_at text not null);
        create index replayed_requests_expiry on replayed_requests(expires_at);
        insert into replayed_requests values ('k', '{"speech": "Added milk."}', '2026-11-25T13:00:00+00:00');
    """)
    sessions = SqliteSessionStore(db)
    sessions.ensure_schema()
    indexes = {r[0] for r in db.execute("select name from sqlite_master where type = 'index' "
                                        "and tbl_name = 'replayed_requests'")}
    assert "replayed_requests_expiry" not in indexes
    assert sessions.recall_reply("k", NOW) == {"speech": "Added milk."}


def test_an_older_files_sessions_gain_the_reply_columns_and_keep_their_state(tmp_path):
    db = open_database(tmp_path / "old.db")
    db.executescript("""
        create table dialog_sessions (
            channel text not null, session_id text not null, customer_id text not null,
            state text not null, expires_at text not null, primary key (channel, session_id));
        insert into dialog_sessions values ('alexa', 's1', 'ann',
            '{"context": {}, "customer_id": "ann", "last_product_id": "p1", "pending": null}',
            '2026-11-25T12:30:00+00:00');
    """)
    sessions = SqliteSessionStore(db)
    sessions.ensure_schema()
    sessions.ensure_schema()  # every worker runs it at start
    assert sessions.load("alexa", "s1", NOW).last_product_id == "p1"
    assert _turn(sessions, "k1", "s1", "ann", reply=KeptReply("k1", {"speech": "Hi."})) is None
    assert _turn(sessions, "k1", "s1", "ann") == {"speech": "Hi."}
