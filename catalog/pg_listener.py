"""Each server worker's ear on PostgreSQL: `LISTEN voicecart_catalog` on a connection of its
own, so a catalog change made on any node reaches every node's matcher at once.

One thread per worker process holds one connection outside the pool (a pooled connection
would be lent to requests, and LISTEN belongs to a session), in autocommit mode. It waits for
notifications with a short timeout, so it notices `stop()` within a second, and calls
`on_change` for each; the callee (LiveMatcher.catalog_changed) reads the catalog version and
rebuilds only if it moved, so a burst of notifications costs one rebuild.

A notification sent while the connection is down is lost (PostgreSQL queues them only for
sessions that are listening), so `on_change` is also called after every (re)connect, once
LISTEN is in place: a change made meanwhile is found by its version. The connection is
checked with a `SELECT 1` after a quiet spell (a server that vanished without closing the
socket sends no error), and lost connections are retried with a growing, capped delay. No
error ever leaves the thread: a worker without its listener still has the periodic version
check.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import psycopg

from catalog.pg_repository import CATALOG_CHANNEL

log = logging.getLogger("voicecart.catalog")

APPLICATION_NAME = "voicecart-catalog-listener"  # how it shows in pg_stat_activity
CONNECT_TIMEOUT = 5        # seconds to reach the server
WAIT = 1.0                 # seconds per wait for notifications: how soon stop() is noticed
PING_AFTER = 10.0          # seconds of silence before the connection is checked
FIRST_RETRY, LAST_RETRY = 0.5, 15.0  # delay before reconnecting: doubles from first to last


class CatalogListener:
    def __init__(self, url: str, on_change: Callable[[], None], *,
                 channel: str = CATALOG_CHANNEL) -> None:
        self._url = url
        self._on_change = on_change
        self._channel = channel
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._conn: psycopg.Connection | None = None
        self.connects = 0          # successful (re)connects, for tests and logs
        self.notifications = 0     # notifications heard

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="catalog-listener", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop listening and close the connection; returns within about `WAIT` seconds."""
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        delay = FIRST_RETRY
        while not self._stopping.is_set():
            try:
                self._listen()
                delay = FIRST_RETRY  # a session that got going: the next outage starts afresh
            except Exception as exc:  # noqa: BLE001 - the thread must outlive any failure
                if self._stopping.is_set():
                    break
                reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
                log.warning("catalog listener: %s; reconnecting in %.1f s", reason, delay)
            finally:
                self._close()
            if self._stopping.wait(delay):
                break
            delay = min(delay * 2, LAST_RETRY)

    def _listen(self) -> None:
        conn = psycopg.connect(self._url, autocommit=True, connect_timeout=CONNECT_TIMEOUT,
                               application_name=APPLICATION_NAME,
                               keepalives=1, keepalives_idle=10, keepalives_interval=5,
                               keepalives_count=3)
        self._conn = conn
        conn.execute(f"LISTEN {self._channel}")
        self.connects += 1
        log.info("catalog listener: listening for catalog changes (connect #%d)", self.connects)
        # Listening now: whatever changed while we were not is found by its version
        self._changed()
        quiet = 0.0
        while not self._stopping.is_set():
            heard = False
            for _ in conn.notifies(timeout=WAIT):
                heard = True
                self.notifications += 1
            if heard:
                quiet = 0.0
                self._changed()
                continue
            quiet += WAIT
            if quiet >= PING_AFTER:
                conn.execute("SELECT 1")  # raises if the server is gone
                quiet = 0.0

    def _changed(self) -> None:
        try:
            self._on_change()
        except Exception:  # noqa: BLE001 - a failed rebuild must not end the listening
            log.exception("catalog listener: reacting to a catalog change failed")

    def _close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # noqa: BLE001 - closing a broken connection may fail too
                pass
