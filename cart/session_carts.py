"""Carts of shoppers known only by a platform session, and how long they are kept.

A Dialogflow caller that sends no user id is a shopper we cannot recognise again once the
session is over: their cart belongs to the session. Such customers get ids under
SESSION_PREFIX, and their carts are forgotten after an idle spell, so that a stream of new
sessions cannot grow the database without bound. A shopper's own cart (any other id) is kept.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from cart.ports import CartRepository
from cart.services import _clock

SESSION_PREFIX = "session:"
# Ids the first release gave session-scoped Dialogflow shoppers: their carts expire too
LEGACY_SESSION_PREFIXES = ("dialogflow-es:", "dialogflow-cx:")
PURGE_BATCH = 500


def session_customer_id(channel: str, session: str) -> str:
    return f"{SESSION_PREFIX}{channel}:{session}"


def is_session_scoped(customer_id: str) -> bool:
    return customer_id.startswith((SESSION_PREFIX, *LEGACY_SESSION_PREFIXES))


def expire_idle_session_carts(repo: CartRepository, *, now: datetime, idle: timedelta,
                              batch: int = PURGE_BATCH) -> int:
    """Delete the carts of session-scoped customers untouched for `idle`; returns how many.

    Works in batches of `batch`, one short transaction each, so a large backlog never holds
    the write lock for long."""
    cutoff = _clock(now) - idle
    total = 0
    while True:
        with repo.transaction():
            deleted = repo.delete_idle_carts((SESSION_PREFIX, *LEGACY_SESSION_PREFIXES), cutoff,
                                             batch)
        total += deleted
        if deleted < batch:
            return total
