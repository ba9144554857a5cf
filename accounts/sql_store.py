"""The accounts port's SQL, shared by the SQLite and PostgreSQL adapters (accounts.sqlite_store,
accounts.postgres_store hold their schema): every statement of accounts/ lives here.

Secrets are stored only as hashes (accounts.hashing); times are UTC ISO-8601 text on both
backends, so an installation copies between them row by row.
"""
from __future__ import annotations

import json
from contextlib import AbstractContextManager
from datetime import datetime, timezone
from typing import Any, Callable

from accounts.model import AuthorizationCode, Client, Customer, LoginThrottle, TokenGrant
from accounts.ports import DuplicateEmail
from catalog.sql import SqlSession, row as _one_row


def _text(when: datetime | None) -> str | None:
    return when.astimezone(timezone.utc).isoformat() if when is not None else None


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


class SqlAccountRepository:
    sql: SqlSession

    def transaction(self) -> AbstractContextManager[None]:
        return self.sql.transaction()

    def _write(self, sql: str, params: tuple[Any, ...]) -> int:
        if not self.sql.in_transaction():
            raise RuntimeError("accounts writes must run inside repo.transaction()")
        return self.sql.execute(sql, list(params)).rowcount

    def _row(self, sql: str, params: tuple[Any, ...]) -> dict[str, Any] | None:
        return _one_row(self.sql, sql, params)

    # --- customers ----------------------------------------------------------------------------

    def add_customer(self, customer: Customer) -> None:
        added = self._write("INSERT INTO account_customers (id, email, name, password_hash, "
                            "address, zip, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                            "ON CONFLICT DO NOTHING",
                            (customer.id, customer.email, customer.name, customer.password_hash,
                             customer.address, customer.zip, _text(customer.created_at)))
        if added != 1:
            raise DuplicateEmail(customer.email)

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
            self._write("INSERT INTO server_secrets (name, value) VALUES (?, ?) "
                        "ON CONFLICT (name) DO NOTHING", (name, make()))
            return self._row("SELECT value FROM server_secrets WHERE name = ?", (name,))["value"]
