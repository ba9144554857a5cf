"""Sales tax: the store's rate on the taxable lines only, rounded half up once per order, and
the same bill in the read-back, the order, its stored row and its JSON."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from cart import checkout, services
from cart.codec import policy_from_dict
from cart.fulfillment import DELIVERY, PICKUP, FulfillmentPolicy
from cart.json_views import orders_json
from cart.model import Address, Cart, Customer, DeliveryNotes
from cart.pricing import bill_for, sales_tax
from cart.receipt import receipt_text
from catalog.model import Product

NOW = datetime(2026, 3, 2, 14, 0, tzinfo=timezone.utc)  # Monday 09:00 in New York
NYC = Decimal("0.08875")
SOAP = Product("soap", "Dish Soap", Decimal("3.49"), taxable=True)
TOWELS = Product("towels", "Paper Towels", Decimal("12.99"), taxable=True)
MILK = Product("milk", "Whole Milk", Decimal("3.79"))


def lines(*added):
    cart = Cart("ann")
    for product, quantity in added:
        cart.add(product.id, product.name, quantity, None, product.price,
                 taxable=product.taxable)
    return cart.lines


def policy(rate=NYC, **kw) -> FulfillmentPolicy:
    return FulfillmentPolicy(tax_rate=Decimal(rate), **kw)


def test_only_taxable_lines_are_taxed():
    bill = bill_for(lines((SOAP, 1), (MILK, 2)), policy(), PICKUP)
    assert bill.subtotal == Decimal("11.07")            # 3.49 + 7.58
    assert bill.taxable_subtotal == Decimal("3.49")
    assert bill.tax == Decimal("0.31")                  # 3.49 x 8.875% = 0.3097...
    assert bill.total == Decimal("11.38")


def test_no_taxable_lines_no_tax_and_no_rate_no_tax():
    assert bill_for(lines((MILK, 3)), policy(), PICKUP).tax == Decimal("0.00")
    assert bill_for(lines((SOAP, 3)), policy("0"), PICKUP).tax == Decimal("0.00")


def test_tax_is_rounded_half_up_once_per_order_not_per_line():
    # ten 10-cent taxable lines: 1.00 x 8.875% = 0.08875 -> 0.09; per line it would be
    # 10 x round(0.0089) = 0.10
    dimes = [Product(f"p{i}", f"Candy {i}", Decimal("0.10"), taxable=True) for i in range(10)]
    assert bill_for(lines(*((p, 1) for p in dimes)), policy(), PICKUP).tax == Decimal("0.09")


@pytest.mark.parametrize("taxable, rate, tax", [
    ("1.00", "0.125", "0.13"),    # exactly half a cent: up, as a till does (0.125)
    ("1.00", "0.115", "0.12"),    # 0.115 exactly: a float would make it 0.11499... -> 0.11
    ("2.30", "0.0725", "0.17"),   # 0.16675 -> 0.17
    ("0.07", "0.07", "0.00"),     # 0.0049 -> 0.00
    ("99.99", "0.1025", "10.25"),  # 10.248975 -> 10.25
])
def test_sales_tax_is_exact_decimal_half_up(taxable, rate, tax):
    assert sales_tax(Decimal(taxable), Decimal(rate)) == Decimal(tax)


def test_the_delivery_fee_is_not_taxed_and_the_total_adds_up():
    bill = bill_for(lines((SOAP, 2)), policy(), DELIVERY)
    assert (bill.subtotal, bill.tax, bill.delivery_fee) == (Decimal("6.98"), Decimal("0.62"),
                                                            Decimal("5.99"))
    assert bill.total == bill.subtotal + bill.tax + bill.delivery_fee == Decimal("13.59")


@pytest.mark.parametrize("rate", ["-0.01", "1", "NaN", "abc"])
def test_a_tax_rate_outside_0_to_1_is_refused(rate):
    with pytest.raises(Exception):
        policy_from_dict({"tax_rate": rate})


def test_summary_order_json_and_storage_agree_on_the_tax(any_repo, store_factory):
    repo = any_repo
    with repo.transaction():
        repo.save_store(store_factory("tx", tax_rate=NYC))
        repo.save_customer(Customer("bob", preferred_store_id="tx"))
    services.add_item(repo, "bob", SOAP, 1, now=NOW)
    services.add_item(repo, "bob", TOWELS, 1, now=NOW)
    services.add_item(repo, "bob", MILK, 1, now=NOW)
    services.choose_fulfillment(repo, "bob", PICKUP, now=NOW)

    summary = checkout.checkout_summary(repo, "bob")
    # taxable 3.49 + 12.99 = 16.48 x 8.875% = 1.4626 -> 1.46
    assert (summary.subtotal, summary.tax, summary.total) == (
        Decimal("20.27"), Decimal("1.46"), Decimal("21.73"))

    order = checkout.place_order(repo, "bob", summary.submission_key, now=NOW).order
    stored = repo.get_order(order.id)
    assert (stored.subtotal, stored.tax, stored.total, stored.tax_rate) == (
        Decimal("20.27"), Decimal("1.46"), Decimal("21.73"), NYC)
    assert [line.taxable for line in stored.lines] == [True, True, False]
    [listed] = orders_json([stored], NOW)
    assert (listed["subtotal"], listed["tax"], listed["total"], listed["tax_rate"]) == (
        20.27, 1.46, 21.73, "0.08875")
    assert [i["taxable"] for i in listed["items"]] == [True, True, False]
    text = receipt_text(stored)
    assert "Sales tax (8.875% on taxed items): $1.46" in text and "Total: $21.73" in text
    assert f"Order number: {order.id}" in text


def test_a_product_that_became_taxable_is_taxed_after_the_price_refresh(any_repo, store_factory):
    repo = any_repo
    with repo.transaction():
        repo.save_store(store_factory("tx", tax_rate=NYC))
        repo.save_customer(Customer("bob", preferred_store_id="tx"))
    untaxed = replace(SOAP, taxable=False)
    services.add_item(repo, "bob", untaxed, 4, now=NOW)
    services.refresh_prices(repo, "bob", {"soap": SOAP}.get, now=NOW)
    services.choose_fulfillment(repo, "bob", PICKUP, now=NOW)
    assert checkout.checkout_summary(repo, "bob").tax == Decimal("1.24")  # 13.96 x 8.875%


def test_delivery_notes_and_the_seller_go_on_a_delivery_order(any_repo, store_factory):
    repo = any_repo
    with repo.transaction():
        repo.save_store(store_factory("tx", tax_rate=NYC))
        repo.save_customer(Customer("bob", preferred_store_id="tx", address=Address(
            "27 Willow Court", "Brooklyn", "NY", "11215")))
    services.set_delivery_notes(repo, "bob", DeliveryNotes("Leave it at the door", True))
    services.add_item(repo, "bob", MILK, 4, now=NOW)
    services.choose_fulfillment(repo, "bob", DELIVERY, now=NOW)
    order = checkout.place_order(repo, "bob", "k", now=NOW).order
    stored = repo.get_order(order.id)
    assert stored.fulfillment.notes == DeliveryNotes("Leave it at the door", True)
    assert stored.fulfillment.store_address == "1 Test Street"
    [listed] = orders_json([stored], NOW + timedelta(minutes=1))
    assert listed["fulfillment"]["delivery_notes"] == {"text": "Leave it at the door",
                                                       "unattended": True}
    assert "Delivery notes: Leave it at the door. Unattended delivery is OK." in receipt_text(stored)


def test_a_database_from_before_tax_gains_the_columns_and_its_orders_read_as_untaxed(
        open_sqlite_repo, store_factory):  # a SQLite file made by an earlier release
    repo = open_sqlite_repo()
    with repo.transaction():
        repo.save_store(store_factory("tx"))
        repo.save_customer(Customer("bob", preferred_store_id="tx"))
    services.add_item(repo, "bob", MILK, 4, now=NOW)
    services.choose_fulfillment(repo, "bob", PICKUP, now=NOW)
    placed = checkout.place_order(repo, "bob", "k", now=NOW).order
    # what an earlier release's database looks like: none of the columns of issue 17
    for table, column in (("order_lines", "taxable"), ("orders", "tax_cents"),
                          ("orders", "tax_rate"), ("orders", "store_address"),
                          ("orders", "delivery_notes"), ("customers", "delivery_notes"),
                          ("stores", "out_of_stock")):
        repo.db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")

    reopened = open_sqlite_repo()  # a new release starting on it adds them in place

    order = reopened.get_order(placed.id)
    assert (order.subtotal, order.tax, order.total) == (Decimal("15.16"), Decimal("0.00"),
                                                        Decimal("15.16"))
    assert order.fulfillment.store_address is None and not order.fulfillment.notes
    assert reopened.get_customer("bob").delivery_notes == DeliveryNotes()
    assert reopened.get_store("tx").out_of_stock == frozenset()
