"""Cart- and order-level intents: OrderStatus, CancelOrder, ClearCart, ReadCart (with or
without an item), Checkout, Reorder and SetFulfillment.

Patterns run on `Utterance.flat` (normalised, fillers gone, no commas). "cart", "list",
"basket", "trolley" and "bag" are interchangeable wherever the shopper's collection is meant.
"""
from __future__ import annotations

import re
from datetime import datetime

from .items import PRONOUNS, PhraseVocabulary, extract_items, strip_containers
from ..model import ParsedRequest
from .text import Utterance
from .timeexpr import find_time, remainder

CONT = (r"(?:(?:my|the|our|this|your)\s+(?:(?:shopping|grocery|current)\s+)?"
         r"(?:cart|list|basket|trolley|order|bag)|(?:shopping|grocery)\s+(?:cart|list|basket|trolley))")
_N = r"(?:order|orders|delivery|deliveries|groceries|pick up|stuff|food|shopping|package|items)"
_OWN = r"(?:my|the|our|this)(?: \w+)?"

_STATUS = re.compile(
    rf"^(?:what is |give me |get me |check )?(?:the )?(?:status|update|eta|progress)(?: on| of| for)? {_OWN} {_N}\b"
    rf"|\b(?:order|delivery|pick up) (?:status|update|eta|progress)\b"
    rf"|^where (?:is|are|is at) {_OWN} {_N}\b"
    rf"|^when (?:will|is|does|do|are|should|can i expect|should i expect) {_OWN} {_N}\b"
    rf"|^(?:track|trace|check on|follow|locate) {_OWN} {_N}\b"
    rf"|^(?:is|are|has|have) {_OWN} {_N} (?:ready|here|coming|on (?:the|its) way|arrived|"
    rf"shipped|left|been|out for delivery|done|prepared|packed|on schedule|late|delayed|going)\b"
    rf"|^how long (?:until|till|before|will|for) {_OWN} {_N}\b"
    rf"|^(?:what happened to|any news on|any updates? on|how is) {_OWN} {_N}\b"
)
_CANCEL_ORDER = re.compile(
    r"^(?:cancel|call off|abort|kill|scrap|withdraw|delete|stop)(?: out)?"
    r"(?: (?:my|the|this|our|that|that last|my last|the last|my current|the current|"
    r"my upcoming|my next|the whole|my whole|my entire|the entire))?"
    r"(?: (?:grocery|groceries|online|pick up|delivery|recent|upcoming|scheduled|whole|entire))?"
    r" (?:order|orders|delivery|purchase|pick up|shopping order|grocery order)\b.*$"
)
_EVERYTHING = (r"(?:everything|all|it all|all items|all the items|all of the items|all the things|"
               r"all the stuff|everything in it|all of it|the whole thing|all products|all of them|"
               r"all my items|every item|every thing)")
_CLEAR = re.compile(
    rf"^(?:clear|empty|reset|wipe|erase|delete|remove|trash|dump|scrap|clean|purge|throw out|"
    rf"get rid of|take out|take off|nuke)(?: out| off)? (?:{_EVERYTHING}(?: (?:from|in|on|off|out of) {CONT})?"
    rf"|(?:the |my |our )?(?:whole |entire )?{CONT}|(?:whole |entire )?(?:cart|list|basket|trolley))"
    rf"(?: out)?$"
    rf"|^take {_EVERYTHING} (?:out|off)(?: (?:of|from) {CONT})?$"
    rf"|^(?:empty|clear) (?:it|it out|out)$|^(?:start|begin) (?:a )?(?:new|fresh|brand new) (?:cart|list|order)$"
)
_READ_ITEM = (
    re.compile(rf"^(?:is|are) there (?:any |some |already )*(?P<item>.+?) (?:already |still )?(?:in|on|inside) {CONT}(?: already| yet)?$"),
    re.compile(rf"^(?:is|are) (?:the |my |any )?(?P<item>.+?) (?:already |still )?(?:in|on|inside|part of) {CONT}(?: already| yet)?$"),
    re.compile(rf"^(?:do|did) (?:i|we) (?:already |still )?(?:have|get|add|put|order|include|pick) (?P<item>.+?)(?: (?:in|on|to|into|inside) {CONT})?(?: already| yet)?$"),
    re.compile(rf"^(?:have|has) (?:i|we) (?:already )?(?:added|got|gotten|put|ordered|included) (?P<item>.+?)(?: (?:in|on|to|into) {CONT})?(?: already| yet)?$"),
    re.compile(rf"^did you (?:add|put|get|include) (?P<item>.+?)(?: (?:in|on|to|into) {CONT})?(?: already| yet)?$"),
    re.compile(rf"^how (?:many|much) (?P<item>.+?) (?:do i have|have i got|did i add|have i added|do we have|did i get|am i getting|are there|is there|are|is)(?: (?:in|on) {CONT})$"),
    re.compile(r"^how (?:many|much) (?P<item>.+?) (?:do i have|have i got|did i add|have i added|do we have|did i get|am i getting)$"),
)
_GENERIC_ITEMS = frozenset({"items", "things", "stuff", "products", "groceries", "of them",
                            "everything", "anything", "it", "", "in there", "in it", "all"})
_READ = re.compile(
    rf"^what(?: all| else| items| things| stuff| products)? (?:is|are|do i have|do we have|have i got|have i added|did i add|did i put|is currently|have i put) (?:in |on |inside )?{CONT}(?: so far| right now| currently| at the moment)?$"
    rf"|^what(?: all| else)? (?:do i have|have i got|have i added|did i add|did i order|is in there|have i put|do we have)(?: so far| in there| right now)?$"
    rf"|^(?:read|tell|show|list|review|check|repeat|recap|go over|give|say|play|summarize|describe|go through|run through)(?: me| us)?(?: back| out| again)?(?: what is (?:in|on))? (?:{CONT}|(?:my|the) items)(?: items)?(?: back)?(?: to me)?(?: again)?$"
    rf"|^(?:read|tell|show|list|give)(?: me| us)? (?:back |out )?(?:my|the|what is in my) (?:items|cart|list)$"
    rf"|^(?:{CONT}|cart|list|basket|trolley|shopping list|grocery list)(?: please| contents| items)?$"
    rf"|^(?:what is|how much is|what does|tell me) (?:my|the) (?:total|cart total|order total|subtotal|bill|grand total)(?: come to| cost| so far)?$"
    rf"|^how much (?:is|does|will|are) (?:{CONT}|my|the) ?(?:total|bill|groceries|stuff|items)?(?: come to| cost| be| total)?(?: so far)?$"
    rf"|^how many (?:items|things|products) (?:are|do i have|have i got|did i add)(?: (?:in|on) {CONT})?$"
    rf"|^what is (?:in|on) (?:it|there)$"
)
_CHECKOUT = re.compile(
    r"\bcheck (?:me |us |it |this |everything )?out\b(?! (?:the|some|these|this|what|your|our|a|an|how|if)\b)"
    r"|\b(?:place|submit|complete|finish|finalize|confirm|send|process|wrap up|put in|send in|finish up)"
    r" (?:my |the |this |our |an |a )?(?:grocery |groceries |current )?(?:order|purchase|shopping)$"
    r"|^(?:pay|pay now|pay for (?:it|this|everything|it all|my order|my groceries|the groceries)"
    r"|purchase|buy (?:it|everything|them|all of it|all that|it all)(?: now)?"
    r"|order (?:it|everything|them|all of it|all that|it all)(?: now)?|order now"
    r"|proceed to (?:check out|payment|pay)|go to check out|(?:i am |we are )?ready to (?:check out|order|pay)"
    r"|(?:i am |we are )?done shopping|that is everything (?:check out|i am ready|go ahead)"
    r"|complete (?:the |my )?purchase|place it)$"
)
_PLACE_ORDER_FOR = re.compile(r"^(?:place|put in|make) (?:an|a|my) order (?:for|of) (?P<items>.+)$")
_REORDER_VERB = re.compile(
    r"^(?:just )?(?:re order|order again|buy again|repeat|redo|duplicate|copy|same as)\b ?(?P<rest>.*)$"
)
_REORDER_CUE = re.compile(
    r"\b(?:my|the|our) usual\b|\bsame (?:order |thing |things |stuff |groceries |items |list )?"
    r"(?:as|like) (?:last|the last|before|usual|my last|last time|previous|always)\b"
    r"|\b(?:order|get|buy|add|repeat|copy|redo|duplicate|use|send|place|do|give me|want|like) "
    r"(?:my|the|our) (?:last|previous|weekly|regular|standing|most recent|usual) "
    r"(?:order|shopping|grocery order|groceries|list)\b"
    r"|\b(?:order|get|buy|add) (?:what|everything) i (?:got|ordered|bought|had) (?:last|the last)"
    r"|\b(?:order|get|buy|add) (?:it|that|them|the same|everything|those) again\b|\bsame as last\b"
)
_REORDER_OBJECT = re.compile(
    r"^(?:(?:my|the|our) )?(?:last|previous|usual|same|regular|weekly|most recent|standing)?"
    r" ?(?:order|orders|groceries|grocery order|shopping|stuff|items|list|one|thing|things|time)?"
    r"(?: again| from last (?:time|week)| as (?:last time|before|usual))?$"
    r"|^(?:it|that|them|everything|those|all of it|the same)(?: again)?$"
)
_QUESTION_START = re.compile(r"^(?:what|where|when|how|why|who|which|is|are|did|does|was)\b")


def order_status(u: Utterance) -> ParsedRequest | None:
    return ParsedRequest("OrderStatus") if _STATUS.search(u.flat) else None


def cancel_order(u: Utterance) -> ParsedRequest | None:
    return ParsedRequest("CancelOrder") if _CANCEL_ORDER.match(u.flat) else None


# "clear everything and start over": a clear said together with starting again; the shopper
# is asked to confirm, since "start over" alone means cancelling what is being asked
_START_OVER = re.compile(r"(?:,)? (?:and |then )?(?:start|begin) (?:over|again|afresh|fresh|from scratch)$")


def clear_cart(u: Utterance) -> ParsedRequest | None:
    flat, restart = _START_OVER.subn("", u.flat)
    if not _CLEAR.match(flat):
        return None
    return ParsedRequest("ClearCart", slots={"confirm": True}) if restart else ParsedRequest("ClearCart")


def read_cart(u: Utterance, vocabulary: PhraseVocabulary | None) -> ParsedRequest | None:
    """"what's in my cart"; with an item: "are eggs in my cart", "how many eggs do i have"."""
    if _READ.match(u.flat):
        return ParsedRequest("ReadCart")
    for pattern in _READ_ITEM:
        if m := pattern.match(u.flat):
            span = u.span(*m.span("item"))
            if span.startswith("to "):
                return None
            if span in _GENERIC_ITEMS or span in PRONOUNS:
                return ParsedRequest("ReadCart")
            items = extract_items(span, vocabulary)
            return ParsedRequest("ReadCart", items=items)
    return None


def checkout(u: Utterance, vocabulary: PhraseVocabulary | None) -> ParsedRequest | None:
    if m := _PLACE_ORDER_FOR.match(u.flat):
        return ParsedRequest("AddItem", items=extract_items(u.span(*m.span("items")), vocabulary))
    return ParsedRequest("Checkout") if _CHECKOUT.search(u.flat) else None


# "my usual", "my regular order", "same as always": what the shopper orders most often across
# their whole history (slots {"usual": True}), not only the last order
_USUAL = re.compile(r"\b(?:usual|usuals|regular|regulars|weekly|standing|always)\b")


def reorder(u: Utterance, vocabulary: PhraseVocabulary | None) -> ParsedRequest | None:
    """"order my usual", "reorder my last order"; "reorder milk" is just an order of milk."""
    if _QUESTION_START.match(u.flat):
        return None
    if m := _REORDER_VERB.match(u.flat):
        rest = m.group("rest")
        if _REORDER_OBJECT.match(rest):
            return _reorder(u)
        if not _REORDER_CUE.search(u.flat):
            return ParsedRequest("AddItem", items=extract_items(rest, vocabulary))
    if _REORDER_CUE.search(u.flat) or re.match(r"^(?:order|get|add|buy) (?:my|our) regulars$", u.flat):
        return _reorder(u)
    return None


def _reorder(u: Utterance) -> ParsedRequest:
    return ParsedRequest("Reorder", slots={"usual": True} if _USUAL.search(u.flat) else {})


# --- fulfillment --------------------------------------------------------------------------

_PICKUP = re.compile(
    r"\b(?:pick (?:it|them|everything|this|that|those|my order|the order|my groceries|the groceries"
    r"|my stuff|the stuff|it all|my things|these|the items|my items) up|pick up|curbside|"
    r"collect(?:ion)?|click and collect|come (?:and )?get (?:it|them)|come by|"
    r"swing by|grab it myself|get it myself)\b"
)
_DELIVERY = re.compile(
    r"\b(?:deliver(?:ed|y|ies|ing)?|bring (?:it|them|everything|my order|the groceries|"
    r"my groceries|it all)(?: over)?|drop (?:it|them|everything) off|ship (?:it|them)|"
    r"home delivery|send (?:it|them|everything|my order) (?:to|over))\b"
)
_PICK_UP_ITEMS = re.compile(
    r"^(?:i will |i can |can i |let me |i could |we will |i am going to |i have to |i need to |"
    r"i should |go |and |also )?pick up (?P<rest>.+)$"
)
_NOT_ITEMS = re.compile(
    r"\b(?:it|them|my order|the order|my groceries|the groceries|everything|it all|later|"
    r"myself|in store|curbside|at the store|from the store|instead|there|please|for me|"
    r"at|on|from|by|around|in|then|the|this|that|order|groceries|my|stuff|store|"
    r"(?:the )?\w+ (?:store|location|branch))\b"
)
# a store of several words ("at the main street store"), taken out before the words above
_AT_STORE = re.compile(r"\b(?:at|from) (?:the )?[a-z0-9' ]{2,40}? (?:store|location|branch|shop)\b")
_STORE = re.compile(r"\b(?:at|from) (?:the )?(?P<store>[a-z0-9' ]{2,40}?) (?:store|location|branch|shop)\b")
_ADDRESS = re.compile(r"\bto (?P<addr>\d+ [a-z0-9' ]{3,60}?)$|\bto my (?P<place>home|house|place|"
                      r"apartment|office|work|job)\b")
_TIME_ONLY_WORDS = frozenset({
    "how", "about", "what", "let", "us", "do", "say", "make", "it", "change", "the", "time",
    "to", "schedule", "for", "at", "on", "by", "around", "is", "i", "will", "come", "can", "be",
    "there", "sometime", "maybe", "preferably", "ideally", "then", "works", "that", "would",
    "good", "great", "fine", "best", "a", "slot", "window", "of", "in", "this", "set", "we",
    "go", "with", "book", "pick", "reserve", "please", "okay", "yes", "sure", "or", "so",
    "could", "you", "should", "probably", "lets", "later", "try", "switch", "move", "my",
    "instead", "want", "would", "like", "prefer", "an", "any", "ish", "either",
})


def fulfillment_slots(flat: str, now: datetime) -> dict[str, object]:
    slots: dict[str, object] = {}
    last_pick = max((m.end() for m in _PICKUP.finditer(flat)), default=-1)
    last_del = max((m.end() for m in _DELIVERY.finditer(flat)), default=-1)
    if last_pick >= 0 or last_del >= 0:
        # "not pickup, delivery": the method said last wins
        slots["fulfillment"] = "pickup" if last_pick > last_del else "delivery"
    slots.update(find_time(flat, now).slots)
    if m := _STORE.search(flat):
        store = m.group("store").strip()
        if store not in ("the", "my", "your", "a"):
            slots["store"] = store
    if m := _ADDRESS.search(flat):
        slots["address"] = m.group("addr") or m.group("place")
    return slots


def set_fulfillment(u: Utterance, vocabulary: PhraseVocabulary | None,
                    now: datetime) -> ParsedRequest | None:
    """"i'll pick it up tomorrow at five pm", "deliver it saturday", or a bare time."""
    flat = u.flat
    if _PICKUP.search(flat) or _DELIVERY.search(flat):
        if m := _PICK_UP_ITEMS.match(flat):
            rest, _ = strip_containers(remainder(m.group("rest"), find_time(m.group("rest"), now)))
            if rest and _NOT_ITEMS.sub(" ", _AT_STORE.sub(" ", rest)).strip():
                return ParsedRequest("AddItem", items=extract_items(rest, vocabulary))
        return ParsedRequest("SetFulfillment", slots=fulfillment_slots(flat, now))
    found = find_time(flat, now)
    if found.strong and found.slots:
        left = remainder(flat, found).split()
        if all(w in _TIME_ONLY_WORDS for w in left):
            return ParsedRequest("SetFulfillment", slots=dict(found.slots))
    return None
