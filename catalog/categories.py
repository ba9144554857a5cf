"""Vague and category requests: "something for breakfast", "some fruit", "cleaning stuff".

Such a phrase names an aisle or a department of the catalog rather than a product. The answer is
a choice among the two or three kinds shoppers buy most there ("cereal, oatmeal or pancake mix"),
the kinds being the products' head nouns, ranked by the catalog's popularity (by how many
products there are of each kind when the catalog has none). A phrase that names an aisle whose
products are mostly that very thing ("cereal", "milk", "chips") is a product request as before:
the matcher's own choice of kinds answers it.

Built once per index on first use, from the aisle and department columns; pure, no I/O.
"""
from __future__ import annotations

from collections import defaultdict
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


class Categories:
    """The catalog's aisles and departments, by the words of their names."""

    def __init__(self, ix: CatalogIndex) -> None:
        self._ix = ix
        members: dict[tuple[str, str], list[int]] = defaultdict(list)
        for pid, p in enumerate(ix.products):
            for level, name in (("aisle", p.aisle), ("department", p.department)):
                if name:
                    members[(level, name.casefold())].append(pid)
        self._names: list[tuple[frozenset[str], str, str, list[int]]] = []
        for (level, name), pids in members.items():
            words = frozenset(content_tokens(tokens(name)))
            if words:
                self._names.append((words, level, name, pids))
        self._kinds: dict[str, tuple[tuple[str, int], ...]] = {}
        # (category, head) -> most of its products are that head; heads are category words: bounded
        self._shares: dict[tuple[str, str], bool] = {}

    def read(self, toks: list[str]) -> Category | None:
        """The category `toks` (a normalised phrase) names, or None when it names a product."""
        words = [w for w in content_tokens(toks) if w not in VAGUE_WORDS]
        # a vague word, or a shopper's word for a department ("drinks"): never a product's name
        vague = len(words) < len(content_tokens(toks)) or any(w in ALIASES for w in words)
        words = [ALIASES.get(w, w) for w in words]
        if not words:
            return None
        wanted = frozenset(words)
        fitting = [(len(names - wanted), -len(pids), level, name, pids)
                   for names, level, name, pids in self._names if wanted <= names]
        if not fitting:
            return None
        _, _, level, name, pids = min(fitting)
        said_head = singular(words[-1])
        if not vague and len(words) == 1 and self._mostly(name, pids, said_head):
            # "chips", "cereal": the aisle of that product; its kinds are its sorts
            # ("potato chips, tortilla chips"), offered when the matcher has no better choice
            key = f"{name}\0{said_head}"
            kinds = self._kinds.get(key)
            if kinds is None:
                kinds = self._kinds[key] = self._rank_sorts(pids, said_head)
            return Category(name, kinds[:MAX_KINDS], False, sorts=True) if len(kinds) >= 2 else None
        kinds = self._kinds.get(name)
        if kinds is None:
            kinds = self._kinds[name] = self._rank_kinds(pids, by_aisle=level == "department")
        kinds = tuple(k for k in kinds if singular(k[0].split()[-1]) != said_head)[:MAX_KINDS]
        if len(kinds) < 2:
            return None
        return Category(name, kinds, vague)

    def _mostly(self, name: str, pids: list[int], head: str) -> bool:
        """Whether most products of the category are `head`s (counted once per pair)."""
        key = (name, head)
        got = self._shares.get(key)
        if got is None:
            heads = self._ix.heads
            got = self._shares[key] = sum(
                1 for pid in pids if heads[pid][:1] == (head,)) > HEAD_SHARE * len(pids)
        return got

    def _rank_sorts(self, pids: list[int], head: str) -> tuple[tuple[str, int], ...]:
        """Sorts of one product: the word before its head noun ("potato" chips), most sold first."""
        ix = self._ix
        weight: dict[str, float] = defaultdict(float)
        best: dict[str, int] = {}
        for pid in pids:
            p = ix.products[pid]
            if ix.heads[pid][:1] != (head,) or not p.in_stock:
                continue
            raw = [w for w in p.name.lower().replace(",", " ").split() if w not in STOPWORDS]
            at = next((j for j, w in enumerate(raw) if singular(w) == head), 0)
            if at == 0:
                continue
            sort = f"{raw[at - 1]} {raw[at]}"
            weight[sort] += 1.0 + max(0.0, float(p.popularity or 0))
            if sort not in best or ix.products[best[sort]].popularity < p.popularity:
                best[sort] = pid
        ranked = sorted(weight, key=lambda k: (-weight[k], k))
        return tuple((k, best[k]) for k in ranked)

    def _rank_kinds(self, pids: list[int], by_aisle: bool) -> tuple[tuple[str, int], ...]:
        ix = self._ix
        weight: dict[str, float] = defaultdict(float)
        best: dict[str, int] = {}
        for pid in pids:
            p = ix.products[pid]
            if not ix.heads[pid] or not p.in_stock:
                continue
            head = (p.aisle or "").casefold() if by_aisle else ix.heads[pid][0]
            if len(head) < 3:  # "Toasty O's": no kind to say
                continue
            # popularity when the catalog has it; else each product counts one
            weight[head] += 1.0 + max(0.0, float(p.popularity or 0))
            if head not in best or ix.products[best[head]].popularity < p.popularity:
                best[head] = pid
        ranked = sorted(weight, key=lambda h: (-weight[h], h))[:6]
        if by_aisle:
            return tuple((h, best[h]) for h in ranked)
        return tuple((_spoken_kind(ix.products[best[h]].name, h), best[h]) for h in ranked)


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
