"""PostgreSQL adapter of the cart port: the statements are cart.sql_store's, the schema is in
catalog.pg_schema. Only the spellings that differ from SQLite are here.

Concurrency across nodes (READ COMMITTED): the shared statements take transaction-scoped
advisory locks where SQLite relied on its one write lock (a cart's id when it is read for a
change, the store and kind when slot usage is counted before booking, the submission key when
an order is looked up before placing it), and the UNIQUE submission key with INSERT ... ON
CONFLICT DO NOTHING is the idempotency backstop.
"""
from __future__ import annotations

from cart.fulfillment import store_id_of
from cart.outbox.postgres import PostgresOutbox
from cart.sql_store import SqlCartRepository
from catalog.pg_database import PgDatabase


class PostgresCartRepository(SqlCartRepository):
    ROW_ID = "ctid"
    ORDER_SEQ = "seq"
    IS_NOT = "IS DISTINCT FROM"

    def __init__(self, database: PgDatabase) -> None:
        self.database = database
        self.sql = database.session()
        self._wrote_events = False

    def _outbox(self) -> PostgresOutbox:
        return PostgresOutbox(self.database)

    def shopping_store_id(self, customer_id: str) -> str | None:
        # A turn's prefetch sends the slot hold and customer reads with its other reads: the
        # store follows from their answers, without a statement of its own
        return store_id_of(self.get_hold(customer_id), self.get_customer(customer_id))
