"""One product's sizes: which catalog products are the same thing in another pack or way of
selling (eggs in 6, 12 and 18 counts; a loose Yellow Onion and a 3 lb bag of Yellow Onions).

A product's variant key is its `variant_group` column when the catalog has one, else its name
with sizes, containers ("bag of", "bunch"), plurals, case and punctuation set aside:
"Bag of Gala Apples" and "Gala Apples" share "gala apple". Brands are not part of the key, so a
store brand's carton can cover what was asked when it is the only size that fits; the
arithmetic (catalog.purchase) prefers the brand that was matched. Pure, no I/O.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from weakref import WeakKeyDictionary

from catalog.model import Product
from catalog.normalize import singular

_SIZE_IN_NAME = re.compile(r"\b\d+(?:\.\d+)?\s*(?:ct|count|pk|pack|oz|fl oz|lb|lbs|gal|qt|pt|l|ml|g|kg)\b")
_SET_ASIDE = frozenset({"bag", "of", "bunch", "loose", "each", "pack", "carton", "box", "case",
                        "multipack", "single", "bottle", "can", "jug"})


def variant_key(product: Product) -> str:
    explicit = product.extra.get("variant_group") if product.extra else None
    if isinstance(explicit, str) and explicit.strip():
        return "group:" + explicit.strip().lower()
    name = _SIZE_IN_NAME.sub(" ", re.sub(r"\([^)]*\)", " ", product.name.lower()))
    words = re.sub(r"[^\w%/]+", " ", name).split()
    kept = [singular(w) for w in words if w not in _SET_ASIDE]
    return " ".join(kept) or product.name.lower()


class VariantIndex:
    """Products by variant key, built once per catalog."""

    def __init__(self, products: Iterable[Product]) -> None:
        self._by_key: dict[str, list[Product]] = {}
        for product in products:
            self._by_key.setdefault(variant_key(product), []).append(product)

    def variants(self, product: Product) -> list[Product]:
        """Every product sharing `product`'s key, `product` itself first."""
        others = [p for p in self._by_key.get(variant_key(product), []) if p.id != product.id]
        return [product, *others]


_INDEXES: "WeakKeyDictionary[object, VariantIndex]" = WeakKeyDictionary()


def variants_in(catalog: object, product: Product) -> list[Product]:
    """`product`'s variants among `catalog.products` (a matcher), indexed once per catalog."""
    by_index = getattr(catalog, "variants_of", None)
    if by_index is not None:  # the matcher's index groups them already
        return by_index(product)
    index = _INDEXES.get(catalog)
    if index is None:
        index = _INDEXES[catalog] = VariantIndex(getattr(catalog, "products"))
    return index.variants(product)
