"""Delivering order events to a real receiver on 127.0.0.1 that verifies each request with
standardwebhooks' own Webhook.verify and fails on purpose. The dispatcher runs on a fake
clock (run_once), so retry schedules are checked without sleeping."""
from __future__ import annotations

import json
import os
import subprocess
from datetime import datetime, timedelta, timezone

from cart.checkout import cancel_order
from cart.outbox.events import ORDER_CANCELLED, ORDER_PLACED, ORDER_STATUS
from support import VOICECART, free_port
from webhook_kit import Receiver, place_order


def states(runtime) -> dict[str, str]:
    return {e.id: e.state for e in runtime.outbox().list()}


def test_every_event_arrives_signed_with_its_stored_body_and_id(runtime, clock, receiver,
                                                               make_dispatcher):
    first = place_order(runtime, "ann", clock())
    second = place_order(runtime, "demo", clock())
    cancel_order(runtime.carts(), "ann", first.id, now=clock())
    stored = runtime.outbox().list()

    attempts = make_dispatcher(receiver.url).run_once()

    assert attempts == 4 and receiver.bad_signatures == 0
    assert receiver.ids() == [e.id for e in stored]  # oldest first, each once
    for event, record in zip(stored, receiver.received):
        assert record["raw"].decode() == event.body
        assert record["payload"]["id"] == record["id"] == event.id
    types = [(p["data"]["id"], p["type"]) for p in receiver.events()]
    assert types == [(first.id, ORDER_PLACED), (second.id, ORDER_PLACED),
                     (first.id, ORDER_CANCELLED), (first.id, ORDER_STATUS)]
    placed = receiver.events()[0]
    assert placed["id"].startswith("evt_") and placed["created_at"].startswith("2026-11-25T14:00")
    assert placed["data"]["customer_id"] == "ann" and placed["data"]["status"] == "placed"
    assert placed["data"]["total"] == float(first.total)
    assert [i["product_id"] for i in placed["data"]["items"]] == [l.product_id for l in first.lines]
    assert receiver.events()[3]["data"]["status"] == "cancelled"
    assert set(states(runtime).values()) == {"delivered"}
    assert make_dispatcher(receiver.url).run_once() == 0  # nothing sent twice


def test_a_failing_receiver_gets_the_same_event_again_on_the_retry_schedule(
        runtime, clock, receiver, make_dispatcher):
    order = place_order(runtime, "ann", clock())
    created = clock()
    receiver.plan = ["500", "500"]
    dispatcher = make_dispatcher(receiver.url)

    assert dispatcher.run_once() == 1            # at once: 500
    assert dispatcher.run_once() == 0            # not due again yet
    [event] = runtime.outbox().list()
    assert event.state == "pending" and event.attempts == 1 and event.last_error == "HTTP 500"
    second_at = event.next_attempt_at
    clock.now = second_at
    assert dispatcher.run_once() == 1            # ~5 s later: 500
    [event] = runtime.outbox().list()
    clock.now = event.next_attempt_at
    assert dispatcher.run_once() == 1            # ~30 s after that: delivered

    assert clock.now - created <= timedelta(seconds=60)  # three attempts within the first minute
    assert timedelta(seconds=3) <= second_at - created <= timedelta(seconds=7)
    assert [r["id"] for r in receiver.attempts] == [event.id] * 3
    assert receiver.ids() == [event.id]
    assert runtime.outbox().get(event.id).state == "delivered"
    assert receiver.events()[0]["data"]["id"] == order.id


def test_one_orders_events_stay_in_order_while_others_flow(runtime, clock, receiver,
                                                           make_dispatcher):
    slow_order = place_order(runtime, "ann", clock())
    cancel_order(runtime.carts(), "ann", slow_order.id, now=clock())
    other = place_order(runtime, "demo", clock())
    receiver.plan = ["500"]  # the first request: ann's order.placed
    dispatcher = make_dispatcher(receiver.url)

    dispatcher.run_once()

    by_order = [p["data"]["id"] for p in receiver.events()]
    assert by_order == [other.id]  # ann's cancellation waits behind her failed order.placed
    clock.advance(seconds=10)
    dispatcher.run_once()
    types = [p["type"] for p in receiver.events() if p["data"]["id"] == slow_order.id]
    assert types == [ORDER_PLACED, ORDER_CANCELLED, ORDER_STATUS]


def test_timeouts_slow_answers_and_dropped_connections_are_retried_until_delivered(
        runtime, clock, receiver, make_dispatcher):
    for user in ("ann", "demo", "bob"):
        place_order(runtime, user, clock())
    receiver.plan = ["hang", "drop", "slow", "500"]
    dispatcher = make_dispatcher(receiver.url, timeout=0.5)

    for _ in range(10):
        dispatcher.run_once()
        if set(states(runtime).values()) == {"delivered"}:
            break
        clock.advance(seconds=40)

    assert set(states(runtime).values()) == {"delivered"}
    assert sorted(set(receiver.ids())) == sorted(states(runtime))
    errors = " ".join(str(r) for r in receiver.attempts)
    assert "hang" in errors and "drop" in errors
    # a hung request may still have been answered after the timeout: a duplicate, same id
    assert len(receiver.ids()) - len(set(receiver.ids())) <= 1


def test_a_refused_connection_is_retried_and_delivered_once_the_receiver_is_up(
        runtime, clock, make_dispatcher):
    port = free_port()
    url = f"http://127.0.0.1:{port}/hooks/orders"
    place_order(runtime, "ann", clock())
    dispatcher = make_dispatcher(url)

    dispatcher.run_once()
    [event] = runtime.outbox().list()
    assert event.state == "pending" and "Refused" in event.last_error

    with Receiver(port=port) as receiver:
        clock.now = event.next_attempt_at
        dispatcher.run_once()
        assert receiver.ids() == [event.id]
    assert runtime.outbox().get(event.id).state == "delivered"


def test_after_the_limit_an_event_is_dead_and_outbox_retry_brings_it_back(
        runtime, clock, receiver, make_dispatcher, db_path):
    order = place_order(runtime, "ann", clock())
    cancel_order(runtime.carts(), "ann", order.id, now=clock())
    receiver.plan = ["500"] * 1000
    dispatcher = make_dispatcher(receiver.url, limit=timedelta(minutes=30))

    for _ in range(50):
        dispatcher.run_once()
        clock.advance(minutes=2)
    events = runtime.outbox().list()

    assert [e.state for e in events] == ["dead", "dead", "dead"]
    assert events[0].attempts > 3 and events[0].last_error == "HTTP 500"
    assert events[1].attempts == 0  # never sent ahead of the order's first event
    assert {r["id"] for r in receiver.attempts} == {events[0].id}

    receiver.plan = []
    listed = voicecart("outbox", "list", "--state", "dead", "--json", "--db", str(db_path))
    assert [e["id"] for e in json.loads(listed)] == [e.id for e in events]
    for event in events:
        voicecart("outbox", "retry", event.id, "--db", str(db_path))
    clock.now = max(clock.now, datetime.now(timezone.utc))  # retry makes them due "now"
    dispatcher.run_once()

    assert [p["type"] for p in receiver.events()] == [ORDER_PLACED, ORDER_CANCELLED, ORDER_STATUS]
    assert set(states(runtime).values()) == {"delivered"}


def voicecart(*args: str) -> str:
    done = subprocess.run([*VOICECART, *args], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_one_dispatcher_holds_the_lease_and_another_takes_over_when_it_lapses(
        runtime, clock, receiver, make_dispatcher):
    first = make_dispatcher(receiver.url, holder="worker-1")
    second = make_dispatcher(receiver.url, holder="worker-2")
    place_order(runtime, "ann", clock())

    assert first.holds_lease() and not second.holds_lease()
    assert second.run_once() == 0 and receiver.ids() == []

    clock.advance(seconds=11)  # worker-1 died without renewing: its lease ran out
    assert second.run_once() == 1
    assert not first.holds_lease()

    second.release()
    assert first.holds_lease()


def test_the_event_commits_with_the_order_or_not_at_all(runtime, clock):
    from cart.outbox.events import order_event
    order = place_order(runtime, "ann", clock())
    repo = runtime.carts()
    try:
        with repo.transaction():
            cancelled = order.cancel(clock())
            repo.save_order(cancelled)
            repo.record_event(order_event(ORDER_CANCELLED, cancelled, clock()))
            raise RuntimeError("the process fails before the commit")
    except RuntimeError:
        pass

    assert repo.get_order(order.id).cancelled_at is None
    assert [e.type for e in runtime.outbox().list()] == [ORDER_PLACED]
    body = json.loads(runtime.outbox().list()[0].body)
    assert body["data"]["id"] == order.id


def test_outbox_commands_list_and_purge(runtime, clock, receiver, make_dispatcher, db_path):
    order = place_order(runtime, "ann", clock())
    cancel_order(runtime.carts(), "ann", order.id, now=clock())
    receiver.plan = ["500"]
    make_dispatcher(receiver.url).run_once()  # order.placed fails; the others wait behind it

    listed = json.loads(voicecart("outbox", "list", "--json", "--db", str(db_path)))
    assert [(e["type"], e["state"], e["attempts"]) for e in listed] == [
        ("order.placed", "pending", 1), ("order.cancelled", "pending", 0),
        ("order.status", "pending", 0)]
    assert listed[0]["last_error"] == "HTTP 500" and listed[0]["order_id"] == order.id
    assert json.loads(voicecart("outbox", "list", "--state", "delivered", "--json",
                                "--db", str(db_path))) == []

    clock.advance(seconds=10)
    make_dispatcher(receiver.url).run_once()
    assert "purged 0 events" in voicecart("outbox", "purge", "--before", "2026-11-25",
                                          "--db", str(db_path))
    assert "purged 3 events" in voicecart("outbox", "purge", "--before", "2026-11-26",
                                          "--db", str(db_path))
    assert runtime.outbox().list() == []


def test_outbox_commands_refuse_bad_input_with_one_line(db_path):
    for args, reason in ((("outbox", "retry", "evt_nope"), "no event"),
                         (("outbox", "purge", "--before", "yesterday"), "not a date"),
                         (("outbox", "list", "--state", "lost"), "lost"),
                         (("outbox", "run", "--once"), "VOICECART_WEBHOOK_URL")):
        done = subprocess.run([*VOICECART, *args, "--db", str(db_path)], capture_output=True,
                              text=True, timeout=60,
                              env={k: v for k, v in os.environ.items()
                                   if not k.startswith("VOICECART_")})
        assert done.returncode == 1 and reason in done.stderr, (args, done.stderr)
        assert "Traceback" not in done.stderr


def test_the_receiver_tells_a_torn_request_from_a_bad_signature(receiver):
    # the crash test kills the server mid-delivery: a request cut off between its headers and
    # its body is no signing fault, while a whole request signed wrongly still is one
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(receiver.url)

    def post(body: bytes, length: int) -> None:
        with socket.create_connection((parts.hostname, parts.port), timeout=5) as sock:
            sock.sendall(f"POST {parts.path} HTTP/1.1\r\nHost: x\r\nContent-Length: {length}\r\n"
                         "webhook-id: evt_1\r\nwebhook-timestamp: 1\r\n"
                         "webhook-signature: v1,AAAA\r\n\r\n".encode() + body)
            sock.shutdown(socket.SHUT_WR)
            sock.recv(1024)  # the answer, or the end of the connection

    post(b'{"id": "evt_1"}', 500)
    assert (receiver.torn, receiver.bad_signatures) == (1, 0)
    post(b'{"id": "evt_1"}', 15)
    assert (receiver.torn, receiver.bad_signatures) == (1, 1)
    assert receiver.received == []
