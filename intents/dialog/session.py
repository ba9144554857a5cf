"""Dialog state: what the conversation is waiting for, kept server-side per channel session.

A platform's own session attributes are never trusted for anything important (a client can
forge them); they are only a hint. State expires after a quiet spell, like a real session.

The reply to a session's latest keyed turn is kept in the session's own row (`reply_key`,
`reply`), written by the statement that writes the state: a keyed turn then writes one row
for its dialog, not a state row and a replay record (issue 22). A retry of that request is
answered from it. A turn that cannot write the session's row (the session id is another
shopper's live session) keeps its reply in `replayed_requests` for REPLAY_TTL instead, and
records stored there by earlier releases are still read.
"""
from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol

import sqlite_utils

from catalog import jsontext
from catalog.database import SqliteSession, add_missing_columns
from catalog.sql import SqlSession

SESSION_TTL = timedelta(minutes=30)
# A session's expiry is written again only once it is this old: a session lives 30 minutes
# after its last turn, give or take a minute. A state a turn left as it was loaded is then not
# written at all (a cart read writes nothing), and a changed one is written without touching
# the expiry and its index (one page less in an AddItem turn's commit) (issue 22)
SESSION_REFRESH = timedelta(minutes=1)
REPLAY_TTL = timedelta(hours=1)
# Expired rows are purged on one write in PURGE_EVERY (per process), PURGE_LIMIT at a time:
# more than one row purged per row written, so the tables stay bounded, without a purge
# statement on every turn
PURGE_EVERY = 16
PURGE_LIMIT = 50
_writes = itertools.count()


def _purge_due() -> bool:
    return next(_writes) % PURGE_EVERY == 0


@contextlib.contextmanager
def _writing(sql: SqlSession) -> Iterator[None]:
    """Inside the turn's transaction, write straight into it: each write here is one
    statement, atomic by itself, so a savepoint around it would only cost two more."""
    if sql.in_transaction():
        yield
    else:
        with sql.transaction():
            yield


@dataclass(frozen=True)
class KeptReply:
    """A keyed turn's reply, kept so that a retry of its request is answered with it.
    `if_state_written`: keep it only if the turn writes its dialog state anyway (a turn that
    only read or asked, and wrote nothing, keeps nothing: its retry runs again)."""

    key: str
    reply: dict[str, Any]
    if_state_written: bool = False


@dataclass
class DialogState:
    """`pending` says what the last reply asked (choose an option, confirm the order...);
    `last_product_id` is what "make that three" refers to; `context` holds small extras."""

    customer_id: str
    pending: dict[str, Any] | None = None
    last_product_id: str | None = None
    context: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        # A plain dict, not dataclasses.asdict (which deep-copies pending and context)
        return jsontext.dumps({"context": self.context, "customer_id": self.customer_id,
                               "last_product_id": self.last_product_id,
                               "pending": self.pending}, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "DialogState":
        data = jsontext.loads(text)
        return cls(customer_id=data["customer_id"], pending=data.get("pending"),
                   last_product_id=data.get("last_product_id"), context=data.get("context") or {})


_LOAD = ("select state, expires_at, reply_key, reply from dialog_sessions where channel = ? "
         "and session_id = ? and expires_at > ?")
_RECALL = "select reply from replayed_requests where request_key = ? and expires_at > ?"
_RECALL_AND_LOAD = ("select 0, reply, null, null, null from replayed_requests where "
                    "request_key = ? and expires_at > ? union all select 1, state, expires_at, "
                    "reply_key, reply from dialog_sessions where channel = ? and session_id = ? "
                    "and expires_at > ?")
_RECORD = ("insert into replayed_requests(request_key, reply, expires_at) {values} on "
           "conflict(request_key) do update set reply = excluded.reply, "
           "expires_at = excluded.expires_at")
_REMEMBER = _RECORD.format(values="values (?, ?, ?)")
# A reply the session's row did not take (another shopper's live session won the upsert)
_KEEP_IF_NOT_IN_SESSION = _RECORD.format(
    values="select ?, ?, ? where not exists (select 1 from dialog_sessions where channel = ? "
           "and session_id = ? and reply_key = ?)")


class SessionStore(Protocol):
    def prefetch(self, request_key: str, channel: str, session_id: str, now: datetime) -> None: ...
    def load(self, channel: str, session_id: str, now: datetime) -> DialogState | None: ...
    def save(self, channel: str, session_id: str, state: DialogState, now: datetime,
             reply: KeptReply | None = None) -> None: ...
    def end(self, channel: str, session_id: str, customer_id: str) -> None: ...
    def recall_reply(self, request_key: str, now: datetime) -> dict | None: ...
    def turn_wrote(self) -> bool: ...


class SqlSessionStore:
    """Sessions in `dialog_sessions`, replies to retried platform requests in `replayed_requests`:
    the statements both backends share (intents.dialog.session_postgres has PostgreSQL's schema)."""

    ROW_ID = "rowid"  # a physical row id, to purge a bounded batch
    sql: SqlSession
    # (channel, session id, state text, expires_at, customer id) of the row last loaded
    _loaded: tuple[str, str, str, str, str] | None = None
    # (request key, channel, session id) of the keyed turn prefetch was told of: recall_reply
    # looks for the key in that session's row too
    _asked: tuple[str, str, str] | None = None

    def prefetch(self, request_key: str, channel: str, session_id: str, now: datetime) -> None:
        """A keyed turn's first reads (replay lock and lookup, dialog state), declared up front
        so a backend with round trips sends them together (catalog.sql.SqlSession.prefetch)."""
        if self.sql.in_transaction():
            self.sql.lock("replay", request_key)
        self._asked = (request_key, channel, session_id)
        self.sql.prefetch(_RECALL, [request_key, now.isoformat()])
        self.sql.prefetch(_LOAD, [channel, session_id, now.isoformat()])

    def load(self, channel: str, session_id: str, now: datetime) -> DialogState | None:
        row = self._state_row(channel, session_id, now)
        if not row:
            self._loaded = None  # what an earlier load found may be gone (ended, expired)
            return None
        state = DialogState.from_json(row[0])
        self._loaded = (channel, session_id, row[0], row[1], state.customer_id)
        return state

    def save(self, channel: str, session_id: str, state: DialogState, now: datetime,
             reply: KeptReply | None = None) -> None:
        """Store the state, and the turn's `reply` with it (module docstring), unless the
        session id belongs to another shopper's live session: a client sending someone else's
        session id must not wipe what they were asked (the order they were about to confirm);
        that caller simply gets no dialog memory, and its reply is kept in replayed_requests.
        While the loaded row's expiry is fresh (SESSION_REFRESH), the same shopper's row is
        not rewritten when neither the state changed nor a reply is to be kept, and only its
        text and reply are when they are: the update names the row as loaded (its shopper and
        expiry), which no other turn can change meanwhile, as the shopper's turns run one at
        a time and another shopper may take over only an expired session."""
        text = state.to_json()
        loaded = self._loaded
        if loaded is not None and loaded[:2] == (channel, session_id) \
                and loaded[4] == state.customer_id \
                and loaded[3] >= (now + SESSION_TTL - SESSION_REFRESH).isoformat():
            changed = loaded[2] != text
            if reply is not None and (changed or not reply.if_state_written):
                sets, values = "state = ?, reply_key = ?, reply = ?", \
                    [text, reply.key, jsontext.dumps(reply.reply)]
            elif changed:
                sets, values = "state = ?", [text]
            else:
                return
            with _writing(self.sql):
                self.sql.execute_later(
                    f"update dialog_sessions set {sets} where channel = ? and session_id = ? "
                    "and customer_id = ? and expires_at = ?",
                    [*values, channel, session_id, state.customer_id, loaded[3]])
            return
        reply_key, reply_text = (reply.key, jsontext.dumps(reply.reply)) if reply else (None, None)
        with _writing(self.sql):
            self.sql.execute_later(
                "insert into dialog_sessions(channel, session_id, customer_id, state, expires_at, "
                "reply_key, reply) values (?, ?, ?, ?, ?, ?, ?) on conflict(channel, session_id) "
                "do update set customer_id = excluded.customer_id, state = excluded.state, "
                "expires_at = excluded.expires_at, reply_key = excluded.reply_key, "
                "reply = excluded.reply where dialog_sessions.customer_id = excluded.customer_id "
                "or dialog_sessions.expires_at <= ?",
                [channel, session_id, state.customer_id, text, (now + SESSION_TTL).isoformat(),
                 reply_key, reply_text, now.isoformat()])
            if reply is not None:
                # Written only when the upsert above left another shopper's row in place
                self.sql.execute_later(_KEEP_IF_NOT_IN_SESSION, [
                    reply.key, reply_text, (now + REPLAY_TTL).isoformat(), channel, session_id,
                    reply.key])
            if _purge_due():  # a little now and then, so the tables never grow without bound
                self.sql.execute_later(f"delete from dialog_sessions where {self.ROW_ID} in (select "
                                 f"{self.ROW_ID} from dialog_sessions where expires_at <= ? "
                                 "limit ?)", [now.isoformat(), PURGE_LIMIT])
                self._purge_replies(now)

    def end(self, channel: str, session_id: str, customer_id: str) -> None:
        """Forget the session, if it is this shopper's: someone sending another's session id
        must not clear what that shopper was asked."""
        with self.sql.transaction():
            self.sql.execute("delete from dialog_sessions where channel = ? and session_id = ? "
                             "and customer_id = ?", [channel, session_id, customer_id])

    def turn_wrote(self) -> bool:
        """Whether the turn under way has written anything yet, on any store sharing this
        connection (catalog.sql.SqlSession.turn_wrote)."""
        return self.sql.turn_wrote()

    def recall_reply(self, request_key: str, now: datetime) -> dict | None:
        """The reply kept for `request_key`: a record of its own, or the reply in the row of
        the session prefetch named (that session's latest keyed turn)."""
        if self.sql.in_transaction():
            # A retry delivered to another node meanwhile waits here, then finds the reply
            self.sql.lock("replay", request_key)
        row = self._reply_row(request_key, now)
        if row is None and self._asked is not None and self._asked[0] == request_key:
            row = self._session_reply(request_key, self._asked[1], self._asked[2], now)
        return jsontext.loads(row[0]) if row else None

    def _reply_row(self, request_key: str, now: datetime) -> tuple | None:
        return self.sql.execute(_RECALL, [request_key, now.isoformat()]).fetchone()

    def _session_reply(self, request_key: str, channel: str, session_id: str,
                       now: datetime) -> tuple | None:
        # the same read as load's: a backend with round trips answers it from the prefetch
        state = self._state_row(channel, session_id, now)
        return (state[3],) if state and state[2] == request_key else None

    def _state_row(self, channel: str, session_id: str, now: datetime) -> tuple | None:
        return self.sql.execute(_LOAD, [channel, session_id, now.isoformat()]).fetchone()

    def remember_reply(self, request_key: str, reply: dict, now: datetime) -> None:
        """Keep a reply in a record of its own for REPLAY_TTL, as releases before schema
        version 4 kept every reply. No turn calls it (a turn keeps its reply with its dialog
        state: save's `reply`); tests write such records with it."""
        with _writing(self.sql):
            self.sql.execute_later(
                _REMEMBER, [request_key, jsontext.dumps(reply), (now + REPLAY_TTL).isoformat()])
            if _purge_due():
                self._purge_replies(now)

    def _purge_replies(self, now: datetime) -> None:
        """Up to PURGE_LIMIT expired replay records, found by their expiry's index."""
        self.sql.execute_later(f"delete from replayed_requests where {self.ROW_ID} in (select "
                               f"{self.ROW_ID} from replayed_requests where expires_at <= ? "
                               "limit ?)", [now.isoformat(), PURGE_LIMIT])


class SqliteSessionStore(SqlSessionStore):
    # (request key, channel, session id, now, reply row, state row) read by prefetch, until
    # recall_reply and load take their rows
    _ahead: tuple | None = None

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.sql = SqliteSession(db, "session_tx")

    def prefetch(self, request_key: str, channel: str, session_id: str, now: datetime) -> None:
        """A keyed turn's first two reads, its replay record and its dialog state, in one
        statement (a statement less per turn, issue 22); recall_reply and load then take their
        row from it once each. Nothing the turn does in between writes either row, and the
        shopper's turns run one at a time (catalog.turn_lock)."""
        if self.sql.in_transaction():
            self.sql.lock("replay", request_key)
        stamp = now.isoformat()
        reply = state = None
        for kind, text, expires_at, reply_key, kept in self.sql.execute(
                _RECALL_AND_LOAD, [request_key, stamp, channel, session_id, stamp]).fetchall():
            if kind == 0:
                reply = (text,)
            else:
                state = (text, expires_at, reply_key, kept)
        if reply is None and state is not None and state[2] == request_key:
            reply = (state[3],)  # the session's latest keyed turn
        self._ahead = (request_key, channel, session_id, now, reply, state)

    def _reply_row(self, request_key: str, now: datetime) -> tuple | None:
        ahead = self._ahead
        if ahead is not None and ahead[0] == request_key and ahead[3] == now:
            self._ahead = (None, *ahead[1:])  # the state row stays for load
            return ahead[4]
        return super()._reply_row(request_key, now)

    def _state_row(self, channel: str, session_id: str, now: datetime) -> tuple | None:
        ahead, self._ahead = self._ahead, None
        if ahead is not None and ahead[1:4] == (channel, session_id, now):
            return ahead[5]
        return super()._state_row(channel, session_id, now)

    def ensure_schema(self) -> None:
        self.db.executescript("""
            create table if not exists dialog_sessions (
                channel text not null, session_id text not null, customer_id text not null,
                state text not null, expires_at text not null, reply_key text, reply text,
                primary key (channel, session_id));
            create index if not exists dialog_sessions_expiry on dialog_sessions(expires_at);
            create table if not exists replayed_requests (
                request_key text primary key, reply text not null, expires_at text not null);
            drop index if exists replayed_requests_expiry;
        """)
        # Schema version 4 (skill.storage): a file made before gains the reply's columns; its
        # sessions hold no reply until their next turn
        add_missing_columns(self.db, "dialog_sessions", {"reply_key": "text", "reply": "text"})

    def _purge_replies(self, now: datetime) -> None:
        """Up to PURGE_LIMIT expired replay records, among the oldest ones. No index on the
        expiry: it was a page more in every keyed turn's commit, 1.3 of an AddItem's 7.5 WAL
        frames (issue 22). A record's rowid follows its insertion and its expiry is its
        insertion plus REPLAY_TTL, so the oldest records are the first to expire; a record
        re-remembered later (a retried id) keeps its place and waits for its own expiry."""
        self.sql.execute_later(
            "delete from replayed_requests where expires_at <= ? and rowid in (select rowid "
            "from replayed_requests order by rowid limit ?)", [now.isoformat(), PURGE_LIMIT])
