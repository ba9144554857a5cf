"""Split a spoken item list into ItemRequests: "coffee and half and half", "apples a bag of
carrots and two cans of tomato sauce", "bread butter and jam".

Order of work, each step undone only by stronger evidence from the next:
1. hard breaks: commas, and conjunctions ("and", "plus", "also", "then", a repeated "add");
2. a new item starts mid-run where a quantity is spoken ("apples | a bag of carrots");
3. pieces split on "and" are glued back when "X and Y" is a product name ("half and half");
4. when the request is a list, a run with no separator ("bread butter") is cut into names
   the vocabulary knows, longest first, but only if every word is covered.

Step 3 trusts the vocabulary only when one side is not a name by itself: a catalog whose
names contain "Peanut Butter & Jelly Bar" must not turn "peanut butter and jelly" into one
item. A few conventional "and" names (`AND_NAMES`) are glued without asking, so "half and
half" survives even a vocabulary that knows "half" alone.
"""
from __future__ import annotations

import re
from typing import Protocol

from ..model import ItemRequest
from .numbers import is_number_token
from .quantity import Quantity, read_quantity


class PhraseVocabulary(Protocol):
    """What the parser needs from the catalog: is this phrase a run of words found in some
    product name or synonym ("half and half", "mac and cheese")?"""

    def is_known_name(self, phrase: str) -> bool: ...


AND_NAMES = frozenset({
    "half and half", "mac and cheese", "macaroni and cheese", "salt and vinegar",
    "sour cream and onion", "cookies and cream", "bread and butter pickles",
    "bread and butter chips", "ben and jerry's", "ben and jerrys", "m and m's", "m and ms",
    "arm and hammer", "fruit and nut", "beef and broccoli", "pork and beans",
    "franks and beans", "spaghetti and meatballs", "biscuits and gravy", "sweet and sour",
    "sweet and spicy", "strawberries and cream", "peaches and cream", "black and white",
    "chicken and dumplings", "chicken and waffles", "shrimp and grits", "fish and chips",
    "a and w", "procter and gamble", "johnson and johnson", "lea and perrins",
    "head and shoulders", "tom and jerry", "surf and turf", "oats and honey",
})
# Words that join items; "and" (and its spoken "n") may be part of a name, the rest never are.
_AND = frozenset({"and", "n"})
_JOINERS = frozenset({"plus", "also", "then", "add", "or"}) | _AND
_MULTI_JOINERS = (("as", "well", "as"), ("along", "with"), ("and", "then"), ("and", "also"),
                  ("and", "add"), ("then", "add"), ("also", "add"))
# A spoken quantity after these words belongs to the name ("grade a eggs", "pig in a blanket").
_GLUE = frozenset({"grade", "vitamin", "type", "size", "class", "plan", "number", "in", "for",
                   "like", "than", "of", "at", "to", "by", "from", "per", "under", "over",
                   "about", "on", "a", "an", "the", "omega", "formula", "phase", "step", "no"})
_LEAD_DROP = frozenset({"the", "some", "any", "more", "my", "our", "your", "of"})
_ALL_OF = (("all", "of", "the"), ("all", "the"), ("all", "of"), ("all", "my"))
_TRAIL_DROP = (
    ("if", "you", "have", "any"), ("if", "you", "have", "it"), ("if", "you", "have", "them"),
    ("for", "the", "week"), ("right", "now"), ("thank", "you"), ("as", "well"), ("any", "more"),
    ("in", "there"), ("for", "me"), ("for", "us"), ("please",), ("too",), ("also",), ("again",),
    ("now",), ("anymore",), ("instead",), ("thanks",), ("then",), ("okay",), ("today",),
    ("and",), ("plus",), ("with",),
)
PRONOUNS = frozenset({
    "it", "that", "this", "those", "these", "them", "that one", "this one", "those ones",
    "these ones", "the one", "that item", "this item", "the last item", "the last one",
    "the last thing", "that last one", "what i just added", "the item", "one", "ones",
    "everything", "one of those", "one of them", "one of these", "that too",
})
_CONTAINER = re.compile(
    r"(?:\b(?:to|on|onto|in|into|inside|from|off|out of|off of|of|at|for|with)\s+)?"
    r"\b(?:(?:my|the|our|this|your|that)\s+(?:(?:shopping|grocery|groceries|current|online|"
    r"weekly|next)\s+)?(?:cart|list|basket|trolley|order|shopping bag)"
    r"|(?:shopping|grocery)\s+(?:cart|list|basket|trolley|bag|order))\b(?:\s+list\b)?"
)
_SPACES = re.compile(r"\s+")
_MAX_NAME = 5


def strip_containers(span: str) -> tuple[str, bool]:
    """Remove "to my cart", "from the shopping list"...; say whether one was there."""
    cleaned = _CONTAINER.sub(" ", span)
    return _SPACES.sub(" ", cleaned).strip(" ,"), cleaned != span


def known(vocabulary: PhraseVocabulary | None, phrase: str) -> bool:
    """Ask the vocabulary, treating a failing one as knowing nothing."""
    if vocabulary is None or not phrase:
        return False
    try:
        return bool(vocabulary.is_known_name(phrase))
    except Exception:  # a broken port must not turn a request into an error
        return False


def clean_phrase(tokens: list[str]) -> str:
    """The item's words without determiners and polite tails; pronouns become ""."""
    toks = list(tokens)
    changed = True
    while changed and toks:
        changed = False
        for seq in _ALL_OF:
            if tuple(toks[: len(seq)]) == seq:
                del toks[: len(seq)]
                changed = True
        if toks and toks[0] in _LEAD_DROP and len(toks) > 1:
            del toks[0]
            changed = True
        for seq in _TRAIL_DROP:
            if len(toks) > len(seq) and tuple(toks[-len(seq):]) == seq:
                del toks[-len(seq):]
                changed = True
    phrase = " ".join(t for t in toks if t != ",")
    if phrase in PRONOUNS or phrase in _LEAD_DROP or phrase in _JOINERS:
        return ""
    return phrase


def _inside_number(tokens: list[str], i: int) -> bool:
    """"a hundred and five": this "and" is part of a number, not a list."""
    return (0 < i < len(tokens) - 1 and tokens[i - 1] in ("hundred", "thousand")
            and is_number_token(tokens[i + 1]))


def _split_joiners(tokens: list[str]) -> list[tuple[str, list[str]]]:
    """Cut at joiners; each piece carries the joiner that preceded it ("and" or "other")."""
    pieces: list[tuple[str, list[str]]] = []
    sep, current, i = "start", [], 0
    while i < len(tokens):
        multi = next((m for m in _MULTI_JOINERS if tuple(tokens[i : i + len(m)]) == m), None)
        tok = tokens[i]
        if tok == "and" and _inside_number(tokens, i):
            current.append(tok)
            i += 1
            continue
        if multi or tok in _JOINERS:
            if current:
                pieces.append((sep, current))
            sep = "and" if (multi is None and tok in _AND) else "other"
            current = []
            i += len(multi) if multi else 1
            continue
        current.append(tok)
        i += 1
    if current:
        pieces.append((sep, current))
    return pieces


def _split_quantities(tokens: list[str]) -> list[list[str]]:
    """"apples a bag of carrots" -> ["apples"], ["a bag of carrots"]: a spoken quantity
    followed by words, after at least one word of the current item, opens a new item."""
    out: list[list[str]] = []
    start = 0
    k = read_quantity(tokens, 0).end + 1
    while k < len(tokens):
        q = read_quantity(tokens, k)
        if q.spoken and q.end < len(tokens) and tokens[k - 1] not in _GLUE and k > start:
            out.append(tokens[start:k])
            start, k = k, q.end + 1
            continue
        k += 1
    out.append(tokens[start:])
    return [p for p in out if p]


def _glued(left: list[str], right: list[str], vocabulary: PhraseVocabulary | None) -> bool:
    """Is "left and right" one name ("half and half", "mac and cheese")?"""
    if read_quantity(right, 0).spoken:
        return False
    lphrase = left[read_quantity(left, 0).end:]
    for a in range(max(0, len(lphrase) - _MAX_NAME), len(lphrase)):
        side_l = " ".join(lphrase[a:])
        for b in range(min(len(right), _MAX_NAME), 0, -1):
            side_r = " ".join(right[:b])
            name = f"{side_l} and {side_r}"
            if name in AND_NAMES:
                return True
            if known(vocabulary, name) and not (known(vocabulary, side_l)
                                                and known(vocabulary, side_r)):
                return True
    return False


def _segment_run(tokens: list[str], vocabulary: PhraseVocabulary | None) -> list[list[str]]:
    """"bread butter" -> ["bread"], ["butter"] when the vocabulary knows each part but not
    the whole; anything it cannot cover completely stays one phrase."""
    if vocabulary is None or len(tokens) < 2 or known(vocabulary, " ".join(tokens)):
        return [tokens]
    out, i = [], 0
    while i < len(tokens):
        for n in range(min(_MAX_NAME, len(tokens) - i), 0, -1):
            if known(vocabulary, " ".join(tokens[i : i + n])):
                out.append(tokens[i : i + n])
                i += n
                break
        else:
            return [tokens]
    return out


def _trailing_quantity(phrase: list[str]) -> tuple[list[str], Quantity | None]:
    """"eggs two dozen", "milk 2 gallons": a quantity with a unit closing the item."""
    for k in range(1, len(phrase)):
        q = read_quantity(phrase, k)
        if q.counted and q.unit and q.end == len(phrase):
            return phrase[:k], q
    return phrase, None


def _pieces(span: str, vocabulary: PhraseVocabulary | None) -> list[list[str]]:
    pieces: list[tuple[str, list[str]]] = []
    for chunk in span.split(","):
        for n, (sep, toks) in enumerate(_split_joiners(chunk.split())):
            for m, part in enumerate(_split_quantities(toks)):
                pieces.append((sep if m == 0 and n > 0 else "other", part))
    merged: list[list[str]] = []
    for sep, toks in pieces:
        if sep == "and" and merged and _glued(merged[-1], toks, vocabulary):
            merged[-1] = merged[-1] + ["and"] + toks
        else:
            merged.append(toks)
    return merged


def parse_item(tokens: list[str]) -> ItemRequest:
    """One item: quantity, unit and cleaned phrase."""
    q = read_quantity(tokens, 0, sound_alikes=True)
    phrase = tokens[q.end:]
    if q.value is None and q.unit is None:
        phrase, tail = _trailing_quantity(phrase)
        if tail is not None:
            q = tail
    return ItemRequest(phrase=clean_phrase(phrase), quantity=q.value, unit=q.unit,
                       pack_size=q.pack_size, size=q.size)


def extract_items(span: str, vocabulary: PhraseVocabulary | None = None) -> list[ItemRequest]:
    """All items of `span` in spoken order; quantity None where none was spoken."""
    span, _ = strip_containers(span)
    pieces = _pieces(span, vocabulary)
    is_list = len(pieces) > 1
    items: list[ItemRequest] = []
    for toks in pieces:
        item = parse_item(toks)
        words = item.phrase.split()
        runs = _segment_run(words, vocabulary) if is_list and len(words) > 1 else [words]
        if len(runs) > 1:
            items.append(ItemRequest(" ".join(runs[0]), item.quantity, item.unit,
                                     pack_size=item.pack_size, size=item.size))
            items.extend(ItemRequest(" ".join(run)) for run in runs[1:])
        elif item.phrase or item.quantity is not None or item.unit is not None:
            items.append(item)
    return items


def quantity_only(tokens: list[str]) -> ItemRequest | None:
    """"three", "two gallons", "a dozen": an item that is mainly a quantity. The phrase is
    whatever follows ("three bananas" -> "bananas"), often ""."""
    q = read_quantity(tokens, 0, sound_alikes=True)
    if q.value is None and q.unit is None:
        return None
    return ItemRequest(phrase=clean_phrase(tokens[q.end:]), quantity=q.value, unit=q.unit,
                       pack_size=q.pack_size, size=q.size)
