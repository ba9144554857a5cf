"""Words as heard: food names spelled by ear and homophones, rewritten to the catalog's words.

Spelling and sound neighbours (catalog.phonetic) find "tumeric" and "flower", but not a foreign
name written as it sounds ("keen wah" for quinoa) nor a homophone whose spelling is far from the
food ("stake"/steak shares no prefix trouble, but "time" is a word of its own). This small table,
written by us, covers those. A rewrite applies only in a grocery request's context: when the
catalog lacks the heard words and has the real ones ("time" stays "time" in a catalog selling
"Snack Time" crackers; "leaks" becomes leeks where nothing is called a leak).

The table is keyed by the first heard word, so a phrase costs one dict look-up per word, not a
scan of the table per word.
"""
from __future__ import annotations

from collections.abc import Container, Mapping

from catalog.normalize import STOPWORDS

# heard words (normalised: singular, lowercase) -> the catalog's words
_TABLE: dict[tuple[str, ...], tuple[str, ...]] = {
    # foreign food names said as heard
    ("keen", "wah"): ("quinoa",), ("keenwah",): ("quinoa",), ("kinwa",): ("quinoa",),
    ("nokey",): ("gnocchi",), ("nyokey",): ("gnocchi",), ("nyokee",): ("gnocchi",),
    ("halapeno",): ("jalapeno",), ("hala", "peno"): ("jalapeno",),
    ("hallapeno",): ("jalapeno",), ("asai",): ("acai",), ("ah", "sigh", "ee"): ("acai",),
    ("wooster",): ("worcestershire",), ("worcester",): ("worcestershire",),
    ("keesh",): ("quiche",), ("expresso",): ("espresso",), ("sherbert",): ("sherbet",),
    # homophones a recogniser writes for a food
    # (sound keys already find "flower", "muscles", "serial": these are the ones they miss
    # or rank below a real word of the catalog)
    ("stake",): ("steak",), ("time",): ("thyme",), ("leak",): ("leek",),
    ("mustered",): ("mustard",), ("bred",): ("bread",), ("beet", "root"): ("beetroot",),
    ("rose", "merry"): ("rosemary",), ("pare",): ("pear",), ("chilly",): ("chili",),
}
# keyed by first word, longest first: "keen wah" is tried before a one-word row could be
BY_FIRST_WORD: dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]] = {}
for _heard, _real in sorted(_TABLE.items(), key=lambda kv: -len(kv[0])):
    BY_FIRST_WORD[_heard[0]] = BY_FIRST_WORD.get(_heard[0], ()) + ((_heard, _real),)
del _heard, _real


def as_heard(toks: list[str], known: Mapping[str, float], heads: Container[str]) -> list[str]:
    """`toks` with heard spellings replaced by the catalog's words, where the catalog has every
    real word and either lacks a heard one, or the heard word is what the phrase asks for (its
    last word) while no product is one ("fresh time": thyme; "night time diapers" stays).
    `known` is the catalog's vocabulary, `heads` the head nouns of its products."""
    out: list[str] = []
    i = 0
    n = len(toks)
    last = max((j for j, t in enumerate(toks) if t not in STOPWORDS), default=-1)
    while i < n:
        for heard, real in BY_FIRST_WORD.get(toks[i], ()):
            k = len(heard)
            if tuple(toks[i:i + k]) == heard and all(w in known for w in real) and (
                    not all(w in known for w in heard)
                    or (k == 1 and i == last and heard[0] not in heads)):
                out.extend(real)
                i += k
                break
        else:
            out.append(toks[i])
            i += 1
    return out
