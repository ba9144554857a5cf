"""Fixtures for whole conversations through POST /v1/converse.

Each test gets its own app on a fresh SQLite file (seeded with the demo catalog and stores),
a fixed clock it can move forward, and helpers that talk to the text channel and read back what
was stored (the design doc's `cart show` / `orders list` JSON).

The clock starts on Wednesday 2026-11-25 at 14:00 UTC, 9 AM in the demo stores' New York time:
the earliest pickup slot is 11 AM that day (two hours' lead time).
"""
from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any, Callable

import pytest

from cart.json_views import cart_show, orders_list
from skill.app import create_app
from skill.config import Config

START = datetime(2026, 11, 25, 14, 0, tzinfo=timezone.utc)
USER = "ann"          # a shopper with no delivery address
DEMO_USER = "demo"    # the demo shopper: has a delivery address, store Brooklyn
SESSION = "s1"


class Clock:
    """The app's clock: fixed until a test moves it."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory):
    """One database seeded with the demo catalog, stores and customers; each test gets a copy."""
    path = tmp_path_factory.mktemp("seed") / "seed.db"
    create_app(Config(db_path=path, dev=True))
    return path


@pytest.fixture
def app(tmp_path, clock, seeded_db):
    path = tmp_path / "voicecart.db"
    with sqlite3.connect(seeded_db) as source, sqlite3.connect(path) as target:
        source.backup(target)
    return create_app(Config(db_path=path, dev=True), clock=clock)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runtime(app):
    return app.extensions["voicecart"]


@pytest.fixture
def say(client) -> Callable[..., dict[str, Any]]:
    """say(text, user=..., session=...) -> the JSON reply; any status but 200 fails the test."""
    def say(text: str, user: str = USER, session: str = SESSION) -> dict[str, Any]:
        response = client.post("/v1/converse", json={"user_id": user, "session_id": session, "text": text})
        assert response.status_code == 200, (text, response.status_code, response.get_data(as_text=True))
        reply = response.get_json()
        assert set(reply) == {"session_id", "speech", "reprompt", "end_session"}
        assert isinstance(reply["speech"], str) and reply["speech"].strip(), reply
        return reply
    return say


@pytest.fixture
def cart(runtime) -> Callable[..., dict[str, Any]]:
    """cart(user) -> `voicecart cart show --json` for that user, read from the store."""
    return lambda user=USER: cart_show(runtime.carts(), user)


@pytest.fixture
def lines(cart) -> Callable[..., dict[tuple[str, str | None], float]]:
    """lines(user) -> {(product_id, unit): quantity} of the stored cart."""
    def lines(user: str = USER) -> dict[tuple[str, str | None], float]:
        return {(i["product_id"], i["unit"]): i["quantity"] for i in cart(user)["items"]}
    return lines


@pytest.fixture
def orders(runtime, clock) -> Callable[..., list[dict[str, Any]]]:
    """orders(user) -> `voicecart orders list --json` for that user, statuses as of the clock."""
    return lambda user=USER: orders_list(runtime.carts(), user, clock())


@pytest.fixture
def product(runtime):
    """product(id) -> the catalog Product (to compare what was said with real prices)."""
    def product(product_id: str):
        found = runtime.matchers.current().get(product_id)
        assert found is not None, product_id
        return found
    return product


@pytest.fixture
def pending(runtime, clock) -> Callable[..., dict[str, Any] | None]:
    """pending(session) -> what the dialog is waiting for, as stored server-side (e.g. the
    options offered while choosing), so a test can tell which product "the second one" is."""
    def pending(session: str = SESSION, channel: str = "text") -> dict[str, Any] | None:
        state = runtime.sessions().load(channel, session, clock())
        return state.pending if state else None
    return pending


@pytest.fixture
def fill_cart(runtime, clock):
    """fill_cart(product_ids, user) puts products straight into a cart: setup for tests about
    reading or checking out a cart, not about adding."""
    from cart import services

    def fill(product_ids, user: str = USER, quantity: int = 1) -> None:
        matcher = runtime.matchers.current()
        for product_id in product_ids:
            services.add_item(runtime.carts(), user, matcher.get(product_id), quantity, None, now=clock())
    return fill


@pytest.fixture
def session_row(runtime):
    """Read and restore the stored dialog state of a session, to replay a request exactly as a
    platform retry would arrive (with the state from before the first delivery)."""
    class Rows:
        def get(self, session: str = SESSION, channel: str = "text") -> str:
            row = runtime.db().execute(
                "select state from dialog_sessions where channel = ? and session_id = ?",
                [channel, session]).fetchone()
            assert row is not None
            return row[0]

        def put(self, state: str, session: str = SESSION, channel: str = "text") -> None:
            db = runtime.db()
            db.execute("update dialog_sessions set state = ? where channel = ? and session_id = ?",
                       [state, channel, session])
            assert json.loads(self.get(session, channel)) == json.loads(state)
    return Rows()


def money(amount: float | Decimal) -> str:
    """How a price is spoken: $7.58."""
    return f"${Decimal(str(amount)):,.2f}"


@pytest.fixture
def spoken_price():
    return money


SHOP = "add two gallons of whole milk and a dozen large white eggs"


@pytest.fixture
def placed(say, orders):
    """ann's pickup order for tomorrow (Thursday 2026-11-26) 5-6 PM New York time; picking
    starts an hour before the slot."""
    say(SHOP)
    say("check out for pickup tomorrow at five pm")
    say("yes")
    [order] = orders()
    assert order["fulfillment"]["slot_start"].startswith("2026-11-26T17:00")
    return order
