"""What a running server holds: the connection pool and the shared matcher index."""
from __future__ import annotations

import logging

import sqlite_utils

from catalog.database import ConnectionPool
from catalog.demo import seed_demo_catalog
from catalog.repository import SqliteCatalogRepository
from skill.config import Config

log = logging.getLogger("voicecart")


class Runtime:
    """Per-process state shared by all request threads. Repositories are cheap wrappers
    over the calling thread's own connection, so they are made per use."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.pool = ConnectionPool(config.db_path)
        prepare_database(self.pool.get(), seed_demo=config.seed_demo)

    def db(self) -> sqlite_utils.Database:
        return self.pool.get()

    def catalog(self) -> SqliteCatalogRepository:
        return SqliteCatalogRepository(self.db())


def prepare_database(db: sqlite_utils.Database, *, seed_demo: bool = True) -> None:
    """Create every table that is missing and, for an empty catalog, load the demo one."""
    catalog = SqliteCatalogRepository(db)
    catalog.ensure_schema()
    if seed_demo:
        report = seed_demo_catalog(catalog)
        if report is not None:
            log.info("seeded the demo catalog: %d products", report.imported)
