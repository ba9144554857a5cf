"""PostgreSQL adapter of the catalog port: the statements are catalog.repository's, the
schema is in catalog.pg_schema. A change also NOTIFYs `voicecart_catalog` (delivered at
commit), so other nodes can rebuild their matcher index without waiting for their next poll."""
from __future__ import annotations

from catalog.pg_database import PgDatabase
from catalog.repository import SqlCatalogRepository

CATALOG_CHANNEL = "voicecart_catalog"


class PostgresCatalogRepository(SqlCatalogRepository):
    ORDER_SEQ = "seq"

    def __init__(self, database: PgDatabase) -> None:
        self.database = database
        self.sql = database.session()

    def _changed(self) -> None:
        self.sql.execute(f"NOTIFY {CATALOG_CHANNEL}")
