"""Free text -> ParsedRequest: the one parser behind the local tester, the text channel and
every platform request that carries a free-form phrase (Alexa AMAZON.SearchQuery,
Dialogflow's raw query text).

    parse("please update my grocery list with one gallon of two percent milk")
    -> ParsedRequest("AddItem", [ItemRequest("two percent milk", 1, "gallon")])

The rules are tried in a fixed order, most specific first, and the first that matches wins.
Questions ("how much is…", "do you have…") are matched before any action, and a request
that nothing recognises is Fallback: a wrong action is worse than asking again. The parser
fills phrase/quantity/unit only; resolving phrases to products is the matcher's job.

Conventions the handlers can rely on:
- `ItemRequest.phrase == ""` means "the item in context": pronouns ("remove it", "add two of
  those") and quantity-only updates ("make that three" -> UpdateQuantity [("", 3, None)]).
- UpdateQuantity's quantity is the new total, unless slots["change"] is "increase" or
  "decrease" ("two more", "one less"): then it is the difference.
- slots: "fulfillment" ("pickup"|"delivery"), "time" ("YYYY-MM-DDTHH:MM" local, or
  "next_available"), "date" ("YYYY-MM-DD" when no time of day was said), "store", "address",
  "option" (1-based int; -1 = last, -2 = second to last), "choice" ("the organic one" ->
  "organic"), "info" on ProductInfo ("price", "availability", "cheapest", "best_value",
  "sale", "options", "location", "details"), "next": "Checkout" on "add X and check out".
- A bare number ("two") is SelectOption {"option": 2}; when the dialog asked "how many?",
  the dialog manager reads it as the quantity. "actually two" / "two instead" is UpdateQuantity.
- "add it" / "yes add it" is Yes (it answers "want me to add it?"). "that's all", "thanks"
  are No; "stop", "goodbye" are Stop; "never mind", "start over" are Cancel.
- Input with code or markup (SQL, JSON, <script>) or longer than 600 characters is Fallback.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from .items import PhraseVocabulary
from ..model import ParsedRequest
from .rules_cart import (cancel_order, checkout, clear_cart, order_status, read_cart, reorder,
                         set_fulfillment, fulfillment_slots)
from .rules_prefs import preference
from .rules_orders import order_request
from .rules_dialog import leading_answer, lexicon_intent, negated_request, select_option
from .rules_questions import money_question, options_question
from .rules_items import (add_item, add_then_checkout, change_kind, off_topic, product_info, remove_item,
                          update_quantity, verbless_add)
from .text import Utterance, prepare, strip_fillers

__all__ = ["PhraseVocabulary", "parse"]

log = logging.getLogger(__name__)
_ACTIONS_AFTER_ANSWER = frozenset({"Yes", "No", "Fallback"})

Rule = Callable[[Utterance, "PhraseVocabulary | None", datetime], "ParsedRequest | None"]

# Most specific first. Each rule sees the normalised utterance, the vocabulary and local now.
_RULES: tuple[Rule, ...] = (
    lambda u, v, now: off_topic(u),
    lambda u, v, now: negated_request(u),
    order_request,
    lambda u, v, now: order_status(u),
    lambda u, v, now: cancel_order(u),
    lambda u, v, now: clear_cart(u),
    lambda u, v, now: read_cart(u, v),
    lambda u, v, now: add_then_checkout(u, v),
    lambda u, v, now: _checkout(u, v, now),
    set_fulfillment,
    lambda u, v, now: product_info(u, v),
    lambda u, v, now: reorder(u, v),
    lambda u, v, now: update_quantity(u),
    lambda u, v, now: change_kind(u),
    lambda u, v, now: remove_item(u, v),
    lambda u, v, now: select_option(u),
    lambda u, v, now: add_item(u, v),
)


def _checkout(u: Utterance, vocabulary: PhraseVocabulary | None, now: datetime) -> ParsedRequest | None:
    """Checkout keeps a method or time said in the same breath ("check out for pickup at 5")."""
    got = checkout(u, vocabulary)
    if got is not None and got.intent == "Checkout":
        got.slots.update(fulfillment_slots(u.flat, now))
    return got


@lru_cache(maxsize=64)
def _zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except Exception:  # unknown or malformed zone name: fall back rather than fail a request
        log.warning("unknown time zone %r, using UTC", name)
        return timezone.utc


def _local_now(now: datetime | None, tz: str) -> datetime:
    zone = _zone(tz)
    if now is None:
        return datetime.now(zone)
    if now.tzinfo is None:
        return now.replace(tzinfo=zone)
    return now.astimezone(zone)


def _classify(u: Utterance, vocabulary: PhraseVocabulary | None, now: datetime,
              *, nested: bool = False) -> ParsedRequest:
    if not u.flat:
        return ParsedRequest("Fallback")
    # Substitutions, delivery notes and store questions first: "what are the store hours"
    # is not a request for help, "don't substitute the milk" not a negated add
    if got := preference(u, vocabulary):
        return got
    if got := money_question(u) or options_question(u) or lexicon_intent(u):
        return got
    if not nested and (answer := leading_answer(u.text.split())):
        intent, rest = answer
        words, correction = strip_fillers(rest)
        inner = Utterance(raw=u.raw, text=" ".join(words),
                          flat=" ".join(w for w in words if w != ","), question=u.question,
                          correction=u.correction or correction)
        got = _classify(inner, vocabulary, now, nested=True)
        return got if got.intent not in _ACTIONS_AFTER_ANSWER else ParsedRequest(intent)
    for rule in _RULES:
        if (got := rule(u, vocabulary, now)) is not None:
            return got
    if not nested and (got := verbless_add(u, vocabulary)):
        return got
    return ParsedRequest("Fallback")


def parse(text: str, vocabulary: PhraseVocabulary | None = None, *,
          now: datetime | None = None, tz: str = "America/New_York") -> ParsedRequest:
    """Parse one utterance. Never raises; `ParsedRequest.text` is always the original text.

    `vocabulary` (the catalog matcher) decides whether "X and Y" is one product name;
    without it only a few conventional names ("half and half") stay whole. Times are local
    ISO strings in `tz`, relative to `now` (default: the current time).
    """
    original = text if isinstance(text, str) else ""
    try:
        result = _classify(prepare(original), vocabulary, _local_now(now, tz))
    except Exception:  # a parser bug must cost one "sorry?", not the whole request
        log.exception("parser failed on %r", original[:200])
        result = ParsedRequest("Fallback")
    result.text = original
    return result
