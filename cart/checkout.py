"""Service functions for checkout and orders: summary, place (idempotent), status, cancel,
reorder. Same conventions as cart.services: repository and `now` passed in, one transaction each.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal

from cart.errors import (
    BelowMinimumOrder, CartChanged, EmptyCart, InvalidSubmissionKey, NoAddress, NoFulfillmentChosen,
    OrderNotFound, SlotFull, SlotTooSoon, SubmissionKeyConflict, UnknownStore,
)
from cart.fulfillment import DELIVERY, Slot, SlotHold, Store
from cart.model import Cart, CartLine, Customer
from cart.orders import Order, OrderLine, build_order, new_order_id
from cart.pricing import bill_for
from cart.outbox.events import ORDER_CANCELLED, ORDER_PLACED, ORDER_STATUS, order_event
from cart.ports import CartRepository, ProductLookup, SlotOverbooked
# package-internal helpers shared by both service modules
from cart.services import (_clock, _load_cart, _save_cart, _slots_and_usage, customer_or_new,
                           get_customer)
from cart.time_slots import earliest_start, pick_slot

MAX_SUBMISSION_KEY = 200


def _alternative(repo: CartRepository, store: Store, slot: Slot, now: datetime,
                 customer_id: str) -> Slot | None:
    slots, usage = _slots_and_usage(repo, store, slot.kind, now, customer_id)
    others = [s for s in slots if s.key != slot.key]
    return pick_slot(others, usage, earliest=earliest_start(store, now), requested=slot.start)


# --- checkout -------------------------------------------------------------------------------

@dataclass(frozen=True)
class CheckoutSummary:
    """What the shopper hears before saying yes; pass `submission_key` and `cart_revision` to
    place_order so the order is exactly this cart, placed once."""

    cart: Cart
    hold: SlotHold
    store: Store
    subtotal: Decimal
    delivery_fee: Decimal
    total: Decimal             # subtotal + tax + delivery fee: what "yes" charges
    item_count: int
    cart_revision: int
    submission_key: str
    tax: Decimal = Decimal("0.00")
    customer: Customer | None = None  # substitution default and delivery notes to read back
    # cart lines this store has none of today (stock differs per store)
    unavailable: tuple[CartLine, ...] = ()


@dataclass(frozen=True)
class PlaceOrderResult:
    order: Order
    created: bool  # False: the submission key was seen before and this is that same order


def _checked(repo: CartRepository, customer_id: str, cart: Cart, hold: SlotHold | None = None
             ) -> tuple[Customer, SlotHold, Store]:
    """The checks a checkout summary and placing an order share, in the order a dialog asks.
    `hold`: the shopper's hold when the caller has just read it (else it is read here)."""
    if cart.is_empty:
        raise EmptyCart("the cart is empty")
    hold = hold if hold is not None else repo.get_hold(customer_id)
    if hold is None:
        raise NoFulfillmentChosen("choose pickup or delivery first")
    stored, store = repo.customer_and_store(customer_id, hold.slot.store_id)
    customer = customer_or_new(stored, customer_id)
    if store is None:
        raise UnknownStore(hold.slot.store_id)
    if cart.total < store.policy.minimum_order:
        raise BelowMinimumOrder(store.policy.minimum_order, cart.total)
    if hold.slot.kind == DELIVERY and customer.address is None:
        raise NoAddress("delivery needs an address")
    return customer, hold, store


def checkout_summary(repo: CartRepository, customer_id: str, *, cart: Cart | None = None,
                     hold: SlotHold | None = None) -> CheckoutSummary:
    """`cart`, `hold`: what the caller read in this same transaction, not read again."""
    cart = cart if cart is not None else _load_cart(repo, customer_id)
    customer, hold, store = _checked(repo, customer_id, cart, hold)
    bill = bill_for(cart.lines, store.policy, hold.slot.kind)
    # Revision names the exact cart heard; the hold's expiry makes the key unique even if a
    # cart row were ever recreated from revision 0. Keep the key in the dialog state: a retried
    # "yes" must reuse it, not call this again (by then the cart is empty)
    key = f"{customer_id}:{cart.revision}:{hold.expires_at.timestamp():.0f}"
    return CheckoutSummary(cart, hold, store, bill.subtotal, bill.delivery_fee, bill.total,
                           cart.item_count, cart.revision, key, bill.tax, customer,
                           tuple(line for line in cart.lines
                                 if not store.has_in_stock(line.product_id)))


def place_order(repo: CartRepository, customer_id: str, submission_key: str, *, now: datetime,
                expected_revision: int | None = None) -> PlaceOrderResult:
    """Turn the cart into an order for the held slot, exactly once per submission key.

    A key seen before returns that order (created=False) whatever happened since: completed,
    cancelled, or the cart refilled. Otherwise the slot is booked only if it has room counting
    other shoppers' bookings and live holds; if not, SlotFull carries the nearest slot that does.
    """
    now = _clock(now)
    if not isinstance(submission_key, str) or not submission_key.strip() \
            or len(submission_key) > MAX_SUBMISSION_KEY:
        raise InvalidSubmissionKey("a submission key is a non-empty string of at most "
                                   f"{MAX_SUBMISSION_KEY} characters")
    with repo.transaction():
        existing = repo.get_order_by_submission_key(submission_key)
        if existing is not None:
            if existing.customer_id != customer_id:
                raise SubmissionKeyConflict("submission key already used")
            return PlaceOrderResult(existing, created=False)
        cart = _load_cart(repo, customer_id)
        if expected_revision is not None and cart.revision != expected_revision and cart.lines:
            raise CartChanged(expected_revision, cart.revision)
        customer, hold, store = _checked(repo, customer_id, cart)
        slot = replace(hold.slot, capacity=store.policy.capacity(hold.slot.kind))
        # A live hold is a promise and is kept even inside the lead time; a lapsed one is not
        not_before = now if hold.active(now) else earliest_start(store, now)
        if slot.start < not_before:
            raise SlotTooSoon(slot, _alternative(repo, store, slot, now, customer_id))
        usage = repo.slot_usage(store.id, slot.kind, slot.start, slot.end, now, customer_id)
        if usage.get(slot.key, 0) >= slot.capacity:
            raise SlotFull(slot, _alternative(repo, store, slot, now, customer_id))
        order = build_order(order_id=new_order_id(), customer=customer,
                            submission_key=submission_key, now=now, lines=cart.lines,
                            store=store, slot=slot)
        try:
            repo.add_order(order)
        except SlotOverbooked:  # the database's own count says full: trust it
            raise SlotFull(slot, _alternative(repo, store, slot, now, customer_id)) from None
        # the event commits with the order or not at all (the transactional outbox)
        repo.record_event(order_event(ORDER_PLACED, order, now))
        repo.delete_hold(customer_id)
        cart.empty_after_checkout()
        _save_cart(repo, cart, now)
    return PlaceOrderResult(order, created=True)


# --- orders ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class OrderStatusReport:
    order: Order
    status: str
    can_cancel: bool
    cancel_until: datetime | None  # the cut-off, while cancelling is still possible


def list_orders(repo: CartRepository, customer_id: str | None = None,
                limit: int | None = None) -> list[Order]:
    return repo.list_orders(customer_id, limit)


def purchase_counts(repo: CartRepository, customer_id: str, orders: int) -> dict[str, int]:
    """How often the customer bought each product, over their `orders` newest orders."""
    return repo.purchase_counts(customer_id, orders)


def _own_order(repo: CartRepository, customer_id: str, order_id: str | None) -> Order:
    if order_id is not None:
        # ids are spoken or typed back: "k7 4m..." is K74M...
        order = repo.get_order("".join(order_id.split()).upper())
        # Someone else's order id gets the same answer as an unknown one: nothing to learn
        if order is None or order.customer_id != customer_id:
            raise OrderNotFound(order_id)
        return order
    latest = repo.list_orders(customer_id, 1)
    if not latest:
        raise OrderNotFound(None)
    return latest[0]


def order_status(repo: CartRepository, customer_id: str, order_id: str | None = None, *,
                 now: datetime) -> OrderStatusReport:
    """Status of the given order, else of the newest one."""
    now = _clock(now)
    order = _own_order(repo, customer_id, order_id)
    can_cancel = order.can_cancel(now)
    return OrderStatusReport(order, order.status_at(now), can_cancel,
                             order.picking_at if can_cancel else None)


def cancel_order(repo: CartRepository, customer_id: str, order_id: str | None = None, *,
                 now: datetime) -> Order:
    """Cancel the given order, else the newest one still open. Frees its slot."""
    now = _clock(now)
    with repo.transaction():
        if order_id is None:
            recent = repo.list_orders(customer_id, 20)
            if not recent:
                raise OrderNotFound(None)
            open_ = [o for o in recent if not o.is_final(now)]
            # none open: the newest, so the shopper hears why it can't be cancelled
            order = open_[0] if open_ else recent[0]
        else:
            order = _own_order(repo, customer_id, order_id)
        cancelled = order.cancel(now)
        repo.save_order(cancelled)
        # a cancellation is also a status change, and every status change is an order.status
        repo.record_event(order_event(ORDER_CANCELLED, cancelled, now))
        repo.record_event(order_event(ORDER_STATUS, cancelled, now))
    return cancelled


@dataclass(frozen=True)
class ReorderResult:
    order: Order                     # the order copied
    added: tuple[CartLine, ...]      # cart lines after merging, at today's prices
    unavailable: tuple[OrderLine, ...]  # gone from the catalog or out of stock
    # products of the order already in the cart: left as they are, never added twice
    already: tuple[CartLine, ...] = ()


def reorder(repo: CartRepository, customer_id: str, lookup: ProductLookup,
            order_id: str | None = None, *, now: datetime | None = None) -> ReorderResult:
    """Put a past order (default: the newest, whatever its status) back into the cart at
    today's prices. A product already in the cart is left as it is (and reported), so "add
    the same as last time" then "reorder my last order" never doubles the cart. One "undo"
    takes the whole reorder back."""
    with repo.transaction():
        order = _own_order(repo, customer_id, order_id)
        added, already, unavailable = add_order_lines(repo, customer_id, order.lines, lookup, now)
    return ReorderResult(order, added, unavailable, already)


def add_order_lines(repo: CartRepository, customer_id: str, lines, lookup: ProductLookup,
                    now: datetime | None
                    ) -> tuple[tuple[CartLine, ...], tuple[CartLine, ...], tuple[OrderLine, ...]]:
    """Past order lines into the cart as one undo step: (added, already in the cart,
    unavailable). Call inside the caller's transaction."""
    customer = get_customer(repo, customer_id)
    cart = _load_cart(repo, customer_id)
    added: list[CartLine] = []
    already: list[CartLine] = []
    unavailable: list[OrderLine] = []
    before = {line.product_id for line in cart.lines}
    with cart.single_step():
        for line in lines:
            product = lookup(line.product_id)
            if product is None or not product.in_stock:
                unavailable.append(line)
                continue
            if product.id in before:
                already.extend(l for l in cart.find(product.id) if l not in already)
                continue
            # Keep a preference only where it differed from the default; else it would
            # stop following the customer's default
            pref = None if line.substitution == customer.default_substitution \
                else line.substitution
            said = None if line.asked_quantity is None else (line.asked_quantity,
                                                              line.asked_unit)
            added.append(cart.add(product.id, product.name, line.quantity, line.unit,
                                  product.price, pref, asked=said, estimated=line.estimated,
                                  taxable=product.taxable))
    if added:
        _save_cart(repo, cart, now)
    return tuple(added), tuple(already), tuple(unavailable)
