"""Catalog changes pushed by the grocer's systems (the `/v1/catalog/products` API): a batch of
products to upsert, or price and stock changes of some. Each batch is one transaction, so a
reader (and the matcher index) sees all of its good rows or none; bad rows are reported with
their index and reason and do not stop the good ones, as with `voicecart catalog import`.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any, Sequence

from catalog.importer import RowError, _boolean, _price, _required_text, product_from_row
from catalog.model import Product
from catalog.repository import CatalogRepository

MAX_BATCH = 10_000


@dataclass
class BatchReport:
    saved: int = 0
    rejected: list[dict[str, Any]] = field(default_factory=list)  # {"index", "id"?, "reason"}

    def reject(self, index: int, reason: str, product_id: Any = None) -> None:
        entry: dict[str, Any] = {"index": index, "reason": reason}
        if isinstance(product_id, (str, int)) and not isinstance(product_id, bool):
            entry["id"] = str(product_id)[:200]
        self.rejected.append(entry)


@dataclass(frozen=True)
class PriceStockChange:
    product_id: str
    price: Decimal | None
    in_stock: bool | None


def _id_of(row: Any) -> Any:
    return row.get("id") if isinstance(row, dict) else None


def upsert_products(repo: CatalogRepository, rows: Sequence[Any]) -> BatchReport:
    """Insert or replace each valid product (the catalog file's columns) by id."""
    report = BatchReport()
    products: list[Product] = []
    for index, row in enumerate(rows):
        try:
            products.append(product_from_row(row))
        except RowError as exc:
            report.reject(index, str(exc), _id_of(row))
    if products:
        report.saved = repo.save_all(products)
    return report


def parse_change(row: Any) -> PriceStockChange:
    if not isinstance(row, dict):
        raise RowError(f"expected an object with id and price or in_stock, got {type(row).__name__}")
    unknown = set(row) - {"id", "price", "in_stock"}
    if unknown:
        raise RowError("only price and in_stock can be patched, not " + ", ".join(sorted(map(str, unknown)))[:200])
    product_id = _required_text(row, "id", allow_number=True)
    price = _price(row["price"]) if "price" in row else None
    in_stock = _boolean(row["in_stock"], "in_stock", default=True) if "in_stock" in row else None
    if price is None and in_stock is None:
        raise RowError("give price, in_stock or both")
    return PriceStockChange(product_id, price, in_stock)


def patch_products(repo: CatalogRepository, rows: Sequence[Any]) -> BatchReport:
    """Change the price and/or stock of existing products; an unknown id is a bad row."""
    report = BatchReport()
    changes: list[tuple[int, PriceStockChange]] = []
    for index, row in enumerate(rows):
        try:
            changes.append((index, parse_change(row)))
        except RowError as exc:
            report.reject(index, str(exc), _id_of(row))
    with repo.transaction():
        updated: dict[str, Product] = {}  # several rows may change one product: they add up
        for index, change in changes:
            product = updated.get(change.product_id) or repo.get(change.product_id)
            if product is None:
                report.reject(index, f"no product with id {change.product_id!r}", change.product_id)
                continue
            updated[product.id] = replace(
                product,
                price=product.price if change.price is None else change.price,
                in_stock=product.in_stock if change.in_stock is None else change.in_stock)
            report.saved += 1
        if updated:
            repo.save_all(updated.values())  # joins this transaction; bumps the version
    report.rejected.sort(key=lambda r: r["index"])
    return report
