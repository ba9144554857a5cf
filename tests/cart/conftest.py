"""Fixtures for the cart tests: an in-memory fake of our storage port, test stores and
products, and real SQLite repositories on files in tmp_path.

The fake lives here (not in a module) so no test imports another test file: test modules of
different packages may share base names, and pytest's default import mode dislikes that.
"""
from __future__ import annotations

import copy
import threading
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, time
from decimal import Decimal
from typing import Callable, Iterator

import pytest

from catalog.database import open_database
from catalog.model import Product

from cart.fulfillment import FulfillmentPolicy, OpeningHours, SlotHold, Store, store_id_of
from cart.model import Cart, Customer
from cart.orders import Order
from cart.ports import DuplicateSubmission
from cart.sqlite_store import SqliteCartRepository


class FakeCartRepository:
    """The port in memory. Transactions hold one lock (serialised, like BEGIN IMMEDIATE) and
    restore a snapshot on error, so service tests see atomicity; reads hand out copies, so a
    change the service forgot to save is lost here exactly as it would be in SQLite."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._depth = 0
        self.carts: dict[str, Cart] = {}
        self.customers: dict[str, Customer] = {}
        self.stores: dict[str, Store] = {}
        self.holds: dict[str, SlotHold] = {}
        self.orders: dict[str, Order] = {}
        self._sequence: dict[str, int] = {}  # insertion order breaks created_at ties
        self.events: list = []                # the outbox, in write order
        self.store_events: set[str] = set()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._lock:
            saved = copy.deepcopy(self._state())
            self._depth += 1
            try:
                yield
            except BaseException:
                self._restore(saved)
                raise
            finally:
                self._depth -= 1

    def _state(self) -> tuple:
        return (self.carts, self.customers, self.stores, self.holds, self.orders, self._sequence,
                self.events, self.store_events)

    def _restore(self, state: tuple) -> None:
        (self.carts, self.customers, self.stores, self.holds, self.orders,
         self._sequence, self.events, self.store_events) = state

    def _write(self) -> None:
        if self._depth == 0:
            raise AssertionError("write outside repo.transaction()")

    def get_cart(self, customer_id: str) -> Cart | None:
        return copy.deepcopy(self.carts.get(customer_id))

    def save_cart(self, cart: Cart) -> None:
        self._write()
        self.carts[cart.customer_id] = copy.deepcopy(cart)

    def get_customer(self, customer_id: str) -> Customer | None:
        return self.customers.get(customer_id)

    def customer_and_store(self, customer_id: str,
                           store_id: str) -> tuple[Customer | None, Store | None]:
        return self.customers.get(customer_id), self.stores.get(store_id)

    def save_customer(self, customer: Customer) -> None:
        self._write()
        self.customers[customer.id] = customer

    def get_store(self, store_id: str) -> Store | None:
        return self.stores.get(store_id)

    def list_stores(self) -> list[Store]:
        return [self.stores[k] for k in sorted(self.stores)]

    def save_store(self, store: Store) -> None:
        self._write()
        self.stores[store.id] = store

    def get_hold(self, customer_id: str) -> SlotHold | None:
        return self.holds.get(customer_id)

    def shopping_store_id(self, customer_id: str) -> str | None:
        return store_id_of(self.holds.get(customer_id), self.customers.get(customer_id))

    def save_hold(self, hold: SlotHold) -> None:
        self._write()
        self.holds[hold.customer_id] = hold

    def delete_hold(self, customer_id: str) -> None:
        self._write()
        self.holds.pop(customer_id, None)

    def release_session_holds(self, session: str, keep_customer: str) -> None:
        self._write()
        for customer_id, hold in list(self.holds.items()):
            if hold.session == session and customer_id != keep_customer:
                del self.holds[customer_id]

    def live_holds(self, slot_key: str, now: datetime, exclude_customer: str | None = None) -> int:
        return sum(1 for hold in self.holds.values() if hold.slot.key == slot_key
                   and hold.active(now) and hold.customer_id != exclude_customer)

    def delete_idle_carts(self, id_prefixes, updated_before: datetime, limit: int) -> int:
        self._write()
        idle = [customer_id for customer_id, cart in self.carts.items()
                if customer_id.startswith(tuple(id_prefixes))
                and (cart.updated_at is None or cart.updated_at < updated_before)][:limit]
        for customer_id in idle:
            del self.carts[customer_id]
        lapsed = [customer_id for customer_id, hold in self.holds.items()
                  if customer_id.startswith(tuple(id_prefixes)) and hold.expires_at < updated_before]
        for customer_id in lapsed[:limit]:
            del self.holds[customer_id]
        return len(idle)

    def slot_usage(self, store_id: str, kind: str, start_from: datetime, start_until: datetime,
                   now: datetime, exclude_customer: str | None = None) -> dict[str, int]:
        usage: dict[str, int] = {}
        for order in self.orders.values():
            f = order.fulfillment
            if (f.store_id, f.kind) == (store_id, kind) and start_from <= f.slot_start < start_until \
                    and order.cancelled_at is None:
                usage[f.slot_key] = usage.get(f.slot_key, 0) + 1
        for hold in self.holds.values():
            s = hold.slot
            if (s.store_id, s.kind) == (store_id, kind) and start_from <= s.start < start_until \
                    and hold.active(now) and hold.customer_id != exclude_customer:
                usage[s.key] = usage.get(s.key, 0) + 1
        return usage

    def add_order(self, order: Order) -> None:
        self._write()
        if any(o.submission_key == order.submission_key for o in self.orders.values()):
            raise DuplicateSubmission(order.submission_key)
        self.orders[order.id] = order
        self._sequence[order.id] = len(self._sequence)

    def save_order(self, order: Order) -> None:
        self._write()
        assert order.id in self.orders
        self.orders[order.id] = order

    def update_order(self, order: Order) -> None:
        # as the SQL UPDATE: everything a change may touch is taken, what it may not
        # (identity, creation, cancellation, the store's status and picking) stays as stored
        self._write()
        assert order.id in self.orders
        old = self.orders[order.id]
        self.orders[order.id] = replace(
            order, customer_id=old.customer_id, submission_key=old.submission_key,
            created_at=old.created_at, cancelled_at=old.cancelled_at,
            reported_status=old.reported_status, picked=old.picked)

    def record_event(self, event) -> None:
        self._write()
        self.events.append(event)

    def seen_store_event(self, event_id: str) -> bool:
        return event_id in self.store_events

    def remember_store_event(self, event_id: str, order_id: str, now: datetime) -> None:
        self._write()
        self.store_events.add(event_id)

    def get_order(self, order_id: str) -> Order | None:
        return self.orders.get(order_id)

    def get_order_by_submission_key(self, submission_key: str) -> Order | None:
        return next((o for o in self.orders.values() if o.submission_key == submission_key), None)

    def list_orders(self, customer_id: str | None = None, limit: int | None = None) -> list[Order]:
        found = [o for o in self.orders.values() if customer_id is None or o.customer_id == customer_id]
        found.sort(key=lambda o: (o.created_at, self._sequence[o.id]), reverse=True)
        return found[:limit] if limit is not None else found

    def purchase_counts(self, customer_id: str, orders: int) -> dict[str, int]:
        counts: dict[str, int] = {}
        for order in self.list_orders(customer_id, orders):
            for line in order.lines:
                counts[line.product_id] = counts.get(line.product_id, 0) + 1
        return counts


def make_store(store_id: str = "ny", tz: str = "America/New_York", opens: str = "07:00",
               closes: str = "22:00", **policy: object) -> Store:
    hours = OpeningHours(time.fromisoformat(opens),
                         time(0) if closes == "24:00" else time.fromisoformat(closes))
    return Store(id=store_id, name=f"Test Market {store_id}", address="1 Test Street", tz=tz,
                 hours={day: hours for day in range(7)},
                 policy=FulfillmentPolicy(**policy))  # type: ignore[arg-type]


PRODUCTS = {
    "milk": Product("milk", "Whole Milk", Decimal("3.79"), size="1 gal"),
    "apples": Product("apples", "Honeycrisp Apples", Decimal("3.99")),
    "eggs": Product("eggs", "Large Brown Eggs", Decimal("4.49")),
    "bread": Product("bread", "Sourdough Loaf", Decimal("5.25")),
    "oatmilk": Product("oatmilk", "Oat Milk", Decimal("4.99")),
    "steak": Product("steak", "Ribeye Steak", Decimal("18.00")),
    "gone": Product("gone", "Seasonal Eggnog", Decimal("3.50"), in_stock=False),
}


@pytest.fixture
def products() -> dict[str, Product]:
    return dict(PRODUCTS)


@pytest.fixture
def lookup(products: dict[str, Product]) -> Callable[[str], Product | None]:
    return products.get


@pytest.fixture
def store() -> Store:
    return make_store()


@pytest.fixture
def store_factory() -> Callable[..., Store]:
    return make_store


@pytest.fixture
def fake_repo(store: Store) -> FakeCartRepository:
    repo = FakeCartRepository()
    with repo.transaction():
        repo.save_store(store)
        repo.save_customer(Customer("ann", preferred_store_id=store.id))
    return repo


@pytest.fixture
def open_sqlite_repo(tmp_path) -> Iterator[Callable[[], SqliteCartRepository]]:
    """Factory: a repository on its own new connection to one database file (per test)."""
    path = tmp_path / "voicecart.db"
    opened = []

    def _open() -> SqliteCartRepository:
        db = open_database(path)
        opened.append(db)
        return SqliteCartRepository(db)

    yield _open
    for db in opened:
        db.close()


def _opener(backend: str, request) -> Callable[[], object]:
    """A repository factory on the test's database of that backend."""
    if backend == "sqlite":
        return request.getfixturevalue("open_sqlite_repo")
    from cart.postgres_store import PostgresCartRepository
    from catalog.pg_database import PgDatabase

    url = request.getfixturevalue("pg_url")

    def _open() -> PostgresCartRepository:
        database = PgDatabase(url, pool_size=2)  # a pool of its own, like another node
        request.addfinalizer(database.close)
        return PostgresCartRepository(database)

    return _open


def _seeded(repo, store: Store):
    with repo.transaction():
        repo.save_store(store)
        repo.save_customer(Customer("ann", preferred_store_id=store.id))
    return repo


@pytest.fixture
def open_repo(backend, request):
    """Factory: a repository with a connection (SQLite) or a pool (PostgreSQL) of its own, on
    one database per test; each test runs on both backends."""
    return _opener(backend, request)


@pytest.fixture
def sqlite_repo(open_repo, store: Store):
    """The seeded repository the adapter tests start from (on either backend, despite the name
    it had when SQLite was the only one)."""
    return _seeded(open_repo(), store)


@pytest.fixture(params=["fake", "sqlite", "postgresql"])
def any_repo(request, fake_repo, store):
    """The same service behaviour must hold on the fake, on real SQLite and on PostgreSQL."""
    if request.param == "fake":
        return fake_repo
    return _seeded(_opener(request.param, request)(), store)
