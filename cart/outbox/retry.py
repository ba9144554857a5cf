"""When to try an undelivered event again, and when to stop (pure; the randomness is passed in).

The first three attempts fall within a minute (at once, ~5 s, ~30 s): most failures are a
deploy or a blip on the receiver. After that the wait doubles (1, 2, 4 ... minutes, at most
`max_delay`) with jitter, so receivers coming back from an outage are not hit by every sender
at the same instant. Past `limit` since the event was written it goes to the dead letters.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable

DEFAULT_LIMIT = timedelta(hours=24)
_EARLY_DELAYS = (5.0, 30.0)  # after the 1st and 2nd failure


@dataclass(frozen=True)
class RetryPolicy:
    limit: timedelta = DEFAULT_LIMIT
    max_delay: timedelta = timedelta(hours=1)
    jitter: float = 0.2  # early retries: +-20 %; later ones: 50-100 % of the doubled delay

    def delay_after(self, failures: int, rand: Callable[[], float] = random.random) -> timedelta:
        """How long to wait after the `failures`-th failed attempt (1-based)."""
        if failures < 1:
            return timedelta(0)
        if failures <= len(_EARLY_DELAYS):
            base = _EARLY_DELAYS[failures - 1]
            return timedelta(seconds=base * (1 - self.jitter + 2 * self.jitter * rand()))
        exponent = min(failures - len(_EARLY_DELAYS) - 1, 30)
        capped = min(60.0 * 2 ** exponent, self.max_delay.total_seconds())
        # "equal jitter": never less than half the delay, so the backoff still grows
        return timedelta(seconds=capped / 2 + capped / 2 * rand())

    def next_attempt(self, failures: int, now: datetime, give_up_at: datetime,
                     rand: Callable[[], float] = random.random) -> datetime | None:
        """When to try again after `failures` failures, or None: give up (dead letter). The
        last retry is moved up to the deadline rather than skipped."""
        if now >= give_up_at:
            return None
        return min(now + self.delay_after(failures, rand), give_up_at)
