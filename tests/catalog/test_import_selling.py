"""How products are sold, through import: the sold_by, price_unit, avg_weight and taxable
columns, sold_by inferred from size when absent, bad values rejected by line, and a database
made before these columns existed."""
from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest

from catalog.database import open_database
from catalog.demo import DEMO_CATALOG
from catalog.importer import import_catalog, product_from_row, read_rows
from catalog.purchase import Asked, plan, terms_of
from catalog.repository import SqliteCatalogRepository
from catalog.units import parse_size


@pytest.fixture
def repo(tmp_path):
    repository = SqliteCatalogRepository(open_database(tmp_path / "shop.db"))
    repository.ensure_schema()
    return repository


def load(repo, tmp_path, text: str):
    path = tmp_path / "c.csv"
    path.write_text(text, encoding="utf-8")
    return import_catalog(repo, path)


def test_the_new_columns_are_kept(repo, tmp_path):
    report = load(repo, tmp_path, (
        "id,name,price,size,sold_by,price_unit,avg_weight,taxable\n"
        "B,Bananas,0.29,each,each,,0.4 lb,false\n"
        "S,Shrimp,10.99,,weight,lb,,\n"
        "K,Beef Mince,12.50,,weight,kg,150 g,\n"
        "P,Paper Towels,9.99,6 ct,pack,,,true\n"))
    assert (report.imported, report.rejected) == (4, [])
    bananas, shrimp, mince, towels = (repo.get(i) for i in "BSKP")
    assert (bananas.sold_by, bananas.avg_weight, bananas.taxable) == ("each", "0.4 lb", False)
    assert (shrimp.sold_by, shrimp.price_unit) == ("weight", "lb")
    assert (mince.sold_by, mince.price_unit, mince.avg_weight) == ("weight", "kg", "150 g")
    assert (towels.sold_by, towels.taxable) == ("pack", True)
    assert terms_of(mince).price_unit == "kilogram"


@pytest.mark.parametrize("size, sold_by, price_unit", [
    ("12 ct", "pack", None), ("3 lb bag", "pack", None), ("1 gal", "pack", None),
    ("6 x 12 fl oz", "pack", None), ("each", "each", None), ("1 bunch", "each", None),
    ("", "each", None), ("per lb", "weight", "lb"), ("/lb", "weight", "lb"),
    ("per kg", "weight", "kg"), ("family size", "each", None),
])
def test_sold_by_is_inferred_from_size_when_absent(size, sold_by, price_unit):
    product = product_from_row({"id": "X", "name": "Thing", "price": "1.00", "size": size})
    assert (product.sold_by, product.price_unit) == (sold_by, price_unit)


def test_sizes_are_read_into_amounts():
    assert parse_size("6 x 12 fl oz").amount.value == 72 and parse_size("6 x 12 fl oz").pieces == 6
    assert parse_size("12 pack 12 fl oz cans").pieces == 12
    assert parse_size("12 pack 12 fl oz cans").piece_container == "can"
    assert parse_size("3 lb bag").amount.value == 48 and parse_size("3 lb bag").container == "bag"
    assert parse_size("0.5 gal").amount.value == 64
    assert parse_size("12 ct carton").container == "carton"
    assert parse_size("5 lb avg") is None and parse_size("each") is None


def test_bad_values_are_rejected_with_their_line_and_nothing_half_imported(repo, tmp_path):
    report = load(repo, tmp_path, (
        "id,name,price,size,sold_by,price_unit,avg_weight,taxable\n"
        "A,Apples,1.99,per lb,,,0.4 lb,\n"        # line 2: good
        "B,Bread,3.00,,by the loaf,,,\n"          # line 3: sold_by unknown
        "C,Cod,11.99,,weight,stone,,\n"           # line 4: price_unit unknown
        "D,Dates,6.99,12 oz,pack,lb,,\n"          # line 5: price_unit for a pack
        "E,Eggs,3.49,a carton,pack,,,\n"          # line 6: a pack with no readable size
        "F,Figs,0.50,each,each,,heavy,\n"         # line 7: avg_weight not a weight
        "G,Grapes,2.99,,weight,lb,2 gal,\n"       # line 8: avg_weight a volume
        "H,Ham,9.99,,weight,lb,,sometimes\n"))    # line 9: taxable not a boolean
    reasons = {r.line: r.reason for r in report.rejected}
    assert report.imported == 1 and sorted(reasons) == [3, 4, 5, 6, 7, 8, 9]
    assert "sold_by must be each, pack or weight" in reasons[3]
    assert "price_unit must be lb or kg" in reasons[4]
    assert "only for products sold by weight" in reasons[5]
    assert "needs a size" in reasons[6]
    assert "avg_weight must be a weight" in reasons[7] and "avg_weight" in reasons[8]
    assert "taxable must be true or false" in reasons[9]
    assert repo.count() == 1 and repo.get("A").sold_by == "weight"


def test_a_database_made_before_the_columns_gets_them_and_keeps_its_products(tmp_path):
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:  # the products table as it was before these columns
        conn.execute("create table products (id text primary key, name text not null, price text "
                     "not null, brand text, department text, aisle text, size text, synonyms "
                     "text, in_stock integer, popularity float, extra text)")
        conn.execute("insert into products values ('E', 'Large Eggs', '3.49', null, null, null, "
                     "'12 ct', '', 1, 0, null)")
    repo = SqliteCatalogRepository(open_database(path))
    repo.ensure_schema()
    old = repo.get("E")
    assert (old.sold_by, old.taxable) == (None, False)
    assert terms_of(old).sold_by == "pack"  # inferred from size, as an import would
    bought = plan(old, Asked.of(2, "dozen"))
    assert (bought.quantity, bought.unit, bought.line_total) == (Decimal(2), "dozen", Decimal("6.98"))


def test_every_demo_product_says_how_it_is_sold():
    rows = list(read_rows(DEMO_CATALOG))
    products = [product_from_row(row) for _, row in rows]
    assert all(row.get("sold_by") in ("each", "pack", "weight") for _, row in rows)
    by_id = {p.id: p for p in products}
    assert by_id["PR0001"].sold_by == "each" and by_id["PR0001"].avg_weight
    assert by_id["MS0001"].sold_by == "weight" and by_id["MS0004"].sold_by == "pack"
    egg_sizes = {p.size for p in products if p.name == "Large White Eggs" and p.brand == "Sunny Acres"}
    assert egg_sizes == {"6 ct carton", "12 ct carton", "18 ct carton"}
