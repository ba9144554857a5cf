"""Property tests (hypothesis) for the pure parts: cart history and slot generation."""
from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from cart.errors import DomainError
from cart.fulfillment import DELIVERY, PICKUP, OpeningHours, Store
from cart.json_views import money_json, quantity_json
from cart.model import HISTORY_LIMIT, Cart, money
from cart.time_slots import day_slots

PRODUCTS = ["milk", "eggs", "bread"]
UNITS = [None, "gallon", "dozen"]

ops = st.lists(st.one_of(
    st.tuples(st.just("add"), st.sampled_from(PRODUCTS), st.sampled_from(UNITS),
              st.decimals(min_value=Decimal("0.001"), max_value=Decimal(50), places=3)),
    st.tuples(st.just("set"), st.sampled_from(PRODUCTS), st.sampled_from(UNITS),
              st.integers(min_value=0, max_value=20)),
    st.tuples(st.just("remove"), st.sampled_from(PRODUCTS), st.sampled_from(UNITS), st.none()),
    st.tuples(st.just("clear"), st.none(), st.none(), st.none()),
), max_size=HISTORY_LIMIT)


def apply(cart: Cart, op) -> None:
    kind, product, unit, value = op
    if kind == "add":
        cart.add(product, product, value, unit, Decimal("2.49"))
    elif kind == "set":
        cart.set_quantity(product, value, unit)
    elif kind == "remove":
        cart.remove(product, unit)
    else:
        cart.clear()


@given(ops)
def test_undo_walks_back_through_every_state(operations):
    cart = Cart("ann")
    states = [list(cart.lines)]
    for op in operations:
        revision = cart.revision
        try:
            apply(cart, op)
        except DomainError:
            assert cart.lines == states[-1] and cart.revision == revision  # refused: unchanged
            continue
        if cart.revision != revision:
            states.append(list(cart.lines))
        assert cart.total == sum((l.line_total for l in cart.lines), Decimal(0))
        assert all(l.quantity > 0 for l in cart.lines)
        assert len({l.key for l in cart.lines}) == len(cart.lines)  # merged, never duplicated
    while len(states) > 1:
        states.pop()
        cart.undo()
        assert cart.lines == states[-1]


@given(st.decimals(min_value=0, max_value=10_000, places=4))
def test_money_json_is_the_rounded_decimal(amount):
    assert Decimal(str(money_json(amount))) == money(amount)


@given(st.decimals(min_value=Decimal("0.001"), max_value=999, places=3))
def test_quantity_json_round_trips(quantity):
    value = quantity_json(quantity)
    assert Decimal(str(value)) == quantity
    assert isinstance(value, int) == (quantity == quantity.to_integral_value())


ZONES = ["America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/London",
         "Australia/Lord_Howe", "Asia/Kolkata"]


@settings(max_examples=300)
@given(st.sampled_from(ZONES), st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31)),
       st.integers(min_value=0, max_value=12), st.integers(min_value=13, max_value=24),
       st.sampled_from([PICKUP, DELIVERY]))
def test_slots_are_contiguous_real_time_and_inside_opening_hours(zone, day, opens, closes, kind):
    hours = OpeningHours(time(opens), time(0) if closes == 24 else time(closes))
    store = Store("s", "S", "1 Test St", zone, hours={d: hours for d in range(7)})
    slots = day_slots(store, kind, day)
    length = store.policy.slot_length(kind)
    assert all(s.length == length for s in slots)
    assert all(b.start == a.end for a, b in zip(slots, slots[1:]))
    assert len({s.key for s in slots}) == len(slots)
    if slots:
        first, last = slots[0].local_start, slots[-1].local_end
        assert first.date() == day and first.time() >= time(opens)
        assert last.date() == day or (last.date() == day + timedelta(days=1)
                                      and last.time() == time(0))
