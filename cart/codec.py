"""Plain-dict forms of the domain values, for storage adapters and the bundled demo data.

Decimals travel as strings and durations as whole minutes, so nothing is lost to floats and a
stored row or the stores.json file reads plainly. Instants are UTC text (fulfillment.utc_key).
"""
from __future__ import annotations

from dataclasses import replace
from datetime import time, timedelta
from decimal import Decimal
from typing import Any, Mapping

from cart.fulfillment import WEEKDAYS, FulfillmentPolicy, OpeningHours, Store
from cart.model import Address, CartLine, DeliveryNotes, Snapshot, Substitution

_POLICY_MINUTES = ("pickup_slot", "delivery_window", "lead_time", "hold_time", "picking_lead")
_POLICY_MONEY = ("delivery_fee", "free_delivery_threshold", "minimum_order")
_POLICY_INTS = ("pickup_capacity", "delivery_capacity", "days_ahead", "max_held_percent")
_POLICY_RATES = ("tax_rate",)  # fractions as decimal text ("0.08875")


def substitution_to_dict(sub: Substitution | None) -> dict[str, Any] | None:
    if sub is None:
        return None
    return {"mode": sub.mode, "product_id": sub.product_id, "name": sub.name}


def substitution_from_dict(data: Mapping[str, Any] | None) -> Substitution | None:
    if data is None:
        return None
    return Substitution(data["mode"], data.get("product_id"), data.get("name"))


def line_to_dict(line: CartLine) -> dict[str, Any]:
    """`unit` and `substitution` are left out when empty (line_from_dict reads them as None):
    32 bytes a line, which keeps a cart of 20 lines and its undo history within one 4 KB
    page; a row that overflows rewrites an overflow page and the file's first page on every
    change (issue 22)."""
    data = {"product_id": line.product_id, "name": line.name, "quantity": str(line.quantity)}
    if line.unit is not None:
        data["unit"] = line.unit
    data["unit_price"] = str(line.unit_price)
    if line.substitution is not None:
        data["substitution"] = substitution_to_dict(line.substitution)
    if line.asked_quantity is not None:
        data["asked"] = [str(line.asked_quantity), line.asked_unit]
    if line.estimated:
        data["estimated"] = True
    if line.taxable:
        data["taxable"] = True
    return data


def line_from_dict(data: Mapping[str, Any]) -> CartLine:
    """Lines stored before carts kept what was asked have neither `asked` nor `estimated`."""
    asked = data.get("asked")
    return CartLine(data["product_id"], data["name"], Decimal(data["quantity"]), data.get("unit"),
                    Decimal(data["unit_price"]), substitution_from_dict(data.get("substitution")),
                    Decimal(asked[0]) if asked else None, asked[1] if asked else None,
                    bool(data.get("estimated", False)), bool(data.get("taxable", False)))


def key_to_list(key: tuple[str, str | None] | None) -> list[str | None] | None:
    return list(key) if key is not None else None


def key_from_list(data: list[str | None] | None) -> tuple[str, str | None] | None:
    return (str(data[0]), data[1]) if data else None


def snapshot_to_dict(snapshot: Snapshot) -> dict[str, Any]:
    return {"lines": [line_to_dict(line) for line in snapshot.lines],
            "last_key": key_to_list(snapshot.last_key)}


def snapshot_from_dict(data: Mapping[str, Any]) -> Snapshot:
    return Snapshot(tuple(line_from_dict(line) for line in data["lines"]),
                    key_from_list(data.get("last_key")))


def address_to_dict(address: Address | None) -> dict[str, Any] | None:
    if address is None:
        return None
    return {"line1": address.line1, "line2": address.line2, "city": address.city,
            "region": address.region, "postal_code": address.postal_code,
            "instructions": address.instructions}


def address_from_dict(data: Mapping[str, Any] | None) -> Address | None:
    if data is None:
        return None
    return Address(line1=data["line1"], city=data["city"], region=data["region"],
                   postal_code=data["postal_code"], line2=data.get("line2"),
                   instructions=data.get("instructions"))


def policy_to_dict(policy: FulfillmentPolicy) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in _POLICY_MINUTES:
        out[f"{name}_minutes"] = int(getattr(policy, name).total_seconds() // 60)
    for name in _POLICY_MONEY:
        out[name] = str(getattr(policy, name))
    for name in _POLICY_INTS:
        out[name] = getattr(policy, name)
    for name in _POLICY_RATES:
        out[name] = str(getattr(policy, name))
    return out


def policy_from_dict(data: Mapping[str, Any], base: FulfillmentPolicy | None = None
                     ) -> FulfillmentPolicy:
    """Missing keys keep `base`'s values, so a store may override only what differs."""
    values: dict[str, Any] = {}
    for name in _POLICY_MINUTES:
        if f"{name}_minutes" in data:
            values[name] = timedelta(minutes=int(data[f"{name}_minutes"]))
    for name in _POLICY_MONEY:
        if name in data:
            values[name] = Decimal(str(data[name]))
    for name in _POLICY_INTS:
        if name in data:
            values[name] = int(data[name])
    for name in _POLICY_RATES:
        if name in data:
            values[name] = Decimal(str(data[name]))
    unknown = set(data) - {f"{n}_minutes" for n in _POLICY_MINUTES} - set(_POLICY_MONEY) \
        - set(_POLICY_INTS) - set(_POLICY_RATES)
    if unknown:
        raise ValueError(f"unknown policy keys: {sorted(unknown)}")
    return replace(base or FulfillmentPolicy(), **values)


def hours_to_dict(hours: Mapping[int, OpeningHours]) -> dict[str, list[str]]:
    return {WEEKDAYS[day]: [h.opens.strftime("%H:%M"), _closes_text(h.closes)]
            for day, h in sorted(hours.items())}


def _closes_text(closes: time) -> str:
    return "24:00" if closes == time(0) else closes.strftime("%H:%M")


def _parse_time(text: str) -> time:
    return time(0) if text == "24:00" else time.fromisoformat(text)


def hours_from_dict(data: Mapping[str, list[str] | None]) -> dict[int, OpeningHours]:
    """{"monday": ["07:00", "22:00"], "sunday": null} -> weekday index -> hours; "24:00" is
    midnight at the end of the day."""
    hours = {}
    for name, span in data.items():
        if span is None:
            continue
        hours[WEEKDAYS.index(name.lower())] = OpeningHours(_parse_time(span[0]),
                                                           _parse_time(span[1]))
    return hours


def store_to_dict(store: Store) -> dict[str, Any]:
    return {"id": store.id, "name": store.name, "address": store.address, "tz": store.tz,
            "hours": hours_to_dict(store.hours), "policy": policy_to_dict(store.policy),
            "kinds": list(store.kinds), "out_of_stock": sorted(store.out_of_stock)}


def store_from_dict(data: Mapping[str, Any], base_policy: FulfillmentPolicy | None = None
                    ) -> Store:
    return Store(id=str(data["id"]), name=data["name"], address=data["address"], tz=data["tz"],
                 hours=hours_from_dict(data.get("hours", {})),
                 policy=policy_from_dict(data.get("policy", {}), base_policy),
                 kinds=tuple(data.get("kinds", ("pickup", "delivery"))),
                 out_of_stock=frozenset(data.get("out_of_stock") or ()))


def delivery_notes_to_dict(notes: DeliveryNotes) -> dict[str, Any] | None:
    if not notes:
        return None
    return {"text": notes.text, "unattended": notes.unattended}


def delivery_notes_from_dict(data: Mapping[str, Any] | None) -> DeliveryNotes:
    if not data:
        return DeliveryNotes()
    return DeliveryNotes(data.get("text"), bool(data.get("unattended", False)))
