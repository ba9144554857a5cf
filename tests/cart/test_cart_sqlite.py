"""The cart adapters on real databases, SQLite files and PostgreSQL (the fixtures run each
test on both): schema, round trips, transactions, and races between threads and processes that
each hold their own connection or pool. A few tests look at SQLite's own schema and files."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import sqlite_utils

from cart import checkout, services
from cart.demo_data import DEMO_CUSTOMER_ID, load_demo_data, seed_demo_data
from cart.errors import SlotFull
from cart.json_views import cart_show, orders_list
from cart.fulfillment import DELIVERY, PICKUP
from cart.model import Address, Cart, Substitution
from cart.ports import DuplicateSubmission
from cart.sqlite_store import NotInTransaction, SqliteCartRepository
from support import run_threads

UTC = timezone.utc  # datetime.UTC is 3.11+; setup.cfg allows 3.10

D = Decimal
NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)  # Monday 09:00 in New York
FIVE_TOMORROW = datetime(2026, 3, 3, 17, 0)   # naive: store-local
REPO_ROOT = Path(__file__).resolve().parents[2]


# --- schema and round trips -----------------------------------------------------------------

def test_schema_is_idempotent_and_indexed(open_sqlite_repo):
    repo = open_sqlite_repo()
    repo.ensure_schema()
    SqliteCartRepository(repo.db)  # a second worker starting on the same file
    indexes = {(i.name, i.unique) for i in repo.db.table("orders").indexes}
    assert ("idx_orders_submission_key", 1) in indexes
    assert {"idx_orders_customer_id_created_at", "idx_orders_store_id_kind_slot_start"} <= \
        {name for name, _ in indexes}
    plan = repo.db.execute(
        "EXPLAIN QUERY PLAN SELECT * FROM orders WHERE customer_id = ? ORDER BY created_at DESC",
        ["ann"]).fetchall()
    assert any("idx_orders_customer_id_created_at" in str(row) for row in plan)


def test_cart_round_trip_keeps_history_and_decimals(sqlite_repo, open_repo):
    cart = Cart("ann")
    cart.add("apples", "Honeycrisp Apples", 2.5, "pound", D("3.99"))
    cart.add("milk", "Whole Milk", 1, "gallon", D("3.79"),
             Substitution.specific("oatmilk", "Oat Milk"))
    cart.updated_at = NOW
    with sqlite_repo.transaction():
        sqlite_repo.save_cart(cart)
    loaded = open_repo().get_cart("ann")  # through a second connection
    assert loaded == cart
    assert loaded.lines[0].quantity == D("2.5") and loaded.total == D("13.77")
    loaded.undo()
    assert [l.product_id for l in loaded.lines] == ["apples"]


def test_a_cart_of_twenty_lines_and_its_undo_steps_stays_within_one_page(open_sqlite_repo):
    """A row that overflows its page rewrites an overflow page and the file's first page on
    every change: two more WAL frames in each AddItem commit (issue 22)."""
    repo = open_sqlite_repo()
    repo.ensure_schema()
    cart = Cart("amzn1.ask.account.AF6K2N7QW3HUPZL5YJ4R2GXVHD7QOQ3BQ3H6UUS2Y2KCTLA")
    names = ["Boneless Skinless Chicken Breasts", "2% Reduced Fat Milk", "Large Brown Eggs"]
    for i in range(30):  # twenty lines, the last ten changes of them kept to undo
        cart.add(f"DA{i % 20:04d}", f"{names[i % 3]} {i % 20}", 14, None, D("4.29") + i)
    with repo.transaction():
        repo.save_cart(cart)
    assert len(cart.lines) == 20 and len(cart.history) == 10
    overflow = repo.db.execute("SELECT count(*) FROM dbstat WHERE name = 'carts' "
                               "AND pagetype = 'overflow'").fetchone()[0]
    assert overflow == 0
    stored = json.loads(repo.db.execute("SELECT lines FROM carts").fetchone()[0])
    assert "unit" not in stored[0] and "substitution" not in stored[0]  # empty: left out
    assert repo.get_cart(cart.customer_id).lines == cart.lines


def test_order_round_trip(sqlite_repo, open_repo, products):
    services.set_address(sqlite_repo, "ann", Address("1 Main St", "Brooklyn", "NY", "11215"))
    services.add_item(sqlite_repo, "ann", products["apples"], 2.5, "pound", now=NOW)
    services.add_item(sqlite_repo, "ann", products["steak"], now=NOW)
    services.choose_fulfillment(sqlite_repo, "ann", DELIVERY, now=NOW)
    placed = checkout.place_order(sqlite_repo, "ann", "k", now=NOW).order
    loaded = open_repo().get_order(placed.id)
    assert loaded == placed
    assert loaded.fulfillment.tz == "America/New_York"
    assert loaded.fulfillment.slot.local_start.utcoffset() == timedelta(hours=-5)
    assert (loaded.subtotal, loaded.delivery_fee, loaded.total) == \
        (D("27.98"), D("5.99"), D("33.97"))


def test_writes_outside_a_transaction_are_refused(sqlite_repo):
    with pytest.raises(NotInTransaction):
        sqlite_repo.save_cart(Cart("ann"))


def test_rollback_and_nested_savepoints(sqlite_repo):
    repo = sqlite_repo
    with pytest.raises(RuntimeError):
        with repo.transaction():
            repo.save_cart(Cart("ann", revision=1))
            raise RuntimeError("boom")
    assert repo.get_cart("ann") is None
    with repo.transaction():
        repo.save_cart(Cart("ann", revision=1))
        with pytest.raises(RuntimeError):
            with repo.transaction():
                repo.save_cart(Cart("ann", revision=2))
                raise RuntimeError("inner step fails")
    assert repo.get_cart("ann").revision == 1
    assert not repo.sql.in_transaction()


def test_works_on_a_plain_sqlite_utils_connection(tmp_path, products):
    # Not every caller opens the file through catalog.database (default isolation level)
    repo = SqliteCartRepository(sqlite_utils.Database(tmp_path / "plain.db"))
    services.add_item(repo, "ann", products["milk"], now=NOW)
    services.add_item(repo, "ann", products["milk"], now=NOW)
    assert services.get_cart(repo, "ann").lines[0].quantity == 2
    assert not repo.db.conn.in_transaction


def test_unique_submission_key_is_the_backstop(sqlite_repo, products):
    services.add_item(sqlite_repo, "ann", products["steak"], now=NOW)
    services.choose_fulfillment(sqlite_repo, "ann", PICKUP, now=NOW)
    order = checkout.place_order(sqlite_repo, "ann", "same", now=NOW).order
    with pytest.raises(DuplicateSubmission):
        with sqlite_repo.transaction():  # bypassing the service's own lookup
            sqlite_repo.add_order(replace(order, id="OTHER00000"))
    assert len(sqlite_repo.list_orders()) == 1


def test_demo_data_seeds_idempotently(open_repo):
    repo = open_repo()
    data = seed_demo_data(repo)
    seed_demo_data(open_repo())
    stores = repo.list_stores()
    assert len(stores) == 4 and stores == sorted(data.stores, key=lambda s: s.id)
    assert {s.tz for s in stores} == {"America/New_York", "America/Chicago",
                                      "America/Los_Angeles"}
    policy = repo.get_store("brooklyn").policy
    assert (policy.delivery_fee, policy.free_delivery_threshold, policy.minimum_order) == \
        (D("5.99"), D("35.00"), D("10.00"))
    assert (policy.pickup_capacity, policy.delivery_capacity, policy.lead_time) == \
        (4, 3, timedelta(hours=2))
    assert repo.get_store("los-angeles").policy.pickup_capacity == 6  # per-store override
    demo = repo.get_customer(DEMO_CUSTOMER_ID)
    assert demo.address is not None and demo.preferred_store_id == "brooklyn"
    # the demo shopper's own changes survive a restart's re-seed
    services.set_address(repo, "demo", Address("9 Other Rd", "Brooklyn", "NY", "11201"))
    seed_demo_data(repo)
    assert repo.get_customer("demo").address.line1 == "9 Other Rd"
    assert load_demo_data() == data


def test_demo_customer_can_check_out_for_delivery(open_repo, products):
    repo = open_repo()
    seed_demo_data(repo)
    services.add_item(repo, "demo", products["steak"], now=NOW)
    hold = services.choose_fulfillment(repo, "demo", DELIVERY, now=NOW)
    assert hold.slot.store_id == "brooklyn"
    order = checkout.place_order(repo, "demo", "demo-1", now=NOW).order
    assert order.fulfillment.address.city == "Brooklyn" and order.delivery_fee == D("5.99")


def test_cli_json_from_the_database(open_repo, products):
    repo = open_repo()
    seed_demo_data(repo)
    assert cart_show(repo, "nobody") == {"user_id": "nobody", "items": [], "total": 0.0}
    for customer, key in (("ann", "a1"), ("demo", "d1")):
        services.add_item(repo, customer, products["steak"], now=NOW)
        services.choose_fulfillment(repo, customer, PICKUP, store_id="brooklyn", now=NOW)
        checkout.place_order(repo, customer, key, now=NOW)
    services.add_item(repo, "ann", products["milk"], 2, "gallon", now=NOW)
    shown = json.loads(json.dumps(cart_show(open_repo(), "ann")))  # plain JSON types only
    assert shown["items"][0]["line_total"] == 7.58 and shown["total"] == 7.58
    everyone = orders_list(open_repo(), None, NOW)
    assert [o["user_id"] for o in everyone] == ["demo", "ann"]  # newest first
    assert [o["user_id"] for o in orders_list(repo, "ann", NOW)] == ["ann"]
    json.dumps(everyone)


# --- concurrency ----------------------------------------------------------------------------

def test_eight_threads_adding_to_one_cart_lose_nothing(open_repo, sqlite_repo, products):
    def adds(i: int) -> None:
        repo = open_repo()  # each thread its own connection
        for _ in range(25):
            services.add_item(repo, "ann", products["milk"], 1, "gallon", now=NOW)

    assert run_threads(8, adds) == [None] * 8
    cart = services.get_cart(sqlite_repo, "ann")
    assert [(l.product_id, l.quantity, l.unit) for l in cart.lines] == [("milk", 200, "gallon")]
    assert cart.revision == 200


def test_processes_adding_to_one_cart_lose_nothing(tmp_path, open_sqlite_repo):
    sqlite_repo = open_sqlite_repo()
    go = tmp_path / "go"
    script = textwrap.dedent(f"""
        import time
        from decimal import Decimal
        from pathlib import Path
        from datetime import datetime, timezone
        from catalog.database import open_database
        from catalog.model import Product
        from cart import services
        from cart.sqlite_store import SqliteCartRepository
        repo = SqliteCartRepository(open_database({str(tmp_path / 'voicecart.db')!r}))
        product = Product("eggs", "Eggs", Decimal("4.49"))
        while not Path({str(go)!r}).exists():
            time.sleep(0.005)  # start together; nothing is timed
        for _ in range(50):
            services.add_item(repo, "ann", product, 1,
                              now=datetime(2026, 3, 2, 14, tzinfo=timezone.utc))
    """)
    procs = [subprocess.Popen([sys.executable, "-c", script], cwd=REPO_ROOT,
                              stderr=subprocess.PIPE) for _ in range(2)]
    procs += [subprocess.Popen([sys.executable, "-c", script.replace('"eggs", "Eggs"',
                                                                     '"milk", "Milk"')],
                               cwd=REPO_ROOT, stderr=subprocess.PIPE) for _ in range(2)]
    go.touch()
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, errors
    cart = services.get_cart(sqlite_repo, "ann")
    assert {l.product_id: l.quantity for l in cart.lines} == {"eggs": 100, "milk": 100}
    assert cart.revision == 200


def test_race_for_the_last_places_in_a_slot(open_repo, sqlite_repo, products):
    capacity = 4
    racers = [f"c{i}" for i in range(8)]
    # Each racer chose tomorrow 17:00 in turn, ten minutes apart: by the time they all press
    # "yes" together, every hold has lapsed and only capacity stands between them
    for i, customer in enumerate(racers):
        services.add_item(sqlite_repo, customer, products["steak"], now=NOW)
        hold = services.choose_fulfillment(sqlite_repo, customer, PICKUP,
                                           now=NOW + i * timedelta(minutes=10),
                                           requested=FIVE_TOMORROW)
        assert hold.slot.local_start == datetime(2026, 3, 3, 17, tzinfo=NY)
    at = NOW + timedelta(hours=2)

    def place(i: int):
        return checkout.place_order(open_repo(), racers[i], f"{racers[i]}-yes", now=at)

    results = run_threads(len(racers), place)
    won = [r for r in results if not isinstance(r, Exception)]
    lost = [r for r in results if isinstance(r, Exception)]
    assert len(won) == capacity and all(r.created for r in won)
    assert len(lost) == len(racers) - capacity and all(isinstance(e, SlotFull) for e in lost)
    assert {e.next_slot.local_start for e in lost} == {datetime(2026, 3, 3, 18, tzinfo=NY)}
    slot_key = won[0].order.fulfillment.slot_key
    assert sum(o.fulfillment.slot_key == slot_key for o in sqlite_repo.list_orders()) == capacity
    losers = {r for r in racers} - {r.order.customer_id for r in won}
    assert all(not services.get_cart(sqlite_repo, c).is_empty for c in losers)


def test_race_for_holds_never_overbooks(open_repo, sqlite_repo):
    def choose(i: int):
        return services.choose_fulfillment(open_repo(), f"c{i}", PICKUP, now=NOW,
                                           requested=FIVE_TOMORROW)

    holds = run_threads(8, choose)
    assert not any(isinstance(h, Exception) for h in holds)
    assert all(h.slot.local_start.hour == 17 for h in holds)  # nothing booked: all may choose it
    live = [h for h in holds if h.active(NOW)]
    # the cap (half of a pickup capacity of 4) is never passed, however the threads interleave
    assert len(live) == 2 and sqlite_repo.live_holds(holds[0].slot.key, NOW) == 2


def test_duplicate_yes_in_parallel_places_one_order(open_repo, sqlite_repo, products):
    services.add_item(sqlite_repo, "ann", products["steak"], now=NOW)
    services.choose_fulfillment(sqlite_repo, "ann", PICKUP, now=NOW)
    key = checkout.checkout_summary(sqlite_repo, "ann").submission_key

    results = run_threads(8, lambda i: checkout.place_order(open_repo(), "ann", key, now=NOW))
    assert not any(isinstance(r, Exception) for r in results), results
    assert sum(r.created for r in results) == 1
    assert len({r.order.id for r in results}) == 1
    assert len(sqlite_repo.list_orders("ann")) == 1


def test_a_changed_store_is_read_back_changed(sqlite_repo, open_repo, store):
    # stores decoded once are reused while their row is unchanged; a change must show at once,
    # on this connection and on another
    assert sqlite_repo.get_store(store.id) == store
    changed = replace(store, name="Renamed", policy=replace(store.policy, minimum_order=D("25.00")))
    with sqlite_repo.transaction():
        sqlite_repo.save_store(changed)
    assert sqlite_repo.get_store(store.id) == changed
    assert open_repo().get_store(store.id).policy.minimum_order == D("25.00")
    with sqlite_repo.transaction():
        sqlite_repo.save_store(store)
    assert open_repo().get_store(store.id) == store
