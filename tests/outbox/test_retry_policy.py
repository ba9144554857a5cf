"""The retry schedule, computed with injected randomness (no sleeping, no real clock)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from cart.outbox.retry import RetryPolicy

T0 = datetime(2026, 11, 25, 14, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("rand", [0.0, 0.5, 0.999])
def test_the_first_three_attempts_fall_within_a_minute(rand):
    policy = RetryPolicy()
    second = T0 + policy.delay_after(1, lambda: rand)
    third = second + policy.delay_after(2, lambda: rand)
    assert T0 < second < third <= T0 + timedelta(seconds=60)
    assert timedelta(seconds=3) <= second - T0 <= timedelta(seconds=7)        # "about 5 s"
    assert timedelta(seconds=20) <= third - second <= timedelta(seconds=40)   # "about 30 s"


def test_later_delays_grow_exponentially_up_to_the_cap():
    policy = RetryPolicy(max_delay=timedelta(hours=1))
    top = [policy.delay_after(n, lambda: 0.999999) for n in range(3, 12)]
    assert all(b >= a for a, b in zip(top, top[1:]))
    assert top[1] > top[0] * 1.9          # doubling
    assert max(top) <= timedelta(hours=1)


def test_jitter_spreads_the_delay_but_never_below_half():
    policy = RetryPolicy()
    low, high = policy.delay_after(6, lambda: 0.0), policy.delay_after(6, lambda: 0.999999)
    assert low < high and low >= high / 2 - timedelta(seconds=1)


def test_no_retry_after_the_limit_and_the_last_one_lands_on_it():
    policy = RetryPolicy(limit=timedelta(minutes=10))
    give_up = T0 + policy.limit
    assert policy.next_attempt(8, give_up - timedelta(seconds=1), give_up, lambda: 0.5) == give_up
    assert policy.next_attempt(9, give_up, give_up, lambda: 0.5) is None
