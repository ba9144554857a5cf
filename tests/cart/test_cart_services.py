"""Service-layer tests. Each runs against the in-memory fake and against real SQLite (the
`repo` fixture is parametrised), so the fake can't drift from the adapter unnoticed."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from cart import checkout, services
from cart.errors import (
    AlreadyCancelled, BelowMinimumOrder, CancelTooLate, CartChanged, EmptyCart,
    InvalidSubmissionKey, LineNotFound, NoAddress, NoFulfillmentChosen, NothingToUndo,
    OrderNotFound, OutOfStock, SlotFull, SlotTooSoon, SubmissionKeyConflict, UnknownStore,
)
from cart.fulfillment import DELIVERY, PICKUP
from cart.json_views import cart_json, orders_json
from cart.model import Address, Substitution
from cart.orders import BEING_PICKED, CANCELLED, COMPLETED, PLACED, READY_FOR_PICKUP

UTC = timezone.utc  # datetime.UTC is 3.11+; setup.cfg allows 3.10

D = Decimal
NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)  # Monday 09:00 in New York
MIN = timedelta(minutes=1)
ADDRESS = Address("27 Willow Court", "Brooklyn", "NY", "11215", line2="Apt 3B")


@pytest.fixture
def repo(any_repo):
    return any_repo


def local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=NY)


def fill_cart(repo, products, customer="ann", now=NOW):
    services.add_item(repo, customer, products["milk"], 2, "gallon", now=now)
    services.add_item(repo, customer, products["apples"], 2.5, "pound", now=now)
    return services.get_cart(repo, customer)  # 7.58 + 9.98 = 17.56


def checkout_now(repo, customer="ann", key=None, now=NOW, **kw):
    return checkout.place_order(repo, customer, key or f"{customer}-key", now=now, **kw)


# --- cart -----------------------------------------------------------------------------------

def test_cart_persists_and_reads_back(repo, products):
    cart = fill_cart(repo, products)
    assert [(l.product_id, l.quantity, l.unit) for l in cart.lines] == [
        ("milk", 2, "gallon"), ("apples", D("2.5"), "pound")]
    assert cart.total == D("17.56")
    assert services.get_cart(repo, "someone-else").is_empty


def test_add_merges_and_updates(repo, products):
    services.add_item(repo, "ann", products["milk"], 1, "gallon", now=NOW)
    line = services.add_item(repo, "ann", products["milk"], 2, "gallon", now=NOW)
    assert line.quantity == 3
    assert services.set_quantity(repo, "ann", "milk", 5, now=NOW).quantity == 5
    assert services.remove_item(repo, "ann", "milk", now=NOW)[0].product_id == "milk"
    assert services.get_cart(repo, "ann").is_empty


def test_out_of_stock_product_is_not_added(repo, products):
    with pytest.raises(OutOfStock):
        services.add_item(repo, "ann", products["gone"], now=NOW)
    assert services.get_cart(repo, "ann").is_empty


def test_failed_change_leaves_cart_as_it_was(repo, products):
    fill_cart(repo, products)
    before = services.get_cart(repo, "ann")
    with pytest.raises(LineNotFound):
        services.remove_item(repo, "ann", "bread", now=NOW)
    after = services.get_cart(repo, "ann")
    assert (after.lines, after.revision) == (before.lines, before.revision)


def test_undo_across_requests(repo, products):
    fill_cart(repo, products)
    services.set_quantity(repo, "ann", "milk", 4, now=NOW)
    services.clear_cart(repo, "ann", now=NOW)
    assert services.undo(repo, "ann", now=NOW).lines[0].quantity == 4
    assert services.undo(repo, "ann", now=NOW).lines[0].quantity == 2
    services.undo(repo, "ann", now=NOW)
    services.undo(repo, "ann", now=NOW)
    with pytest.raises(NothingToUndo):
        services.undo(repo, "ann", now=NOW)
    assert services.get_cart(repo, "ann").is_empty


def test_refresh_prices(repo, products):
    fill_cart(repo, products)
    dearer = {**products, "milk": replace(products["milk"], price=D("3.99"))}
    changed = services.refresh_prices(repo, "ann", dearer.get, now=NOW)
    assert [(l.product_id, l.line_total) for l in changed] == [("milk", D("7.98"))]
    assert services.get_cart(repo, "ann").total == D("17.96")


def test_several_changes_in_one_transaction(repo, products):
    with pytest.raises(OutOfStock):
        with repo.transaction():
            services.add_item(repo, "ann", products["milk"], now=NOW)
            services.add_item(repo, "ann", products["gone"], now=NOW)
    assert services.get_cart(repo, "ann").is_empty  # the milk was rolled back too


# --- customers and substitution -------------------------------------------------------------

def test_substitution_per_line_and_default_reach_the_order(repo, products):
    fill_cart(repo, products)
    services.set_substitution(repo, "ann", "milk",
                              Substitution.specific("oatmilk", "Oat Milk"), now=NOW)
    services.set_default_substitution(repo, "ann", Substitution.none())
    services.choose_fulfillment(repo, "ann", PICKUP, now=NOW)
    order = checkout_now(repo).order
    subs = {l.product_id: l.substitution for l in order.lines}
    assert subs["milk"] == Substitution.specific("oatmilk", "Oat Milk")
    assert subs["apples"] == Substitution.none()


def test_the_shopping_store_is_the_held_slots_else_the_preferred_one(any_repo, store_factory):
    repo = any_repo
    with repo.transaction():
        repo.save_store(store_factory("bk"))
    assert services.shopping_store(repo, "nobody") is None  # no hold, no customer row
    services.set_address(repo, "bob", ADDRESS)
    assert services.shopping_store(repo, "bob") is None  # a customer without a store
    services.set_preferred_store(repo, "bob", "ny")
    assert services.shopping_store(repo, "bob").id == "ny"
    services.choose_fulfillment(repo, "bob", PICKUP, now=NOW, store_id="bk")
    assert services.shopping_store(repo, "bob").id == "bk"  # the hold's store comes first
    with repo.transaction():
        repo.delete_hold("bob")
    assert services.shopping_store(repo, "bob").id == "ny"


def test_customer_and_store_read_together_answer_as_read_apart(any_repo):
    repo = any_repo
    services.set_address(repo, "bob", ADDRESS)
    for customer_id in ("ann", "bob", "nobody"):
        for store_id in ("ny", "atlantis"):
            assert repo.customer_and_store(customer_id, store_id) == (
                repo.get_customer(customer_id), repo.get_store(store_id))
    customer, store = repo.customer_and_store("bob", "ny")
    assert customer.address == ADDRESS and store.id == "ny"


def test_address_and_preferred_store(repo):
    customer = services.set_address(repo, "bob", ADDRESS)
    assert services.get_customer(repo, "bob").address == ADDRESS == customer.address
    with pytest.raises(UnknownStore):
        services.set_preferred_store(repo, "bob", "atlantis")
    assert services.set_preferred_store(repo, "bob", "ny").preferred_store_id == "ny"


# --- fulfillment ----------------------------------------------------------------------------

def test_next_available_and_hold(repo):
    hold = services.choose_fulfillment(repo, "ann", PICKUP, now=NOW)
    assert hold.slot.start == local(2, 11)  # 2 h lead from 09:00
    assert hold.expires_at == NOW + timedelta(minutes=10)
    assert services.get_hold(repo, "ann") == hold


def test_tomorrow_at_five_in_store_time(repo):
    hold = services.choose_fulfillment(repo, "ann", PICKUP, now=NOW,
                                       requested=datetime(2026, 3, 3, 17, 0))  # naive: local
    assert hold.slot.local_start == local(3, 17)
    assert hold.slot.start == datetime(2026, 3, 3, 22, 0, tzinfo=UTC)


def test_delivery_needs_an_address(repo, products):
    with pytest.raises(NoAddress):
        services.choose_fulfillment(repo, "ann", DELIVERY, now=NOW)
    services.set_address(repo, "ann", ADDRESS)
    hold = services.choose_fulfillment(repo, "ann", DELIVERY, now=NOW,
                                       requested=datetime(2026, 3, 3, 17, 0))
    # windows run 07-09, 09-11 ... 17-19: five o'clock opens the 17-19 window
    assert (hold.slot.local_start, hold.slot.local_end) == (local(3, 17), local(3, 19))


def test_holds_count_against_capacity_until_they_expire(repo):
    store = repo.list_stores()[0]
    with repo.transaction():  # let holds alone fill a slot (by default they take half at most)
        repo.save_store(replace(store, policy=replace(store.policy, max_held_percent=100)))
    five = datetime(2026, 3, 3, 17, 0)
    first = services.choose_fulfillment(repo, "c0", PICKUP, now=NOW, requested=five).slot
    for i in range(1, 4):
        assert services.choose_fulfillment(repo, f"c{i}", PICKUP, now=NOW,
                                           requested=five).slot == first
    # four live holds: the slot is full for a fifth shopper...
    assert services.choose_fulfillment(repo, "c4", PICKUP, now=NOW,
                                       requested=five).slot.local_start == local(3, 18)
    # ...until they lapse (a hold is live for exactly its hold time)
    later = NOW + timedelta(minutes=10)
    assert services.choose_fulfillment(repo, "c5", PICKUP, now=later, requested=five).slot == first
    # choosing again replaces one's own hold rather than adding a second
    services.choose_fulfillment(repo, "c5", PICKUP, now=later, requested=five)
    for i in range(6, 9):
        assert services.choose_fulfillment(repo, f"c{i}", PICKUP, now=later,
                                           requested=five).slot == first
    assert services.choose_fulfillment(repo, "c9", PICKUP, now=later,
                                       requested=five).slot != first


def test_available_slots_after_a_time(repo):
    slots = services.available_slots(repo, "ann", PICKUP, now=NOW,
                                     after=datetime(2026, 3, 4, 0, 0), limit=2)
    assert [s.local_start for s in slots] == [local(4, 7), local(4, 8)]


# --- placing orders -------------------------------------------------------------------------

def test_place_order_books_prices_and_empties_cart(repo, products):
    fill_cart(repo, products)
    hold = services.choose_fulfillment(repo, "ann", PICKUP, now=NOW)
    summary = checkout.checkout_summary(repo, "ann")
    assert (summary.subtotal, summary.delivery_fee, summary.total, summary.item_count) == \
        (D("17.56"), D("0.00"), D("17.56"), 2)
    result = checkout.place_order(repo, "ann", summary.submission_key, now=NOW,
                                  expected_revision=summary.cart_revision)
    order = result.order
    assert result.created and order.total == D("17.56")
    assert order.fulfillment.slot_start == hold.slot.start and order.fulfillment.kind == PICKUP
    assert [l.unit_price for l in order.lines] == [D("3.79"), D("3.99")]
    assert services.get_cart(repo, "ann").is_empty
    assert services.get_hold(repo, "ann") is None
    with pytest.raises(NothingToUndo):  # the order can't be undone back into the cart
        services.undo(repo, "ann", now=NOW)


def test_delivery_fee_below_and_at_threshold(repo, products):
    services.set_address(repo, "ann", ADDRESS)
    fill_cart(repo, products)
    services.choose_fulfillment(repo, "ann", DELIVERY, now=NOW)
    assert checkout_now(repo, key="k1").order.delivery_fee == D("5.99")
    services.add_item(repo, "ann", products["steak"], 2, now=NOW)  # 36.00: free
    services.choose_fulfillment(repo, "ann", DELIVERY, now=NOW)
    order = checkout_now(repo, key="k2").order
    assert (order.delivery_fee, order.total) == (D("0.00"), D("36.00"))
    assert order.fulfillment.address == ADDRESS


def test_empty_cart_cannot_be_checked_out(repo):
    services.choose_fulfillment(repo, "ann", PICKUP, now=NOW)
    with pytest.raises(EmptyCart):
        checkout_now(repo)
    with pytest.raises(EmptyCart):
        checkout.checkout_summary(repo, "ann")


def test_minimum_order(repo, products):
    services.add_item(repo, "ann", products["eggs"], 2, now=NOW)   # 8.98
    services.choose_fulfillment(repo, "ann", PICKUP, now=NOW)
    with pytest.raises(BelowMinimumOrder) as err:
        checkout_now(repo)
    assert err.value.shortfall == D("1.02")
    cheap = replace(products["bread"], id="roll", price=D("1.02"))
    services.add_item(repo, "ann", cheap, now=NOW)                 # exactly 10.00
    assert checkout_now(repo).order.subtotal == D("10.00")


def test_no_fulfillment_chosen(repo, products):
    fill_cart(repo, products)
    with pytest.raises(NoFulfillmentChosen):
        checkout_now(repo)


def test_idempotent_submission(repo, products):
    fill_cart(repo, products)
    services.choose_fulfillment(repo, "ann", PICKUP, now=NOW)
    first = checkout_now(repo, key="yes-1")
    again = checkout_now(repo, key="yes-1", now=NOW + MIN)
    assert first.created and not again.created and again.order == first.order
    # a refilled cart with the same key still gets the same, single order
    fill_cart(repo, products)
    assert checkout_now(repo, key="yes-1").order.id == first.order.id
    assert len(checkout.list_orders(repo, "ann")) == 1
    assert not services.get_cart(repo, "ann").is_empty  # and the new cart is untouched


def test_retry_after_the_order_completed(repo, products):
    fill_cart(repo, products)
    services.choose_fulfillment(repo, "ann", PICKUP, now=NOW)
    order = checkout_now(repo, key="k").order
    much_later = order.fulfillment.slot_end + timedelta(days=2)
    assert order.status_at(much_later) == COMPLETED
    retry = checkout_now(repo, key="k", now=much_later)
    assert not retry.created and retry.order.id == order.id
    assert len(checkout.list_orders(repo)) == 1


def test_retry_after_the_order_was_cancelled(repo, products):
    fill_cart(repo, products)
    services.choose_fulfillment(repo, "ann", PICKUP, now=NOW)
    order = checkout_now(repo, key="k").order
    checkout.cancel_order(repo, "ann", now=NOW + MIN)
    retry = checkout_now(repo, key="k", now=NOW + 2 * MIN)
    assert not retry.created and retry.order.id == order.id
    assert retry.order.status_at(NOW + 2 * MIN) == CANCELLED
    assert len(checkout.list_orders(repo)) == 1


def test_submission_key_of_another_customer(repo, products):
    fill_cart(repo, products)
    services.choose_fulfillment(repo, "ann", PICKUP, now=NOW)
    checkout_now(repo, key="shared")
    fill_cart(repo, products, "bob")
    services.choose_fulfillment(repo, "bob", PICKUP, now=NOW)
    with pytest.raises(SubmissionKeyConflict):
        checkout_now(repo, "bob", key="shared")
    assert not services.get_cart(repo, "bob").is_empty


@pytest.mark.parametrize("key", ["", "   ", "x" * 201, None])
def test_bad_submission_keys(repo, key):
    with pytest.raises(InvalidSubmissionKey):
        checkout.place_order(repo, "ann", key, now=NOW)


def test_cart_changed_since_the_summary(repo, products):
    fill_cart(repo, products)
    services.choose_fulfillment(repo, "ann", PICKUP, now=NOW)
    summary = checkout.checkout_summary(repo, "ann")
    services.add_item(repo, "ann", products["eggs"], now=NOW)  # from another device
    with pytest.raises(CartChanged):
        checkout.place_order(repo, "ann", summary.submission_key, now=NOW,
                             expected_revision=summary.cart_revision)


def _book(repo, products, customer, now=NOW, key=None, **choose):
    fill_cart(repo, products, customer, now)
    services.choose_fulfillment(repo, customer, PICKUP, now=now, **choose)
    return checkout_now(repo, customer, key=key, now=now).order


def test_slot_exactly_at_capacity(repo, products):
    orders = [_book(repo, products, f"c{i}") for i in range(4)]
    assert len({o.fulfillment.slot_key for o in orders}) == 1  # all four in the 11:00 slot
    fifth = _book(repo, products, "c4")
    assert fifth.fulfillment.slot_start == local(2, 12)


def test_purchase_counts_are_the_lines_of_the_newest_orders_alone(repo, products):
    # What "their milk" is judged by: counted without reading the orders, and the same as
    # counting the lines of the orders list_orders gives
    baskets = [[("milk", "gallon"), ("eggs", None)],
               [("milk", "gallon"), ("milk", None), ("bread", None)],  # milk in two units
               [("steak", None), ("eggs", None)]]
    for day, basket in enumerate(baskets):
        now = NOW + timedelta(days=day)
        for product, unit in basket:
            services.add_item(repo, "ann", products[product], 3, unit, now=now)  # over $10
        services.choose_fulfillment(repo, "ann", PICKUP, now=now)
        checkout_now(repo, "ann", key=f"ann-{day}", now=now)
    _book(repo, products, "bob")  # another shopper's apples and milk count for nobody else

    def counted(orders: int) -> dict[str, int]:
        counts: dict[str, int] = {}
        for order in checkout.list_orders(repo, "ann", orders):
            for line in order.lines:
                counts[line.product_id] = counts.get(line.product_id, 0) + 1
        return counts

    assert checkout.purchase_counts(repo, "ann", 2) == counted(2) == \
        {"steak": 1, "eggs": 1, "milk": 2, "bread": 1}  # the newest two orders
    assert checkout.purchase_counts(repo, "ann", 20) == counted(20) == \
        {"steak": 1, "eggs": 2, "milk": 3, "bread": 1}
    assert checkout.purchase_counts(repo, "nobody", 20) == {}


def test_held_slot_filled_meanwhile_raises_slot_full_with_next(repo, products):
    five = datetime(2026, 3, 3, 17, 0)  # tomorrow at five, store time
    fill_cart(repo, products, "late")
    held = services.choose_fulfillment(repo, "late", PICKUP, now=NOW, requested=five).slot
    later = NOW + timedelta(minutes=15)  # the hold has lapsed; four others book the slot
    for i in range(4):
        assert _book(repo, products, f"c{i}", now=later, requested=five).fulfillment.slot_key \
            == held.key
    with pytest.raises(SlotFull) as err:
        checkout_now(repo, "late", now=later)
    assert err.value.slot.key == held.key
    assert err.value.next_slot.local_start == local(3, 18)  # 16:00 and 18:00 tie: the later
    assert not services.get_cart(repo, "late").is_empty  # nothing lost
    assert len(checkout.list_orders(repo)) == 4
    # taking the offered slot works
    services.choose_fulfillment(repo, "late", PICKUP, now=later,
                                requested=err.value.next_slot.start)
    assert checkout_now(repo, "late", now=later).order.fulfillment.slot_start == local(3, 18)


def test_live_hold_is_honoured(repo, products):
    fill_cart(repo, products, "early")
    held = services.choose_fulfillment(repo, "early", PICKUP, now=NOW).slot
    for i in range(3):  # three others fill the rest while the hold is live
        assert _book(repo, products, f"c{i}").fulfillment.slot_key == held.key
    assert _book(repo, products, "c3").fulfillment.slot_start == local(2, 12)
    assert checkout_now(repo, "early", now=NOW + 9 * MIN).order.fulfillment.slot_key == held.key


def test_lapsed_hold_inside_lead_time(repo, products):
    fill_cart(repo, products)
    services.choose_fulfillment(repo, "ann", PICKUP, now=NOW)  # 11:00
    with pytest.raises(SlotTooSoon) as err:
        checkout_now(repo, now=NOW + timedelta(minutes=30))   # 09:30: lead runs to 11:30
    assert err.value.next_slot.start == local(2, 12)


def test_cancelled_order_frees_its_slot(repo, products):
    orders = [_book(repo, products, f"c{i}") for i in range(4)]
    checkout.cancel_order(repo, "c0", orders[0].id, now=NOW + MIN)
    assert _book(repo, products, "c9").fulfillment.slot_key == orders[0].fulfillment.slot_key


# --- status, cancel, reorder ----------------------------------------------------------------

def test_order_status_progression(repo, products):
    order = _book(repo, products, "ann")  # 11:00-12:00 pickup; picking from 10:00
    steps = [(local(2, 9, 30), PLACED), (local(2, 10), BEING_PICKED),
             (local(2, 11, 30), READY_FOR_PICKUP), (local(2, 12), COMPLETED)]
    for when, status in steps:
        report = checkout.order_status(repo, "ann", now=when)
        assert (report.order.id, report.status) == (order.id, status)
    assert checkout.order_status(repo, "ann", now=NOW).cancel_until == local(2, 10)
    with pytest.raises(OrderNotFound):
        checkout.order_status(repo, "bob", now=NOW)


def test_cancel_cutoff_and_isolation(repo, products):
    order = _book(repo, products, "ann")
    with pytest.raises(OrderNotFound):  # bob can't cancel, or learn about, ann's order
        checkout.cancel_order(repo, "bob", order.id, now=NOW)
    with pytest.raises(CancelTooLate):
        checkout.cancel_order(repo, "ann", order.id, now=local(2, 10))
    cancelled = checkout.cancel_order(repo, "ann", now=local(2, 9, 59))
    assert cancelled.status_at(local(2, 10)) == CANCELLED
    with pytest.raises(AlreadyCancelled):
        checkout.cancel_order(repo, "ann", now=local(2, 9, 59))
    with pytest.raises(OrderNotFound):
        checkout.cancel_order(repo, "nobody", now=NOW)


def test_cancel_without_id_takes_newest_open_order(repo, products):
    first = _book(repo, products, "ann")
    second = _book(repo, products, "ann", now=NOW + MIN, key="second")
    assert second.id != first.id
    checkout.cancel_order(repo, "ann", second.id, now=NOW + 2 * MIN)
    assert checkout.cancel_order(repo, "ann", now=NOW + 3 * MIN).id == first.id


def test_reorder_last_order_reports_unavailable(repo, products):
    services.add_item(repo, "ann", products["steak"], now=NOW)
    services.add_item(repo, "ann", products["eggs"], 2, "dozen", now=NOW)
    services.add_item(repo, "ann", products["bread"], now=NOW)
    services.choose_fulfillment(repo, "ann", PICKUP, now=NOW)
    order = checkout_now(repo).order
    catalog = {**products, "eggs": replace(products["eggs"], in_stock=False),
               "steak": replace(products["steak"], price=D("19.50"))}
    del catalog["bread"]
    result = checkout.reorder(repo, "ann", catalog.get, now=NOW + MIN)
    assert result.order.id == order.id
    assert [(l.product_id, l.unit_price) for l in result.added] == [("steak", D("19.50"))]
    assert {l.product_id for l in result.unavailable} == {"eggs", "bread"}
    services.undo(repo, "ann", now=NOW + MIN)  # one undo takes the whole reorder back
    assert services.get_cart(repo, "ann").is_empty


def test_reorder_named_order_and_none(repo, products, lookup):
    with pytest.raises(OrderNotFound):
        checkout.reorder(repo, "ann", lookup, now=NOW)
    first = _book(repo, products, "ann")
    services.add_item(repo, "ann", products["steak"], now=NOW)
    services.choose_fulfillment(repo, "ann", PICKUP, now=NOW)
    checkout_now(repo, key="second")
    result = checkout.reorder(repo, "ann", lookup, first.id, now=NOW)
    assert [l.product_id for l in result.added] == ["milk", "apples"]
    with pytest.raises(OrderNotFound):
        checkout.reorder(repo, "bob", lookup, first.id, now=NOW)


# --- JSON contract --------------------------------------------------------------------------

def test_cart_json_contract(repo, products):
    fill_cart(repo, products)
    assert cart_json(services.get_cart(repo, "ann")) == {
        "user_id": "ann",
        "items": [
            {"product_id": "milk", "name": "Whole Milk", "quantity": 2, "unit": "gallon",
             "unit_price": 3.79, "line_total": 7.58,
             "asked": {"quantity": 2, "unit": "gallon"}, "estimated": False},
            {"product_id": "apples", "name": "Honeycrisp Apples", "quantity": 2.5,
             "unit": "pound", "unit_price": 3.99, "line_total": 9.98,
             "asked": {"quantity": 2.5, "unit": "pound"}, "estimated": True},
        ],
        "total": 17.56,
    }
    assert cart_json(services.get_cart(repo, "nobody")) == {"user_id": "nobody", "items": [],
                                                            "total": 0.0}


def test_orders_json_contract(repo, products):
    services.set_address(repo, "ann", ADDRESS)
    first = _book(repo, products, "ann")
    fill_cart(repo, products)
    services.choose_fulfillment(repo, "ann", DELIVERY, now=NOW + MIN)
    second = checkout_now(repo, key="delivery", now=NOW + MIN).order
    listed = orders_json(checkout.list_orders(repo, "ann"), NOW + MIN)
    assert [o["id"] for o in listed] == [second.id, first.id]  # newest first
    # the contract's fields, and only the fields added since (issue 17: the bill's parts and
    # the change history)
    assert set(listed[0]) == {"id", "user_id", "status", "created_at", "total", "fulfillment",
                              "items", "subtotal", "tax", "tax_rate", "changes"}
    assert (listed[0]["subtotal"], listed[0]["tax"], listed[0]["tax_rate"]) == (17.56, 0, "0")
    assert listed[0]["changes"] == []
    assert listed[0]["total"] == 23.55 and listed[0]["status"] == "placed"
    assert listed[0]["created_at"] == "2026-03-02T14:01:00+00:00"
    assert listed[0]["fulfillment"] == {
        "type": "delivery", "store_id": "ny", "store_name": "Test Market ny",
        "slot_start": "2026-03-02T13:00-05:00", "slot_end": "2026-03-02T15:00-05:00",
        "fee": 5.99, "address": {"line1": "27 Willow Court", "line2": "Apt 3B",
                                 "city": "Brooklyn", "region": "NY", "postal_code": "11215",
                                 "instructions": None},
        "store_address": listed[0]["fulfillment"]["store_address"],
        "delivery_notes": {"text": None, "unattended": False}}
    assert listed[1]["fulfillment"]["type"] == "pickup" and "address" not in listed[1]["fulfillment"]
    assert listed[1]["items"][1] == {"product_id": "apples", "name": "Honeycrisp Apples",
                                     "quantity": 2.5, "unit": "pound", "unit_price": 3.99,
                                     "line_total": 9.98,
                                     "asked": {"quantity": 2.5, "unit": "pound"},
                                     "estimated": True, "taxable": False,
                                     "substitution": {"mode": "allow", "product_id": None,
                                                      "name": None}}
