"""How long a catalog change on one node takes to be answered by another (PostgreSQL NOTIFY).

    python bench/bench_catalog_notify.py [--changes 10] [--pg postgresql://postgres@127.0.0.1/postgres]

Two `voicecart serve --dev` nodes (one worker each) on a scratch PostgreSQL database, their
periodic catalog version check pushed out to an hour (VOICECART_CATALOG_CHECK_INTERVAL), so
only the notification can carry a change. Each round PUTs a new product to node A's catalog
API, then asks node B to add it every 20 ms: the figure is the time from A's answer to the
first "Added" from B (the notification, B's index rebuild from the stored index file, and a
request). Target: 2 s (issue 20). Writes bench/results/notify.json; without a
reachable server it is reported as skipped.
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
import urllib.error
import urllib.request
import uuid
from collections.abc import Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_webhook import free_port, stop  # noqa: E402
from bench.cluster import postgres_unreachable, scratch_postgres_database  # noqa: E402
from bench.results import write_report  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "notify.json"
VOICECART = [sys.executable, "-c", "from skill.cli import main; main()"]
TOKEN = "bench-catalog-token"
TARGET_S = 2.0


def _post(url: str, body: dict, method: str = "POST", headers: dict | None = None) -> tuple[int, dict]:
    req = urllib.request.Request(url, data=json.dumps(body).encode(), method=method,
                                 headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as exc:
        return exc.code, {}


@contextmanager
def node(db: str, log: Path):
    port = free_port()
    env = {**os.environ, "VOICECART_CATALOG_TOKEN": TOKEN,
           "VOICECART_CATALOG_CHECK_INTERVAL": "1h"}
    with open(log, "wb") as out:
        proc = subprocess.Popen([*VOICECART, "serve", "--dev", "--port", str(port), "--db", db,
                                 "--workers", "1"], cwd=ROOT, stdout=out,
                                stderr=subprocess.STDOUT, env=env, start_new_session=True)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 90
            while True:
                if proc.poll() is not None:
                    raise RuntimeError("a node exited: " + log.read_text()[-1500:])
                try:
                    with urllib.request.urlopen(base + "/healthz", timeout=1):
                        break
                except OSError:
                    if time.monotonic() > deadline:
                        raise RuntimeError("a node did not start within 90 s")
                    time.sleep(0.1)
            yield base
        finally:
            stop(proc)


def measure(db: str, changes: int, folder: Path) -> dict:
    samples: list[float] = []
    with ExitStack() as stack:
        a = stack.enter_context(node(db, folder / "a.log"))
        b = stack.enter_context(node(db, folder / "b.log"))
        for n in range(changes):
            name = f"Bench Notify Spice {uuid.uuid4().hex[:6]}"
            user = f"notify-{n}-{uuid.uuid4().hex[:6]}"
            status, body = _post(a + "/v1/catalog/products",
                                 {"products": [{"id": f"BN-{n}-{uuid.uuid4().hex[:6]}",
                                                "name": name, "price": "3.10", "size": "1 jar"}]},
                                 method="PUT", headers={"Authorization": f"Bearer {TOKEN}"})
            if status != 200:
                raise RuntimeError(f"the catalog API answered {status}")
            saved = time.perf_counter()
            deadline = saved + 60
            while True:
                _, reply = _post(b + "/v1/converse", {"user_id": user, "session_id": user,
                                                      "text": f"add a jar of {name.lower()}"})
                if "Added" in reply.get("speech", ""):
                    samples.append(time.perf_counter() - saved)
                    break
                if time.perf_counter() > deadline:
                    raise RuntimeError(f"node B never sold {name}")
                time.sleep(0.02)
    ordered = sorted(samples)
    return {"changes": len(ordered), "p50_s": statistics.median(ordered), "max_s": ordered[-1],
            "min_s": ordered[0], "target_s": TARGET_S}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=10)
    parser.add_argument("--pg", default=os.environ.get("VOICECART_BENCH_PG",
                                                       "postgresql://postgres@127.0.0.1:5432/postgres"))
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if why := postgres_unreachable(args.pg):
        result: dict = {"skipped": why}
    else:
        with scratch_postgres_database(args.pg, "voicecart_bench") as url, \
                tempfile.TemporaryDirectory(prefix="voicecart-bench-") as folder:
            result = measure(url, args.changes, Path(folder))
    if "skipped" in result:
        print(f"catalog notify: skipped: {result['skipped']}")
    else:
        print(f"catalog change on node A answered by node B: p50 {result['p50_s']:.2f} s, "
              f"min {result['min_s']:.2f} s, max {result['max_s']:.2f} s over "
              f"{result['changes']} changes (target {TARGET_S:.0f} s)")
    write_report(args.out, result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
