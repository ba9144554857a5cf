"""The matcher index a server shares between its request threads, rebuilt when the catalog changes.

With an `IndexStore` (what servers use) the index is a file per catalog version, mapped
read-only: the gunicorn master maps it before the workers fork, so its pages are shared by all
of them, and a restart on an unchanged catalog maps the stored file without building. When a
`voicecart catalog import` or the catalog API bumps the catalog version, the first worker to
notice builds the new file beside the old one while the others wait for it, and each switches
atomically once it is ready. Requests never wait for a rebuild after the first: they keep
using the old index. Without a store (tests, tools) each process builds its own index in memory.

How a worker notices: on PostgreSQL, a notification wakes it at once (catalog.pg_listener calls
`catalog_changed`); on either backend, a request looks at the version when `check_every`
seconds have passed since the last look, the fallback (VOICECART_CATALOG_CHECK_SECONDS). A
change announced while a rebuild runs is not dropped: the rebuild looks again when it ends.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from catalog.index_store import IndexStore
from catalog.matcher import Matcher
from catalog.repository import CatalogRepository

log = logging.getLogger("voicecart.catalog")


class LiveMatcher:
    def __init__(self, repository: Callable[[], CatalogRepository], *, check_every: float = 1.0,
                 monotonic: Callable[[], float] = time.monotonic,
                 store: IndexStore | None = None) -> None:
        self._repository = repository
        self._store = store
        self._check_every = check_every
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._rebuilding = False
        self._look_again = False  # a change was announced while a rebuild ran
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
                self._look_again = True  # the running rebuild may predate this version
                return
            self._rebuilding, self._look_again = True, False
        threading.Thread(target=self._rebuild, args=(version,), daemon=True,
                         name="catalog-index-rebuild").start()

    def _rebuild(self, version: int) -> None:
        while True:
            try:
                # A thread of its own gets its own connection from the pool behind `repository`.
                self._matcher, self._version = self._build(self._repository()), version
            except Exception:
                log.exception("rebuilding the catalog index failed; keeping the current one")
            with self._lock:
                again, self._look_again = self._look_again, False
                if again:
                    try:
                        version = self._repository().version()
                    except Exception:
                        log.warning("could not read the catalog version", exc_info=True)
                        again = False
                if not again or version == self._version:
                    self._rebuilding = False
                    return

    def _build(self, repo: CatalogRepository) -> Matcher:
        started = time.perf_counter()
        if self._store is not None:
            matcher = Matcher(self._store.load(repo))
        else:
            matcher = Matcher.build(repo.all_products())
        log.info("catalog index: %d products ready in %.2f s", len(matcher), time.perf_counter() - started)
        return matcher
