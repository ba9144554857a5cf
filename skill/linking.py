"""Who is shopping: a platform's user id plus, when account linking is on, a linked token.

Every channel (Alexa, Dialogflow, the text channel) asks `Linker.resolve` the same way, so a
linked customer has one cart and one order history everywhere. The policy (VOICECART_ACCOUNT_
LINKING) decides what an unlinked shopper may do: `off` everything, `checkout` everything but
ordering, `always` nothing but hear how to link. --dev changes none of this.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime

from accounts.addresses import split_address
from accounts.ports import AccountRepository
from accounts.validators import IdentityProviderDown, TokenValidator
from cart.errors import InvalidAddress
from cart.model import Address, Customer
from cart.ports import CartRepository
from cart.services import merge_carts
from intents.model import Reply

log = logging.getLogger("voicecart.linking")
LINK_TO_START = ("To shop with voice cart, please link your grocery account in the app you use "
                 "to talk to me, then come back.")
PROVIDER_DOWN = ("Sorry, I can't check your account right now, so I can't take orders at the "
                 "moment. Please try again in a little while.")


@dataclass(frozen=True)
class Shopper:
    customer_id: str
    linked: bool = False
    may_order: bool = True
    refusal: Reply | None = None  # answer this instead of the turn (linking required first)


class Linker:
    def __init__(self, policy: str, validator: TokenValidator | None,
                 carts: Callable[[], CartRepository], clock: Callable[[], datetime],
                 accounts: Callable[[], AccountRepository] | None = None) -> None:
        self.policy = policy if validator is not None else "off"
        self.validator = validator
        self._carts, self._clock = carts, clock
        self._accounts = accounts  # the built-in server's accounts, for delivery addresses

    @property
    def enabled(self) -> bool:
        return self.policy != "off"

    def customer_for(self, token: str) -> str | None:
        """The linked customer for a token, or None (linking off, or the token is no good).
        Raises IdentityProviderDown when a remote provider cannot be asked."""
        if not self.enabled or not token:
            return None
        return self.validator.customer_for(token)  # type: ignore[union-attr]

    def resolve(self, platform_id: str, token: str | None) -> Shopper:
        """The shopper for a turn. A valid token names the customer, and whatever the platform
        id's cart held from before linking joins the customer's cart."""
        if not self.enabled:
            return Shopper(platform_id)
        try:
            customer = self.customer_for(token or "")
        except IdentityProviderDown:
            log.warning("identity provider unavailable; no orders this turn")
            return Shopper(platform_id, may_order=False,
                           refusal=Reply(PROVIDER_DOWN, end_session=True))
        if customer is not None:
            self.on_linked(customer, platform_id)
            return Shopper(customer, linked=True)
        if self.policy == "always":
            return Shopper(platform_id, may_order=False,
                           refusal=Reply(LINK_TO_START, end_session=True, link_account=True))
        return Shopper(platform_id, may_order=False)

    def on_linked(self, customer_id: str, platform_id: str | None = None) -> None:
        """A linked customer is shopping: bring their account's address along, and whatever
        the platform id's cart held from before linking into the customer's cart."""
        self._bring_address(customer_id)
        if platform_id:
            moved = merge_carts(self._carts(), platform_id, customer_id, now=self._clock())
            if moved:
                log.info("merged %d line(s) from before linking into the customer's cart", moved)

    def _bring_address(self, customer_id: str) -> None:
        """The first time a built-in account shops, its address becomes the cart customer's
        delivery address (when it can be split into street, city, region and zip; otherwise
        the shopper is asked for one, as anyone without an address is)."""
        if self._accounts is None:
            return
        carts = self._carts()
        if carts.get_customer(customer_id) is not None:
            return
        account = self._accounts().get_customer(customer_id)
        if account is None:
            return
        parts = split_address(account.address, account.zip)
        try:
            address = Address(**asdict(parts)) if parts is not None else None
        except InvalidAddress:
            address = None
        with carts.transaction():
            if carts.get_customer(customer_id) is None:
                carts.save_customer(Customer(id=customer_id, address=address))
