"""Domain tests: money, quantities, the cart aggregate, customers, orders. No I/O."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from cart.errors import (
    AlreadyCancelled, AmbiguousLine, CancelTooLate, CartFull, InvalidAddress, InvalidQuantity,
    InvalidUnit, LineNotFound, NothingToUndo,
)
from cart.fulfillment import DELIVERY, PICKUP, FulfillmentPolicy, OpeningHours, Slot, Store
from cart.model import (
    ANY_UNIT, HISTORY_LIMIT, MAX_LINES, Address, Cart, CartLine, Customer, Substitution,
    customer_key, money, to_quantity,
)
from cart.orders import (
    BEING_PICKED, CANCELLED, COMPLETED, OUT_FOR_DELIVERY, PLACED, READY_FOR_PICKUP, build_order,
    new_order_id,
)

UTC = timezone.utc  # datetime.UTC is 3.11+; setup.cfg allows 3.10

D = Decimal


def add(cart: Cart, pid: str = "milk", qty: object = 1, unit: str | None = None,
        price: str = "3.79") -> CartLine:
    return cart.add(pid, pid.title(), qty, unit, D(price))  # type: ignore[arg-type]


# --- money and quantities -----------------------------------------------------------------

@pytest.mark.parametrize("amount, expected", [
    ("9.975", "9.98"),    # 2.5 lb x $3.99
    ("0.125", "0.13"),    # banker's rounding would give 0.12
    ("0.005", "0.01"),
    ("0.0049", "0.00"),
    ("2.675", "2.68"),    # the classic float trap: round(2.675, 2) == 2.67
    ("7.58", "7.58"),
])
def test_money_rounds_half_up_to_cents(amount, expected):
    assert money(D(amount)) == D(expected)


def test_line_total_two_and_a_half_pounds():
    line = CartLine("apples", "Apples", to_quantity(2.5), "pound", D("3.99"))
    assert line.line_total == D("9.98")


def test_cart_total_is_sum_of_rounded_line_totals():
    cart = Cart("ann")
    add(cart, "a", "0.5", "pound", "0.99")   # 0.495 -> 0.50
    add(cart, "b", "0.5", "pound", "0.99")   # 0.50
    assert cart.total == D("1.00")           # not round(0.99) == 0.99
    add(cart, "c", 3, None, "0.10")
    assert cart.total == D("1.30")
    assert isinstance(cart.total, Decimal)


@pytest.mark.parametrize("value, expected", [
    (2.5, D("2.5")), (0.1, D("0.1")), (3, D(3)), ("3", D(3)), (D("1.50"), D("1.5")),
    (10, D(10)), (999, D(999)), ("0.0004", None), (1.23456, D("1.235")),
])
def test_to_quantity_normalises(value, expected):
    if expected is None:
        with pytest.raises(InvalidQuantity):
            to_quantity(value)
    else:
        got = to_quantity(value)
        assert got == expected
        assert "E" not in str(got)  # 10, not 1E+1


@pytest.mark.parametrize("bad", [0, -1, "-2", float("nan"), float("inf"), True, "abc", None,
                                 1000, D("1e9"), [], "NaN"])
def test_to_quantity_rejects(bad):
    with pytest.raises(InvalidQuantity):
        to_quantity(bad)


@pytest.mark.parametrize("bad", ["Pound", "pound; drop table", "", "x" * 40, "2lb", 5])
def test_bad_unit_shapes_are_refused(bad):
    with pytest.raises(InvalidUnit):
        add(Cart("ann"), unit=bad)


# --- cart changes ---------------------------------------------------------------------------

def test_add_merges_same_product_and_unit_only():
    cart = Cart("ann")
    add(cart, "milk", 2, "gallon")
    add(cart, "milk", 1, "gallon", price="3.89")
    add(cart, "milk", 1, "half_gallon")
    assert [(l.product_id, l.quantity, l.unit) for l in cart.lines] == [
        ("milk", 3, "gallon"), ("milk", 1, "half_gallon")]
    assert cart.lines[0].unit_price == D("3.89")  # the latest price wins on merge


def test_merge_past_limit_is_refused_and_cart_unchanged():
    cart = Cart("ann")
    add(cart, "eggs", 600)
    before = (list(cart.lines), cart.revision, len(cart.history))
    with pytest.raises(InvalidQuantity):
        add(cart, "eggs", 400)
    assert (list(cart.lines), cart.revision, len(cart.history)) == before


def test_cart_full():
    cart = Cart("ann")
    for i in range(MAX_LINES):
        add(cart, f"p{i}")
    with pytest.raises(CartFull):
        add(cart, "one-more")
    add(cart, "p0")  # merging still works when full
    assert cart.lines[0].quantity == 2


def test_set_quantity_and_zero_removes():
    cart = Cart("ann")
    add(cart, "milk", 1, "gallon")
    assert cart.set_quantity("milk", 3).quantity == 3
    assert cart.set_quantity("milk", 0) is None
    assert cart.is_empty


def test_set_quantity_needs_unit_when_ambiguous():
    cart = Cart("ann")
    add(cart, "eggs", 1, "dozen")
    add(cart, "eggs", 6, "piece")
    with pytest.raises(AmbiguousLine) as err:
        cart.set_quantity("eggs", 2)
    assert len(err.value.lines) == 2
    cart.set_quantity("eggs", 2, "dozen")
    assert cart.find("eggs", "dozen")[0].quantity == 2
    with pytest.raises(LineNotFound):
        cart.set_quantity("bread", 2)
    with pytest.raises(InvalidQuantity):
        cart.set_quantity("eggs", -1, "dozen")


def test_remove_without_unit_removes_every_line_of_the_product():
    cart = Cart("ann")
    add(cart, "eggs", 1, "dozen")
    add(cart, "eggs", 6, "piece")
    add(cart, "milk")
    assert len(cart.remove("eggs")) == 2
    assert [l.product_id for l in cart.lines] == ["milk"]
    with pytest.raises(LineNotFound):
        cart.remove("eggs")
    with pytest.raises(LineNotFound):
        cart.remove("milk", "gallon")


def test_last_line_follows_changes():
    cart = Cart("ann")
    add(cart, "milk")
    add(cart, "eggs")
    assert cart.last_line().product_id == "eggs"
    cart.set_quantity("milk", 2)
    assert cart.last_line().product_id == "milk"
    cart.remove("milk")
    assert cart.last_line() is None


# --- undo -----------------------------------------------------------------------------------

def test_undo_steps_back_through_each_change():
    cart = Cart("ann")
    add(cart, "milk", 1)
    add(cart, "eggs", 1)
    cart.set_quantity("eggs", 3)
    cart.remove("milk")
    cart.clear()
    states = []
    for _ in range(5):
        cart.undo()
        states.append([(l.product_id, l.quantity) for l in cart.lines])
    assert states == [
        [("eggs", 3)],
        [("milk", 1), ("eggs", 3)],
        [("milk", 1), ("eggs", 1)],
        [("milk", 1)],
        [],
    ]
    with pytest.raises(NothingToUndo):
        cart.undo()


def test_undo_restores_last_line_and_bumps_revision():
    cart = Cart("ann")
    add(cart, "milk")
    add(cart, "eggs")
    revision = cart.revision
    cart.undo()
    assert cart.last_line().product_id == "milk"
    assert cart.revision == revision + 1


def test_history_is_bounded():
    cart = Cart("ann")
    for i in range(HISTORY_LIMIT + 5):
        add(cart, "milk")
    assert len(cart.history) == HISTORY_LIMIT
    for _ in range(HISTORY_LIMIT):
        cart.undo()
    assert cart.lines[0].quantity == 5
    with pytest.raises(NothingToUndo):
        cart.undo()


def test_clearing_an_empty_cart_is_not_an_undo_step():
    cart = Cart("ann")
    assert cart.clear() == []
    assert cart.history == [] and cart.revision == 0


def test_single_step_groups_changes_for_one_undo():
    cart = Cart("ann")
    add(cart, "bread")
    with cart.single_step():
        add(cart, "milk")
        add(cart, "eggs")
    cart.undo()
    assert [l.product_id for l in cart.lines] == ["bread"]


def test_empty_after_checkout_forgets_history():
    cart = Cart("ann")
    add(cart, "milk")
    revision = cart.revision
    cart.empty_after_checkout()
    assert cart.is_empty and cart.revision == revision + 1
    with pytest.raises(NothingToUndo):
        cart.undo()


def test_reprice_is_not_an_undo_step_but_changes_revision():
    cart = Cart("ann")
    add(cart, "milk", 2)
    history, revision = len(cart.history), cart.revision
    assert cart.reprice("milk", D("3.99"))[0].line_total == D("7.98")
    assert len(cart.history) == history and cart.revision == revision + 1
    assert cart.reprice("milk", D("3.99")) == []


# --- substitution, customers, addresses -----------------------------------------------------

def test_substitution_per_line_overrides_customer_default():
    cart = Cart("ann")
    add(cart, "milk")
    add(cart, "eggs")
    cart.set_substitution("milk", Substitution.specific("oatmilk", "Oat Milk"))
    customer = Customer("ann", default_substitution=Substitution.none())
    milk, eggs = cart.lines
    assert customer.substitution_for(milk).product_id == "oatmilk"
    assert customer.substitution_for(eggs).mode == "none"
    with pytest.raises(ValueError):
        Substitution("specific")
    with pytest.raises(ValueError):
        Substitution("sometimes")
    with pytest.raises(LineNotFound):
        cart.set_substitution("bread", Substitution.none())


def test_address_is_cleaned_and_validated():
    a = Address(" 27 Willow\x00 Court\n", "Brooklyn", "NY", "11215", line2="  ")
    assert a.line1 == "27 Willow Court" and a.line2 is None
    assert a.one_line() == "27 Willow Court, Brooklyn, NY 11215"
    with pytest.raises(InvalidAddress):
        Address("", "Brooklyn", "NY", "11215")
    with pytest.raises(InvalidAddress):
        Address("\x07\x08", "Brooklyn", "NY", "11215")
    with pytest.raises(InvalidAddress):
        Address("x" * 201, "Brooklyn", "NY", "11215")


def test_customer_key_prefers_linked_account():
    assert customer_key("amzn1.ask.account.X") == "amzn1.ask.account.X"
    assert customer_key("amzn1.ask.account.X", "acct-42") == "acct-42"


# --- stores and policy ----------------------------------------------------------------------

def test_store_validation():
    with pytest.raises(ValueError):
        Store("x", "X", "addr", "Mars/Olympus_Mons")
    with pytest.raises(ValueError):
        OpeningHours(datetime(2026, 1, 1, 22).time(), datetime(2026, 1, 1, 7).time())


@pytest.mark.parametrize("kind, subtotal, fee", [
    (PICKUP, "12.00", "0.00"),
    (DELIVERY, "34.99", "5.99"),
    (DELIVERY, "35.00", "0.00"),   # at the threshold delivery is free
    (DELIVERY, "80.00", "0.00"),
])
def test_delivery_fee_and_free_threshold(kind, subtotal, fee):
    assert FulfillmentPolicy().fee(kind, D(subtotal)) == D(fee)


# --- orders ---------------------------------------------------------------------------------

NY = "America/New_York"
T0 = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)  # Monday 09:00 in New York


def _order(kind: str = PICKUP, slot_in: timedelta = timedelta(hours=4),
           length: timedelta = timedelta(hours=1), now: datetime = T0):
    from zoneinfo import ZoneInfo
    start = (now + slot_in).astimezone(ZoneInfo(NY))
    slot = Slot("ny", kind, start, (start + length).astimezone(ZoneInfo(NY)), 4)
    store = Store("ny", "Test Market", "1 Test St", NY)
    cart = Cart("ann")
    add(cart, "milk", 2, "gallon")
    add(cart, "apples", 2.5, "pound", "3.99")
    customer = Customer("ann", address=Address("1 A St", "Brooklyn", "NY", "11215"))
    return build_order(order_id=new_order_id(), customer=customer, submission_key="k",
                       now=now, lines=cart.lines, store=store, slot=slot)


def test_order_prices_fees_and_totals():
    order = _order(DELIVERY, length=timedelta(hours=2))
    assert [l.line_total for l in order.lines] == [D("7.58"), D("9.98")]
    assert order.subtotal == D("17.56") and order.delivery_fee == D("5.99")
    assert order.total == D("23.55")
    assert order.fulfillment.address is not None
    assert _order(PICKUP).fulfillment.address is None  # pickup orders keep no address
    assert len(order.id) == 10 and order.id.isalnum()


def test_status_progresses_with_the_slot():
    order = _order(PICKUP)  # slot 13:00-14:00 local; picking from 12:00
    assert order.picking_at == order.fulfillment.slot_start - timedelta(hours=1)
    timeline = [(T0, PLACED),
                (order.picking_at - timedelta(seconds=1), PLACED),
                (order.picking_at, BEING_PICKED),
                (order.fulfillment.slot_start, READY_FOR_PICKUP),
                (order.fulfillment.slot_end, COMPLETED),
                (T0 + timedelta(days=30), COMPLETED)]
    assert [order.status_at(t) for t, _ in timeline] == [s for _, s in timeline]
    delivery = _order(DELIVERY, length=timedelta(hours=2))
    assert delivery.status_at(delivery.fulfillment.slot_start) == OUT_FOR_DELIVERY


def test_picking_never_starts_before_placement():
    order = _order(PICKUP, slot_in=timedelta(minutes=30))
    assert order.picking_at == T0
    assert order.status_at(T0) == BEING_PICKED


def test_cancel_before_cutoff_only():
    order = _order(PICKUP)
    cancelled = order.cancel(order.picking_at - timedelta(seconds=1))
    assert cancelled.status_at(T0 + timedelta(days=9)) == CANCELLED
    with pytest.raises(AlreadyCancelled):
        cancelled.cancel(T0)
    with pytest.raises(CancelTooLate) as err:
        order.cancel(order.picking_at)
    assert err.value.status == BEING_PICKED
    assert not order.can_cancel(order.picking_at) and order.can_cancel(T0)


def test_any_unit_sentinel_is_distinct_from_none():
    cart = Cart("ann")
    add(cart, "milk", 1, None)
    add(cart, "milk", 1, "gallon")
    assert len(cart.find("milk", ANY_UNIT)) == 2
    assert len(cart.find("milk", None)) == 1
