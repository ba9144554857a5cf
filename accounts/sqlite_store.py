"""SQLite adapter of the accounts port: every SQL statement of accounts/ lives here.

Same conventions as cart.sqlite_store: one connection per thread (from the ConnectionPool),
BEGIN IMMEDIATE under the cross-process writer lock, nested transactions as savepoints. Secrets
are stored only as hashes (accounts.hashing); times are UTC ISO-8601 text.
"""
from __future__ import annotations

import json
import sqlite3
from contextlib import AbstractContextManager
from datetime import datetime, timezone
from typing import Any, Callable

import sqlite_utils

from accounts.model import AuthorizationCode, Client, Customer, LoginThrottle, TokenGrant
from accounts.ports import DuplicateEmail
from catalog.database import UnitOfWork

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


def _text(when: datetime | None) -> str | None:
    return when.astimezone(timezone.utc).isoformat() if when is not None else None


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


class SqliteAccountRepository:
    def __init__(self, db: sqlite_utils.Database, *, create_schema: bool = True) -> None:
        self.db = db
        self._work = UnitOfWork(db, "accounts_tx")
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

    def transaction(self) -> AbstractContextManager[None]:
        return self._work()

    def _write(self, sql: str, params: tuple[Any, ...]) -> None:
        if not self.db.conn.in_transaction:
            raise RuntimeError("accounts writes must run inside repo.transaction()")
        self.db.execute(sql, list(params))

    def _row(self, sql: str, params: tuple[Any, ...]) -> dict[str, Any] | None:
        cursor = self.db.execute(sql, list(params))
        row = cursor.fetchone()
        return dict(zip([d[0] for d in cursor.description], row)) if row else None

    # --- customers ----------------------------------------------------------------------------

    def add_customer(self, customer: Customer) -> None:
        try:
            self._write("INSERT INTO account_customers (id, email, name, password_hash, address, "
                        "zip, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (customer.id, customer.email, customer.name, customer.password_hash,
                         customer.address, customer.zip, _text(customer.created_at)))
        except sqlite3.IntegrityError as exc:
            raise DuplicateEmail(customer.email) from exc

    @staticmethod
    def _customer(row: dict[str, Any] | None) -> Customer | None:
        if row is None:
            return None
        return Customer(id=row["id"], email=row["email"], name=row["name"],
                        password_hash=row["password_hash"], address=row["address"],
                        zip=row["zip"], created_at=_time(row["created_at"]))

    def get_customer(self, customer_id: str) -> Customer | None:
        return self._customer(self._row("SELECT * FROM account_customers WHERE id = ?", (customer_id,)))

    def find_customer_by_email(self, email: str) -> Customer | None:
        return self._customer(self._row("SELECT * FROM account_customers WHERE email = ?", (email,)))

    # --- clients ------------------------------------------------------------------------------

    def add_client(self, client: Client) -> None:
        self._write("INSERT INTO oauth_clients (id, name, secret_hash, redirect_uris, created_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (client.id, client.name, client.secret_hash, json.dumps(list(client.redirect_uris)),
                     _text(client.created_at)))

    def get_client(self, client_id: str) -> Client | None:
        row = self._row("SELECT * FROM oauth_clients WHERE id = ?", (client_id,))
        if row is None:
            return None
        return Client(id=row["id"], name=row["name"], secret_hash=row["secret_hash"],
                      redirect_uris=tuple(json.loads(row["redirect_uris"])),
                      created_at=_time(row["created_at"]))

    # --- codes --------------------------------------------------------------------------------

    def add_code(self, code: AuthorizationCode) -> None:
        self._write("INSERT INTO oauth_codes (code_hash, client_id, customer_id, redirect_uri, "
                    "scope, code_challenge, expires_at, used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (code.code_hash, code.client_id, code.customer_id, code.redirect_uri,
                     code.scope, code.code_challenge, _text(code.expires_at), _text(code.used_at)))

    def get_code(self, code_hash: str) -> AuthorizationCode | None:
        row = self._row("SELECT * FROM oauth_codes WHERE code_hash = ?", (code_hash,))
        if row is None:
            return None
        return AuthorizationCode(
            code_hash=row["code_hash"], client_id=row["client_id"], customer_id=row["customer_id"],
            redirect_uri=row["redirect_uri"], scope=row["scope"],
            code_challenge=row["code_challenge"], expires_at=_time(row["expires_at"]),
            used_at=_time(row["used_at"]))

    def mark_code_used(self, code_hash: str, now: datetime) -> None:
        self._write("UPDATE oauth_codes SET used_at = ? WHERE code_hash = ?", (_text(now), code_hash))

    # --- grants -------------------------------------------------------------------------------

    def add_grant(self, grant: TokenGrant) -> None:
        self._write("INSERT INTO oauth_grants (id, family, client_id, customer_id, scope, "
                    "access_hash, refresh_hash, access_expires_at, refresh_expires_at, code_hash, "
                    "revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (grant.id, grant.family, grant.client_id, grant.customer_id, grant.scope,
                     grant.access_hash, grant.refresh_hash, _text(grant.access_expires_at),
                     _text(grant.refresh_expires_at), grant.code_hash, _text(grant.revoked_at)))

    @staticmethod
    def _grant(row: dict[str, Any] | None) -> TokenGrant | None:
        if row is None:
            return None
        return TokenGrant(
            id=row["id"], family=row["family"], client_id=row["client_id"],
            customer_id=row["customer_id"], scope=row["scope"], access_hash=row["access_hash"],
            refresh_hash=row["refresh_hash"], access_expires_at=_time(row["access_expires_at"]),
            refresh_expires_at=_time(row["refresh_expires_at"]), code_hash=row["code_hash"],
            revoked_at=_time(row["revoked_at"]))

    def grant_by_access(self, access_hash: str) -> TokenGrant | None:
        return self._grant(self._row("SELECT * FROM oauth_grants WHERE access_hash = ?", (access_hash,)))

    def grant_by_refresh(self, refresh_hash: str) -> TokenGrant | None:
        return self._grant(self._row("SELECT * FROM oauth_grants WHERE refresh_hash = ?", (refresh_hash,)))

    def revoke_grant(self, grant_id: str, now: datetime) -> None:
        self._write("UPDATE oauth_grants SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                    (_text(now), grant_id))

    def revoke_family(self, family: str, now: datetime) -> None:
        self._write("UPDATE oauth_grants SET revoked_at = ? WHERE family = ? AND revoked_at IS NULL",
                    (_text(now), family))

    def revoke_from_code(self, code_hash: str, now: datetime) -> None:
        self._write("UPDATE oauth_grants SET revoked_at = ? WHERE revoked_at IS NULL AND family IN "
                    "(SELECT family FROM oauth_grants WHERE code_hash = ?)", (_text(now), code_hash))

    # --- login throttles ----------------------------------------------------------------------

    def get_throttle(self, key: str) -> LoginThrottle | None:
        row = self._row("SELECT * FROM login_throttles WHERE key = ?", (key,))
        if row is None:
            return None
        return LoginThrottle(key=row["key"], failures=row["failures"],
                             window_start=_time(row["window_start"]),
                             locked_until=_time(row["locked_until"]))

    def save_throttle(self, throttle: LoginThrottle) -> None:
        self._write("INSERT INTO login_throttles (key, failures, window_start, locked_until) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, "
                    "window_start = excluded.window_start, locked_until = excluded.locked_until",
                    (throttle.key, throttle.failures, _text(throttle.window_start),
                     _text(throttle.locked_until)))

    def delete_throttle(self, key: str) -> None:
        self._write("DELETE FROM login_throttles WHERE key = ?", (key,))

    # --- voice codes --------------------------------------------------------------------------

    def get_voice_code(self, customer_id: str):
        from accounts.voice_codes import VoiceCode

        row = self._row("SELECT * FROM voice_codes WHERE customer_id = ?", (customer_id,))
        if row is None:
            return None
        return VoiceCode(customer_id=row["customer_id"], code_hash=row["code_hash"],
                         failures=row["failures"], locked_until=_time(row["locked_until"]))

    def save_voice_code(self, code) -> None:
        self._write("INSERT INTO voice_codes (customer_id, code_hash, failures, locked_until) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT (customer_id) DO UPDATE SET "
                    "code_hash = excluded.code_hash, failures = excluded.failures, "
                    "locked_until = excluded.locked_until",
                    (code.customer_id, code.code_hash, code.failures, _text(code.locked_until)))

    def delete_voice_code(self, customer_id: str) -> None:
        self._write("DELETE FROM voice_codes WHERE customer_id = ?", (customer_id,))

    # --- server secrets -----------------------------------------------------------------------

    def server_secret(self, name: str, make: Callable[[], str]) -> str:
        row = self._row("SELECT value FROM server_secrets WHERE name = ?", (name,))
        if row is not None:
            return row["value"]
        with self.transaction():
            self._write("INSERT OR IGNORE INTO server_secrets (name, value) VALUES (?, ?)", (name, make()))
            return self._row("SELECT value FROM server_secrets WHERE name = ?", (name,))["value"]
