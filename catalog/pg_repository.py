"""PostgreSQL adapter of the catalog port: the statements are catalog.repository's, the
schema is in catalog.pg_schema.

Other nodes learn of a change at once: the transaction that bumps the catalog version also
sends `NOTIFY voicecart_catalog` with the new version (delivered only if it commits), which
each server worker's catalog.pg_listener hears. The version their LiveMatcher checks now and
then is the fallback.
"""
from __future__ import annotations

from catalog.pg_database import PgDatabase
from catalog.repository import META, SqlCatalogRepository

CATALOG_CHANNEL = "voicecart_catalog"


class PostgresCatalogRepository(SqlCatalogRepository):
    ORDER_SEQ = "seq"

    def __init__(self, database: PgDatabase) -> None:
        self.database = database
        self.sql = database.session()

    def _announce_change(self) -> None:
        self.sql.execute(f"SELECT pg_notify('{CATALOG_CHANNEL}', value) FROM {META} "
                         "WHERE key = 'version'")
