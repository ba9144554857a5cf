"""PostgreSQL adapter of the outbox port: the statements are cart.outbox.sql's, the schema is
in catalog.pg_schema."""
from __future__ import annotations

from cart.outbox.sql import SqlOutbox
from catalog.pg_database import PgDatabase


class PostgresOutbox(SqlOutbox):
    def __init__(self, database: PgDatabase) -> None:
        self.database = database
        self.sql = database.session()
