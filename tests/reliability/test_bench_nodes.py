"""The several-nodes benchmark (`bench/bench_nodes.py`, part of `make bench`) in its smoke
mode, so it cannot rot: it starts its nodes and fronts, answers every turn on each, and prints
and writes its figures. Times are the benchmark's to print, never asserted here."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from support import PG_ADMIN_URL, REPO, require_postgres, require_program

pytestmark = pytest.mark.slow
FRONTS = ("sqlite x1", "postgresql x1", "postgresql x2")
TURNS = ("AddItem", "ReadCart")


def test_the_quick_run_answers_every_turn_on_every_front_and_reports_each_nodes_cpu(tmp_path):
    require_program("nginx")
    require_postgres()
    out = tmp_path / "nodes.json"
    done = subprocess.run([sys.executable, "bench/bench_nodes.py", "--quick", "--pg", PG_ADMIN_URL,
                           "--out", str(out)], cwd=REPO, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]

    # the printed table: one row per turn and front, the scale factors, the 2-core caveat
    lines = done.stdout.splitlines()
    for turn in TURNS:
        for front in FRONTS:
            assert any(line.startswith(f"{turn:<9} {front:<14}") for line in lines), done.stdout
        assert f"scale factor, {turn}: two nodes / one node = " in done.stdout
    assert "share the CPUs: the scale factor from one node to two is bounded" in done.stdout

    report = json.loads(out.read_text())
    assert report["postgresql_skipped"] is None
    for turn in TURNS:
        for front in FRONTS:
            r = report["turns"][turn][front]
            assert r["requests"] > 0 and r["rps"] > 0, (turn, front, r)
            assert r["error_count"] == 0, (turn, front, r["errors"])
            assert 0 < r["p50_ms"] <= r["p99_ms"], r
            assert r["nodes"] == (["node A", "node B"] if front.endswith("x2") else
                                  ["node A"] if front.startswith("postgresql") else ["node S"])
            # each node behind the front did work of its own, as did PostgreSQL for its fronts
            assert all(r["cpu_s"][node] > 0 for node in r["nodes"]), r["cpu_s"]
            assert (r["cpu_s"]["postgresql"] > 0) == front.startswith("postgresql"), r["cpu_s"]
        assert report["scale_factor"][turn] > 0
    for node in ("node S", "node A", "node B"):
        for memory in (report["memory_at_start_mb"][node], report["memory_mb"][node]):
            assert memory["master_mb"] > 0 and len(memory["workers_mb"]) == 2, memory
            assert memory["total_mb"] == pytest.approx(memory["master_mb"] + sum(memory["workers_mb"]))
    assert "memory (PSS) at start: node S " in done.stdout
    assert report["postgresql_connections"] >= 2  # each worker of nodes A and B has its pool
