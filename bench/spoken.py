"""A fixed set of spoken item phrases made from catalog names, for latency at any catalog size.

Shoppers say a product's short name in lower case, often without the brand, size or the
words after a comma, and speech or typing adds a slip now and then. `spoken_phrases` makes
`n` such phrases from the (unpadded) Instacart names with a fixed seed, so every run and
every catalog size times the same phrases. Standard library only: a baseline checkout can
load this file by path.
"""
from __future__ import annotations

import random
import re
from collections.abc import Sequence

_WORD = re.compile(r"[a-z]+")
SEED = 24


def spoken_phrases(names: Sequence[str], n: int = 1000, seed: int = SEED) -> list[str]:
    rng = random.Random(seed)
    out: list[str] = []
    pool = sorted(names)
    while len(out) < n and pool:
        name = rng.choice(pool)
        head = re.sub(r"\([^)]*\)", " ", name.lower()).split(",")[0]
        words = [w for w in _WORD.findall(head) if len(w) > 1 or w == "a"]
        if not words:
            continue
        roll = rng.random()
        if roll < 0.4 and len(words) > 2:
            words = words[-2:]  # "organic whole milk" said as "whole milk"
        elif roll < 0.55 and len(words) > 3:
            words = words[-3:]
        if rng.random() < 0.1:  # a slip: one letter dropped from the longest word
            i = max(range(len(words)), key=lambda j: len(words[j]))
            w = words[i]
            if len(w) > 4:
                k = rng.randrange(1, len(w) - 1)
                words[i] = w[:k] + w[k + 1:]
        out.append(" ".join(words))
    return out
