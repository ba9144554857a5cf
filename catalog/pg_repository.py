"""PostgreSQL adapter of the catalog port: the statements are catalog.repository's, the
schema is in catalog.pg_schema.

Other nodes learn of a change at once: the transaction that bumps the catalog version also
sends `NOTIFY voicecart_catalog` with the new version (delivered only if it commits), which
each server worker's catalog.pg_listener hears. The version their LiveMatcher checks now and
then is the fallback.
"""
from __future__ import annotations

from collections.abc import Iterator

from catalog.model import Product
from catalog.pg_database import PgDatabase
from catalog.repository import (
    META, PRODUCTS, STREAM_BATCH, SqlCatalogRepository, product_from_row,
)

CATALOG_CHANNEL = "voicecart_catalog"
STREAM_CURSOR = "voicecart_catalog_stream"


class PostgresCatalogRepository(SqlCatalogRepository):
    ORDER_SEQ = "seq"

    def __init__(self, database: PgDatabase) -> None:
        self.database = database
        self.sql = database.session()

    def _announce_change(self) -> None:
        self.sql.execute(f"SELECT pg_notify('{CATALOG_CHANNEL}', value) FROM {META} "
                         "WHERE key = 'version'")

    def all_products(self) -> Iterator[Product]:
        """Every product in import order, through a server-side cursor a batch at a time: the
        session's statements fetch whole results, and an index build over a million products
        must never hold them all. Its own connection: such a cursor lives in a transaction."""
        with self.database.connect() as conn, conn.transaction(), \
                conn.cursor(name=STREAM_CURSOR) as cursor:
            cursor.itersize = STREAM_BATCH
            cursor.execute(f"select * from {PRODUCTS} order by {self.ORDER_SEQ}")
            columns = [d[0] for d in cursor.description]
            for values in cursor:
                yield product_from_row(dict(zip(columns, values)))
