"""The loop that delivers outbox events: at least once, one order's events in order, under a
lease so that exactly one dispatcher is active across workers and machines.

The clock, the randomness and the waiting are injected: tests drive `run_once` with a fake
clock and never sleep to see a retry schedule. A dispatcher whose process dies leaves its
lease to expire (`lease_ttl`); another one then takes over and delivers what was pending,
including an event that was in flight (the receiver drops the duplicate by its id).
"""
from __future__ import annotations

import logging
import os
import random
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from cart.outbox.events import OrderEvent
from cart.outbox.ports import NEW_EVENT, Outbox
from cart.outbox.retry import RetryPolicy
from cart.outbox.sender import DeliveryFailed

log = logging.getLogger("voicecart.outbox")
LEASE_NAME = "outbox-dispatcher"


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class DispatcherSettings:
    policy: RetryPolicy = field(default_factory=RetryPolicy)
    lease_ttl: timedelta = timedelta(seconds=10)
    poll_every: float = 0.1       # seconds between looks for new events from other processes
    expire_every: timedelta = timedelta(seconds=5)  # dead-lettering needs no haste
    batch: int = 100


class Dispatcher:
    def __init__(self, outbox: Callable[[], Outbox], send: Callable[[OrderEvent], None], *,
                 settings: DispatcherSettings | None = None,
                 clock: Callable[[], datetime] = _utcnow,
                 rand: Callable[[], float] = random.random, holder: str | None = None) -> None:
        self._outbox = outbox    # a factory: the thread that runs the loop gets its own connection
        self._send = send
        self.settings = settings or DispatcherSettings()
        self._clock = clock
        self._rand = rand
        self.holder = holder or f"{os.uname().nodename}:{os.getpid()}:{secrets.token_hex(4)}"
        self._lease_until: datetime | None = None
        self._expired_at: datetime | None = None

    # --- the lease ----------------------------------------------------------------------------

    def holds_lease(self) -> bool:
        """Take or renew the lease when a third of it has passed; True while we hold it."""
        now = self._clock()
        ttl = self.settings.lease_ttl
        if self._lease_until is not None and now < self._lease_until - ttl * 2 / 3:
            return True
        if self._outbox().acquire_lease(LEASE_NAME, self.holder, now, now + ttl):
            if self._lease_until is None:
                log.info("outbox dispatcher %s is now the active one", self.holder)
            self._lease_until = now + ttl
            return True
        self._lease_until = None
        return False

    def release(self) -> None:
        if self._lease_until is not None:
            self._outbox().release_lease(LEASE_NAME, self.holder)
            self._lease_until = None

    # --- delivering ---------------------------------------------------------------------------

    def run_once(self) -> int:
        """Deliver (or fail) every event due now, one order's events strictly in order.
        Returns the number of attempts made; 0 when not holding the lease."""
        if not self.holds_lease():
            return 0
        outbox = self._outbox()
        now = self._clock()
        if self._expired_at is None or now - self._expired_at >= self.settings.expire_every \
                or now < self._expired_at:
            outbox.expire(now, self.settings.policy.limit)
            self._expired_at = now
        attempts = 0
        for _ in range(1000):  # bounded: a run never spins on events that will not settle
            due = outbox.due(self._clock(), self.settings.batch)
            if not due:
                return attempts
            blocked: set[str] = set()
            for event in due:
                if event.order_id in blocked or not self.holds_lease():
                    continue
                attempts += 1
                if not self._attempt(outbox, event):
                    blocked.add(event.order_id)
            if blocked and len(blocked) == len({e.order_id for e in due}):
                return attempts  # every order with something due failed: wait for retries
        return attempts

    def _attempt(self, outbox: Outbox, event: OrderEvent) -> bool:
        try:
            self._send(event)
        except DeliveryFailed as exc:
            self._failed(outbox, event, str(exc))
            return False
        except Exception as exc:  # a bug in sending must not kill the loop or lose the event
            log.exception("sending event %s failed unexpectedly", event.id)
            self._failed(outbox, event, f"{type(exc).__name__}: {exc}")
            return False
        outbox.mark_delivered(event.id, self._clock())
        return True

    def _failed(self, outbox: Outbox, event: OrderEvent, error: str) -> None:
        now = self._clock()
        policy = self.settings.policy
        give_up_at = event.give_up_at or event.created_at + policy.limit
        retry_at = policy.next_attempt(event.attempts + 1, now, give_up_at, self._rand)
        if retry_at is None:
            log.warning("event %s of order %s is dead after %d attempts: %s", event.id,
                        event.order_id, event.attempts + 1, error)
            outbox.mark_dead(event.id, error)
        else:
            outbox.mark_failed(event.id, error, retry_at)

    # --- the loop -----------------------------------------------------------------------------

    def run_forever(self, stop: threading.Event) -> None:
        """Until `stop` is set: deliver, then wait for a new event in this process, the next
        retry, or the next poll, whichever comes first. Errors are logged and retried."""
        while not stop.is_set():
            try:
                self.run_once()
                wait = self._wait_seconds()
            except Exception:
                log.exception("outbox dispatcher error; trying again shortly")
                self._lease_until = None
                wait = 1.0
            NEW_EVENT.wait(wait)
            NEW_EVENT.clear()
        try:
            self.release()
        except Exception:
            log.warning("could not release the outbox lease", exc_info=True)

    def _wait_seconds(self) -> float:
        if self._lease_until is None:  # someone else is active: look again when theirs may end
            return self.settings.lease_ttl.total_seconds() / 5
        wait = self.settings.poll_every
        next_due = self._outbox().next_due_at()
        if next_due is not None:
            wait = min(wait, max(0.02, (next_due - self._clock()).total_seconds()))
        return wait


def start_in_thread(dispatcher: Dispatcher, name: str = "outbox-dispatcher"
                    ) -> tuple[threading.Thread, threading.Event]:
    stop = threading.Event()
    thread = threading.Thread(target=dispatcher.run_forever, args=(stop,), daemon=True, name=name)
    thread.start()
    return thread, stop
