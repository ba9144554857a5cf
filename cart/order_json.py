"""The JSON columns of an order row, the same on both backends: the store's picking result
and the shopper's changes to the placed order (cart.order_changes), oldest first."""
from __future__ import annotations

import json
from decimal import Decimal

from cart.fulfillment import from_utc_key, utc_key
from cart.orders import OrderChange, PickedLine, PickResult
from cart.row_cache import compact_json as _json


def picked_json(picked: PickResult | None) -> str | None:
    if picked is None:
        return None
    return _json({"lines": [{"product_id": p.product_id, "quantity": str(p.quantity),
                             "unit": p.unit, "substituted_by": p.substituted_by,
                             "out_of_stock": p.out_of_stock} for p in picked.lines],
                  "total": str(picked.total), "picked_at": utc_key(picked.picked_at)})


def picked_from_json(text: str | None) -> PickResult | None:
    if not text:
        return None
    data = json.loads(text)
    return PickResult(tuple(PickedLine(p["product_id"], Decimal(p["quantity"]), p["unit"],
                                       p["substituted_by"], p["out_of_stock"])
                            for p in data["lines"]),
                      Decimal(data["total"]), from_utc_key(data["picked_at"]))


def changes_json(changes: tuple[OrderChange, ...]) -> str | None:
    if not changes:
        return None
    return _json([{"id": c.id, "at": utc_key(c.at), "summary": c.summary,
                   "total_before": str(c.total_before), "total_after": str(c.total_after)}
                  for c in changes])


def changes_from_json(text: str | None) -> tuple[OrderChange, ...]:
    if not text:
        return ()
    return tuple(OrderChange(c["id"], from_utc_key(c["at"]), c["summary"],
                             Decimal(c["total_before"]), Decimal(c["total_after"]))
                 for c in json.loads(text))
