"""Catalog import against real SQLite files: formats, bad rows, replace and re-import."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

from catalog.database import open_database
from catalog.importer import CatalogFileError, import_catalog
from catalog.repository import SqliteCatalogRepository
from skill.cli import main

GOOD_CSV = """id,name,price,brand,department,aisle,size,synonyms,in_stock,popularity,shelf_tag
M1,Whole Milk,3.79,Meadow Valley,dairy and eggs,milk,1 gal,whole milk|vitamin d milk,true,90,A12
M2,2% Reduced Fat Milk,3.69,Meadow Valley,dairy and eggs,milk,1 gal,two percent milk|2 percent milk,false,80,
E1,Large Brown Eggs,4.29,Sunny Acres,dairy and eggs,eggs,12 ct,,true,,
"""


@pytest.fixture
def repo(tmp_path):
    repository = SqliteCatalogRepository(open_database(tmp_path / "shop.db"))
    repository.ensure_schema()
    return repository


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_import_keeps_every_field(repo, tmp_path):
    report = import_catalog(repo, write(tmp_path, "c.csv", GOOD_CSV))
    assert (report.imported, report.rejected, report.format) == (3, [], "csv")
    milk = repo.get("M2")
    assert milk.name == "2% Reduced Fat Milk"
    assert milk.price == Decimal("3.69")
    assert milk.synonyms == ("two percent milk", "2 percent milk")
    assert milk.in_stock is False
    assert milk.popularity == 80
    assert repo.get("M1").extra == {"shelf_tag": "A12"}
    eggs = repo.get("E1")
    assert (eggs.in_stock, eggs.popularity, eggs.synonyms) == (True, 0.0, ())


def test_bad_rows_are_rejected_with_line_and_reason_and_good_rows_load(repo, tmp_path):
    text = (
        "id,name,price,in_stock\n"
        "A,Apples,1.99,true\n"          # line 2: good
        ",No Id,1.00,true\n"            # line 3
        "B,,1.00,true\n"                # line 4
        "C,Carrots,-1,true\n"           # line 5
        "D,Dates,abc,true\n"            # line 6
        "E,Eggs,2.00,maybe\n"           # line 7
        "A,Apples again,2.50,true\n"    # line 8: duplicate id
        '"F","Flour ""AP""",3.10,false\n'  # line 9: good, quoted
    )
    report = import_catalog(repo, write(tmp_path, "bad.csv", text))
    assert report.imported == 2
    reasons = {r.line: r.reason for r in report.rejected}
    assert set(reasons) == {3, 4, 5, 6, 7, 8}
    assert "id" in reasons[3] and "name" in reasons[4]
    assert "price" in reasons[5] and "price" in reasons[6]
    assert "in_stock" in reasons[7]
    assert "duplicate" in reasons[8] and "line 2" in reasons[8]
    assert repo.get("A").name == "Apples"
    assert repo.get("F").name == 'Flour "AP"'
    assert repo.get("C") is None


def test_json_array_rows_report_their_line_numbers(repo, tmp_path):
    rows = [{"id": 101, "name": "Rye Bread", "price": 3.5, "synonyms": ["rye"]},
            {"id": "102", "name": "Bagels", "price": "-2"},
            {"id": "103", "name": "Sourdough", "price": 4.25, "in_stock": False}]
    text = "[\n" + ",\n".join(json.dumps(r) for r in rows) + "\n]\n"
    report = import_catalog(repo, write(tmp_path, "c.json", text))
    assert report.format == "json"
    assert report.imported == 2
    assert [(r.line, "price" in r.reason) for r in report.rejected] == [(3, True)]
    assert repo.get("101").price == Decimal("3.50")
    assert repo.get("101").synonyms == ("rye",)
    assert repo.get("103").in_stock is False


def test_json_lines_with_a_broken_line(repo, tmp_path):
    text = ('{"id": "1", "name": "Limes", "price": 0.5}\n'
            '\n'
            '{"id": "2", "name": "Lemons", "price": \n'
            '["not", "an", "object"]\n'
            '{"id": "3", "name": "Leeks", "price": 2, "popularity": "high"}\n'
            '{"id": "4", "name": "Lettuce", "price": 1.25}\n')
    report = import_catalog(repo, write(tmp_path, "c.jsonl", text))
    assert report.format == "jsonl"
    assert report.imported == 2
    assert [r.line for r in report.rejected] == [3, 4, 5]
    assert "invalid JSON" in report.rejected[0].reason
    assert "object" in report.rejected[1].reason
    assert "popularity" in report.rejected[2].reason


def test_reimport_without_replace_is_idempotent(repo, tmp_path):
    path = write(tmp_path, "c.csv", GOOD_CSV)
    import_catalog(repo, path)
    before = sorted(repo.all_products(), key=lambda p: p.id)
    import_catalog(repo, path)
    assert sorted(repo.all_products(), key=lambda p: p.id) == before
    assert repo.count() == 3


def test_reimport_updates_by_id_and_keeps_other_products(repo, tmp_path):
    import_catalog(repo, write(tmp_path, "c.csv", GOOD_CSV))
    import_catalog(repo, write(tmp_path, "u.csv", "id,name,price\nM1,Whole Milk,3.99\nN1,Oat Milk,4.49\n"))
    assert repo.count() == 4
    assert repo.get("M1").price == Decimal("3.99")
    assert repo.get("E1") is not None


def test_replace_removes_products_not_in_the_file(repo, tmp_path):
    import_catalog(repo, write(tmp_path, "c.csv", GOOD_CSV))
    version = repo.version()
    import_catalog(repo, write(tmp_path, "u.csv", "id,name,price\nN1,Oat Milk,4.49\n"), replace=True)
    assert [p.id for p in repo.all_products()] == ["N1"]
    assert repo.version() == version + 1


def test_strict_imports_nothing_when_a_row_is_bad(repo, tmp_path):
    report = import_catalog(repo, write(tmp_path, "c.csv", "id,name,price\nA,Apples,1\nB,Bad,x\n"), strict=True)
    assert report.imported == 0 and len(report.rejected) == 1
    assert repo.count() == 0


@pytest.mark.parametrize("content, message", [
    (b"id,name,price\nA,Caf\xe9,1\n", "UTF-8"),
    (b"sku,title\n1,x\n", "required column"),
    (b'{"not": "an array"}', None),
])
def test_unreadable_files_are_a_clear_error(repo, tmp_path, content, message):
    path = tmp_path / ("c.csv" if message else "c.json")
    path.write_bytes(content)
    if message is None:  # a lone object in .json is JSON Lines with one bad row
        report = import_catalog(repo, path)
        assert report.imported == 0 and "missing required id" in report.rejected[0].reason
        return
    with pytest.raises(CatalogFileError, match=message):
        import_catalog(repo, path)
    assert repo.count() == 0


def test_odd_unicode_and_injection_strings_are_stored_verbatim(repo, tmp_path):
    text = ('id,name,price\n'
            '"x1","Robert\'); DROP TABLE products;--",1\n'
            '"x2","Jalape\u00f1o <b>Chips</b> \U0001F336",2\n'
            '"x3","Tab\there\x07bell",3\n')
    report = import_catalog(repo, write(tmp_path, "c.csv", text))
    assert report.imported == 3
    assert repo.get("x1").name == "Robert'); DROP TABLE products;--"
    assert repo.get("x2").name == "Jalape\u00f1o <b>Chips</b> \U0001F336"
    assert repo.get("x3").name == "Tab here bell"


def run_cli(args, capsys):
    try:
        main(args)
        code = 0
    except SystemExit as exc:
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_import_prints_counts_and_rejections(tmp_path, capsys):
    path = write(tmp_path, "c.csv", GOOD_CSV + "Z,Zucchini,-3,true,,,,,,\n")
    db = tmp_path / "shop.db"
    code, out, err = run_cli(["catalog", "import", str(path), "--db", str(db)], capsys)
    assert code == 0
    assert "imported 3 products, rejected 1" in out
    assert "line 5: price" in err
    assert SqliteCatalogRepository(open_database(db)).count() == 3


@pytest.mark.parametrize("args, reason", [
    (["catalog", "import", "missing.csv"], "no such file"),
    (["catalog", "import"], "Missing argument"),
    (["catalog", "import", "x.csv", "--nope"], "No such option"),
])
def test_cli_user_errors_exit_1_with_one_line(tmp_path, capsys, args, reason):
    code, out, err = run_cli(args + ["--db", str(tmp_path / "x.db")], capsys)
    assert code == 1
    assert reason in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_cli_all_bad_rows_exits_1(tmp_path, capsys):
    path = write(tmp_path, "c.csv", "id,name,price\nA,Apples,-1\n")
    code, _, err = run_cli(["catalog", "import", str(path), "--db", str(tmp_path / "x.db")], capsys)
    assert code == 1 and "no valid rows" in err
