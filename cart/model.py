"""The cart domain: money, quantities, cart lines, the cart aggregate and its customer. No I/O.

Money is Decimal everywhere (a float can't hold 0.10 exactly); a line total is rounded half-up
to cents once, and the cart total is the sum of those rounded line totals, so what the shopper
hears line by line adds up to the total they hear.
"""
from __future__ import annotations

import re
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cached_property
from typing import Final, Iterator

from cart.errors import (
    AmbiguousLine, CartFull, InvalidAddress, InvalidQuantity, InvalidUnit, LineNotFound,
    NothingToUndo,
)

CENT: Final = Decimal("0.01")
MAX_QUANTITY: Final = Decimal(999)       # per line; "add a million eggs" is a mishearing
QUANTITY_STEP: Final = Decimal("0.001")  # finer than any scale a store weighs with
MAX_LINES: Final = 100
HISTORY_LIMIT: Final = 10                # undo depth; each snapshot is persisted with the cart


def money(value: Decimal | int | str) -> Decimal:
    """Round to cents, half up (2.5 lb x $3.99 = 9.975 -> 9.98), as a till does."""
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def to_quantity(value: Decimal | int | float | str) -> Decimal:
    """A positive quantity of at most MAX_QUANTITY, to 3 decimals, without trailing zeros.

    Floats come from parsers ("two and a half" -> 2.5); they go through repr so 2.5 stays 2.5
    and 0.1 stays 0.1 rather than 0.1000000000000000055...
    """
    if isinstance(value, bool):
        raise InvalidQuantity(value)
    try:
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise InvalidQuantity(value) from None
    if not number.is_finite() or number <= 0:
        raise InvalidQuantity(value)
    if number > MAX_QUANTITY:
        raise InvalidQuantity(value, f"at most {MAX_QUANTITY} per item")
    number = number.quantize(QUANTITY_STEP, rounding=ROUND_HALF_UP)
    if number <= 0:
        raise InvalidQuantity(value)
    return _plain(number)


def _plain(number: Decimal) -> Decimal:
    # normalize() alone turns 10 into 1E+1, which reads badly in logs and JSON
    if number == number.to_integral_value():
        return number.quantize(Decimal(1))
    return number.normalize()


_UNIT_RE = re.compile(r"^[a-z][a-z_]{0,23}$")


def check_unit(unit: str | None) -> str | None:
    """Units are the design doc's canonical lowercase names (validated by the parser); here we
    only refuse shapes that can't be one, so junk never reaches storage."""
    if unit is None:
        return None
    if not isinstance(unit, str) or not _UNIT_RE.match(unit):
        raise InvalidUnit(f"not a unit name: {unit!r}")
    return unit


# --- substitution ---------------------------------------------------------------------------

ALLOW: Final = "allow"
NO_SUBSTITUTE: Final = "none"
SPECIFIC: Final = "specific"


@dataclass(frozen=True)
class Substitution:
    """What the picker may do when an item is out: allow any similar item, none, or a named one."""

    mode: str = ALLOW
    product_id: str | None = None
    name: str | None = None

    def __post_init__(self) -> None:
        if self.mode not in (ALLOW, NO_SUBSTITUTE, SPECIFIC):
            raise ValueError(f"unknown substitution mode {self.mode!r}")
        if (self.mode == SPECIFIC) != (self.product_id is not None):
            raise ValueError("a specific substitution names exactly one product")

    @classmethod
    def allow(cls) -> Substitution:
        return cls(ALLOW)

    @classmethod
    def none(cls) -> Substitution:
        return cls(NO_SUBSTITUTE)

    @classmethod
    def specific(cls, product_id: str, name: str) -> Substitution:
        return cls(SPECIFIC, product_id, name)


# --- cart -----------------------------------------------------------------------------------

LineKey = tuple[str, str | None]  # (product_id, unit): what "the same item" means when merging


class AnyUnit:
    def __repr__(self) -> str:
        return "ANY_UNIT"


ANY_UNIT: Final = AnyUnit()  # "remove the eggs": whatever unit the eggs are in


@dataclass(frozen=True)
class CartLine:
    product_id: str
    name: str
    quantity: Decimal
    unit: str | None
    unit_price: Decimal
    substitution: Substitution | None = None  # None: the customer's default applies
    # What the shopper said ("24" eggs, 12 "ounce" of shrimp) beside what is billed (two 12-count
    # cartons, 0.75 pound); None when nothing was said or it is what is billed
    asked_quantity: Decimal | None = None
    asked_unit: str | None = None
    estimated: bool = False  # billed by weight: the scale at picking sets the final price
    taxable: bool = False    # the product's catalog flag: sales tax applies (cart.pricing)

    @property
    def asked(self) -> tuple[Decimal, str | None]:
        if self.asked_quantity is None:
            return self.quantity, self.unit
        return self.asked_quantity, self.asked_unit

    @property
    def key(self) -> LineKey:
        return (self.product_id, self.unit)

    @cached_property
    def line_total(self) -> Decimal:
        # A line never changes: its total is worked out once, however often a turn sums it
        return money(self.quantity * self.unit_price)


@dataclass(frozen=True)
class Snapshot:
    lines: tuple[CartLine, ...]
    last_key: LineKey | None


@dataclass
class Cart:
    """A customer's cart: the aggregate every cart change goes through.

    `revision` grows with every change and never resets (not even at checkout), so
    "customer:revision" names exactly the cart a shopper confirmed: a checkout submission key.
    """

    customer_id: str
    lines: list[CartLine] = field(default_factory=list)
    revision: int = 0
    history: list[Snapshot] = field(default_factory=list)
    last_key: LineKey | None = None  # the line "make that three" refers to
    updated_at: datetime | None = None

    # -- reading --
    @property
    def total(self) -> Decimal:
        return sum((line.line_total for line in self.lines), Decimal("0.00"))

    @property
    def is_empty(self) -> bool:
        return not self.lines

    @property
    def item_count(self) -> int:
        """Lines, as a shopper counts them ("3 items"): 2.5 lb of apples is one item."""
        return len(self.lines)

    def find(self, product_id: str, unit: str | None | AnyUnit = ANY_UNIT) -> list[CartLine]:
        return [line for line in self.lines
                if line.product_id == product_id and (unit is ANY_UNIT or line.unit == unit)]

    def last_line(self) -> CartLine | None:
        return next((line for line in self.lines if line.key == self.last_key), None)

    # -- changing --
    def add(self, product_id: str, name: str, quantity: Decimal | int | float | str,
            unit: str | None, unit_price: Decimal,
            substitution: Substitution | None = None, *,
            asked: tuple[Decimal | int | float | str, str | None] | None = None,
            estimated: bool = False, taxable: bool | None = None) -> CartLine:
        """Add, merging into the line with the same product and unit (its price is refreshed).
        `asked` is what the shopper said when it differs from what is billed; `taxable` is the
        product's flag (None: keep the line's, else not taxable)."""
        quantity = to_quantity(quantity)
        unit = check_unit(unit)
        asked_q, asked_unit = (to_quantity(asked[0]), check_unit(asked[1])) if asked else (None, None)
        unit_price = Decimal(unit_price)
        if not unit_price.is_finite() or unit_price < 0:
            raise ValueError(f"bad unit price {unit_price!r}")
        key = (product_id, unit)
        index = self._index(key)
        if index is None:
            if len(self.lines) >= MAX_LINES:
                raise CartFull(MAX_LINES)
            line = CartLine(product_id, name, quantity, unit, unit_price, substitution,
                            asked_q, asked_unit, estimated, bool(taxable))
            self._checkpoint()
            self.lines.append(line)
        else:
            old = self.lines[index]
            line = replace(old, name=name, quantity=to_quantity(old.quantity + quantity),
                           unit_price=unit_price, substitution=substitution or old.substitution,
                           estimated=old.estimated or estimated,
                           taxable=old.taxable if taxable is None else taxable,
                           **_merged_asked(old, quantity, unit, asked_q, asked_unit))
            self._checkpoint()
            self.lines[index] = line
        self.last_key = key
        return line

    def set_quantity(self, product_id: str, quantity: Decimal | int | float | str,
                     unit: str | None | AnyUnit = ANY_UNIT) -> CartLine | None:
        """Set a line's quantity; 0 removes the line (and returns None)."""
        if not isinstance(quantity, bool) and _is_zero(quantity):
            self.remove(product_id, self._one(product_id, unit).unit)
            return None
        quantity = to_quantity(quantity)
        old = self._one(product_id, unit)
        line = replace(old, quantity=quantity, asked_quantity=None, asked_unit=None)
        self._checkpoint()
        self.lines[self.lines.index(old)] = line
        self.last_key = line.key
        return line

    def remove(self, product_id: str, unit: str | None | AnyUnit = ANY_UNIT) -> list[CartLine]:
        """Remove the product's line(s); without a unit, every line of that product."""
        removed = self.find(product_id, unit)
        if not removed:
            raise LineNotFound(product_id, _named(unit))
        self._checkpoint()
        self.lines = [line for line in self.lines if line not in removed]
        if self.last_key in {line.key for line in removed}:
            self.last_key = None
        return removed

    def clear(self) -> list[CartLine]:
        removed = list(self.lines)
        if removed:  # clearing an empty cart is not a change worth an undo step
            self._checkpoint()
            self.lines = []
            self.last_key = None
        return removed

    def set_substitution(self, product_id: str, preference: Substitution | None,
                         unit: str | None | AnyUnit = ANY_UNIT) -> list[CartLine]:
        targets = self.find(product_id, unit)
        if not targets:
            raise LineNotFound(product_id, _named(unit))
        self._checkpoint()
        self.lines = [replace(line, substitution=preference) if line in targets else line
                      for line in self.lines]
        return self.find(product_id, unit)

    def reprice(self, product_id: str, unit_price: Decimal,
                name: str | None = None, taxable: bool | None = None) -> list[CartLine]:
        """Catalog price (or name, or tax flag) changed: not the shopper's doing, so not an
        undo step."""
        changed = []
        for i, line in enumerate(self.lines):
            if line.product_id == product_id and (
                    line.unit_price != unit_price or (name and name != line.name)
                    or (taxable is not None and taxable != line.taxable)):
                self.lines[i] = replace(line, unit_price=Decimal(unit_price),
                                        name=name or line.name,
                                        taxable=line.taxable if taxable is None else taxable)
                changed.append(self.lines[i])
        if changed:
            self.revision += 1
        return changed

    def undo(self) -> Snapshot:
        """Restore the cart as it was before the last change; returns the state undone."""
        if not self.history:
            raise NothingToUndo("nothing to undo")
        undone = Snapshot(tuple(self.lines), self.last_key)
        previous = self.history.pop()
        self.lines = list(previous.lines)
        self.last_key = previous.last_key
        self.revision += 1
        return undone

    def empty_after_checkout(self) -> None:
        # The lines became an order: undo must not bring them back into the cart
        self.lines = []
        self.history = []
        self.last_key = None
        self.revision += 1

    @contextmanager
    def single_step(self) -> Iterator[None]:
        """Group several changes (a reorder) so that one "undo" takes them all back."""
        before = Snapshot(tuple(self.lines), self.last_key)
        saved, revision = list(self.history), self.revision
        yield
        if self.revision != revision:
            self.history = saved + [before]
            del self.history[:-HISTORY_LIMIT]

    # -- internals --
    def _checkpoint(self) -> None:
        self.history.append(Snapshot(tuple(self.lines), self.last_key))
        del self.history[:-HISTORY_LIMIT]
        self.revision += 1

    def _index(self, key: LineKey) -> int | None:
        return next((i for i, line in enumerate(self.lines) if line.key == key), None)

    def _one(self, product_id: str, unit: str | None | AnyUnit) -> CartLine:
        found = self.find(product_id, unit)
        if not found:
            raise LineNotFound(product_id, _named(unit))
        if len(found) > 1:
            raise AmbiguousLine(found)
        return found[0]


def _merged_asked(old: CartLine, quantity: Decimal, unit: str | None,
                  asked_q: Decimal | None, asked_unit: str | None) -> dict:
    """What the shopper asked for in all: amounts said in one unit add up ("24 eggs" and
    "6 more eggs" are 30 eggs); said in different units, only the billed amount is kept."""
    before_q, before_unit = old.asked
    now_q, now_unit = (asked_q, asked_unit) if asked_q is not None else (quantity, unit)
    if before_unit == now_unit and old.asked_quantity is not None:
        return {"asked_quantity": to_quantity(before_q + now_q), "asked_unit": now_unit}
    return {"asked_quantity": None, "asked_unit": None}


def _named(unit: str | None | AnyUnit) -> str | None:
    return None if isinstance(unit, AnyUnit) else unit


def _is_zero(value: object) -> bool:
    try:
        number = Decimal(repr(value) if isinstance(value, float) else value)  # type: ignore[arg-type]
        return number == 0
    except (InvalidOperation, TypeError, ValueError):
        return False


# --- customer -------------------------------------------------------------------------------

_MAX_FIELD = 200


def _clean(text: str | None, field_name: str, required: bool) -> str | None:
    if text is None or not str(text).strip():
        if required:
            raise InvalidAddress(f"{field_name} is required")
        return None
    # Addresses are spoken back and logged: no control characters, bounded length
    cleaned = "".join(ch for ch in str(text) if unicodedata.category(ch)[0] != "C").strip()
    cleaned = re.sub(r"\s+", " ", cleaned)
    if not cleaned and required:
        raise InvalidAddress(f"{field_name} is required")
    if len(cleaned) > _MAX_FIELD:
        raise InvalidAddress(f"{field_name} is longer than {_MAX_FIELD} characters")
    return cleaned or None


@dataclass(frozen=True)
class Address:
    line1: str
    city: str
    region: str
    postal_code: str
    line2: str | None = None
    instructions: str | None = None  # "leave it at the side door"

    def __post_init__(self) -> None:
        for name in ("line1", "city", "region", "postal_code"):
            object.__setattr__(self, name, _clean(getattr(self, name), name, required=True))
        for name in ("line2", "instructions"):
            object.__setattr__(self, name, _clean(getattr(self, name), name, required=False))

    def one_line(self) -> str:
        street = f"{self.line1}, {self.line2}" if self.line2 else self.line1
        return f"{street}, {self.city}, {self.region} {self.postal_code}"


@dataclass(frozen=True)
class DeliveryNotes:
    """What the driver should know: "leave it at the door", "ring the bell", and whether the
    shopper agreed to an unattended delivery ("deliver while I'm not home")."""

    text: str | None = None
    unattended: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", _clean(self.text, "delivery notes", required=False))
        object.__setattr__(self, "unattended", bool(self.unattended))

    def __bool__(self) -> bool:
        return bool(self.text) or self.unattended


@dataclass(frozen=True)
class Customer:
    """Who a cart belongs to: the platform user id, or the linked account id when there is one."""

    id: str
    address: Address | None = None
    default_substitution: Substitution = field(default_factory=Substitution.allow)
    preferred_store_id: str | None = None
    linked_account: str | None = None
    # Notes for the next deliveries, said by voice; they go on every delivery order until changed
    delivery_notes: DeliveryNotes = field(default_factory=DeliveryNotes)

    def substitution_for(self, line: CartLine) -> Substitution:
        return line.substitution or self.default_substitution


def customer_key(platform_user_id: str, linked_account: str | None = None) -> str:
    """A linked account follows the shopper across devices and platforms; else the platform id."""
    return linked_account or platform_user_id
