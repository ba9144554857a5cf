"""Per-turn latency and throughput of the text channel on SQLite beside PostgreSQL.

    python bench/bench_storage.py [--turns 400] [--threads 8] [--pg postgresql://postgres@127.0.0.1/postgres]

In process (Flask's test client, the app as `serve` builds it, --dev), `--threads` shoppers
each take turns that read and change their own cart ("add one whole milk", "what's in my
cart"): the storage is the part that differs between the two runs. The PostgreSQL run uses a
scratch database of its own, dropped afterwards; without a reachable server it is reported as
skipped. Writes bench/results/storage.json. Process CPU seconds are reported beside wall time:
on a machine with two cores shared with other work, throughput is bounded by them.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.cluster import postgres_unreachable, scratch_postgres_database  # noqa: E402
from bench.results import write_report  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "storage.json"
TURNS = ("add one whole milk", "what's in my cart")


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {"turns": len(ordered), "p50_ms": statistics.median(ordered) * 1000,
            "p99_ms": ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))] * 1000}


def run(db, turns: int, threads: int) -> dict:
    from skill.app import create_app
    from skill.config import Config

    app = create_app(Config(db_path=db, dev=True, outbox_dispatcher=False))
    per_thread = max(1, turns // threads)
    samples: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(threads + 1)

    def shopper(i: int) -> None:
        client = app.test_client()
        user = f"bench-{uuid.uuid4().hex[:8]}"
        mine = []
        barrier.wait()
        for n in range(per_thread):
            started = time.perf_counter()
            resp = client.post("/v1/converse", json={"user_id": user, "session_id": user,
                                                     "text": TURNS[n % len(TURNS)]})
            mine.append(time.perf_counter() - started)
            if resp.status_code != 200 or "try again" in resp.get_json().get("speech", ""):
                with lock:
                    errors.append(f"{resp.status_code} {resp.get_data(as_text=True)[:100]}")
        with lock:
            samples.extend(mine)

    workers = [threading.Thread(target=shopper, args=(i,)) for i in range(threads)]
    for w in workers:
        w.start()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    barrier.wait()
    for w in workers:
        w.join()
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    app.extensions["voicecart"].storage.close()
    return {**_percentiles(samples), "turns_per_s": len(samples) / wall, "wall_s": wall,
            "cpu_s": cpu, "errors": len(errors), "first_errors": errors[:3]}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=400)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--pg", default=os.environ.get("VOICECART_BENCH_PG",
                                                       "postgresql://postgres@127.0.0.1:5432/postgres"))
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    result: dict = {"threads": args.threads, "turns": args.turns}
    with tempfile.TemporaryDirectory(prefix="voicecart-bench-") as folder:
        result["sqlite"] = run(Path(folder) / "bench.db", args.turns, args.threads)
    result["postgresql"] = _postgres(args)
    for name in ("sqlite", "postgresql"):
        r = result[name]
        if "skipped" in r:
            print(f"{name:<10} skipped: {r['skipped']}")
            continue
        print(f"{name:<10} {r['turns']} turns, {args.threads} threads: p50 {r['p50_ms']:.1f} ms, "
              f"p99 {r['p99_ms']:.1f} ms, {r['turns_per_s']:.0f} turns/s, CPU {r['cpu_s']:.1f} s "
              f"in {r['wall_s']:.1f} s, errors {r['errors']}")
    write_report(args.out, result)
    return 0


def _postgres(args) -> dict:
    if why := postgres_unreachable(args.pg):
        return {"skipped": why}
    from skill.storage import PostgresUrl
    with scratch_postgres_database(args.pg, "voicecart_bench") as url:
        return run(PostgresUrl(url), args.turns, args.threads)


if __name__ == "__main__":
    raise SystemExit(main())
