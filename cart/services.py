"""Service functions for the cart, customers and fulfillment choice, over a `CartRepository`.
Checkout and orders are in cart.checkout, with the same conventions:

Every function takes the repository and, where time matters, `now` (aware datetime), so tests
drive the clock. Each runs in one `repo.transaction()`: its reads and writes are atomic, and two
requests for the same cart are serialised, never interleaved. Domain errors (cart.errors) are
raised for anything the shopper can fix; the transaction is rolled back when they are.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from decimal import Decimal

from catalog.model import Product
from catalog.purchase import Purchase
from catalog.units import WEIGHT, dimension_of, is_one

from cart.errors import (
    CartFull, NoAddress, NoSlotAvailable, OutOfStock, UnknownStore, UnsupportedFulfillment,
)
from cart.fulfillment import DELIVERY, UTC, Slot, SlotHold, Store, check_kind
from cart.model import (ANY_UNIT, Address, AnyUnit, Cart, CartLine, Customer, DeliveryNotes,
                        Substitution)
from cart.ports import CartRepository, ProductLookup
from cart.store_finder import stores_by_distance
from cart.time_slots import available_slots as _available, earliest_start, generate_slots, localize
from cart.time_slots import pick_slot

UnitArg = str | None | AnyUnit


def _clock(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(UTC)
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return now.astimezone(UTC)  # so `now + hold_time` is real time, even across DST


def _load_cart(repo: CartRepository, customer_id: str) -> Cart:
    return repo.get_cart(customer_id) or Cart(customer_id)


def _save_cart(repo: CartRepository, cart: Cart, now: datetime | None) -> None:
    cart.updated_at = _clock(now)
    repo.save_cart(cart)


# --- cart -----------------------------------------------------------------------------------

def get_cart(repo: CartRepository, customer_id: str) -> Cart:
    return _load_cart(repo, customer_id)


def add_item(repo: CartRepository, customer_id: str, product: Product,
             quantity: Decimal | int | float | str | None = 1, unit: str | None = None, *,
             substitution: Substitution | None = None, now: datetime | None = None) -> CartLine:
    """Add a resolved product; merges with the line of the same product and unit.
    A quantity of None (none was spoken: "add milk") means one. A line in pounds or kilograms
    is billed by weight (`estimated`). The conversation adds through add_purchase instead."""
    if not product.in_stock:
        raise OutOfStock(product.id, product.name)
    with repo.transaction():
        _check_store_stock(repo, customer_id, product)
        cart = _load_cart(repo, customer_id)
        line = cart.add(product.id, product.name, 1 if quantity is None else quantity, unit,
                        product.price, substitution, estimated=unit in ("pound", "kilogram"),
                        taxable=product.taxable)
        _save_cart(repo, cart, now)
    return line


def add_purchase(repo: CartRepository, customer_id: str, purchase: Purchase, *,
                 replacing: tuple[str, str | None, Decimal | None] | None = None,
                 now: datetime | None = None) -> CartLine:
    """Add what a spoken amount buys (catalog.purchase): the billed quantity and unit, what was
    asked beside it, and the by-weight mark. With `replacing` (product id, unit, quantity to
    take off or None for the whole line), that line is changed in the same step, so a
    correction, swap or unit change is one "undo"."""
    product = purchase.product
    if not product.in_stock:
        raise OutOfStock(product.id, product.name)
    with repo.transaction():
        _check_store_stock(repo, customer_id, product)
        cart = _load_cart(repo, customer_id)
        with cart.single_step():
            if replacing is not None:
                _take_off(cart, *replacing)
            line = cart.add(product.id, product.name, purchase.quantity, _line_unit(cart, purchase),
                            product.price, asked=_said(purchase), estimated=purchase.estimated,
                            taxable=product.taxable)
        _save_cart(repo, cart, now)
    return line


def shopping_store(repo: CartRepository, customer_id: str) -> Store | None:
    """The store the shopper is buying from now: their held slot's, else their own store;
    None when they have neither (the store is chosen later)."""
    store_id = repo.shopping_store_id(customer_id)
    return repo.get_store(store_id) if store_id is not None else None


def _check_store_stock(repo: CartRepository, customer_id: str, product: Product) -> None:
    """Stock differs per store: the shopper's store may have none of a product the catalog
    sells. Shoppers without a store yet are not checked (the read-back names what the store
    they choose lacks)."""
    store = shopping_store(repo, customer_id)
    if store is not None and not store.has_in_stock(product.id):
        raise OutOfStock(product.id, product.name)

def _line_unit(cart: Cart, purchase: Purchase) -> str | None:
    """The unit to bill a purchase in so the same product lands on one line however it was
    asked: "a dozen eggs", "12 eggs" and "a carton of eggs" each bill one 12-count carton
    (unit "dozen", none, none), so they join the line already holding that product in any
    unit that also counts whole packs. Weights (billed at the scale) are never merged with
    counts."""
    pack = purchase.terms.pack if purchase.terms else None

    def counts_packs(unit: str | None) -> bool:
        return unit is None or (pack is not None and dimension_of(unit) != WEIGHT
                                and is_one(pack, unit))

    if purchase.estimated or not counts_packs(purchase.unit):
        return purchase.unit
    for line in cart.find(purchase.product.id):
        if not line.estimated and counts_packs(line.unit):
            return line.unit
    return purchase.unit


def _said(purchase: Purchase) -> tuple[Decimal, str | None] | None:
    asked = purchase.asked
    if asked.quantity is None and asked.unit is None:
        return None  # "add milk": nothing was said beyond the product
    said = (asked.quantity if asked.quantity is not None else Decimal(1), asked.unit)
    return None if said == (purchase.quantity, purchase.unit) else said


def _take_off(cart: Cart, product_id: str, unit: str | None, quantity: Decimal | None) -> None:
    found = cart.find(product_id, unit)
    if not found:
        return
    line = found[0]
    if quantity is not None and line.quantity > quantity:
        cart.set_quantity(product_id, line.quantity - quantity, unit)
    else:
        cart.remove(product_id, unit)


def set_quantity(repo: CartRepository, customer_id: str, product_id: str,
                 quantity: Decimal | int | float | str, unit: UnitArg = ANY_UNIT, *,
                 now: datetime | None = None) -> CartLine | None:
    """"Make that three"; 0 removes the line. Raises AmbiguousLine if the product is in the
    cart in several units and none was given."""
    with repo.transaction():
        cart = _load_cart(repo, customer_id)
        line = cart.set_quantity(product_id, quantity, unit)
        _save_cart(repo, cart, now)
    return line


def remove_item(repo: CartRepository, customer_id: str, product_id: str,
                unit: UnitArg = ANY_UNIT, *, now: datetime | None = None) -> list[CartLine]:
    with repo.transaction():
        cart = _load_cart(repo, customer_id)
        removed = cart.remove(product_id, unit)
        _save_cart(repo, cart, now)
    return removed


def undo(repo: CartRepository, customer_id: str, *, now: datetime | None = None) -> Cart:
    """Take back the last cart change (up to model.HISTORY_LIMIT deep); returns the cart."""
    with repo.transaction():
        cart = _load_cart(repo, customer_id)
        cart.undo()
        _save_cart(repo, cart, now)
    return cart


def clear_cart(repo: CartRepository, customer_id: str, *,
               now: datetime | None = None) -> list[CartLine]:
    with repo.transaction():
        cart = _load_cart(repo, customer_id)
        removed = cart.clear()
        if removed:
            _save_cart(repo, cart, now)
    return removed


def refresh_prices(repo: CartRepository, customer_id: str, lookup: ProductLookup, *,
                   now: datetime | None = None) -> list[CartLine]:
    """Bring cart prices up to the catalog's; call before reading back a checkout summary so
    the total the shopper confirms is the one charged. Returns the lines whose price changed."""
    with repo.transaction():
        cart = _load_cart(repo, customer_id)
        changed: list[CartLine] = []
        for product_id in dict.fromkeys(line.product_id for line in cart.lines):
            product = lookup(product_id)
            if product is not None:
                changed += cart.reprice(product_id, product.price, product.name,
                                        product.taxable)
        if changed:
            _save_cart(repo, cart, now)
    return changed


def set_substitution(repo: CartRepository, customer_id: str, product_id: str,
                     preference: Substitution | None, unit: UnitArg = ANY_UNIT, *,
                     now: datetime | None = None) -> list[CartLine]:
    """Per line; None goes back to the customer's default."""
    with repo.transaction():
        cart = _load_cart(repo, customer_id)
        lines = cart.set_substitution(product_id, preference, unit)
        _save_cart(repo, cart, now)
    return lines


# --- customers ------------------------------------------------------------------------------

def get_customer(repo: CartRepository, customer_id: str) -> Customer:
    return customer_or_new(repo.get_customer(customer_id), customer_id)


def customer_or_new(stored: Customer | None, customer_id: str) -> Customer:
    """The stored customer, else one with every default (a shopper nothing was saved for yet)."""
    return stored if stored is not None else Customer(customer_id)


def _update_customer(repo: CartRepository, customer_id: str, **changes: object) -> Customer:
    with repo.transaction():
        customer = replace(get_customer(repo, customer_id), **changes)  # type: ignore[arg-type]
        repo.save_customer(customer)
    return customer


def set_default_substitution(repo: CartRepository, customer_id: str,
                             preference: Substitution) -> Customer:
    return _update_customer(repo, customer_id, default_substitution=preference)


def set_address(repo: CartRepository, customer_id: str, address: Address) -> Customer:
    return _update_customer(repo, customer_id, address=address)


def set_delivery_notes(repo: CartRepository, customer_id: str, notes: DeliveryNotes) -> Customer:
    """The notes every delivery order carries from now on (until changed)."""
    return _update_customer(repo, customer_id, delivery_notes=notes)


def set_preferred_store(repo: CartRepository, customer_id: str, store_id: str) -> Customer:
    if repo.get_store(store_id) is None:
        raise UnknownStore(store_id)
    return _update_customer(repo, customer_id, preferred_store_id=store_id)


# --- fulfillment ----------------------------------------------------------------------------

def list_stores(repo: CartRepository) -> list[Store]:
    return repo.list_stores()


def _resolve_store(repo: CartRepository, customer: Customer, store_id: str | None,
                   kind: str | None = None) -> Store:
    """The store asked for, else the shopper's own. When their own store does not offer
    `kind` (a pickup-only store asked for delivery), the nearest store by their ZIP that does:
    a store named explicitly is never swapped."""
    wanted = store_id or customer.preferred_store_id
    if wanted is not None:
        store = repo.get_store(wanted)
        if store is None:
            raise UnknownStore(wanted)
        if store_id is not None or kind is None or store.offers(kind):
            return store
        zip_code = customer.address.postal_code if customer.address else store.postal_code
        for near in stores_by_distance(repo.list_stores(), zip_code):
            if near.store.offers(kind):
                return near.store
        return store
    stores = repo.list_stores()
    if not stores:
        raise UnknownStore(None)
    return stores[0]


def _slots_and_usage(repo: CartRepository, store: Store, kind: str, now: datetime,
                     customer_id: str | None) -> tuple[list[Slot], dict[str, int]]:
    if not store.offers(kind):
        raise UnsupportedFulfillment(kind, store.id)
    slots = generate_slots(store, kind, now)
    if not slots:
        return [], {}
    usage = repo.slot_usage(store.id, kind, slots[0].start, slots[-1].end, now, customer_id)
    return slots, usage


def shopper_store(repo: CartRepository, customer_id: str) -> Store:
    """The store whose rules (fees, minimum order) apply to this shopper now: the one of the
    slot they chose, else their preferred store, else the first. Reads only."""
    hold = repo.get_hold(customer_id)
    if hold is not None and (store := repo.get_store(hold.slot.store_id)) is not None:
        return store
    return _resolve_store(repo, get_customer(repo, customer_id), None)


def available_slots(repo: CartRepository, customer_id: str, kind: str, *, now: datetime,
                    store_id: str | None = None, after: datetime | None = None,
                    limit: int | None = 3) -> list[Slot]:
    """Slots with room, earliest first, starting after the lead time (and after `after`, a
    naive local or aware time, e.g. "what do you have tomorrow?")."""
    now = _clock(now)
    store = _resolve_store(repo, get_customer(repo, customer_id), store_id, check_kind(kind))
    slots, usage = _slots_and_usage(repo, store, kind, now, customer_id)
    earliest = earliest_start(store, now)
    if after is not None:
        earliest = max(earliest, localize(after, store.zone))
    return _available(slots, usage, earliest=earliest, limit=limit)


def choose_fulfillment(repo: CartRepository, customer_id: str, kind: str, *, now: datetime,
                       store_id: str | None = None, requested: datetime | None = None,
                       session: str | None = None) -> SlotHold:
    """Pick pickup or delivery and the nearest slot with room to `requested` (naive = store local
    time; None = next available), and hold it for the policy's hold time. Replaces any earlier
    choice. The held slot may differ from the one asked for: compare `hold.slot` and say so.

    Holds are scarce, so they are limited three ways: one per customer, one per dialog
    `session` (a hold the session made for another customer id is released), and at most the
    policy's hold cap per slot. Past that cap the slot is still chosen, but unreserved
    (`hold.active(now)` is False): the order books it if it still has room then."""
    now = _clock(now)
    check_kind(kind)
    with repo.transaction():
        customer = get_customer(repo, customer_id)
        store = _resolve_store(repo, customer, store_id, kind)
        if kind == DELIVERY and customer.address is None:
            raise NoAddress("delivery needs an address")
        slots, usage = _slots_and_usage(repo, store, kind, now, customer_id)
        wanted = localize(requested, store.zone) if requested is not None else None
        slot = pick_slot(slots, usage, earliest=earliest_start(store, now), requested=wanted)
        if slot is None:
            raise NoSlotAvailable(f"no {kind} slot at {store.name} in the next "
                                  f"{store.policy.days_ahead} days")
        if session is not None:
            repo.release_session_holds(session, keep_customer=customer_id)
        held = repo.live_holds(slot.key, now, exclude_customer=customer_id)
        expires = now + store.policy.hold_time if held < store.policy.hold_cap(kind) else now
        hold = SlotHold(customer_id, slot, expires, session)
        repo.save_hold(hold)
    return hold


def get_hold(repo: CartRepository, customer_id: str) -> SlotHold | None:
    return repo.get_hold(customer_id)


def release_hold(repo: CartRepository, customer_id: str) -> None:
    """Forget the shopper's chosen slot (its capacity goes back at once)."""
    with repo.transaction():
        repo.delete_hold(customer_id)


def merge_carts(repo: CartRepository, from_customer: str, into_customer: str, *,
                now: datetime | None = None) -> int:
    """A cart filled before the shopper linked their account joins their own cart; returns
    how many lines moved. Nothing is lost and nothing doubled: a product already in the cart
    in the same unit keeps the larger of the two quantities (the same milk added on two
    devices is one purchase, not two); other lines are added. The moved lines leave the old
    cart in the same transaction, so a repeated or concurrent merge moves nothing twice. Lines
    that would overfill the cart stay where they were."""
    if from_customer == into_customer:
        return 0
    with repo.transaction():
        source = repo.get_cart(from_customer)
        if source is None or source.is_empty:
            return 0
        target = _load_cart(repo, into_customer)
        moved: list[CartLine] = []
        with target.single_step():  # one "undo" takes the whole merge back
            for line in source.lines:
                existing = target.find(line.product_id, line.unit)
                if existing:
                    if line.quantity > existing[0].quantity:
                        target.set_quantity(line.product_id, line.quantity, line.unit)
                else:
                    try:
                        target.add(line.product_id, line.name, line.quantity, line.unit,
                                   line.unit_price, line.substitution, taxable=line.taxable)
                    except CartFull:
                        break
                moved.append(line)
        source.lines = [line for line in source.lines if line not in moved]
        source.history, source.last_key = [], None
        source.revision += 1
        _save_cart(repo, target, now)
        _save_cart(repo, source, now)
    return len(moved)
