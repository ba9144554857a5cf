"""`voicecart dialog test` run as the README shows must not spend real capacity: the README's
way once placed 24 real orders and held every pickup slot of the day in ./voicecart.db."""
from __future__ import annotations

import os
import sqlite3
import subprocess

import pytest

from support import REPO, VOICECART

pytestmark = pytest.mark.slow


def voicecart(*args: str, cwd) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VOICECART_")}
    return subprocess.run([*VOICECART, *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600)


def counts(db) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {table: conn.execute(f"select count(*) from {table}").fetchone()[0]
                for table in ("orders", "slot_holds", "carts")}


def test_the_readme_way_leaves_no_orders_or_holds_in_the_database_beside_it(tmp_path):
    seeded = voicecart("resolve", "add milk", cwd=tmp_path)  # makes and seeds ./voicecart.db
    assert seeded.returncode == 0, seeded.stderr
    before = counts(tmp_path / "voicecart.db")
    done = voicecart("dialog", "test", str(REPO / "tests" / "dialogs"), cwd=tmp_path)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "throwaway copy of voicecart.db" in done.stderr
    assert "0 failed" in done.stdout.splitlines()[-1]
    assert counts(tmp_path / "voicecart.db") == before == {"orders": 0, "slot_holds": 0, "carts": 0}


def test_an_explicit_db_runs_on_that_database(tmp_path):
    db = tmp_path / "shop.db"
    done = voicecart("dialog", "test", str(REPO / "tests" / "dialogs" / "08_checkout_pickup.yaml"),
                     "--db", str(db), cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "throwaway" not in done.stderr
    assert counts(db)["orders"] == 1  # the opt-in really uses the database named
