"""Catalog import under hostile files (issue 11, part 3): generated CSV, JSON and JSON Lines
files mixing good rows with hostile ones (deleted and wrong-typed fields, huge and control-
character strings, emoji, SQL and HTML, lone surrogates, NaN/Infinity, huge numbers, deep
nesting, garbage lines, duplicate keys). `import_catalog` raises nothing but CatalogFileError,
and only for a whole-file problem; otherwise every good row loads exactly and every bad one is
reported with a line number and a reason.
"""
from __future__ import annotations

import json
import tempfile
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.database import open_database
from catalog.importer import CatalogFileError, import_catalog
from catalog.repository import SqliteCatalogRepository
from reliability.fuzz import DEEP, DEEP_JSON, TEXT, VALUE

COLUMNS = ["id", "name", "price", "brand", "department", "aisle", "size", "synonyms", "in_stock",
           "popularity"]
NAME = st.text(st.characters(whitelist_categories=("L", "N"), max_codepoint=0x2FFF), min_size=1,
               max_size=30).filter(lambda s: s.strip() == s and s)
PRICE = st.decimals(min_value=0, max_value=1000, places=2)


@st.composite
def good_rows(draw: st.DrawFn) -> list[dict]:
    n = draw(st.integers(1, 6))
    return [{"id": f"good-{i}", "name": draw(NAME), "price": str(draw(PRICE)),
             "brand": draw(st.sampled_from(["", "Acme", "Sunny Acres"])),
             "synonyms": draw(st.sampled_from(["", "eggs|large eggs"])),
             "in_stock": draw(st.sampled_from(["", "true", "false"])),
             "popularity": draw(st.sampled_from(["", "3", "0.5"]))} for i in range(n)]


@st.composite
def hostile_row(draw: st.DrawFn, n: int) -> dict:
    row: dict = {"id": f"h-{n}", "name": "Hostile", "price": "1.00"}
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["delete", "replace", "replace", "add"]))
        column = draw(st.sampled_from(COLUMNS))
        if op == "delete":
            row.pop(column, None)
        elif op == "add":
            row[draw(TEXT)] = draw(VALUE)
        else:
            row[column] = draw(VALUE)
    return row


def _interleave(draw: st.DrawFn, good: list, bad: list) -> list:
    rows = list(good)
    for row in bad:
        rows.insert(draw(st.integers(0, len(rows))), row)
    return rows


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, allow_nan=True)[:1000]
    return DEEP_JSON if value == DEEP else str(value)


@st.composite
def catalog_file(draw: st.DrawFn) -> tuple[str, bytes, list[dict], bool]:
    """(suffix, file bytes, the good rows, whether a whole-file error is allowed)."""
    good = draw(good_rows())
    bad = [draw(hostile_row(n)) for n in range(draw(st.integers(0, 5)))]
    rows = _interleave(draw, good, bad)
    fmt = draw(st.sampled_from(["csv", "json", "jsonl"]))
    whole_file_error = False
    if fmt == "csv":
        extra = sorted({k for r in rows for k in r if k not in COLUMNS and isinstance(k, str)}, key=str)
        header = COLUMNS + [h for h in extra if h.strip().lower() not in COLUMNS and "\x00" not in h][:5]
        # RFC 4180 by hand, every field quoted: Python 3.10's csv writer cannot write a NUL,
        # and NULs are among the hostile values
        lines = [header] + [[_csv_cell(row.get(column)) for column in header] for row in rows]
        text = "".join(",".join('"' + cell.replace('"', '""') + '"' for cell in line) + "\r\n"
                       for line in lines)
    else:
        ascii_only = draw(st.booleans())
        lines = [json.dumps(r, allow_nan=True, ensure_ascii=ascii_only) for r in rows]
        if fmt == "jsonl":
            garbage = draw(st.lists(st.sampled_from([
                "{not json", "[1, 2", "null", "42", '"row"', '{"id": "g", "id": 5}', "{" * 5000,
                '{"id": "x", "name": "y", "price": ' + "9" * 5000 + "}", DEEP_JSON, "\x00\x01",
            ]), max_size=3))
            for line in garbage:
                lines.insert(draw(st.integers(0, len(lines))), line)
            text = "\n".join(lines) + draw(st.sampled_from(["", "\n", "\r\n"]))
        else:
            text = "[" + ",\n".join(lines) + "]"
            whole_file_error = json.dumps(DEEP) in text  # nesting too deep for one document
        text = text.replace(json.dumps(DEEP), DEEP_JSON)
    raw = text.encode("utf-8", "surrogatepass")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        whole_file_error = True  # a lone surrogate written raw is not UTF-8
    if draw(st.booleans()):
        raw = b"\xef\xbb\xbf" + raw if fmt == "csv" else raw
    return fmt, raw, good, whole_file_error


@pytest.mark.slow
@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])
@given(case=catalog_file())
def test_hostile_catalog_files_load_the_good_rows_and_report_the_rest(case):
    fmt, raw, good, whole_file_error = case
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"catalog.{fmt}"
        path.write_bytes(raw)
        repo = SqliteCatalogRepository(open_database(Path(tmp) / "catalog.db"))
        repo.ensure_schema()
        try:
            report = import_catalog(repo, path)
        except CatalogFileError as exc:
            assert whole_file_error, f"whole-file error for a readable file: {exc}"
            assert str(exc)
            assert repo.count() == 0  # nothing half-imported
            return
        assert not whole_file_error or fmt == "json"
        for row in good:
            product = repo.get(row["id"])
            assert product is not None, (row, report.rejected[:5])
            assert product.name == unicodedata.normalize("NFC", row["name"]) and product.price == Decimal(row["price"])
            assert product.in_stock == (row["in_stock"] != "false")
        assert report.imported == repo.count() >= len(good)
        for rejection in report.rejected:
            assert rejection.line >= 1 and rejection.reason.strip()
        assert repo.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        repo.db.conn.close()


@pytest.mark.parametrize("name, content, loaded", [
    ("big-field.csv", "id,name,price\n1," + "x" * 200_000 + ",1\n2,b,2\n3,c,3\n", {"2", "3"}),
    ("big-quoted.csv", 'id,name,price\n1,"' + "x\n" * 100_000 + '",1\n2,b,2\n3,c,3\n', {"2", "3"}),
    ("big-int.jsonl", '{"id":"1","name":"a","price":1,"popularity":' + "9" * 400 + '}\n'
                      '{"id":"2","name":"b","price":2}\n', {"2"}),
    ("huge-int.jsonl", '{"id":"1","name":"a","price":' + "9" * 5000 + '}\n{"id":"2","name":"b","price":2}\n', {"2"}),
    ("surrogates.jsonl", '{"id":"1","name":"a\\ud800","price":1,"x\\udc00":["\\ud800",{"\\udfff":1}]}\n'
                         '{"id":"2","name":"b","price":2}\n', {"1", "2"}),
    ("deep.jsonl", '{"id":"1","name":"a","price":1,"x":' + DEEP_JSON + '}\n{"id":"2","name":"b","price":2}\n', {"2"}),
])
def test_files_that_used_to_escape_as_unexpected_errors(tmp_path, name, content, loaded):
    """Each of these raised csv.Error, OverflowError, ValueError or UnicodeEncodeError."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8", errors="surrogatepass")
    repo = SqliteCatalogRepository(open_database(tmp_path / "c.db"))
    repo.ensure_schema()
    report = import_catalog(repo, path)
    assert {p.id for p in repo.all_products()} == loaded
    assert report.imported == len(loaded)


@pytest.mark.parametrize("name", ["c.json", "c.csv", "c.jsonl", "c.dat"])
def test_invalid_utf8_near_the_start_is_a_whole_file_error(tmp_path, name):
    """Telling the format apart reads the first chunk; that used to raise UnicodeDecodeError."""
    path = tmp_path / name
    path.write_bytes(b'[{"id": "\xed\xa0\x80", "name": "a", "price": 1}]')
    repo = SqliteCatalogRepository(open_database(tmp_path / "c.db"))
    repo.ensure_schema()
    with pytest.raises(CatalogFileError, match="not UTF-8"):
        import_catalog(repo, path)


def test_a_huge_int_in_a_json_array_is_a_whole_file_error(tmp_path):
    path = tmp_path / "c.json"
    path.write_text('[{"id":"1","name":"a","price":' + "9" * 5000 + '}]')
    repo = SqliteCatalogRepository(open_database(tmp_path / "c.db"))
    repo.ensure_schema()
    with pytest.raises(CatalogFileError, match="invalid JSON"):
        import_catalog(repo, path)
