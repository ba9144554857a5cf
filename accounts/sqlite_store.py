"""SQLite adapter of the accounts port: its schema; the statements are in accounts.sql_store.

Same conventions as cart.sqlite_store: one connection per thread (from the ConnectionPool),
BEGIN IMMEDIATE under the cross-process writer lock, nested transactions as savepoints.
"""
from __future__ import annotations

import sqlite_utils

from accounts.sql_store import SqlAccountRepository
from catalog.database import SqliteSession

_SCHEMA = """
CREATE TABLE IF NOT EXISTS account_customers (
    id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    password_hash TEXT NOT NULL, address TEXT, zip TEXT, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS oauth_clients (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, secret_hash TEXT NOT NULL,
    redirect_uris TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS oauth_codes (
    code_hash TEXT PRIMARY KEY, client_id TEXT NOT NULL, customer_id TEXT NOT NULL,
    redirect_uri TEXT NOT NULL, scope TEXT, code_challenge TEXT NOT NULL,
    expires_at TEXT NOT NULL, used_at TEXT);
CREATE TABLE IF NOT EXISTS oauth_grants (
    id TEXT PRIMARY KEY, family TEXT NOT NULL, client_id TEXT NOT NULL,
    customer_id TEXT NOT NULL, scope TEXT, access_hash TEXT NOT NULL UNIQUE,
    refresh_hash TEXT NOT NULL UNIQUE, access_expires_at TEXT NOT NULL,
    refresh_expires_at TEXT NOT NULL, code_hash TEXT, revoked_at TEXT);
CREATE INDEX IF NOT EXISTS idx_oauth_grants_family ON oauth_grants (family);
CREATE INDEX IF NOT EXISTS idx_oauth_grants_code_hash ON oauth_grants (code_hash);
CREATE TABLE IF NOT EXISTS login_throttles (
    key TEXT PRIMARY KEY, failures INTEGER NOT NULL, window_start TEXT, locked_until TEXT);
CREATE TABLE IF NOT EXISTS server_secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS voice_codes (
    customer_id TEXT PRIMARY KEY, code_hash TEXT NOT NULL, failures INTEGER NOT NULL,
    locked_until TEXT);
"""
_TABLES = ("account_customers", "oauth_clients", "oauth_codes", "oauth_grants",
           "login_throttles", "server_secrets", "voice_codes")


class SqliteAccountRepository(SqlAccountRepository):
    def __init__(self, db: sqlite_utils.Database, *, create_schema: bool = True) -> None:
        self.db = db
        self.sql = SqliteSession(db, "accounts_tx")
        if create_schema:
            self.ensure_schema()

    def ensure_schema(self) -> None:
        marks = ",".join("?" * len(_TABLES))
        present = self.db.execute(f"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' "
                                  f"AND name IN ({marks})", list(_TABLES)).fetchone()[0]
        if present == len(_TABLES):
            return
        with self.transaction():
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    self.db.execute(statement)
