"""Which keyed turns keep a replay record (issue 22, intents.dialog.turn.ASKS_ONLY).

A retried request id is answered from its record, so it never adds or orders twice. A turn
that only read the cart or asked checkout's question, and wrote nothing, keeps none: its retry
runs it again, which again only reads or asks. Such a turn then takes no write lock and commits
nothing. Any turn that wrote (an item, a held slot, a changed dialog state) is recorded."""
from __future__ import annotations

import sqlite3
import uuid

import pytest

from intents.dialog.conversation import _scoped
from tests.dialog.conftest import SHOP, USER

CHANNEL, SESSION = "alexa", "amzn1.echo-api.session.replay"


@pytest.fixture
def turn(runtime):
    """turn(text, key=None, session=...) -> Understanding of one keyed Alexa turn of ann's."""
    def turn(text: str, key: str | None = None, session: str = SESSION):
        return runtime.conversation.understand(channel=CHANNEL, session_id=session,
                                               customer_id=USER, text=text,
                                               request_key=key or uuid.uuid4().hex)
    return turn


@pytest.fixture
def watch(app):
    """A second connection to the file: what the turns stored, and whether they committed."""
    conn = sqlite3.connect(app.extensions["voicecart"].config.db_path)
    yield conn
    conn.close()


def _kept(conn: sqlite3.Connection, key: str) -> bool:
    """Whether the reply to `key` is kept: in its session's row (the session's latest keyed
    turn) or in a record of its own (intents.dialog.session)."""
    scoped = _scoped(CHANNEL, USER, key)
    return conn.execute("select exists (select 1 from replayed_requests where request_key = ?) "
                        "or exists (select 1 from dialog_sessions where reply_key = ?)",
                        [scoped, scoped]).fetchone()[0] == 1


def _commits_seen(conn: sqlite3.Connection) -> int:
    # changes whenever another connection commits to the file
    return conn.execute("PRAGMA data_version").fetchone()[0]


def test_a_cart_read_that_wrote_nothing_keeps_no_record_and_commits_nothing(turn, watch):
    turn(SHOP)
    turn("what's in my cart")  # this may still change the dialog state (what was said last)
    version, key = _commits_seen(watch), uuid.uuid4().hex

    reply = turn("what's in my cart", key).reply

    assert "milk" in reply.speech.lower()
    assert not _kept(watch, key)
    assert _commits_seen(watch) == version


def test_a_retried_cart_read_is_answered_from_the_cart_as_it_is_then(turn, watch):
    turn(SHOP)
    turn("what's in my cart")
    key = uuid.uuid4().hex
    first = turn("what's in my cart", key)
    turn("add bananas")

    retry = turn("what's in my cart", key)

    assert not first.replayed and not retry.replayed
    assert "banana" not in first.reply.speech.lower()
    assert "banana" in retry.reply.speech.lower()


def test_a_cart_read_that_changed_the_dialog_state_is_replayed(turn, watch):
    turn(SHOP)
    key = uuid.uuid4().hex
    first = turn("what's in my cart", key, session="new")  # the new session's state is stored

    assert _kept(watch, key)
    retry = turn("what's in my cart", key, session="new")
    assert retry.replayed and retry.reply.speech == first.reply.speech


def test_a_checkout_question_that_held_a_slot_is_replayed(turn, watch):
    turn(SHOP)
    key = uuid.uuid4().hex

    first = turn("check out for pickup", key)

    assert first.reply.speech.endswith("Shall I place the order?")
    assert _kept(watch, key)
    assert turn("check out for pickup", key).replayed


def test_a_retried_checkout_question_after_the_yes_does_not_order_again(turn, watch, orders):
    turn(SHOP)
    turn("check out for pickup")
    key = uuid.uuid4().hex
    asked = turn("check out", key)  # asks again; nothing new to store
    version = _commits_seen(watch)
    assert asked.reply.speech.endswith("Shall I place the order?") and not asked.replayed
    assert _commits_seen(watch) == version
    assert "placed" in turn("yes").reply.speech

    retry = turn("check out", key)

    assert not retry.replayed and "empty" in retry.reply.speech
    assert len(orders()) == 1


def test_an_added_item_is_always_replayed(turn, watch, lines):
    key = uuid.uuid4().hex
    first = turn("add a dozen large white eggs", key)
    turn("add a dozen large white eggs", key)
    turn("what's in my cart")

    retry = turn("add a dozen large white eggs", key)

    assert retry.replayed and retry.reply.speech == first.reply.speech
    assert sum(lines().values()) == 1
