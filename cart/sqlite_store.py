"""SQLite adapter of the cart port, through sqlite-utils.

A `SqliteCartRepository` wraps one connection, used by one thread at a time (take it from
catalog.database.ConnectionPool, which opens the file with WAL, busy_timeout and foreign keys);
the repository is cheap to create per request. It only adds its own tables.

Concurrency: every unit of work starts with BEGIN IMMEDIATE, which takes the database's write
lock up front. A plain (deferred) BEGIN that reads and then writes can fail with
SQLITE_BUSY_SNAPSHOT under WAL when another writer got in between, and the busy timeout does
not retry that; taking the lock first makes read-modify-write of a cart, and check-then-book
of a slot, strictly serial across threads and processes. Transactions are short, so waiting
for the lock (up to busy_timeout) is cheap.

Money: totals are integer cents (exact, summable in SQL); unit prices and quantities are
decimal text, since a price per pound may carry fractions of a cent.
"""
from __future__ import annotations

import json
import sqlite3
from contextlib import AbstractContextManager
from datetime import datetime
from decimal import Decimal
from typing import Any, Sequence

import sqlite_utils

from cart import codec
from cart.row_cache import CART_ROWS as _CODEC, compact_json as _json
from catalog.database import UnitOfWork
from cart.fulfillment import Slot, SlotHold, Store, from_utc_key, utc_key
from cart.model import Cart, Customer, Substitution
from cart.orders import Fulfillment, Order, OrderChange, OrderLine, PickedLine, PickResult
from cart.outbox.events import OrderEvent
from cart.outbox.sqlite import SqliteOutbox
from cart.ports import DuplicateSubmission


# Tables and indexes ensure_schema creates; all present means nothing to do
_OBJECTS = ("carts", "customers", "stores", "slot_holds", "orders", "order_lines",
            "idx_customers_linked_account", "idx_slot_holds_store_id_kind_slot_start",
            "idx_slot_holds_slot_key", "idx_slot_holds_session",
            "idx_orders_submission_key", "idx_orders_customer_id_created_at",
            "idx_orders_store_id_kind_slot_start", "outbox_events", "outbox_leases",
            "inbound_events")




# Columns added after the first release: (table, column, SQL type)
_ADDED_COLUMNS = (("slot_holds", "session", "TEXT"),
                  # what the grocer's order system reports (issue 19)
                  ("orders", "reported_status", "TEXT"), ("orders", "picked", "TEXT"),
                  # what the shopper asked, beside what is billed (issue 15); NULL and 0 read
                  # as "what was asked is what is billed"
                  ("order_lines", "asked_quantity", "TEXT"), ("order_lines", "asked_unit", "TEXT"),
                  ("order_lines", "estimated", "INTEGER NOT NULL DEFAULT 0"),
                  # issue 17: sales tax, delivery notes, the seller's address, stock per store;
                  # orders placed before carry no tax (0) and no notes
                  ("order_lines", "taxable", "INTEGER NOT NULL DEFAULT 0"),
                  ("orders", "tax_cents", "INTEGER NOT NULL DEFAULT 0"),
                  ("orders", "tax_rate", "TEXT"), ("orders", "store_address", "TEXT"),
                  ("orders", "delivery_notes", "TEXT"),
                  ("customers", "delivery_notes", "TEXT"), ("stores", "out_of_stock", "TEXT"),
                  # the shopper's changes to a placed order, JSON, oldest first (issue 17)
                  ("orders", "changes", "TEXT"))


_STORES: dict[tuple, Store] = {}  # stores decoded, by their row's values


class NotInTransaction(RuntimeError):
    """A write outside repo.transaction(): it would be neither atomic nor serialised."""


def _after_prefix(prefix: str) -> str:
    """The smallest text greater than every text that starts with `prefix`."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _cents(amount: Decimal) -> int:
    return int((amount * 100).to_integral_value())


def _from_cents(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


class SqliteCartRepository:
    def __init__(self, db: sqlite_utils.Database, *, create_schema: bool = True) -> None:
        self.db = db
        self._work = UnitOfWork(db, "cart_tx")
        self._wrote_events = False
        if create_schema:
            self.ensure_schema()

    # --- schema -------------------------------------------------------------------------------

    def ensure_schema(self) -> None:
        """Create tables and indexes if missing; safe to run from every worker at start-up."""
        if self._schema_present():
            return  # the common case, per request: a read, not the write lock
        self._create_tables()

    def _create_tables(self) -> None:
        with self.transaction():
            t = self.db.table
            t("carts").create(
                {"customer_id": str, "revision": int, "lines": str, "history": str,
                 "last_key": str, "updated_at": str},
                pk="customer_id", not_null={"revision", "lines", "history"}, if_not_exists=True)
            t("customers").create(
                {"id": str, "address": str, "default_substitution": str,
                 "preferred_store_id": str, "linked_account": str},
                pk="id", not_null={"default_substitution"}, if_not_exists=True)
            t("customers").create_index(["linked_account"], if_not_exists=True)
            t("stores").create(
                {"id": str, "name": str, "address": str, "tz": str, "hours": str, "policy": str,
                 "kinds": str},
                pk="id", not_null={"name", "tz", "hours", "policy", "kinds"}, if_not_exists=True)
            t("slot_holds").create(
                {"customer_id": str, "store_id": str, "kind": str, "slot_key": str,
                 "slot_start": str, "slot_end": str, "tz": str, "capacity": int,
                 "expires_at": str, "session": str},
                pk="customer_id", not_null={"store_id", "kind", "slot_key", "slot_start",
                                            "slot_end", "tz", "capacity", "expires_at"},
                if_not_exists=True)
            self._add_missing_columns()
            t("slot_holds").create_index(["store_id", "kind", "slot_start"], if_not_exists=True)
            t("slot_holds").create_index(["slot_key"], if_not_exists=True)
            t("slot_holds").create_index(["session"], if_not_exists=True)
            t("orders").create(
                {"id": str, "customer_id": str, "submission_key": str, "created_at": str,
                 "kind": str, "store_id": str, "store_name": str, "tz": str, "slot_key": str,
                 "slot_start": str, "slot_end": str, "address": str, "subtotal_cents": int,
                 "delivery_fee_cents": int, "total_cents": int, "picking_at": str,
                 "cancelled_at": str, "reported_status": str, "picked": str},
                pk="id",
                not_null={"customer_id", "submission_key", "created_at", "kind", "store_id",
                          "store_name", "tz", "slot_key", "slot_start", "slot_end",
                          "subtotal_cents", "delivery_fee_cents", "total_cents", "picking_at"},
                if_not_exists=True)
            # The idempotency backstop: one order per submission key, whatever the code does
            t("orders").create_index(["submission_key"], unique=True, if_not_exists=True)
            t("orders").create_index(["customer_id", "created_at"], if_not_exists=True)
            t("orders").create_index(["store_id", "kind", "slot_start"], if_not_exists=True)
            t("order_lines").create(
                {"order_id": str, "position": int, "product_id": str, "name": str,
                 "quantity": str, "unit": str, "unit_price": str, "line_total_cents": int,
                 "substitution": str},
                pk=("order_id", "position"), foreign_keys=[("order_id", "orders", "id")],
                not_null={"product_id", "name", "quantity", "unit_price", "line_total_cents",
                          "substitution"},
                if_not_exists=True)
            self._add_missing_columns()  # and the columns added since to tables made just now

        SqliteOutbox(self.db).ensure_schema()

    def _schema_present(self) -> bool:
        marks = ",".join("?" * len(_OBJECTS))
        row = self.db.execute(f"SELECT COUNT(*) FROM sqlite_master WHERE name IN ({marks})",
                              list(_OBJECTS)).fetchone()
        return row[0] == len(_OBJECTS) and not self._missing_columns()

    def _missing_columns(self) -> list[tuple[str, str, str]]:
        # A table not made yet is created below with all its columns: nothing to add there
        present = {(table, row[1]) for table in {t for t, _, _ in _ADDED_COLUMNS}
                   for row in self.db.execute(f"PRAGMA table_info({table})").fetchall()}
        tables = {table for table, _ in present}
        return [(table, column, kind) for table, column, kind in _ADDED_COLUMNS
                if table in tables and (table, column) not in present]

    def _add_missing_columns(self) -> None:
        # Databases made by an earlier release gain the columns added since, in place
        for table, column, kind in self._missing_columns():
            self.db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")

    # --- transactions -------------------------------------------------------------------------

    def transaction(self) -> AbstractContextManager[None]:
        return self._work()

    def _require_transaction(self) -> None:
        if not self.db.conn.in_transaction:
            raise NotInTransaction("cart writes must run inside repo.transaction()")

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self.db.execute(sql, list(params))
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]

    def _row(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    # --- carts --------------------------------------------------------------------------------

    def get_cart(self, customer_id: str) -> Cart | None:
        row = self._row("SELECT * FROM carts WHERE customer_id = ?", [customer_id])
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
        # PRAGMA table_info) on every call
        self.db.execute(
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
        cursor = self.db.execute(
            f"DELETE FROM carts WHERE rowid IN (SELECT rowid FROM carts WHERE ({ranges}) "
            "AND (updated_at IS NULL OR updated_at < ?) LIMIT ?)",
            [*bounds, utc_key(updated_before), limit])
        deleted = cursor.rowcount
        self.db.execute(
            f"DELETE FROM slot_holds WHERE rowid IN (SELECT rowid FROM slot_holds WHERE "
            f"({ranges}) AND expires_at < ? LIMIT ?)", [*bounds, utc_key(updated_before), limit])
        return deleted

    # --- customers ----------------------------------------------------------------------------

    def get_customer(self, customer_id: str) -> Customer | None:
        row = self._row("SELECT * FROM customers WHERE id = ?", [customer_id])
        if row is None:
            return None
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
        self.db.table("customers").upsert({
            "id": customer.id,
            "address": _json(codec.address_to_dict(customer.address)),
            "default_substitution": _json(codec.substitution_to_dict(
                customer.default_substitution)),
            "preferred_store_id": customer.preferred_store_id,
            "linked_account": customer.linked_account,
            "delivery_notes": _json(codec.delivery_notes_to_dict(customer.delivery_notes)),
        }, pk="id")

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
        return [self._store(row) for row in self._rows("SELECT * FROM stores ORDER BY id")]

    def save_store(self, store: Store) -> None:
        self._require_transaction()
        data = codec.store_to_dict(store)
        self.db.table("stores").upsert({**data, "hours": _json(data["hours"]),
                                        "policy": _json(data["policy"]),
                                        "kinds": _json(data["kinds"]),
                                        "out_of_stock": _json(data["out_of_stock"])}, pk="id")

    # --- slot holds ---------------------------------------------------------------------------

    def get_hold(self, customer_id: str) -> SlotHold | None:
        row = self._row("SELECT * FROM slot_holds WHERE customer_id = ?", [customer_id])
        if row is None:
            return None
        slot = Slot(row["store_id"], row["kind"], from_utc_key(row["slot_start"]),
                    from_utc_key(row["slot_end"]), row["capacity"], row["tz"])
        return SlotHold(customer_id, slot, from_utc_key(row["expires_at"]), row.get("session"))

    def save_hold(self, hold: SlotHold) -> None:
        self._require_transaction()
        slot = hold.slot
        self.db.table("slot_holds").upsert({
            "customer_id": hold.customer_id, "store_id": slot.store_id, "kind": slot.kind,
            "slot_key": slot.key, "slot_start": utc_key(slot.start), "slot_end": utc_key(slot.end),
            "tz": slot.tz, "capacity": slot.capacity, "expires_at": utc_key(hold.expires_at),
            "session": hold.session,
        }, pk="customer_id")

    def release_session_holds(self, session: str, keep_customer: str) -> None:
        self._require_transaction()
        self.db.execute("DELETE FROM slot_holds WHERE session = ? AND customer_id != ?",
                        [session, keep_customer])

    def live_holds(self, slot_key: str, now: datetime, exclude_customer: str | None = None) -> int:
        row = self.db.execute(
            "SELECT COUNT(*) FROM slot_holds WHERE slot_key = ? AND expires_at > ? "
            "AND customer_id IS NOT ?", [slot_key, utc_key(now), exclude_customer]).fetchone()
        return row[0]

    def delete_hold(self, customer_id: str) -> None:
        self._require_transaction()
        self.db.execute("DELETE FROM slot_holds WHERE customer_id = ?", [customer_id])

    def slot_usage(self, store_id: str, kind: str, start_from: datetime, start_until: datetime,
                   now: datetime, exclude_customer: str | None = None) -> dict[str, int]:
        lo, hi = utc_key(start_from), utc_key(start_until)
        rows = self.db.execute(
            """
            SELECT slot_key, COUNT(*) FROM (
                SELECT slot_key FROM orders
                 WHERE store_id = ? AND kind = ? AND slot_start >= ? AND slot_start < ?
                   AND cancelled_at IS NULL
                UNION ALL
                SELECT slot_key FROM slot_holds
                 WHERE store_id = ? AND kind = ? AND slot_start >= ? AND slot_start < ?
                   AND expires_at > ? AND customer_id IS NOT ?
            ) GROUP BY slot_key
            """,
            [store_id, kind, lo, hi, store_id, kind, lo, hi, utc_key(now), exclude_customer],
        ).fetchall()
        return {key: count for key, count in rows}

    # --- orders -------------------------------------------------------------------------------

    def add_order(self, order: Order) -> None:
        self._require_transaction()
        f = order.fulfillment
        try:
            self.db.table("orders").insert({
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
                "reported_status": order.reported_status, "picked": _picked_json(order.picked),
                "tax_cents": _cents(order.tax), "tax_rate": str(order.tax_rate),
                "store_address": f.store_address,
                "delivery_notes": _json(codec.delivery_notes_to_dict(f.notes)),
                "changes": _changes_json(order.changes),
            })
        except sqlite3.IntegrityError as exc:
            if "submission_key" in str(exc):
                raise DuplicateSubmission(order.submission_key) from exc
            raise
        self._insert_lines(order)

    def _insert_lines(self, order: Order) -> None:
        self.db.table("order_lines").insert_all([{
            "order_id": order.id, "position": i, "product_id": line.product_id,
            "name": line.name, "quantity": str(line.quantity), "unit": line.unit,
            "unit_price": str(line.unit_price), "line_total_cents": _cents(line.line_total),
            "substitution": _json(codec.substitution_to_dict(line.substitution)),
            "asked_quantity": None if line.asked_quantity is None else str(line.asked_quantity),
            "asked_unit": line.asked_unit, "estimated": int(line.estimated),
            "taxable": int(line.taxable),
        } for i, line in enumerate(order.lines)])

    def save_order(self, order: Order) -> None:
        # Lines and prices are history and never change; cancellation, the status the store
        # reports and its picking result do
        self._require_transaction()
        self.db.execute("UPDATE orders SET cancelled_at = ?, reported_status = ?, picked = ? "
                        "WHERE id = ?",
                        [utc_key(order.cancelled_at) if order.cancelled_at else None,
                         order.reported_status, _picked_json(order.picked), order.id])

    def update_order(self, order: Order) -> None:
        # Everything a change may touch, written as add_order writes it: the bill (tax with
        # its rate), the seller's address and the driver's notes beside the slot; the lines
        # are rewritten whole (with their taxable flag and substitution)
        self._require_transaction()
        f = order.fulfillment
        self.db.execute(
            "UPDATE orders SET kind = ?, store_id = ?, store_name = ?, tz = ?, slot_key = ?, "
            "slot_start = ?, slot_end = ?, address = ?, store_address = ?, delivery_notes = ?, "
            "subtotal_cents = ?, delivery_fee_cents = ?, tax_cents = ?, tax_rate = ?, "
            "total_cents = ?, picking_at = ?, changes = ? WHERE id = ?",
            [f.kind, f.store_id, f.store_name, f.tz, f.slot_key, utc_key(f.slot_start),
             utc_key(f.slot_end), _json(codec.address_to_dict(f.address)), f.store_address,
             _json(codec.delivery_notes_to_dict(f.notes)), _cents(order.subtotal),
             _cents(order.delivery_fee), _cents(order.tax), str(order.tax_rate),
             _cents(order.total), utc_key(order.picking_at), _changes_json(order.changes),
             order.id])
        self.db.execute("DELETE FROM order_lines WHERE order_id = ?", [order.id])
        self._insert_lines(order)

    # --- order events (the outbox's SQL is in cart.outbox.sqlite) ------------------------------

    def record_event(self, event: OrderEvent) -> None:
        self._require_transaction()
        SqliteOutbox(self.db).add(event)
        self._wrote_events = True

    def seen_store_event(self, event_id: str) -> bool:
        return SqliteOutbox(self.db).seen_inbound(event_id)

    def remember_store_event(self, event_id: str, order_id: str, now: datetime) -> None:
        self._require_transaction()
        SqliteOutbox(self.db).remember_inbound(event_id, order_id, now)

    def get_order(self, order_id: str) -> Order | None:
        return next(iter(self._orders("WHERE id = ?", [order_id])), None)

    def get_order_by_submission_key(self, submission_key: str) -> Order | None:
        return next(iter(self._orders("WHERE submission_key = ?", [submission_key])), None)

    def list_orders(self, customer_id: str | None = None, limit: int | None = None) -> list[Order]:
        where, params = ("WHERE customer_id = ?", [customer_id]) if customer_id is not None \
            else ("", [])
        tail = " LIMIT ?" if limit is not None else ""
        return self._orders(f"{where} ORDER BY created_at DESC, rowid DESC{tail}",
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
            picked=_picked_from_json(row.get("picked")),
            changes=_changes_from_json(row.get("changes")),
        )


def _picked_json(picked: PickResult | None) -> str | None:
    if picked is None:
        return None
    return _json({"lines": [{"product_id": p.product_id, "quantity": str(p.quantity),
                             "unit": p.unit, "substituted_by": p.substituted_by,
                             "out_of_stock": p.out_of_stock} for p in picked.lines],
                  "total": str(picked.total), "picked_at": utc_key(picked.picked_at)})


def _picked_from_json(text: str | None) -> PickResult | None:
    if not text:
        return None
    data = json.loads(text)
    return PickResult(tuple(PickedLine(p["product_id"], Decimal(p["quantity"]), p["unit"],
                                       p["substituted_by"], p["out_of_stock"])
                            for p in data["lines"]),
                      Decimal(data["total"]), from_utc_key(data["picked_at"]))


def _changes_json(changes: tuple[OrderChange, ...]) -> str | None:
    if not changes:
        return None
    return _json([{"id": c.id, "at": utc_key(c.at), "summary": c.summary,
                   "total_before": str(c.total_before), "total_after": str(c.total_after)}
                  for c in changes])


def _changes_from_json(text: str | None) -> tuple[OrderChange, ...]:
    if not text:
        return ()
    return tuple(OrderChange(c["id"], from_utc_key(c["at"]), c["summary"],
                             Decimal(c["total_before"]), Decimal(c["total_after"]))
                 for c in json.loads(text))
