"""Test helpers for the order-event outbox (importable as `webhook_kit`): a real HTTP receiver
on 127.0.0.1 that verifies every request with the standardwebhooks package's own
`Webhook.verify` and misbehaves on request, and a way to place real orders on a database.
"""
from __future__ import annotations

import base64
import json
import threading
import time
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from standardwebhooks.webhooks import Webhook

SECRET = "whsec_" + base64.b64encode(b"outbound-test-secret-0123456789ab").decode()
INBOUND_SECRET = "whsec_" + base64.b64encode(b"inbound-test-secret-abcdefghijkl").decode()


class Receiver:
    """`plan` is a list of behaviours consumed one per request, then "ok" for the rest:
    "ok" (204), "500", "slow" (answers 200 after `slow_seconds`), "hang" (answers after
    `hang_seconds`, past the sender's timeout), "drop" (closes the connection unanswered)."""

    def __init__(self, secret: str = SECRET, port: int = 0) -> None:
        self.secret = secret
        self.plan: list[str] = []
        self.slow_seconds = 0.05
        self.hang_seconds = 1.5
        self.received: list[dict[str, Any]] = []   # verified deliveries answered 2xx
        self.attempts: list[dict[str, Any]] = []   # every request, whatever the answer
        self.bad_signatures = 0
        # requests cut short: fewer body bytes than their Content-Length, then the end of the
        # connection (a sender killed between its header and body writes: http.client sends
        # them apart). No signature to judge, and never a delivery: the sender retries
        self.torn = 0
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                raw = self.rfile.read(length)
                if len(raw) < length:
                    with receiver._lock:
                        receiver.torn += 1
                    self.close_connection = True
                    return
                headers = {k.lower(): v for k, v in self.headers.items()}
                with receiver._lock:
                    action = receiver.plan.pop(0) if receiver.plan else "ok"
                try:
                    payload = Webhook(receiver.secret).verify(raw, headers)
                except Exception:
                    with receiver._lock:
                        receiver.bad_signatures += 1
                    self._answer(401)
                    return
                record = {"id": headers["webhook-id"], "timestamp": headers["webhook-timestamp"],
                          "payload": payload, "raw": raw, "action": action}
                with receiver._lock:
                    receiver.attempts.append(record)
                if action == "drop":
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                if action == "500":
                    self._answer(500)
                    return
                if action in ("slow", "hang"):
                    time.sleep(receiver.slow_seconds if action == "slow" else receiver.hang_seconds)
                with receiver._lock:
                    receiver.received.append(record)
                self._answer(204 if action == "ok" else 200)

            def _answer(self, status: int) -> None:
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/orders"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "Receiver":
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()

    def ids(self) -> list[str]:
        with self._lock:
            return [r["id"] for r in self.received]

    def events(self) -> list[dict[str, Any]]:
        with self._lock:
            return [r["payload"] for r in self.received]

    def wait_for(self, count: int, timeout: float = 30.0) -> bool:
        """True once at least `count` distinct event ids arrived (polls; never asserts time)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(set(self.ids())) >= count:
                return True
            time.sleep(0.05)
        return len(set(self.ids())) >= count


class FakeClock:
    def __init__(self, now: datetime | None = None) -> None:
        self.now = now or datetime(2026, 11, 25, 14, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


def place_order(runtime, user: str, now: datetime, product_ids: tuple[str, ...] = ()):
    """A real pickup order for `user` through the cart services (placed -> an order.placed
    event in the outbox). The demo catalog's products and stores."""
    from cart import services
    from cart.checkout import checkout_summary, place_order as place

    matcher = runtime.matchers.current()
    repo = runtime.carts()
    products = [matcher.get(pid) for pid in product_ids] or \
        [p for p in matcher.products if p.in_stock][:2]
    for product in products:
        services.add_item(repo, user, product, 6, None, now=now)
    services.choose_fulfillment(repo, user, "pickup", now=now, store_id=None)
    summary = checkout_summary(repo, user)
    return place(repo, user, summary.submission_key, now=now).order


def sign(body: bytes | str, *, event_id: str, secret: str = INBOUND_SECRET,
         at: datetime | None = None) -> dict[str, str]:
    """Standard Webhooks headers for an inbound request from the grocer."""
    at = at or datetime.now(timezone.utc)
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    return {"webhook-id": event_id, "webhook-timestamp": str(int(at.timestamp())),
            "webhook-signature": Webhook(secret).sign(event_id, at, text),
            "content-type": "application/json"}


def dumps(body: Any) -> str:
    return json.dumps(body)
