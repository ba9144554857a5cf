"""What the shopper wants done around the order rather than in the cart: substitution
preferences, delivery notes, and stores (choosing one, the nearest ones, their hours).

All are SetFulfillment requests told apart by their slots, so every channel (and Alexa's free
text intent) reaches them without new platform intents:

- substitutions: slots {"substitution": "none"|"allow"|"specific"}; items [the line] for one
  line ("no substitutions for the milk"), none for the shopper's default ("substitutions are
  fine"); for "specific" a second item names the substitute ("if they're out of toasty o's get
  the honey nut ones").
- delivery notes: {"delivery_note": text or "", "unattended": True|False|None}; "" with
  {"clear": True} for "no delivery notes".
- stores: {"stores": "near", "zip"?: "11201"}, {"stores": "hours", "store"?: spoken name},
  {"stores": "choose", "store": spoken name}, {"stores": "which"} ("what store am I using").

Patterns run on `Utterance.flat`; "they're", "it's" may or may not be expanded by then.
"""
from __future__ import annotations

import re

from .items import PhraseVocabulary, extract_items
from ..model import ParsedRequest
from .text import Utterance

_BE = r"(?:they are|they're|theyre|you are|you're|youre|it is|it's|its|we are|the store is)"
_SUBST = r"(?:substitut\w*|subs|replacements?|swaps?|alternatives?)"
_NONE_LINE = re.compile(
    rf"^(?:please )?(?:no|do not|don't|dont|never|please do not) (?:{_SUBST}|substitute|replace|swap)"
    rf"(?: (?:for|on|with|of))? (?P<item>.+?)(?: please)?$")
_NONE_DEFAULT = re.compile(
    rf"^(?:please )?(?:no {_SUBST}(?: at all| please| ever)*"
    rf"|(?:do not|don't|dont|never) (?:substitute|replace|swap) (?:anything|any items?|items)"
    rf"|(?:i do not|i don't) want (?:any )?{_SUBST})$")
_ALLOW_DEFAULT = re.compile(
    rf"^(?:{_SUBST} (?:are|is) (?:fine|ok|okay|allowed|alright|all right|good)"
    rf"|(?:you can|feel free to|it is okay to|it is ok to|it's ok to|go ahead and) substitute(?: anything| items)?"
    rf"|(?:allow|accept|any) {_SUBST}(?: (?:are|is) (?:fine|ok|okay))?)$")
_ALLOW_LINE = re.compile(
    rf"^(?:{_SUBST} (?:are|is) (?:fine|ok|okay|allowed) (?:for|on) (?P<item>.+)"
    rf"|(?:you can|feel free to|it is okay to|it is ok to) substitute (?P<item2>.+))$")
_SPECIFIC = (
    re.compile(rf"^if (?:{_BE}|you|they) (?:are )?(?:out of|do not have|don't have|run out of|ran out of|"
               rf"sold out of|have no) (?P<item>.+?) (?:then )?(?:get|use|substitute|bring|send|"
               rf"give me|i will take|i'll take|go with|take|pick|choose|try) (?:me )?(?P<sub>.+)$"),
    re.compile(rf"^if (?:the )?(?P<item>.+?) (?:is|are) (?:out|sold out|unavailable|not available|"
               rf"out of stock|gone) (?:then )?(?:get|use|substitute|bring|send|give me|i will take|"
               rf"i'll take|go with|take|pick) (?:me )?(?P<sub>.+)$"),
    re.compile(rf"^(?:substitute|replace|swap) (?:the )?(?P<item>.+?) (?:with|for) (?P<sub>.+?)"
               rf"(?: if (?:{_BE}|you|they) (?:are )?(?:out|sold out|do not have it|don't have it)"
               rf"(?: of (?:it|them|stock))?)$"),
)

# --- delivery notes ---
_UNATTENDED = re.compile(
    r"\b(?:deliver|leave|drop)(?: it| them| the order| my order| the groceries)?(?: off)? "
    r"(?:while|when|even if|if) (?:i am|i'm|we are|nobody is|no one is|no one's|nobody's) "
    r"(?:not )?(?:home|there|here|in|around|out)\b"
    r"|\bunattended(?: delivery)? (?:is )?(?:fine|ok|okay|allowed)\b"
    r"|^(?:unattended delivery|allow unattended delivery|contactless delivery|no contact delivery)$"
    r"|\b(?:it is|it's) (?:fine|ok|okay) (?:to|if you) (?:leave|drop)(?: it| them)?(?: off)? "
    r"(?:if|when|while) (?:i am|i'm|we are|nobody is|no one is) (?:not )?(?:home|there|out)\b"
    r"|^(?:you can |just )?(?:leave|drop) (?:it|them)(?: off)? if (?:i am|i'm|nobody is|no one is) "
    r"(?:not )?(?:home|there|around|out)$")
_NOTE = re.compile(
    r"^(?:please )?(?:(?:leave|drop|put|place) (?:it|them|the order|the groceries|my order|"
    r"the bags|everything)(?: off)? (?:at|by|on|in|with|behind|outside|next to|inside) .+"
    r"|ring the (?:door ?bell|bell|buzzer)(?: .+)?|knock(?: on the door)?(?: .+)?"
    r"|(?:do not|don't|dont) (?:ring|knock)(?: .+)?"
    r"|(?:call|text) me when (?:you are|you're|youre|the driver is|you get|you arrive|the driver arrives)(?: .+)?"
    r"|(?:buzz|use the buzzer|use the side door|use the back door|the gate code is) ?.*)$")
_NOTE_SAID = re.compile(
    r"^(?:add a |add )?(?:delivery|driver) (?:note|notes|instructions?)(?: (?:is|are|say|says|to say|:))? (?P<note>.+)$"
    r"|^(?:tell|ask) the (?:driver|delivery person|courier) (?:to )?(?P<note2>.+)$"
    r"|^(?:a )?note for the (?:driver|delivery person|courier) (?P<note3>.+)$")
_NOTE_CLEAR = re.compile(
    r"^(?:no|clear|remove|delete|forget|drop|erase)(?: the| my| any| all)? (?:delivery|driver) "
    r"(?:note|notes|instructions?)$")

# --- stores ---
_STORE_WORD = r"(?:stores?|shops?|locations?|branch(?:es)?|supermarkets?|markets?)"
_NEAR = re.compile(
    rf"^(?:which|what|where|are there any|is there a|is there any|find|show me|list|tell me)"
    rf"(?: are| is)?(?: the| your| a| any| some)?(?: nearest| closest| nearby| local)? {_STORE_WORD}"
    rf"(?: are| is)?(?: there)?(?: near| close to| around| by| nearest to| closest to| in)? ?"
    rf"(?:me|here|my (?:house|home|place|area|address)|my zip(?: code)?|zip(?: code)? (?P<zip>\d{{5}})|(?P<zip2>\d{{5}}))?"
    rf"(?: do you have)?$"
    rf"|^(?:{_STORE_WORD}) (?:near|close to|around) (?:me|here|(?:zip(?: code)? )?(?P<zip3>\d{{5}}))$"
    rf"|^(?:what|which) {_STORE_WORD} do you have(?: near me)?$"
    rf"|^where (?:is|are) (?:the |your )?(?:nearest |closest )?{_STORE_WORD}$")
_HOURS = re.compile(
    rf"^(?:what are|what is|tell me) (?:the |your )?(?:(?P<a>.+?) )?(?:store |shop )?(?:opening )?hours"
    rf"(?: (?:of|for|at) (?:the )?(?P<b>.+?))?(?: today| tomorrow| on \w+)?$"
    rf"|^(?:what time|when) (?:does|do|is|will) (?:the |your )?(?:(?P<c>.+?) )?(?:store|shop|location)"
    rf" (?:open|close|closing|opening)(?: today| tomorrow| tonight| on \w+)?$"
    rf"|^(?:is|are) (?:the |your )?(?:(?P<d>.+?) )?(?:store|shop|location) open(?: now| today| tomorrow| right now)?$"
    rf"|^(?:how late|until when|till when) (?:is|are) (?:the |your )?(?:(?P<e>.+?) )?(?:store|shop|location) open$")
_CHOOSE = re.compile(
    rf"^(?:use|switch to|change to|go with|choose|select|i (?:want|would like|prefer) to use"
    rf"|(?:change|switch|set) (?:my|the) store to|make it|my store is)"
    rf" (?:the )?(?P<store>[a-z0-9' ]{{2,40}}?)(?: {_STORE_WORD})(?: instead| please)?$"
    rf"|^(?:change|switch|set) (?:my|the) store to (?:the )?(?P<store2>[a-z0-9' ]{{2,40}}?)(?: {_STORE_WORD})?$")
_WHICH = re.compile(
    rf"^(?:which|what) (?:store|shop|location) (?:am i using|is (?:my order|it) (?:from|at)|"
    rf"do i (?:use|shop at)|is my store)$|^what is my store$")
_NOT_A_STORE = frozenset({"your", "the", "my", "a", "this", "that", "grocery", "local", "nearest",
                          "closest"})


def _item_request(text: str, vocabulary: PhraseVocabulary | None):
    found = extract_items(text, vocabulary)
    return found[0] if len(found) == 1 else None


def substitution(u: Utterance, vocabulary: PhraseVocabulary | None) -> ParsedRequest | None:
    flat = u.flat
    if "substitut" not in flat and "subs" not in flat and " out" not in flat \
            and "replace" not in flat and "swap" not in flat and "alternative" not in flat \
            and "have" not in flat and "unavailable" not in flat and "gone" not in flat:
        return None
    if _NONE_DEFAULT.match(flat):
        return ParsedRequest("SetFulfillment", slots={"substitution": "none"})
    if _ALLOW_DEFAULT.match(flat):
        return ParsedRequest("SetFulfillment", slots={"substitution": "allow"})
    for pattern in _SPECIFIC:
        if m := pattern.match(flat):
            item = _item_request(u.span(*m.span("item")), vocabulary)
            sub = _item_request(u.span(*m.span("sub")), vocabulary)
            if item is not None and sub is not None:
                return ParsedRequest("SetFulfillment", items=[item, sub],
                                     slots={"substitution": "specific"})
    if m := _ALLOW_LINE.match(flat):
        span = m.span("item") if m.group("item") else m.span("item2")
        if (item := _item_request(u.span(*span), vocabulary)) is not None:
            return ParsedRequest("SetFulfillment", items=[item], slots={"substitution": "allow"})
    if m := _NONE_LINE.match(flat):
        if (item := _item_request(u.span(*m.span("item")), vocabulary)) is not None:
            return ParsedRequest("SetFulfillment", items=[item], slots={"substitution": "none"})
    return None


def _sentence(text: str) -> str:
    text = text.strip().rstrip(".")
    return text[:1].upper() + text[1:] if text else text


def delivery_note(u: Utterance) -> ParsedRequest | None:
    flat = u.flat
    if _NOTE_CLEAR.match(flat):
        return ParsedRequest("SetFulfillment", slots={"delivery_note": "", "clear": True})
    if _UNATTENDED.search(flat):
        return ParsedRequest("SetFulfillment", slots={"delivery_note": "", "unattended": True})
    if m := _NOTE_SAID.match(flat):
        span = next(m.span(g) for g in ("note", "note2", "note3") if m.group(g))
        return ParsedRequest("SetFulfillment", slots={"delivery_note": _sentence(u.span(*span))})
    if _NOTE.match(flat):
        return ParsedRequest("SetFulfillment", slots={"delivery_note": _sentence(flat)})
    return None


_TRAILING_STORE = re.compile(rf"\s+{_STORE_WORD}$")


def _store_name(*candidates: str | None) -> str | None:
    for name in candidates:
        name = _TRAILING_STORE.sub("", (name or "").strip())
        if name and name not in _NOT_A_STORE and not re.fullmatch(_STORE_WORD, name):
            return name
    return None


_DIGIT_WORDS = {"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3",
                "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
_SPOKEN_ZIP = re.compile(r"\b(?:(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine|\d) ?){5}$")


def _zip_digits(flat: str) -> str:
    """A ZIP code said digit by digit ("one one two zero one", "1 1 2 0 1") as five digits."""
    m = _SPOKEN_ZIP.search(flat)
    if m is None:
        return flat
    digits = "".join(_DIGIT_WORDS.get(w, w) for w in m.group(0).split())
    return flat[:m.start()] + digits if len(digits) == 5 else flat


def stores(u: Utterance) -> ParsedRequest | None:
    flat = u.flat
    if m := _NEAR.match(_zip_digits(flat)):
        slots: dict[str, object] = {"stores": "near"}
        code = m.group("zip") or m.group("zip2") or m.group("zip3")
        if code:
            slots["zip"] = code
        return ParsedRequest("SetFulfillment", slots=slots)
    if m := _HOURS.match(flat):
        slots = {"stores": "hours"}
        if name := _store_name(*(m.group(g) for g in "abcde")):
            slots["store"] = name
        return ParsedRequest("SetFulfillment", slots=slots)
    if _WHICH.match(flat):
        return ParsedRequest("SetFulfillment", slots={"stores": "which"})
    if m := _CHOOSE.match(flat):
        if name := _store_name(m.group("store"), m.group("store2")):
            return ParsedRequest("SetFulfillment", slots={"stores": "choose", "store": name})
    return None


_LEAD = re.compile(r"^(?:and|also|then|oh|plus|and also|and then|please)\s+")


def preference(u: Utterance, vocabulary: PhraseVocabulary | None) -> ParsedRequest | None:
    """The first of substitution, delivery note or store request that matches, else None.
    A leading "and", "also" is dropped: "ring the bell", "and leave it at the door"."""
    if m := _LEAD.match(u.flat):
        words, dropped = u.text.split(), len(m.group(0).split())
        while words and (dropped or words[0] == ","):
            dropped -= words[0] != ","
            words.pop(0)
        u = Utterance(raw=u.raw, text=" ".join(words), flat=u.flat[m.end():],
                      question=u.question, correction=u.correction)
    return substitution(u, vocabulary) or stores(u) or delivery_note(u)
