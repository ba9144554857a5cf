"""Voice codes: a customer's optional 4-digit purchase code, asked before every voice order.

Set from the command line (never by voice); stored as a scrypt hash; compared in constant time
(inside verify_secret); never logged, spoken back or put on a card. Three wrong codes lock
voice purchasing for LOCKOUT (the cart stays usable)."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import Enum

from accounts.hashing import hash_secret, verify_secret
from accounts.model import AccountError
from accounts.ports import AccountRepository

MAX_WRONG = 3
LOCKOUT = timedelta(minutes=15)
_CODE = re.compile(r"\d{4}")


@dataclass(frozen=True)
class VoiceCode:
    customer_id: str
    code_hash: str
    failures: int = 0
    locked_until: datetime | None = None

    def locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until


class Check(Enum):
    RIGHT = "right"
    WRONG = "wrong"
    LOCKED = "locked"  # this attempt locked it, or it was locked already
    NOT_SET = "not_set"


def set_voice_code(repo: AccountRepository, customer_id: str, code: str) -> None:
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        raise AccountError("a voice code is exactly 4 digits")
    with repo.transaction():
        repo.save_voice_code(VoiceCode(customer_id, hash_secret(code)))


def clear_voice_code(repo: AccountRepository, customer_id: str) -> None:
    with repo.transaction():
        repo.delete_voice_code(customer_id)


def has_voice_code(repo: AccountRepository, customer_id: str) -> bool:
    return repo.get_voice_code(customer_id) is not None


def is_locked(repo: AccountRepository, customer_id: str, now: datetime) -> bool:
    stored = repo.get_voice_code(customer_id)
    return stored is not None and stored.locked(now)


def check_voice_code(repo: AccountRepository, customer_id: str, spoken: str | None, *,
                     now: datetime) -> Check:
    """Check what the shopper said. The hash is checked even for a malformed answer, so the
    time taken tells nothing; a lock that ended resets the count."""
    with repo.transaction():
        stored = repo.get_voice_code(customer_id)
        if stored is None:
            return Check.NOT_SET
        if stored.locked(now):
            return Check.LOCKED
        if stored.locked_until is not None:  # the lock has ended: a fresh start
            stored = replace(stored, failures=0, locked_until=None)
        right = verify_secret(spoken or "", stored.code_hash) and bool(spoken) \
            and _CODE.fullmatch(spoken or "") is not None
        if right:
            repo.save_voice_code(replace(stored, failures=0, locked_until=None))
            return Check.RIGHT
        failures = stored.failures + 1
        if failures >= MAX_WRONG:
            repo.save_voice_code(replace(stored, failures=0, locked_until=now + LOCKOUT))
            return Check.LOCKED
        repo.save_voice_code(replace(stored, failures=failures))
        return Check.WRONG
