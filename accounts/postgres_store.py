"""PostgreSQL adapter of the accounts port: the statements are accounts.sql_store's, the
schema is in catalog.pg_schema."""
from __future__ import annotations

from accounts.sql_store import SqlAccountRepository
from catalog.pg_database import PgDatabase


class PostgresAccountRepository(SqlAccountRepository):
    def __init__(self, database: PgDatabase) -> None:
        self.database = database
        self.sql = database.session()
