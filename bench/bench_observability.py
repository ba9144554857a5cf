"""What metrics and request logging add to a turn (issue 20 part 4; issue 22 counts per-turn CPU).

    python bench/bench_observability.py [--turns N] [--ab-turns N] [--out FILE]

Two measurements, each in a child process per mode, because prometheus-client picks its value
class (in memory, or mmap'd files for gunicorn's workers) when it is first imported:

1. micro: exactly the calls one AddItem turn of two items makes on the observed path (request
   id from a header, the request context set and reset, the turn counted with two match
   confidences, the latency observed, the access line formatted and written to /dev/null with
   its request id), `--turns` times; CPU microseconds per turn (time.process_time). Modes:
   in-memory values and multiprocess (a temporary PROMETHEUS_MULTIPROC_DIR), text and JSON log.
2. A/B: the same app (demo catalog, SQLite) answering `POST /v1/converse` "add milk and eggs"
   through Flask's test client, with the observation hooks and without (removed from the app),
   in alternating batches; median CPU per turn of each, and the difference. The difference is
   within the noise of a turn of a few milliseconds on a shared machine: the micro figure is
   the precise one.

Prints one line per figure and writes bench/results/observability.json.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results import write_report  # noqa: E402


def micro(turns: int, log_format: str) -> float:
    import logging
    from decimal import Decimal

    from prometheus_client import CollectorRegistry

    from catalog.model import Candidate, Match, Product
    from intents.model import ItemRequest
    from skill import request_log
    from skill.metrics import ServerMetrics, outcome_of

    metrics = ServerMetrics(CollectorRegistry())
    handler = logging.StreamHandler(open(os.devnull, "w"))
    handler.setFormatter(request_log.formatter(log_format))
    handler.addFilter(request_log.RequestIdFilter())
    access = logging.getLogger("voicecart.access")
    access.addHandler(handler)
    access.setLevel(logging.INFO)
    access.propagate = False
    product = Product(id="1", name="Whole Milk", price=Decimal("3.49"))
    items = [ItemRequest("milk", match=Match("milk", Candidate(product, 0.93))),
             ItemRequest("eggs", match=Match("eggs", Candidate(product, 0.88)))]

    def one_turn() -> None:
        rid = request_log.valid_request_id("5f0c1d7e-client-id")
        info = request_log.RequestInfo(given_id=rid, channel="alexa",
                                       started=time.perf_counter())
        token = request_log._current.set(info)
        info.intent = "AddItem"
        metrics.observe_turn(outcome_of("alexa", "AddItem", items, order_placed=False,
                                        apology=None, replayed=False))
        seconds = time.perf_counter() - info.started
        metrics.observe_latency(info.channel, seconds)
        duration_ms = round(seconds * 1000, 1)
        request_log.access_log.info(
            "turn channel=%s intent=%s status=%d duration_ms=%.1f request_id=%s",
            info.channel, info.intent, 200, duration_ms, info.request_id,
            extra={"channel": info.channel, "intent": info.intent, "status": 200,
                   "duration_ms": duration_ms})
        request_log._current.reset(token)

    for _ in range(min(1000, turns)):
        one_turn()
    started = time.process_time()
    for _ in range(turns):
        one_turn()
    return (time.process_time() - started) / turns * 1e6


def ab(turns: int) -> dict[str, float]:
    import logging

    from prometheus_client import CollectorRegistry

    from skill.app import create_app
    from skill.config import Config

    logging.getLogger().setLevel(logging.WARNING)  # the access line is in the micro figure
    path = Path(tempfile.mkdtemp()) / "bench.db"
    app = create_app(Config(db_path=path, dev=True), registry=CollectorRegistry())
    runtime = app.extensions["voicecart"]
    client = app.test_client()
    observed = {name: list(funcs) for name, funcs in app.before_request_funcs.items()}
    after = {name: list(funcs) for name, funcs in app.after_request_funcs.items()}
    teardown = {name: list(funcs) for name, funcs in app.teardown_request_funcs.items()}
    hook = runtime.conversation.ports.on_turn

    def set_observed(on: bool) -> None:
        for table, saved in ((app.before_request_funcs, observed),
                             (app.after_request_funcs, after),
                             (app.teardown_request_funcs, teardown)):
            for name, funcs in saved.items():
                table[name] = list(funcs) if on else [
                    f for f in funcs if getattr(f, "__module__", "") != "skill.request_log"]
        runtime.conversation.ports.on_turn = hook if on else None

    def batch(n: int, start: int) -> float:
        began = time.process_time()
        for i in range(n):
            response = client.post("/v1/converse", json={
                "user_id": f"bench-{(start + i) % 50}", "session_id": f"s{(start + i) % 50}",
                "text": "add a gallon of whole milk and a dozen eggs"})
            assert response.status_code == 200
        return (time.process_time() - began) / n * 1e6

    batch(200, 0)  # warm-up: index, caches, connections
    with_hooks, without = [], []
    size, done = 100, 0
    while len(with_hooks) * size < turns:  # ABBA order: a drift in the machine's load hits both
        for on, into in ((True, with_hooks), (False, without), (False, without), (True, with_hooks)):
            set_observed(on)
            into.append(batch(size, done))
            done += size
    set_observed(True)
    observed_us, bare_us = statistics.median(with_hooks), statistics.median(without)
    return {"turn_cpu_us_observed": round(observed_us, 1), "turn_cpu_us_bare": round(bare_us, 1),
            "difference_us": round(observed_us - bare_us, 1), "batches": len(with_hooks)}


def child(mode: str, args: argparse.Namespace) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PROMETHEUS_MULTIPROC_DIR"}
    with tempfile.TemporaryDirectory() as metrics_dir:
        if mode.startswith("multiprocess"):
            env["PROMETHEUS_MULTIPROC_DIR"] = metrics_dir
        done = subprocess.run([sys.executable, __file__, "--child", mode, "--turns",
                               str(args.turns), "--ab-turns", str(args.ab_turns)],
                              env=env, capture_output=True, text=True, timeout=600, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"{mode} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--turns", type=int, default=20000, help="micro: turns per mode")
    parser.add_argument("--ab-turns", type=int, default=2000, help="A/B: turns per arm")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "observability.json")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        mode = args.child
        if mode.endswith("-ab"):
            print(json.dumps(ab(args.ab_turns)))
        else:
            print(json.dumps({"cpu_us_per_turn": round(micro(args.turns, mode.split("-")[-1]), 2)}))
        return
    results: dict[str, dict] = {}
    for mode in ("memory-text", "memory-json", "multiprocess-text", "multiprocess-json"):
        results[mode] = child(mode, args)
        print(f"micro {mode:18s} {results[mode]['cpu_us_per_turn']:8.1f} us CPU per turn "
              f"(metrics + request id + access line)", flush=True)
    if args.ab_turns > 0:
        results["multiprocess-ab"] = child("multiprocess-ab", args)
        r = results["multiprocess-ab"]
        print(f"A/B /v1/converse turn CPU: observed {r['turn_cpu_us_observed']} us, bare "
              f"{r['turn_cpu_us_bare']} us, difference {r['difference_us']} us "
              f"(medians of {r['batches']} batches each)", flush=True)
    write_report(args.out, results)


if __name__ == "__main__":
    main()
