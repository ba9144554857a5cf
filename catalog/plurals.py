"""A plural said where the best product names only the singular: the same thing, or another?

"mints" and "Mint" normalise to the same word, so the herb "Mint" was an exact name for
"mints" and was added without a question, while what the catalog sells as "...Mints" are
candies. "jalapenos" added a chip named "Jalapeno", "low fat peaches" a kefir named "Lowfat
Kefir Peach". The catalog's own names tell the two readings apart: the products it names by
that plural, written as said, as their head noun ("Breath Mints", "Diced Jalapenos"). When
few of them are in the best product's department, the plural names another thing than that
product: the best is a guess, asked about, never added unasked.

The products looked at hold the other words said too ("chicken breasts": chicken breasts, not
turkey breasts), or, when none does, are all the products named by the plural, unless the best
is named (or has a synonym) exactly as said but for the plural ("zebra cakes": Zebra Cake). A
product named with the plural itself ("Bananas") or a synonym holding it is never in question,
nor is a catalog without departments.
"""
from __future__ import annotations

from collections import Counter

import numpy as np

from catalog.candidates import intersection
from catalog.index import CatalogIndex
from catalog.memo import Memo
from catalog.model import Product
from catalog.normalize import content_tokens, said_words, singular, tokens

# A plural is the best product's own word when at least this share of the products named by
# it are in that product's department: one chip flavour, "Jalapenos With Sea Salt", among 17
# jars and cans of jalapenos does not make the chip "Jalapeno" what "jalapenos" means
SAME_PLACE_SHARE = 0.2
# Products read per plural (in prior order, the most bought first): bounded, so a word heading
# 20,000 names costs no more than one heading 500 (about 5 ms, once per catalog and word)
PLURAL_SCAN = 500
MEMO_SIZE = 4096  # answers kept per catalog, of each kind


class PluralPlaces:
    """Where the catalog sells what it names by each plural: products whose head noun it is,
    written as said, counted by department. Read lazily, once per catalog (the index is
    immutable); two threads may both fill an entry, alike."""

    def __init__(self, index: CatalogIndex) -> None:
        self._ix = index
        self._memo: Memo[tuple[str, tuple[str, ...]], Counter[str]] = Memo(MEMO_SIZE)
        self._answers: Memo[tuple[str, str], bool] = Memo(MEMO_SIZE)  # (phrase, product id)

    def places(self, plural: str, others: tuple[str, ...] = ()) -> Counter[str]:
        """Departments of the products named by `plural` that hold every word of `others`
        (normalised words)."""
        found = self._memo.get((plural, others))
        if found is None:
            found = self._memo.keep((plural, others), self._count(plural, others))
        return found

    def _count(self, plural: str, others: tuple[str, ...]) -> Counter[str]:
        ix = self._ix
        one = singular(plural)
        heads = ix.head_sets.get(one)
        if heads is None or not all(w in ix.idf for w in others):
            return Counter()
        pids = np.asarray(intersection(ix, [one, *others]), dtype=np.int64)
        named = pids[np.isin(pids, heads)][:PLURAL_SCAN] if len(pids) else pids
        found: Counter[str] = Counter()
        for pid in named.tolist():
            product = ix.products[pid]
            place = _place(product)
            if place and plural in said_words(product.name):
                found[place] += 1
        return found

    def other_thing(self, phrase: str, best: Product) -> bool:
        """True when a plural said is only singular in `best`'s name (and synonyms), and the
        products the catalog names by that plural are mostly in other departments."""
        found = self._answers.get((phrase, best.id))
        if found is None:  # a shopper with a purchase history resolves every turn anew
            found = self._answers.keep((phrase, best.id), self._other_thing(phrase, best))
        return found

    def _other_thing(self, phrase: str, best: Product) -> bool:
        place = _place(best)
        if not place:
            return False  # a catalog without departments: nothing to tell the readings by
        written: set[str] | None = None
        named: set[str] = set()
        for word in said_words(phrase):
            one = singular(word)
            if one == word:
                continue
            if written is None:
                written = {w for text in (best.name, *best.synonyms) for w in said_words(text)}
                named = set(tokens(best.name))
            if word in written or one not in named:
                continue  # the plural as named, or a word the match did not rest on
            said = content_tokens(tokens(phrase))
            others = tuple(sorted(set(said) - {one}))
            if not others:
                found = self.places(word)
            else:
                found = self.places(word, others)
                # none named by the plural holds the other words said: the plural alone tells,
                # unless the best is named exactly as said ("zebra cakes": Zebra Cake)
                if not found and not any(content_tokens(tokens(text)) == said
                                         for text in (best.name, *best.synonyms)):
                    found = self.places(word)
            if found and found[place] < SAME_PLACE_SHARE * sum(found.values()):
                return True
        return False


def _place(product: Product) -> str:
    return (product.department or "").strip().casefold()
