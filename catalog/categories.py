"""Vague and category requests: "something for breakfast", "some fruit", "cleaning stuff".

Such a phrase names an aisle or a department of the catalog rather than a product. The answer is
a choice among the two or three kinds shoppers buy most there ("cereal, oatmeal or pancake mix"),
the kinds being the products' head nouns, ranked by the catalog's popularity (by how many
products there are of each kind when the catalog has none). A phrase that names an aisle whose
products are mostly that very thing ("cereal", "milk", "chips") is a product request as before:
the matcher's own choice of kinds answers it.

The tables (each category's kinds and sorts) are built once per catalog by the index builder
and stored in the index file, so a server process only reads them; pure, no I/O.
"""
from __future__ import annotations

import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from catalog.index import CATEGORY_WORDS, PACKAGING, CatalogIndex, noun_segment
from catalog.normalize import STOPWORDS, content_tokens, segments, singular, tokens

# Words that make a request vague rather than name a thing: "something for breakfast",
# "cleaning stuff", "some kind of snack", "cleaning supplies"
VAGUE_WORDS = frozenset({"something", "stuff", "thing", "anything", "kind", "type", "sort",
                         "supply", "product", "item", "good", "idea", "option"})
# Shoppers' words for a department the catalog names otherwise
ALIASES = {"drink": "beverage", "toiletry": "personal", "sweet": "candy", "veg": "vegetable"}
MAX_KINDS = 3
HEAD_SHARE = 0.5  # an aisle whose products are mostly the word said is that product's aisle


@dataclass(frozen=True)
class Category:
    """A category a phrase named: its name in the catalog, and the kinds to offer, each a phrase a shopper can say back ("cereal") and the product
    most bought of that kind. A department's kinds are its aisles, an aisle's its products'
    head nouns."""
    name: str
    kinds: tuple[tuple[str, int], ...]  # (kind phrase, internal product number)
    vague: bool  # a vague word was said ("something", "stuff"): never a product's name
    sorts: bool = False  # the sorts of the product said ("chips": potato, tortilla, corn)


class ProductFacts:
    """What the category tables need of each product, by product number (prior order): the
    index builder fills it from its columns, `from_index` from a built index."""

    def __init__(self, names: Sequence[str], aisles: Sequence[str | None],
                 departments: Sequence[str | None], heads: Sequence[str | None],
                 in_stock: Sequence[bool], popularity: Sequence[float]) -> None:
        self.names, self.aisles, self.departments = names, aisles, departments
        self.heads, self.in_stock, self.popularity = heads, in_stock, popularity

    @classmethod
    def from_index(cls, ix: CatalogIndex) -> "ProductFacts":
        products = list(ix.products)
        return cls([p.name for p in products], [p.aisle for p in products],
                   [p.department for p in products],
                   [(ix.heads[pid][:1] or (None,))[0] for pid in range(len(products))],
                   [p.in_stock for p in products], [_finite(p.popularity) for p in products])


def category_tables(facts: ProductFacts) -> list[list]:
    """Every aisle and department, computed once per catalog (the index builder stores
    them in the index file): [level, name, product count, kinds, mostly, sorts]. `kinds`:
    up to 6 (phrase, product number), most bought first; `mostly`: the head noun most of its
    products share, if any ("chips"); `sorts`: that head's sorts ("potato chips")."""
    members: dict[tuple[str, str], array] = defaultdict(lambda: array("i"))
    for pid, (aisle, department) in enumerate(zip(facts.aisles, facts.departments)):
        for level, name in (("aisle", aisle), ("department", department)):
            if name:
                members[(level, name.casefold())].append(pid)
    tables = []
    for (level, name), pids in members.items():
        if not content_tokens(tokens(name)):
            continue
        counts = Counter(facts.heads[pid] for pid in pids)
        head, count = counts.most_common(1)[0]
        mostly = head if head is not None and count > HEAD_SHARE * len(pids) else None
        tables.append([level, name, len(pids), _rank_kinds(facts, pids, level == "department"),
                       mostly, _rank_sorts(facts, pids, mostly)[:MAX_KINDS] if mostly else []])
    return tables


class Categories:
    """The catalog's aisles and departments, by the words of their names (from the tables
    the index file holds: nothing is computed per product here)."""

    def __init__(self, ix: CatalogIndex) -> None:
        tables = getattr(ix, "category_tables", None)
        if tables is None:  # an index made some other way: compute them here
            tables = category_tables(ProductFacts.from_index(ix))
        self._names: list[tuple[frozenset[str], str, str, int, tuple, str | None, tuple]] = []
        for level, name, count, kinds, mostly, sorts in tables:
            words = frozenset(content_tokens(tokens(name)))
            if words:
                self._names.append((words, level, name, count,
                                    tuple((k, pid) for k, pid in kinds), mostly,
                                    tuple((k, pid) for k, pid in sorts)))
        # word -> the categories whose names hold it: a phrase is compared with those only
        self._by_word: dict[str, list[int]] = {}
        for i, (words, *_) in enumerate(self._names):
            for w in words:
                self._by_word.setdefault(w, []).append(i)

    def read(self, toks: list[str]) -> Category | None:
        """The category `toks` (a normalised phrase) names, or None when it names a product."""
        words = [w for w in content_tokens(toks) if w not in VAGUE_WORDS]
        # a vague word, or a shopper's word for a department ("drinks"): never a product's name
        vague = len(words) < len(content_tokens(toks)) or any(w in ALIASES for w in words)
        words = [ALIASES.get(w, w) for w in words]
        if not words:
            return None
        wanted = frozenset(words)
        entries = self._names
        fitting = [(len(entries[i][0] - wanted), -entries[i][3], entries[i][1], entries[i][2], i)
                   for i in self._by_word.get(words[0], ()) if wanted <= entries[i][0]]
        if not fitting:
            return None
        *_, name, at = min(fitting)
        kinds, mostly, sorts = self._names[at][4:]
        said_head = singular(words[-1])
        if not vague and len(words) == 1 and mostly == said_head:
            # "chips", "cereal": the aisle of that product; its kinds are its sorts
            # ("potato chips, tortilla chips"), offered when the matcher has no better choice
            return Category(name, sorts[:MAX_KINDS], False, sorts=True) if len(sorts) >= 2 else None
        kinds = tuple(k for k in kinds if singular(k[0].split()[-1]) != said_head)[:MAX_KINDS]
        if len(kinds) < 2:
            return None
        return Category(name, kinds, vague)


def _finite(value: object) -> float:
    try:
        number = float(value or 0)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0
    return number if math.isfinite(number) else 0.0


def _rank_sorts(facts: ProductFacts, pids: array, head: str) -> list[list]:
    """Sorts of one product: the word before its head noun ("potato" chips), most sold first."""
    weight: dict[str, float] = defaultdict(float)
    best: dict[str, int] = {}
    pop = facts.popularity
    for pid in pids:
        if facts.heads[pid] != head or not facts.in_stock[pid]:
            continue
        raw = [w for w in facts.names[pid].lower().replace(",", " ").split() if w not in STOPWORDS]
        at = next((j for j, w in enumerate(raw) if singular(w) == head), 0)
        if at == 0:
            continue
        sort = f"{raw[at - 1]} {raw[at]}"
        weight[sort] += 1.0 + max(0.0, pop[pid])
        if sort not in best or pop[best[sort]] < pop[pid]:
            best[sort] = pid
    ranked = sorted(weight, key=lambda k: (-weight[k], k))
    return [[k, best[k]] for k in ranked]


def _rank_kinds(facts: ProductFacts, pids: array, by_aisle: bool) -> list[list]:
    weight: dict[str, float] = defaultdict(float)
    best: dict[str, int] = {}
    pop = facts.popularity
    for pid in pids:
        if facts.heads[pid] is None or not facts.in_stock[pid]:
            continue
        head = (facts.aisles[pid] or "").casefold() if by_aisle else facts.heads[pid]
        if len(head) < 3:  # "Toasty O's": no kind to say
            continue
        # popularity when the catalog has it; else each product counts one
        weight[head] += 1.0 + max(0.0, pop[pid])
        if head not in best or pop[best[head]] < pop[pid]:
            best[head] = pid
    ranked = sorted(weight, key=lambda h: (-weight[h], h))[:6]
    if by_aisle:
        return [[h, best[h]] for h in ranked]
    return [[_spoken_kind(facts.names[best[h]], h), best[h]] for h in ranked]


def _spoken_kind(name: str, head: str) -> str:
    """How to say a kind: the head noun as the product's name writes it ("bananas"), with the
    word before it when the head is a generic category word ("pancake mix")."""
    for seg in segments(name):
        nouns = noun_segment(seg)
        if head in nouns:
            i = nouns.index(head)
            raw = [w for w in name.lower().replace(",", " ").split() if w not in STOPWORDS]
            at = next((j for j, w in enumerate(raw) if singular(w.strip("'")) == head), None)
            if at is None:
                return head
            said = raw[at]
            if at + 1 < len(raw) and singular(raw[at + 1]) in PACKAGING:  # "trash bags"
                return f"{said} {raw[at + 1]}"
            if head in CATEGORY_WORDS and i > 0:  # "pancake mix"
                return f"{nouns[i - 1]} {said}"
            return said
    return head


def spoken_category(phrase: str) -> str:
    """The category words as the shopper said them: "something for breakfast" -> "breakfast",
    "some kind of snack" -> "snack", "drinks" -> "drinks"."""
    words = [w for w in phrase.lower().split() if singular(w.strip(".,!?")) not in VAGUE_WORDS]
    while words and words[0] in STOPWORDS:
        words.pop(0)
    while words and words[-1] in STOPWORDS:
        words.pop()
    return " ".join(words)
