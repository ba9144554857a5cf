"""Two changes to one placed order at the same moment, through a live server (gunicorn, two
worker processes): two devices each read back a change of the same order, then both say "yes"
together. Exactly one applies; the other is told the order changed and applies nothing, so the
order never carries a total nobody heard, and no slot is left held or double-booked."""
from __future__ import annotations

import sqlite3
import uuid

import pytest

from reliability.kit import CLEAN_ENV, converse, copy_db, orders_of, run_parallel
from support import http, running_server

pytestmark = pytest.mark.slow


def test_two_devices_changing_one_order_at_once(tmp_path, seeded_db):
    db = copy_db(seeded_db, tmp_path / "live.db")
    user = f"ann-{uuid.uuid4().hex[:8]}"
    with running_server(db, "--dev", env=CLEAN_ENV, workers=2) as (base, _):
        def say(session: str, text: str) -> str:
            status, body = http("POST", base + "/v1/converse", converse(user, session, text))
            assert status == 200, body
            return body["speech"]

        say("shop", "add a bag of medium roast coffee and a carton of orange juice")
        assert "Shall I place the order" in say("shop", "check out for pickup tomorrow at five pm")
        assert "order is placed" in say("shop", "yes")
        [placed] = orders_of(db, user)

        assert "Shall I change the order" in say("kitchen", "add a dozen large white eggs to my order")
        assert "Shall I change the order" in say("car", "move my pickup to the day after tomorrow")

        answers = run_parallel([lambda: say("kitchen", "yes"), lambda: say("car", "yes")],
                               workers=2, timeout=60)

    assert not [a for a in answers if isinstance(a, Exception)], answers
    done = [a for a in answers if a.startswith("Done")]
    refused = [a for a in answers if "changed since I read that back" in a]
    assert len(done) == 1 and len(refused) == 1, answers
    [order] = orders_of(db, user)
    assert len(order["changes"]) == 1
    eggs_added = any("Eggs" in item["name"] for item in order["items"])
    moved = order["fulfillment"]["slot_start"] != placed["fulfillment"]["slot_start"]
    assert eggs_added != moved  # one change or the other, never both, never half of one
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from slot_holds").fetchone()[0] == 0
        assert conn.execute("select count(*) from orders where cancelled_at is null").fetchone()[0] == 1
