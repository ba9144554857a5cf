"""PostgreSQL connections: one psycopg_pool per process, a connection borrowed per unit of work.

A `PgDatabase` is made once per process (the Runtime holds it). Its pool opens lazily in the
process that uses it, so a gunicorn master that made the app before forking shares no socket
with its workers. A thread borrows one connection for as long as it is inside a transaction
(nested transactions are savepoints on that connection) and for single statements otherwise,
then gives it back; the pool checks a connection before lending it, so a database restart
costs the requests in flight, not a server restart.

Connections run in autocommit mode outside `transaction()`, so a read never leaves a
transaction open; isolation is READ COMMITTED, and what needs more takes an advisory lock
(`PgSession.lock`) or relies on a unique constraint (INSERT ... ON CONFLICT).
"""
from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from typing import Any, Sequence

import psycopg
from psycopg import pq
from psycopg_pool import ConnectionPool, PoolTimeout

from catalog.process import current_pid

URL_SCHEMES = ("postgresql://", "postgres://")
DEFAULT_POOL_SIZE = 8
CONNECT_TIMEOUT = 5       # seconds to reach the server
BORROW_TIMEOUT = 3.0      # seconds to wait for a connection: a pool sized to the threads
                          # has one free unless the database is down; Alexa waits ~8 s
STATEMENT_TIMEOUT_MS = 15000  # no request waits on a lock or a hung query for longer

# Errors that mean "the database is unreachable or overloaded right now", not a bug
UNAVAILABLE = (psycopg.OperationalError, PoolTimeout)

_ABANDONED: list[ConnectionPool] = []  # a parent's pool seen after fork: never closed here


def is_postgres_url(location: object) -> bool:
    return isinstance(location, str) and location.startswith(URL_SCHEMES)


def pg_sql(sql: str) -> str:
    """`?` placeholders (shared SQL) as psycopg's `%s`; a literal `%` doubled."""
    return sql.replace("%", "%%").replace("?", "%s")


def redact(url: str) -> str:
    """The URL without its password, for messages and logs."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "postgresql://…"
    host, db = info.get("host", ""), info.get("dbname", "")
    user = info.get("user")
    return f"postgresql://{user + '@' if user else ''}{host}{':' + str(info['port']) if info.get('port') else ''}/{db}"


class _Result:
    """A statement's rows, fetched before the connection goes back to the pool."""

    def __init__(self, cursor: psycopg.Cursor) -> None:
        self.description = cursor.description
        self.rowcount = cursor.rowcount
        self._rows = cursor.fetchall() if cursor.description is not None else []
        self._next = 0

    @classmethod
    def of(cls, answered: "_Result") -> "_Result":
        """A read queued ahead and answered earlier: each use reads its rows from the start."""
        found = cls.__new__(cls)
        found.description, found.rowcount = answered.description, answered.rowcount
        found._rows, found._next = answered._rows, 0
        return found

    @classmethod
    def empty(cls) -> "_Result":
        found = cls.__new__(cls)
        found.description, found.rowcount, found._rows, found._next = (), 0, [], 0
        return found

    def fetchone(self) -> tuple | None:
        if self._next >= len(self._rows):
            return None
        self._next += 1
        return self._rows[self._next - 1]

    def fetchall(self) -> list[tuple]:
        rest, self._next = self._rows[self._next:], len(self._rows)
        return rest

    def fetchmany(self, size: int) -> list[tuple]:
        batch = self._rows[self._next:self._next + size]
        self._next += len(batch)
        return batch


class PgDatabase:
    def __init__(self, url: str, *, pool_size: int | None = None) -> None:
        self.url = url
        size = pool_size or int(os.environ.get("VOICECART_PG_POOL_SIZE") or DEFAULT_POOL_SIZE)
        self.pool_size = max(1, size)
        self._pool: ConnectionPool | None = None
        self._pid: int | None = None
        self._guard = threading.Lock()
        self._local = threading.local()

    def connect(self) -> psycopg.Connection:
        """A connection of its own, outside the pool (schema changes, copies, LISTEN)."""
        return psycopg.connect(self.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT)

    def _the_pool(self) -> ConnectionPool:
        pid = current_pid()
        if self._pool is None or self._pid != pid:
            with self._guard:
                if self._pool is None or self._pid != pid:
                    if self._pool is not None:
                        _ABANDONED.append(self._pool)  # the parent's: closing would end its sessions
                    self._pool = ConnectionPool(
                        self.url, min_size=1, max_size=self.pool_size, open=True,
                        timeout=BORROW_TIMEOUT,
                        kwargs={"autocommit": True, "connect_timeout": CONNECT_TIMEOUT,
                                "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS}"},
                        name=f"voicecart-{pid}")
                    self._pid = pid
        return self._pool

    @contextlib.contextmanager
    def connection(self) -> Iterator[psycopg.Connection]:
        """This thread's borrowed connection (the one its open transaction runs on), else one
        from the pool for the duration of the block."""
        conn = getattr(self._local, "conn", None)
        if conn is not None and self._local.pid == current_pid():
            yield conn
            return
        if getattr(self._local, "pinning", False):
            borrowed = self._the_pool().connection()
            self._local.conn, self._local.pid = borrowed.__enter__(), current_pid()
            self._local.pinned = borrowed  # given back when the pinned() block ends
            yield self._local.conn
            return
        with self._the_pool().connection() as conn:
            self._local.conn, self._local.pid = conn, current_pid()
            try:
                yield conn
            finally:
                self._local.conn = None

    @contextlib.contextmanager
    def pinned(self) -> Iterator[None]:
        """Within the block (one HTTP request), the first connection this thread borrows stays
        with it until the end: a turn's dozen statements then cost one borrow, not a dozen.
        Nothing is borrowed if nothing runs, so a request that needs no database never waits
        for one."""
        self._local.pinning = True
        try:
            yield
        finally:
            self._local.pinning = False
            borrowed = getattr(self._local, "pinned", None)
            if borrowed is not None:
                self._local.pinned = self._local.conn = None
                borrowed.__exit__(None, None, None)

    def close(self) -> None:
        if self._pool is not None and self._pid == current_pid():
            self._pool.close()
        self._pool = None

    def session(self) -> "PgSession":
        return PgSession(self)


class _Batch:
    """One batched transaction's state (per thread): its pipeline, the reads queued ahead
    (`prefetch`) by (statement, parameters), and the advisory locks it already holds."""

    __slots__ = ("pipeline", "reads", "locked", "depth", "wrote")

    def __init__(self, pipeline) -> None:
        self.pipeline = pipeline
        self.reads: dict[tuple, Any] = {}  # key -> a queued cursor, then its _Result
        self.locked: dict[tuple[str, ...], int] = {}  # lock key -> savepoint depth taken at
        self.depth = 0  # savepoints open
        self.wrote = False  # any statement other than a read or a lock sent in this batch


class PgSession:
    """A PgDatabase as a catalog.sql.SqlSession (the stores shared by both backends).

    A batched transaction (`transaction(batched=True)`, a keyed conversation turn) runs in
    psycopg's pipeline mode, so a turn costs few round trips: BEGIN, its advisory locks and the
    reads it declares up front (`prefetch`) travel with its first read; writes whose result
    nobody reads (`execute_later`) travel with the COMMIT. Any other statement is sent and
    answered at once, as outside a batch; an error in a queued write fails the transaction at
    its next exchange (the commit at the latest), so the turn stays atomic."""

    backend = "postgresql"

    def __init__(self, database: PgDatabase) -> None:
        self.database = database

    def _batch(self) -> _Batch | None:
        batch = getattr(self.database._local, "batch", None)
        return batch if batch is not None and self.database._local.pid == current_pid() else None

    @staticmethod
    def _params(sql: str, params: Sequence[Any]) -> list[Any] | None:
        """None: a look-up by a value PostgreSQL cannot hold, which finds nothing."""
        params = list(params)
        if any(isinstance(p, str) and "\x00" in p for p in params):
            # PostgreSQL text cannot hold NUL (SQLite can): no stored text contains one, so a
            # look-up by such a value finds nothing, and a write stores U+FFFD in its place
            # rather than fail the request (hostile input, never real data)
            if sql.lstrip()[:6].lower() == "select":
                return None
            params = [p.replace("\x00", "\ufffd") if isinstance(p, str) else p for p in params]
        return params

    def execute(self, sql: str, params: Sequence[Any] = ()) -> _Result:
        batch = self._batch()
        if batch is not None:
            key = (sql, tuple(params))
            found = batch.reads.get(key)
            if found is not None:
                if not isinstance(found, _Result):  # still queued: this exchange answers it
                    batch.pipeline.sync()
                    self._settle(batch)
                    found = batch.reads[key]
                return _Result.of(found)
            if not _is_select(sql):
                batch.reads.clear()  # a write may change what was read ahead
                batch.wrote = True
        checked = self._params(sql, params)
        if checked is None:
            return _Result.empty()
        with self.database.connection() as conn:
            cursor = conn.execute(pg_sql(sql), checked)
            if batch is not None:
                batch.pipeline.sync()
                self._settle(batch)
            return _Result(cursor)

    def execute_later(self, sql: str, params: Sequence[Any] = ()) -> None:
        """A write whose result is not needed: in a batch, sent with the next exchange."""
        batch = self._batch()
        if batch is None:
            self.execute(sql, params)
            return
        batch.reads.clear()
        batch.wrote = True
        with self.database.connection() as conn:
            conn.execute(pg_sql(sql), self._params(sql, params))

    def prefetch(self, sql: str, params: Sequence[Any] = ()) -> None:
        """Queue a read that this batch will run later with the same statement and parameters;
        it travels with the next exchange. Outside a batch: nothing."""
        batch = self._batch()
        checked = self._params(sql, params)
        if batch is None or checked is None:
            return
        with self.database.connection() as conn:
            batch.reads[(sql, tuple(params))] = conn.execute(pg_sql(sql), checked)

    @staticmethod
    def _settle(batch: _Batch) -> None:
        """After an exchange: the reads queued ahead are answered; keep their rows."""
        for key, found in batch.reads.items():
            if not isinstance(found, _Result):
                batch.reads[key] = _Result(found)

    def executemany(self, sql: str, params: Sequence[Sequence[Any]]) -> None:
        if (batch := self._batch()) is not None:
            batch.reads.clear()
            batch.wrote = True
        with self.database.connection() as conn:
            conn.cursor().executemany(pg_sql(sql), params)

    def turn_wrote(self) -> bool:
        batch = self._batch()
        return batch is None or batch.wrote

    def in_transaction(self) -> bool:
        if self._batch() is not None:
            return True  # in pipeline mode the server has not answered BEGIN yet
        conn = getattr(self.database._local, "conn", None)
        return conn is not None and conn.info.transaction_status != pq.TransactionStatus.IDLE

    @contextlib.contextmanager
    def transaction(self, batched: bool = False, turn_of: str | None = None) -> Iterator[None]:
        # turn_of: nothing more to do here; the turn's reads take advisory locks on its
        # replay record and cart
        with self.database.connection() as conn:
            batch = self._batch()
            if batch is not None:
                with self._savepoint(conn, batch):
                    yield
                return
            if not batched or self.in_transaction():
                with conn.transaction():  # psycopg: BEGIN outside, a savepoint inside
                    yield
                return
            # BEGIN, SAVEPOINT, RELEASE and COMMIT are queued like any statement (psycopg's own
            # transaction blocks wait for the server at each of them in pipeline mode)
            local = self.database._local
            try:
                with conn.pipeline() as pipeline:
                    local.batch = _Batch(pipeline)
                    conn.execute("BEGIN")
                    yield
                    conn.execute("COMMIT")
                # leaving the pipeline sent the queued writes and the COMMIT: one exchange
            except BaseException:
                # A failed statement made the server skip the rest, COMMIT included
                if conn.info.transaction_status != pq.TransactionStatus.IDLE:
                    _quietly(lambda: conn.execute("ROLLBACK"))  # broken: the pool drops it
                raise
            finally:
                local.batch = None

    @contextlib.contextmanager
    def _savepoint(self, conn: psycopg.Connection, batch: _Batch) -> Iterator[None]:
        batch.depth += 1
        name = f"batch_{batch.depth}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            _quietly(batch.pipeline.sync)  # past an error the pipeline skips statements
            conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
            conn.execute(f"RELEASE SAVEPOINT {name}")
            batch.reads.clear()  # what was read may show writes now undone
            for key in [k for k, depth in batch.locked.items() if depth >= batch.depth]:
                del batch.locked[key]  # a rolled-back savepoint releases its locks
            raise
        else:
            conn.execute(f"RELEASE SAVEPOINT {name}")
        finally:
            batch.depth -= 1

    def lock(self, *key: str) -> None:
        if not self.in_transaction():
            raise RuntimeError("an advisory lock is taken inside a transaction")
        batch = self._batch()
        if batch is None:
            self.execute("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", ["\x1f".join(key)])
        elif key not in batch.locked:  # held until the transaction ends: once is enough
            batch.locked[key] = batch.depth
            with self.database.connection() as conn:
                conn.execute(pg_sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))"),
                             ["\x1f".join(key)])


def _quietly(step) -> None:
    try:
        step()
    except psycopg.Error:
        pass


def _is_select(sql: str) -> bool:
    return sql.lstrip()[:6].lower() == "select"
