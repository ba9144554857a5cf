"""One turn of a conversation: what handlers receive, and the registry they join."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cart.ports import CartRepository
from catalog.matcher import Matcher
from intents.model import ParsedRequest, Reply
from intents.dialog.session import DialogState


HISTORY_ORDERS = 20  # the recent orders "their milk" is judged by
# Intents whose handlers only read or ask, whatever the dialog state: reading the cart, and
# checkout's read-back and question (nothing is ordered without a separate yes). A keyed turn
# of one that wrote nothing keeps no replay record: its retry runs it again, which again only
# reads or asks (and reads the cart as it is then). This spares such a turn the write lock
# and a commit (issue 22). A turn of one that did write (a slot held by "check out for
# pickup", a dialog state changed) is recorded like any other.
ASKS_ONLY = frozenset({"ReadCart", "Checkout"})


@dataclass
class Turn:
    """Everything a handler may use. Handlers change `state` in place; the conversation
    saves it after the reply. `session_new` is True on the first turn of a session."""

    request: ParsedRequest
    state: DialogState
    customer_id: str
    now: datetime
    matcher: Matcher
    carts: CartRepository
    session_new: bool = False
    session_key: str | None = None  # "channel:session id": scarce things are limited per session
    notes: dict[str, Any] = field(default_factory=dict)
    # False when account linking is required to order and this shopper is not linked (yet):
    # they may browse and fill the cart, but checkout asks them to link first
    may_order: bool = True
    # The accounts repository (voice codes), when account linking is on; else None
    accounts: Any = None
    voice_code_required: bool = False
    # The platform's address for this shopper, when it can tell one (Alexa's device address):
    # returns an Address, "denied" (the shopper has not granted it) or None
    device_address: Callable[[], Any] | None = None

    def history(self) -> dict[str, float]:
        """How often this shopper bought each product: "add milk" means *their* milk."""
        if "history" not in self.notes:
            from cart.checkout import purchase_counts

            self.notes["history"] = purchase_counts(self.carts, self.customer_id, HISTORY_ORDERS)
        return self.notes["history"]


Handler = Callable[[Turn], Reply]
HANDLERS: dict[str, Handler] = {}


def handles(*intents: str) -> Callable[[Handler], Handler]:
    """Register a handler for canonical intents; one place, easy to add to."""
    def register(func: Handler) -> Handler:
        for intent in intents:
            if intent in HANDLERS:
                raise ValueError(f"two handlers for {intent}")
            HANDLERS[intent] = func
        return func
    return register
