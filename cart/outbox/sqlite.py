"""SQLite adapter of the outbox port: its schema; the statements are in cart.outbox.sql."""
from __future__ import annotations

import sqlite_utils

from cart.outbox.sql import SqlOutbox
from catalog.database import SqliteSession, write_transaction


_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    order_id TEXT NOT NULL,
    type TEXT NOT NULL,
    created_at TEXT NOT NULL,
    body TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    give_up_at TEXT,  -- NULL: created_at + the dispatcher's limit (a manual retry sets it)
    delivered_at TEXT,
    last_error TEXT
);
CREATE INDEX IF NOT EXISTS idx_outbox_events_state_next ON outbox_events (state, next_attempt_at);
CREATE INDEX IF NOT EXISTS idx_outbox_events_state_order ON outbox_events (state, order_id, seq);
CREATE TABLE IF NOT EXISTS outbox_leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS inbound_events (
    id TEXT PRIMARY KEY,
    order_id TEXT NOT NULL,
    received_at TEXT NOT NULL
);
"""


class SqliteOutbox(SqlOutbox):
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.sql = SqliteSession(db, "outbox_tx")

    def ensure_schema(self) -> None:
        present = self.db.execute(
            "SELECT COUNT(*) FROM sqlite_master WHERE name IN "
            "('outbox_events', 'outbox_leases', 'inbound_events')").fetchone()[0]
        if present == 3:
            return
        with write_transaction(self.db):
            for statement in filter(str.strip, _SCHEMA.split(";")):
                self.db.execute(statement)
