"""PostgreSQL adapter of the session store: the statements are intents.dialog.session's, the
schema is in catalog.pg_schema."""
from __future__ import annotations

from catalog.pg_database import PgDatabase
from intents.dialog.session import SqlSessionStore


class PostgresSessionStore(SqlSessionStore):
    ROW_ID = "ctid"

    def __init__(self, database: PgDatabase) -> None:
        self.sql = database.session()
