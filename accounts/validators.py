"""Token validators: a linked token in, the customer it stands for out.

Chosen by VOICECART_AUTH. `builtin` reads voicecart's own grants on every call (no cache), so
a revoked token is refused at once by every worker. Remote validators (JWT, introspection)
raise IdentityProviderDown when the grocer's identity provider cannot be asked.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from accounts.oauth import customer_for_access_token
from accounts.ports import AccountRepository


class IdentityProviderDown(Exception):
    """The identity provider could not be reached or answered nonsense: no order is placed."""


class TokenValidator(Protocol):
    def customer_for(self, token: str) -> str | None:
        """The customer id for a valid token; None for a missing, invalid or expired one."""
        ...


class BuiltinValidator:
    def __init__(self, accounts: Callable[[], AccountRepository],
                 clock: Callable[[], datetime]) -> None:
        self._accounts, self._clock = accounts, clock

    def customer_for(self, token: str) -> str | None:
        return customer_for_access_token(self._accounts(), token, now=self._clock())
