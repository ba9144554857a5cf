"""The outbox storage port. Writing an event is part of the order repository's transaction
(CartRepository.record_event); this port is what the dispatcher and the CLI use afterwards.

Implementations: cart.outbox.sqlite.SqliteOutbox (a PostgreSQL one follows the same port).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from cart.outbox.events import OrderEvent

# Set when this process commits an event (by the repository whose transaction wrote it) or
# makes one due again: a dispatcher in the same process wakes at once instead of at its next
# poll. Other processes find new events by polling.
NEW_EVENT = threading.Event()


@dataclass(frozen=True)
class Backlog:
    """Undelivered events: how many wait (pending) or gave up (dead), and since when."""

    pending: int
    dead: int
    oldest_pending_at: datetime | None

    def lag_seconds(self, now: datetime) -> float:
        """Age of the oldest pending event (0 when nothing waits): how far delivery is behind."""
        if self.oldest_pending_at is None:
            return 0.0
        return max(0.0, (now - self.oldest_pending_at).total_seconds())


class Outbox(Protocol):
    def add(self, event: OrderEvent) -> None:
        """Write an event; the caller's transaction must be open."""
        ...

    def due(self, now: datetime, limit: int) -> list[OrderEvent]:
        """Pending events whose attempt time has come and that are the oldest undelivered
        event of their order (so one order's events go out in order), oldest first."""
        ...

    def mark_delivered(self, event_id: str, now: datetime) -> None: ...
    def mark_failed(self, event_id: str, error: str, next_attempt_at: datetime) -> None: ...
    def mark_dead(self, event_id: str, error: str) -> None: ...

    def expire(self, now: datetime, limit: timedelta) -> int:
        """Dead-letter every pending event past its deadline (created_at + limit, or the one a
        manual retry set), also those waiting behind an earlier event; returns how many."""
        ...

    def get(self, event_id: str) -> OrderEvent | None: ...
    def list(self, state: str | None = None, limit: int | None = None) -> list[OrderEvent]: ...

    def retry(self, event_id: str, now: datetime, give_up_at: datetime) -> OrderEvent | None:
        """Make a dead (or pending) event due now with a fresh deadline; None if unknown."""
        ...

    def purge(self, before: datetime) -> int:
        """Delete delivered and dead events created before `before`; returns how many."""
        ...

    def next_due_at(self) -> datetime | None:
        """The earliest attempt time of any pending event (to sleep until then)."""
        ...

    def backlog(self) -> Backlog:
        """Pending and dead counts and the oldest pending event's time (the metrics' lag)."""
        ...

    # the dispatcher lease: one active dispatcher across processes and machines
    def acquire_lease(self, name: str, holder: str, now: datetime, until: datetime) -> bool: ...
    def release_lease(self, name: str, holder: str) -> None: ...

    # inbound replays: webhook ids of store events already applied
    def seen_inbound(self, event_id: str) -> bool: ...
    def remember_inbound(self, event_id: str, order_id: str, now: datetime) -> None: ...
