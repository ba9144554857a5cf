"""The storage port of carts, customers, stores, slot holds and orders.

Service functions take a `CartRepository` and do every read and write of one operation inside
`repo.transaction()`, so the operation is atomic and serialised against others on the same data
(the SQLite adapter takes the write lock at BEGIN). Transactions nest: an inner one is a
savepoint, so a caller may group several service calls ("milk, eggs and bread") into one.

Implementations: `cart.sqlite_store.SqliteCartRepository`; an in-memory fake in the tests.
Writes outside a transaction are a programming error and implementations refuse them.
"""
from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import datetime
from typing import TYPE_CHECKING, Callable, Protocol, Sequence

from catalog.model import Product

from cart.fulfillment import SlotHold, Store
from cart.model import Cart, Customer
from cart.orders import Order

if TYPE_CHECKING:  # annotations only: the event module imports the JSON views, which import us
    from cart.outbox.events import OrderEvent

# The catalog as the cart needs it: product by id, None when it is no longer sold
ProductLookup = Callable[[str], Product | None]


class DuplicateSubmission(Exception):
    """Storage refused a second order with the same submission key (the UNIQUE backstop).

    Services look the key up first inside the same transaction, so this only fires if a caller
    bypasses them; it is not a DomainError because it means a bug, not a shopper's mistake.
    """


class SlotOverbooked(Exception):
    """Storage refused a booking past the slot's capacity (the CHECK on `slot_bookings`).

    Checkout counts the slot under a lock first, so this only fires if that count and the
    stored one disagree: a bug. The services turn it into SlotFull, so the shopper hears that
    the slot is full rather than an error.
    """


class CartRepository(Protocol):
    def transaction(self) -> AbstractContextManager[None]:
        """Atomic, serialised unit of work; nested use is a savepoint; rolls back on error."""
        ...

    # carts
    def get_cart(self, customer_id: str) -> Cart | None: ...
    def save_cart(self, cart: Cart) -> None: ...

    def delete_idle_carts(self, id_prefixes: Sequence[str], updated_before: datetime,
                          limit: int) -> int:
        """Delete up to `limit` carts whose customer id starts with one of `id_prefixes` and
        that were last changed before `updated_before`, and up to `limit` of those customers'
        holds that lapsed before it; return how many carts went."""
        ...

    # customers
    def get_customer(self, customer_id: str) -> Customer | None: ...
    def save_customer(self, customer: Customer) -> None: ...

    def customer_and_store(self, customer_id: str,
                           store_id: str) -> tuple[Customer | None, Store | None]:
        """get_customer and get_store in one read (a checkout asks for both every turn)."""
        ...

    # stores (with their fulfillment policy)
    def get_store(self, store_id: str) -> Store | None: ...
    def list_stores(self) -> list[Store]: ...
    def save_store(self, store: Store) -> None: ...

    # slot holds, one per customer
    def get_hold(self, customer_id: str) -> SlotHold | None: ...
    def save_hold(self, hold: SlotHold) -> None: ...
    def delete_hold(self, customer_id: str) -> None: ...

    def release_session_holds(self, session: str, keep_customer: str) -> None:
        """Delete the holds `session` made for customers other than `keep_customer`."""
        ...

    def shopping_store_id(self, customer_id: str) -> str | None:
        """The store of the shopper's slot hold, else their preferred store, else None: what
        get_hold and get_customer would say together, in one read (every added item asks)."""
        ...

    def live_holds(self, slot_key: str, now: datetime, exclude_customer: str | None = None) -> int:
        """Holds on that slot still active at `now`, not counting `exclude_customer`'s."""
        ...

    def slot_usage(self, store_id: str, kind: str, start_from: datetime, start_until: datetime,
                   now: datetime, exclude_customer: str | None = None) -> dict[str, int]:
        """Per slot key, for slots starting in [start_from, start_until): orders not cancelled
        plus holds still active at `now`, not counting `exclude_customer`'s own hold."""
        ...

    # orders
    def add_order(self, order: Order) -> None:
        """Raises DuplicateSubmission if the submission key is taken."""
        ...

    def save_order(self, order: Order) -> None:
        """Update an existing order (cancellation, the store's status and picking result)."""
        ...

    def update_order(self, order: Order) -> None:
        """Rewrite a placed order after a shopper's change: its lines (with their taxable
        flag and substitution), slot, fulfillment (seller's address, delivery address and
        notes), bill (subtotal, tax and its rate, fee, total), picking time and change history
        (cart.order_changes). Its id, customer, submission key, creation time and the store's
        status and picking result stay."""
        ...

    # order events: written in the same transaction as the order change (the outbox)
    def record_event(self, event: OrderEvent) -> None: ...

    # ids of the grocer's events already applied, so a replay changes nothing
    def seen_store_event(self, event_id: str) -> bool: ...
    def remember_store_event(self, event_id: str, order_id: str, now: datetime) -> None: ...

    def get_order(self, order_id: str) -> Order | None: ...
    def get_order_by_submission_key(self, submission_key: str) -> Order | None: ...

    def list_orders(self, customer_id: str | None = None, limit: int | None = None) -> list[Order]:
        """Newest first; every customer's when customer_id is None."""
        ...

    def purchase_counts(self, customer_id: str, orders: int) -> dict[str, int]:
        """How many lines of each product the customer's `orders` newest orders hold (the
        ones list_orders would give), without reading the orders themselves."""
        ...
