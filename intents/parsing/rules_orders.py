"""Requests about a placed order, and questions about times: tried before the cart's rules.

- "add bread to my order", "take the milk off my order": AddItem / RemoveItem with
  slots["target"] = "order" (the dialog changes the placed order, or the cart when there is no
  order left to change);
- "move my pickup to 7", "change my order to saturday", "switch my order to delivery":
  SetFulfillment with slots["target"] = "order";
- "what did i order", "what time is my pickup": OrderStatus with slots["ask"] ("items", "time");
- "what times do you have friday", "what's the earliest pickup": SetFulfillment with
  slots["question"] = True: answered with free slots, never held.

Canonical intents only (DESIGN.md's contract); the slots say what the words aimed at.
"""
from __future__ import annotations

import re
from datetime import datetime

from ..model import ParsedRequest
from .items import PhraseVocabulary, extract_items
from .rules_cart import fulfillment_slots
from .text import Utterance
from .timeexpr import find_time

_DAY_WORDS = re.compile(r"\b(?:today|tonight|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day"
                        r"|weekend|january|february|march|april|may|june|july|august|september"
                        r"|october|november|december|\d{1,2}(?:st|nd|rd|th))\b")
_ORDER = (r"(?:my|the|our|this|that)(?: (?:last|current|upcoming|placed|next|grocery|groceries|"
          r"existing|recent|online|scheduled))*"
          r" (?:order|pick up order|delivery order|pick up|delivery|groceries order)")
_POLITE = (r"(?:please |can you |could you |would you |can i |could i |may i |i want to |"
           r"i would like to |i need to |i have to |let us |i wanna |also |and |actually |"
           r"is it possible to |i would like you to |go ahead and )*")

_ADD_TO_ORDER = re.compile(
    rf"^{_POLITE}(?:add|put|include|throw|stick|get)(?: in)? (?P<items>.+?)"
    rf" (?:to|on|onto|in|into|in with|with) {_ORDER}(?: too| as well| also| please| for me)?$")
_REMOVE_FROM_ORDER = re.compile(
    rf"^{_POLITE}(?:remove|take|delete|drop|cancel|leave)(?: out| off)? (?P<items>.+?)"
    rf" (?:from|off|out of|off of) {_ORDER}(?: please)?$")
_MOVE_ORDER = re.compile(
    rf"^{_POLITE}(?:change|move|switch|reschedule|push|update|set|make|shift|bump|turn)"
    rf"(?: back| up| over)? {_ORDER}(?: (?:time|slot|window|day|date|pick up|delivery))?"
    rf"(?: (?:back|up|over|forward))?(?: (?:to|for|until|till|at|on|into) (?P<rest>.+))?$")
_ORDER_ITEMS = re.compile(
    rf"^what (?:did i|have i|did we|have we) (?:order|ordered|get|buy|bought)(?: again| last time)?$"
    rf"|^what (?:is|was|items are|items were|do i have|did i put|have i got) (?:in|on) {_ORDER}$"
    rf"|^what (?:is|was) {_ORDER}$"
    # "repeat my last order" is a reorder (intents.parsing.rules_cart); "repeat back" reads it
    rf"|^(?:(?:read|tell|list|give)(?: me| us)?(?: back)?|repeat(?: me| us)? back)"
    rf" (?:the items (?:in|on) |what is in )?{_ORDER}$")
_ORDER_TIME = re.compile(
    rf"^(?:what time|what day|when|what slot|which slot|what window)"
    rf" (?:is|will|was|does|do|did i book|did i choose|did i pick|is it) (?:for )?{_ORDER}\b.*$")
_TIMES_QUESTION = re.compile(
    r"^(?:what|which) (?:pick up |delivery )?(?:times|time slots|slots|windows|days|hours)"
    r"(?: for (?:pick up|delivery))?(?: (?:are|do you have|have you got|are there|can i get|is there"
    r"|have you|do you got|are still|are left))?(?: available| open| free| left| still)*\b(?P<rest>.*)$"
    r"|^(?:what|when) is (?:the )?(?:earliest|soonest|next available|first available|next)"
    r" (?:pick up |delivery )?(?:time|slot|window|pick up|delivery|one|available)?\b(?P<rest2>.*)$"
    r"|^(?:when|what time) can (?:i|we|you) (?:pick (?:it |them )?up|come|get it|collect|deliver)"
    r"\b(?P<rest3>.*)$"
    r"|^(?:do|have) you (?:have|got) (?:any )?(?:pick up |delivery )?(?:times|slots|windows|openings)"
    r"\b(?P<rest4>.*)$"
)


def order_request(u: Utterance, vocabulary: PhraseVocabulary | None,
                  now: datetime) -> ParsedRequest | None:
    flat = u.flat
    if m := _ADD_TO_ORDER.match(flat):
        items = extract_items(u.span(*m.span("items")), vocabulary)
        if items:
            return ParsedRequest("AddItem", items=items, slots={"target": "order"})
    if m := _REMOVE_FROM_ORDER.match(flat):
        items = extract_items(u.span(*m.span("items")), vocabulary)
        if items:
            return ParsedRequest("RemoveItem", items=items, slots={"target": "order"})
    if _ORDER_ITEMS.match(flat):
        return ParsedRequest("OrderStatus", slots={"ask": "items"})
    if _ORDER_TIME.match(flat):
        return ParsedRequest("OrderStatus", slots={"ask": "time"})
    if m := _MOVE_ORDER.match(flat):
        rest = m.group("rest") or ""
        slots = _time_and_method(rest, now)
        if rest and not slots:
            return None
        return ParsedRequest("SetFulfillment", slots={**slots, "target": "order"})
    if m := _TIMES_QUESTION.match(flat):
        slots = fulfillment_slots(flat, now)
        slots.pop("address", None)
        return ParsedRequest("SetFulfillment", slots={**slots, "question": True})
    return None


def _time_and_method(rest: str, now: datetime) -> dict[str, object]:
    """"7", "saturday morning", "delivery tomorrow at 5": a bare number after "move it to"
    is a time (the cart's rules need a cue, since "make it 7" there is a quantity)."""
    slots = fulfillment_slots(rest, now)
    if "time" not in slots and "date" not in slots:
        timed = find_time(f"at {rest}", now)
        if timed.slots:
            slots.update(timed.slots)
    slots.pop("address", None)
    slots.pop("store", None)
    if "time" in slots and slots["time"] != "next_available" and not _DAY_WORDS.search(rest):
        slots["same_day"] = True  # "move my pickup to 7": 7 on the order's own day
    return slots
