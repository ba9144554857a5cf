"""Questions about money and rules: the cart total, the delivery fee and when it is free, the
minimum order, the slot chosen. They are ReadCart with slots {"about": ...}: each is answered
from the shopper's cart and store, and none of them may hold a slot or change the cart.

    "how much do i owe"          -> ReadCart {"about": "total"}
    "is delivery free"           -> ReadCart {"about": "delivery_fee"}
    "is there a minimum"         -> ReadCart {"about": "minimum"}
    "what time slot do i have"   -> ReadCart {"about": "slot"}

Questions about a placed order ("when is my pickup", "what time is my delivery") are
OrderStatus, matched before these.
"""
from __future__ import annotations

import re

from ..model import ParsedRequest
from .text import Utterance

_CART = r"(?:my |the )?(?:cart|list|basket|order|groceries|stuff|bill|shopping)"
_TOTAL = re.compile(
    r"^(?:so )?(?:how much|what) (?:do|will|would) (?:i|we) (?:owe|pay|have to pay|need to pay|"
    r"be paying|be charged|spend)(?: you| for (?:it|this|everything|it all|all this|" + _CART + r"))?"
    r"(?: so far| right now| now| in total| altogether| all together)?$"
    r"|^what is (?:my|the) (?:cart |order )?(?:total|subtotal|damage)(?: so far| right now)? ?(?:now)?$"
    r"|^how much (?:is|does) (?:everything|it all|all this|all of it|" + _CART + r") "
    r"(?:come to|add up to|cost)(?: so far)?$"
    r"|^(?:what is|what does) (?:the|my) (?:damage|bill)(?: come to)?$"
    r"|^how much (?:have i|did i) (?:spent|spend|got|added)(?: so far)?$"
)
_FEE = re.compile(
    r"^(?:what is|how much is|what are|how much are|tell me|what do you charge for|"
    r"how much do you charge for|how much does it cost for|how much for)"
    r" (?:the |your |a |my )?(?:delivery|delivery fee|delivery fees|delivery charge|delivery cost|"
    r"fee for delivery|charge for delivery|cost of delivery|shipping)(?: fee| cost| charge)?$"
    r"|^how much (?:does|is|will|would) (?:the )?delivery (?:cost|be|run)(?: me)?$"
    r"|^(?:is|are) (?:there )?(?:a |any )?(?:delivery|delivery fee|delivery fees|"
    r"delivery charge|fee for delivery|charge for delivery)(?: fee| charge| free)?$"
    r"|^(?:is|does) delivery (?:free|cost (?:anything|extra|money))$"
    r"|^(?:do you|do i have to|will you|does it) (?:charge|pay)(?: (?:me|extra|anything|a fee))?"
    r" (?:for|to) (?:delivery|deliver)$"
    r"|^(?:when|how) (?:is|do i get|can i get|does) (?:the )?(?:delivery )?(?:free|free delivery)"
    r"(?: delivery)?(?: start| kick in| apply)?$"
    r"|^(?:what is the )?(?:minimum )?(?:amount |order )?(?:for|to get) free delivery$"
    r"|^how much (?:do i|do you|does one) (?:need|have) to (?:spend|order|buy)(?: to| for)"
    r" (?:get )?free delivery$"
    r"|^do you (?:have|offer|do) free delivery$"
)
_MINIMUM = re.compile(
    r"^(?:is there|do you have|do you guys have|have you got|is there any|what is|what is the|"
    r"tell me the|how much is the|how much is)"
    r" (?:a |the |any |your )?(?:minimum|min|order minimum|minimum order|minimum purchase|"
    r"minimum amount|minimum spend)(?: order| purchase| amount| spend| to order| for an order)?$"
    r"|^how much (?:do i|do you|does one) (?:need|have) to (?:spend|order|buy)(?: at least)?"
    r"(?: to (?:order|check out|place an order))?$"
    r"|^what is the (?:least|smallest (?:order|amount)) i can (?:order|spend)$"
    r"|^(?:do i|do we) (?:need|have) to (?:spend|order) a minimum$"
)
_SLOT_NOUN = r"(?:(?:pick up |delivery )?(?:slot|time slot|window|time window|delivery window|pick up window)|reservation)"
_SLOT = re.compile(
    rf"^(?:what|which) (?:is |was )?(?:my |the )?{_SLOT_NOUN}(?: do i have| did i (?:pick|choose|get|book|reserve)"
    rf"| am i in| is (?:it|that)| is held| have i got)?$"
    rf"|^(?:what|which) (?:time |slot |window )(?:do i have|did i (?:pick|choose|get|book|reserve)|"
    rf"have i (?:picked|chosen|got|booked|reserved)|is held)$"
    rf"|^when is my {_SLOT_NOUN}$"
    rf"|^(?:do i have|have i got|did i (?:get|pick|choose|book)) (?:a |my )?{_SLOT_NOUN}(?: yet)?$"
)


def money_question(u: Utterance) -> ParsedRequest | None:
    """A question about the total, fees, the minimum or the chosen slot; else None."""
    flat = u.flat
    for about, pattern in (("total", _TOTAL), ("delivery_fee", _FEE), ("minimum", _MINIMUM),
                           ("slot", _SLOT)):
        if pattern.match(flat):
            return ParsedRequest("ReadCart", slots={"about": about})
    return None


# "what are my options", "what are the choices": during a choice, the choice said again
_OPTIONS = re.compile(r"^(?:what|which) (?:are|were) (?:my|the|your) (?:options|choices)(?: again)?$"
                      r"|^(?:options|choices|what options|what choices)(?: again)?$"
                      r"|^(?:say|tell me|read|repeat|give me) (?:me )?(?:my |the )?(?:options|choices)"
                      r"(?: again)?$"
                      r"|^what (?:did you say|were they|are they) again$")


def options_question(u: Utterance) -> ParsedRequest | None:
    """Help that asks for the pending choice again (the handler repeats it)."""
    return ParsedRequest("Help", slots={"options": True}) if _OPTIONS.match(u.flat) else None
