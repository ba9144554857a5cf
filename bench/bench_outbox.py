"""Order-event delivery benchmark (issue 19).

    python bench/bench_outbox.py [--orders N] [--events N] [--out FILE]

1. Commit to delivery at an idle receiver: one order at a time is placed (through the cart
   services, on a real SQLite file) and the time from its commit to the moment the receiver
   holds the verified event is measured, p50/p99, for a dispatcher
   - in the same process as the commit (a `serve` worker that took the order: it is woken
     at once), and
   - in another process (`voicecart outbox run`, or another worker: it finds the event by
     polling every 0.1 s).
2. Throughput: N events are committed at once and a `voicecart outbox run` process delivers
   them to a fast receiver (verifies the signature with standardwebhooks, answers 204);
   events per second from the commit to the last arrival.

The receiver is a threaded http.server on a free 127.0.0.1 port in this process.
Writes bench/results/outbox.json.
"""
from __future__ import annotations

import argparse
import base64
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_webhook import exit_on_sigterm, stop  # noqa: E402
from bench.results import write_report  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "outbox.json"
VOICECART = [sys.executable, "-c", "from skill.cli import main; main()"]
SECRET = "whsec_" + base64.b64encode(b"bench-outbox-secret-0123456789abc").decode()


class Receiver:
    def __init__(self) -> None:
        from standardwebhooks.webhooks import Webhook
        self.arrivals: dict[str, float] = {}
        self.errors = 0
        self.cond = threading.Condition()
        key = Webhook(SECRET)
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                try:
                    key.verify(raw, {k.lower(): v for k, v in self.headers.items()},
                               json_parse=False)
                    ok = True
                except Exception:
                    ok = False
                with receiver.cond:
                    if ok:
                        receiver.arrivals.setdefault(self.headers["webhook-id"], time.monotonic())
                    else:
                        receiver.errors += 1
                    receiver.cond.notify_all()
                self.send_response(204 if ok else 401)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def wait(self, ids: set[str], timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self.cond:
            while not ids <= self.arrivals.keys():
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self.cond.wait(left)
        return True


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return {"samples": len(samples), "p50_ms": statistics.median(ordered) * 1000,
            "p99_ms": pick(0.99) * 1000, "max_ms": ordered[-1] * 1000}


def _app(db: Path, receiver: Receiver, *, dispatcher: bool):
    from skill.app import create_app
    from skill.config import Config
    config = Config(db_path=db, dev=True, webhook_url=receiver.url, webhook_secret=SECRET,
                    outbox_dispatcher=dispatcher)
    return create_app(config).extensions["voicecart"]


def _place(runtime, user: str):
    from cart import services
    from cart.checkout import checkout_summary, place_order
    now = datetime.now(timezone.utc)
    repo = runtime.carts()
    for product in [p for p in runtime.matchers.current().products if p.in_stock][:2]:
        services.add_item(repo, user, product, 6, None, now=now)
    services.choose_fulfillment(repo, user, "pickup", now=now)
    return place_order(repo, user, checkout_summary(repo, user).submission_key, now=now).order


def _event_ids(runtime, order_id: str) -> set[str]:
    return {e.id for e in runtime.outbox().list() if e.order_id == order_id}


def _latency(runtime, receiver: Receiver, orders: int, tag: str) -> dict[str, float]:
    samples = []
    for n in range(orders):
        order = _place(runtime, f"{tag}-{n}")
        committed = time.monotonic()
        ids = _event_ids(runtime, order.id)
        if not receiver.wait(ids, 30):
            raise RuntimeError("an event was not delivered within 30 s")
        samples.append(max(receiver.arrivals[i] for i in ids) - committed)
        time.sleep(0.02 + (n % 7) * 0.01)  # idle between orders, not in step with the poll
    return _percentiles(samples)


def _outbox_run(db: Path, receiver: Receiver) -> subprocess.Popen:
    env = {**os.environ, "VOICECART_WEBHOOK_URL": receiver.url,
           "VOICECART_WEBHOOK_SECRET": SECRET}
    return subprocess.Popen([*VOICECART, "outbox", "run", "--dev", "--db", str(db)], env=env,
                            cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def _throughput(runtime, receiver: Receiver, events: int, orders: int = 20) -> dict[str, float]:
    """`events` order.changed events spread over `orders` orders, committed at once."""
    from cart.outbox.events import ORDER_CHANGED, order_event
    placed = [_place(runtime, f"throughput-{n}") for n in range(orders)]
    receiver.wait(set().union(*(_event_ids(runtime, o.id) for o in placed)), 60)
    now = datetime.now(timezone.utc)
    batch = [order_event(ORDER_CHANGED, placed[n % orders], now) for n in range(events)]
    repo = runtime.carts()
    with repo.transaction():
        for event in batch:
            repo.record_event(event)
    committed = time.monotonic()
    ids = {e.id for e in batch}
    if not receiver.wait(ids, 300):
        raise RuntimeError("not every event arrived within 300 s")
    elapsed = max(receiver.arrivals[i] for i in ids) - committed
    return {"events": events, "orders": orders, "seconds": elapsed,
            "events_per_s": events / elapsed}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orders", type=int, default=100, help="orders per latency run")
    parser.add_argument("--events", type=int, default=2000, help="events for the throughput run")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    exit_on_sigterm()
    receiver = Receiver()
    result: dict = {"orders": args.orders}
    with tempfile.TemporaryDirectory(prefix="voicecart-outbox-bench-") as tmp:
        same = _app(Path(tmp) / "same.db", receiver, dispatcher=True)
        same.start_background()
        result["same_process"] = _latency(same, receiver, args.orders, "same")
        print(f"commit -> delivery, dispatcher in the same process: {result['same_process']}")

        db = Path(tmp) / "other.db"
        other = _app(db, receiver, dispatcher=False)
        proc = _outbox_run(db, receiver)
        try:
            _latency(other, receiver, 3, "warm-up")
            result["other_process"] = _latency(other, receiver, args.orders, "other")
            print(f"commit -> delivery, dispatcher in another process: {result['other_process']}")
            result["throughput"] = _throughput(other, receiver, args.events)
            print(f"throughput to a fast receiver: {result['throughput']}")
        finally:
            stop(proc)
    result["receiver_signature_errors"] = receiver.errors
    write_report(args.out, result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
