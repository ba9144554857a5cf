"""Intent recognition: every canonical intent, with fillers and real shopper phrasings, and
the requests that must never become an action."""
from __future__ import annotations

import pytest

from intents.model import CANONICAL_INTENTS
from intents.parsing.parser import parse


INTENTS = [
    # AddItem, with fillers and list wording
    ("add milk", "AddItem"),
    ("um alexa can you add milk please", "AddItem"),
    ("ok google add two gallons of milk", "AddItem"),
    ("hey could you put eggs in my basket", "AddItem"),
    ("please update my grocery list with one gallon of two percent milk", "AddItem"),
    ("put eggs on my list", "AddItem"),
    ("add eggs to my trolley", "AddItem"),
    ("i need apples a bag of carrots and two cans of tomato sauce", "AddItem"),
    ("we're out of milk", "AddItem"),
    ("don't forget the eggs", "AddItem"),
    ("get me some paper towels", "AddItem"),
    ("i'd like a dozen eggs", "AddItem"),
    ("can i get a gallon of milk", "AddItem"),
    ("pick up some milk", "AddItem"),
    ("two gallons of milk", "AddItem"),
    ("eggs on my list", "AddItem"),
    ("milk and eggs", "AddItem"),
    ("yes add eggs", "AddItem"),
    ("reorder milk", "AddItem"),
    ("place an order for bananas", "AddItem"),
    ("add", "AddItem"),
    # RemoveItem
    ("remove the apples", "RemoveItem"),
    ("take the ketchup out", "RemoveItem"),
    ("take milk off my list", "RemoveItem"),
    ("cross out bread from shopping list", "RemoveItem"),
    ("i don't want eggs", "RemoveItem"),
    ("we don't need bread anymore", "RemoveItem"),
    ("delete the bananas from my cart", "RemoveItem"),
    ("get rid of the chips", "RemoveItem"),
    ("cancel the eggs", "RemoveItem"),
    ("don't add milk", "RemoveItem"),
    ("no more eggs", "RemoveItem"),
    ("remove", "RemoveItem"),
    # UpdateQuantity
    ("make that three", "UpdateQuantity"),
    ("actually make it two gallons", "UpdateQuantity"),
    ("change the lemons to four", "UpdateQuantity"),
    ("make the milk two gallons", "UpdateQuantity"),
    ("set the apples to 5", "UpdateQuantity"),
    ("actually three", "UpdateQuantity"),
    ("i want three instead", "UpdateQuantity"),
    ("just two", "UpdateQuantity"),
    ("no make that two", "UpdateQuantity"),
    ("two more", "UpdateQuantity"),
    # ReadCart
    ("what's in my cart", "ReadCart"),
    ("what do i have in my basket", "ReadCart"),
    ("read back my grocery list to me", "ReadCart"),
    ("read me my shopping list", "ReadCart"),
    ("what's on my list", "ReadCart"),
    ("how much is my cart", "ReadCart"),
    ("what's my total", "ReadCart"),
    ("is there milk in my basket", "ReadCart"),
    ("are eggs in my cart", "ReadCart"),
    ("did i add milk", "ReadCart"),
    ("how many eggs do i have", "ReadCart"),
    # ClearCart
    ("clear my cart", "ClearCart"),
    ("empty my basket", "ClearCart"),
    ("remove everything from my list", "ClearCart"),
    ("delete all items from my trolley", "ClearCart"),
    # Checkout
    ("check out", "Checkout"),
    ("that's everything, check me out", "Checkout"),
    ("place my order", "Checkout"),
    ("i'm ready to check out", "Checkout"),
    # SetFulfillment
    ("i'll pick it up tomorrow at five pm", "SetFulfillment"),
    ("can you deliver it on saturday", "SetFulfillment"),
    ("i'll pick it up this evening", "SetFulfillment"),
    ("curbside please", "SetFulfillment"),
    ("switch to delivery", "SetFulfillment"),
    ("tomorrow at noon", "SetFulfillment"),
    ("make it 6 pm instead", "SetFulfillment"),
    # OrderStatus
    ("what's the status of my order", "OrderStatus"),
    ("where is my order", "OrderStatus"),
    ("when will my groceries arrive", "OrderStatus"),
    ("is my order ready", "OrderStatus"),
    ("track my delivery", "OrderStatus"),
    # CancelOrder vs Cancel
    ("cancel my grocery order", "CancelOrder"),
    ("cancel my order", "CancelOrder"),
    ("i want to cancel the order", "CancelOrder"),
    ("cancel", "Cancel"),
    # undo is a correction of the cart, not the end of the conversation
    ("undo", "RemoveItem"),
    ("scratch that", "RemoveItem"),
    ("undo that please", "RemoveItem"),
    ("never mind", "Cancel"),
    ("forget it", "Cancel"),
    ("cancel that", "Cancel"),
    # Reorder
    ("order my usual groceries", "Reorder"),
    ("reorder my last order", "Reorder"),
    ("same as last time", "Reorder"),
    ("buy it again", "Reorder"),
    # SelectOption
    ("the first one", "SelectOption"),
    ("number three", "SelectOption"),
    ("the last one", "SelectOption"),
    ("the organic one", "SelectOption"),
    ("give me the second one", "SelectOption"),
    ("2", "SelectOption"),
    # Yes / No
    ("sure", "Yes"), ("yep", "Yes"), ("yeah", "Yes"), ("go ahead", "Yes"), ("yes please", "Yes"),
    ("okay", "Yes"), ("add it", "Yes"),
    ("nope", "No"), ("no thanks", "No"), ("no", "No"), ("not now", "No"), ("that's all", "No"),
    ("i don't want to check out yet", "No"), ("don't cancel my order", "No"),
    # Help / Stop
    ("help", "Help"), ("how does this work", "Help"), ("what can i say", "Help"),
    ("how do i add items", "Help"), ("do you deliver", "Help"), ("how much is delivery", "ReadCart"),
    ("stop", "Stop"), ("exit", "Stop"), ("quit", "Stop"), ("goodbye", "Stop"),
    # ProductInfo
    ("how much is a gallon of whole milk", "ProductInfo"),
    ("how much are bananas", "ProductInfo"),
    ("do you have almond milk", "ProductInfo"),
    ("do you carry greek yogurt", "ProductInfo"),
    ("is fresh thyme in stock", "ProductInfo"),
    ("what's the cheapest peanut butter", "ProductInfo"),
    ("is there any oat milk available", "ProductInfo"),
    ("can i get fresh basil?", "ProductInfo"),
    ("what kinds of cereal do you have", "ProductInfo"),
    ("is milk on sale", "ProductInfo"),
    ("where can i find the peanut butter", "ProductInfo"),
    # Fallback
    ("tell me a joke", "Fallback"),
    ("what's the weather", "Fallback"),
    ("play some music", "Fallback"),
    ("set a timer for ten minutes", "Fallback"),
    ("what time is it", "Fallback"),
    ("give me a second", "Fallback"),
]


@pytest.mark.parametrize(("text", "intent"), INTENTS)
def test_intent(text, intent, parse_text):
    assert parse_text(text).intent == intent


def test_every_canonical_intent_is_covered_by_the_table():
    assert {intent for _, intent in INTENTS} == set(CANONICAL_INTENTS)


QUESTIONS = [
    "how much is a gallon of whole milk", "how much are bananas", "how much for a dozen eggs",
    "do you have almond milk", "do you carry greek yogurt", "do you sell oat milk",
    "is fresh thyme in stock", "are strawberries in stock", "is there any bread left",
    "is there almond milk available", "are there any avocados", "what's the cheapest peanut butter",
    "which yogurt is the cheapest", "what's the best value olive oil", "can i get fresh basil?",
    "can i get two pounds of salmon?", "can i buy milk here", "what's the price of eggs",
    "what does a pound of ground beef cost", "have you got any bread", "is milk on sale",
    "should i add milk?", "what about eggs", "why did you add milk", "did you remove the eggs",
    "who makes the best peanut butter", "is it cheaper to buy two gallons",
]


@pytest.mark.parametrize("text", QUESTIONS)
def test_questions_are_never_cart_actions(text, parse_text):
    assert parse_text(text).intent not in ("AddItem", "RemoveItem", "UpdateQuantity", "ClearCart",
                                       "Checkout", "CancelOrder")


@pytest.mark.parametrize("text", [
    "tell me a joke", "what's the weather like tomorrow", "play some music", "call mom",
    "turn on the lights", "set an alarm for 7 am", "who won the game", "what is the meaning of life",
    "i love you", "sing me a song",
])
def test_off_topic_is_fallback(text, parse_text):
    assert parse_text(text).intent == "Fallback"


PRODUCT_INFO_SLOTS = [
    ("how much is a gallon of whole milk", "price", [("whole milk", 1, "gallon")]),
    ("how much are bananas", "price", [("bananas", None, None)]),
    ("do you have almond milk", "availability", [("almond milk", None, None)]),
    ("is fresh thyme in stock", "availability", [("fresh thyme", None, None)]),
    ("is there almond milk available", "availability", [("almond milk", None, None)]),
    ("what's the cheapest peanut butter", "cheapest", [("peanut butter", None, None)]),
    ("what's the best value olive oil", "best_value", [("olive oil", None, None)]),
    ("can i get fresh basil?", "availability", [("fresh basil", None, None)]),
    ("what kinds of cereal do you have", "options", [("cereal", None, None)]),
    ("is milk on sale", "sale", [("milk", None, None)]),
    ("what's on sale", "sale", []),
    ("where is the peanut butter", "location", [("peanut butter", None, None)]),
]


@pytest.mark.parametrize(("text", "info", "items"), PRODUCT_INFO_SLOTS)
def test_product_info_items_and_info_slot(text, info, items, parse_text, items_of):
    got = parse_text(text)
    assert (got.intent, got.slots.get("info"), items_of(got)) == ("ProductInfo", info, items)


READ_CART_ITEMS = [
    ("is there milk in my basket", [("milk", None, None)]),
    ("are eggs in my cart", [("eggs", None, None)]),
    ("is milk on my list", [("milk", None, None)]),
    ("do i have eggs in my cart", [("eggs", None, None)]),
    ("how many eggs are in my cart", [("eggs", None, None)]),
    ("what's in my cart", []),
    ("how many items are in my cart", []),
]


@pytest.mark.parametrize(("text", "items"), READ_CART_ITEMS)
def test_read_cart_may_carry_an_item(text, items, parse_text, items_of):
    got = parse_text(text)
    assert (got.intent, items_of(got)) == ("ReadCart", items)


SELECT = [
    ("the first one", {"option": 1}), ("the second one", {"option": 2}),
    ("number three", {"option": 3}), ("option 2", {"option": 2}), ("2", {"option": 2}),
    ("two", {"option": 2}), ("the last one", {"option": -1}), ("the third", {"option": 3}),
    ("i'll take the 2nd one", {"option": 2}), ("no the second one", {"option": 2}),
    ("the organic one", {"choice": "organic"}), ("the cheaper one", {"choice": "cheaper"}),
    ("i'll go with the horizon one", {"choice": "horizon"}),
    ("the one with less sugar", {"choice": "less sugar"}),
]


@pytest.mark.parametrize(("text", "slots"), SELECT)
def test_select_option_slots(text, slots, parse_text):
    got = parse_text(text)
    assert (got.intent, got.slots) == ("SelectOption", slots)


UPDATES = [
    ("make that three", [("", 3, None)], {}),
    ("make it five", [("", 5, None)], {}),
    ("actually make it two gallons", [("", 2, "gallon")], {}),
    ("make it a dozen", [("", 1, "dozen")], {}),
    ("change the lemons to four", [("lemons", 4, None)], {}),
    ("change it to two", [("", 2, None)], {}),
    ("make the milk two gallons", [("milk", 2, "gallon")], {}),
    ("increase the eggs to two dozen", [("eggs", 2, "dozen")], {}),
    ("three instead", [("", 3, None)], {}),
    ("two more", [("", 2, None)], {"change": "increase"}),
    ("add another one", [("", 1, None)], {"change": "increase"}),
    ("one less", [("", 1, None)], {"change": "decrease"}),
]


@pytest.mark.parametrize(("text", "items", "slots"), UPDATES)
def test_update_quantity_items(text, items, slots, parse_text, items_of):
    got = parse_text(text)
    assert (got.intent, items_of(got), got.slots) == ("UpdateQuantity", items, slots)


FULFILLMENT = [
    ("i'll pick it up tomorrow at five pm", {"fulfillment": "pickup", "time": "2026-11-26T17:00"}),
    ("can you deliver it on saturday", {"fulfillment": "delivery", "date": "2026-11-28"}),
    ("i'll pick it up this evening", {"fulfillment": "pickup", "time": "2026-11-25T18:00"}),
    ("curbside please", {"fulfillment": "pickup"}),
    ("i'd like to collect it", {"fulfillment": "pickup"}),
    ("bring it over tonight", {"fulfillment": "delivery", "time": "2026-11-25T20:00"}),
    ("not pickup, delivery", {"fulfillment": "delivery"}),
    ("deliver it asap", {"fulfillment": "delivery", "time": "next_available"}),
    ("saturday morning", {"time": "2026-11-28T09:00"}),
    ("at 5", {"time": "2026-11-25T17:00"}),
    ("pick it up at the downtown store", {"fulfillment": "pickup", "store": "downtown"}),
    ("deliver it to 123 main street", {"fulfillment": "delivery", "address": "123 main street"}),
    ("check out for pickup at 5 pm", {"fulfillment": "pickup", "time": "2026-11-25T17:00"}),
]


@pytest.mark.parametrize(("text", "slots"), FULFILLMENT)
def test_fulfillment_slots(text, slots, parse_text):
    got = parse_text(text)
    assert got.slots == slots
    assert got.intent in ("SetFulfillment", "Checkout")


def test_text_is_the_original_and_items_are_empty_for_non_item_intents(parse_text):
    raw = "  Um, ALEXA... what's in my CART?? "
    got = parse_text(raw)
    assert got.text == raw
    assert (got.intent, got.items) == ("ReadCart", [])


@pytest.mark.parametrize(("text", "items"), [
    ("add milk and eggs to my cart and check out", [("milk", None, None), ("eggs", None, None)]),
    ("i need bread then place my order", [("bread", None, None)]),
])
def test_items_then_checkout_keeps_the_items(text, items, parse_text, items_of):
    got = parse_text(text)
    assert (got.intent, items_of(got), got.slots) == ("AddItem", items, {"next": "Checkout"})


@pytest.mark.parametrize("text", ["undo", "undo that", "oops", "take that back"])
def test_undo_is_a_remove_with_the_undo_slot(text):
    request = parse(text)
    assert (request.intent, request.slots, request.items) == ("RemoveItem", {"undo": True}, [])


@pytest.mark.parametrize("text, phrase", [("make that zero", ""), ("change the lemons to zero", "lemons")])
def test_zero_as_a_new_total_means_none(text, phrase):
    request = parse(text)
    assert request.intent == "UpdateQuantity"
    assert [(i.phrase, i.quantity) for i in request.items] == [(phrase, 0)]


def test_zero_is_never_an_amount_to_add():
    assert all(i.quantity != 0 for i in parse("add zero eggs").items)
