"""SQLite adapter of the cart port: its schema; the statements shared with PostgreSQL are in
cart.sql_store.

A `SqliteCartRepository` wraps one connection, used by one thread at a time (take it from
catalog.database.ConnectionPool, which opens the file with WAL, busy_timeout and foreign keys);
the repository is cheap to create per request. It only adds its own tables.

Concurrency: every unit of work starts with BEGIN IMMEDIATE, which takes the database's write
lock up front. A plain (deferred) BEGIN that reads and then writes can fail with
SQLITE_BUSY_SNAPSHOT under WAL when another writer got in between, and the busy timeout does
not retry that; taking the lock first makes read-modify-write of a cart, and check-then-book
of a slot, strictly serial across threads and processes. Transactions are short, so waiting
for the lock (up to busy_timeout) is cheap.
"""
from __future__ import annotations

import sqlite_utils

from catalog.database import SqliteSession
from cart.outbox.sqlite import SqliteOutbox
from cart.sql_store import NotInTransaction, SqlCartRepository

__all__ = ["NotInTransaction", "SqliteCartRepository"]


# Tables and indexes ensure_schema creates; all present means nothing to do
_OBJECTS = ("carts", "customers", "stores", "slot_holds", "orders", "order_lines",
            "idx_customers_linked_account", "idx_slot_holds_store_id_kind_slot_start",
            "idx_slot_holds_slot_key", "idx_slot_holds_session",
            "idx_orders_submission_key", "idx_orders_customer_id_created_at",
            "idx_orders_store_id_kind_slot_start", "outbox_events", "outbox_leases",
            "inbound_events", "slot_bookings")

# Schema version 2 (skill.storage): each slot's bookings beside its capacity. The CHECK is
# part of a new table, so SQLite needs neither a trigger nor a table rebuild to have it (it
# cannot add a CHECK to an existing table). Slots booked before get their count, and a
# capacity at least that count (one lowered below it since must not fail the upgrade).
_SLOT_BOOKINGS = """
CREATE TABLE slot_bookings (
    slot_key TEXT PRIMARY KEY, store_id TEXT NOT NULL, kind TEXT NOT NULL,
    capacity INTEGER NOT NULL CHECK (capacity >= 0),
    booked INTEGER NOT NULL CHECK (booked >= 0),
    CONSTRAINT slot_bookings_within_capacity CHECK (booked <= capacity))"""
_COUNT_BOOKINGS = """
INSERT INTO slot_bookings (slot_key, store_id, kind, capacity, booked)
SELECT o.slot_key, MIN(o.store_id), MIN(o.kind),
       MAX(COUNT(*), COALESCE(MIN(json_extract(s.policy, '$.' || o.kind || '_capacity')), 0)),
       COUNT(*)
  FROM orders o LEFT JOIN stores s ON s.id = o.store_id
 WHERE o.cancelled_at IS NULL
 GROUP BY o.slot_key"""


def add_slot_bookings(db: sqlite_utils.Database) -> None:
    """Make `slot_bookings` and count the bookings already made; nothing if it exists. Call
    inside a write transaction (ensure_schema's, or `db upgrade`'s)."""
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'slot_bookings'").fetchone():
        return
    db.execute(_SLOT_BOOKINGS)
    db.execute(_COUNT_BOOKINGS)




# Columns added after the first release: (table, column, SQL type)
_ADDED_COLUMNS = (("slot_holds", "session", "TEXT"),
                  # what the grocer's order system reports (issue 19)
                  ("orders", "reported_status", "TEXT"), ("orders", "picked", "TEXT"),
                  # what the shopper asked, beside what is billed (issue 15); NULL and 0 read
                  # as "what was asked is what is billed"
                  ("order_lines", "asked_quantity", "TEXT"), ("order_lines", "asked_unit", "TEXT"),
                  ("order_lines", "estimated", "INTEGER NOT NULL DEFAULT 0"),
                  # issue 17: sales tax, delivery notes, the seller's address, stock per store;
                  # orders placed before carry no tax (0) and no notes
                  ("order_lines", "taxable", "INTEGER NOT NULL DEFAULT 0"),
                  ("orders", "tax_cents", "INTEGER NOT NULL DEFAULT 0"),
                  ("orders", "tax_rate", "TEXT"), ("orders", "store_address", "TEXT"),
                  ("orders", "delivery_notes", "TEXT"),
                  ("customers", "delivery_notes", "TEXT"), ("stores", "out_of_stock", "TEXT"),
                  # the shopper's changes to a placed order, JSON, oldest first (issue 17)
                  ("orders", "changes", "TEXT"))


class SqliteCartRepository(SqlCartRepository):
    def __init__(self, db: sqlite_utils.Database, *, create_schema: bool = True) -> None:
        self.db = db
        self.sql = SqliteSession(db, "cart_tx")
        self._wrote_events = False
        if create_schema:
            self.ensure_schema()

    # --- schema -------------------------------------------------------------------------------

    def ensure_schema(self) -> None:
        """Create tables and indexes if missing; safe to run from every worker at start-up."""
        if self._schema_present():
            return  # the common case, per request: a read, not the write lock
        self._create_tables()

    def _create_tables(self) -> None:
        with self.transaction():
            t = self.db.table
            t("carts").create(
                {"customer_id": str, "revision": int, "lines": str, "history": str,
                 "last_key": str, "updated_at": str},
                pk="customer_id", not_null={"revision", "lines", "history"}, if_not_exists=True)
            t("customers").create(
                {"id": str, "address": str, "default_substitution": str,
                 "preferred_store_id": str, "linked_account": str},
                pk="id", not_null={"default_substitution"}, if_not_exists=True)
            t("customers").create_index(["linked_account"], if_not_exists=True)
            t("stores").create(
                {"id": str, "name": str, "address": str, "tz": str, "hours": str, "policy": str,
                 "kinds": str},
                pk="id", not_null={"name", "tz", "hours", "policy", "kinds"}, if_not_exists=True)
            t("slot_holds").create(
                {"customer_id": str, "store_id": str, "kind": str, "slot_key": str,
                 "slot_start": str, "slot_end": str, "tz": str, "capacity": int,
                 "expires_at": str, "session": str},
                pk="customer_id", not_null={"store_id", "kind", "slot_key", "slot_start",
                                            "slot_end", "tz", "capacity", "expires_at"},
                if_not_exists=True)
            self._add_missing_columns()
            t("slot_holds").create_index(["store_id", "kind", "slot_start"], if_not_exists=True)
            t("slot_holds").create_index(["slot_key"], if_not_exists=True)
            t("slot_holds").create_index(["session"], if_not_exists=True)
            t("orders").create(
                {"id": str, "customer_id": str, "submission_key": str, "created_at": str,
                 "kind": str, "store_id": str, "store_name": str, "tz": str, "slot_key": str,
                 "slot_start": str, "slot_end": str, "address": str, "subtotal_cents": int,
                 "delivery_fee_cents": int, "total_cents": int, "picking_at": str,
                 "cancelled_at": str, "reported_status": str, "picked": str},
                pk="id",
                not_null={"customer_id", "submission_key", "created_at", "kind", "store_id",
                          "store_name", "tz", "slot_key", "slot_start", "slot_end",
                          "subtotal_cents", "delivery_fee_cents", "total_cents", "picking_at"},
                if_not_exists=True)
            # The idempotency backstop: one order per submission key, whatever the code does
            t("orders").create_index(["submission_key"], unique=True, if_not_exists=True)
            t("orders").create_index(["customer_id", "created_at"], if_not_exists=True)
            t("orders").create_index(["store_id", "kind", "slot_start"], if_not_exists=True)
            t("order_lines").create(
                {"order_id": str, "position": int, "product_id": str, "name": str,
                 "quantity": str, "unit": str, "unit_price": str, "line_total_cents": int,
                 "substitution": str},
                pk=("order_id", "position"), foreign_keys=[("order_id", "orders", "id")],
                not_null={"product_id", "name", "quantity", "unit_price", "line_total_cents",
                          "substitution"},
                if_not_exists=True)
            self._add_missing_columns()  # and the columns added since to tables made just now
            add_slot_bookings(self.db)

        SqliteOutbox(self.db).ensure_schema()

    def _schema_present(self) -> bool:
        marks = ",".join("?" * len(_OBJECTS))
        row = self.db.execute(f"SELECT COUNT(*) FROM sqlite_master WHERE name IN ({marks})",
                              list(_OBJECTS)).fetchone()
        return row[0] == len(_OBJECTS) and not self._missing_columns()

    def _missing_columns(self) -> list[tuple[str, str, str]]:
        # A table not made yet is created below with all its columns: nothing to add there
        present = {(table, row[1]) for table in {t for t, _, _ in _ADDED_COLUMNS}
                   for row in self.db.execute(f"PRAGMA table_info({table})").fetchall()}
        tables = {table for table, _ in present}
        return [(table, column, kind) for table, column, kind in _ADDED_COLUMNS
                if table in tables and (table, column) not in present]

    def _add_missing_columns(self) -> None:
        # Databases made by an earlier release gain the columns added since, in place
        for table, column, kind in self._missing_columns():
            self.db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")

    def _outbox(self) -> SqliteOutbox:
        return SqliteOutbox(self.db)
