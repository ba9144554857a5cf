"""Finding catalog words a spoken word may stand for: misspellings and homophones.

Speech recognisers return real words that sound like the one meant ("flower" for flour,
"thyme"/"time", "muscles" for mussels) and typed channels add typos ("bannanas",
"tumeric"). `FuzzyVocabulary.neighbors` proposes catalog words for such a word from two
small indexes built once:

* a deletion index (SymSpell style): every word is filed under itself and each of its
  one-letter deletions, so a lookup touches len(word)+1 keys and finds words within edit
  distance 1 (and many at 2) without scanning the vocabulary;
* sound buckets keyed by `sound_key` and by jellyfish's metaphone. Metaphone alone misses
  flour/flower (FLR/FLWR), thyme/time (0M/TM) and mussel/muscle (MSL/MSKL) and merges
  muscle with muesli (it drops vowels), hence our own, stricter key; metaphone stays as a
  weaker second key. Buckets still merge unrelated words (pear, pour, pier), so a sound match
  only proposes a word below an exact match's weight; the matcher's scoring decides.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence

import jellyfish
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

# Weights of a neighbour relative to the word itself (1.0), each rising with spelling
# similarity (rapidfuzz ratio, 50..100). Below 1 so that a word the shopper actually said
# wins when the catalog has it together with the rest of the phrase.
EDIT_BASE, EDIT_SLOPE = 0.6, 0.35  # within 1-2 edits: "tumeric" -> turmeric ~0.9
WEIGHT_SOUND_BONUS = 0.06  # an edit neighbour that also sounds the same
FIRST_LETTER_PENALTY = 0.1  # "pair" -> "air": neither ears nor fingers lose a first letter
# Sound-only neighbours. Our key is strict (vowel positions kept), metaphone loose
# (consonants only), so a metaphone-only neighbour starts lower.
SOUND_BASE, SOUND_SLOPE = 0.7, 0.25
METAPHONE_BASE, METAPHONE_SLOPE = 0.55, 0.2
MIN_SOUND_SIMILARITY = 50.0  # rapidfuzz ratio; below it a shared sound key is coincidence
MAX_BUCKET_SCAN = 400  # bounds the work for very common short keys

# Consonant spellings folded to one sound. Order matters: x -> ks before sh/ch become x.
_SOUND_RULES = [
    (re.compile(r"^(kn|gn|pn)"), "n"), (re.compile(r"^wr"), "r"), (re.compile(r"^ps"), "s"),
    (re.compile(r"^wh"), "h"), (re.compile(r"^x"), "s"), (re.compile(r"x(?!$)"), "ks"),
    (re.compile(r"mb$"), "m"), (re.compile(r"(?<=s)c(?=le$)"), ""), (re.compile(r"ph"), "f"),
    (re.compile(r"^gh"), "g"), (re.compile(r"gh"), ""), (re.compile(r"sch"), "sk"),
    (re.compile(r"^chr"), "kr"), (re.compile(r"th"), "t"), (re.compile(r"sh|ch|ti(?=[aeo])"), "x"),
    (re.compile(r"ck"), "k"), (re.compile(r"c(?=[eiy])"), "s"), (re.compile(r"dg(?=[eiy])"), "j"),
    (re.compile(r"[cq]"), "k"), (re.compile(r"z"), "s"),
    # endings: "-le" after a consonant is said "-el" (muscle = mussel); a final e is silent
    (re.compile(r"(?<=[^aeiouy])le$"), "el"), (re.compile(r"(?<=[^aeiouy])e$"), ""),
]
_VOWEL_RUN = re.compile(r"(?<!^)[aeiouy][aeiouywh]*|^[aeiou][aeiouywh]*")
_REPEAT = re.compile(r"(.)\1+")


def sound_key(word: str) -> str:
    """A pronunciation key: consonant sounds, with every vowel sound reduced to "a".

    Equal for flour/flower, thyme/time, mussel/muscle (not muesli), celery/salary,
    pear/pair, leek/leak, steak/stake, cereal/serial, cheerio/cheeryo. Empty without letters.
    """
    w = "".join(ch for ch in word.lower() if "a" <= ch <= "z")
    for pattern, repl in _SOUND_RULES:
        w = pattern.sub(repl, w)
    # w and h after a vowel belong to it (flower, oh); y after a consonant is a vowel (thyme)
    return _REPEAT.sub(r"\1", _VOWEL_RUN.sub("a", w))


def _weight(similarity: float, base: float, slope: float) -> float:
    return base + slope * max(0.0, similarity - MIN_SOUND_SIMILARITY) / 50.0


def _graded(word: str, cand: str, base: float, slope: float) -> float:
    return _weight(fuzz.ratio(word, cand), base, slope)


def _max_edits(word: str) -> int:
    if len(word) <= 3:
        return 0
    return 1 if len(word) <= 6 else 2


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


class NeighborLookup:
    """`neighbors` over four look-ups a vocabulary provides: a catalog word's sound key, the
    words filed under a deletion key, the words in a sound bucket, a word's frequency."""

    def key_of(self, word: str) -> str | None: ...
    def deleted(self, key: str) -> Sequence[str]: ...
    def bucket(self, key: str) -> Sequence[str]: ...
    def frequency(self, word: str) -> int: ...

    def deleted_any(self, keys: Sequence[str]) -> set[str]:
        """The words filed under any of `keys`."""
        found: set[str] = set()
        for key in keys:
            found.update(self.deleted(key))
        return found

    def neighbors(self, word: str, limit: int = 6) -> list[tuple[str, float]]:
        """Other catalog words `word` may stand for, as (word, weight), best first."""
        if not word.isalpha() or len(word) < 3:
            return []
        found: dict[str, float] = {}
        key = self.key_of(word) or sound_key(word)
        self._spelling_neighbors(word, key, found)
        self._sound_neighbors(word, key, found)
        found.pop(word, None)
        freq = self.frequency
        ranked = sorted(found.items(),
                        key=lambda kv: (-(kv[1] + 0.02 * math.log10(1 + freq(kv[0]))), kv[0]))
        return ranked[:limit]

    def _spelling_neighbors(self, word: str, key: str, found: dict[str, float]) -> None:
        max_edits = _max_edits(word)
        if not max_edits:
            return
        seen = self.deleted_any([word, *_deletes(word)])
        key_of = self.key_of
        for cand in seen:
            dist = OSA.distance(word, cand, score_cutoff=max_edits)
            if dist > max_edits or (dist == 2 and len(cand) < 6):
                continue
            weight = _graded(word, cand, EDIT_BASE, EDIT_SLOPE)
            if key_of(cand) == key:
                weight += WEIGHT_SOUND_BONUS
            if cand[0] != word[0]:
                weight -= FIRST_LETTER_PENALTY
            found[cand] = max(found.get(cand, 0.0), weight)

    def _sound_neighbors(self, word: str, key: str, found: dict[str, float]) -> None:
        if len(key) >= 2:
            _scan(word, self.bucket("k:" + key), SOUND_BASE, SOUND_SLOPE, found)
        meta = jellyfish.metaphone(word)
        if len(meta) >= 2:
            _scan(word, self.bucket("m:" + meta), METAPHONE_BASE, METAPHONE_SLOPE, found)


def fuzzy_entries(vocab: Iterable[str]) -> Iterator[tuple[str, str, list[str], list[str]]]:
    """Per word that takes part in fuzzy look-ups (letters only, 3 or more), in the order
    given: (word, its sound key, the deletion keys it is filed under, its sound buckets)."""
    for word in vocab:
        if not (word.isalpha() and len(word) >= 3):
            continue
        deletes = [word, *_deletes(word)] if len(word) >= 4 else [word]
        key = sound_key(word)
        buckets = ["k:" + key] if len(key) >= 2 else []
        meta = jellyfish.metaphone(word)
        if len(meta) >= 2:
            buckets.append("m:" + meta)
        yield word, key, deletes, buckets


class FuzzyVocabulary(NeighborLookup):
    """Read-only lookup of catalog words near a given word (spelling or sound), held in
    dicts (catalog.vocab_file keeps the same tables in the index file instead).

    `frequencies` maps each catalog word to how many products use it; among equally close
    neighbours the commoner word is the likelier intent ("hole" -> whole, not haole).
    """

    def __init__(self, frequencies: Mapping[str, int]) -> None:
        deletes: dict[str, list[str]] = defaultdict(list)
        sounds: dict[str, list[str]] = defaultdict(list)
        keys: dict[str, str] = {}
        for word, key, deleted, buckets in fuzzy_entries(sorted(frequencies)):
            keys[word] = key
            for d in deleted:
                deletes[d].append(word)
            for b in buckets:
                sounds[b].append(word)
        # tuples are smaller than lists and make the read-only intent explicit
        self._deletes = {k: tuple(v) for k, v in deletes.items()}
        self._sounds = {k: tuple(v) for k, v in sounds.items()}
        self._keys = keys
        self._freq = {w: frequencies[w] for w in keys}

    def __contains__(self, word: str) -> bool:
        return word in self._keys

    def key_of(self, word: str) -> str | None:
        return self._keys.get(word)

    def deleted(self, key: str) -> Sequence[str]:
        return self._deletes.get(key, ())

    def bucket(self, key: str) -> Sequence[str]:
        return self._sounds.get(key, ())

    def frequency(self, word: str) -> int:
        return self._freq.get(word, 0)


def _scan(word: str, bucket: Sequence[str], base: float, slope: float,
          found: dict[str, float]) -> None:
    if not bucket:
        return
    hits = process.extract(word, list(bucket[:MAX_BUCKET_SCAN]), scorer=fuzz.ratio,
                           score_cutoff=MIN_SOUND_SIMILARITY, limit=12)
    for cand, score, _ in hits:
        found[cand] = max(found.get(cand, 0.0), _weight(score, base, slope))
