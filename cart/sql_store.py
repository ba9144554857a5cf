"""The cart port's SQL, shared by the SQLite and PostgreSQL adapters.

`SqlCartRepository` holds every statement that reads the same on both backends, over a
catalog.sql.SqlSession; cart.sqlite_store and cart.postgres_store hold the schema and the
few spellings that differ (class attributes below). Both store the same text: times as UTC
ISO keys, totals as integer cents, unit prices and quantities as decimal text, since a price
per pound may carry fractions of a cent; so a database copies between backends row by row.

Concurrency: every service runs in `transaction()`. On SQLite, BEGIN IMMEDIATE takes the
file's one write lock, so read-modify-write of a cart and check-then-book of a slot are strictly
serial. On PostgreSQL (READ COMMITTED) the same guarantee comes from advisory locks taken by the
reads that start those sequences (`SqlSession.lock`): the cart's id when a cart is read in a
transaction, the store and kind when slot usage is counted, the submission key when an order is
looked up by it. The UNIQUE submission key is the backstop for orders on both, and
`slot_bookings` the backstop for capacity: each order booked, moved or cancelled changes its
slot's count in the same transaction, and a CHECK (booked <= capacity) on both backends refuses
a write that would overbook, whatever made it.
"""
from __future__ import annotations

import json
from contextlib import AbstractContextManager
from datetime import datetime
from decimal import Decimal
from typing import Any, Sequence

from cart import codec
from cart.row_cache import CART_ROWS as _CODEC, compact_json as _json
from cart.fulfillment import Slot, SlotHold, Store, from_utc_key, utc_key
from cart.model import Cart, Customer, Substitution
from cart.order_json import changes_from_json, changes_json, picked_from_json, picked_json
from cart.orders import Fulfillment, Order, OrderLine
from cart.outbox.events import OrderEvent
from cart.ports import DuplicateSubmission
from cart.slot_bookings import Booking, SlotBookings
from catalog.sql import SqlSession, row, rows


_STORES: dict[tuple, Store] = {}  # stores decoded, by their row's values
# Reads a conversation turn declares up front (SqlCartRepository.prefetch): the same text there
_CART = "SELECT * FROM carts WHERE customer_id = ?"
_HOLD = "SELECT * FROM slot_holds WHERE customer_id = ?"
_CUSTOMER = "SELECT * FROM customers WHERE id = ?"
# Both halves of a checkout's check in one read; a marker column before each table's columns
_CUSTOMER_AND_STORE = ("SELECT 1 AS customer_part, c.*, 1 AS store_part, s.* FROM "
                       "(SELECT CAST(? AS TEXT) AS customer_id, CAST(? AS TEXT) AS store_id) k "
                       "LEFT JOIN customers c ON c.id = k.customer_id "
                       "LEFT JOIN stores s ON s.id = k.store_id")
_SHOPPING_STORE = ("SELECT COALESCE((SELECT store_id FROM slot_holds WHERE customer_id = ?), "
                   "(SELECT preferred_store_id FROM customers WHERE id = ?))")
_ALL_STORES = "SELECT * FROM stores ORDER BY id"


class NotInTransaction(RuntimeError):
    """A write outside repo.transaction(): it would be neither atomic nor serialised."""


def _after_prefix(prefix: str) -> str:
    """The smallest text greater than every text that starts with `prefix`."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _cents(amount: Decimal) -> int:
    return int((amount * 100).to_integral_value())


def _from_cents(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


class SqlCartRepository(SlotBookings):
    """The cart port over a SqlSession; subclasses give the schema and the spellings below."""

    ROW_ID = "rowid"          # a physical row id, to delete a bounded batch
    ORDER_SEQ = "rowid"       # insertion order: breaks ties between orders made the same second
    IS_NOT = "IS NOT"         # NULL-safe "differs from"

    sql: SqlSession

    def _outbox(self):
        """The backend's outbox over the same session (its events commit with the order)."""
        raise NotImplementedError

    # --- transactions -------------------------------------------------------------------------

    def transaction(self, batched: bool = False,
                    turn_of: str | None = None) -> AbstractContextManager[None]:
        """`turn_of`: the shopper whose conversation turn this is (catalog.sql.SqlSession)."""
        return self.sql.transaction(batched, turn_of)

    def prefetch(self, customer_id: str, history_limit: int, all_stores: bool = False) -> None:
        """A conversation turn's reads of this shopper (cart, slot hold, customer, what their
        recent orders held; the list of stores for a turn that parses text), declared up front
        so a backend with round trips sends them together (catalog.sql.SqlSession.prefetch);
        the cart is locked first, as get_cart does."""
        if self.sql.in_transaction():
            self.sql.lock("cart", customer_id)
        self.sql.prefetch(_CART, [customer_id])
        self.sql.prefetch(_HOLD, [customer_id])
        self.sql.prefetch(_CUSTOMER, [customer_id])
        self.sql.prefetch(*self._purchase_counts_query(customer_id, history_limit))
        if all_stores:
            self.sql.prefetch(_ALL_STORES)

    def _require_transaction(self) -> None:
        if not self.sql.in_transaction():
            raise NotInTransaction("cart writes must run inside repo.transaction()")

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return rows(self.sql, sql, params)

    def _row(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        return row(self.sql, sql, params)

    def _insert(self, table: str, values: dict[str, Any]) -> None:
        self.sql.execute(f"INSERT INTO {table} ({', '.join(values)}) VALUES "
                         f"({', '.join('?' * len(values))})", list(values.values()))

    def _upsert(self, table: str, values: dict[str, Any], key: str) -> None:
        columns = list(values)
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != key)
        self.sql.execute(f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
                         f"({', '.join('?' * len(columns))}) ON CONFLICT({key}) DO UPDATE SET "
                         f"{updates}", list(values.values()))

    # --- carts --------------------------------------------------------------------------------

    def get_cart(self, customer_id: str) -> Cart | None:
        if self.sql.in_transaction():
            self.sql.lock("cart", customer_id)  # read-modify-write of one cart is serial
        row = self._row(_CART, [customer_id])
        if row is None:
            return None
        lines, history = _CODEC.decode(customer_id, row["lines"], row["history"])
        return Cart(
            customer_id=row["customer_id"],
            lines=list(lines),
            revision=row["revision"],
            history=list(history),
            last_key=codec.key_from_list(json.loads(row["last_key"] or "null")),
            updated_at=from_utc_key(row["updated_at"]) if row["updated_at"] else None,
        )

    def save_cart(self, cart: Cart) -> None:
        self._require_transaction()
        lines_text, history_text = _CODEC.encode(cart.customer_id, cart.lines, cart.history)
        # Plain SQL: sqlite-utils' upsert() introspects the schema (table_names, view_names,
        # PRAGMA table_info) on every call. Nothing reads its result: PostgreSQL sends it with
        # the commit of a batched turn
        self.sql.execute_later(
            "INSERT INTO carts (customer_id, revision, lines, history, last_key, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(customer_id) DO UPDATE SET "
            "revision = excluded.revision, lines = excluded.lines, history = excluded.history, "
            "last_key = excluded.last_key, updated_at = excluded.updated_at",
            [cart.customer_id, cart.revision, lines_text, history_text,
             _json(codec.key_to_list(cart.last_key)),
             utc_key(cart.updated_at) if cart.updated_at else None])

    def delete_idle_carts(self, id_prefixes: Sequence[str], updated_before: datetime,
                          limit: int) -> int:
        self._require_transaction()
        if not id_prefixes:
            return 0
        # A prefix as a key range, so the primary key's index finds the rows (LIKE would not)
        ranges = " OR ".join("(customer_id >= ? AND customer_id < ?)" for _ in id_prefixes)
        bounds = [bound for prefix in id_prefixes for bound in (prefix, _after_prefix(prefix))]
        rid = self.ROW_ID
        cursor = self.sql.execute(
            f"DELETE FROM carts WHERE {rid} IN (SELECT {rid} FROM carts WHERE ({ranges}) "
            "AND (updated_at IS NULL OR updated_at < ?) LIMIT ?)",
            [*bounds, utc_key(updated_before), limit])
        deleted = cursor.rowcount
        self.sql.execute(
            f"DELETE FROM slot_holds WHERE {rid} IN (SELECT {rid} FROM slot_holds WHERE "
            f"({ranges}) AND expires_at < ? LIMIT ?)", [*bounds, utc_key(updated_before), limit])
        return deleted

    # --- customers ----------------------------------------------------------------------------

    def get_customer(self, customer_id: str) -> Customer | None:
        row = self._row(_CUSTOMER, [customer_id])
        return self._customer(row) if row is not None else None

    def customer_and_store(self, customer_id: str,
                           store_id: str) -> tuple[Customer | None, Store | None]:
        cursor = self.sql.execute(_CUSTOMER_AND_STORE, [customer_id, store_id])
        names = [d[0] for d in cursor.description]
        values = cursor.fetchone()
        cut = names.index("store_part")  # the customer's columns, then the store's
        customer = dict(zip(names[1:cut], values[1:cut]))
        store = dict(zip(names[cut + 1:], values[cut + 1:]))
        return (self._customer(customer) if customer["id"] is not None else None,
                self._store(store) if store["id"] is not None else None)

    @staticmethod
    def _customer(row: dict[str, Any]) -> Customer:
        return Customer(
            id=row["id"],
            address=codec.address_from_dict(json.loads(row["address"] or "null")),
            default_substitution=codec.substitution_from_dict(
                json.loads(row["default_substitution"])) or Substitution.allow(),
            preferred_store_id=row["preferred_store_id"],
            linked_account=row["linked_account"],
            delivery_notes=codec.delivery_notes_from_dict(
                json.loads(row.get("delivery_notes") or "null")),
        )

    def save_customer(self, customer: Customer) -> None:
        self._require_transaction()
        self._upsert("customers", {
            "id": customer.id,
            "address": _json(codec.address_to_dict(customer.address)),
            "default_substitution": _json(codec.substitution_to_dict(
                customer.default_substitution)),
            "preferred_store_id": customer.preferred_store_id,
            "linked_account": customer.linked_account,
            "delivery_notes": _json(codec.delivery_notes_to_dict(customer.delivery_notes)),
        }, key="id")

    # --- stores -------------------------------------------------------------------------------

    @staticmethod
    def _store(row: dict[str, Any]) -> Store:
        # A store changes rarely and every checkout turn reads it: Store is frozen, so the one
        # decoded from byte-identical row values is reused (per process, bounded)
        key = tuple(row.items())
        store = _STORES.get(key)
        if store is None:
            store = codec.store_from_dict({**row, "hours": json.loads(row["hours"]),
                                           "policy": json.loads(row["policy"]),
                                           "kinds": json.loads(row["kinds"]),
                                           "out_of_stock": json.loads(row.get("out_of_stock")
                                                                      or "[]")})
            if len(_STORES) >= 256:
                _STORES.clear()
            _STORES[key] = store
        return store

    def get_store(self, store_id: str) -> Store | None:
        row = self._row("SELECT * FROM stores WHERE id = ?", [store_id])
        return self._store(row) if row else None

    def list_stores(self) -> list[Store]:
        return [self._store(row) for row in self._rows(_ALL_STORES)]

    def save_store(self, store: Store) -> None:
        self._require_transaction()
        data = codec.store_to_dict(store)
        self._upsert("stores", {**data, "hours": _json(data["hours"]),
                                "policy": _json(data["policy"]),
                                "kinds": _json(data["kinds"]),
                                "out_of_stock": _json(data["out_of_stock"])}, key="id")

    # --- slot holds ---------------------------------------------------------------------------

    def get_hold(self, customer_id: str) -> SlotHold | None:
        row = self._row(_HOLD, [customer_id])
        if row is None:
            return None
        slot = Slot(row["store_id"], row["kind"], from_utc_key(row["slot_start"]),
                    from_utc_key(row["slot_end"]), row["capacity"], row["tz"])
        return SlotHold(customer_id, slot, from_utc_key(row["expires_at"]), row.get("session"))

    def shopping_store_id(self, customer_id: str) -> str | None:
        # One statement for both reads (SQLite's; PostgreSQL derives it from its prefetch)
        return self.sql.execute(_SHOPPING_STORE, [customer_id, customer_id]).fetchone()[0]

    def save_hold(self, hold: SlotHold) -> None:
        self._require_transaction()
        slot = hold.slot
        self._upsert("slot_holds", {
            "customer_id": hold.customer_id, "store_id": slot.store_id, "kind": slot.kind,
            "slot_key": slot.key, "slot_start": utc_key(slot.start), "slot_end": utc_key(slot.end),
            "tz": slot.tz, "capacity": slot.capacity, "expires_at": utc_key(hold.expires_at),
            "session": hold.session,
        }, key="customer_id")

    def release_session_holds(self, session: str, keep_customer: str) -> None:
        self._require_transaction()
        self.sql.execute("DELETE FROM slot_holds WHERE session = ? AND customer_id != ?",
                        [session, keep_customer])

    def live_holds(self, slot_key: str, now: datetime, exclude_customer: str | None = None) -> int:
        found = self.sql.execute(
            "SELECT COUNT(*) FROM slot_holds WHERE slot_key = ? AND expires_at > ? "
            f"AND customer_id {self.IS_NOT} ?", [slot_key, utc_key(now), exclude_customer]).fetchone()
        return found[0]

    def delete_hold(self, customer_id: str) -> None:
        self._require_transaction()
        self.sql.execute("DELETE FROM slot_holds WHERE customer_id = ?", [customer_id])

    def slot_usage(self, store_id: str, kind: str, start_from: datetime, start_until: datetime,
                   now: datetime, exclude_customer: str | None = None) -> dict[str, int]:
        lo, hi = utc_key(start_from), utc_key(start_until)
        if self.sql.in_transaction():
            self.sql.lock("slots", store_id, kind)  # check-then-book of a slot is serial
        counted = self.sql.execute(
            f"""
            SELECT slot_key, COUNT(*) FROM (
                SELECT slot_key FROM orders
                 WHERE store_id = ? AND kind = ? AND slot_start >= ? AND slot_start < ?
                   AND cancelled_at IS NULL
                UNION ALL
                SELECT slot_key FROM slot_holds
                 WHERE store_id = ? AND kind = ? AND slot_start >= ? AND slot_start < ?
                   AND expires_at > ? AND customer_id {self.IS_NOT} ?
            ) AS usage GROUP BY slot_key
            """,
            [store_id, kind, lo, hi, store_id, kind, lo, hi, utc_key(now), exclude_customer],
        ).fetchall()
        return {key: count for key, count in counted}

    # --- orders -------------------------------------------------------------------------------

    def add_order(self, order: Order) -> None:
        self._require_transaction()
        f = order.fulfillment
        values = {
                "id": order.id, "customer_id": order.customer_id,
                "submission_key": order.submission_key, "created_at": utc_key(order.created_at),
                "kind": f.kind, "store_id": f.store_id, "store_name": f.store_name,
                "tz": f.tz, "slot_key": f.slot_key,
                "slot_start": utc_key(f.slot_start), "slot_end": utc_key(f.slot_end),
                "address": _json(codec.address_to_dict(f.address)),
                "subtotal_cents": _cents(order.subtotal),
                "delivery_fee_cents": _cents(order.delivery_fee),
                "total_cents": _cents(order.total), "picking_at": utc_key(order.picking_at),
                "cancelled_at": utc_key(order.cancelled_at) if order.cancelled_at else None,
                "reported_status": order.reported_status, "picked": picked_json(order.picked),
                "tax_cents": _cents(order.tax), "tax_rate": str(order.tax_rate),
                "store_address": f.store_address,
                "delivery_notes": _json(codec.delivery_notes_to_dict(f.notes)),
                "changes": changes_json(order.changes),
        }
        # The idempotency backstop: a second order with a taken submission key inserts nothing
        inserted = self.sql.execute(
            f"INSERT INTO orders ({', '.join(values)}) VALUES ({', '.join('?' * len(values))}) "
            "ON CONFLICT(submission_key) DO NOTHING", list(values.values())).rowcount
        if inserted != 1:
            raise DuplicateSubmission(order.submission_key)
        if order.cancelled_at is None:
            self._book(f.slot_key, f.store_id, f.kind)
        self._insert_lines(order)

    def _insert_lines(self, order: Order) -> None:
        for i, line in enumerate(order.lines):
            self._insert("order_lines", {
            "order_id": order.id, "position": i, "product_id": line.product_id,
            "name": line.name, "quantity": str(line.quantity), "unit": line.unit,
            "unit_price": str(line.unit_price), "line_total_cents": _cents(line.line_total),
            "substitution": _json(codec.substitution_to_dict(line.substitution)),
            "asked_quantity": None if line.asked_quantity is None else str(line.asked_quantity),
            "asked_unit": line.asked_unit, "estimated": int(line.estimated),
            "taxable": int(line.taxable)})

    def save_order(self, order: Order) -> None:
        # Lines and prices are history and never change; cancellation, the status the store
        # reports and its picking result do
        self._require_transaction()
        before = self._stored_booking(order.id)
        self.sql.execute("UPDATE orders SET cancelled_at = ?, reported_status = ?, picked = ? "
                         "WHERE id = ?",
                         [utc_key(order.cancelled_at) if order.cancelled_at else None,
                          order.reported_status, picked_json(order.picked), order.id])
        if before is not None:
            self._rebook(before, before._replace(counted=order.cancelled_at is None))

    def update_order(self, order: Order) -> None:
        # Everything a shopper's change may touch, written as add_order writes it: the bill
        # (tax with its rate), the seller's address and the driver's notes beside the slot;
        # the lines are rewritten whole (with their taxable flag and substitution)
        self._require_transaction()
        f = order.fulfillment
        before = self._stored_booking(order.id)
        self.sql.execute(
            "UPDATE orders SET kind = ?, store_id = ?, store_name = ?, tz = ?, slot_key = ?, "
            "slot_start = ?, slot_end = ?, address = ?, store_address = ?, delivery_notes = ?, "
            "subtotal_cents = ?, delivery_fee_cents = ?, tax_cents = ?, tax_rate = ?, "
            "total_cents = ?, picking_at = ?, changes = ? WHERE id = ?",
            [f.kind, f.store_id, f.store_name, f.tz, f.slot_key, utc_key(f.slot_start),
             utc_key(f.slot_end), _json(codec.address_to_dict(f.address)), f.store_address,
             _json(codec.delivery_notes_to_dict(f.notes)), _cents(order.subtotal),
             _cents(order.delivery_fee), _cents(order.tax), str(order.tax_rate),
             _cents(order.total), utc_key(order.picking_at), changes_json(order.changes),
             order.id])
        if before is not None:
            self._rebook(before, Booking(f.slot_key, f.store_id, f.kind, before.counted))
        self.sql.execute("DELETE FROM order_lines WHERE order_id = ?", [order.id])
        self._insert_lines(order)

    # --- order events (the outbox's SQL is in cart.outbox.sql) ---------------------------------

    def record_event(self, event: OrderEvent) -> None:
        self._require_transaction()
        self._outbox().add(event)
        self._wrote_events = True

    def seen_store_event(self, event_id: str) -> bool:
        return self._outbox().seen_inbound(event_id)

    def remember_store_event(self, event_id: str, order_id: str, now: datetime) -> None:
        self._require_transaction()
        self._outbox().remember_inbound(event_id, order_id, now)

    def get_order(self, order_id: str) -> Order | None:
        return next(iter(self._orders("WHERE id = ?", [order_id])), None)

    def get_order_by_submission_key(self, submission_key: str) -> Order | None:
        if self.sql.in_transaction():
            self.sql.lock("order", submission_key)  # a second "yes" waits, then finds the order
        return next(iter(self._orders("WHERE submission_key = ?", [submission_key])), None)

    def list_orders(self, customer_id: str | None = None, limit: int | None = None) -> list[Order]:
        where, params = ("WHERE customer_id = ?", [customer_id]) if customer_id is not None \
            else ("", [])
        return self._orders(*self._orders_query(where, params, limit))

    def purchase_counts(self, customer_id: str, orders: int) -> dict[str, int]:
        sql, params = self._purchase_counts_query(customer_id, orders)
        return {r[0]: int(r[1]) for r in self.sql.execute(sql, params).fetchall()}

    def _purchase_counts_query(self, customer_id: str, orders: int) -> tuple[str, list]:
        # Counted by the database: a turn that reads what the shopper buys (every item it
        # resolves) no longer builds their last orders, lines, prices and all, to count them
        clause, params = self._orders_query("WHERE customer_id = ?", [customer_id], orders)
        return ("SELECT l.product_id, COUNT(*) FROM order_lines l JOIN "
                f"(SELECT id FROM orders {clause}) o ON o.id = l.order_id GROUP BY l.product_id",
                params)

    def _orders_query(self, where: str, params: list[Any], limit: int | None) -> tuple[str, list]:
        tail = " LIMIT ?" if limit is not None else ""
        return (f"{where} ORDER BY created_at DESC, {self.ORDER_SEQ} DESC{tail}",
                params + ([limit] if limit is not None else []))

    def _orders(self, clause: str, params: list[Any]) -> list[Order]:
        rows = self._rows(f"SELECT * FROM orders {clause}", params)
        lines: dict[str, list[OrderLine]] = {row["id"]: [] for row in rows}
        ids = list(lines)
        for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
            marks = ",".join("?" * len(chunk))
            for line in self._rows(f"SELECT * FROM order_lines WHERE order_id IN ({marks}) "
                                   "ORDER BY order_id, position", chunk):
                lines[line["order_id"]].append(OrderLine(
                    line["product_id"], line["name"], Decimal(line["quantity"]), line["unit"],
                    Decimal(line["unit_price"]), _from_cents(line["line_total_cents"]),
                    codec.substitution_from_dict(json.loads(line["substitution"]))
                    or Substitution.allow(),
                    None if line["asked_quantity"] is None else Decimal(line["asked_quantity"]),
                    line["asked_unit"], bool(line["estimated"]), bool(line.get("taxable"))))
        return [self._order(row, lines[row["id"]]) for row in rows]

    @staticmethod
    def _order(row: dict[str, Any], lines: list[OrderLine]) -> Order:
        fulfillment = Fulfillment(
            row["kind"], row["store_id"], row["store_name"], from_utc_key(row["slot_start"]),
            from_utc_key(row["slot_end"]),
            codec.address_from_dict(json.loads(row["address"] or "null")), row["tz"],
            row.get("store_address"),
            codec.delivery_notes_from_dict(json.loads(row.get("delivery_notes") or "null")))
        return Order(
            id=row["id"], customer_id=row["customer_id"], submission_key=row["submission_key"],
            created_at=from_utc_key(row["created_at"]), lines=tuple(lines),
            fulfillment=fulfillment, subtotal=_from_cents(row["subtotal_cents"]),
            delivery_fee=_from_cents(row["delivery_fee_cents"]),
            total=_from_cents(row["total_cents"]), picking_at=from_utc_key(row["picking_at"]),
            tax=_from_cents(row.get("tax_cents") or 0),
            tax_rate=Decimal(row.get("tax_rate") or "0"),
            cancelled_at=from_utc_key(row["cancelled_at"]) if row["cancelled_at"] else None,
            reported_status=row.get("reported_status"),
            picked=picked_from_json(row.get("picked")),
            changes=changes_from_json(row.get("changes")),
        )
