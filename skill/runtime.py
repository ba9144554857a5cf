"""What a running server holds: the connection pool, the shared matcher index, the conversation."""
from __future__ import annotations

import logging

import sqlite_utils

from cart.demo_data import seed_demo_data
from cart.sqlite_store import SqliteCartRepository
from catalog.database import ConnectionPool
from catalog.demo import seed_demo_catalog
from catalog.live_index import LiveMatcher
from catalog.repository import SqliteCatalogRepository
from intents.dialog.conversation import Conversation, ConversationPorts, utcnow
from intents.dialog.session import SqliteSessionStore
from skill.config import Config

log = logging.getLogger("voicecart")


class Runtime:
    """Per-process state shared by all request threads. Repositories are cheap wrappers
    over the calling thread's own connection, so they are made per use."""

    def __init__(self, config: Config, clock=utcnow) -> None:
        self.config = config
        self.pool = ConnectionPool(config.db_path)
        prepare_database(self.pool.get(), seed_demo=config.seed_demo)
        self.matchers = LiveMatcher(self.catalog)
        self.conversation = Conversation(ConversationPorts(
            matcher=self.matchers.current, carts=self.carts, sessions=self.sessions, clock=clock))

    def db(self) -> sqlite_utils.Database:
        return self.pool.get()

    def catalog(self) -> SqliteCatalogRepository:
        return SqliteCatalogRepository(self.db())

    def carts(self) -> SqliteCartRepository:
        return SqliteCartRepository(self.db(), create_schema=False)

    def sessions(self) -> SqliteSessionStore:
        return SqliteSessionStore(self.db())


def prepare_database(db: sqlite_utils.Database, *, seed_demo: bool = True) -> None:
    """Create every table that is missing and, for an empty catalog, load the demo one."""
    catalog = SqliteCatalogRepository(db)
    catalog.ensure_schema()
    carts = SqliteCartRepository(db)  # creates its tables
    SqliteSessionStore(db).ensure_schema()
    if seed_demo:
        report = seed_demo_catalog(catalog)
        if report is not None:
            log.info("seeded the demo catalog: %d products", report.imported)
        seed_demo_data(carts)
