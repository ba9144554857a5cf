"""Item-level intents: ProductInfo (questions), UpdateQuantity, RemoveItem and AddItem.

Questions run first and are never turned into actions: "how much is…", "do you have…",
"is … in stock", "what's the cheapest…", and "can i get…?" said with a question mark.
`slots["info"]` tells the handler what was asked: "price", "availability", "cheapest",
"best_value", "sale", "options", "location" or "details".

UpdateQuantity carries one item whose quantity is the new total ("make that three" ->
ItemRequest("", 3)); phrase "" means "the item we were just talking about". With
slots {"change": "increase"|"decrease"} the quantity is a difference instead ("two more").
"""
from __future__ import annotations

import re

from .items import PRONOUNS, PhraseVocabulary, clean_phrase, extract_items, known, quantity_only
from ..model import ItemRequest, ParsedRequest
from .quantity import SOUND_ALIKES, read_quantity
from .rules_cart import CONT
from .rules_dialog import strip_choice_lead
from .text import Utterance

_P = re.compile
_INFO_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (_P(r"^(?:what|which)(?: one)? (?:is|are|one is) (?:the |your )?(?:cheapest|least expensive|lowest priced|"
        r"lowest price|most affordable|cheaper|best priced|best deal on|best price on|best price for|"
        r"best deal for|lowest cost)(?: (?P<item>.+))?$"), "cheapest"),
    (_P(r"^(?:find|show|give|get|tell)(?: me| us)? (?:the |your )?(?:cheapest|least expensive|lowest priced|"
        r"most affordable) (?P<item>.+)$"), "cheapest"),
    (_P(r"^(?:what|which) (?:is|are) (?:the |your )?(?:best value|best buy|most economical|"
        r"best bang for (?:the|my|your) buck|best value for money|best deal)(?: (?:on|for|in))? (?P<item>.+)$"),
     "best_value"),
    (_P(r"^(?:which|what) (?P<item>.+?) (?:is|are) (?:the )?(?:cheapest|least expensive|cheaper)$"), "cheapest"),
    (_P(r"^(?:which|what) (?P<item>.+?) (?:is|are) (?:the )?(?:best value|best deal|best buy)$"), "best_value"),
    (_P(r"^(?:what|which) (?:kinds?|types?|brands?|sorts?|flavou?rs?|varieties|sizes|options|selection)"
        r" (?:of |do you have of )?(?P<item>.+?)(?: do you (?:have|carry|sell|stock|got)| are there| do they have|"
        r" are available| you (?:have|got)| can i (?:get|choose from)| are in stock| are on sale)?$"), "options"),
    (_P(r"^(?:what|which) (?P<item>.+?) (?:do you (?:have|carry|sell|stock|got)|are (?:there|available|in stock)|"
        r"you got|can i (?:get|choose from))$"), "options"),
    (_P(r"^(?:is|are) (?:the |your |any )?(?P<item>.+?) on (?:sale|special|offer|discount|promotion)"
        r"(?: today| this week)?$"), "sale"),
    (_P(r"^(?:what is|what are|what|is anything|anything|what do you have|what have you got|what)"
        r" on (?:sale|special|offer)(?: today| this week| right now)?$"), "sale"),
    (_P(r"^(?:are there |any |got any )(?:deals|sales|specials|discounts|coupons)(?: on (?P<item>.+))?$"), "sale"),
    (_P(r"^how much (?:is|are|does|do|for|would|will|was|were|did|should)(?: the)? (?P<item>.+?)"
        r"(?: cost| costs| be| run| go for| sell for| cost me| per \w+| each| a pound| a gallon| apiece"
        r"| right now| today| now| there| here)*$"), "price"),
    (_P(r"^(?:what|how much) (?:is|are|does|do|would be) (?:the )?(?:price|cost|prices|costs|pricing)"
        r"(?: of| for| on)? (?P<item>.+)$"), "price"),
    (_P(r"^what (?:does|do|would|will|did) (?P<item>.+?) (?:cost|costs|run|go for|sell for)(?: me| now| today)?$"),
     "price"),
    (_P(r"^(?:price|prices|cost|price check|pricing)(?: of| for| on)? (?P<item>.+)$"), "price"),
    (_P(r"^(?:tell me|give me|check|get me|show me|find|look up|find out)(?: the)? (?:price|cost|prices)"
        r"(?: of| for| on)? (?P<item>.+)$"), "price"),
    (_P(r"^how (?:expensive|pricey|cheap) (?:is|are) (?P<item>.+)$"), "price"),
    (_P(r"^(?:do|does) (?:you|the store|this store|your store|they|you guys|we|the shop|y'all)"
        r"(?: guys)?(?: still| currently| even| also| ever| normally| usually)? (?:have|carry|sell|stock|got|"
        r"offer|keep|make|get|do)(?: any| some| in)? (?P<item>.+?)(?: in stock| available| right now| today|"
        r" here| at this store| there| at the store| anymore| any more| at all)*$"), "availability"),
    (_P(r"^(?:have you got|you got|got|you have|you guys have|you carry|you sell|you guys carry)"
        r"(?: any| some)? (?P<item>.+?)(?: in stock| available| today| here)*$"), "availability"),
    (_P(r"^(?:is|are) there (?:any |some )?(?P<item>.+?)(?: (?:in stock|available|left|on the shelf|"
        r"on the shelves|in the store|at the store|today|here|right now|for (?:delivery|pick up)))+$"),
     "availability"),
    (_P(r"^(?:is|are) there (?:any|some) (?P<item>.+)$"), "availability"),
    (_P(r"^(?:is|are) (?:the |your |any )?(?P<item>.+?) (?:still |currently |even |back )?(?:in stock|"
        r"available|out of stock|sold out|back in stock|available for (?:delivery|pick up)|"
        r"available today|in season|available right now|out)$"), "availability"),
    (_P(r"^(?:any|got any) (?P<item>.+?) (?:in stock|available|left)$"), "availability"),
    (_P(r"^(?:can|could|may) (?:i|we) (?:still )?(?:get|buy|order|find|have|purchase) (?P<item>.+?)"
        r" (?:here|from you|at this store|at your store|in store|today|in stock|there|from this store)$"),
     "availability"),
    (_P(r"^(?:where|what aisle|which aisle) (?:is|are|can i find|do you keep|do i find|would i find|"
        r"has|have)(?: the)? (?P<item>.+?)(?: in| located| kept| at)?$"), "location"),
    (_P(r"^(?:what is|what do you have|what have you got|what is currently) (?:in stock|available)"
        r"(?: today| right now)?$"), "availability"),
    (_P(r"^(?:tell me about|information on|info on|what do you know about|details (?:on|about)|"
        r"what is in|ingredients (?:of|in|for)|how many calories (?:are )?in|nutrition(?:al)? "
        r"(?:info|facts|information)(?: for| on| of| about)?) (?P<item>.+)$"), "details"),
    (_P(r"^(?:is|are) (?:the |your )?(?P<item>.+?) (?:organic|gluten free|vegan|kosher|healthy|fresh|"
        r"local|dairy free|non gmo|sugar free|halal|good)$"), "details"),
)
_CAN_I_GET = _P(r"^(?:can|could|may) (?:i|we) (?:still )?(?:get|buy|order|find|have|purchase) (?P<item>.+)$")
_UPDATE_VERBS = (r"(?:change|update|set|make|switch|bump|increase|decrease|reduce|lower|raise|adjust|"
                 r"modify)")
_UPDATE_IT = _P(rf"^{_UPDATE_VERBS}(?: (?:it|that|this|those|them|the quantity|the amount|the number|"
                r"quantity|amount|the count))?(?: (?:up|down))?(?: to| it to| that to)? (?P<q>.+)$")
_UPDATE_X = _P(rf"^{_UPDATE_VERBS}(?: up| down)?(?: the (?:quantity|amount|number|count) (?:of|for|on))?"
               r" (?P<x>.+?) (?:up to|down to|to) (?P<q>.+)$")
_MAKE_X = _P(r"^make (?P<x>(?:the|my|those|these|that) .+)$")
_RELATIVE = _P(r"^(?:add |give me |i want |i need )?(?P<n>.+?) (?P<dir>more|less|fewer|extra)"
               r"(?: (?:of (?:those|them|that|it|these)|please))?$")
_ANOTHER = _P(r"^(?:add |give me |i want |i need |and )?another(?: one| of (?:those|them|these|that|it))?$")
_SCHEDULE_WORDS = frozenset({"time", "slot", "window", "pick", "delivery", "alarm", "timer"})
_JUST = _P(r"^(?:just|only) (?P<q>.+)$")
_REMOVE = _P(
    r"^(?:remove|delete|drop|erase|eliminate|subtract|minus|unadd|un add|cancel|scratch|strike|nix|"
    r"ditch|exclude|skip|cross off|cross out|cut out|lose|forget(?: about)?|never mind|leave out|"
    r"leave off|throw out|get rid of|take out|take off|take away|knock off|no more|pull|put back|"
    r"return|hold off on|scrap|trash)(?: (?:the|my|all|all the|all of the|all of my))? (?P<items>.+)$"
)
_REMOVE_PARTICLE = _P(r"^(?:take|cross|scratch|strike|knock|leave|get|pull|put|mark|tick|check)"
                      rf" (?P<items>.+?) (?:off|out|away|back)(?: (?:of|from|off of|off))?(?: {CONT})?$")
_REMOVE_BARE = _P(r"^(?:remove|delete|take out|take off)(?: (?:something|an item|one item|item|"
                  r"a thing|some things|items|stuff))?$")
_DONT_WANT = _P(r"^(?:i|we) (?:do not|no longer|will not|would not|really do not|do not really|did not)"
                r" (?:want|need)(?: any more| anymore| any)? (?P<items>.+?)(?: anymore| any more| after all)?$")
_DONT_ADD = _P(r"^(?:do not|never mind|no need for|no need to get|skip) (?!forget\b|worry\b)(?:add|get|buy|include|put in|"
               r"order|put|getting|adding|buying)? ?(?P<items>.+)$")
_ADD = _P(
    r"^(?:(?:and|also|then|oh|plus|okay|now) )*(?:add|put|include|insert|throw in|toss in|stick|pop|"
    r"get me|get us|get|grab|buy|purchase|order|pick up|i need|we need|i want|we want|i would like|"
    r"we would like|i would love|i will have|i will take|i will need|we will need|i will also need|"
    r"i also need|we also need|i also want|i am going to need|we are going to need|i will want|"
    r"give me|give us|let me get|let me have|let us get|let us add|let me add|can i have|can i get|"
    r"could i have|could i get|may i have|may i get|can i also get|can i also have|i am out of|"
    r"we are out of|i ran out of|we ran out of|we are running low on|i am running low on|"
    r"running low on|we are low on|i am low on|low on|out of|remind me to (?:buy|get|pick up)|"
    r"remember to (?:buy|get|pick up)|do not forget(?: to (?:buy|get|add|pick up))?(?: the)?|"
    r"make sure (?:to|i) (?:get|buy|add)|i should (?:get|buy)|we should (?:get|buy)|"
    r"i have to (?:get|buy)|we have to (?:get|buy)|need|want|also|plus|more|i would also like|"
    r"send me|bring me|ship me|i will also have|i will also take|i am gonna need|"
    r"update (?:my |the |our )?(?:shopping |grocery )?(?:list|cart|basket|order) with|"
    r"add (?:to|on|onto|in|into) (?:my |the |our )?(?:shopping |grocery )?(?:list|cart|basket|trolley))"
    r"\b(?P<items>.*)$"
)
_THEN_CHECKOUT = _P(r"(?:\s*,)?(?: (?:and|then|and then|so|now))+ (?:check (?:me |us )?out|"
                    r"place (?:my |the )?order|pay|i am done)(?: now)?$")
_QUESTION = _P(r"^(?:what|where|when|how|why|who|which|whose|is|are|do|does|did|was|were|will|would|"
               r"should|shall|has|have|tell me|can you|could you|am i)\b")
_OFF_TOPIC = frozenset({"joke", "jokes", "weather", "forecast", "timer", "alarm", "music", "song",
                        "songs", "podcast", "radio", "thermostat", "volume", "riddle", "story"})
_ADD_TO_CONTAINER = _P(r"\b(?:to|on|onto|in|into)\s+(?:my|the|our)\s+(?:shopping |grocery )?"
                       r"(?:cart|list|basket|trolley)\b")


def off_topic(u: Utterance) -> ParsedRequest | None:
    return ParsedRequest("Fallback") if _OFF_TOPIC.intersection(u.tokens) else None


def product_info(u: Utterance, vocabulary: PhraseVocabulary | None) -> ParsedRequest | None:
    flat = u.flat
    for pattern, info in _INFO_PATTERNS:
        if m := pattern.match(flat):
            span = u.span(*m.span("item")) if m.groupdict().get("item") else ""
            items = extract_items(span, vocabulary) if span else []
            return ParsedRequest("ProductInfo", items=items, slots={"info": info})
    if u.question and (m := _CAN_I_GET.match(flat)):
        return ParsedRequest("ProductInfo", items=extract_items(u.span(*m.span("item")), vocabulary),
                             slots={"info": "availability"})
    return None


_NONE_AT_ALL = frozenset({("zero",), ("0",), ("none",), ("nothing",)})


def _update(quantity_words: str, phrase_words: str | None) -> ParsedRequest | None:
    toks = quantity_words.split()
    if len(toks) == 1 and toks[0] in SOUND_ALIKES:  # "make it to": the new amount, misheard
        toks = [SOUND_ALIKES[toks[0]]]
    if tuple(toks) in _NONE_AT_ALL:  # "make that zero": a new total of none, i.e. remove it
        phrase = clean_phrase(phrase_words.split()) if phrase_words else ""
        return ParsedRequest("UpdateQuantity", items=[ItemRequest(phrase or "", 0)])
    q = read_quantity(toks, 0, sound_alikes=True)
    if not q.counted:
        return None
    item = quantity_only(toks)
    assert item is not None
    if phrase_words is not None:
        phrase = clean_phrase(phrase_words.split())
        item = ItemRequest(phrase or item.phrase, item.quantity, item.unit, pack_size=item.pack_size)
    return ParsedRequest("UpdateQuantity", items=[item])


def update_quantity(u: Utterance) -> ParsedRequest | None:
    """"make that three", "change the lemons to four", "actually two gallons"."""
    flat = u.flat
    if m := _UPDATE_X.match(flat):
        if _SCHEDULE_WORDS.intersection(m.group("x").split()):
            return None  # "set the time to 5": a schedule, not a quantity
        if got := _update(m.group("q"), m.group("x")):
            return got
    if m := _UPDATE_IT.match(flat):
        if got := _update(m.group("q"), None):
            return got
    if m := _MAKE_X.match(flat):
        toks = m.group("x").split()
        for k in range(1, len(toks)):
            q = read_quantity(toks, k)
            if q.counted and q.end == len(toks):
                return _update(" ".join(toks[k:]), " ".join(toks[:k]))
    if m := _RELATIVE.match(flat):
        n = quantity_only(m.group("n").split())
        if n is not None and n.quantity is not None and not n.phrase:
            change = "increase" if m.group("dir") in ("more", "extra") else "decrease"
            return ParsedRequest("UpdateQuantity", items=[ItemRequest("", n.quantity, n.unit)],
                                 slots={"change": change})
    if _ANOTHER.match(flat):
        return ParsedRequest("UpdateQuantity", items=[ItemRequest("", 1)], slots={"change": "increase"})
    if (m := _JUST.match(flat)) and (got := _update(m.group("q"), None)) and not got.items[0].phrase:
        return got
    if u.correction and (got := _update(" ".join(strip_choice_lead(u.tokens)), None)):
        return got
    return None


_KIND_X = _P(r"^(?:change|switch|swap|turn|make|replace) (?:the |my |those |these |that )?(?P<x>.+?)"
             r" (?:to|into|for|with) (?:the |a |an |some )?(?P<k>.+?)(?: ones?| kind| instead| version)*$")
_KIND_IT = _P(r"^(?:make|change|switch|swap|turn) (?:it|that|this|them|those|these|that one|it all)"
              r"(?: to| into| for)? (?:the |a |an |some )?(?P<k>.+?)(?: ones?| kind| instead| version)*$")
# An order, a day or a time is no kind: "change my order to saturday" moves an order
_NOT_KIND_WORDS = frozenset({
    "order", "orders", "groceries", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "today", "tomorrow", "tonight", "morning", "afternoon", "evening",
    "weekend", "noon", "midnight", "am", "pm", "earliest", "later", "earlier", "o'clock",
    "first", "second", "third", "fourth", "fifth", "last", "next", "cart", "list", "address",
    "store", "card", "code"})
_NOT_KINDS = frozenset({"it", "that", "this", "them", "those", "one", "ones", "something",
                        "something else", "anything", "another", "another one", "pick up",
                        "delivery", "pickup", "the same", "same", "default", "regular one"})


def change_kind(u: Utterance) -> ParsedRequest | None:
    """"change the milk to skim", "switch the eggs to brown ones", "make it skim": the line's
    product becomes the kind named (SelectOption with a "choice" and, when named, the item).
    Amounts ("change the milk to two") are UpdateQuantity, matched before this."""
    flat = u.flat
    item = None
    if m := _KIND_IT.match(flat):
        kind = m.group("k")
    elif m := _KIND_X.match(flat):
        kind, item = m.group("k"), clean_phrase(m.group("x").split())
        if not item or (_SCHEDULE_WORDS | _NOT_KIND_WORDS).intersection(item.split()) \
                or item in _NOT_KINDS:
            return None
    else:
        return None
    kind = kind.strip()
    if not kind or kind in _NOT_KINDS or (_SCHEDULE_WORDS | _NOT_KIND_WORDS).intersection(kind.split()) \
            or read_quantity(kind.split(), 0, sound_alikes=True).counted:
        return None
    return ParsedRequest("SelectOption", items=[ItemRequest(item)] if item else [],
                         slots={"choice": kind, "kind": True})


def remove_item(u: Utterance, vocabulary: PhraseVocabulary | None) -> ParsedRequest | None:
    """"take milk off my list", "cross out bread", "i don't want eggs"."""
    if _REMOVE_BARE.match(u.flat):
        return ParsedRequest("RemoveItem")
    for pattern in (_REMOVE_PARTICLE, _DONT_WANT, _REMOVE, _DONT_ADD):
        m = pattern.match(u.flat)
        if not m:
            continue
        span = u.span(*m.span("items"))
        if pattern is _DONT_WANT and (span.startswith("to ") or span in ("any", "anything")):
            return ParsedRequest("No")
        if pattern is _DONT_ADD and span.startswith("to "):
            return None
        items = extract_items(span, vocabulary) or [ItemRequest("")]
        return ParsedRequest("RemoveItem", items=items)
    return None


def _only_pronouns(items: list[ItemRequest]) -> bool:
    return all(not i.phrase and i.quantity is None and i.unit is None for i in items)


def add_item(u: Utterance, vocabulary: PhraseVocabulary | None) -> ParsedRequest | None:
    """An order with a verb: "add…", "i need…", "put eggs on my list", "can i get…"."""
    m = _ADD.match(u.flat)
    if not m:
        return None
    span = u.span(*m.span("items"))
    if span in PRONOUNS and span:
        return ParsedRequest("Yes")  # "add it" answers "want me to add it?"
    items = extract_items(span, vocabulary) if span else []
    if items and _only_pronouns(items):
        return ParsedRequest("Yes")
    return ParsedRequest("AddItem", items=items)


def add_then_checkout(u: Utterance, vocabulary: PhraseVocabulary | None) -> ParsedRequest | None:
    """"add milk and eggs and check out": the items are kept and the checkout is passed on as
    slots {"next": "Checkout"}, rather than losing the items to the Checkout rule."""
    m = _ADD.match(u.flat)
    if not m:
        return None
    span = u.span(*m.span("items"))
    tail = _THEN_CHECKOUT.search(span)
    if not tail:
        return None
    rest = span[: tail.start()].strip(" ,")
    items = extract_items(rest, vocabulary) if rest and rest not in PRONOUNS else []
    if not items:
        return None
    return ParsedRequest("AddItem", items=items, slots={"next": "Checkout"})


def verbless_add(u: Utterance, vocabulary: PhraseVocabulary | None) -> ParsedRequest | None:
    """"two gallons of milk", "eggs on my list", or names the catalog knows ("milk and eggs")."""
    flat = u.flat
    if not flat or _QUESTION.match(flat) or u.question:
        return None
    if _ADD_TO_CONTAINER.search(flat):
        items = extract_items(u.text, vocabulary)
        return ParsedRequest("AddItem", items=items) if items else None
    toks = flat.split()
    if len(toks) > 16:
        return None
    items = extract_items(u.text, vocabulary)
    if not items:
        return None
    if read_quantity(toks, 0).counted and items[0].phrase:
        return ParsedRequest("AddItem", items=items)
    if all(i.phrase and known(vocabulary, i.phrase) for i in items):
        return ParsedRequest("AddItem", items=items)
    return None
