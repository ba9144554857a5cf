"""Alexa intent names (a contract used by tools outside the code) and their canonical intents."""
from __future__ import annotations

# Canonical intent -> our custom Alexa intent, in the order they appear in the exported model.
# ShoppingRequest is Alexa-only: its AMAZON.SearchQuery slot carries free text to our parser.
CUSTOM_INTENTS: dict[str, str] = {
    "AddItem": "AddItemIntent", "RemoveItem": "RemoveItemIntent",
    "UpdateQuantity": "UpdateQuantityIntent", "ReadCart": "ReadCartIntent",
    "ClearCart": "ClearCartIntent", "Checkout": "CheckoutIntent",
    "SetFulfillment": "SetFulfillmentIntent", "OrderStatus": "OrderStatusIntent",
    "CancelOrder": "CancelOrderIntent", "Reorder": "ReorderIntent",
    "SelectOption": "SelectOptionIntent", "ProductInfo": "ProductInfoIntent",
    "ShoppingRequest": "ShoppingRequestIntent",
}
SEARCH_INTENT = CUSTOM_INTENTS["ShoppingRequest"]
# Alexa's built-ins, mapped onto canonical intents as the design doc says.
BUILTIN_INTENTS: dict[str, str] = {
    "AMAZON.CancelIntent": "Cancel", "AMAZON.HelpIntent": "Help", "AMAZON.StopIntent": "Stop",
    "AMAZON.NavigateHomeIntent": "Stop", "AMAZON.FallbackIntent": "Fallback",
    "AMAZON.YesIntent": "Yes", "AMAZON.NoIntent": "No",
}
# Alexa intent name -> canonical intent (ShoppingRequestIntent is parsed from its text instead).
CANONICAL_FOR: dict[str, str] = {
    **{alexa: canonical for canonical, alexa in CUSTOM_INTENTS.items() if alexa != SEARCH_INTENT},
    **BUILTIN_INTENTS,
}
# Canonical intent -> the Alexa intent a device would send for it (NavigateHome is never chosen).
ALEXA_INTENT_FOR: dict[str, str] = {
    **CUSTOM_INTENTS,
    **{canonical: alexa for alexa, canonical in BUILTIN_INTENTS.items() if alexa != "AMAZON.NavigateHomeIntent"},
}
