"""Platform-neutral request and reply values: what every channel turns its JSON into."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from catalog.model import Match

CANONICAL_INTENTS = (
    "AddItem", "RemoveItem", "UpdateQuantity", "ReadCart", "ClearCart", "Checkout",
    "SetFulfillment", "OrderStatus", "CancelOrder", "Reorder", "SelectOption", "ProductInfo",
    "Yes", "No", "Help", "Stop", "Cancel", "Fallback",
)

CANONICAL_UNITS = (
    "pound", "ounce", "fluid_ounce", "gallon", "half_gallon", "quart", "pint", "liter",
    "milliliter", "kilogram", "gram", "dozen", "pack", "bag", "box", "can", "bottle", "jar",
    "bunch", "loaf", "carton", "case", "head", "piece",
)


@dataclass
class ItemRequest:
    """One item as spoken: "two gallons of two percent milk" -> 2, "gallon", "two percent milk".

    `quantity` is None when no quantity was spoken. `product_id` is set when the platform
    already resolved the item (Alexa ER_SUCCESS_MATCH); `match` is filled by the matcher.
    """

    phrase: str
    quantity: float | None = None
    unit: str | None = None
    product_id: str | None = None
    match: Match | None = None
    pack_size: float | None = None  # "an 18 pack of eggs": 18 (quantity 1, unit "pack")
    size: str | None = None  # "a big tub of", "family size": "large" or "small" among sizes


@dataclass
class ParsedRequest:
    """A shopper's request in canonical form: one of CANONICAL_INTENTS, items in spoken order,
    and non-item slots such as {"fulfillment": "pickup", "time": "2026-11-26T17:00", "option": 2}."""

    intent: str
    items: list[ItemRequest] = field(default_factory=list)
    slots: dict[str, Any] = field(default_factory=dict)
    text: str = ""


@dataclass
class Reply:
    """What the skill says back. `speech` is plain text (adapters escape it for SSML)."""

    speech: str
    reprompt: str | None = None
    end_session: bool = False
    card_text: str | None = None
    card_title: str | None = None  # the card's heading; None: the skill's name
    # The shopper must link their account first: Alexa shows its LinkAccount card
    link_account: bool = False
    # Delivery needs an address the platform could share with the shopper's permission
    # (Alexa shows its permissions consent card for the device address)
    share_address: bool = False
