"""Start-up benchmark: `voicecart serve` on the 49,688-product Instacart catalog (issue 10).

    python bench/bench_startup.py [--runs N] [--workers W] [--out FILE]

The catalog is written as a JSON Lines catalog file and imported into a temporary database
with `voicecart catalog import` first (import time reported on its own). Then, `--runs` times:
launch `voicecart serve --dev` (gunicorn, W workers and the threads as the README recommends)
on a free loopback port, poll GET /healthz every 20 ms until it answers 200, then send one Alexa
LaunchRequest (fresh timestamp) and wait for a 200 with outputSpeech. Reported: time to
/healthz and time to the first answered LaunchRequest, per run and the median; the server
process tree's memory (PSS: shared copy-on-write pages counted once) after the first
answer. The server is stopped (its process group) after
each run.

Writes bench/results/startup.json.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from bench.bench_parser import import_catalog, write_catalog_jsonl  # noqa: E402
from bench.bench_webhook import exit_on_sigterm, free_port, recommended_workers, stop  # noqa: E402
from bench.cluster import tree_pss_mb  # noqa: E402
from bench.results import write_report  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "startup.json"
VOICECART = [sys.executable, "-c", "from skill.cli import main; main()"]
START_TIMEOUT_S = 120
POLL_S = 0.02


def launch_request_body(app_id: str) -> bytes:
    from skill.tester.envelopes import alexa_envelope, alexa_launch_request, new_alexa_session_id

    envelope = alexa_envelope(alexa_launch_request(), user_id="amzn1.ask.account.bench-startup",
                              session_id=new_alexa_session_id(), new=True, application_id=app_id)
    return json.dumps(envelope).encode("utf-8")


def one_run(db: Path, workers: int, log_path: Path, app_id: str) -> dict:
    port = free_port()
    env = {**os.environ, "VOICECART_ALEXA_SKILL_ID": app_id, "PYTHONPATH": str(ROOT)}
    env.pop("VOICECART_DEV", None)
    argv = [*VOICECART, "serve", "--dev", "--host", "127.0.0.1", "--port", str(port),
            "--workers", str(workers), "--db", str(db)]
    with open(log_path, "ab") as log:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=log,
                                stderr=subprocess.STDOUT, env=env, start_new_session=True)
        try:
            deadline = started + START_TIMEOUT_S
            health_s = None
            while health_s is None:
                if proc.poll() is not None:
                    raise RuntimeError(f"server exited ({proc.returncode}): "
                                       + log_path.read_text(errors="replace")[-2000:])
                if time.perf_counter() > deadline:
                    raise RuntimeError(f"no /healthz within {START_TIMEOUT_S} s")
                try:
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                    conn.request("GET", "/healthz")
                    resp = conn.getresponse()
                    health = json.loads(resp.read() or b"{}") if resp.status == 200 else None
                    conn.close()
                    if resp.status == 200:
                        health_s = time.perf_counter() - started
                        break
                except (OSError, http.client.HTTPException, ValueError):
                    pass
                time.sleep(POLL_S)
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("POST", "/alexa", launch_request_body(app_id),
                         {"Content-Type": "application/json"})
            resp = conn.getresponse()
            data = resp.read()
            first_s = time.perf_counter() - started
            conn.close()
            speech = None
            if resp.status == 200:
                speech = (json.loads(data).get("response") or {}).get("outputSpeech")
            return {"healthz_s": health_s, "first_answer_s": first_s, "status": resp.status,
                    "answered": resp.status == 200 and bool(speech),
                    "products": (health or {}).get("products"),
                    "pss_mb_tree": tree_pss_mb(proc.pid)["total_mb"]}
        finally:
            stop(proc)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=None,
                        help="gunicorn workers [README: one per core, at least 2]")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    exit_on_sigterm()
    runs_n = min(max(1, args.runs), 10)
    workers = args.workers or recommended_workers()
    from skill.tester.envelopes import ALEXA_TESTER_APP_ID

    load_before = os.getloadavg()
    try:
        with tempfile.TemporaryDirectory(prefix="voicecart-bench-startup-") as tmp_name:
            tmp = Path(tmp_name)
            catalog_file, db = tmp / "instacart.jsonl", tmp / "instacart.db"
            products = write_catalog_jsonl(catalog_file)
            import_s = import_catalog(catalog_file, db)
            runs = []
            for i in range(runs_n):
                runs.append(one_run(db, workers, tmp / "server.log", ALEXA_TESTER_APP_ID))
                print(f"  run {i + 1}: /healthz after {runs[-1]['healthz_s']:.2f} s, first "
                      f"LaunchRequest answered after {runs[-1]['first_answer_s']:.2f} s "
                      f"(HTTP {runs[-1]['status']})", flush=True)
    except ImportError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    report = {"products": products, "import_s": import_s, "workers": workers, "threads": 4,
              "runs": runs,
              "median_first_answer_s": statistics.median(r["first_answer_s"] for r in runs),
              "median_healthz_s": statistics.median(r["healthz_s"] for r in runs),
              "all_answered": all(r["answered"] for r in runs),
              "python": sys.version.split()[0], "cpus": os.cpu_count(),
              "load_average_before": load_before, "load_average_after": os.getloadavg()}
    print(f"catalog import: {products} products in {import_s:.1f} s (voicecart catalog import)")
    print(f"voicecart serve ({workers} workers) on {report['runs'][0]['products']} products: "
          f"first answered request after {report['median_first_answer_s']:.2f} s (median of "
          f"{runs_n}; /healthz after {report['median_healthz_s']:.2f} s); all answered: "
          f"{report['all_answered']}; server memory (PSS, master + workers) "
          f"{runs[-1]['pss_mb_tree']:.0f} MB")
    write_report(args.out, report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
