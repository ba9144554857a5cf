"""The bundled demo stores, fulfillment policy and demo customer (cart/data/stores.json)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from cart import codec
from cart.fulfillment import Store
from cart.model import Customer, Substitution
from cart.ports import CartRepository

DEMO_CUSTOMER_ID = "demo"


@dataclass(frozen=True)
class DemoData:
    stores: tuple[Store, ...]
    customers: tuple[Customer, ...]


def load_demo_data(text: str | None = None) -> DemoData:
    """Parse stores.json (or the given text): the top-level policy is each store's default."""
    raw: dict[str, Any] = json.loads(
        text if text is not None
        else resources.files("cart").joinpath("data/stores.json").read_text(encoding="utf-8"))
    base = codec.policy_from_dict(raw.get("policy", {}))
    stores = tuple(codec.store_from_dict(s, base) for s in raw["stores"])
    customers = tuple(
        Customer(id=c["id"], address=codec.address_from_dict(c.get("address")),
                 default_substitution=codec.substitution_from_dict(c.get("default_substitution"))
                 or Substitution.allow(),
                 preferred_store_id=c.get("preferred_store_id"),
                 linked_account=c.get("linked_account"))
        for c in raw.get("customers", ()))
    return DemoData(stores, customers)


def seed_demo_data(repo: CartRepository, data: DemoData | None = None) -> DemoData:
    """Idempotent: stores are (re)written to the bundled values; customers are only created
    when missing, so a demo shopper's own changes (a new address) survive a restart."""
    data = data or load_demo_data()
    with repo.transaction():
        for store in data.stores:
            if repo.get_store(store.id) != store:
                repo.save_store(store)
        for customer in data.customers:
            if repo.get_customer(customer.id) is None:
                repo.save_customer(customer)
    return data
