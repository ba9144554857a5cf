"""No order event is lost when the server dies: a real `voicecart serve` (gunicorn, two
workers, the dispatcher inside) is killed with SIGKILL, its whole process group, while events
are in flight to a slow receiver and orders keep being placed; after a restart on the same
database every event arrives (duplicates allowed, each with its one id), in order per order.
"""
from __future__ import annotations

import os
import signal
import threading
from datetime import datetime, timezone

import pytest

from cart.checkout import cancel_order
from skill.app import create_app
from skill.config import Config
from support import running_server
from webhook_kit import SECRET, Receiver, place_order

pytestmark = pytest.mark.slow


def _env(receiver: Receiver) -> dict[str, str]:
    return {"VOICECART_WEBHOOK_URL": receiver.url, "VOICECART_WEBHOOK_SECRET": SECRET,
            "VOICECART_WEBHOOK_TIMEOUT": "2"}


def test_sigkill_with_events_in_flight_loses_none(tmp_path):
    db = tmp_path / "crash.db"
    shop = create_app(Config(db_path=db, dev=True, outbox_dispatcher=False))
    runtime = shop.extensions["voicecart"]
    users = iter(f"shopper-{n}" for n in range(1000))
    stop = threading.Event()

    def keep_ordering() -> None:
        while not stop.is_set():
            user = next(users)
            order = place_order(runtime, user, datetime.now(timezone.utc))
            if user.endswith(("0", "2", "4")):  # three events for some orders
                cancel_order(runtime.carts(), user, order.id, now=datetime.now(timezone.utc))

    with Receiver() as receiver:
        receiver.plan = ["slow"] * 10_000
        receiver.slow_seconds = 0.2
        with running_server(db, "--dev", env=_env(receiver)) as (_, proc):
            orders = threading.Thread(target=keep_ordering)
            orders.start()
            assert receiver.wait_for(3, timeout=60), "the dispatcher never delivered"
            os.killpg(proc.pid, signal.SIGKILL)  # mid-delivery: a slow answer is pending
            proc.wait()
            stop.set()
            orders.join()
        for _ in range(3):  # orders placed while no server runs
            place_order(runtime, next(users), datetime.now(timezone.utc))
        written = runtime.outbox().list()
        assert any(e.state == "pending" for e in written)  # the kill left work undone
        assert any(e.type == "order.cancelled" for e in written)
        receiver.plan = []

        with running_server(db, "--dev", env=_env(receiver)):
            assert receiver.wait_for(len(written), timeout=90), (
                f"{len(set(receiver.ids()))} of {len(written)} events arrived")

    assert receiver.bad_signatures == 0
    assert {e.id for e in written} <= set(receiver.ids())
    assert all(e.state == "delivered" for e in runtime.outbox().list())
    # per order, first arrivals follow the order the events were written in
    first_seen: dict[str, int] = {}
    for position, event_id in enumerate(receiver.ids()):
        first_seen.setdefault(event_id, position)
    by_order: dict[str, list[str]] = {}
    for event in written:
        by_order.setdefault(event.order_id, []).append(event.id)
    for ids in by_order.values():
        assert sorted(ids, key=first_seen.__getitem__) == ids
    # a duplicate is the same event again, byte for byte
    bodies: dict[str, bytes] = {}
    for record in receiver.received:
        assert bodies.setdefault(record["id"], record["raw"]) == record["raw"]
