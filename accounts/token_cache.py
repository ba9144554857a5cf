"""Remote validators' answers, kept until the token expires (never longer than `max_age`).

Per process and bounded: a flood of distinct tokens evicts the oldest entries instead of
growing memory. Keys are SHA-256 digests, so the cache never holds a token itself. Only
positive answers are kept: a token refused once is asked about again (it may be new)."""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from accounts.hashing import token_hash
from accounts.model import CUSTOMER_PREFIX

MAX_TOKEN = 16 * 1024   # longer is not a token any provider issues
MAX_SUBJECT = 200


def remote_customer(subject: object) -> str | None:
    """The customer id for a provider's `sub`, or None when it is not usable."""
    if not isinstance(subject, str) or not subject.strip() or len(subject) > MAX_SUBJECT:
        return None
    return f"{CUSTOMER_PREFIX}{subject.strip()}"


class TokenCache:
    def __init__(self, *, max_entries: int = 10_000, max_age: float = 3600.0) -> None:
        self._entries: OrderedDict[str, tuple[str, float]] = OrderedDict()
        self._lock = threading.Lock()
        self._max_entries, self._max_age = max_entries, max_age

    def get(self, token: str, now: float | None = None) -> str | None:
        now = time.time() if now is None else now
        key = token_hash(token)
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if now >= entry[1]:
                del self._entries[key]
                return None
            return entry[0]

    def put(self, token: str, customer_id: str, expires_at: float, now: float | None = None) -> None:
        now = time.time() if now is None else now
        until = min(expires_at, now + self._max_age)
        if until <= now:
            return
        with self._lock:
            self._entries[token_hash(token)] = (customer_id, until)
            self._entries.move_to_end(token_hash(token))
            while len(self._entries) > self._max_entries:
                self._entries.popitem(last=False)

    def customer_for(self, token: str,
                     verify: Callable[[str], tuple[str, float] | None]) -> str | None:
        """The cached customer for `token`, else `verify(token)` -> (customer, expiry as a
        Unix time) or None, remembered until that expiry. Over-long tokens are refused unseen."""
        if not token or len(token) > MAX_TOKEN:
            return None
        cached = self.get(token)
        if cached is not None:
            return cached
        found = verify(token)
        if found is None:
            return None
        customer, expires_at = found
        self.put(token, customer, expires_at)
        return customer
