"""Several nodes (issue 20): one `voicecart serve` node against two behind nginx on PostgreSQL,
and one node on SQLite beside one on PostgreSQL, all through the same HTTP path.

    python bench/bench_nodes.py [--clients 16] [--seconds 8] [--workers 2] [--quick]
                                [--catalog demo|instacart] [--pg ADMIN_URL] [--out FILE]

Three fronts run side by side, each nginx as `voicecart deploy nginx-config` writes it
(round-robin, no stickiness) on a free loopback port:

  sqlite x1      nginx -> node S (a SQLite file)
  postgresql x1  nginx -> node A (a scratch PostgreSQL database, dropped afterwards)
  postgresql x2  nginx -> nodes A and B (the same database)

Every node is `voicecart serve --dev` (no Alexa signature check; timestamp and skill id still
checked), `--workers` x 4 threads. Each front first takes `--warmup` x 2 seconds of AddItem
turns unmeasured (a node's first matches fault in the index and decode its records: seconds
with the 50k catalog, so use `--warmup 5` there). The clients are bench_webhook's: one
persistent HTTP/1.1 connection each, Alexa AddItemIntent turns (a new shopper every 25 turns,
so many shoppers) and then ReadCartIntent turns (each client's shopper reads back a cart of
four lines). Each
turn is measured on the three fronts in the order x1 sqlite, x1 pg, x2 pg, x2 pg, x1 pg,
x1 sqlite, half the window each time, so that a change in the machine's other load hits all
three alike; with two nodes, consecutive turns of one shopper land on different nodes.

Reported per front and turn: req/s, p50/p99, errors (non-200, no outputSpeech, the
apology, connection errors), and the CPU time each node used (utime+stime of its gunicorn
master and workers, /proc/<pid>/stat), nginx's, the PostgreSQL backends serving the scratch
database (found in pg_stat_activity) and the client's own; then each node's memory (PSS of
master and workers, /proc/<pid>/smaps_rollup) at start and after the run, and the
connections the PostgreSQL nodes hold. On a 2-core machine the
client, nginx, PostgreSQL and both nodes share the two cores: the scale factor from one node
to two is bounded by that, not by voicecart. Writes bench/results/nodes.json.
"""
from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from contextlib import ExitStack, closing
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from bench.bench_matcher import percentile  # noqa: E402
from bench.bench_webhook import REQUEST_TIMEOUT_S, Client, exit_on_sigterm, templates, \
    turn_templates  # noqa: E402
from bench.cluster import VOICECART, cpu_seconds, find_program, process_tree, running_nginx, \
    postgres_unreachable, running_server, scratch_postgres_database, tree_pss_mb  # noqa: E402
from bench.results import write_report  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "nodes.json"
TURNS = ("AddItem", "ReadCart")
SHOPPER_TURNS = 25  # AddItem clients take a new shopper (cart, session) every N turns
BOUND_NOTE = ("on {cpus} cores the client, nginx, PostgreSQL and both nodes share the CPUs: "
              "the scale factor from one node to two is bounded by them, not by voicecart")


@dataclass
class Front:
    """One nginx and the nodes behind it, and what to read their CPU time from."""
    name: str
    port: int = 0
    nginx_pid: int = 0
    nodes: dict[str, int] = field(default_factory=dict)  # node name -> gunicorn master pid
    database: str | None = None  # the PostgreSQL database its nodes use


# --- measuring ---------------------------------------------------------------------------

class PgBackends:
    """CPU of the PostgreSQL backend processes serving one database (the machine's other
    databases and the server's background processes are left out)."""

    def __init__(self, admin_url: str | None) -> None:
        self.conn = None
        if admin_url:
            import psycopg
            self.conn = psycopg.connect(admin_url, autocommit=True, connect_timeout=5)

    def pids(self, database: str | None) -> list[int]:
        if self.conn is None or database is None:
            return []
        rows = self.conn.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s",
                                 (database,)).fetchall()
        return [r[0] for r in rows]

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


def cpu_snapshot(front: Front, pg: PgBackends) -> dict:
    """Per node, nginx and PostgreSQL backend: {pid: CPU seconds} at this moment."""
    snap = {name: cpu_seconds(process_tree(pid)) for name, pid in front.nodes.items()}
    snap["nginx"] = cpu_seconds(process_tree(front.nginx_pid))
    snap["postgresql"] = cpu_seconds(pg.pids(front.database))
    return snap


def cpu_used(before: dict, after: dict) -> dict[str, float]:
    """CPU seconds per part between two snapshots; a process born in between counts whole."""
    return {part: sum(t - before[part].get(pid, 0.0) for pid, t in pids.items())
            for part, pids in after.items()}


def measure(front: Front, pg: PgBackends, bodies: list[str], setup: Sequence[str],
            clients: int, warmup_s: float, seconds: float) -> dict:
    """One measured run of `clients` threads against a front."""
    start_at = time.perf_counter() + 0.2
    record_from = start_at + warmup_s
    tag = f"nodes-{uuid.uuid4().hex[:8]}"
    threads = [Client(front.port, f"{tag}-t{i}", bodies, start_at, record_from,
                      record_from + seconds, 10**6, setup, None, user_turns=SHOPPER_TURNS)
               for i in range(clients)]
    for t in threads:
        t.start()
    while time.perf_counter() < record_from:
        time.sleep(0.01)
    before, client0 = cpu_snapshot(front, pg), time.process_time()
    for t in threads:
        t.join(timeout=seconds + warmup_s + REQUEST_TIMEOUT_S + 5)
    used = cpu_used(before, cpu_snapshot(front, pg))
    used["client"] = time.process_time() - client0
    ends = [x for t in threads for x in t.ends]
    errors: dict[str, int] = {}
    for t in threads:
        for kind, n in t.errors.items():
            errors[kind] = errors.get(kind, 0) + n
    return {"latencies": [x for t in threads for x in t.latencies], "cpu_s": used,
            "window_s": (max(ends) - record_from) if ends else seconds, "errors": errors}


def summarize(front: Front, runs: list[dict]) -> dict:
    latencies = [x for r in runs for x in r["latencies"]]
    window = sum(r["window_s"] for r in runs)
    n = len(latencies)
    cpu = {part: sum(r["cpu_s"].get(part, 0.0) for r in runs) for part in runs[0]["cpu_s"]}
    errors: dict[str, int] = {}
    for r in runs:
        for kind, count in r["errors"].items():
            errors[kind] = errors.get(kind, 0) + count
    return {"requests": n, "window_s": window, "rps": n / window if window > 0 else 0.0,
            "p50_ms": percentile(latencies, 50), "p99_ms": percentile(latencies, 99),
            "errors": errors, "error_count": sum(errors.values()),
            "nodes": list(front.nodes),
            "cpu_s": cpu,
            # share of one core over the measured window, per part
            "cpu_core_share": {part: s / window if window > 0 else 0.0 for part, s in cpu.items()},
            "cpu_ms_per_turn": {part: s * 1000 / n if n else float("nan")
                                for part, s in cpu.items()}}


# --- setting up ----------------------------------------------------------------------------

def load_catalog(kind: str, folder: Path, dbs: list[str]) -> str:
    """`demo`: nothing to do (`serve` seeds an empty database). `instacart`: the 49,688
    products imported into each database with `voicecart catalog import`."""
    if kind == "demo":
        return "demo catalog"
    import subprocess

    from bench.bench_parser import write_catalog_jsonl
    catalog = folder / "instacart.jsonl"
    count = write_catalog_jsonl(catalog)
    for db in dbs:
        subprocess.run([*VOICECART, "catalog", "import", str(catalog), "--db", db], cwd=ROOT,
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       timeout=600, start_new_session=True)
    return f"Instacart catalog, {count} products"


def run(args: argparse.Namespace, report: dict) -> None:
    from skill.tester.envelopes import ALEXA_TESTER_APP_ID

    nginx = find_program("nginx")
    if nginx is None:
        report["skipped"] = "nginx is not installed (Debian package nginx; `make test` installs it)"
        return
    why = postgres_unreachable(args.pg)
    admin = None if why else args.pg
    report["postgresql_skipped"] = why
    env = {"VOICECART_ALEXA_SKILL_ID": ALEXA_TESTER_APP_ID, "PYTHONPATH": str(ROOT)}
    node_args = ("--dev", "--threads", str(args.threads))
    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="voicecart-nodes-")))
        pg = stack.enter_context(closing(PgBackends(admin)))
        pg_url = (stack.enter_context(scratch_postgres_database(admin, "voicecart_bench_nodes"))
                  if admin else None)
        sqlite = str(tmp / "bench.db")
        report["catalog"] = load_catalog(args.catalog, tmp, [sqlite] + ([pg_url] if pg_url else []))
        fronts: list[Front] = []
        masters: dict[str, int] = {}
        started = time.perf_counter()

        def node(name: str, db: str) -> str:
            base, proc = stack.enter_context(running_server(
                db, *node_args, env=env, workers=args.workers, log_path=tmp / f"{name}.log"))
            masters[name] = proc.pid
            return base.removeprefix("http://")

        def front(name: str, upstreams: dict[str, str], database: str | None) -> None:
            f = Front(name, database=database, nodes={n: masters[n] for n in upstreams})
            base = stack.enter_context(running_nginx(
                list(upstreams.values()), tmp / name.replace(" ", "-"), nginx=nginx,
                on_start=lambda proc: setattr(f, "nginx_pid", proc.pid)))
            f.port = int(base.rsplit(":", 1)[1])
            fronts.append(f)

        s = node("node S", sqlite)
        front("sqlite x1", {"node S": s}, None)
        if pg_url:
            a = node("node A", pg_url)
            b = node("node B", pg_url)
            database = pg_url.rsplit("/", 1)[1]
            front("postgresql x1", {"node A": a}, database)
            front("postgresql x2", {"node A": a, "node B": b}, database)
        report["startup_s"] = time.perf_counter() - started
        report["memory_at_start_mb"] = {name: tree_pss_mb(pid) for name, pid in masters.items()}
        report["turns"] = {}
        gc.collect()
        gc.freeze()  # the client's own collector pauses stay out of the latencies
        try:
            # Every node's first matches are slow (index pages faulted in, records decoded:
            # seconds with the 50k catalog): each front takes AddItem turns, unmeasured,
            # before any front is measured, so node B is as warm as node A
            for f in fronts:
                measure(f, pg, templates(ALEXA_TESTER_APP_ID), (), args.clients, 0.0,
                        args.warmup * 2)
            for turn in TURNS:
                if turn == "AddItem":
                    setup, bodies = (), templates(ALEXA_TESTER_APP_ID)
                else:
                    setup, bodies = turn_templates(ALEXA_TESTER_APP_ID, turn)
                runs: dict[str, list[dict]] = {f.name: [] for f in fronts}
                for f in fronts + fronts[::-1]:
                    runs[f.name].append(measure(f, pg, bodies, setup, args.clients, args.warmup,
                                                args.seconds / 2))
                report["turns"][turn] = {f.name: summarize(f, runs[f.name]) for f in fronts}
                print(f"  {turn}: " + ", ".join(
                    f"{name} {r['rps']:.0f} req/s" for name, r in report["turns"][turn].items()),
                      flush=True)
        finally:
            gc.unfreeze()
        report["memory_mb"] = {name: tree_pss_mb(pid) for name, pid in masters.items()}
        if pg_url:
            report["postgresql_connections"] = len(pg.pids(pg_url.rsplit("/", 1)[1]))


# --- report --------------------------------------------------------------------------------

def scale_factors(report: dict) -> dict[str, float]:
    """req/s with two PostgreSQL nodes over req/s with one, per turn."""
    out = {}
    for turn, fronts in report.get("turns", {}).items():
        one, two = fronts.get("postgresql x1"), fronts.get("postgresql x2")
        if one and two and one["rps"]:
            out[turn] = two["rps"] / one["rps"]
    return out


def table(report: dict) -> str:
    if "skipped" in report:
        return f"nodes benchmark skipped: {report['skipped']}"
    head = (f"{'turn':<9} {'front':<14} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'errors':>6}  "
            f"CPU, % of one core (ms per turn)")
    lines = [f"{report['catalog']}; each node gunicorn {report['workers']} workers x "
             f"{report['threads']} threads; {report['clients']} clients through nginx", head,
             "-" * 100]
    for turn, fronts in report["turns"].items():
        for name, r in fronts.items():
            parts = [*r["nodes"], "nginx", "postgresql", "client"]
            cpu = ", ".join(f"{p} {r['cpu_core_share'][p] * 100:.0f}% ({r['cpu_ms_per_turn'][p]:.2f})"
                            for p in parts if not (p == "postgresql" and name.startswith("sqlite")))
            lines.append(f"{turn:<9} {name:<14} {r['rps']:7.0f} {r['p50_ms']:7.1f} "
                         f"{r['p99_ms']:7.1f} {r['error_count']:>6}  {cpu}")
    for turn, factor in scale_factors(report).items():
        lines.append(f"scale factor, {turn}: two nodes / one node = {factor:.2f}x")
    if report.get("postgresql_skipped"):
        lines.append(f"postgresql: skipped ({report['postgresql_skipped']})")
    for when, key in (("at start", "memory_at_start_mb"), ("after the run", "memory_mb")):
        memory = ", ".join(f"{name} {m['total_mb']:.0f} MB (master {m['master_mb']:.0f}, workers "
                           + " + ".join(f"{w:.0f}" for w in m["workers_mb"]) + ")"
                           for name, m in report[key].items())
        lines.append(f"memory (PSS) {when}: {memory}")
    if "postgresql_connections" in report:
        lines.append(f"PostgreSQL connections to the bench database after the run (nodes A and "
                     f"B): {report['postgresql_connections']}")
    lines.append("note: " + BOUND_NOTE.format(cpus=report["cpus"]))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients per run")
    parser.add_argument("--seconds", type=float, default=8.0,
                        help="measured window per turn and front (two halves)")
    parser.add_argument("--warmup", type=float, default=1.0,
                        help="warm-up before each half; every front first takes twice this")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per node")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker")
    parser.add_argument("--catalog", choices=("demo", "instacart"), default="demo",
                        help="the demo catalog, or the 49,688 Instacart products (bench extra)")
    parser.add_argument("--quick", action="store_true",
                        help="a smoke run: 2 clients, 1 s per turn and front, 0.2 s warm-ups")
    parser.add_argument("--pg", default=os.environ.get(
        "VOICECART_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres"),
                        help="PostgreSQL admin URL (creates and drops a scratch database)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if args.quick:
        args.clients, args.seconds, args.warmup = 2, 1.0, 0.2
    args.clients = min(max(1, args.clients), 64)
    args.seconds = min(max(0.5, args.seconds), 120.0)
    args.warmup = min(max(0.0, args.warmup), 30.0)
    exit_on_sigterm()
    report: dict = {"clients": args.clients, "seconds": args.seconds, "warmup_s": args.warmup,
                    "workers": args.workers, "threads": args.threads, "cpus": os.cpu_count(),
                    "shopper_turns": SHOPPER_TURNS, "load_average_before": os.getloadavg(),
                    "note": BOUND_NOTE.format(cpus=os.cpu_count())}
    run(args, report)
    report["scale_factor"] = scale_factors(report)
    report["load_average_after"] = os.getloadavg()
    print(table(report))
    write_report(args.out, report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
