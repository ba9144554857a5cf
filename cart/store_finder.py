"""Finding a store by what a shopper says ("the Main Street store") or where they are ("near
me": their ZIP code). Pure functions over Store values, no I/O.

Nearness is judged by ZIP code alone, because that is all a shopper's address reliably gives
without a geocoder: the same ZIP is nearest, then the same three-digit prefix (one postal
sectional center: a city and its surroundings), then the numeric distance between codes, which
is only a rough order across regions. `near` is True only within the same prefix, so the skill
never calls a store in another city "near you".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from cart.fulfillment import Store

_WORDS = re.compile(r"[a-z0-9]+")
# Words that name no particular store: "the greenleaf market store on main street"
_GENERIC = frozenset({"the", "store", "shop", "location", "branch", "market", "on",
                      "at", "in", "one", "a", "my", "your", "grocery", "supermarket", "street",
                      "st", "avenue", "ave", "boulevard", "blvd", "road", "rd", "north", "south",
                      "east", "west"})
_NUMBERED = {"st": "street", "ave": "avenue", "blvd": "boulevard", "rd": "road"}


def _words(text: str) -> list[str]:
    return [_NUMBERED.get(w, w) for w in _WORDS.findall(text.lower().replace("-", " "))]


def _names(store: Store) -> set[str]:
    """The distinctive words a shopper may call the store by: its own name after the chain's
    ("Main Street", "Brooklyn"), its street ("Alder"), its id."""
    city = store.address.split(",")[1] if store.address.count(",") >= 2 else ""
    street = re.sub(r"^\d+\s*", "", store.street)
    return {w for text in (store.name, street, city, store.id) for w in _words(text)} - _GENERIC


def chain_words(stores: Iterable[Store]) -> list[str]:
    """The leading words every store's name shares: the chain's name ("Greenleaf Market")."""
    names = [store.name.split() for store in stores]
    if len(names) < 2:
        return []
    shared = []
    for words in zip(*names):
        if len({w.lower() for w in words}) != 1:
            break
        shared.append(words[0])
    return shared


def short_store_name(store: Store, stores: Iterable[Store]) -> str:
    """The name a shopper calls the store by: its name after the chain's ("Main Street" for
    "Greenleaf Market Main Street"); the whole name when nothing is left."""
    chain = len(chain_words(stores))
    words = store.name.split()
    return " ".join(words[chain:]) or store.name


def find_store(stores: Iterable[Store], spoken: str) -> list[Store]:
    """Stores whose distinctive words include every distinctive word said: "main street" ->
    Main Street; "brooklyn" -> both Brooklyn stores (the caller asks which). Nothing
    distinctive said, or no store has those words: []."""
    stores = list(stores)
    generic = _GENERIC | set(_words(" ".join(chain_words(stores))))
    said = set(_words(spoken)) - generic
    if not said:
        # "main street" alone is all generic but "main"; "the store" names none
        return []
    found = [store for store in stores if said <= _names(store) - generic]
    if len(found) > 1:
        # "brooklyn": the store *named* Brooklyn, not every store in Brooklyn
        named = [store for store in found if said <= set(_words(store.name)) - generic]
        if len(named) == 1:
            return named
    return found


@dataclass(frozen=True)
class NearbyStore:
    store: Store
    near: bool  # same ZIP prefix as the shopper


def _zip(text: str | None) -> str | None:
    found = re.findall(r"\b(\d{5})(?:-\d{4})?\b", text or "")
    return found[-1] if found else None


def stores_by_distance(stores: Iterable[Store], postal_code: str | None) -> list[NearbyStore]:
    """Stores nearest first by ZIP code (see the module doc); without a ZIP, by name."""
    wanted = _zip(postal_code)
    listed = list(stores)
    if wanted is None:
        return [NearbyStore(s, False) for s in sorted(listed, key=lambda s: s.name)]

    def rank(store: Store) -> tuple[int, int, str]:
        code = store.postal_code
        if code is None:
            return (3, 0, store.name)
        if code == wanted:
            return (0, 0, store.name)
        if code[:3] == wanted[:3]:
            return (1, abs(int(code) - int(wanted)), store.name)
        return (2, abs(int(code) - int(wanted)), store.name)

    ranked = sorted(listed, key=rank)
    return [NearbyStore(s, s.postal_code is not None and s.postal_code[:3] == wanted[:3])
            for s in ranked]
