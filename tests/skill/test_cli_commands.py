"""The CLI contracts other tools rely on: resolve (--json, --jsonl), cart show, orders list."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from support import REPO

CONTRACT_KEYS = {"text", "intent", "items", "slots"}
ITEM_KEYS = {"phrase", "quantity", "unit", "product", "alternatives"}


def voicecart(*args: str, stdin: str | None = None, timeout: int = 180) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from skill.cli import main; main()", *args],
                          cwd=REPO, input=stdin, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "cli.db"
    done = voicecart("resolve", "add milk", "--db", str(path))  # seeds the demo data
    assert done.returncode == 0, done.stderr
    return str(path)


def test_resolve_json_follows_the_contract(db):
    done = voicecart("resolve", "--json", "add two gallons of two percent milk and a dozen eggs", "--db", db)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == CONTRACT_KEYS and data["intent"] == "AddItem"
    milk, eggs = data["items"]
    assert set(milk) == ITEM_KEYS
    assert (milk["phrase"], milk["quantity"], milk["unit"]) == ("two percent milk", 2, "gallon")
    assert "2%" in milk["product"]["name"] and 0 < milk["product"]["confidence"] <= 1
    assert (eggs["quantity"], eggs["unit"]) == (1, "dozen")
    assert len(milk["alternatives"]) <= 3
    confidences = [a["confidence"] for a in milk["alternatives"]]
    assert confidences == sorted(confidences, reverse=True)


def test_resolve_says_null_when_nothing_matches(db):
    data = json.loads(voicecart("resolve", "--json", "add a purple unicorn", "--db", db).stdout)
    assert data["items"][0]["product"] is None


def test_resolve_jsonl_one_object_per_line_in_order_even_for_garbage(db):
    lines = ["add bananas", "", "\x00\x01 drop table products; --", "the second one",
             "i'll pick it up tomorrow at five pm", "\U0001F34C" * 50, "x" * 6000]
    done = voicecart("resolve", "--jsonl", "--db", db, stdin="\n".join(lines) + "\n")
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(out) == len(lines)
    assert [o["intent"] for o in out][:5] == ["AddItem", "Fallback", "Fallback", "SelectOption", "SetFulfillment"]
    assert out[3]["slots"] == {"option": 2}
    assert out[4]["slots"]["fulfillment"] == "pickup" and out[4]["slots"]["time"].endswith("T17:00")
    assert all(set(o) == CONTRACT_KEYS for o in out)


@pytest.mark.slow
def test_resolve_jsonl_streams_ten_thousand_lines_in_one_process(db):
    text = "\n".join(f"add {n % 9 + 1} pounds of ground turkey" for n in range(10_000)) + "\n"
    done = voicecart("resolve", "--jsonl", "--db", db, stdin=text, timeout=600)
    assert done.returncode == 0, done.stderr
    out = done.stdout.splitlines()
    assert len(out) == 10_000
    assert [json.loads(out[i])["items"][0]["quantity"] for i in (0, 1, 9_999)] == [1, 2, 9_999 % 9 + 1]


@pytest.mark.parametrize("args, reason", [
    (["resolve"], "give the TEXT"),
    (["resolve", "--jsonl", "add milk"], "not both"),
    (["cart", "show"], "--user"),
])
def test_user_errors_exit_1_with_one_line(db, args, reason):
    done = voicecart(*args, "--db", db)
    assert done.returncode == 1
    assert reason in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_cart_show_and_orders_list_follow_the_contract(db):
    talk = "add two gallons of whole milk\nadd a dozen large brown eggs\ncheck out\npickup\nthe first one\nyes\nadd bananas\n"
    done = voicecart("chat", "--user", "cli-shopper", "--db", db, stdin=talk)
    assert done.returncode == 0, done.stderr
    cart = json.loads(voicecart("cart", "show", "--user", "cli-shopper", "--json", "--db", db).stdout)
    assert set(cart) == {"user_id", "items", "total"} and cart["user_id"] == "cli-shopper"
    [banana] = cart["items"]
    assert set(banana) == {"product_id", "name", "quantity", "unit", "unit_price", "line_total",
                           "asked", "estimated"}
    assert cart["total"] == banana["line_total"]
    orders = json.loads(voicecart("orders", "list", "--user", "cli-shopper", "--json", "--db", db).stdout)
    [order] = orders
    assert {"id", "user_id", "status", "created_at", "total", "fulfillment", "items"} <= set(order)
    assert order["fulfillment"]["type"] == "pickup" and order["user_id"] == "cli-shopper"
    assert round(sum(i["line_total"] for i in order["items"]), 2) == order["total"]
    everyone = json.loads(voicecart("orders", "list", "--json", "--db", db).stdout)
    assert order["id"] in [o["id"] for o in everyone]
    human = voicecart("cart", "show", "--user", "cli-shopper", "--db", db).stdout
    assert "Bananas" in human and "total" in human


def test_export_reports_the_size_of_the_file_it_wrote(db, tmp_path):
    out = tmp_path / "model.json"
    done = voicecart("export", "alexa-model", "--out", str(out), "--db", db)
    assert done.returncode == 0, done.stderr
    written = int(re.search(r"size: (\d+) bytes written", done.stderr).group(1))
    assert written == out.stat().st_size
    compact = int(re.search(r"\((\d+) as compact JSON", done.stderr).group(1))
    assert compact == len(json.dumps(json.loads(out.read_text()), ensure_ascii=False,
                                     separators=(",", ":")).encode())
