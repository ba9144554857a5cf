"""Text normalisation shared by catalog names and spoken queries.

Both sides go through the same functions so that "Trader Joe's Two Percent Milks" and
"trader joes 2% milk" end up as the same tokens. Everything here is pure and bounded:
input is cut to MAX_CHARS characters and MAX_TOKENS tokens, so a 5,000-character or
emoji-laden phrase costs no more than a normal one.

Pipeline: fold Unicode -> lowercase -> spoken forms ("'n'", "&", "w/") -> split into
segments (commas, brackets) -> tokens -> number words and percent -> abbreviations ->
possessives and plurals. Joining split compounds ("straw berries") needs the catalog
vocabulary: `join_compounds` joins greedily against a given vocabulary; the matcher instead
tries each join as one more reading of the phrase (catalog.query) and lets scoring decide.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

MAX_CHARS = 300
MAX_TOKENS = 24
MAX_WORD = 32

# Words that carry no product meaning. They stay in the token sequence (is_known_name needs
# "half and half") but are neither indexed nor scored.
STOPWORDS = frozenset({
    "a", "an", "the", "of", "and", "or", "with", "without", "in", "on", "for", "to", "from",
    "by", "at", "some", "any", "my", "our", "your", "me", "please", "um", "uh", "like",
})

# Letters NFKD does not decompose, plus homoglyphs seen in real catalogs (a Cyrillic "е"
# hides in the Instacart names).
_LETTER_MAP = str.maketrans({
    "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "þ": "th", "ı": "i",
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i",
    "’": "'", "‘": "'", "´": "'", "`": "'", "“": '"', "”": '"', "‑": "-", "–": "-",
    "—": "-", "⁄": "/", "×": "x",
})

NUMBER_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
NUMBER_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_NUMBER_WORDS = frozenset(NUMBER_UNITS) | frozenset(NUMBER_TENS) | {"hundred"}

# Spoken forms and abbreviations, both directions folded onto one spelling. Units map to
# their short form because catalog names write "32 oz" and shoppers say "ounces".
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "ounce": ("oz",), "ozs": ("oz",), "lb": ("lb",), "lbs": ("lb",), "pound": ("lb",),
    "gallon": ("gal",), "count": ("ct",), "pk": ("pack",), "pkg": ("pack",),
    "package": ("pack",), "w": ("with",), "n": ("and",), "oj": ("orange", "juice"),
    "pb": ("peanut", "butter"), "pbj": ("peanut", "butter", "and", "jelly"),
    "bbq": ("barbecue",), "barbeque": ("barbecue",), "evoo": ("extra", "virgin", "olive", "oil"),
    "doughnut": ("donut",), "yoghurt": ("yogurt",), "catsup": ("ketchup",),
    "percent": ("%",), "pct": ("%",), "veggie": ("vegetable",),
}

# Words that look plural but are not (inflect famously turns hummus into "hummu").
PROTECTED = frozenset({
    "hummus", "asparagus", "molasses", "swiss", "couscous", "citrus", "octopus", "cactus",
    "hibiscus", "lotus", "bonus", "plus", "series", "species", "gas", "bus", "this", "his",
    "its", "was", "has", "does", "always", "mars", "tapas", "jus", "pancreas", "mucus", "yes",
    # the leafy vegetable, not the colour: as "green", "Organic Mustard Greens" had "mustard" for
    # its main noun ("green" rarely ends a name) and "mustard" added that bunch unasked
    "greens",
})

IRREGULAR_PLURALS = {
    "loaves": "loaf", "halves": "half", "leaves": "leaf", "knives": "knife", "wolves": "wolf",
    "shelves": "shelf", "calves": "calf", "geese": "goose", "mice": "mouse", "teeth": "tooth",
    "feet": "foot", "children": "child", "men": "man", "women": "woman", "cookies": "cookie",
    "brownies": "brownie", "smoothies": "smoothie", "veggies": "veggie", "calories": "calorie",
    "quiches": "quiche", "pierogies": "pierogi", "hoagies": "hoagie", "movies": "movie",
    "shoes": "shoe", "toes": "toe", "canoes": "canoe", "oboes": "oboe", "sloes": "sloe",
    "rookies": "rookie", "zombies": "zombie", "goalies": "goalie", "birdies": "birdie",
    "genies": "genie", "aches": "ache", "niches": "niche", "cliches": "cliche",
    "ganaches": "ganache", "moustaches": "moustache", "mustaches": "mustache",
    "caches": "cache", "avalanches": "avalanche", "crepes": "crepe",
}

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SEGMENT_SPLIT = re.compile(r"[,;:()\[\]{}|!?\"]+|\s-\s|\s+-+\s*|\s*-+\s+")
_TOKEN = re.compile(r"\d+(?:[./]\d+)?%?|%|[a-z0-9]+")
_SPOKEN_N = re.compile(r"(?<=[a-z])\s*'n(?:'|\s)\s*(?=[a-z])|(?<=\s)n'(?=\s)")
_POSSESSIVE = re.compile(r"(?<=[a-z])'s\b|(?<=s)'(?=\s|$)")
_APOSTROPHE = re.compile(r"'")
_WITH = re.compile(r"\bw/o\b|\bw/(?=\s|[a-z])")


def fold(text: str) -> str:
    """Lowercase ASCII form of `text`: accents stripped, odd symbols and emoji become spaces."""
    text = text[:MAX_CHARS]
    if text.isascii():  # the common case, kept cheap: catalog import folds every name
        return text.lower() if text.isprintable() else _CONTROL.sub(" ", text).lower()
    text = unicodedata.normalize("NFKD", text.translate(_LETTER_MAP)).translate(_LETTER_MAP)
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch if ch.isprintable() else " ")
        elif not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf":
            # emoji, symbols, scripts we do not read: a word boundary. Accents (combining)
            # and invisible format characters (zero-width joiners) vanish inside the word.
            out.append(" ")
    return "".join(out).lower()


def _spoken_forms(text: str) -> str:
    """Rewrite spoken connectives before tokenising: mac 'n' cheese, w/ spinach, B&J's."""
    # each rewrite only where its character occurs: most names have none of them
    if "w/" in text:
        text = _WITH.sub(lambda m: " without " if m.group(0) == "w/o" else " with ", text)
    if "&" in text or "+" in text:
        text = text.replace("&", " and ").replace("+", " and ")
    if "'" in text:
        text = _SPOKEN_N.sub(" and ", text)
        text = _POSSESSIVE.sub("", text)
        text = _APOSTROPHE.sub("", text)
    return text


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """Singular form of one lowercase word; digits, short words and protected words unchanged."""
    if len(word) <= 3 or not word.isalpha() or word in PROTECTED:
        return word
    irregular = IRREGULAR_PLURALS.get(word)
    if irregular:
        return irregular
    if word.endswith(("ss", "us", "is")) and word[-3:] != "ies":
        return word if not word.endswith("is") or len(word) <= 4 else word[:-1]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("oes") and len(word) >= 6:  # tomatoes, mangoes; not joes, toes
        return word[:-2]
    if word.endswith(("ches", "shes", "xes", "sses", "zzes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def _number_words(tokens: list[str]) -> list[str]:
    """Turn runs of number words into digits ("twenty five" -> "25") and glue percent."""
    if _NUMBER_WORDS.isdisjoint(tokens):
        return _glue_percent(tokens)
    out: list[str] = []
    value: int | None = None
    for tok in tokens:
        if tok in NUMBER_UNITS or tok in NUMBER_TENS:
            small = NUMBER_UNITS.get(tok, NUMBER_TENS.get(tok, 0))
            # "twenty five" adds up; "two five" is two numbers
            if value is not None and value % 100 >= 20 and value % 10 == 0 and small < 10:
                value += small
            else:
                if value is not None:
                    out.append(str(value))
                value = small
            continue
        if tok == "hundred" and value is not None:
            value *= 100
            continue
        if value is not None:
            out.append(str(value))
            value = None
        out.append(tok)
    if value is not None:
        out.append(str(value))
    return _glue_percent(out)


def _glue_percent(tokens: list[str]) -> list[str]:
    if "%" not in tokens:
        return tokens
    out: list[str] = []
    for tok in tokens:
        if tok == "%" and out and out[-1].replace(".", "", 1).isdigit():
            out[-1] += "%"
        elif tok != "%":
            out.append(tok)
    return out


def _word_forms(tokens: Iterable[str]) -> list[str]:
    out: list[str] = []
    for tok in tokens:
        if tok in ABBREVIATIONS:
            out.extend(ABBREVIATIONS[tok])
            continue
        word = singular(tok)
        out.extend(ABBREVIATIONS.get(word, (word,)))
    return out


def segments(text: str) -> list[list[str]]:
    """Normalised tokens of `text`, grouped by the punctuation that separated them.

    Catalog names use commas for inversions ("Bread, Watsonville Sourdough"), which the
    head-noun logic needs; queries usually have a single segment.
    """
    if not text:
        return []
    folded = _spoken_forms(fold(text))
    result: list[list[str]] = []
    budget = MAX_TOKENS
    for part in _SEGMENT_SPLIT.split(folded):
        used, toks = _part_tokens(part, budget)
        if not used:
            continue
        budget -= used
        if toks:
            result.append(list(toks))
        if budget <= 0:
            break
    return result


@lru_cache(maxsize=1 << 16)
def _part_tokens(part: str, budget: int) -> tuple[int, tuple[str, ...]]:
    """One segment's raw token count (at most `budget`) and normalised tokens. Cached:
    catalog names repeat their parts ("12 oz", "Organic Bananas") across sizes and brands."""
    raw = [t[:MAX_WORD] for t in _TOKEN.findall(part.replace("-", " "))[:budget]]
    if not raw:
        return 0, ()
    return len(raw), tuple(_glue_percent(_word_forms(_number_words(raw))))


def said_words(text: str) -> list[str]:
    """The words of `text` as written or said, folded but not normalised: plurals stay
    plural ("mints"), abbreviations and number words stay as they are. What a shopper said
    can then be told from what the catalog's names say (catalog.plurals)."""
    return [w[:MAX_WORD] for w in _TOKEN.findall(_spoken_forms(fold(text)).replace("-", " "))
            ][:MAX_TOKENS]


def tokens(text: str) -> list[str]:
    """All normalised tokens of `text` in order, stopwords included."""
    return [tok for seg in segments(text) for tok in seg]


def content_tokens(toks: Iterable[str]) -> list[str]:
    """The tokens that carry product meaning (stopwords removed)."""
    return [t for t in toks if t not in STOPWORDS]


def trim_stopwords(toks: list[str]) -> list[str]:
    """Drop leading and trailing stopwords ("the bananas" -> "banana", "half and half" kept)."""
    start, end = 0, len(toks)
    while start < end and toks[start] in STOPWORDS:
        start += 1
    while end > start and toks[end - 1] in STOPWORDS:
        end -= 1
    return toks[start:end]


def normalize(text: str) -> str:
    """One-line normalised form: "Trader Joe's Two Percent Milks" -> "trader joe 2% milk"."""
    return " ".join(tokens(text))


def join_compounds(toks: list[str], is_word: Callable[[str], bool],
                   is_phrase: Callable[[str, str], bool] | None = None) -> list[str]:
    """Join adjacent tokens whose concatenation is a catalog word: "egg plant" -> "eggplant".

    `is_word` says whether a token is in the catalog vocabulary; `is_phrase`, when given,
    says whether the two tokens already occur side by side in the catalog, in which case they
    are left alone ("ice cream" stays two words even if some brand writes "icecream").
    """
    out: list[str] = []
    i = 0
    while i < len(toks):
        if i + 1 < len(toks):
            a, b = toks[i], toks[i + 1]
            joined = singular(a + b)
            if (a not in STOPWORDS and b not in STOPWORDS and is_word(joined)
                    and not (is_phrase and is_phrase(a, b))):
                out.append(joined)
                i += 2
                continue
        out.append(toks[i])
        i += 1
    return out


def said_variants(toks: Iterable[str]) -> list[str]:
    """Other tokens a shopper's words for a name may normalise to, for a brand or name
    written with punctuation: "Annie's" is "annie" but "annies" is read as the plural of
    "anny"; "M&M's" is "m and m" but may be said "m and ms" or written "mms"."""
    toks = list(toks)
    out = [singular(t + "s") for t in toks if t.endswith("ie") and singular(t + "s") != t]
    letters = [t for t in toks if t != "and"]
    if len(letters) >= 2 and all(len(t) == 1 and t.isalpha() for t in letters):
        joined = "".join(letters)
        out += [joined, joined + "s", letters[-1] + "s"]
    return out
