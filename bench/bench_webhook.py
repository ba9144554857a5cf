"""Webhook load benchmark: `voicecart serve` against a minimal ask-sdk-core "hello" skill (issues 10, 22).

    python bench/bench_webhook.py [--clients 1,4,16] [--turn-clients 16] [--seconds S]
                                  [--warmup S] [--max-requests N] [--cpu-affinity auto|off]
                                  [--out FILE]

Both servers run side by side, deployed the same way: gunicorn, gthread worker class,
preload_app, W workers (README: one per core, at least 2) x 2 threads (serve's default on
SQLite: skill.server.SQLITE_THREADS), each worker kept on a CPU of its own (serve's
--cpu-affinity auto; `off` to compare), on free loopback ports.
voicecart runs `voicecart serve --dev` (no signature check; timestamp and skill id still
checked) on a temporary database seeded with the demo catalog; the baseline is
bench/hello_skill.py (one handler answering "hello" to everything).

The load generator is a small threaded client in this process: one persistent HTTP/1.1
connection (http.client) per client thread, each sending Alexa AddItemIntent requests with a
fresh requestId and timestamp, an Item slot with ER_SUCCESS_NO_MATCH (so voicecart's own
matcher runs) rotating over 20 demo-catalog items, and its own Alexa userId (renewed every
1,000 requests so carts stay small). For each level (1, 4, 16 concurrent clients) and each
server, in turns: a warm-up, then a measured window of `--seconds` or `--max-requests`,
whichever ends first, in the order hello, voicecart, voicecart, hello (each run half the
window) so that a change in the machine's other load hits both servers alike. Every answer
must be HTTP 200 with response.outputSpeech (and, for voicecart, not the apology): anything
else counts as an error.

Then the same for two more turns, at `--turn-clients` (16): ReadCartIntent ("what's in my
cart", a cart of four lines read back) and CheckoutIntent (the checkout turn: cart, store,
held pickup slot and total read, the confirmation question asked and the pending
confirmation saved; no order is placed, so the cart stays the same from turn to turn). Each
client first sets up its own shopper, outside the measured window: pickup chosen (a slot
held) after four items added.

Reported per server and level: requests/s, latency p50/p95/p99, errors, the servers' CPU time
per request (the gunicorn process tree from /proc, bench.cluster.tree_cpu: user and system time,
and its threads' context switches), the client's own CPU time per request, and
the throughput ratio voicecart / hello. The client runs on the same machine as the servers
(2 cores here): they compete for CPU, which the figures include.

When a target is missed, bench/profile_webhook.py then shows where one request's time goes
(skip with --no-profile). Writes bench/results/webhook.json.
"""
from __future__ import annotations

import argparse
import gc
import http.client
import itertools
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from bench.bench_matcher import percentile  # noqa: E402
from bench.cluster import TreeCpu, tree_cpu  # noqa: E402
from bench.results import write_report  # noqa: E402
from skill.cpu_affinity import MODES  # noqa: E402
from skill.server import SQLITE_THREADS  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "webhook.json"
# issue 22: at 16 clients, for each turn (AddItem, ReadCart, Checkout)
TARGETS = {"throughput_ratio_16": 0.60, "p99_ms_16": 30.0, "server_cpu_ms_per_turn": 1.1}
VOICECART = [sys.executable, "-c", "from skill.cli import main; main()"]
HELLO = [sys.executable, "-m", "bench.hello_skill"]
THREADS = SQLITE_THREADS  # both servers, as `voicecart serve` runs on SQLite
# Demo-catalog items that each resolve to one product (no "did you mean" turn).
ITEMS = ("whole milk", "bananas", "large brown eggs", "two percent milk", "sourdough bread",
         "peanut butter", "cheddar cheese", "greek yogurt", "orange juice", "ground coffee",
         "butter", "chicken breast", "ground beef", "baby carrots", "russet potatoes",
         "yellow onions", "spaghetti", "strawberries", "avocados", "honeycrisp apples")
USER_TURNS = 1000  # a new Alexa user (and session) every N requests per client thread
# The turns measured beyond AddItem, and what each client sends first for its shopper
TURNS = {"ReadCart": "ReadCartIntent", "Checkout": "CheckoutIntent"}
SETUP_ITEMS = ("whole milk", "cheddar cheese", "ground coffee", "chicken breast")
CHECKOUT_ASKS = "place the order"  # the checkout turn must reach the confirmation question
APOLOGY = "something went wrong"
START_TIMEOUT_S = 90
REQUEST_TIMEOUT_S = 10


def exit_on_sigterm() -> None:
    """SIGTERM (run_all.py's time limit, or kill) raises SystemExit, so the `finally` blocks
    that stop the servers run; the servers live in their own process groups."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


def recommended_workers() -> int:
    from skill.server import recommended_workers as rw
    return rw()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- servers -----------------------------------------------------------------------------

@contextmanager
def server(name: str, argv: list[str], port: int, log_path: Path, env: dict[str, str]):
    """Start a server in its own process group, wait for /healthz, always stop the group."""
    log = open(log_path, "wb")
    proc = subprocess.Popen(argv, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=log,
                            stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        started = time.perf_counter()
        wait_healthy(proc, port, log_path)
        yield {"name": name, "port": port, "proc": proc,
               "startup_s": time.perf_counter() - started}
    finally:
        stop(proc)
        log.close()


def wait_healthy(proc: subprocess.Popen, port: int, log_path: Path,
                 timeout_s: float = START_TIMEOUT_S, path: str = "/healthz") -> None:
    deadline = time.monotonic() + timeout_s
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited ({proc.returncode}): "
                               + log_path.read_text(errors="replace")[-2000:])
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", path)
            if conn.getresponse().status == 200:
                conn.close()
                return
            conn.close()
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"server on port {port} not healthy within {timeout_s:.0f} s")
        time.sleep(0.05)


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    except ProcessLookupError:
        proc.wait(timeout=10)


# --- requests ----------------------------------------------------------------------------

def _template(app_id: str, intent: str, slots: dict | None = None) -> str:
    from skill.tester.envelopes import alexa_envelope, alexa_intent_request

    request = alexa_intent_request(intent, slots or {}, request_id="@RID@")
    request["timestamp"] = "@TS@"
    body = alexa_envelope(request, user_id="@UID@", session_id="@SID@", new=False,
                          application_id=app_id)
    return json.dumps(body, separators=(",", ":")).replace('"new":false', '"new":@NEW@')


def _add_item(app_id: str, item: str) -> str:
    from skill.tester.envelopes import alexa_slot

    return _template(app_id, "AddItemIntent", {
        "Item": alexa_slot("Item", item, authority_type="PRODUCT", application_id=app_id),
        "Quantity": alexa_slot("Quantity"), "Unit": alexa_slot("Unit")})


def templates(app_id: str) -> list[str]:
    """One AddItemIntent envelope per item, with placeholders for the per-request fields."""
    return [_add_item(app_id, item) for item in ITEMS]


def turn_templates(app_id: str, turn: str) -> tuple[list[str], list[str]]:
    """(setup, repeated) envelopes of a ReadCart or Checkout client: its shopper adds four
    items (and, for Checkout, chooses pickup at a slot of its own: @DATE@ @TIME@), then asks
    the same turn again and again."""
    from skill.tester.envelopes import alexa_slot

    setup = [_add_item(app_id, item) for item in SETUP_ITEMS]
    if turn == "Checkout":
        setup.append(_template(app_id, "SetFulfillmentIntent", {
            "Method": alexa_slot("Method", "pickup"), "Date": alexa_slot("Date", "@DATE@"),
            "Time": alexa_slot("Time", "@TIME@")}))
    return setup, [_template(app_id, TURNS[turn])]


_slots_taken = itertools.count()


def own_slot() -> tuple[str, str]:
    """A pickup slot no other client of this run holds (the demo store holds each slot for
    one shopper at a time): 09:00 to 20:00 on the 2nd to 5th day from now, store-local."""
    from zoneinfo import ZoneInfo

    k = next(_slots_taken)
    day = datetime.now(ZoneInfo("America/New_York")).date() + timedelta(days=2 + (k // 12) % 4)
    return day.isoformat(), f"{9 + k % 12:02d}:00"


class Client(threading.Thread):
    """One shopper: a persistent connection sending AddItem requests until told to stop."""

    def __init__(self, port: int, tag: str, templates_: list[str], start_at: float,
                 record_from: float, stop_at: float, max_requests: int,
                 setup: Sequence[str] = (), expect: str | None = None,
                 user_turns: int = USER_TURNS) -> None:
        super().__init__(daemon=True)
        self.port, self.tag, self.templates = port, tag, templates_
        self.setup, self.expect = list(setup), expect
        self.slot = own_slot() if setup and expect else ("", "")
        self.start_at, self.record_from, self.stop_at = start_at, record_from, stop_at
        self.max_requests = max_requests
        self.user_turns = max(1, user_turns)
        self.latencies: list[float] = []
        self.ends: list[float] = []
        self.errors: dict[str, int] = {}
        self.unexpected: str | None = None  # the first answer that missed `expect`
        self.sent = 0

    def _body(self, n: int) -> bytes:
        # with a setup, one shopper for the whole run (its cart does not grow)
        user = f"{self.tag}-{n // self.user_turns}" if not self.setup else self.tag
        stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        setup = len(self.setup)
        template = self.setup[n] if n < setup else self.templates[(n - setup) % len(self.templates)]
        text = (template
                .replace("@RID@", f"amzn1.echo-api.request.{uuid.uuid4()}")
                .replace("@TS@", stamp)
                .replace("@UID@", f"amzn1.ask.account.{user}")
                .replace("@SID@", f"amzn1.echo-api.session.{user}")
                .replace("@NEW@", "true" if n % self.user_turns == 0 else "false")
                .replace("@DATE@", self.slot[0]).replace("@TIME@", self.slot[1]))
        return text.encode("utf-8")

    def _error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1

    def run(self) -> None:
        headers = {"Content-Type": "application/json"}
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT_S)
        while time.perf_counter() < self.start_at:
            time.sleep(0.001)
        n = 0
        try:
            while len(self.latencies) < self.max_requests:
                body = self._body(n)
                n += 1
                t0 = time.perf_counter()
                if t0 >= self.stop_at:
                    break
                setting_up = n <= len(self.setup)
                try:
                    conn.request("POST", "/alexa", body, headers)
                    resp = conn.getresponse()
                    data = resp.read()
                    status = resp.status
                except (OSError, http.client.HTTPException) as exc:
                    self._error(type(exc).__name__)
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", self.port,
                                                      timeout=REQUEST_TIMEOUT_S)
                    continue
                t1 = time.perf_counter()
                self.sent += 1
                if status != 200:
                    self._error(f"http {status}")
                else:
                    try:
                        speech = json.dumps(json.loads(data)["response"]["outputSpeech"])
                        if APOLOGY in speech:
                            self._error("apology")
                        elif self.expect and not setting_up and self.expect not in speech:
                            self._error("unexpected answer")
                            self.unexpected = self.unexpected or speech[:300]
                    except (ValueError, KeyError, TypeError):
                        self._error("no outputSpeech")
                if t0 >= self.record_from and not setting_up:
                    self.latencies.append((t1 - t0) * 1000)
                    self.ends.append(t1)
        finally:
            conn.close()


def run_level(port: int, tag: str, templates_: list[str], clients: int, warmup_s: float,
              seconds: float, max_requests: int, server_pid: int, setup: Sequence[str] = (),
              expect: str | None = None) -> dict:
    """One measured run: `clients` threads, a warm-up, then `seconds` or `max_requests`.
    Each client sends `setup` first (never measured), and checks answers hold `expect`."""
    start_at = time.perf_counter() + 0.2
    record_from = start_at + warmup_s
    stop_at = record_from + seconds
    per_client = max(1, max_requests // clients)
    threads = [Client(port, f"{tag}-c{clients}-t{i}", templates_, start_at, record_from, stop_at,
                      per_client, setup, expect) for i in range(clients)]
    for t in threads:
        t.start()
    while time.perf_counter() < record_from:
        time.sleep(0.01)
    cpu_server0, cpu_client0 = tree_cpu(server_pid), time.process_time()
    for t in threads:
        t.join(timeout=seconds + warmup_s + REQUEST_TIMEOUT_S + 5)
    cpu_server, cpu_client = tree_cpu(server_pid) - cpu_server0, time.process_time() - cpu_client0
    ends = [x for t in threads for x in t.ends]
    errors: dict[str, int] = {}
    for t in threads:
        for k, v in t.errors.items():
            errors[k] = errors.get(k, 0) + v
    return {"latencies": [x for t in threads for x in t.latencies],
            "window_s": (max(ends) - record_from) if ends else seconds,
            "cpu_server": cpu_server, "cpu_client_s": cpu_client, "errors": errors,
            "sent": sum(t.sent for t in threads), "stuck": sum(t.is_alive() for t in threads),
            "unexpected": next((t.unexpected for t in threads if t.unexpected), None)}


def summarize(clients: int, runs: list[dict]) -> dict:
    """Figures of one server at one level over its runs (requests / summed windows)."""
    latencies = [x for r in runs for x in r["latencies"]]
    window = sum(r["window_s"] for r in runs)
    errors: dict[str, int] = {}
    for r in runs:
        for k, v in r["errors"].items():
            errors[k] = errors.get(k, 0) + v
    n = len(latencies)
    server = sum((r["cpu_server"] for r in runs), TreeCpu())
    cpu_client = sum(r["cpu_client_s"] for r in runs)

    def per_request(value: float, scale: float = 1000.0) -> float:
        return value * scale / n if n else float("nan")
    return {"clients": clients, "requests": n, "window_s": window, "runs": len(runs),
            "rps": n / window if window > 0 else 0.0,
            "rps_per_run": [len(r["latencies"]) / r["window_s"] if r["window_s"] > 0 else 0.0
                            for r in runs],
            "p50_ms": percentile(latencies, 50), "p95_ms": percentile(latencies, 95),
            "p99_ms": percentile(latencies, 99), "max_ms": max(latencies, default=float("nan")),
            "mean_ms": statistics.fmean(latencies) if latencies else float("nan"),
            "errors": errors, "error_count": sum(errors.values()),
            "total_sent": sum(r["sent"] for r in runs),
            "unexpected_answer": next((r["unexpected"] for r in runs if r["unexpected"]), None),
            "stuck_threads": sum(r["stuck"] for r in runs),
            "server_cpu_ms_per_request": per_request(server.cpu_s),
            # where the server's CPU goes: the kernel's share is SQLite's I/O and locks and
            # the sockets; switches show waits (the GIL, locks) and preemption
            "server_user_ms_per_request": per_request(server.user_s),
            "server_system_ms_per_request": per_request(server.system_s),
            "server_switches_per_request": {"voluntary": per_request(server.voluntary, 1.0),
                                            "involuntary": per_request(server.involuntary, 1.0)},
            "client_cpu_ms_per_request": per_request(cpu_client)}


def run_profile(out: Path) -> dict | None:
    """bench/profile_webhook.py in a child process (it patches the modules it times)."""
    print("target missed: where an AddItem request spends its time (bench/profile_webhook.py)",
          flush=True)
    try:
        subprocess.run([sys.executable, str(ROOT / "bench" / "profile_webhook.py"),
                        "--out", str(out)], cwd=ROOT, check=True, timeout=180,
                       start_new_session=True)
        return json.loads(out.read_text(encoding="utf-8"))
    except (subprocess.SubprocessError, OSError, ValueError) as exc:
        print(f"profile failed: {exc}", file=sys.stderr)
        return None


# --- report ------------------------------------------------------------------------------

def top_levels(levels: list[dict]) -> dict[str, dict]:
    """Per turn, its level with the most clients (where the targets apply)."""
    tops: dict[str, dict] = {}
    for lv in levels:
        turn = lv.get("turn", "AddItem")
        if turn not in tops or lv["clients"] >= tops[turn]["clients"]:
            tops[turn] = lv
    return tops


def checks(report: dict) -> list[tuple[str, float, float, str]]:
    out = []
    for turn, top in top_levels(report["levels"]).items():
        c = top["clients"]
        out += [(f"{turn}: throughput ratio voicecart/hello at {c} clients", top["ratio"],
                 TARGETS["throughput_ratio_16"], ">="),
                (f"{turn}: voicecart p99 ms at {c} clients", top["voicecart"]["p99_ms"],
                 TARGETS["p99_ms_16"], "<="),
                (f"{turn}: voicecart server CPU ms per turn at {c} clients",
                 top["voicecart"]["server_cpu_ms_per_request"],
                 TARGETS["server_cpu_ms_per_turn"], "<=")]
    return out


def verdict(report: dict) -> list[str]:
    out = []
    for name, got, want, op in checks(report):
        ok = got >= want if op == ">=" else got <= want
        out.append(f"{'met ' if ok else 'MISS'} {name}: {got:.3g} (target {op} {want})")
    errors = sum(lv[s]["error_count"] for lv in report["levels"] for s in ("hello", "voicecart"))
    out.append(f"{'met ' if errors == 0 else 'MISS'} errors (non-200, no outputSpeech, apology, "
               f"connection): {errors}")
    return out


def _user_sys(m: dict) -> str:
    return f"{m['server_user_ms_per_request']:.2f}/{m['server_system_ms_per_request']:.2f}"


def _switches(m: dict) -> str:
    switches = m["server_switches_per_request"]
    return f"{switches['voluntary']:.1f}+{switches['involuntary']:.1f}"


def table(report: dict) -> str:
    head = (f"{'turn':>8} {'clients':>7} {'server':>9} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
            f"{'max ms':>7} {'errors':>6} {'srv CPU ms/req':>14} {'user/sys':>11} "
            f"{'switches/req':>12} {'cli CPU ms/req':>14}")
    lines = [f"gunicorn gthread, {report['workers']} workers x {report['threads']} threads, "
             f"preload, cpu affinity {report.get('cpu_affinity', 'off')}; load generator on the same {report['cpus']}-core machine (shares the CPUs)",
             head, "-" * len(head)]
    for lv in report["levels"]:
        for name in ("hello", "voicecart"):
            m = lv[name]
            lines.append(f"{lv.get('turn', 'AddItem'):>8} {lv['clients']:>7} {name:>9} {m['rps']:8.0f} {m['p50_ms']:7.2f} "
                         f"{m['p95_ms']:7.2f} {m['p99_ms']:7.2f} {m['max_ms']:7.1f} "
                         f"{m['error_count']:>6} {m['server_cpu_ms_per_request']:14.2f} "
                         f"{_user_sys(m):>11} {_switches(m):>12} "
                         f"{m['client_cpu_ms_per_request']:14.2f}")
        lines.append(f"{lv.get('turn', 'AddItem'):>8} {lv['clients']:>7} {'ratio':>9} "
                     f"{lv['ratio']:8.0%}  (voicecart req/s / hello req/s)")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", default="1,4,16", help="concurrency levels, comma-separated")
    parser.add_argument("--turn-clients", default="16",
                        help="levels for the ReadCart and Checkout turns ('' skips them)")
    parser.add_argument("--seconds", type=float, default=10.0, help="measured window per level")
    parser.add_argument("--warmup", type=float, default=1.0, help="warm-up before each run")
    parser.add_argument("--max-requests", type=int, default=20000,
                        help="measured requests per level and server, at most")
    parser.add_argument("--workers", type=int, default=None,
                        help="gunicorn workers for both servers [README: one per core, >= 2]")
    parser.add_argument("--threads", type=int, default=THREADS,
                        help="gunicorn threads per worker for both servers")
    parser.add_argument("--cpu-affinity", choices=MODES, default="auto",
                        help="both servers' workers kept on a CPU each (auto, serve's default) "
                             "or left to the scheduler (off)")
    parser.add_argument("--no-profile", dest="profile", action="store_false",
                        help="on a missed target, do not run bench/profile_webhook.py")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    exit_on_sigterm()
    threads = min(max(1, args.threads), 64)
    levels = [int(x) for x in args.clients.split(",") if x.strip()]
    turn_levels = [int(x) for x in args.turn_clients.split(",") if x.strip()]
    seconds = min(max(1.0, args.seconds), 60.0)
    warmup = min(max(0.0, args.warmup), 30.0)
    workers = args.workers or recommended_workers()
    from skill.tester.envelopes import ALEXA_TESTER_APP_ID

    load_before = os.getloadavg()
    report: dict = {"targets": TARGETS, "workers": workers, "threads": threads,
                    "cpu_affinity": args.cpu_affinity,
                    "cpus": os.cpu_count(), "seconds": seconds, "warmup_s": warmup,
                    "max_requests": args.max_requests, "items": list(ITEMS),
                    "load_generator": "threaded http.client, persistent connections, same machine",
                    "verification": "voicecart serve --dev: Alexa signature check off (as for "
                                    "virtual-alexa); timestamp and skill id checked",
                    "levels": []}
    with tempfile.TemporaryDirectory(prefix="voicecart-bench-webhook-") as tmp_name:
        tmp = Path(tmp_name)
        env = {**os.environ, "VOICECART_ALEXA_SKILL_ID": ALEXA_TESTER_APP_ID,
               "PYTHONPATH": str(ROOT)}
        env.pop("VOICECART_DEV", None)
        db = tmp / "demo.db"
        vc_port, hello_port = free_port(), free_port()
        vc_argv = [*VOICECART, "serve", "--dev", "--host", "127.0.0.1", "--port", str(vc_port),
                   "--workers", str(workers), "--threads", str(threads), "--db", str(db),
                   "--cpu-affinity", args.cpu_affinity]
        hello_argv = [*HELLO, "--host", "127.0.0.1", "--port", str(hello_port),
                      "--workers", str(workers), "--threads", str(threads),
                      "--cpu-affinity", args.cpu_affinity]
        body_templates = templates(ALEXA_TESTER_APP_ID)
        with server("voicecart", vc_argv, vc_port, tmp / "voicecart.log", env) as vc, \
                server("hello", hello_argv, hello_port, tmp / "hello.log", env) as hello:
            report["startup_s"] = {"voicecart": vc["startup_s"], "hello": hello["startup_s"]}
            gc.collect()
            gc.freeze()  # the client's own collector pauses stay out of the latencies
            try:
                plan = [("AddItem", clients, body_templates, (), None) for clients in levels]
                for turn in TURNS:
                    setup, repeated = turn_templates(ALEXA_TESTER_APP_ID, turn)
                    expect = CHECKOUT_ASKS if turn == "Checkout" else None
                    plan += [(turn, clients, repeated, setup, expect) for clients in turn_levels]
                for turn, clients, bodies, setup, expect in plan:
                    # A B B A: each server measured twice, half the window each time, so a
                    # change in the machine's other load during the level hits both alike
                    runs: dict[str, list[dict]] = {"hello": [], "voicecart": []}
                    for srv in (hello, vc, vc, hello):
                        runs[srv["name"]].append(run_level(
                            srv["port"], f"bench-{srv['name']}-{uuid.uuid4().hex[:6]}",
                            bodies, clients, warmup, seconds / 2, args.max_requests // 2,
                            srv["proc"].pid, setup,
                            expect if srv["name"] == "voicecart" else None))
                    level: dict = {"turn": turn, "clients": clients,
                                   **{name: summarize(clients, r) for name, r in runs.items()}}
                    level["ratio"] = (level["voicecart"]["rps"] / level["hello"]["rps"]
                                      if level["hello"]["rps"] else float("nan"))
                    report["levels"].append(level)
                    print(f"  {turn:>8} {clients:>2} clients: hello {level['hello']['rps']:.0f} "
                          f"req/s, voicecart {level['voicecart']['rps']:.0f} req/s "
                          f"(p99 {level['voicecart']['p99_ms']:.1f} ms, "
                          f"{level['voicecart']['server_cpu_ms_per_request']:.2f} ms CPU)",
                          flush=True)
            finally:
                gc.unfreeze()
            report["server_log_tail"] = (tmp / "voicecart.log").read_text(errors="replace")[-1500:]
    report.update(verdict=verdict(report), python=sys.version.split()[0],
                  load_average_before=load_before, load_average_after=os.getloadavg())
    print(table(report))
    print("\n".join(report["verdict"]))
    if args.profile and any(v.startswith("MISS") for v in report["verdict"]):
        report["profile"] = run_profile(args.out.parent / "profile.json")
    write_report(args.out, report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
