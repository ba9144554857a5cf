"""Conversation-level intents: Yes, No, Help, Stop, Cancel, and SelectOption.

The short answers are whole-utterance lexicons: an utterance is Yes only when every word
belongs to a yes phrase ("yeah sure go ahead"), so "yes add eggs" is left for the prefix rule
in the parser to read as AddItem.
"""
from __future__ import annotations

import re

from ..model import ParsedRequest
from .numbers import read_cardinal, read_ordinal
from .text import Utterance


def _phrases(*items: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(p.split()) for p in items)


YES = _phrases(
    "yes", "yeah", "yep", "yup", "ya", "yah", "yea", "yes sir", "sure", "okay", "all right",
    "correct", "right", "that is right", "that is correct", "exactly", "go ahead", "do it",
    "please do", "absolutely", "definitely", "of course", "sounds good", "sounds great",
    "confirm", "confirmed", "affirmative", "sure thing", "why not", "perfect", "great",
    "that works", "works for me", "i do", "it is", "please", "uh huh", "mhm", "mm hmm",
    "certainly", "indeed", "fine", "good", "cool", "awesome", "excellent", "you bet",
    "yes it is", "do that", "let us do it", "go for it", "i would like that", "add it",
    "add that", "add them", "add those", "i will take it", "i will take that", "take it",
    "i am sure", "true", "aye", "totally", "for sure", "proceed", "that one", "that is fine",
    "that is good", "that is great", "that is perfect", "yes i do", "yes it is",
    "that is the one", "you got it", "let us do that", "i agree", "agreed", "then",
)
NO = _phrases(
    "no", "not", "nope", "nah", "no thanks", "no thank you", "not really", "negative", "no way",
    "not now", "not yet", "i do not think so", "wrong", "incorrect", "that is wrong",
    "that is not right", "that is incorrect", "neither", "none", "none of them",
    "none of those", "neither of them", "neither one", "not that one", "nothing",
    "nothing else", "that is all", "that is it", "i am good", "i am fine", "i am done",
    "all done", "done", "i am all set", "all set", "we are good", "we are done", "not today",
    "no need", "do not", "i do not", "do not do that", "thanks", "thank you", "never",
    "false", "nothing more", "not interested", "that will be all", "that is everything",
    "that is enough", "no more", "i do not want it", "i do not want any", "i do not want that",
    "not that", "i am okay", "we are all set", "nah thanks", "that should be it",
    "i think that is it", "i think that is all", "i do not want anything", "nothing for now",
    "not for now", "that will do", "i changed my mind",
)
STOP = _phrases(
    "stop", "stop it", "exit", "quit", "goodbye", "good bye", "bye", "bye bye", "see you",
    "see ya", "later", "close", "close the app", "close the skill", "end", "shut up",
    "be quiet", "go away", "leave", "go home", "home", "exit the skill", "turn off", "enough",
    "stop shopping", "stop talking", "end session", "that is enough for now", "i am leaving",
    "exit skill", "quit shopping", "cancel and exit", "good night", "stop listening",
)
CANCEL = _phrases(
    "cancel", "never mind", "forget it", "forget that", "forget about it", "cancel that",
    "abort", "cancel this", "never mind that",
    "ignore that", "disregard", "disregard that", "start over", "start again", "cancel it",
    "forget i said that", "never mind then",
)
# Taking back the last cart change is a correction, not the end of the conversation: it is
# RemoveItem with slots {"undo": True} (there is no canonical Undo intent).
UNDO = _phrases(
    "undo", "undo that", "undo it", "scratch that", "take that back", "oops", "undo the last one",
    "undo the last change", "undo my last change", "go back", "put it back", "put that back",
)
# Pauses are not requests: "give me a second" must not order a "second".
PAUSE = _phrases(
    "hold on", "wait", "one second", "one moment", "just a second", "give me a second",
    "hang on", "just a minute", "one sec", "hold on a second", "let me think", "let me see",
    "give me a minute", "wait a second", "wait a minute", "just a moment", "hmm", "um",
)
HELP = _phrases(
    "help", "help me", "help me out", "i need help", "i need some help", "instructions",
    "give me instructions", "tips", "examples", "give me examples", "what can i say",
    "what can you do", "what can i do", "what can i ask", "what do i say",
    "what should i say", "how does this work", "how does it work", "how do you work",
    "what are my options", "what are the options", "what are the commands",
    "what is this", "what do you do", "what are you", "tutorial", "menu", "options",
    "how do i use this", "how do i use you", "how do i use it", "how does this skill work",
    "i am confused", "i do not understand", "what", "huh", "say that again",
    "how do i shop", "how do i order", "what can i order", "how can you help",
    "how can you help me", "repeat that", "i do not know what to say",
)
_HELP_RE = re.compile(
    r"^(?:how (?:do|can) i (?:use|add|remove|order|shop|check out|change|delete|cancel|pay|"
    r"set|schedule|pick|get)\b.*"
    r"|(?:do|can) you (?:guys )?(?:deliver|do (?:delivery|deliveries|pick up|curbside)|"
    r"offer (?:delivery|pick up|curbside))\b.*"
    r"|how (?:does|do) (?:delivery|pick up|curbside|checkout|check out|payment)\b.*"
    r"|(?:how much|what) (?:is|are|does) (?:the )?(?:delivery|pick up|curbside|service)"
    r"(?: fee| fees| charge| cost)?(?: cost)?"
    r"|what (?:is|are) (?:the )?(?:delivery|pick up|service) (?:fee|fees|charge|cost|hours)"
    r"|what (?:are )?(?:your|the) (?:store )?hours)$"
)
_MAX_PHRASE = 6


def covered(tokens: list[str], phrases: frozenset[tuple[str, ...]]) -> bool:
    """Can `tokens` be cut into phrases of the set, with nothing left over?"""
    if not tokens:
        return False
    ok = [True] + [False] * len(tokens)
    for end in range(1, len(tokens) + 1):
        for n in range(1, min(_MAX_PHRASE, end) + 1):
            if ok[end - n] and tuple(tokens[end - n : end]) in phrases:
                ok[end] = True
                break
    return ok[-1]


def lexicon_intent(u: Utterance) -> ParsedRequest | None:
    """Short answers said on their own: "yeah sure", "no thanks", "goodbye", "never mind"."""
    toks = u.tokens
    if not toks:
        return None
    if covered(toks, UNDO):
        return ParsedRequest("RemoveItem", slots={"undo": True})
    for intent, phrases in (("Stop", STOP), ("Cancel", CANCEL), ("Help", HELP),
                            ("No", NO), ("Yes", YES), ("Fallback", PAUSE)):
        if covered(toks, phrases):
            return ParsedRequest(intent)
    if _HELP_RE.match(u.flat):
        return ParsedRequest("Help")
    return None


# Answers that can open a longer request: "yes add eggs", "no make that two".
_YES_OPENERS = _phrases(
    "yes", "yeah", "yep", "yup", "ya", "yah", "yea", "sure", "okay", "all right", "absolutely",
    "definitely", "of course", "perfect", "great", "cool", "correct", "fine", "good", "awesome",
    "sounds good", "yes please", "okay then", "sure thing", "right",
)
_NO_OPENERS = _phrases("no", "nope", "nah", "no thanks", "no thank you", "not really")


# "i don't want to check out yet", "don't cancel my order": a refusal, never the action named.
_NEGATED = re.compile(
    r"^(?:i|we) (?:do not|will not|would not|no longer|really do not|did not|do not really)"
    r" (?:want|need|wish|mean|plan|intend) to\b"
    r"|^(?:do not|never) (?!add\b|get\b|buy\b|include\b|put\b|order\b|forget\b|want\b|"
    r"need\b|more\b|that one\b)\w+"
)


def negated_request(u: Utterance) -> ParsedRequest | None:
    return ParsedRequest("No") if _NEGATED.match(u.flat) else None


def leading_answer(tokens: list[str]) -> tuple[str, list[str]] | None:
    """("Yes", rest) for "yes add eggs", ("No", rest) for "no make that two"."""
    if tuple(tokens[:2]) in (("no", "more"), ("no", "need")):
        return None
    for n in (3, 2, 1):
        head = tuple(tokens[:n])
        if len(tokens) > n:
            if head in _YES_OPENERS:
                return "Yes", tokens[n:]
            if head in _NO_OPENERS:
                return "No", tokens[n:]
    return None


# Lead-ins before a choice: "i'll take the second one", "go with the organic one".
_SELECT_LEADS = tuple(tuple(p.split()) for p in sorted((
    "i will take", "i will go with", "i will have", "i will get", "go with", "let us go with",
    "let us do", "let us get", "i choose", "i pick", "i want", "i would like", "i prefer",
    "give me", "how about", "what about", "make it", "pick", "choose", "select", "take",
    "do", "get", "use", "i think", "probably", "maybe", "it is", "that is", "i mean",
    "i would prefer", "i will go for", "go for", "i would go with", "i need", "add",
), key=lambda p: -len(p.split())))
_CHOICE_NOUNS = frozenset({"one", "option", "choice", "item", "result", "product", "kind",
                           "version", "brand", "ones"})
_NOT_CHOICE = frozenset({"which", "what", "another", "any", "no", "every", "some", "each",
                         "this", "that", "other", "next", "same", "a", "an"})
_ONE_WITH = re.compile(r"^(?:the |that )?one (?:with|that is|that has|from|by|in|on|made by|"
                       r"without|which is|labeled|called|for) (?P<c>.+)$")


def strip_choice_lead(tokens: list[str]) -> list[str]:
    for lead in _SELECT_LEADS:
        if tuple(tokens[: len(lead)]) == lead and len(tokens) > len(lead):
            return tokens[len(lead):]
    return tokens


def select_option(u: Utterance, *, bare_numbers: bool = True) -> ParsedRequest | None:
    """"the second one", "number three", "2", "the last one", "the organic one"."""
    toks = strip_choice_lead(u.tokens)
    if toks and toks[0] in ("the", "that", "this"):
        body = toks[1:]
    else:
        body = toks
    if not body:
        return None
    got = read_ordinal(body, 0)
    if got and (got[1] == len(body) or (got[1] == len(body) - 1 and body[-1] in _CHOICE_NOUNS)):
        return ParsedRequest("SelectOption", slots={"option": got[0]})
    if body[0] in ("number", "option", "choice", "item", "no") and len(body) > 1:
        num = read_cardinal(body, 1)
        if num and num[1] == len(body) and float(num[0]).is_integer():
            return ParsedRequest("SelectOption", slots={"option": int(num[0])})
    if bare_numbers and toks is body:
        num = read_cardinal(body, 0)
        if num and num[1] == len(body) and float(num[0]).is_integer() and 0 < num[0] < 100:
            return ParsedRequest("SelectOption", slots={"option": int(num[0])})
    if m := _ONE_WITH.match(" ".join(toks)):
        return ParsedRequest("SelectOption", slots={"choice": m.group("c")})
    if 2 <= len(body) <= 4 and body[-1] in ("one", "ones", "kind", "version", "brand") \
            and body[0] not in _NOT_CHOICE and toks is not body:
        return ParsedRequest("SelectOption", slots={"choice": " ".join(body[:-1])})
    return None
