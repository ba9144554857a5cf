"""Shared helpers of the reliability tests (importable as `reliability.kit`).

Request builders for every route (Alexa envelopes with a timestamp of now, so a live `--dev`
server accepts them; Dialogflow ES/CX WebhookRequests shaped like the skill tests'; the text
channel), a thread pool that posts in parallel with bounded time, and readers of what the
database holds (through the design doc's JSON views), so assertions are about stored state.
"""
from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from cart.json_views import cart_show, orders_list
from cart.sqlite_store import SqliteCartRepository
from catalog.database import open_database
from support import cx_request, es_request  # noqa: F401  (re-exported for the tests here)
from skill.tester.envelopes import (alexa_envelope, alexa_intent_request, alexa_launch_request,
                                    alexa_reply, alexa_slot)

# Demo catalog products with stable ids (cart/data and catalog/data are bundled with the code)
EGGS = "DA0042"        # Large White Eggs, $3.49
WHOLE_MILK = "DA0001"  # Whole Milk, $4.29
DEMO_USER = "demo"     # the demo shopper: a delivery address in cart/data/stores.json
DEMO_ADDRESS_PARTS = ("27 Willow Court", "Apt 3B", "Ring the bell", "doorman")


# A developer's own settings must not change what a test's server checks
CLEAN_ENV = {name: "" for name in ("VOICECART_ALEXA_SKILL_ID", "VOICECART_API_TOKEN",
                                   "VOICECART_DIALOGFLOW_USER", "VOICECART_DIALOGFLOW_PASSWORD",
                                   "VOICECART_DIALOGFLOW_TOKEN")}


# --- Alexa -------------------------------------------------------------------------------------

def alexa(intent: str | None, *, user: str, session: str | None = None,
          slots: dict[str, dict[str, Any]] | None = None, request_id: str | None = None,
          new: bool = False, attributes: dict[str, Any] | None = None,
          access_token: str | None = None, now: datetime | None = None) -> dict[str, Any]:
    """An Alexa request envelope (IntentRequest, or LaunchRequest when intent is None)."""
    now = now or datetime.now(timezone.utc)
    request = (alexa_launch_request(request_id=request_id, now=now) if intent is None
               else alexa_intent_request(intent, slots, request_id=request_id, now=now))
    env = alexa_envelope(request, user_id=user, session_id=session or f"amzn1.echo-api.session.{uuid.uuid4()}",
                         new=new, attributes=attributes)
    if access_token is not None:
        env["context"]["System"]["apiAccessToken"] = access_token
    return env


def alexa_add(product_id: str, quantity: int | None = 1, **kwargs: Any) -> dict[str, Any]:
    """AddItemIntent whose Item slot resolved (ER_SUCCESS_MATCH) to `product_id`."""
    slots = {"Item": alexa_slot("Item", "item", resolved_id=product_id, authority_type="PRODUCT")}
    if quantity is not None:
        slots["Quantity"] = alexa_slot("Quantity", str(quantity))
    return alexa("AddItemIntent", slots=slots, **kwargs)


def alexa_pickup(**kwargs: Any) -> dict[str, Any]:
    """"Pickup at five": a method with a time holds that slot and reads the order back ("pickup"
    alone offers the two earliest slots as a choice first)."""
    slots = {"Method": alexa_slot("Method", "pickup", resolved_id="pickup", authority_type="FULFILLMENT"),
             "Time": alexa_slot("Time", "17:00")}
    return alexa("SetFulfillmentIntent", slots=slots, **kwargs)


def alexa_speech(body: Any) -> str:
    assert isinstance(body, dict) and "response" in body, body
    return alexa_reply(body)[0]


def request_id() -> str:
    return f"amzn1.echo-api.request.{uuid.uuid4()}"


# --- Dialogflow ---------------------------------------------------------------------------------

def converse(user: str, session: str, text: str) -> dict[str, str]:
    return {"user_id": user, "session_id": session, "text": text}


# --- parallel posting, bounded ----------------------------------------------------------------

def run_parallel(jobs: list[Callable[[], Any]], *, workers: int, timeout: float) -> list[Any]:
    """Run every job on `workers` threads; each result (or the exception it raised) in order.
    Fails if the whole batch takes longer than `timeout` seconds."""
    start = threading.Barrier(min(workers, len(jobs))) if jobs else None

    def gated(job: Callable[[], Any], n: int) -> Any:
        if start is not None and n < workers:
            try:
                start.wait(timeout=10)  # the first wave leaves together: real contention
            except threading.BrokenBarrierError:
                pass
        try:
            return job()
        except Exception as exc:  # noqa: BLE001  (reported to the test, not raised in a thread)
            return exc

    deadline = time.monotonic() + timeout
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(gated, job, n) for n, job in enumerate(jobs)]
        results = []
        for future in futures:
            results.append(future.result(timeout=max(0.1, deadline - time.monotonic())))
    return results


# --- what the database holds ------------------------------------------------------------------

def repo(db_path: Path) -> SqliteCartRepository:
    return SqliteCartRepository(open_database(db_path), create_schema=False)


def cart_of(db_path: Path, user: str) -> dict[str, Any]:
    return cart_show(repo(db_path), user)


def quantity_of(db_path: Path, user: str, product_id: str) -> float:
    return sum(i["quantity"] for i in cart_of(db_path, user)["items"] if i["product_id"] == product_id)


def orders_of(db_path: Path, user: str | None) -> list[dict[str, Any]]:
    return orders_list(repo(db_path), user, datetime.now(timezone.utc))


def integrity(db_path: Path) -> str:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def product_count(db_path: Path) -> int:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("select count(*) from products").fetchone()[0]


def no_traceback(text: str) -> bool:
    return "Traceback" not in text and 'File "' not in text


def as_text(body: Any) -> str:
    return body if isinstance(body, str) else json.dumps(body)


def copy_db(source: Path, target: Path) -> Path:
    """A copy of a seeded database (sqlite's backup API: consistent even under WAL)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    return target


def fill_cart(db_path: Path, user: str, product_id: str = EGGS, quantity: int = 4) -> None:
    """Straight into the store: setup for tests about checking out, not about adding."""
    from cart import services
    from catalog.repository import SqliteCatalogRepository

    db = open_database(db_path)
    product = SqliteCatalogRepository(db).get(product_id)
    assert product is not None
    services.add_item(SqliteCartRepository(db, create_schema=False), user, product, quantity,
                      None, now=datetime.now(timezone.utc))
