"""Changing a placed order (cart.order_changes), on the fake, SQLite and PostgreSQL: planning
writes nothing, applying is atomic, exactly once per change id, version-checked, and never
books a slot past its capacity."""
from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from dataclasses import replace

from cart import checkout, services
from cart.errors import (BelowMinimumOrder, NothingToChange, OrderChangedMeanwhile, OrderLocked,
                         OutOfStock, SlotFull)
from cart.fulfillment import DELIVERY, PICKUP
from cart.json_views import orders_json
from cart.model import Address, Customer, DeliveryNotes, Substitution
from catalog.model import Product
from cart.order_changes import AddedLine, ChangeRequest, apply_order_change, plan_order_change
from cart.outbox.events import ORDER_CHANGED

UTC = timezone.utc
NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)  # Monday 09:00 in New York
D = Decimal


@pytest.fixture
def repo(any_repo):
    return any_repo


def place(repo, products, customer="ann", hour=17, day=3):
    """A pickup order of `customer` for March `day` at `hour` New York time."""
    with repo.transaction():
        if repo.get_customer(customer) is None:
            repo.save_customer(Customer(customer, preferred_store_id="ny"))
    services.add_item(repo, customer, products["milk"], 2, "gallon", now=NOW)
    services.add_item(repo, customer, products["apples"], 2.5, "pound", now=NOW)
    services.choose_fulfillment(repo, customer, PICKUP, now=NOW,
                                requested=datetime(2026, 3, day, hour, 0))
    return checkout.place_order(repo, customer, f"{customer}-{day}-{hour}", now=NOW).order


def bread(products) -> AddedLine:
    p = products["bread"]
    return AddedLine(p.id, p.name, D(1), None, p.price)


def events(repo) -> int:
    if hasattr(repo, "events"):
        return len(repo.events)
    return repo.sql.execute("select count(*) from outbox_events").fetchone()[0]


def test_planning_writes_nothing(repo, products):
    order = place(repo, products)
    before = events(repo)
    plan = plan_order_change(repo, "ann", ChangeRequest(add=(bread(products),)), now=NOW)
    assert plan.total == order.total + D("5.25") and plan.raises_total
    assert repo.get_order(order.id) == order and events(repo) == before


def test_adding_applies_once_records_the_change_and_an_event(repo, products):
    order = place(repo, products)
    before = events(repo)
    request = ChangeRequest(add=(bread(products),))
    result = apply_order_change(repo, "ann", request, order_id=order.id, change_id="c1",
                                base_version=0, now=NOW + timedelta(minutes=5))
    assert result.applied
    stored = repo.get_order(order.id)
    assert [line.product_id for line in stored.lines] == ["milk", "apples", "bread"]
    assert stored.total == order.total + D("5.25")
    [change] = stored.changes
    assert (change.id, change.total_before, change.total_after) == ("c1", order.total, stored.total)
    assert change.at == NOW + timedelta(minutes=5) and "Sourdough" in change.summary
    assert events(repo) == before + 1
    if hasattr(repo, "events"):
        assert repo.events[-1].type == ORDER_CHANGED

    again = apply_order_change(repo, "ann", request, order_id=order.id, change_id="c1",
                               base_version=0, now=NOW + timedelta(minutes=6))
    assert not again.applied and repo.get_order(order.id) == stored
    assert events(repo) == before + 1
    listed = orders_json([stored], NOW)[0]
    assert listed["changes"][0]["total_after"] == float(stored.total)


def test_a_change_planned_on_an_older_version_is_refused(repo, products):
    order = place(repo, products)
    apply_order_change(repo, "ann", ChangeRequest(add=(bread(products),)), order_id=order.id,
                       change_id="first", base_version=0, now=NOW)
    with pytest.raises(OrderChangedMeanwhile):
        apply_order_change(repo, "ann", ChangeRequest(remove=("apples",)), order_id=order.id,
                           change_id="second", base_version=0, now=NOW)
    assert len(repo.get_order(order.id).changes) == 1


def test_moving_frees_the_old_slot_and_books_the_new_one(repo, products):
    order = place(repo, products)
    plan = plan_order_change(repo, "ann", ChangeRequest(requested=datetime(2026, 3, 4, 10, 0)),
                             now=NOW)
    apply_order_change(repo, "ann", ChangeRequest(slot_start=plan.fulfillment.slot_start),
                       order_id=order.id, change_id="m", base_version=0, now=NOW)
    moved = repo.get_order(order.id)
    old, new = order.fulfillment, moved.fulfillment
    assert new.slot.local_start == datetime(2026, 3, 4, 10, 0, tzinfo=NY)
    assert moved.picking_at == new.slot_start - timedelta(hours=1)
    usage = repo.slot_usage("ny", PICKUP, NOW, NOW + timedelta(days=7), NOW)
    assert usage.get(old.slot_key, 0) == 0 and usage[new.slot_key] == 1


def test_a_full_slot_is_never_booked_and_the_order_stays(repo, products):
    for n in range(4):  # the 4 places of Wednesday 10 AM
        place(repo, products, customer=f"other{n}", hour=10, day=4)
    order = place(repo, products)
    plan = plan_order_change(repo, "ann", ChangeRequest(requested=datetime(2026, 3, 4, 10, 0)),
                             now=NOW)
    assert plan.slot.local_start != datetime(2026, 3, 4, 10, 0, tzinfo=NY)  # the nearest with room
    full = datetime(2026, 3, 4, 15, 0, tzinfo=UTC)  # 10 AM New York
    with pytest.raises(SlotFull):
        apply_order_change(repo, "ann", ChangeRequest(slot_start=full), order_id=order.id,
                           change_id="x", base_version=0, now=NOW)
    assert repo.get_order(order.id) == order


def test_switching_to_delivery_keeps_the_time_and_charges_the_fee(repo, products):
    services.set_address(repo, "ann", Address("1 Main St", "Brooklyn", "NY", "11215"))
    order = place(repo, products)
    plan = plan_order_change(repo, "ann", ChangeRequest(kind=DELIVERY), now=NOW)
    assert plan.fulfillment.kind == DELIVERY
    assert plan.slot.local_start == order.fulfillment.slot.local_start
    assert plan.delivery_fee == D("5.99") and plan.total == order.subtotal + D("5.99")


def test_no_change_after_picking_starts(repo, products):
    order = place(repo, products)
    picking = order.picking_at + timedelta(minutes=1)
    with pytest.raises(OrderLocked) as exc:
        plan_order_change(repo, "ann", ChangeRequest(add=(bread(products),)), now=picking)
    assert exc.value.status == "picking"


def test_the_minimum_and_an_empty_order_are_refused(repo, products):
    place(repo, products)
    with pytest.raises(BelowMinimumOrder):
        plan_order_change(repo, "ann", ChangeRequest(remove=("apples",)), now=NOW)
    with pytest.raises(NothingToChange):
        plan_order_change(repo, "ann", ChangeRequest(remove=("apples", "milk")), now=NOW)


def test_taking_part_of_a_line_off_keeps_the_rest_and_bills_it(repo, products):
    order = place(repo, products)  # 2 gallons of milk, 2.5 pounds of apples
    request = ChangeRequest(fewer=(("milk", "gallon", D(1)),))

    plan = plan_order_change(repo, "ann", request, now=NOW)

    assert plan.added == ()
    assert [(l.product_id, l.quantity) for l in plan.removed] == [("milk", D(1))]
    assert plan.subtotal == order.subtotal - D("3.79")
    apply_order_change(repo, "ann", request, order_id=order.id, change_id="c-fewer",
                       base_version=order.version, now=NOW, expected_total=plan.total)
    [stored] = repo.list_orders("ann", 1)
    assert {(l.product_id, l.quantity, l.unit) for l in stored.lines} == {
        ("milk", D(1), "gallon"), ("apples", D("2.5"), "pound")}
    assert stored.total == plan.total
    assert stored.changes[-1].summary == "removed 1 gallon Whole Milk"


def test_taking_all_of_a_line_off_or_more_removes_it(repo, products):
    place(repo, products)
    with pytest.raises(BelowMinimumOrder) as exc:  # what is left: the milk alone, $7.58
        plan_order_change(repo, "ann", ChangeRequest(fewer=(("apples", "pound", D(3)),)), now=NOW)
    assert exc.value.subtotal == D("7.58")


def test_two_shoppers_moving_into_the_last_place_at_once_one_gets_it(open_repo, store, products):
    """Real SQLite, one connection per thread: the capacity check happens inside the write
    lock, so the last place of a slot goes to exactly one order."""
    setup = open_repo()
    with setup.transaction():
        setup.save_store(store)
    for n in range(3):  # three of the four places of Wednesday 10 AM
        place(setup, products, customer=f"other{n}", hour=10, day=4)
    orders = [place(setup, products, customer=name) for name in ("ann", "bo")]
    target = datetime(2026, 3, 4, 15, 0, tzinfo=UTC)
    outcomes: list[object] = []
    barrier = threading.Barrier(2)

    def move(order):
        repo = open_repo()
        barrier.wait()
        try:
            outcomes.append(apply_order_change(repo, order.customer_id,
                                               ChangeRequest(slot_start=target),
                                               order_id=order.id, change_id="mv",
                                               base_version=0, now=NOW))
        except SlotFull as exc:
            outcomes.append(exc)

    threads = [threading.Thread(target=move, args=(order,)) for order in orders]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(type(o).__name__ for o in outcomes) == ["ChangeResult", "SlotFull"]
    usage = setup.slot_usage("ny", PICKUP, NOW, NOW + timedelta(days=7), NOW)
    assert usage["ny/pickup/2026-03-04T15:00Z"] == 4


# --- the bill of a changed order: cart.pricing, as at checkout (issue 17c's tax) ---------------

NYC = D("0.08875")
SOAP = Product("soap", "Dish Soap", D("3.49"), taxable=True)


def taxed_store(repo, store_factory, **policy):
    with repo.transaction():
        repo.save_store(store_factory("tx", tax_rate=NYC, **policy))
        repo.save_customer(Customer("bob", preferred_store_id="tx", address=Address(
            "27 Willow Court", "Brooklyn", "NY", "11215")))


def place_bob(repo, products, *items):
    for product, quantity in items:
        services.add_item(repo, "bob", product, quantity, now=NOW)
    services.choose_fulfillment(repo, "bob", PICKUP, now=NOW,
                                requested=datetime(2026, 3, 3, 17, 0))
    return checkout.place_order(repo, "bob", "bob-1", now=NOW).order


def test_a_change_is_billed_with_tax_and_stored_as_read_back(any_repo, store_factory, products):
    repo = any_repo
    taxed_store(repo, store_factory)
    order = place_bob(repo, products, (products["milk"], 4))  # 15.16, not taxable
    assert (order.tax, order.total) == (D("0.00"), D("15.16"))

    soap = AddedLine(SOAP.id, SOAP.name, D(2), None, SOAP.price, taxable=True)
    plan = plan_order_change(repo, "bob", ChangeRequest(add=(soap,)), now=NOW)
    # 6.98 taxable x 8.875% = 0.619475 -> 0.62, rounded once; 15.16 + 6.98 + 0.62
    assert (plan.subtotal, plan.tax, plan.total, plan.tax_rate) == (
        D("22.14"), D("0.62"), D("22.76"), NYC)
    apply_order_change(repo, "bob", ChangeRequest(add=(soap,)), order_id=order.id,
                       change_id="s", base_version=0, now=NOW, expected_total=plan.total)

    stored = repo.get_order(order.id)
    assert (stored.subtotal, stored.tax, stored.total, stored.tax_rate) == (
        plan.subtotal, plan.tax, plan.total, NYC)
    assert [(line.product_id, line.taxable) for line in stored.lines] == [
        ("milk", False), ("soap", True)]
    assert stored.changes[0].total_after == D("22.76")
    [listed] = orders_json([stored], NOW)
    assert (listed["subtotal"], listed["tax"], listed["total"], listed["tax_rate"]) == (
        22.14, 0.62, 22.76, "0.08875")
    assert [i["taxable"] for i in listed["items"]] == [False, True]

    # a later change keeps the soap taxed: moving the time re-bills the same lines
    moved = plan_order_change(repo, "bob", ChangeRequest(requested=datetime(2026, 3, 4, 10, 0)),
                              now=NOW)
    assert (moved.tax, moved.total) == (D("0.62"), D("22.76"))
    apply_order_change(repo, "bob", ChangeRequest(slot_start=moved.fulfillment.slot_start),
                       order_id=order.id, change_id="m", base_version=1, now=NOW)
    again = repo.get_order(order.id)
    assert (again.tax, again.total, [line.taxable for line in again.lines]) == (
        D("0.62"), D("22.76"), [False, True])


def test_removing_the_taxable_line_takes_its_tax_off(any_repo, store_factory, products):
    repo = any_repo
    taxed_store(repo, store_factory)
    order = place_bob(repo, products, (products["milk"], 4), (SOAP, 1))
    assert (order.tax, order.total) == (D("0.31"), D("18.96"))  # 3.49 x 8.875% = 0.31
    apply_order_change(repo, "bob", ChangeRequest(remove=("soap",)), order_id=order.id,
                       change_id="r", base_version=0, now=NOW)
    stored = repo.get_order(order.id)
    assert (stored.subtotal, stored.tax, stored.total) == (D("15.16"), D("0.00"), D("15.16"))


def test_a_total_read_back_that_no_longer_holds_is_not_charged(any_repo, store_factory, products):
    """The store's tax rate changed between the read-back and the yes: nothing is applied."""
    repo = any_repo
    taxed_store(repo, store_factory)
    order = place_bob(repo, products, (products["milk"], 4))
    soap = AddedLine(SOAP.id, SOAP.name, D(1), None, SOAP.price, taxable=True)
    plan = plan_order_change(repo, "bob", ChangeRequest(add=(soap,)), now=NOW)
    with repo.transaction():
        repo.save_store(store_factory("tx", tax_rate=D("0.1025")))
    with pytest.raises(OrderChangedMeanwhile):
        apply_order_change(repo, "bob", ChangeRequest(add=(soap,)), order_id=order.id,
                           change_id="t", base_version=0, now=NOW, expected_total=plan.total)
    assert repo.get_order(order.id) == order


def test_the_rewritten_order_keeps_substitutions_seller_and_delivery_notes(
        any_repo, store_factory, products):
    repo = any_repo
    taxed_store(repo, store_factory)
    services.set_delivery_notes(repo, "bob", DeliveryNotes("Ring the bell", True))
    services.add_item(repo, "bob", products["milk"], 4, now=NOW,
                      substitution=Substitution.none())
    services.choose_fulfillment(repo, "bob", PICKUP, now=NOW,
                                requested=datetime(2026, 3, 3, 17, 0))
    order = checkout.place_order(repo, "bob", "bob-1", now=NOW).order
    assert not order.fulfillment.notes  # pickup: no notes for a driver

    plan = plan_order_change(repo, "bob", ChangeRequest(kind=DELIVERY), now=NOW)
    apply_order_change(repo, "bob", ChangeRequest(kind=DELIVERY,
                                                  slot_start=plan.fulfillment.slot_start),
                       order_id=order.id, change_id="d", base_version=0, now=NOW)
    stored = repo.get_order(order.id)
    f = stored.fulfillment
    assert (f.kind, f.store_address) == (DELIVERY, "1 Test Street")
    assert f.notes == DeliveryNotes("Ring the bell", True)
    assert stored.lines[0].substitution == Substitution.none()
    assert stored.total == plan.total == stored.subtotal + stored.delivery_fee + stored.tax
    [listed] = orders_json([stored], NOW)
    assert listed["fulfillment"]["delivery_notes"] == {"text": "Ring the bell",
                                                       "unattended": True}
    assert listed["items"][0]["substitution"]["mode"] == "none"


def test_a_product_the_orders_store_has_none_of_is_not_added(any_repo, store_factory, products):
    repo = any_repo
    taxed_store(repo, store_factory)
    order = place_bob(repo, products, (products["milk"], 4))
    with repo.transaction():
        repo.save_store(replace(repo.get_store("tx"), out_of_stock=frozenset({"soap"})))
    soap = AddedLine(SOAP.id, SOAP.name, D(1), None, SOAP.price, taxable=True)
    with pytest.raises(OutOfStock):
        plan_order_change(repo, "bob", ChangeRequest(add=(soap,)), now=NOW)
    assert repo.get_order(order.id) == order
