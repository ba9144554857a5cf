"""Turn what a platform heard into one canonical spelling the intent rules can rely on.

`prepare(text)` lowercases and folds Unicode, spells symbols as words ("2%" -> "2 percent",
"&" -> "and"), expands contractions ("what's" -> "what is"), glues "and a half" onto the number
before it (so a list split on "and" cannot tear "two and a half pounds" apart), drops fillers
("um", "please", "alexa", "can you") and remembers two facts the rules need: whether the
shopper asked a question ("?") and whether they were correcting themselves ("actually").

Everything is bounded: input longer than MAX_CHARS characters is not parsed at all (no spoken
request is that long, and acting on a truncated list would drop items), and at most MAX_TOKENS
tokens are read, so a 5,000-character paste costs no more than a sentence. Pure, no I/O.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_CHARS = 600
MAX_TOKENS = 80

_CHAR_MAP = str.maketrans({
    "’": "'", "‘": "'", "´": "'", "`": "'", "“": '"', "”": '"', "⁄": "/",
    "‑": "-", "–": "-", "—": "-", "_": " ",
})

# Markup and SQL are never speech: a request carrying them is treated as noise, not parsed
# into an action that might happen to match ("drop table carts" -> remove "table carts").
_SQL = re.compile(
    r"\b(?:drop|create|alter|truncate)\s+table\b|\bunion\s+(?:all\s+)?select\b|\bselect\s+\*"
    r"|\binsert\s+into\b|\bor\s+'?1'?\s*=\s*'?1\b|;\s*--|'\s*--|/\*|\*/|\bexec(?:ute)?\s*\(",
    re.IGNORECASE,
)
# JSON, template and escape syntax: typed into a text channel, never heard.
_CODE = re.compile(r"[{}]|\[\s*[\"'{\[]|\\u[0-9a-fA-F]{4}|\$\{|%[sdn]")
_SCRIPT = re.compile(r"<\s*(script|style)\b.*?(?:<\s*/\s*\1\s*>|$)", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<\s*/?\s*[a-z!][^>]{0,200}>", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:[a-z]{2,8}|#\d{1,6});", re.IGNORECASE)

_AMPM = re.compile(r"\b([ap])\s?\.\s?m\b\.?|(?<=\d)\s*([ap])\s?m\b")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_INNER_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
# "-2 eggs" typed: a minus sign, read as "minus" so the amount is refused, never taken as 2
_MINUS_SIGN = re.compile(r"(?<![\w.])-(?=\d)")
_KEEP_DOT = re.compile(r"(?<=\d)\.(?=\d)")
_KEEP_COLON = re.compile(r"(?<=\d):(?=\d\d)")
_KEEP_SLASH = re.compile(r"(?<=\d)/(?=\d)")
_BREAKS = re.compile(r"[,;!?\n\r\t]+")
_JUNK = re.compile(r"[^\w' ,\x01\x02\x03]+")
_EDGE_APOSTROPHE = re.compile(r"(?<![a-z])'|'(?![a-z])")
_SPACES = re.compile(r"\s+")
_COMMAS = re.compile(r"(?:\s*,\s*)+")

# "two and a half", "a pound and a half", "a dozen and a half": the fraction is part of the
# quantity, so it becomes one token the quantity reader knows and the list splitter ignores.
_NUMBERISH = (
    r"\d+(?:\.\d+)?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety|hundred|dozen|pounds?|lbs?|ounces?|oz|gallons?|"
    r"quarts?|pints?|liters?|litres?|kilos?|kilograms?|grams?|hours?"
)
_AND_FRACTION = re.compile(
    rf"\b({_NUMBERISH}) and (?:a )?(half|quarter|three quarters)\b"
)
_FRACTION_TOKEN = {"half": "andahalf", "quarter": "andaquarter", "three quarters": "andthreequarters"}

_CONTRACTIONS = {
    "what's": "what is", "whats": "what is", "where's": "where is", "wheres": "where is",
    "that's": "that is", "thats": "that is", "it's": "it is", "i'm": "i am", "im": "i am",
    "i'll": "i will", "i'd": "i would", "let's": "let us", "lets": "let us",
    "don't": "do not", "dont": "do not", "doesn't": "does not", "doesnt": "does not",
    "didn't": "did not", "didnt": "did not", "isn't": "is not", "aren't": "are not",
    "can't": "can not", "cant": "can not", "cannot": "can not", "won't": "will not",
    "we're": "we are", "we'll": "we will", "we'd": "we would", "you're": "you are",
    "there's": "there is", "theres": "there is", "how's": "how is", "here's": "here is",
    "i've": "i have", "we've": "we have", "who's": "who is", "when's": "when is",
    "wanna": "want to", "gonna": "going to", "gotta": "got to", "gimme": "give me",
    "lemme": "let me", "y'all": "you", "ya'll": "you", "ok": "okay",
    "oclock": "o'clock", "nevermind": "never mind", "alright": "all right",
    "tmrw": "tomorrow", "tmr": "tomorrow", "tonite": "tonight", "pls": "please", "plz": "please",
    "thx": "thanks", "checkout": "check out", "pickup": "pick up", "pick-up": "pick up",
    "reorder": "re order", "shoppinglist": "shopping list",
}

_WAKE_WORDS = ("alexa", "echo", "computer", "google", "siri")
# Sounds and discourse markers that never change meaning, wherever they fall.
_ANYWHERE = frozenset({"um", "umm", "uh", "uhh", "uhm", "er", "erm", "hmm", "hm", "please",
                       "kindly", "alexa"})
_LEADING = (
    ("okay", "google"), ("hey", "google"), ("hey", "alexa"), ("hi", "alexa"), ("hey", "siri"),
    ("hey",), ("hi",), ("hello",), ("ah",), ("oh",), ("so",), ("well",), ("now",),
    ("echo",), ("computer",), ("google",), ("you", "know"),
)
# Politeness wrapped around a command: "can you add milk" is "add milk".
_POLITE = (
    ("would", "you", "mind"), ("i", "would", "like", "you", "to"), ("i", "want", "you", "to"),
    ("i", "need", "you", "to"), ("go", "ahead", "and"), ("i", "would", "like", "to"),
    ("i", "want", "to"), ("i", "need", "to"), ("i", "would", "love", "to"), ("i", "am", "going", "to"),
    ("i", "am", "trying", "to"), ("i", "wish", "to"), ("can", "you"), ("could", "you"),
    ("would", "you"), ("will", "you"), ("can", "we"), ("could", "we"),
)
# "actually", "instead": the shopper corrects the last thing said; the rules use the flag to
# read "actually three" as a quantity change rather than a menu choice.
_CORRECTIONS = (("no", "wait"), ("oh", "wait"), ("wait",), ("actually",), ("sorry",), ("oops",),
                ("instead",), ("rather",))
_TRAILING = (
    ("thank", "you", "very", "much"), ("thank", "you"), ("thanks",), ("for", "me"),
    ("for", "us"), ("if", "you", "can"), ("if", "possible"), ("real", "quick"), ("okay",),
    ("right", "now"), ("now",), ("as", "well"), ("too",), ("also",), ("instead",),
)


@dataclass(frozen=True)
class Utterance:
    """A request after normalisation. `text` keeps commas (item boundaries) as " , ";
    `flat` is the same without them, for whole-sentence intent patterns."""

    raw: str
    text: str
    flat: str
    question: bool = False
    correction: bool = False
    markup: bool = False

    @property
    def tokens(self) -> list[str]:
        return self.flat.split()

    def span(self, start: int, end: int) -> str:
        """The words of `flat[start:end]` taken from `text`, so the commas between them
        (item boundaries) come back."""
        first = len(self.flat[:start].split())
        last = len(self.flat[:end].split())
        out: list[str] = []
        seen = 0
        for word in self.text.split():
            if word == ",":
                if first < seen < last:
                    out.append(word)
                continue
            if first <= seen < last:
                out.append(word)
            seen += 1
        return " ".join(out).strip(" ,")


def normalize(text: str) -> str:
    """Lowercase, fold and tokenise `text`; keep commas as " , " tokens. No filler removal."""
    t = unicodedata.normalize("NFKC", text[: MAX_CHARS * 2])[:MAX_CHARS]
    t = t.translate(_CHAR_MAP).lower()
    t = t.replace("&", " and ").replace("%", " percent ").replace("+", " plus ")
    t = t.replace("@", " at ").replace("#", " number ").replace("w/", " with ")
    t = _AMPM.sub(lambda m: f" {(m.group(1) or m.group(2))}m", t)
    t = _THOUSANDS.sub("", t)
    t = _MINUS_SIGN.sub(" minus ", t)
    t = _INNER_HYPHEN.sub(" ", t)
    t = _KEEP_DOT.sub("\x01", t)
    t = _KEEP_COLON.sub("\x02", t)
    t = _KEEP_SLASH.sub("\x03", t)
    t = _BREAKS.sub(" , ", t)
    t = _JUNK.sub(" ", t)
    t = t.replace("\x01", ".").replace("\x02", ":").replace("\x03", "/")
    t = _EDGE_APOSTROPHE.sub("", t)
    words = [_CONTRACTIONS.get(w, w) for w in t.split()[:MAX_TOKENS]]
    t = " ".join(words)
    t = _AND_FRACTION.sub(lambda m: f"{m.group(1)} {_FRACTION_TOKEN[m.group(2)]}", t)
    return _COMMAS.sub(" , ", _SPACES.sub(" ", t)).strip(" ,")


def _strip_markup(text: str) -> tuple[str, bool]:
    cleaned = _ENTITY.sub(" ", _TAG.sub(" ", _SCRIPT.sub(" ", text)))
    return cleaned, cleaned != text


def _drop_prefix(words: list[str], options: tuple[tuple[str, ...], ...]) -> bool:
    for opt in options:
        if tuple(words[: len(opt)]) == opt and len(words) > len(opt):
            del words[: len(opt)]
            return True
    return False


def _drop_suffix(words: list[str], options: tuple[tuple[str, ...], ...]) -> bool:
    for opt in options:
        n = len(opt)
        if len(words) > n and tuple(words[-n:]) == opt:
            del words[-n:]
            return True
    return False


def _tidy(words: list[str]) -> list[str]:
    """Drop commas left at the edges or doubled after fillers were removed."""
    out: list[str] = []
    for w in words:
        if w == "," and (not out or out[-1] == ","):
            continue
        out.append(w)
    while out and out[-1] == ",":
        out.pop()
    return out


def strip_fillers(words: list[str]) -> tuple[list[str], bool]:
    """Remove fillers, wake words and politeness; return the words and the correction flag."""
    words = [w for w in words if w not in _ANYWHERE] or words
    correction = False
    changed = True
    while changed and words:
        words = _tidy(words)
        changed = _drop_prefix(words, _LEADING) or _drop_prefix(words, _POLITE)
        if _drop_prefix(words, _CORRECTIONS):
            correction = changed = True
        if words and words[0] == ",":
            del words[0]
            changed = True
    changed = True
    while changed and words:
        words = _tidy(words)
        if _drop_suffix(words, (("instead",), ("rather",))):
            correction = True
        changed = _drop_suffix(words, _TRAILING)
        if words and words[-1] in _WAKE_WORDS and len(words) > 1:
            words.pop()
            changed = True
    return _tidy(words), correction


def prepare(raw: str) -> Utterance:
    """Normalise `raw` and strip fillers; never raises on any string."""
    if not isinstance(raw, str):
        raw = ""
    cleaned, markup = _strip_markup(raw)
    # Code is not speech, and a request longer than any spoken one is cut short: acting on the
    # part that fits could silently drop items, so neither is parsed.
    if _SQL.search(raw) or _CODE.search(raw) or len(raw.strip()) > MAX_CHARS:
        return Utterance(raw=raw, text="", flat="", markup=True)
    base = normalize(cleaned)
    words, correction = strip_fillers(base.split())
    text = " ".join(words)
    flat = " ".join(w for w in words if w != ",")
    return Utterance(raw=raw, text=text, flat=flat, question="?" in raw,
                     correction=correction, markup=markup)
