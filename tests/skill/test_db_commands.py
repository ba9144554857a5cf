"""`voicecart db upgrade` and `db copy`: a database made by the release before schema versions
upgrades in place without losing a row, a whole installation moves SQLite -> PostgreSQL ->
SQLite unchanged, and a schema newer than the release is refused with a reason."""
from __future__ import annotations

import contextlib
import json
import sqlite3
import subprocess
from pathlib import Path

import psycopg
import pytest

from support import REPO, VOICECART, postgres_database

# a text dump (reviewable, no binary database in the repository) of the file the release
# before schema versions made
RELEASE1 = Path(__file__).resolve().parents[1] / "data" / "release1.sql"
RELEASE1_ORDER = "Y730Z6RYFJ"  # placed by tests/data/make_release1.py


def voicecart(*args: str, ok: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run([*VOICECART, *args], cwd=REPO, capture_output=True, text=True,
                          timeout=120)
    if ok:
        assert done.returncode == 0, done.stderr
    return done


def sqlite_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                             "AND name NOT LIKE 'sqlite_%'")]
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}


def shopper_view(db: str) -> tuple:
    orders = json.loads(voicecart("orders", "list", "--json", "--db", db).stdout)
    cart = json.loads(voicecart("cart", "show", "--user", "demo", "--json", "--db", db).stdout)
    other = json.loads(voicecart("cart", "show", "--user", "release1-shopper", "--json",
                                 "--db", db).stdout)
    return orders, cart, other


@pytest.fixture
def release1(tmp_path) -> Path:
    path = tmp_path / "release1.db"
    with sqlite3.connect(path) as conn:
        conn.executescript(RELEASE1.read_text())
    conn.close()
    return path


def test_a_file_of_the_release_before_versions_upgrades_in_place_without_loss(release1):
    before = sqlite_counts(release1)
    assert "schema_migrations" not in before and before["orders"] == 1
    done = voicecart("db", "upgrade", "--db", str(release1))
    assert "schema version 4" in done.stdout
    after = sqlite_counts(release1)
    assert after.pop("schema_migrations") == 4
    assert after.pop("slot_bookings") == 1  # the one order's slot, counted (version 2)
    assert after == before
    orders, cart, other = shopper_view(str(release1))
    assert [o["id"] for o in orders] == [RELEASE1_ORDER] and orders[0]["total"] == 17.85
    assert [(i["name"], i["quantity"]) for i in cart["items"]] == [("Whole Milk", 3)]
    assert len(other["items"]) == 1
    # a second upgrade has nothing to do and changes nothing
    voicecart("db", "upgrade", "--db", str(release1))
    assert sqlite_counts(release1) == {**before, "schema_migrations": 4, "slot_bookings": 1}
    # the demo cart's undo step, stored in release 1's form of the history, still takes back
    # its change (release 1 added the milk to an empty cart)
    said = subprocess.run([*VOICECART, "chat", "--db", str(release1), "--user", "demo"],
                          cwd=REPO, input="undo\n", capture_output=True, text=True, timeout=120)
    assert "Undone. Your cart is empty now" in said.stdout, said.stderr
    assert json.loads(voicecart("cart", "show", "--user", "demo", "--json", "--db",
                                str(release1)).stdout)["items"] == []


def test_copy_to_postgresql_and_back_keeps_the_whole_installation(release1, tmp_path):
    voicecart("db", "upgrade", "--db", str(release1))
    view = shopper_view(str(release1))
    with postgres_database("voicecart_copy") as url:
        done = voicecart("db", "copy", "--from", str(release1), "--to", url)
        assert "copied" in done.stdout
        assert shopper_view(url) == view
        back = tmp_path / "back.db"
        voicecart("db", "copy", "--from", url, "--to", str(back))
        assert shopper_view(str(back)) == view
        assert sqlite_counts(back) == sqlite_counts(release1)
        # the copy carries on where the source stopped: a new order gets the next number
        with psycopg.connect(url) as conn:
            assert conn.execute("SELECT nextval(pg_get_serial_sequence('outbox_events', 'seq'))"
                                ).fetchone()[0] > conn.execute(
                "SELECT MAX(seq) FROM outbox_events").fetchone()[0]
        # a destination that holds data is refused, and keeps what it had
        again = voicecart("db", "copy", "--from", str(release1), "--to", url, ok=False)
        assert again.returncode == 1 and "already holds data" in again.stderr
        assert len(again.stderr.strip().splitlines()) == 1
        assert shopper_view(url) == view


def _as_the_previous_schema_left_it(conn, version: int) -> None:
    """Back to the schema before the slot counts: their table gone, its version unrecorded."""
    conn.execute("DROP TABLE slot_bookings")
    conn.execute(f"DELETE FROM schema_migrations WHERE version = {version}")


@pytest.mark.parametrize("backend_name", ["sqlite", "postgresql"])
def test_db_upgrade_counts_each_slots_bookings_and_then_refuses_overbooking(
        release1, backend_name):
    voicecart("db", "upgrade", "--db", str(release1))
    view = shopper_view(str(release1))
    with contextlib.ExitStack() as stack:
        if backend_name == "sqlite":
            db, version, latest, connect = str(release1), 2, 4, lambda: contextlib.closing(
                sqlite3.connect(release1, isolation_level=None))
        else:
            db, version, latest = stack.enter_context(postgres_database("voicecart_slots")), 4, 6
            voicecart("db", "copy", "--from", str(release1), "--to", db)
            connect = lambda: psycopg.connect(db, autocommit=True)  # noqa: E731
        with connect() as conn:
            booked = conn.execute("SELECT slot_key, booked, capacity FROM slot_bookings").fetchall()
            _as_the_previous_schema_left_it(conn, version)
        done = voicecart("db", "upgrade", "--db", db)
        assert f"schema version {latest}" in done.stdout
        with connect() as conn:
            # counted again from the orders, the same as a store that kept counting
            assert conn.execute("SELECT slot_key, booked, capacity FROM slot_bookings"
                                ).fetchall() == booked
            (key, count, capacity), = booked
            assert count == 1 and capacity >= 3  # the demo store's pickup or delivery capacity
            with pytest.raises((sqlite3.IntegrityError, psycopg.IntegrityError)):
                conn.execute("UPDATE slot_bookings SET booked = capacity + 1")
        assert shopper_view(db) == view  # nothing else changed


@pytest.mark.parametrize("backend_name", ["sqlite", "postgresql"])
def test_a_schema_newer_than_the_release_is_refused_at_start(tmp_path, backend_name):
    def refused(db: str) -> None:
        for args in (("db", "upgrade"), ("serve", "--port", "1")):
            done = voicecart(*args, "--db", db, ok=False)
            assert done.returncode == 1, done.stderr
            assert "newer than this release knows" in done.stderr, done.stderr
            assert "Traceback" not in done.stderr

    if backend_name == "sqlite":
        path = tmp_path / "future.db"
        voicecart("db", "upgrade", "--db", str(path))
        with sqlite3.connect(path) as conn:
            conn.execute("INSERT INTO schema_migrations VALUES (99, 'from the future', 'x')")
        refused(str(path))
        return
    with postgres_database("voicecart_future") as url:
        voicecart("db", "upgrade", "--db", url)
        with psycopg.connect(url) as conn:
            conn.execute("INSERT INTO schema_migrations VALUES (99, 'from the future', 'x')")
        refused(url)


def test_a_copy_reads_each_table_in_batches_and_keeps_every_row_in_order(tmp_path):
    from skill.db_commands import copy_all
    from skill.storage import open_storage, prepare

    source = open_storage(tmp_path / "big.db")
    prepare(source, seed_demo=False)
    rows = "".join(f"P{n:03},Product number {n},{n % 17}.25\n" for n in range(25))
    (tmp_path / "many.csv").write_text("id,name,price\n" + rows)
    voicecart("catalog", "import", str(tmp_path / "many.csv"), "--db", str(tmp_path / "big.db"))
    seen: list[tuple[int, int, bool]] = []
    # a database of its own: the session's shared one may get an outbox lease from a
    # dispatcher thread another test left running
    with postgres_database("voicecart_batches") as url:
        target = open_storage(url)
        try:
            prepare(target, seed_demo=False)
            counts = copy_all(source, target, batch=7,
                              progress=lambda table, copied, total, done: seen.append(
                                  (copied, total, done)) if table == "products" else None)
            with psycopg.connect(url) as conn:
                copied = conn.execute("SELECT id, name, price FROM products ORDER BY seq"
                                      ).fetchall()
        finally:
            target.close()
    # 25 rows, 7 at a time: four batches, each reported, then the end of the table
    assert seen == [(7, 25, False), (14, 25, False), (21, 25, False), (25, 25, False),
                    (25, 25, True)]
    assert counts["products"] == 25
    with sqlite3.connect(tmp_path / "big.db") as conn:
        assert copied == conn.execute("SELECT id, name, price FROM products ORDER BY rowid"
                                      ).fetchall()


def test_db_copy_of_a_table_larger_than_a_batch_reports_progress(tmp_path):
    from skill.db_commands import BATCH

    db = tmp_path / "large.db"
    rows = "".join(f"L{n:05},Large catalog item {n},1.{n % 100:02}\n" for n in range(BATCH * 2 + 500))
    (tmp_path / "large.csv").write_text("id,name,price\n" + rows)
    voicecart("catalog", "import", str(tmp_path / "large.csv"), "--db", str(db))
    with postgres_database("voicecart_large") as url:
        done = voicecart("db", "copy", "--from", str(db), "--to", url)
        assert f"voicecart: copied products: {BATCH * 2 + 500} of {BATCH * 2 + 500} rows" \
            in done.stderr.splitlines()
        back = tmp_path / "back.db"
        done = voicecart("db", "copy", "--from", url, "--to", str(back))
        assert "copied products" in done.stderr and "copied" in done.stdout
    assert sqlite_counts(back) == sqlite_counts(db)
    with sqlite3.connect(db) as a, sqlite3.connect(back) as b:
        query = "SELECT id, name, price FROM products ORDER BY rowid"
        assert a.execute(query).fetchall() == b.execute(query).fetchall()
