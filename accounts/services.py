"""Account services over an `AccountRepository`: customers, OAuth clients, password logins.

Each function runs in one `repo.transaction()` and takes `now` where time matters, so tests
drive the clock. The authorization server's grants are in accounts.oauth.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from accounts.hashing import hash_secret, new_id, new_token, verify_secret
from accounts.model import (
    CLIENT_PREFIX, CUSTOMER_PREFIX, MAX_ADDRESS, MAX_NAME, MAX_REDIRECT_URIS, AccountError, Client,
    Customer, LoginThrottle, check_password, check_redirect_uri, clean_text, normalize_email,
)
from accounts.ports import AccountRepository, DuplicateEmail

# Lockout: this many failed logins for one email within the window lock it for LOCKOUT; a
# client address gets a wider allowance, so one attacker cannot lock every shopper out cheaply
MAX_FAILURES_PER_EMAIL = 5
MAX_FAILURES_PER_ADDRESS = 30
FAILURE_WINDOW = timedelta(minutes=15)
LOCKOUT = timedelta(minutes=15)


class LoginFailed(Exception):
    """Wrong email or password (never says which)."""


class LockedOut(Exception):
    """Too many failed logins: try again after `until`."""

    def __init__(self, until: datetime) -> None:
        super().__init__(f"locked until {until.isoformat()}")
        self.until = until


def add_customer(repo: AccountRepository, *, email: str, name: str, password: str,
                 address: str | None = None, zip_code: str | None = None,
                 now: datetime) -> Customer:
    customer = Customer(
        id=new_id(CUSTOMER_PREFIX), email=normalize_email(email),
        name=clean_text(name, "the name", MAX_NAME, required=True),
        password_hash=hash_secret(check_password(password)),
        address=clean_text(address, "the address", MAX_ADDRESS),
        zip=clean_text(zip_code, "the zip code", 20), created_at=now)
    with repo.transaction():
        if repo.find_customer_by_email(customer.email) is not None:
            raise AccountError(f"a customer with the email {customer.email} already exists")
        try:
            repo.add_customer(customer)
        except DuplicateEmail:
            raise AccountError(f"a customer with the email {customer.email} already exists") from None
    return customer


@dataclass(frozen=True)
class NewClient:
    client: Client
    secret: str  # shown once; only its hash is stored


def add_client(repo: AccountRepository, *, name: str, redirect_uris: list[str],
               now: datetime) -> NewClient:
    if not redirect_uris:
        raise AccountError("at least one --redirect-uri is required")
    if len(redirect_uris) > MAX_REDIRECT_URIS:
        raise AccountError(f"at most {MAX_REDIRECT_URIS} redirect URIs")
    uris = tuple(dict.fromkeys(check_redirect_uri(uri) for uri in redirect_uris))
    secret = new_token()
    client = Client(id=new_id(CLIENT_PREFIX), name=clean_text(name, "the name", MAX_NAME, required=True),
                    secret_hash=hash_secret(secret), redirect_uris=uris, created_at=now)
    with repo.transaction():
        repo.add_client(client)
    return NewClient(client, secret)


def authenticate_client(repo: AccountRepository, client_id: str, secret: str) -> Client | None:
    """The client when the secret is right, else None. An unknown id is refused without
    hashing: client ids are not secret, and a free scrypt per guess would let anyone burn
    the server's CPU and memory."""
    client = repo.get_client(client_id) if client_id else None
    if client is None:
        return None
    return client if verify_secret(secret, client.secret_hash) else None


def _throttle_keys(email: str, address: str | None) -> list[tuple[str, int]]:
    keys = [(f"email:{email}", MAX_FAILURES_PER_EMAIL)]
    if address:
        keys.append((f"addr:{address}", MAX_FAILURES_PER_ADDRESS))
    return keys


def login(repo: AccountRepository, *, email: str, password: str, address: str | None,
          now: datetime) -> Customer:
    """Check a password login. Raises LockedOut while a key is locked (even for the right
    password: a guesser learns nothing), LoginFailed for a wrong email or password."""
    try:
        email = normalize_email(email)
    except AccountError:
        email = (email or "").strip().lower()[:254]
    keys = _throttle_keys(email, address)
    with repo.transaction():
        for key, _ in keys:
            throttle = repo.get_throttle(key)
            if throttle and throttle.locked_until and now < throttle.locked_until:
                raise LockedOut(throttle.locked_until)
    customer = repo.find_customer_by_email(email)
    # The hash is checked even for an unknown email: the time taken does not tell
    if verify_secret(password, customer.password_hash if customer else None) and customer:
        with repo.transaction():
            repo.delete_throttle(keys[0][0])
        return customer
    locked: datetime | None = None
    with repo.transaction():
        for key, limit in keys:
            throttle = repo.get_throttle(key) or LoginThrottle(key)
            if throttle.window_start is None or now - throttle.window_start > FAILURE_WINDOW:
                throttle = LoginThrottle(key, 0, now, None)
            throttle = replace(throttle, failures=throttle.failures + 1)
            if throttle.failures >= limit:
                throttle = LoginThrottle(key, 0, None, now + LOCKOUT)
                locked = throttle.locked_until
            repo.save_throttle(throttle)
    if locked is not None:
        raise LockedOut(locked)
    raise LoginFailed()
