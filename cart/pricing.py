"""The bill of a cart or an order: subtotal, sales tax, fees, total. Pure, no I/O.

A wrong bill is the worst bug a shop can have, so the arithmetic lives in one place that both
the read-back and the order use: what the shopper hears before "yes" is what is charged.

- Line totals are already rounded half up to the cent (cart.model.money).
- Sales tax is the store's rate applied once to the sum of the *taxable* lines' totals, then
  rounded half up to the cent: per order, not per line, so ten taxable lines of 10 cents at
  8.875% are taxed 9 cents (0.08875 on $1.00), not ten times a rounded 1 cent.
- Fees (delivery) are not taxed: the demo stores' states do not tax a separately stated
  delivery charge; a store that must would add that rule here.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable, Protocol

from cart.fulfillment import FulfillmentPolicy
from cart.model import money


class Billable(Protocol):
    @property
    def line_total(self) -> Decimal: ...

    @property
    def taxable(self) -> bool: ...


@dataclass(frozen=True)
class Bill:
    subtotal: Decimal          # all lines
    taxable_subtotal: Decimal  # the taxable lines only
    tax: Decimal
    delivery_fee: Decimal
    total: Decimal             # subtotal + tax + delivery fee
    tax_rate: Decimal          # the store's rate, e.g. 0.08875


def sales_tax(taxable_subtotal: Decimal, rate: Decimal) -> Decimal:
    """Tax on the taxable part of one order, rounded half up to the cent once."""
    return money(Decimal(taxable_subtotal) * Decimal(rate))


def bill_for(lines: Iterable[Billable], policy: FulfillmentPolicy, kind: str) -> Bill:
    lines = list(lines)
    subtotal = money(sum((line.line_total for line in lines), Decimal(0)))
    taxable = money(sum((line.line_total for line in lines if line.taxable), Decimal(0)))
    tax = sales_tax(taxable, policy.tax_rate)
    fee = money(policy.fee(kind, subtotal))
    return Bill(subtotal, taxable, tax, fee, money(subtotal + tax + fee), policy.tax_rate)
