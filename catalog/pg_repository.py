"""PostgreSQL adapter of the catalog port: the statements are catalog.repository's, the
schema is in catalog.pg_schema. Other nodes notice a change through the catalog version their
LiveMatcher checks about once a second."""
from __future__ import annotations

from catalog.pg_database import PgDatabase
from catalog.repository import SqlCatalogRepository


class PostgresCatalogRepository(SqlCatalogRepository):
    ORDER_SEQ = "seq"

    def __init__(self, database: PgDatabase) -> None:
        self.database = database
        self.sql = database.session()
