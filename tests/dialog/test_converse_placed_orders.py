"""Placed orders in the conversation (issue 17, item 1): questions answered from the order
without holding anything, changes read back and applied once after "yes", refused with the
reason once picking started."""
from __future__ import annotations

import sqlite3
import threading
from decimal import ROUND_HALF_UP, Decimal

import pytest

from cart.order_changes import ChangeRequest, apply_order_change, plan_order_change
from cart.errors import OrderChangedMeanwhile
from cart.sqlite_store import SqliteCartRepository
from catalog.database import ConnectionPool

SHOP = "add two gallons of whole milk and a dozen large white eggs"  # as the placed fixture says


def capacity_in_use(runtime) -> dict[str, int]:
    """What is taking capacity: live or lapsed holds and orders not cancelled, per slot."""
    db = runtime.db()
    holds = db.execute("select count(*) from slot_holds").fetchone()[0]
    booked = dict(db.execute("select slot_key, count(*) from orders where cancelled_at is null "
                             "group by slot_key").fetchall())
    return {"holds": holds, **booked}


def test_questions_about_the_order_answer_from_it_and_hold_nothing(say, runtime, placed):
    before = capacity_in_use(runtime)
    for question in ("when is my pickup", "what time is my pickup", "where is my order",
                     "when is my delivery coming"):
        reply = say(question, session="q")
        assert "tomorrow between 5 and 6 PM" in reply["speech"], (question, reply)
    items = say("what did i order", session="q")
    assert "Whole Milk" in items["speech"] and "Eggs" in items["speech"]
    assert capacity_in_use(runtime) == before


def test_adding_to_the_order_reads_back_and_applies_after_yes(say, orders, cart, placed):
    question = say("add a dozen eggs to my order", session="c")
    assert "new total" in question["speech"] and question["speech"].endswith("?")
    assert orders()[0]["total"] == placed["total"]  # nothing yet
    assert cart()["items"] == []                    # and not into a new cart

    done = say("yes", session="c")

    [order] = orders()
    assert "Done" in done["speech"]
    assert order["total"] > placed["total"]
    eggs = [i for i in order["items"] if "Eggs" in i["name"]]
    assert len(eggs) == 1 and eggs[0]["quantity"] == 2  # merged into the eggs line
    assert order["changes"] and order["changes"][0]["total_before"] == placed["total"]
    assert cart()["items"] == []

    again = say("yes", session="c")  # a double yes changes nothing more
    assert orders()[0]["total"] == order["total"]
    assert "already" in again["speech"]


def test_adding_a_taxable_item_reads_back_and_stores_the_total_with_tax(
        say, orders, runtime, product, placed):
    """The changed order is billed as checkout bills (cart.pricing): the total read back is
    subtotal + sales tax, and exactly that is stored and listed by `orders list --json`."""
    soap = product("HC0010")
    assert soap.taxable and placed["tax"] == 0  # milk and eggs: untaxed
    rate = Decimal(placed["tax_rate"])
    tax = (soap.price * rate).quantize(Decimal("0.01"), ROUND_HALF_UP)
    subtotal = Decimal(str(placed["subtotal"])) + soap.price
    total = subtotal + tax
    assert tax > 0

    question = say("add a bottle of original dish soap to my order", session="tax")
    assert (f"new total would be ${total}, including ${tax} tax, was ${placed['total']:.2f}"
            in question["speech"]), question

    done = say("yes", session="tax")

    assert f"${total} in total" in done["speech"], done
    [listed] = orders()
    assert (listed["subtotal"], listed["tax"], listed["total"]) == (
        float(subtotal), float(tax), float(total))
    assert [i["taxable"] for i in listed["items"]] == [False, False, True]
    assert listed["changes"][0]["total_after"] == float(total)
    stored = runtime.carts().get_order(placed["id"])
    assert (stored.subtotal, stored.tax, stored.total, stored.tax_rate) == (
        subtotal, tax, total, rate)


def test_a_change_under_the_minimum_is_refused_with_the_reason(say, orders, placed):
    reply = say("remove the milk from my order", session="min")
    assert "minimum" in reply["speech"]
    assert orders()[0]["items"] == placed["items"]


def test_removing_part_of_a_line_from_the_order_keeps_the_rest(say, orders, placed):
    say("add a dozen large white eggs to my order", session="f")
    say("yes", session="f")  # over the minimum by more than a gallon of milk
    [before] = orders()
    milk = next(i for i in before["items"] if i["name"] == "Whole Milk")
    assert (milk["quantity"], milk["unit"]) == (2, "gallon")

    question = say("remove a gallon of milk from my order", session="f")["speech"]

    assert question.startswith("I'll remove a gallon of Whole Milk.")
    say("yes", session="f")
    [order] = orders()
    milk_now = next(i for i in order["items"] if i["name"] == "Whole Milk")
    assert (milk_now["quantity"], milk_now["unit"]) == (1, "gallon")
    assert order["total"] == pytest.approx(before["total"] - milk["unit_price"])


def test_no_leaves_the_order_as_it_was(say, orders, placed):
    say("add a dozen eggs to my order", session="n")
    reply = say("no", session="n")
    assert "stays as it is" in reply["speech"]
    assert orders()[0]["items"] == placed["items"]


def test_moving_the_pickup_books_the_new_slot_and_frees_the_old(say, orders, runtime, placed):
    question = say("move my pickup to 7", session="m")
    assert "Shall I change the order" in question["speech"]
    assert capacity_in_use(runtime)["holds"] == 0
    say("yes", session="m")
    [order] = orders()
    # 7 PM on the order's own day (tomorrow), not today
    assert order["fulfillment"]["slot_start"].startswith("2026-11-26T19:00")
    booked = capacity_in_use(runtime)
    # the old slot (5 PM) is free again; only 7 PM (midnight UTC) is booked
    assert booked == {"holds": 0, "brooklyn/pickup/2026-11-27T00:00Z": 1}, booked
    assert booked["holds"] == 0


def test_moving_the_pickup_to_its_own_time_says_when_it_is(say, orders, placed):
    reply = say("move my pickup to 5", session="same")["speech"]
    # the order is already tomorrow at 5: the shopper hears when, and nothing is asked
    assert "Your order is already for pickup at" in reply and "so nothing changed" in reply
    assert "5" in reply and "Shall I" not in reply
    assert orders()[0]["fulfillment"] == placed["fulfillment"]


def test_change_my_order_to_saturday_keeps_the_time_of_day(say, orders, placed):
    say("change my order to saturday", session="s")
    say("yes", session="s")
    assert orders()[0]["fulfillment"]["slot_start"].startswith("2026-11-28T17:00")


def test_switching_to_delivery_without_an_address_keeps_the_order(say, orders, placed):
    reply = say("switch my order to delivery", session="d")
    # ann has no address: the order stays a pickup, and she hears why
    assert "address" in reply["speech"]
    assert orders()[0]["fulfillment"]["type"] == "pickup"


def test_demo_shopper_switches_to_delivery_at_the_same_time(say, orders):
    say(SHOP, user="demo", session="x")
    say("check out for pickup tomorrow at five pm", user="demo", session="x")
    say("yes", user="demo", session="x")
    reply = say("switch my order to delivery", user="demo", session="y")
    assert "delivery tomorrow between 5 and 7 PM" in reply["speech"], reply
    say("yes", user="demo", session="y")
    [order] = orders("demo")
    assert order["fulfillment"]["type"] == "delivery"
    assert order["fulfillment"]["slot_start"].startswith("2026-11-26T17:00")


def test_once_picking_started_a_change_is_refused_with_the_reason(say, orders, clock, placed):
    clock.advance(days=1, hours=7, minutes=30)  # Thursday 4:30 PM: being picked
    reply = say("add bread to my order", session="late")
    assert "can't be changed" in reply["speech"] and "being picked" in reply["speech"]
    assert orders()[0]["items"] == placed["items"]


def test_a_change_retried_with_the_state_before_it_applies_once(say, orders, session_row, placed):
    """A platform retry of the "yes" arrives with the dialog state from before the first
    delivery (the pending change and its change id): the change is found, not made twice."""
    say("add a dozen eggs to my order")
    before_yes = session_row.get()
    say("yes")
    session_row.put(before_yes)

    retried = say("yes")

    [order] = orders()
    assert len(order["changes"]) == 1
    assert "already made" in retried["speech"]
    eggs = [i for i in order["items"] if "Eggs" in i["name"]]
    assert eggs[0]["quantity"] == 2


def test_a_question_or_change_never_books_capacity_it_does_not_keep(say, runtime, orders, placed):
    """Every question and every change, confirmed or not: holds stay at zero and exactly one
    slot is booked by the one order."""
    def booked() -> int:
        use = capacity_in_use(runtime)
        return sum(v for k, v in use.items() if k != "holds")

    for text in ("when is my pickup", "what times do you have friday", "pickup",
                 "what's the earliest pickup", "move my pickup to 7", "no",
                 "change my order to saturday", "yes", "move my order to tomorrow morning", "yes"):
        say(text, session="cap")
        assert capacity_in_use(runtime)["holds"] == 0, text
        assert booked() == 1, text
    assert orders()[0]["fulfillment"]["slot_start"].startswith("2026-11-26T09:00")


def test_two_changes_to_one_order_at_once_apply_one_at_a_time(runtime, clock, placed):
    """Two devices read back two changes of the same order version and say yes together:
    exactly one applies; the other is told the order changed, never applied on top blind."""
    db_file = runtime.config.db_path
    order_id = placed["id"]
    repo = SqliteCartRepository(ConnectionPool(db_file).get())
    slot = plan_order_change(repo, "ann", ChangeRequest(requested=_local(2026, 11, 27, 17)),
                             now=clock(), order_id=order_id).fulfillment.slot_start
    other = plan_order_change(repo, "ann", ChangeRequest(requested=_local(2026, 11, 28, 17)),
                              now=clock(), order_id=order_id).fulfillment.slot_start
    results: list[object] = []
    barrier = threading.Barrier(2)

    def change(start, change_id):
        mine = SqliteCartRepository(ConnectionPool(db_file).get())
        barrier.wait()
        try:
            results.append(apply_order_change(mine, "ann", ChangeRequest(slot_start=start),
                                              order_id=order_id, change_id=change_id,
                                              base_version=0, now=clock()))
        except OrderChangedMeanwhile as exc:
            results.append(exc)

    threads = [threading.Thread(target=change, args=(slot, "a")),
               threading.Thread(target=change, args=(other, "b"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    applied = [r for r in results if not isinstance(r, Exception)]
    refused = [r for r in results if isinstance(r, OrderChangedMeanwhile)]
    assert len(applied) == 1 and len(refused) == 1
    stored = repo.get_order(order_id)
    assert stored.version == 1 and stored.fulfillment.slot_start == applied[0].order.fulfillment.slot_start
    with sqlite3.connect(db_file) as conn:
        assert conn.execute("select count(*) from orders where cancelled_at is null").fetchone()[0] == 1


def _local(*parts):
    from datetime import datetime
    return datetime(*parts)
