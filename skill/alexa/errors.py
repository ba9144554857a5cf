"""What every part of Alexa request verification shares: the error, the clock, the limits."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Callable

FETCH_TIMEOUT_SECONDS = 2.0
MAX_CHAIN_BYTES = 64 * 1024  # Amazon's chain is about 5 KB
MAX_CACHE_AGE = timedelta(hours=24)

Clock = Callable[[], datetime]
FetchFunc = Callable[[str], bytes]

PEM_BLOCK = re.compile(rb"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", re.DOTALL)


class VerificationError(Exception):
    """A request that must not be served. `reason` is short and stable (for logs and tests)."""

    def __init__(self, reason: str, detail: str | None = None) -> None:
        super().__init__(reason if not detail else f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def as_utc(moment: datetime) -> datetime:
    # Naive datetimes are taken as UTC: Alexa and our clocks both speak UTC.
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)
