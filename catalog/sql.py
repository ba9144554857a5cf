"""What the storage adapters shared by both backends need from a database session.

Most of our SQL is the same on SQLite and PostgreSQL, so each store keeps it once (for
example cart.sql_store) over a `SqlSession`; the per-backend modules (cart.sqlite_store,
cart.postgres_store, ...) hold only the schema and the few statements that differ. Statements
use `?` placeholders; the PostgreSQL session rewrites them to psycopg's `%s`.

Implementations: catalog.database.SqliteSession, catalog.pg_database.PgSession.
"""
from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from typing import Any, Protocol, Sequence


def _errors() -> tuple[tuple[type[BaseException], ...], ...]:
    try:
        import psycopg
        from psycopg_pool import PoolTimeout
    except ImportError:  # an installation without the PostgreSQL driver
        return (sqlite3.OperationalError,), (sqlite3.Error,), (sqlite3.IntegrityError,)
    return ((sqlite3.OperationalError, psycopg.OperationalError, PoolTimeout),
            (sqlite3.Error, psycopg.Error, PoolTimeout),
            (sqlite3.IntegrityError, psycopg.IntegrityError))


# STORAGE_BUSY: the database is locked, unreachable or timed out: worth a spoken apology and
# a retry, not a 500. STORAGE_ERRORS: anything the database driver raises (health checks).
# CONSTRAINT_ERRORS: a write refused by a constraint (CHECK, UNIQUE, NOT NULL, foreign key).
STORAGE_BUSY, STORAGE_ERRORS, CONSTRAINT_ERRORS = _errors()


class Result(Protocol):
    description: Any
    rowcount: int

    def fetchone(self) -> tuple | None: ...
    def fetchall(self) -> list[tuple]: ...
    def fetchmany(self, size: int) -> list[tuple]: ...


class SqlSession(Protocol):
    backend: str  # "sqlite" or "postgresql"

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Result: ...
    def executemany(self, sql: str, params: Sequence[Sequence[Any]]) -> None: ...

    def execute_later(self, sql: str, params: Sequence[Any] = ()) -> None:
        """A write whose result nobody reads: PostgreSQL sends it with the next exchange of a
        batched transaction (SQLite runs it at once)."""
        ...

    def prefetch(self, sql: str, params: Sequence[Any] = ()) -> None:
        """Declare a read this transaction will `execute` later with the same statement and
        parameters: in a batched PostgreSQL transaction it travels with the next exchange and
        its rows are kept until the next write (SQLite: nothing)."""
        ...

    def turn_wrote(self) -> bool:
        """Whether the conversation turn under way on this session has written anything yet
        (held-back writes count). True outside a turn: a caller that cannot tell must assume
        a write."""
        ...

    def in_transaction(self) -> bool: ...

    def transaction(self, batched: bool = False,
                    turn_of: str | None = None) -> AbstractContextManager[None]:
        """Atomic; the outermost level commits, nested levels are savepoints. `batched`: a
        short unit of work (a conversation turn) whose statements PostgreSQL may pipeline.
        `turn_of`: a conversation turn of that shopper; SQLite serialises the shopper's turns
        and takes the file's write lock only where the turn first needs it
        (catalog.turn_lock); PostgreSQL's advisory locks already do the same."""
        ...

    def lock(self, *key: str) -> None:
        """Serialise this transaction with every other one that locks the same key, until it
        ends. SQLite needs nothing (BEGIN IMMEDIATE holds the one write lock); PostgreSQL takes
        a transaction-scoped advisory lock, which also covers rows that do not exist yet."""
        ...


def rows(session: SqlSession, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    cursor = session.execute(sql, params)
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def row(session: SqlSession, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
    found = rows(session, sql, params)
    return found[0] if found else None
