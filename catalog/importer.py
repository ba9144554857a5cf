"""Reading catalog files (CSV, JSON array, JSON Lines) into Products, row by row.

A bad row is rejected with its line number and a reason; good rows still load. Files are
streamed (except a JSON array, which must be parsed as one document) so a large CSV or
JSONL import runs in steady memory.
"""
from __future__ import annotations

import csv
import io
import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from catalog.model import Product
from catalog.repository import CatalogRepository
from catalog.units import UnitError, sale_terms

KNOWN_COLUMNS = ("id", "name", "price", "brand", "department", "aisle", "size", "synonyms",
                 "in_stock", "popularity", "sold_by", "price_unit", "avg_weight", "taxable")
MAX_TEXT = 500
MAX_PRICE = Decimal("100000")
_TRUE = {"true", "1", "yes", "y", "t"}
_FALSE = {"false", "0", "no", "n", "f"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# The csv module refuses a field over 128 KiB and cannot find its place again after a long
# quoted field, losing the good rows that follow; read such a field whole (its row is then
# rejected as too long). The limit is process-wide: it only ever goes up.
CSV_FIELD_LIMIT = 16 * 1024 * 1024


class CatalogFileError(Exception):
    """The file as a whole cannot be read (not found, not UTF-8, not a JSON array...)."""


class RowError(ValueError):
    """One row is invalid; the message says why, for the shopper-facing import report."""


@dataclass
class Rejection:
    line: int
    reason: str


@dataclass
class ImportReport:
    imported: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    format: str = ""


ProgressCallback = Callable[[int], None]


def import_catalog(repo: CatalogRepository, path: str | Path, *, replace: bool = False,
                   strict: bool = False, progress: ProgressCallback | None = None) -> ImportReport:
    """Load a catalog file into the repository. With `strict`, any bad row aborts the import
    and nothing is written; otherwise good rows load and bad ones are reported."""
    report = ImportReport(format=detect_format(path))
    products = _valid_products(read_rows(path, progress=progress), report)
    if strict:
        collected = list(products)
        if report.rejected:
            return report
        products = iter(collected)
    report.imported = repo.save_all(products, replace=replace)
    return report


def _valid_products(rows: Iterator[tuple[int, Any]], report: ImportReport) -> Iterator[Product]:
    first_line_of: dict[str, int] = {}
    for line, row in rows:
        try:
            product = product_from_row(row)
            if product.id in first_line_of:
                raise RowError(f"duplicate id {product.id!r} (first on line {first_line_of[product.id]})")
        except RowError as exc:
            report.rejected.append(Rejection(line, str(exc)))
            continue
        first_line_of[product.id] = line
        yield product


def detect_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".json":
        # Some tools write JSON Lines with a .json name: look at the first character.
        return "json" if _first_char(path) == "[" else "jsonl"
    if suffix in (".csv", ".tsv", ".txt"):
        return "csv"
    first = _first_char(path)
    return {"[": "json", "{": "jsonl"}.get(first, "csv")


def _first_char(path: str | Path) -> str:
    try:
        with _open_text(path) as f:  # decodes a whole first chunk, not just one character
            while True:
                ch = f.read(1)
                if not ch or not ch.isspace():
                    return ch
    except UnicodeDecodeError as exc:
        raise CatalogFileError(f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def _open_text(path: str | Path) -> io.TextIOWrapper:
    try:
        return open(path, encoding="utf-8-sig", errors="strict", newline="")
    except FileNotFoundError:
        raise CatalogFileError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise CatalogFileError(f"{path} is a directory, not a catalog file") from None
    except PermissionError:
        raise CatalogFileError(f"cannot read {path}: permission denied") from None


def read_rows(path: str | Path, *, progress: ProgressCallback | None = None) -> Iterator[tuple[int, Any]]:
    """(line number, raw row) pairs; `progress` is told how many bytes were consumed."""
    fmt = detect_format(path)
    reader = {"csv": _csv_rows, "jsonl": _jsonl_rows, "json": _json_array_rows}[fmt]
    try:
        with _open_text(path) as f:
            yield from reader(_CountingLines(f, progress))
    except UnicodeDecodeError as exc:
        raise CatalogFileError(f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start})") from None


class _CountingLines:
    """Iterates a text file's lines, telling `progress` how many bytes each one was."""

    def __init__(self, f: io.TextIOWrapper, progress: ProgressCallback | None) -> None:
        self.f, self.progress = f, progress

    def __iter__(self) -> Iterator[str]:
        for line in self.f:
            if self.progress:
                self.progress(len(line.encode("utf-8")))
            yield line


def _csv_rows(lines: _CountingLines) -> Iterator[tuple[int, Any]]:
    if csv.field_size_limit() < CSV_FIELD_LIMIT:
        csv.field_size_limit(CSV_FIELD_LIMIT)
    reader = csv.DictReader(iter(lines))
    try:
        fieldnames = reader.fieldnames
    except csv.Error as exc:
        raise CatalogFileError(f"unreadable CSV header: {exc}") from None
    if not fieldnames:
        return
    missing = {"id", "name", "price"} - {(h or "").strip().lower() for h in fieldnames}
    if missing:
        raise CatalogFileError(f"CSV header lacks required column(s): {', '.join(sorted(missing))}")
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # e.g. a field over csv.field_size_limit(): that row only
            yield reader.line_num, RowError(f"unreadable CSV row: {exc}")
            continue
        if None in row:  # more cells than headers
            yield reader.line_num, RowError(f"{len(row[None])} more cell(s) than the header has")
            continue
        yield reader.line_num, row


def _jsonl_rows(lines: _CountingLines) -> Iterator[tuple[int, Any]]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except (ValueError, RecursionError) as exc:  # ValueError: also an int over 4300 digits
            yield number, RowError(f"invalid JSON: {_json_error(exc)}")


def _json_array_rows(lines: _CountingLines) -> Iterator[tuple[int, Any]]:
    text = "".join(lines)
    decoder = json.JSONDecoder()
    pos = _skip_ws(text, 0)
    if pos >= len(text) or text[pos] != "[":
        raise CatalogFileError("a .json catalog must be an array of objects")
    pos = _skip_ws(text, pos + 1)
    while pos < len(text) and text[pos] != "]":
        line = text.count("\n", 0, pos) + 1
        try:
            value, pos = decoder.raw_decode(text, pos)
        except (ValueError, RecursionError) as exc:
            raise CatalogFileError(f"invalid JSON at line {line}: {_json_error(exc)}") from None
        yield line, value
        pos = _skip_ws(text, pos)
        if pos < len(text) and text[pos] == ",":
            pos = _skip_ws(text, pos + 1)
        elif pos < len(text) and text[pos] != "]":
            raise CatalogFileError(f"invalid JSON at line {text.count(chr(10), 0, pos) + 1}: expected ',' or ']'")


def _json_error(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return exc.msg
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc)[:80]


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def product_from_row(row: Any) -> Product:
    """Validate one raw row (a dict from CSV or JSON) into a Product, or raise RowError."""
    if isinstance(row, RowError):
        raise row
    if not isinstance(row, dict):
        raise RowError(f"expected an object with id, name and price, got {type(row).__name__}")
    _replace_lone_surrogates(row)
    fields = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
    extra = {k: v for k, v in fields.items() if k not in KNOWN_COLUMNS and v not in (None, "")}
    size = _optional_text(fields, "size")
    sold_by, price_unit, avg_weight = _selling(fields, size)
    return Product(
        id=_required_text(fields, "id", allow_number=True),
        name=_required_text(fields, "name"),
        price=_price(fields.get("price")),
        brand=_optional_text(fields, "brand"),
        department=_optional_text(fields, "department"),
        aisle=_optional_text(fields, "aisle"),
        size=size,
        synonyms=_synonyms(fields.get("synonyms")),
        in_stock=_boolean(fields.get("in_stock"), "in_stock", default=True),
        popularity=_number(fields.get("popularity"), "popularity", default=0.0),
        sold_by=sold_by, price_unit=price_unit, avg_weight=avg_weight,
        taxable=_boolean(fields.get("taxable"), "taxable", default=False),
        extra=extra,
    )


def _selling(fields: dict, size: str | None) -> tuple[str, str | None, str | None]:
    """sold_by (inferred from size when absent), price_unit (lb/kg, weight only) and
    avg_weight, validated together by catalog.units; stored as read, so the catalog says
    plainly how each product is sold."""
    sold_by = _optional_text(fields, "sold_by")
    price_unit = _optional_text(fields, "price_unit")
    avg_weight = _optional_text(fields, "avg_weight")
    try:
        terms = sale_terms(sold_by, size, price_unit, avg_weight)
    except UnitError as exc:
        raise RowError(str(exc)) from None
    unit = {"pound": "lb", "kilogram": "kg"}.get(terms.price_unit or "")
    return terms.sold_by, unit, avg_weight


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _replace_lone_surrogates(data: dict) -> None:
    """JSON can escape a lone UTF-16 surrogate ("\\ud800"): text no UTF-8 store can hold, so
    the save would fail. In place, every key and string (iteratively: extra columns may nest
    as deep as the JSON parser allowed) gets U+FFFD instead."""
    stack: list[Any] = [data]
    while stack:
        node = stack.pop()
        items = list(node.items()) if isinstance(node, dict) else list(enumerate(node))
        for key, value in items:
            if isinstance(value, str) and _LONE_SURROGATE.search(value):
                node[key] = value = _LONE_SURROGATE.sub("\ufffd", value)
            elif isinstance(value, (dict, list)):
                stack.append(value)
            if isinstance(key, str) and _LONE_SURROGATE.search(key):
                del node[key]
                node[_LONE_SURROGATE.sub("\ufffd", key)] = value


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", _CONTROL.sub(" ", text))
    return " ".join(text.split())


def _required_text(fields: dict, key: str, *, allow_number: bool = False) -> str:
    value = fields.get(key)
    if allow_number and isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise RowError(f"missing required {key}")
    if not isinstance(value, str):
        raise RowError(f"{key} must be text, got {type(value).__name__}")
    value = _clean(value)
    if len(value) > MAX_TEXT:
        raise RowError(f"{key} is longer than {MAX_TEXT} characters")
    return value


def _optional_text(fields: dict, key: str) -> str | None:
    value = fields.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise RowError(f"{key} must be text, got {type(value).__name__}")
    value = _clean(value)[:MAX_TEXT]
    return value or None


def _price(value: Any) -> Decimal:
    if value is None or value == "":
        raise RowError("missing required price")
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise RowError(f"price must be a number, got {type(value).__name__}")
    text = str(value).strip().lstrip("$").replace(",", "") if isinstance(value, str) else repr(value)
    try:
        price = Decimal(text)
    except InvalidOperation:
        raise RowError(f"price must be a number >= 0, got {str(value)[:40]!r}") from None
    if not price.is_finite() or price < 0:
        raise RowError(f"price must be a number >= 0, got {str(value)[:40]!r}")
    if price > MAX_PRICE:
        raise RowError(f"price {price} is above the {MAX_PRICE} limit")
    return price.quantize(Decimal("0.01")) if price.as_tuple().exponent > -2 else price


def _synonyms(value: Any) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        parts = value.split("|")
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        parts = value
    else:
        raise RowError("synonyms must be text separated by | (or a list of strings)")
    cleaned = (_clean(p)[:MAX_TEXT] for p in parts)
    return tuple(dict.fromkeys(p for p in cleaned if p))


def _boolean(value: Any, key: str, *, default: bool) -> bool:
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, str)) and str(value).strip().lower() in _TRUE | _FALSE:
        return str(value).strip().lower() in _TRUE
    raise RowError(f"{key} must be true or false, got {str(value)[:40]!r}")


def _number(value: Any, key: str, *, default: float) -> float:
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        raise RowError(f"{key} must be a number, got a boolean")
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):  # OverflowError: a 400-digit integer
        raise RowError(f"{key} must be a number, got {str(value)[:40]!r}") from None
    if not math.isfinite(number):
        raise RowError(f"{key} must be a finite number")
    return number
