"""Spoken vocabulary shared by the Alexa model and the Dialogflow agent exports.

Catalog names are written for shelves ("Dairy Pure 2% Reduced Fat Milk, 1 gal"); slot values
must be what a shopper says ("two percent reduced fat milk"). Both exports take their product,
unit and fulfillment values from here, so Alexa and Dialogflow know the same words.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from catalog.model import Product
from catalog.normalize import singular
from intents.model import CANONICAL_UNITS

# Amazon's interaction model limits: 140 characters per slot value and per synonym.
MAX_VALUE_CHARS = 140
# Synonyms beyond this add little recognition and cost model size for every product.
MAX_SYNONYMS = 12

UNIT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "pound": ("pounds", "lb", "lbs"),
    "ounce": ("ounces", "oz"),
    "fluid_ounce": ("fluid ounces", "fl oz"),
    "gallon": ("gallons", "gal"),
    "half_gallon": ("half gallons", "half a gallon"),
    "quart": ("quarts", "qt"),
    "pint": ("pints",),
    "liter": ("liters", "litre", "litres"),
    "milliliter": ("milliliters", "millilitre", "millilitres", "ml"),
    "kilogram": ("kilograms", "kilo", "kilos", "kg"),
    "gram": ("grams",),
    "dozen": ("dozens",),
    "pack": ("packs", "package", "packages", "packet"),
    "bag": ("bags",),
    "box": ("boxes",),
    "can": ("cans", "tin", "tins"),
    "bottle": ("bottles",),
    "jar": ("jars",),
    "bunch": ("bunches",),
    "loaf": ("loaves",),
    "carton": ("cartons",),
    "case": ("cases",),
    "head": ("heads",),
    "piece": ("pieces",),
}
if set(UNIT_SYNONYMS) != set(CANONICAL_UNITS):
    raise ImportError("every canonical unit needs its spoken forms in UNIT_SYNONYMS")

# The placed order, as shoppers name it ("add bread to my order", "move my pickup to seven"): one
# value, so a request that names it changes the order instead of the cart (issue 17)
ORDER_TARGET_SYNONYMS: dict[str, tuple[str, ...]] = {
    "order": ("my pickup", "my delivery", "my pickup order", "my delivery order", "the order",
              "my grocery order", "my upcoming order", "my current order", "my pickup time",
              "my delivery time"),
}

FULFILLMENT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "pickup": ("pick up", "curbside", "curbside pickup", "in store pickup", "store pickup",
               "collect", "collection", "click and collect"),
    "delivery": ("deliver", "home delivery", "delivered", "have it delivered", "drop off",
                 "bring it to me"),
}


def unit_name(unit: str) -> str:
    """The spoken singular of a canonical unit: "half_gallon" -> "half gallon"."""
    return unit.replace("_", " ")


def unit_plural(unit: str) -> str:
    return UNIT_SYNONYMS[unit][0] if unit != "dozen" else "dozen"


@dataclass
class ExportNotes:
    """What an export kept and left out, for the operator (printed to stderr by the CLI)."""

    products_total: int = 0
    values_exported: int = 0
    left_out: int = 0
    duplicate_names: int = 0
    synonyms_dropped: int = 0
    size_bytes: int = 0   # the model as compact JSON: what the platform's size limit counts
    file_bytes: int = 0   # what was written (indented for people to read)
    limits: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"products in catalog: {self.products_total}",
               f"product values exported: {self.values_exported}",
               f"left out (over the size/value limits): {self.left_out}"]
        if self.duplicate_names:
            out.append("left out (same spoken name as a more popular product): "
                       f"{self.duplicate_names}")
        if self.synonyms_dropped:
            out.append("synonyms dropped (duplicates, too long or unsayable): "
                       f"{self.synonyms_dropped}")
        if self.file_bytes:
            compact = f" ({self.size_bytes} as compact JSON, which the limit counts)" \
                if self.size_bytes and self.size_bytes != self.file_bytes else ""
            out.append(f"size: {self.file_bytes} bytes written{compact}")
        elif self.size_bytes:
            out.append(f"size: {self.size_bytes} bytes")
        out += [f"{k}: {v}" for k, v in self.counts.items()]
        out += [f"limit {k}: {v}" for k, v in self.limits.items()]
        out += [f"warning: {w}" for w in self.warnings]
        return out


@dataclass(frozen=True)
class ProductValue:
    """One product as a slot/entity value: its id, spoken name and spoken synonyms."""

    id: str
    name: str
    synonyms: tuple[str, ...]


# --- spoken forms --------------------------------------------------------------------------

_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
         "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_SIZE_UNITS = (r"fl\.?\s*oz|oz|ounces?|lbs?|pounds?|gal|gallons?|ct|count|pk|packs?|qt|quarts?|pt|"
               r"pints?|l|liters?|litres?|ml|kg|g|grams?|kilograms?|each|ea|dozen|doz|x")
_SIZE = re.compile(rf"\b\d+(?:[.,/]\d+)?\s*-?\s*(?:{_SIZE_UNITS})\b\.?", re.IGNORECASE)
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_LEADING_CONTAINER = re.compile(
    r"^(?:a |an )?"
    r"(?:bag|box|bunch|pack|package|carton|bottle|jar|can|case|loaf|head|container)s? of ")
_DECIMAL = re.compile(r"\d+\.\d+")
_INTEGER = re.compile(r"\d+")
_NOT_SPOKEN = re.compile(r"[^a-z' ]+")
_SIZE_WORDS = frozenset("""a an half gallon gallons quart quarts pint pints pound pounds ounce
    ounces liter liters litre litres dozen pack packs count each family size value bulk jumbo
    large small medium extra big club bag box""".split())


def number_words(n: int) -> str:
    """0..999999 as words ("forty two"); larger numbers are read digit by digit."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else " " + _ONES[n % 10])
    if n < 1000:
        rest = n % 100
        return _ONES[n // 100] + " hundred" + ("" if rest == 0 else " " + number_words(rest))
    if n < 1_000_000:
        rest = n % 1000
        thousands = number_words(n // 1000) + " thousand"
        return thousands + ("" if rest == 0 else " " + number_words(rest))
    return " ".join(_ONES[int(d)] for d in str(n))


def _digits_to_words(text: str) -> str:
    text = _DECIMAL.sub(lambda m: m.group(0).replace(".", " point "), text)
    return _INTEGER.sub(lambda m: " " + number_words(int(m.group(0)[:12])) + " ", text)


def spoken(text: str) -> str:
    """A written phrase as Alexa accepts a value or utterance: lowercase words, digits spelled out,
    no punctuation but apostrophes. Returns "" when nothing sayable is left."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.lower().replace("’", "'")
    text = text.replace("&", " and ").replace("%", " percent ").replace("+", " plus ")
    text = re.sub(r"\bw/", " with ", text)
    text = _digits_to_words(text)
    text = _NOT_SPOKEN.sub(" ", text)
    words = [w.strip("'") for w in text.split()]
    return " ".join(w for w in words if w)


def _fit(text: str, limit: int = MAX_VALUE_CHARS) -> str:
    """Cut at a word boundary so a value never exceeds the per-value character limit."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0]


def shelf_to_spoken(name: str, size: str | None = None, *, keep_container: bool = False) -> str:
    """"Dairy Pure 2% Reduced Fat Milk (1 gal)" -> "dairy pure two percent reduced fat milk"."""
    text = _BRACKETS.sub(" ", name)
    if size:
        text = text.replace(size, " ")
    head, *tails = re.split(r"[,;|]", _SIZE.sub(" ", text))
    # "Whole Milk, Half Gallon": a tail that only names a size is shelf detail, not the name.
    kept = [t for t in tails if not set(spoken(t).split()) <= _SIZE_WORDS]
    said = spoken(" ".join([head, *kept]))
    if not keep_container:
        # "bag of organic bananas" is said "organic bananas"; the parser reads "a bag of" as a unit.
        said = _LEADING_CONTAINER.sub("", said)
    return _fit(said)


def name_variants(product: Product) -> list[str]:
    """Candidate spoken names, best first. The first is how people usually say it (no size, no
    container, no leading brand); the others only serve when a more popular product already took
    it: the name with its container ("bag of lemons"), with its brand, then with its size."""
    full = shelf_to_spoken(product.name, product.size)
    brand = spoken(product.brand or "")
    variants = []
    if brand and full.startswith(brand + " "):
        variants.append(full[len(brand) + 1:])
    variants += [full, shelf_to_spoken(product.name, product.size, keep_container=True)]
    if brand and not full.startswith(brand):
        words = f"{brand} {full}".split()  # "meadow valley organic" + "organic whole milk"
        deduped = [w for i, w in enumerate(words) if i == 0 or w != words[i - 1]]
        variants.append(_fit(" ".join(deduped)))
    if product.size and spoken(product.size):
        variants.append(_fit(f"{variants[0]} {spoken(product.size)}"))
    return [v for v in dict.fromkeys(variants) if v]


def _ranked(products: Iterable[Product]) -> list[Product]:
    """Most useful first: popular, then in stock; catalog order breaks ties so exports are
    stable. Without any popularity, the staples come first: short, generic names of common
    kinds ("bananas", "whole milk", "bread") before long variant names, so a cut model keeps
    what shoppers say most (and what the skill's own help examples use)."""
    indexed = list(enumerate(products))
    if any(p.popularity > 0 for _, p in indexed):
        indexed.sort(key=lambda ip: (-ip[1].popularity, not ip[1].in_stock, ip[0]))
        return [p for _, p in indexed]
    said = {}
    for i, p in indexed:
        variants = name_variants(p)
        said[i] = [singular(w) for w in variants[0].split()] if variants else []
    kinds = Counter(words[-1] for words in said.values() if words)  # how common each kind is

    def staple_first(ip: tuple[int, Product]) -> tuple:
        words = said[ip[0]]
        return (len(words) or 99, -kinds[words[-1]] if words else 0, not ip[1].in_stock, ip[0])
    indexed.sort(key=staple_first)
    return [p for _, p in indexed]


def product_values(products: Iterable[Product], notes: ExportNotes, *,
                   max_synonyms: int = MAX_SYNONYMS) -> list[ProductValue]:
    """Every product as a spoken value, most useful first, each name and synonym used once.

    The most popular product keeps a contested name ("blueberries"); a later one falls back to a
    longer variant ("blueberries one pint"), and is counted in `notes.duplicate_names` when every
    variant is taken. Callers cut the list to their platform's limits and count the rest in
    `notes.left_out`.
    """
    ranked = _ranked(products)
    notes.products_total = len(ranked)
    taken: set[str] = set()
    out: list[ProductValue] = []
    for product in ranked:
        name = next((v for v in name_variants(product) if v not in taken), None)
        if name is None:
            notes.duplicate_names += 1
            continue
        taken.add(name)
        synonyms: list[str] = []
        # Only the grocer's own synonyms: brand and size variants would cost model size for
        # every product and rarely be said.
        for candidate in (spoken(s) for s in product.synonyms):
            if (not candidate or candidate in taken or len(candidate) > MAX_VALUE_CHARS
                    or len(synonyms) >= max_synonyms):
                notes.synonyms_dropped += 1
                continue
            taken.add(candidate)
            synonyms.append(candidate)
        out.append(ProductValue(product.id, name, tuple(synonyms)))
    return out


def json_size(obj: object) -> int:
    """Bytes of `obj` as compact UTF-8 JSON, the measure the model size limit applies to."""
    return len(json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
