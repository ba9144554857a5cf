"""Accounts domain: customers, OAuth clients, authorization codes and token grants. No I/O."""
from __future__ import annotations

import ipaddress
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

# Linked customers' ids are also their cart ids, under a prefix no platform id may claim
CUSTOMER_PREFIX = "account:"
CLIENT_PREFIX = "client_"

ACCESS_TOKEN_LIFETIME = timedelta(hours=1)  # Alexa refreshes on expiry; at least an hour
REFRESH_TOKEN_LIFETIME = timedelta(days=180)  # renewed at every rotation
CODE_LIFETIME = timedelta(minutes=5)

MAX_EMAIL = 254
MAX_NAME = 200
MAX_PASSWORD = 1024
MIN_PASSWORD = 8
MAX_ADDRESS = 500
MAX_REDIRECT_URI = 2000
MAX_REDIRECT_URIS = 20
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class AccountError(ValueError):
    """Bad input for an account or a client: the message says what to fix."""


def is_linked_customer_id(customer_id: str) -> bool:
    return customer_id.startswith(CUSTOMER_PREFIX)


def normalize_email(email: str) -> str:
    email = unicodedata.normalize("NFKC", email or "").strip().lower()
    if len(email) > MAX_EMAIL or not _EMAIL.fullmatch(email):
        raise AccountError("the email address is not valid")
    return email


def clean_text(value: str | None, what: str, limit: int, *, required: bool = False) -> str | None:
    text = " ".join("".join(ch for ch in (value or "") if unicodedata.category(ch)[0] != "C").split())
    if not text:
        if required:
            raise AccountError(f"{what} is required")
        return None
    if len(text) > limit:
        raise AccountError(f"{what} is longer than {limit} characters")
    return text


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password must have at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise AccountError(f"the password is longer than {MAX_PASSWORD} characters")
    return password


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host.lower() in LOOPBACK_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_redirect_uri(uri: str) -> str:
    """A redirect URI a client may register: absolute, no fragment, no credentials; https, or
    http on loopback (served only in --dev, see `redirect_allowed`)."""
    if not isinstance(uri, str) or not uri or len(uri) > MAX_REDIRECT_URI or uri != uri.strip():
        raise AccountError("a redirect URI must be a non-empty absolute URL")
    try:
        parts = urlsplit(uri)
        parts.port  # noqa: B018  (raises on a bad port)
    except ValueError:
        raise AccountError(f"not a valid URL: {uri[:100]}") from None
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise AccountError(f"a redirect URI must be an https URL: {uri[:100]}")
    if parts.fragment or "#" in uri:
        raise AccountError("a redirect URI may not have a fragment (#...)")
    if parts.username is not None or parts.password is not None:
        raise AccountError("a redirect URI may not carry user credentials")
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise AccountError(f"plain http is only allowed on localhost or 127.0.0.1: {uri[:100]}")
    return uri


def redirect_allowed(uri: str, *, dev: bool) -> bool:
    """Outside --dev only https redirect URIs are served; in --dev also http on loopback."""
    parts = urlsplit(uri)
    return parts.scheme == "https" or (dev and parts.scheme == "http" and is_loopback(parts.hostname))


@dataclass(frozen=True)
class Customer:
    id: str
    email: str
    name: str
    password_hash: str
    address: str | None = None
    zip: str | None = None
    created_at: datetime | None = None


@dataclass(frozen=True)
class Client:
    id: str
    name: str
    secret_hash: str
    redirect_uris: tuple[str, ...]
    created_at: datetime | None = None

    def owns_redirect_uri(self, uri: str) -> bool:
        """Exact string match against a registered URI (RFC 6749 3.1.2, no prefix matching)."""
        return uri in self.redirect_uris


@dataclass(frozen=True)
class AuthorizationCode:
    code_hash: str
    client_id: str
    customer_id: str
    redirect_uri: str
    scope: str | None
    code_challenge: str
    expires_at: datetime
    used_at: datetime | None = None

    def usable(self, now: datetime) -> bool:
        return self.used_at is None and now < self.expires_at


@dataclass(frozen=True)
class TokenGrant:
    """One access token with its refresh token. A refresh makes a new grant in the same
    `family` and revokes this one; `code_hash` names the code the family came from."""

    id: str
    family: str
    client_id: str
    customer_id: str
    scope: str | None
    access_hash: str
    refresh_hash: str
    access_expires_at: datetime
    refresh_expires_at: datetime
    code_hash: str | None = None
    revoked_at: datetime | None = None

    def access_valid(self, now: datetime) -> bool:
        return self.revoked_at is None and now < self.access_expires_at

    def refresh_valid(self, now: datetime) -> bool:
        return self.revoked_at is None and now < self.refresh_expires_at


@dataclass
class LoginThrottle:
    """Failed logins for one key (an email, or a client address) within a window."""

    key: str
    failures: int = 0
    window_start: datetime | None = None
    locked_until: datetime | None = None
