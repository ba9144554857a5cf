"""The matcher index a server shares between its request threads, rebuilt when the catalog changes.

Building the index takes a few seconds at 50k products, so it is built once per process (in the
gunicorn master before the workers fork, thanks to preloading) and swapped atomically when a
`voicecart catalog import` or the catalog API bumps the catalog version (every worker looks at
the version once a second while it serves requests). Requests never wait for a rebuild after
the first: they keep using the old index until the new one is ready.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from catalog.matcher import Matcher
from catalog.repository import CatalogRepository

log = logging.getLogger("voicecart.catalog")


class LiveMatcher:
    def __init__(self, repository: Callable[[], CatalogRepository], *, check_every: float = 1.0,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self._repository = repository
        self._check_every = check_every
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._rebuilding = False
        self._checked_at = monotonic()
        repo = repository()
        self._version = repo.version()
        self._matcher = self._build(repo)

    def current(self) -> Matcher:
        """The newest complete index; starts a background rebuild when the catalog changed."""
        now = self._monotonic()
        if now - self._checked_at >= self._check_every:
            self._checked_at = now
            self._maybe_rebuild()
        return self._matcher

    def catalog_changed(self) -> None:
        """This process just changed the catalog: start rebuilding now, not at the next look."""
        self._checked_at = self._monotonic()
        self._maybe_rebuild()

    def refresh(self) -> Matcher:
        """Rebuild now if the catalog changed (used after an import in the same process)."""
        repo = self._repository()
        version = repo.version()
        if version != self._version:
            self._matcher, self._version = self._build(repo), version
        return self._matcher

    def _maybe_rebuild(self) -> None:
        try:
            version = self._repository().version()
        except Exception:  # a locked or busy database must not fail the request
            log.warning("could not read the catalog version; keeping the current index", exc_info=True)
            return
        if version == self._version:
            return
        with self._lock:
            if self._rebuilding:
                return
            self._rebuilding = True
        threading.Thread(target=self._rebuild, args=(version,), daemon=True,
                         name="catalog-index-rebuild").start()

    def _rebuild(self, version: int) -> None:
        try:
            # A thread of its own gets its own connection from the pool behind `repository`.
            self._matcher, self._version = self._build(self._repository()), version
        except Exception:
            log.exception("rebuilding the catalog index failed; keeping the current one")
        finally:
            with self._lock:
                self._rebuilding = False

    @staticmethod
    def _build(repo: CatalogRepository) -> Matcher:
        started = time.perf_counter()
        matcher = Matcher.build(repo.all_products())
        log.info("catalog index: %d products in %.2f s", len(matcher), time.perf_counter() - started)
        return matcher
