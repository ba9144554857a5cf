"""Which backend `--db` names, and everything a process needs from it: the store of each port,
schema versions (`voicecart db upgrade`, checked at start) and demo seeding.

`--db` / VOICECART_DB is a SQLite file path or a `postgresql://` URL (DESIGN.md contract).
`open_storage` gives a `SqliteStorage` (one connection per thread, catalog.database) or a
`PostgresStorage` (a psycopg_pool per process, catalog.pg_database); the stores they hand out
follow the same ports, so nothing above this module knows which one it has.

Schema versions: the table `schema_migrations` lists the migrations applied. PostgreSQL's are
SQL (catalog.pg_schema); SQLite's version 1 is "the first release's tables", made or completed
in place by each store's ensure_schema (a file made by an earlier release, which has no
`schema_migrations`, is upgraded to it without losing a row). A database whose version is
higher than this release knows is refused at start: an older node must not write a newer schema.
"""
from __future__ import annotations

import contextlib
import hashlib
import logging
import os
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

log = logging.getLogger("voicecart")

_VERSIONS_DDL = ("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                 "description TEXT NOT NULL, applied_at TEXT NOT NULL)")
_UPGRADE_LOCK = "voicecart schema upgrade"


class PostgresUrl(str):
    """A `postgresql://` location (a str, so it is never mistaken for a file path)."""


class SchemaError(RuntimeError):
    """The database's schema cannot be used by this release; the message says what to do."""


def db_location(text: str | Path) -> Path | PostgresUrl:
    from catalog.pg_database import is_postgres_url

    text = str(text)
    return PostgresUrl(text) if is_postgres_url(text) else Path(text)


def describe(location: Path | str) -> str:
    """The location for messages: a URL without its password."""
    if isinstance(location, PostgresUrl):
        from catalog.pg_database import redact
        return redact(location)
    return str(location)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat()


class SqliteStorage:
    backend = "sqlite"

    def __init__(self, path: Path) -> None:
        from catalog.database import ConnectionPool
        self.location = path
        self.pool = ConnectionPool(path)

    def db(self):
        return self.pool.get()

    def catalog(self):
        from catalog.repository import SqliteCatalogRepository
        return SqliteCatalogRepository(self.db())

    def carts(self):
        from cart.sqlite_store import SqliteCartRepository
        return SqliteCartRepository(self.db(), create_schema=False)

    def sessions(self):
        from intents.dialog.session import SqliteSessionStore
        return SqliteSessionStore(self.db())

    def outbox(self):
        from cart.outbox.sqlite import SqliteOutbox
        return SqliteOutbox(self.db())

    def accounts(self):
        from accounts.sqlite_store import SqliteAccountRepository
        return SqliteAccountRepository(self.db(), create_schema=False)

    def migrations(self) -> list[tuple[int, str, Callable[[], None]]]:
        # Version 1 runs on every upgrade (first, outside the bookkeeping transaction: the
        # session store's DDL commits by itself), so it has nothing left to do here. Later
        # versions run inside that transaction; the cart store's ensure_schema also makes
        # version 2's table, for stores opened on a new file without `db upgrade` (tools, tests)
        from cart.sqlite_store import add_slot_bookings
        return [(1, "every store of the first release", lambda: None),
                (2, "issue 20: each slot's bookings, never more than its capacity",
                 lambda: add_slot_bookings(self.db())),
                # no table changes: the number keeps an earlier release, which cannot read a
                # cart's undo history stored as changes (cart.row_cache), from starting on it
                (3, "issue 22: a cart's undo steps stored as the changes they undo",
                 lambda: None),
                # the columns are added by version 1's ensure_schema (it runs first); the
                # number keeps an earlier release, which would neither keep nor find a reply
                # there (a retry sent to it would run again), from starting on it
                (4, "issue 22: a session's latest reply kept in its row", lambda: None)]

    def _first_release(self) -> None:
        # Each store creates what is missing and adds the columns added since (idempotent)
        from accounts.sqlite_store import SqliteAccountRepository
        from cart.sqlite_store import SqliteCartRepository
        from intents.dialog.session import SqliteSessionStore

        db = self.db()
        self.catalog().ensure_schema()
        SqliteCartRepository(db).ensure_schema()
        SqliteSessionStore(db).ensure_schema()
        SqliteAccountRepository(db).ensure_schema()

    def applied_versions(self) -> set[int]:
        db = self.db()
        if "schema_migrations" not in db.table_names():
            return set()
        return {r[0] for r in db.execute("SELECT version FROM schema_migrations").fetchall()}

    def upgrade(self) -> list[int]:
        """Apply the migrations not applied yet; returns their numbers. Version 1 also runs on
        every start, since it only fills in what is missing."""
        from catalog.database import write_transaction

        db = self.db()
        self._check_not_newer(self.applied_versions())
        self._first_release()
        applied = []
        with write_transaction(db):
            db.execute(_VERSIONS_DDL)
            have = {r[0] for r in db.execute("SELECT version FROM schema_migrations").fetchall()}
            for version, description, apply in self.migrations():
                if version not in have:
                    apply()
                    db.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                               [version, description, _now()])
                    applied.append(version)
        return applied

    def known_version(self) -> int:
        return max(v for v, _, _ in self.migrations())

    def _check_not_newer(self, have: set[int]) -> None:
        check_not_newer(max(have, default=0), self.known_version(), self.location)

    # --- for `voicecart db copy` ---------------------------------------------------------------

    row_order = "rowid"

    def session(self):
        from catalog.database import SqliteSession
        return SqliteSession(self.db(), "copy_tx")

    def table_columns(self) -> dict[str, list[str]]:
        db = self.db()
        names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                          "AND name NOT LIKE 'sqlite_%'").fetchall()]
        return {name: [r[1] for r in db.execute(f"PRAGMA table_info({name})").fetchall()]
                for name in names}

    def after_copy(self, session) -> None:
        """Nothing: explicit AUTOINCREMENT keys move sqlite_sequence along by themselves."""

    def stream(self, sql: str, batch: int) -> Iterator[list[tuple]]:
        """The rows of a query, `batch` at a time off one cursor: never a whole table in memory."""
        cursor = self.db().conn.execute(sql)
        try:
            while rows := cursor.fetchmany(batch):
                yield rows
        finally:
            cursor.close()

    def request_scope(self):
        """Around one HTTP request: nothing to do (a thread keeps its own connection)."""
        return contextlib.nullcontext()

    def catalog_listener(self, on_change: Callable[[], None]) -> None:
        """SQLite cannot tell other processes of a change: they look at the version."""
        return None

    def close(self) -> None:
        pass


class PostgresStorage:
    backend = "postgresql"

    def __init__(self, url: str, *, pool_size: int | None = None) -> None:
        from catalog.pg_database import PgDatabase
        self.location = PostgresUrl(url)
        self.database = PgDatabase(url, pool_size=pool_size)

    def catalog(self):
        from catalog.pg_repository import PostgresCatalogRepository
        return PostgresCatalogRepository(self.database)

    def carts(self):
        from cart.postgres_store import PostgresCartRepository
        return PostgresCartRepository(self.database)

    def sessions(self):
        from intents.dialog.session_postgres import PostgresSessionStore
        return PostgresSessionStore(self.database)

    def outbox(self):
        from cart.outbox.postgres import PostgresOutbox
        return PostgresOutbox(self.database)

    def accounts(self):
        from accounts.postgres_store import PostgresAccountRepository
        return PostgresAccountRepository(self.database)

    def known_version(self) -> int:
        from catalog.pg_schema import MIGRATIONS
        return max(v for v, _, _ in MIGRATIONS)

    def applied_versions(self) -> set[int]:
        with self.database.connect() as conn:
            exists = conn.execute("SELECT to_regclass('schema_migrations')").fetchone()[0]
            if exists is None:
                return set()
            return {r[0] for r in conn.execute("SELECT version FROM schema_migrations")}

    def upgrade(self) -> list[int]:
        """Apply the pending migrations on a connection of their own, under an advisory lock
        (nodes starting together apply each migration once); returns their numbers."""
        from catalog.pg_schema import MIGRATIONS

        applied = []
        with self.database.connect() as conn:
            conn.execute("SELECT pg_advisory_lock(hashtextextended(%s, 0))", [_UPGRADE_LOCK])
            try:
                conn.execute(_VERSIONS_DDL)
                have = {r[0] for r in conn.execute("SELECT version FROM schema_migrations")}
                check_not_newer(max(have, default=0), self.known_version(), self.location)
                for version, description, sql in MIGRATIONS:
                    if version in have:
                        continue
                    with conn.transaction():
                        conn.execute(sql)
                        conn.execute("INSERT INTO schema_migrations VALUES (%s, %s, %s)",
                                     [version, description, _now()])
                    applied.append(version)
            finally:
                conn.execute("SELECT pg_advisory_unlock(hashtextextended(%s, 0))", [_UPGRADE_LOCK])
        return applied

    # --- for `voicecart db copy` ---------------------------------------------------------------

    row_order = "ctid"

    def session(self):
        return self.database.session()

    def table_columns(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for table, column in self.session().execute(
                "SELECT table_name, column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"
                ).fetchall():
            found.setdefault(table, []).append(column)
        return found

    def after_copy(self, session) -> None:
        """Rows came with their `seq`: move each sequence past the highest one copied."""
        for table, columns in self.table_columns().items():
            if "seq" in columns:
                session.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'seq'), "
                                f"COALESCE(MAX(seq), 1), MAX(seq) IS NOT NULL) FROM {table}")

    def stream(self, sql: str, batch: int) -> Iterator[list[tuple]]:
        """The rows of a query, `batch` at a time from a server-side cursor (a named cursor,
        which lives in a transaction, on a connection of its own): the client never holds
        more than one batch, and the rows are one consistent snapshot of the table."""
        with self.database.connect() as conn:
            with conn.transaction(), conn.cursor(name="voicecart_copy") as cursor:
                cursor.itersize = batch
                cursor.execute(sql)
                while rows := cursor.fetchmany(batch):
                    yield rows

    def request_scope(self):
        """Around one HTTP request: the connection it first borrows serves all of it."""
        return self.database.pinned()

    def catalog_listener(self, on_change: Callable[[], None]):
        """A catalog.pg_listener.CatalogListener (not started) calling `on_change` when any
        node changes the catalog, and after each (re)connect."""
        from catalog.pg_listener import CatalogListener
        return CatalogListener(self.database.url, on_change)

    def close(self) -> None:
        self.database.close()


Storage = SqliteStorage | PostgresStorage


def check_not_newer(have: int, known: int, location: object) -> None:
    if have > known:
        raise SchemaError(
            f"the database at {describe(location)} has schema version {have}, newer than this "
            f"release knows ({known}): run a newer voicecart, or restore a backup made for this one")


def open_storage(location: Path | str, *, pool_size: int | None = None) -> Storage:
    location = db_location(location)
    if isinstance(location, PostgresUrl):
        return PostgresStorage(location, pool_size=pool_size)
    return SqliteStorage(location)


def index_directory(location: Path | str) -> Path:
    """Where the matcher index files of the catalog at `location` live (catalog.index_store).
    VOICECART_INDEX_DIR, when set, for any backend. Else a SQLite file keeps them beside it
    (`voicecart.db.index/`); a PostgreSQL catalog has no file to sit beside, so each machine
    keeps its own under the user's cache directory, in a folder named by a hash of the
    server, port and database (never by the URL, which may hold a password). Files are keyed by
    the catalog's id and version, so a shared or stale folder never serves another catalog."""
    override = os.environ.get("VOICECART_INDEX_DIR")
    if override:
        return Path(override)
    location = db_location(location)
    if not isinstance(location, PostgresUrl):
        from catalog.index_store import default_directory
        return default_directory(location.resolve())
    import psycopg
    info = psycopg.conninfo.conninfo_to_dict(location)
    where = f"{info.get('host', '')}:{info.get('port', '')}/{info.get('dbname', '')}"
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "voicecart" / f"index-{hashlib.sha256(where.encode()).hexdigest()[:16]}"


def index_store(storage: Storage):
    """The IndexStore a server uses: a large catalog's index is built by a child process
    (python -m catalog.index_builder) that opens the same database."""
    from catalog import index_builder
    from catalog.index_store import IndexStore
    location = storage.location
    db = str(location) if isinstance(location, PostgresUrl) else Path(location).resolve()
    return IndexStore(index_directory(location), build_command=index_builder.command(db))


def prepare(storage: Storage, *, seed_demo: bool = True, demo_accounts: bool = False) -> None:
    """At start: bring the schema up to date (refusing a newer one) and, for an empty catalog,
    load the demo one."""
    from cart.demo_data import seed_demo_data
    from catalog.demo import seed_demo_catalog

    storage.upgrade()
    if seed_demo:
        report = seed_demo_catalog(storage.catalog())
        if report is not None:
            log.info("seeded the demo catalog: %d products", report.imported)
        seed_demo_data(storage.carts())
    if demo_accounts:
        _seed_demo_accounts(storage)


def _seed_demo_accounts(storage: Storage) -> None:
    """Developer mode only: the demo account (with the demo shopper's delivery details) and
    the demo `alexa` client, whose credentials the README prints."""
    from accounts.demo import DEMO_CUSTOMER_ID, seed_demo_accounts
    from cart.demo_data import DEMO_CUSTOMER_ID as DEMO_SHOPPER
    from intents.dialog.conversation import utcnow

    if seed_demo_accounts(storage.accounts(), now=utcnow()):
        log.info("seeded the demo account and the demo alexa client (developer mode)")
    carts = storage.carts()
    with carts.transaction():
        shopper = carts.get_customer(DEMO_SHOPPER)
        if shopper is not None and carts.get_customer(DEMO_CUSTOMER_ID) is None:
            carts.save_customer(replace(shopper, id=DEMO_CUSTOMER_ID))
