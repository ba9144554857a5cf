"""A shopper's usual: the products they order most often across their whole order history,
for "order my usual". The choice is pure (`usual_lines`); `add_usual` puts it in the cart the
way a reorder does: one undo step, nothing already in the cart added twice."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from cart.checkout import add_order_lines
from cart.model import CartLine
from cart.orders import CANCELLED, CANCELLED_BY_STORE, Order, OrderLine
from cart.ports import CartRepository, ProductLookup

MAX_USUAL = 12       # more than a dozen items is a list to read back, not a usual
HISTORY_LIMIT = 200  # the orders looked at, newest first


def usual_lines(orders: Sequence[Order]) -> list[OrderLine]:
    """The products in more than half of the shopper's orders (cancelled ones don't count
    unless there is nothing else), most often ordered first, then the most recently ordered;
    each with the amount of its most recent order. One order, or no product repeating: the
    newest order's products."""
    kept = [o for o in orders if o.reported_status not in (CANCELLED, CANCELLED_BY_STORE)
            and o.cancelled_at is None] or list(orders)
    if not kept:
        return []
    newest_first = sorted(kept, key=lambda o: o.created_at, reverse=True)
    counts: dict[str, int] = {}
    latest: dict[str, tuple[int, int, OrderLine]] = {}  # (order rank, place in it, line)
    for rank, order in enumerate(newest_first):
        for product_id in dict.fromkeys(line.product_id for line in order.lines):
            counts[product_id] = counts.get(product_id, 0) + 1
        for place, line in enumerate(order.lines):
            latest.setdefault(line.product_id, (rank, place, line))
    needed = len(newest_first) // 2 + 1  # more than half: in both of two orders
    chosen = [pid for pid, n in counts.items() if n >= needed] \
        or [line.product_id for line in newest_first[0].lines]  # nothing repeats: the last one
    # most often first, then the most recently ordered, then as the order listed them
    chosen = sorted(dict.fromkeys(chosen), key=lambda pid: (-counts[pid], *latest[pid][:2]))
    return [latest[pid][2] for pid in chosen[:MAX_USUAL]]


def usual_for(repo: CartRepository, customer_id: str) -> list[OrderLine]:
    return usual_lines(repo.list_orders(customer_id, HISTORY_LIMIT))


@dataclass(frozen=True)
class UsualResult:
    added: tuple[CartLine, ...]
    already: tuple[CartLine, ...]
    unavailable: tuple[OrderLine, ...]


def add_usual(repo: CartRepository, customer_id: str, product_ids: Sequence[str],
              lookup: ProductLookup, *, now: datetime | None = None) -> UsualResult:
    """Add the usual read back to the shopper (`product_ids`, as they heard it), at today's
    prices, in one transaction and one undo step."""
    with repo.transaction():
        wanted = set(product_ids)
        lines = [line for line in usual_for(repo, customer_id) if line.product_id in wanted]
        added, already, unavailable = add_order_lines(repo, customer_id, lines, lookup, now)
    return UsualResult(added, already, unavailable)
