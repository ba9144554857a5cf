"""The index builder (two passes over flat columns, numpy postings) and the tables it now
stores for every process to map: the fuzzy vocabulary and the category tables. Each is
checked against what the straightforward in-memory computation gives on the same catalog."""
from __future__ import annotations

import random
from decimal import Decimal

import pytest

from catalog import repository
from catalog.categories import Categories, ProductFacts, category_tables
from catalog.database import ConnectionPool
from catalog.index import CatalogIndex
from catalog.model import Product
from catalog.normalize import tokens
from catalog.phonetic import FuzzyVocabulary
from catalog.repository import SqliteCatalogRepository
from catalog.vocab_file import MappedVocabulary
from tests.catalog.conftest import DEMO_CSV


@pytest.fixture(scope="module")
def demo_index() -> CatalogIndex:
    import csv
    with open(DEMO_CSV, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    products = [Product(id=r["id"], name=r["name"], price=Decimal(r["price"]),
                        brand=r.get("brand") or None, aisle=r.get("aisle") or None,
                        department=r.get("department") or None,
                        popularity=float(r.get("popularity") or 0)) for r in rows]
    return CatalogIndex(products)


def _probes(words: list[str]) -> list[str]:
    rng = random.Random(3)
    out = ["flower", "thyme", "muscles", "bannanas", "tumeric", "hole", "pair", "serial"]
    for w in words:
        i = rng.randrange(len(w))
        out += [w, w[:i] + w[i + 1:], w[:i] + "e" + w[i:], w[:i] + "a" + w[i + 1:]]
    return out


def test_the_mapped_vocabulary_answers_like_the_in_memory_one(demo_index):
    ix = demo_index
    assert isinstance(ix.vocab, MappedVocabulary)
    counts = {w: c for w, c in zip(ix.words, ix.sections.array("df").tolist()) if c > 0}
    in_memory = FuzzyVocabulary(counts)
    fuzzy_words = [w for w in ix.words if w.isalpha() and len(w) >= 3]
    assert len(fuzzy_words) > 100
    for probe in _probes(fuzzy_words):
        assert ix.vocab.neighbors(probe, 6) == in_memory.neighbors(probe, 6), probe
        assert (probe in ix.vocab) == (probe in in_memory)
    assert ix.vocab.neighbors(tokens("bannanas")[0], 3)[0][0] == "banana"


def test_the_stored_category_tables_are_the_ones_computed_from_the_products(demo_index):
    ix = demo_index
    assert ix.category_tables, "the builder stores the tables"
    assert ix.category_tables == category_tables(ProductFacts.from_index(ix))
    found = Categories(ix).read(tokens("something for breakfast"))
    assert found is not None and found.vague and len(found.kinds) >= 2
    for _, pid in found.kinds:  # the product numbers name products of that category
        product = ix.products[pid]
        assert "breakfast" in f"{product.aisle} {product.department}".lower()


def test_postings_hold_each_product_under_each_of_its_words(demo_index):
    ix = demo_index
    expected: dict[str, list[int]] = {}
    heads: dict[str, list[int]] = {}
    for pid in range(len(ix)):
        for w in (*ix.toks[pid], *ix.alias[pid]):
            expected.setdefault(w, []).append(pid)
        for w in ix.heads[pid]:
            heads.setdefault(w, []).append(pid)
    assert {w: ix.postings[w].tolist() for w in ix.postings} == expected
    assert {w: ix.head_sets[w].tolist() for w in ix.head_sets} == heads


def test_products_are_in_prior_order_and_found_by_id(demo_index):
    ix = demo_index
    keys = [(len(ix.toks[pid]), -ix.products[pid].popularity, not ix.products[pid].in_stock,
             ix.products[pid].name) for pid in range(len(ix))]
    assert keys == sorted(keys)
    for pid in range(0, len(ix), 7):
        assert ix.by_id[ix.products[pid].id] == pid


def test_ids_looked_up_again_get_the_same_answers_from_a_bounded_memo(monkeypatch):
    # A returning shopper's products are looked up on every turn: remembered, hits and misses
    # alike, and never more than ID_CACHE of them
    from catalog import index_views

    monkeypatch.setattr(index_views, "ID_CACHE", 8)
    ix = CatalogIndex([Product(id=f"p{n}", name=f"Thing {n}", price=Decimal("1"))
                       for n in range(30)])
    for _ in range(2):
        for n in range(30):
            assert ix.products[ix.by_id.get(f"p{n}")].name == f"Thing {n}"
            assert ix.by_id.get(f"gone{n}") is None and ix.by_id.get(f"gone{n}", -1) == -1
            assert f"p{n}" in ix.by_id and f"gone{n}" not in ix.by_id
            assert len(ix.by_id._found) <= 8


def test_duplicate_ids_keep_the_first_and_an_empty_catalog_builds():
    first = Product(id="a", name="Whole Milk", price=Decimal("1"))
    again = Product(id="a", name="Rye Bread", price=Decimal("2"))
    ix = CatalogIndex([first, again, Product(id="b", name="Oat Milk", price=Decimal("3"))])
    assert len(ix) == 2 and ix.products[ix.by_id["a"]].name == "Whole Milk"
    assert "rye" not in ix.postings
    empty = CatalogIndex([])
    assert len(empty) == 0 and empty.vocab.neighbors("milk") == []
    assert Categories(empty).read(tokens("something for breakfast")) is None


def test_all_products_streams_every_row_in_import_order(tmp_path, monkeypatch):
    monkeypatch.setattr(repository, "STREAM_BATCH", 7)  # several fetches, the last partial
    repo = SqliteCatalogRepository(ConnectionPool(tmp_path / "c.db").get())
    repo.ensure_schema()
    products = [Product(id=f"p{i:03d}", name=f"Item {i}", price=Decimal("1.50"),
                        synonyms=("thing",) if i % 3 == 0 else ()) for i in range(30, 0, -1)]
    repo.save_all(products)
    got = list(repo.all_products())
    assert [p.id for p in got] == [p.id for p in products]
    assert got[0].synonyms == ("thing",) and got[0].price == Decimal("1.50")


def test_odd_values_come_back_from_the_file_as_they_were_given():
    import math
    odd = Product(id="é-1", name="Crème Brûlée, 4 ct", price=Decimal("3.10"), popularity=float("nan"),
                  extra={"note": "≥ 2 per order", "big": 2**70})
    plain = Product(id="2", name="Rye Bread", price=Decimal("2"), popularity=5.0)
    ix = CatalogIndex([odd, plain])
    back = ix.products[ix.by_id["é-1"]]
    assert math.isnan(back.popularity) and back.extra == odd.extra and back.price == Decimal("3.10")
    assert ix.products[ix.by_id["2"]] == plain
    assert "creme" in ix.postings and "brulee" in ix.postings
