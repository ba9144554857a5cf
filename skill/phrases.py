"""Sample phrases per canonical intent: the one source for the Alexa model and the Dialogflow agent.

Placeholders name the slot they stand for, in Alexa's spelling (`{Item}`, `{Quantity}`, ...);
each export maps them onto its own slot or parameter (see SLOTS). Phrases are written the way
Alexa wants sample utterances: lowercase, words only (numbers spelled out), no punctuation but
apostrophes. Keep a phrase in exactly one intent: both platforms train one classifier over all
intents, and the same words under two intents only teach it to guess.

`ShoppingRequest` is Alexa-only: its single AMAZON.SearchQuery slot hands a whole free-form
request ("milk eggs and bread") to our own parser. Alexa requires a carrier phrase around such a
slot and no other slot beside it; Dialogflow needs no such intent, because its webhook parses
`queryText` itself.

No sample is a built-in slot alone or followed only by a filler ("{Option}", "{Option} please"):
npm's virtual-alexa, which the end-to-end tests drive, cannot type AMAZON.Ordinal, DATE or TIME,
so such a sample would catch every unmatched utterance (ending in "please").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# What each placeholder means, independent of platform. The exports translate these.
SLOTS: dict[str, str] = {
    "Item": "a product as spoken",
    "Quantity": "a number of items",
    "Unit": "a canonical unit (gallon, pound, dozen...)",
    "Method": "pickup or delivery",
    "Date": "a calendar day",
    "Time": "a time of day",
    "Option": "an ordinal (the second one)",
    "Number": "a number chosen from a list (number two)",
    "Query": "a free-form shopping request (AMAZON.SearchQuery)",
    "Target": "the placed order, as named (my order, my pickup): the request changes it",
}

# The slots an intent may carry. The Alexa model declares exactly these on the intent.
INTENT_SLOTS: dict[str, tuple[str, ...]] = {
    "AddItem": ("Item", "Quantity", "Unit", "Target"),
    # "remove two bananas", "take one carton of eggs off": without the amount the whole line went
    "RemoveItem": ("Item", "Quantity", "Unit", "Target"),
    "UpdateQuantity": ("Item", "Quantity", "Unit"),
    "ReadCart": ("Item",),
    "ClearCart": (),
    "Checkout": (),
    "SetFulfillment": ("Method", "Date", "Time", "Target"),
    "OrderStatus": (),
    "CancelOrder": (),
    "Reorder": (),
    "SelectOption": ("Option", "Number"),
    "ProductInfo": ("Item", "Quantity", "Unit"),
    "ShoppingRequest": ("Query",),
    "Yes": (), "No": (), "Help": (), "Stop": (), "Cancel": (), "Fallback": (),
}

PHRASES: dict[str, tuple[str, ...]] = {
    "AddItem": (
        "add {Item}", "add {Item} to my cart", "add {Item} to my list",
        "add {Item} to my shopping list", "add {Item} to my grocery list", "add {Quantity} {Item}",
        "add {Quantity} {Unit} of {Item}", "add a {Unit} of {Item}",
        "add {Quantity} {Item} to my cart", "add {Quantity} {Unit} of {Item} to my list",
        "put {Item} on my list", "put {Item} in my cart", "put {Item} on my shopping list",
        "put {Quantity} {Item} in my cart", "put {Quantity} {Unit} of {Item} on my list",
        "please update my grocery list with {Item}", "update my shopping list with {Item}",
        "please add {Item}", "can you add {Item}", "could you add {Quantity} {Item}",
        "also add {Item}", "and {Item}", "throw in {Item}", "throw in {Quantity} {Item}",
        "include {Item}", "i want {Quantity} {Unit} of {Item}",
        "i need {Quantity} {Unit} of {Item}", "i need {Quantity} {Item}",
        "i'd like {Quantity} {Item}", "i'd like a {Unit} of {Item}",
        "get me {Quantity} {Unit} of {Item}", "get me {Quantity} {Item}", "buy {Quantity} {Item}",
        "order {Quantity} {Unit} of {Item}", "grab {Quantity} {Item}",
        "we're out of {Item} add some", "add some {Item}", "add another {Item}", "one more {Item}",
        "add a {Unit} of {Item} to my cart",
        "add {Item} to {Target}", "put {Item} on {Target}", "add {Quantity} {Item} to {Target}",
        "add {Quantity} {Unit} of {Item} to {Target}", "include {Item} in {Target}",
    ),
    "RemoveItem": (
        "remove {Item}", "remove the {Item}", "take the {Item} out", "remove {Item} from my cart",
        "remove {Item} from my list", "remove the {Item} from my grocery list",
        "take {Item} off my list", "take {Item} out of my cart", "take the {Item} off",
        "delete {Item}", "delete {Item} from my cart", "delete {Item} from my list",
        "cross out {Item} from shopping list", "cross off {Item}", "cross {Item} off my list",
        "i don't want {Item}", "i don't want the {Item} anymore", "i don't need {Item} anymore",
        "never mind the {Item}", "forget the {Item}", "drop the {Item}", "scratch the {Item}",
        "get rid of the {Item}", "no more {Item}", "take off {Item}", "remove all the {Item}",
        "skip the {Item}", "leave out the {Item}", "i changed my mind about the {Item}",
        "please remove {Item}", "can you remove {Item} from my cart",
        "remove {Item} from {Target}", "take {Item} off {Target}",
        "remove {Quantity} {Item}", "remove {Quantity} of the {Item}",
        "remove {Quantity} {Unit} of {Item}", "take {Quantity} {Item} off",
        "take {Quantity} {Unit} of {Item} off", "take out {Quantity} {Item}",
        "take away {Quantity} {Item}", "delete {Quantity} {Item}",
        "take {Quantity} {Item} out of my cart", "remove {Quantity} {Item} from {Target}",
        "remove {Quantity} {Unit} of {Item} from {Target}", "take {Quantity} {Item} off {Target}",
    ),
    "UpdateQuantity": (
        "make that {Quantity}", "make it {Quantity}", "make that {Quantity} {Unit}",
        "make it {Quantity} {Unit}", "actually make it {Quantity}", "change that to {Quantity}",
        "change it to {Quantity} {Unit}", "change the {Item} to {Quantity}",
        "change {Item} to {Quantity} {Unit}", "make the {Item} {Quantity}",
        "i want {Quantity} {Item} instead", "update {Item} to {Quantity}",
        "update the {Item} to {Quantity} {Unit}", "set {Item} to {Quantity}",
        "set the quantity of {Item} to {Quantity}", "change the quantity of {Item} to {Quantity}",
        "only {Quantity} {Item}", "just {Quantity} please", "make that {Quantity} {Unit} of {Item}",
        "actually i need {Quantity} {Unit}", "increase {Item} to {Quantity}",
        "reduce {Item} to {Quantity}", "i only need {Quantity}",
        "change the amount of {Item} to {Quantity}", "make that {Quantity} instead",
    ),
    "ReadCart": (
        "what's in my cart", "what is in my cart", "read back my grocery list to me",
        "read my list", "read my shopping list", "read me my cart", "what's on my list",
        "what's on my shopping list", "what do i have in my cart", "what have i got so far",
        "review my cart", "review my order", "list my items", "show me my cart",
        "what's in my basket", "how many items are in my cart", "what's my total",
        "how much is my cart", "go over my list", "read my list back", "is {Item} in my cart",
        "are {Item} in my cart", "are there any {Item} in my cart", "do i have {Item} in my cart",
        "did i add {Item}", "is {Item} on my list", "are {Item} on my list",
        "how many {Item} do i have", "is {Item} in my basket", "is there {Item} in my basket",
        "what do i have in my basket", "did i already add {Item}", "what's in my grocery list",
        "how much do i owe", "what do i owe",
    ),
    "ClearCart": (
        "clear my cart", "empty my cart", "clear my list", "start over", "remove everything",
        "delete everything in my cart", "empty my shopping list", "clear my grocery list",
        "wipe my cart", "remove all items", "take everything out of my cart", "start a new list",
        "throw out my whole list", "reset my cart", "clear everything", "get rid of everything",
        "empty the cart",
    ),
    "Checkout": (
        "check out", "checkout", "check me out", "that's everything check me out",
        "that's all check me out", "i'm ready to check out", "place my order", "place the order",
        "submit my order", "complete my order", "finish my order", "proceed to checkout",
        "let's check out", "go to checkout", "i'm done shopping", "buy everything in my cart",
        "confirm my order", "i'm finished shopping", "send my order", "pay now", "ring me up",
        "that's everything", "that's all i need", "i'm ready to order",
    ),
    "SetFulfillment": (
        "{Method}", "{Method} please", "i want {Method}", "i'd like {Method}", "make it {Method}",
        "i'll do {Method}", "switch to {Method}", "change to {Method}", "i'd prefer {Method}",
        "{Method} {Date} at {Time}", "{Method} {Date}", "i want {Method} on {Date}",
        "i want {Method} at {Time}", "schedule {Method} for {Date} at {Time}",
        "schedule it for {Date} at {Time}", "i'll pick it up {Date} at {Time}",
        "i'll pick it up {Date}", "i'll pick it up at {Time}", "i'll pick it up {Time}",
        "can you deliver it on {Date}", "deliver it on {Date}", "i'll collect it {Date}",
        "i'll come get it at {Time}", "deliver it {Date}", "deliver it {Date} at {Time}",
        "can you deliver {Date}", "i want it delivered {Date} at {Time}",
        "bring it {Date} at {Time}", "set it for {Date} at {Time}", "{Date} at {Time}", "at {Time}",
        "on {Date}", "around {Time}", "{Date} around {Time}",
        "move {Target} to {Time}", "move {Target} to {Date}", "move {Target} to {Date} at {Time}",
        "change {Target} to {Date}", "change {Target} to {Time}", "switch {Target} to {Method}",
        "change {Target} to {Method}", "can i change {Target} to {Time}",
        "reschedule {Target} for {Date}",
    ),
    "OrderStatus": (
        "what's the status of my order", "where is my order", "where's my order", "order status",
        "check my order status", "check on my order", "is my order ready",
        "when will my order be ready", "when is my delivery coming",
        "when will my groceries arrive", "track my order", "is my order on the way",
        "what's happening with my order", "status of my last order", "when can i pick up my order",
        "is my pickup ready", "how long until my order arrives", "what time is my delivery",
        "what are my orders", "has my order been placed", "when is my pickup",
        "what time is my pickup",
    ),
    "CancelOrder": (
        "cancel my grocery order", "cancel my order", "cancel the order", "cancel my last order",
        "cancel my delivery", "cancel my pickup", "i want to cancel my order",
        "please cancel my order", "don't send my order", "stop my order", "call off my order",
        "i don't want my order anymore", "cancel today's order", "cancel the grocery delivery",
        "scrap my order",
    ),
    # "my usual" (the whole history) is OrderUsualIntent below: this intent is the last order
    "Reorder": (
        "reorder my last order", "reorder", "order the same as last time", "repeat my last order",
        "same as last week", "redo my last order", "order again", "same order as last time",
        "order what i got last time", "order my last order again",
    ),
    "SelectOption": (
        "the {Option} one", "the {Option}",
        "i'll take the {Option} one", "i want the {Option} one", "give me the {Option} one",
        "let's go with the {Option} one", "pick the {Option} one", "choose the {Option}",
        "select the {Option} one", "the {Option} option", "the {Option} please",
        "make it the {Option} one", "number {Number}", "option {Number}", "option number {Number}",
        "i'll take number {Number}", "go with number {Number}", "choice {Number}",
    ),
    "ProductInfo": (
        "how much is {Item}", "how much are {Item}", "how much does {Item} cost",
        "how much do {Item} cost", "what's the price of {Item}", "what is the price of {Item}",
        "price of {Item}", "price check on {Item}", "how much for {Item}", "what does {Item} cost",
        "how much is a {Unit} of {Item}", "how much are {Quantity} {Unit} of {Item}",
        "do you have {Item}", "do you carry {Item}", "do you sell {Item}", "have you got {Item}",
        "is {Item} in stock", "are {Item} in stock", "is there any {Item}", "is {Item} available",
        "are there any {Item} in stock", "what's the cheapest {Item}", "which {Item} is cheapest",
        "what's the best deal on {Item}", "what's the best value {Item}", "tell me about {Item}",
        "what kinds of {Item} do you have",
    ),
    "ShoppingRequest": (
        "i need {Query}", "we need {Query}", "get me {Query}", "i need to get {Query}",
        "i'd like to buy {Query}", "buy {Query}", "grab {Query}", "pick up {Query}",
        "can i get {Query}", "can you get me {Query}", "add these items {Query}",
        "add all of these {Query}", "put these on my list {Query}", "here's my list {Query}",
        "my list is {Query}", "i want to order {Query}", "we're out of {Query}",
        "we ran out of {Query}", "i'm out of {Query}", "shopping for {Query}",
        "i have a question {Query}", "quick question {Query}", "i was wondering {Query}",
    ),
    "Yes": (
        "yes", "yeah", "yep", "sure", "okay", "please do", "go ahead", "sounds good",
        "that's right", "correct", "yes please", "do it", "absolutely", "of course", "that works",
    ),
    "No": (
        "no", "nope", "no thanks", "not now", "no thank you", "nah", "not really", "that's wrong",
        "i don't think so", "don't do that",
    ),
    "Help": (
        "help", "help me", "what can i say", "what can you do", "how does this work", "i need help",
        "how do i use this", "give me some examples", "how do i add items", "what do i say",
        "what are my options", "what are the options",
    ),
    "Stop": (
        "stop", "quit", "exit", "goodbye", "bye", "shut up", "leave", "end", "close", "i'm leaving",
    ),
    "Cancel": (
        "cancel", "never mind", "forget it", "cancel that", "nevermind",
    ),
    # Dialogflow reads a fallback intent's training phrases as negative examples: talk the agent
    # should not take for a shopping request.
    "Fallback": (
        "what's the weather", "tell me a joke", "play some music", "what time is it in tokyo",
        "who won the game last night", "turn on the lights", "set an alarm", "call my mom",
    ),
}

@dataclass(frozen=True)
class CarriedRequest:
    """An Alexa-only intent for a request our own parser reads (substitutions, delivery notes,
    stores: intents.parsing.rules_prefs; the usual; a line's kind). Alexa sends no transcript, so the request is rebuilt
    as `said` followed by the words of its Query slot, when the sample has one: "no subs for
    {Query}" heard as "no subs for the milk" reaches the parser as "no substitutions for the
    milk". Dialogflow needs none of these: its webhook reads `queryText` itself."""

    said: str
    samples: tuple[str, ...]
    # the canonical intent this request is; its slot-less samples also train that intent in the
    # Dialogflow agent (whose webhook reads the words), since Dialogflow has no carried intents
    intent: str = ""


# Alexa intent name -> what it carries. Samples are unique across all intents (Alexa refuses
# a model where two intents share one), so each is written for exactly one meaning.
CARRIED_REQUESTS: dict[str, CarriedRequest] = {
    "NoSubstitutionsIntent": CarriedRequest("no substitutions for", (
        "no substitutions for {Query}", "no substitution for {Query}", "no subs for {Query}",
        "don't substitute {Query}", "do not substitute {Query}", "don't replace {Query}",
        "no replacements for {Query}")),
    "NoSubstitutionsAtAllIntent": CarriedRequest("no substitutions", (
        "no substitutions", "no substitutions please", "don't substitute anything",
        "i don't want any substitutions", "no substitutions at all")),
    "SubstitutionsFineIntent": CarriedRequest("substitutions are fine", (
        "substitutions are fine", "substitutions are okay", "substitutions are allowed",
        "allow substitutions", "you can substitute", "feel free to substitute")),
    "SubstituteIfOutIntent": CarriedRequest("if they're out of", (
        "if they're out of {Query}", "if you're out of {Query}", "if you don't have {Query}",
        "if they don't have {Query}", "if the store is out of {Query}")),
    "DeliveryNoteIntent": CarriedRequest("tell the driver", (
        "tell the driver {Query}", "tell the driver to {Query}", "delivery note {Query}",
        "delivery instructions {Query}", "note for the driver {Query}",
        "add a delivery note {Query}")),
    "LeaveItIntent": CarriedRequest("leave it", (
        "leave it {Query}", "leave the groceries {Query}", "drop it off {Query}")),
    "RingTheBellIntent": CarriedRequest("ring the bell", (
        "ring the bell", "ring the doorbell", "please ring the bell")),
    "UnattendedDeliveryIntent": CarriedRequest("deliver while I'm not home", (
        "deliver while i'm not home", "you can leave it if i'm not home",
        "it's okay to leave it if i'm not home", "unattended delivery is fine",
        "deliver even if i'm not home")),
    "ClearDeliveryNotesIntent": CarriedRequest("no delivery notes", (
        "no delivery notes", "clear the delivery notes", "remove my delivery notes",
        "delete the delivery instructions")),
    "StoresNearMeIntent": CarriedRequest("which stores are near me", (
        "which stores are near me", "what stores are near me", "stores near me",
        "where is the nearest store", "find a store near me", "what's the closest store")),
    "StoresNearIntent": CarriedRequest("stores near", (
        "which stores are near {Query}", "what stores are near {Query}",
        "find a store near {Query}", "stores near zip code {Query}")),
    "StoreHoursIntent": CarriedRequest("what are the store hours", (
        "what are the store hours", "what are your hours", "when does the store close",
        "when does the store open", "is the store open", "what time does the store close")),
    "NamedStoreHoursIntent": CarriedRequest("what are the hours of the", (
        "what are the hours of the {Query}", "when does the {Query} close",
        "when does the {Query} open", "what time does the {Query} close",
        "what time does the {Query} open")),
    "UseStoreIntent": CarriedRequest("use the", (
        "use the {Query}", "switch to the {Query}", "change my store to the {Query}",
        "i want to use the {Query}")),
    "PickUpAtStoreIntent": CarriedRequest("pick up at the", (
        "pick up at the {Query}", "i'll pick it up at the {Query}",
        "i want to pick up at the {Query}")),
    "WhichStoreIntent": CarriedRequest("which store am I using", (
        "which store am i using", "what store am i using", "what is my store")),
    # ReorderIntent has no slot to tell "my usual" (most often, over the whole history) from
    # "my last order", so the usual is its own intent
    "OrderUsualIntent": CarriedRequest("order my usual", (
        "order my usual groceries", "order my usual", "get my usual", "buy my usual groceries",
        "i want my regular order", "order my regulars", "do my usual order",
        "place my usual order", "add my usual items", "add my usual"), intent="Reorder"),
    # "change the milk to skim" would reach UpdateQuantityIntent with no number: the kind
    # of a line is its own intent, its words read by our parser
    "SwitchKindIntent": CarriedRequest("switch the", (
        "switch the {Query}", "swap the {Query}", "change the {Query} instead",
        "switch my {Query}")),
    # OrderStatusIntent has no slot to ask for the items rather than where the order stands
    "WhatDidIOrderIntent": CarriedRequest("what did I order", (
        "what did i order", "what's in my order", "what is in my order", "repeat back my order",
        "which items are in my order", "what did i get in my order"), intent="OrderStatus"),
    "MakeItKindIntent": CarriedRequest("make it", (
        "make it {Query} instead", "i want it {Query} instead", "make them {Query} instead")),
}


def carried_text(intent_name: str, query: str | None) -> str:
    """The request an Alexa carried intent stands for, in words our parser reads."""
    carried = CARRIED_REQUESTS[intent_name]
    return f"{carried.said} {query.strip()}" if query and query.strip() else carried.said


PLACEHOLDER = re.compile(r"\{([A-Za-z]+)\}")


def placeholders(phrase: str) -> list[str]:
    """Slot names referenced by a phrase, in order."""
    return PLACEHOLDER.findall(phrase)


@dataclass(frozen=True)
class Segment:
    """A piece of a phrase: literal text (`slot` None) or a slot reference."""

    text: str
    slot: str | None = None


def segments(phrase: str) -> list[Segment]:
    """Split "add {Quantity} {Item}" into literal and slot pieces, keeping every space."""
    out: list[Segment] = []
    pos = 0
    for m in PLACEHOLDER.finditer(phrase):
        if m.start() > pos:
            out.append(Segment(phrase[pos:m.start()]))
        out.append(Segment(m.group(0), m.group(1)))
        pos = m.end()
    if pos < len(phrase):
        out.append(Segment(phrase[pos:]))
    return out


def phrases_for(intent: str) -> tuple[str, ...]:
    """A canonical intent's training phrases for the Dialogflow agent: its own, and the slot-less
    samples of the Alexa carried requests that are this intent ("order my usual" is a Reorder)."""
    carried = tuple(sample for c in CARRIED_REQUESTS.values() if c.intent == intent
                    for sample in c.samples if "{" not in sample)
    return PHRASES.get(intent, ()) + carried
