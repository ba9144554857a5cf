"""The tester's side of test shoppers (skill/test_shoppers_route.py): against a running server,
`voicecart dialog test --url` speaks only as shoppers the server makes for the run, and before it
exits it has the server cancel their orders and release their holds."""
from __future__ import annotations

import os
from dataclasses import dataclass

from skill.tester.clients import ConnectionFailed, Transport, urllib_transport

API_TOKEN_ENV = "VOICECART_API_TOKEN"


class TestShoppersUnavailable(ConnectionFailed):
    """The server made no test shopper or did not clean up: nothing may run (or the run failed)."""

    __test__ = False  # not a pytest test class


@dataclass
class CleanupReport:
    shoppers: int
    cancelled_orders: int
    released_holds: int
    left: list[str]

    def sentence(self) -> str:
        orders = f"{self.cancelled_orders} order{'s' if self.cancelled_orders != 1 else ''}"
        holds = f"{self.released_holds} slot hold{'s' if self.released_holds != 1 else ''}"
        text = (f"cleaned up {self.shoppers} test shopper{'s' if self.shoppers != 1 else ''}: "
                f"cancelled {orders} and released {holds}")
        if self.left:
            text += (f"; {len(self.left)} order(s) could not be cancelled any more: "
                     + ", ".join(self.left))
        return text


class RemoteTestShoppers:
    """Makes a test shopper per dialog on the server and cleans all of them up at the end."""

    __test__ = False

    def __init__(self, url: str, token: str | None = None, *,
                 transport: Transport = urllib_transport) -> None:
        self.base = url.rstrip("/")
        self.token = token if token is not None else os.environ.get(API_TOKEN_ENV)
        self.transport = transport
        self.made: list[str] = []

    def _post(self, path: str, body: dict) -> tuple[int, object]:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        return self.transport(self.base + path, body, headers)

    def new(self, like: str | None = None) -> str:
        """A new test shopper's id; `like` names a shopper whose profile (address, store) it
        gets, as a dialog's `user:` asks."""
        status, answer = self._post("/v1/test-shoppers", {"like": like} if like else {})
        user_id = answer.get("user_id") if isinstance(answer, dict) else None
        if status != 201 or not isinstance(user_id, str):
            raise TestShoppersUnavailable(_why(self.base, status, answer))
        self.made.append(user_id)
        return user_id

    def clean_up(self) -> CleanupReport:
        if not self.made:
            return CleanupReport(0, 0, 0, [])
        status, answer = self._post("/v1/test-shoppers/cleanup", {"user_ids": self.made})
        if status != 200 or not isinstance(answer, dict):
            raise TestShoppersUnavailable(_why(self.base, status, answer))
        return CleanupReport(len(self.made), int(answer.get("cancelled_orders", 0)),
                             int(answer.get("released_holds", 0)), list(answer.get("left") or []))


def _why(base: str, status: int, answer: object) -> str:
    reason = answer.get("reason") if isinstance(answer, dict) else answer
    reason = " ".join(str(reason or "").split())[:200]
    text = f"{base} cannot make or clean up test shoppers: HTTP {status}" + (f": {reason}" if reason else "")
    if status == 401:
        text += f" (set {API_TOKEN_ENV} to the server's API token, or run the server with --dev)"
    elif status in (404, 405):
        text += " (is this an older voicecart server?)"
    return text
