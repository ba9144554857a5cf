"""`voicecart dialog test` run as the README shows must not spend real capacity: the README's
way once placed 24 real orders and held every pickup slot of the day in ./voicecart.db."""
from __future__ import annotations

import os
import re
import sqlite3
import subprocess

import pytest

from support import REPO, VOICECART, http, running_server

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


def _left(db) -> dict[str, object]:
    with sqlite3.connect(db) as conn:
        return {
            "open_orders": conn.execute(
                "select count(*) from orders where cancelled_at is null").fetchone()[0],
            "holds": conn.execute("select count(*) from slot_holds").fetchone()[0],
            "orders_of": {row[0].split("-")[0] for row in conn.execute(
                "select customer_id from orders")},
            "demo_orders": conn.execute(
                "select count(*) from orders where customer_id = 'demo'").fetchone()[0],
            "carts_with_lines": conn.execute(
                "select count(*) from carts where customer_id like 'test-shopper-%' "
                "and lines != '[]'").fetchone()[0],
        }


@pytest.mark.parametrize("platform", ["text", "alexa"])
def test_against_a_live_server_test_shoppers_leave_no_orders_or_holds(tmp_path, platform):
    """`voicecart dialog test tests/dialogs --url ...` against a live `voicecart serve`: every
    dialog speaks as a test shopper the server made for the run (the demo shopper's dialog as
    one with the demo profile), and before exiting the run cancels every order and releases
    every hold they made, and says so."""
    db = tmp_path / "voicecart.db"
    with running_server(db, "--dev", workers=1) as (base, _):
        done = voicecart("dialog", "test", str(REPO / "tests" / "dialogs"), "--url", base,
                         "--platform", platform, cwd=tmp_path)
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
        assert "0 failed" in done.stdout.splitlines()[-1]
        said = re.search(r"cleaned up (\d+) test shoppers: cancelled (\d+) orders and released "
                         r"(\d+) slot holds?", done.stderr)
        assert said, done.stderr
        with sqlite3.connect(db) as conn:
            placed = conn.execute("select count(*) from orders").fetchone()[0]
        # every order still open: some dialogs cancel their own order before the end
        assert 0 < int(said.group(2)) <= placed
        left = _left(db)
    assert left == {"open_orders": 0, "holds": 0, "orders_of": {"test"}, "demo_orders": 0,
                    "carts_with_lines": 0}


def test_without_the_api_token_nothing_runs_against_a_guarded_server(tmp_path):
    """A server outside --dev makes test shoppers only for its API token: without it the
    run stops before any dialog, with the reason, and places nothing."""
    db = tmp_path / "voicecart.db"
    with running_server(db, workers=1, env={"VOICECART_API_TOKEN": "s3cret-token"}) as (base, _):
        refused = voicecart("dialog", "test", str(REPO / "tests" / "dialogs" /
                                                  "08_checkout_pickup.yaml"), "--url", base,
                            cwd=tmp_path)
        allowed = subprocess.run(
            [*VOICECART, "dialog", "test", str(REPO / "tests" / "dialogs" / "08_checkout_pickup.yaml"),
             "--url", base], cwd=tmp_path, capture_output=True, text=True, timeout=600,
            env={**{k: v for k, v in os.environ.items() if not k.startswith("VOICECART_")},
                 "VOICECART_API_TOKEN": "s3cret-token"})
    assert refused.returncode == 1
    assert "cannot make or clean up test shoppers: HTTP 401" in refused.stderr
    assert "VOICECART_API_TOKEN" in refused.stderr
    assert allowed.returncode == 0, allowed.stdout + allowed.stderr
    assert "cancelled 1 order and released 0 slot holds" in allowed.stderr
    assert _left(db)["open_orders"] == 0


def test_cleanup_touches_only_test_shoppers(tmp_path):
    db = tmp_path / "voicecart.db"
    with running_server(db, "--dev", workers=1) as (base, _):
        made_status, made = http("POST", base + "/v1/test-shoppers", {"like": "demo"})
        real = http("POST", base + "/v1/test-shoppers/cleanup", {"user_ids": ["demo"]})
        mixed = http("POST", base + "/v1/test-shoppers/cleanup",
                     {"user_ids": [made["user_id"], "ann"]})
        bad = http("POST", base + "/v1/test-shoppers/cleanup", {"user_ids": "demo"})
        fine = http("POST", base + "/v1/test-shoppers/cleanup", {"user_ids": [made["user_id"]]})
    assert made_status == 201 and made["user_id"].startswith("test-shopper-")
    assert real[0] == mixed[0] == bad[0] == 400
    assert "only name test shoppers" in real[1]["reason"]
    assert fine == (200, {"cancelled_orders": 0, "released_holds": 0, "left": []})
    with sqlite3.connect(db) as conn:  # the copy has the demo shopper's address, not its id
        rows = dict(conn.execute("select id, address from customers where id in ('demo', ?)",
                                 [made["user_id"]]).fetchall())
    assert rows[made["user_id"]] == rows["demo"] is not None
