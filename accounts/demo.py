"""The demo shopper account and `alexa` client, so the whole linking flow can be tried locally.

Seeded only by `voicecart serve --dev` (their credentials are printed in the README, so they
must never exist on a real deployment). Idempotent: nothing is changed when they exist."""
from __future__ import annotations

from datetime import datetime

from accounts.hashing import hash_secret
from accounts.model import Client, Customer
from accounts.ports import AccountRepository

DEMO_CUSTOMER_ID = "account:demo"
DEMO_EMAIL = "demo@voicecart.example"
DEMO_PASSWORD = "demo-password"
DEMO_CLIENT_ID = "client_alexa_demo"
DEMO_CLIENT_SECRET = "demo-alexa-secret"
DEMO_REDIRECT_URIS = ("http://localhost/callback", "http://127.0.0.1/callback")


def seed_demo_accounts(repo: AccountRepository, *, now: datetime) -> bool:
    """Create the demo customer and client if missing; True when anything was made."""
    made = False
    with repo.transaction():
        if repo.get_customer(DEMO_CUSTOMER_ID) is None and repo.find_customer_by_email(DEMO_EMAIL) is None:
            repo.add_customer(Customer(
                id=DEMO_CUSTOMER_ID, email=DEMO_EMAIL, name="Demo Shopper",
                password_hash=hash_secret(DEMO_PASSWORD),
                address="27 Willow Court, Apt 3B, Brooklyn, NY", zip="11215", created_at=now))
            made = True
        if repo.get_client(DEMO_CLIENT_ID) is None:
            repo.add_client(Client(id=DEMO_CLIENT_ID, name="alexa",
                                   secret_hash=hash_secret(DEMO_CLIENT_SECRET),
                                   redirect_uris=DEMO_REDIRECT_URIS, created_at=now))
            made = True
    return made
