"""Where products live: the catalog port, its SQL shared by both backends, and SQLite's schema
(PostgreSQL's is in catalog.pg_schema)."""
from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator
from decimal import Decimal
from contextlib import AbstractContextManager
from typing import Protocol

import sqlite_utils

from catalog.database import SqliteSession, add_missing_columns
from catalog.model import Product
from catalog.sql import SqlSession, rows

PRODUCTS = "products"
_SELLING_COLUMNS = {"sold_by": "TEXT", "price_unit": "TEXT", "avg_weight": "TEXT",
                    "taxable": "INTEGER NOT NULL DEFAULT 0"}
META = "catalog_meta"


class CatalogRepository(Protocol):
    """The catalog port: what the matcher and services need from product storage."""

    def count(self) -> int: ...
    def get(self, product_id: str) -> Product | None: ...
    def all_products(self) -> Iterator[Product]: ...
    def version(self) -> int: ...
    def save_all(self, products: Iterable[Product], *, replace: bool = False) -> int: ...
    def transaction(self) -> AbstractContextManager[None]: ...


STREAM_BATCH = 2000  # rows per fetch when streaming the catalog
_COLUMNS = ("id", "name", "price", "brand", "department", "aisle", "size", "synonyms",
            "in_stock", "popularity", "sold_by", "price_unit", "avg_weight", "taxable", "extra")


class SqlCatalogRepository:
    """The catalog's statements, the same on both backends."""

    ORDER_SEQ = "rowid"  # import order, which the matcher's ties follow
    sql: SqlSession

    def transaction(self) -> AbstractContextManager[None]:
        return self.sql.transaction()

    def count(self) -> int:
        return self.sql.execute(f"select count(*) from {PRODUCTS}").fetchone()[0]

    def get(self, product_id: str) -> Product | None:
        found = rows(self.sql, f"select * from {PRODUCTS} where id = ?", [product_id])
        return product_from_row(found[0]) if found else None

    def all_products(self) -> Iterator[Product]:
        """Every product in import order, read a batch at a time: an index build over a
        million products never holds them all (nor a dict per row) at once."""
        cursor = self.sql.execute(f"select * from {PRODUCTS} order by {self.ORDER_SEQ}")
        columns = [d[0] for d in cursor.description]
        while batch := cursor.fetchmany(STREAM_BATCH):
            for values in batch:
                yield product_from_row(dict(zip(columns, values)))

    def version(self) -> int:
        found = self.sql.execute(f"select value from {META} where key = 'version'").fetchone()
        return int(found[0]) if found else 0

    def index_key(self) -> str:
        """The matcher index's key (catalog.index_store): this catalog's random id, fixed when
        it first got products, and its version. A database made afresh that reaches the same
        version gets another id, so a stored index is never taken for another catalog's."""
        found = dict(self.sql.execute(
            f"select key, value from {META} where key in ('version', 'catalog_id')").fetchall())
        return f"{found.get('catalog_id', 'none')}-v{int(found.get('version') or 0)}"

    def save_all(self, products: Iterable[Product], *, replace: bool = False) -> int:
        """Insert or update products by id, in one transaction (readers see the old catalog
        until the new one is complete). With `replace`, products not given are deleted."""
        saved = 0
        with self.sql.transaction():
            if replace:
                self.sql.execute(f"delete from {PRODUCTS}")
            batch: list[dict] = []
            for product in products:
                batch.append(_row_from_product(product))
                if len(batch) >= 1000:
                    saved += self._upsert(batch)
                    batch = []
            saved += self._upsert(batch)
            self.sql.execute(
                f"insert into {META}(key, value) values('version', '1') on conflict(key) "
                "do update set value = cast(cast(catalog_meta.value as integer) + 1 as text)")
            self.sql.execute(f"insert into {META}(key, value) values('catalog_id', ?) "
                             "on conflict(key) do nothing", [uuid.uuid4().hex[:16]])
            self._announce_change()
        return saved

    def _announce_change(self) -> None:
        """Tell other processes the version moved, inside the transaction that moved it.
        SQLite has no way to: its servers see the version at their next look."""

    def _upsert(self, batch: list[dict]) -> int:
        if batch:
            updates = ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS if c != "id")
            self.sql.executemany(
                f"insert into {PRODUCTS} ({', '.join(_COLUMNS)}) values "
                f"({', '.join('?' * len(_COLUMNS))}) on conflict(id) do update set {updates}",
                [[r[c] for c in _COLUMNS] for r in batch])
        return len(batch)


class SqliteCatalogRepository(SqlCatalogRepository):
    """Products in the `products` table; `catalog_meta.version` bumps on every import so
    long-running servers know when to rebuild their in-memory matcher index."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.sql = SqliteSession(db, "catalog_tx")

    def ensure_schema(self) -> None:
        if PRODUCTS not in self.db.table_names():
            self.db[PRODUCTS].create(
                {"id": str, "name": str, "price": str, "brand": str, "department": str,
                 "aisle": str, "size": str, "synonyms": str, "in_stock": int,
                 "popularity": float, "extra": str, "sold_by": str, "price_unit": str,
                 "avg_weight": str, "taxable": int},
                pk="id", not_null={"name", "price"}, if_not_exists=True,
            )
            self.db[PRODUCTS].create_index(["department", "aisle"], if_not_exists=True)
        else:
            # Databases made before products said how they are sold: add the columns (NULL
            # sold_by means "infer from size", as for a catalog file without the column)
            add_missing_columns(self.db, PRODUCTS, _SELLING_COLUMNS)
        if META not in self.db.table_names():
            self.db[META].create({"key": str, "value": str}, pk="key", if_not_exists=True)


def _row_from_product(p: Product) -> dict:
    return {
        "id": p.id, "name": p.name, "price": str(p.price), "brand": p.brand,
        "department": p.department, "aisle": p.aisle, "size": p.size,
        "synonyms": "|".join(p.synonyms), "in_stock": int(p.in_stock),
        "popularity": float(p.popularity), "sold_by": p.sold_by, "price_unit": p.price_unit,
        "avg_weight": p.avg_weight, "taxable": int(p.taxable),
        "extra": json.dumps(p.extra, ensure_ascii=False, sort_keys=True) if p.extra else None,
    }


def product_from_row(row: dict) -> Product:
    return Product(
        id=row["id"], name=row["name"], price=Decimal(row["price"]), brand=row["brand"],
        department=row["department"], aisle=row["aisle"], size=row["size"],
        synonyms=tuple(s for s in (row["synonyms"] or "").split("|") if s),
        in_stock=bool(row["in_stock"]), popularity=row["popularity"] or 0.0,
        sold_by=row.get("sold_by"), price_unit=row.get("price_unit"),
        avg_weight=row.get("avg_weight"), taxable=bool(row.get("taxable")),
        extra=json.loads(row["extra"]) if row["extra"] else {},
    )
