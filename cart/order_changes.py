"""Changing a placed order until picking starts: items, time, pickup or delivery.

Two steps, as the conversation has them. `plan_order_change` works out what the order would
become (lines, slot, and the bill: subtotal, sales tax, fee, total, from cart.pricing as at
checkout, at the store's rate now) and writes nothing: the shopper hears it and a question never
holds or books anything. `apply_order_change` does it after the "yes", in one transaction:
the order's lines, slot and totals change together, the old slot is freed by the same update
that books the new one (a slot's use is counted from the orders themselves), and capacity is
checked inside the write lock, so two changes racing for the last place cannot both get it.

Idempotent twice over: `change_id` (made when the change was read back) is recorded on the
order, so a retried or repeated "yes" finds it and changes nothing again; and a change planned
on one version of the order applies only to that version (`OrderChangedMeanwhile` otherwise),
so the total the shopper agreed to is the one charged even if another device changed the order
in between.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal

from cart.errors import (BelowMinimumOrder, LineNotFound, NoAddress, NoSlotAvailable,
                         NothingToChange, OrderChangedMeanwhile, OrderLocked, OrderNotFound,
                         OutOfStock, SlotFull, SlotTooSoon, UnknownStore)
from cart.fulfillment import DELIVERY, Slot, Store, check_kind
from cart.model import Cart, CartLine, Customer, DeliveryNotes
from cart.orders import Fulfillment, Order, OrderChange, OrderLine
from cart.outbox.events import ORDER_CHANGED, order_event
from cart.ports import CartRepository, SlotOverbooked
from cart.pricing import bill_for
from cart.services import _clock, _slots_and_usage, get_customer
from cart.time_slots import earliest_start, localize, pick_slot


@dataclass(frozen=True)
class AddedLine:
    """What to add, as the cart would bill it (catalog.purchase decided the amount)."""

    product_id: str
    name: str
    quantity: Decimal
    unit: str | None
    unit_price: Decimal
    asked_quantity: Decimal | None = None
    asked_unit: str | None = None
    estimated: bool = False
    taxable: bool = False  # the product's catalog flag, as read back (cart.pricing taxes it)


@dataclass(frozen=True)
class ChangeRequest:
    add: tuple[AddedLine, ...] = ()
    remove: tuple[str, ...] = ()        # product ids: every line of that product goes
    # (product id, unit, quantity) taken off that line ("remove two bananas"); all of it or
    # more removes the line
    fewer: tuple[tuple[str, str | None, Decimal], ...] = ()
    kind: str | None = None             # pickup | delivery; None keeps the method
    requested: datetime | None = None   # naive store-local time wanted; None keeps the time
    slot_start: datetime | None = None  # exact slot (applying what was read back), UTC

    @property
    def moves(self) -> bool:
        return self.kind is not None or self.requested is not None or self.slot_start is not None


@dataclass(frozen=True)
class ChangePlan:
    order: Order                   # as it is now
    lines: tuple[OrderLine, ...]   # after the change
    fulfillment: Fulfillment       # after the change
    picking_at: datetime
    subtotal: Decimal
    delivery_fee: Decimal
    total: Decimal                 # subtotal + tax + delivery fee (cart.pricing), as at checkout
    added: tuple[OrderLine, ...]
    removed: tuple[OrderLine, ...]
    tax: Decimal = Decimal("0.00")
    tax_rate: Decimal = Decimal("0")

    @property
    def slot(self) -> Slot:
        return self.fulfillment.slot

    @property
    def slot_moved(self) -> bool:
        return self.fulfillment.slot_key != self.order.fulfillment.slot_key

    @property
    def raises_total(self) -> bool:
        return self.total > self.order.total

    def summary(self) -> str:
        """The change in plain words for the order's history (not what is spoken)."""
        parts = [f"added {line.quantity} {line.unit or 'x'} {line.name}" for line in self.added]
        before = {(line.product_id, line.unit): line.quantity for line in self.order.lines}
        parts += [f"removed {line.name}" if before.get((line.product_id, line.unit)) == line.quantity
                  else f"removed {line.quantity} {line.unit or 'x'} {line.name}"
                  for line in self.removed]
        if self.slot_moved:
            f = self.fulfillment
            parts.append(f"{f.kind} {f.slot.local_start.isoformat(timespec='minutes')}")
        return "; ".join(parts) or "no change"


@dataclass(frozen=True)
class ChangeResult:
    order: Order
    applied: bool  # False: this change id was applied before; `order` is as it is now


def changeable_order(repo: CartRepository, customer_id: str, now: datetime) -> Order | None:
    """The order "my order" means: the newest one not yet final (placed, or being picked so
    the shopper hears why it can't change), else None."""
    now = _clock(now)
    return next((o for o in repo.list_orders(customer_id, 20) if not o.is_final(now)), None)


def _order(repo: CartRepository, customer_id: str, order_id: str | None, now: datetime) -> Order:
    if order_id is not None:
        order = repo.get_order(order_id)
        if order is None or order.customer_id != customer_id:
            raise OrderNotFound(order_id)
        return order
    order = changeable_order(repo, customer_id, now)
    if order is None:
        latest = repo.list_orders(customer_id, 1)
        if not latest:
            raise OrderNotFound(None)
        order = latest[0]
    return order


def plan_order_change(repo: CartRepository, customer_id: str, request: ChangeRequest, *,
                      now: datetime, order_id: str | None = None) -> ChangePlan:
    """What the order would become; reads only. Raises OrderLocked, NothingToChange,
    BelowMinimumOrder, NoAddress, NoSlotAvailable, LineNotFound."""
    now = _clock(now)
    return _plan(repo, customer_id, _order(repo, customer_id, order_id, now), request, now)


def apply_order_change(repo: CartRepository, customer_id: str, request: ChangeRequest, *,
                       order_id: str, change_id: str, base_version: int,
                       now: datetime, expected_total: Decimal | None = None) -> ChangeResult:
    """Apply a change read back from `plan_order_change` (with `slot_start` set to the slot
    read back, if it moved), exactly once per `change_id`. `expected_total` is the total read
    back: if the bill came out different now (the store's tax rate or fee changed meanwhile),
    nothing is applied (OrderChangedMeanwhile), so the total charged is the one heard."""
    now = _clock(now)
    with repo.transaction():
        order = _order(repo, customer_id, order_id, now)
        if order.change_by_id(change_id) is not None:
            return ChangeResult(order, applied=False)
        if order.version != base_version:
            raise OrderChangedMeanwhile(order)
        plan = _plan(repo, customer_id, order, request, now)
        if expected_total is not None and plan.total != expected_total:
            raise OrderChangedMeanwhile(order)
        changed = replace(order, lines=plan.lines, fulfillment=plan.fulfillment,
                          subtotal=plan.subtotal, delivery_fee=plan.delivery_fee,
                          total=plan.total, tax=plan.tax, tax_rate=plan.tax_rate,
                          picking_at=plan.picking_at,
                          changes=order.changes + (OrderChange(change_id, now, plan.summary(),
                                                               order.total, plan.total),))
        try:
            repo.update_order(changed)
        except SlotOverbooked:  # the database's own count says the new slot is full
            raise SlotFull(changed.fulfillment.slot, None) from None
        # the event commits with the change or not at all (the transactional outbox)
        repo.record_event(order_event(ORDER_CHANGED, changed, now))
    return ChangeResult(changed, applied=True)


def _plan(repo: CartRepository, customer_id: str, order: Order, request: ChangeRequest,
          now: datetime) -> ChangePlan:
    status = order.status_at(now)
    if not order.can_change(now):
        raise OrderLocked(order, status)
    store = repo.get_store(order.fulfillment.store_id)
    if store is None:
        raise UnknownStore(order.fulfillment.store_id)
    customer = get_customer(repo, customer_id)
    for new in request.add:
        # stock differs per store: the order's store must have what is added to it
        if not store.has_in_stock(new.product_id):
            raise OutOfStock(new.product_id, new.name)
    lines, added, removed = _new_lines(order, request, customer)
    if not lines:
        raise NothingToChange("that would leave the order empty; cancel it instead")
    fulfillment, picking_at = _new_fulfillment(repo, order, store, customer, request, now)
    # The same bill as checkout (cart.pricing): what the read-back says is what is stored
    bill = bill_for(lines, store.policy, fulfillment.kind)
    if bill.subtotal < store.policy.minimum_order:
        raise BelowMinimumOrder(store.policy.minimum_order, bill.subtotal)
    plan = ChangePlan(order, lines, fulfillment, picking_at, bill.subtotal, bill.delivery_fee,
                      bill.total, added, removed, bill.tax, bill.tax_rate)
    if not added and not removed and not plan.slot_moved:
        raise NothingToChange("the order already is that way")
    return plan


def _new_lines(order: Order, request: ChangeRequest, customer: Customer
               ) -> tuple[tuple[OrderLine, ...], tuple[OrderLine, ...], tuple[OrderLine, ...]]:
    """The cart's own merging rules on the order's lines: "add bread" to an order with bread
    is one line with more bread, as in the cart."""
    cart = Cart(order.customer_id, lines=[
        CartLine(line.product_id, line.name, line.quantity, line.unit, line.unit_price,
                 line.substitution, line.asked_quantity, line.asked_unit, line.estimated,
                 line.taxable)
        for line in order.lines])
    removed: list[OrderLine] = []
    for product_id in request.remove:
        gone = [line for line in order.lines if line.product_id == product_id]
        if not gone:
            raise LineNotFound(product_id)
        cart.remove(product_id)
        removed += gone
    for product_id, unit, quantity in request.fewer:
        line = next((l for l in order.lines if l.product_id == product_id and l.unit == unit), None)
        if line is None or product_id in request.remove:
            raise LineNotFound(product_id)
        if quantity >= line.quantity:
            cart.remove(product_id, unit)
            removed.append(line)
        else:
            cart.set_quantity(product_id, line.quantity - quantity, unit)
            removed.append(replace(line, quantity=quantity))  # what is taken off, said back
    for new in request.add:
        asked = None if new.asked_quantity is None else (new.asked_quantity, new.asked_unit)
        cart.add(new.product_id, new.name, new.quantity, new.unit, new.unit_price,
                 asked=asked, estimated=new.estimated, taxable=new.taxable)
    before = {(line.product_id, line.unit): line for line in order.lines}
    lines = []
    for line in cart.lines:
        old = before.get(line.key)
        substitution = old.substitution if old is not None else customer.substitution_for(line)
        lines.append(OrderLine.from_cart_line(line, substitution))
    added = tuple(line for line in lines
                  if (old := before.get((line.product_id, line.unit))) is None
                  or old.quantity < line.quantity)
    return tuple(lines), added, tuple(removed)


def _new_fulfillment(repo: CartRepository, order: Order, store: Store, customer: Customer,
                     request: ChangeRequest, now: datetime) -> tuple[Fulfillment, datetime]:
    current = order.fulfillment
    if not request.moves:
        return current, order.picking_at
    kind = check_kind(request.kind or current.kind)
    if kind == DELIVERY and customer.address is None:
        raise NoAddress("delivery needs an address")
    slots, usage = _slots_and_usage(repo, store, kind, now, order.customer_id)
    if kind == current.kind and usage.get(current.slot_key):
        usage[current.slot_key] -= 1  # this order's own place: it moves, it is not taken
    earliest = earliest_start(store, now)
    if request.slot_start is not None:
        slot = next((s for s in slots if s.start == request.slot_start), None)
        alternative = pick_slot(slots, usage, earliest=earliest,
                                requested=request.slot_start)
        if slot is None or slot.start < earliest:
            raise SlotTooSoon(slot or Slot(store.id, kind, request.slot_start,
                                           request.slot_start, 0, store.tz), alternative)
        if usage.get(slot.key, 0) >= slot.capacity:
            raise SlotFull(slot, alternative)
    else:
        # Switching method with no time said keeps the time when that is possible
        wanted = request.requested or current.slot.local_start.replace(tzinfo=None)
        slot = pick_slot(slots, usage, earliest=earliest, requested=localize(wanted, store.zone))
        if slot is None:
            raise NoSlotAvailable(f"no {kind} slot at {store.name} in the next "
                                  f"{store.policy.days_ahead} days")
    if slot.key == current.slot_key:
        return current, order.picking_at
    address = customer.address if kind == DELIVERY else None
    notes = customer.delivery_notes if kind == DELIVERY else DeliveryNotes()
    if kind == current.kind == DELIVERY:
        # the address and driver's notes the order was placed with
        address = current.address or address
        notes = current.notes
    moved = Fulfillment(kind, store.id, store.name, slot.start, slot.end, address, store.tz,
                        current.store_address or store.address, notes)
    return moved, max(now, slot.start - store.policy.picking_lead)
