"""Index files kept per catalog version: built once per machine, mapped by every process.

`IndexStore(directory).load(repo)` returns the index of the catalog as it is now: it maps the
stored file for the catalog's key when there is one (a server restart on an unchanged
catalog starts in moments), else builds it. Building takes an exclusive lock on the
directory, so when several workers notice the same catalog change only the first builds and
the others wait for its file (answering from their old index meanwhile, see
catalog.live_index). A file is written beside the old ones and renamed into place complete.

The key is the repository's `index_key()` (a catalog id and its version; any database backend
can provide one) or, failing that, its version: whichever database holds the catalog.
"""
from __future__ import annotations

import fcntl
import logging
import os
import re
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from catalog.index import CatalogIndex
from catalog.index_build import build_index_file
from catalog.index_format import IndexFileError

log = logging.getLogger("voicecart.catalog")
BUILD_TIMEOUT_S = 3600
# Smaller catalogs build in the calling process: a few MB, not worth a child's start-up.
CHILD_BUILD_FROM = 20_000
KEEP_FILES = 2  # the newest index and the one before (processes may still map it)
SUFFIX = ".vcix"
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def catalog_key(repo: Any) -> str:
    """What identifies the catalog's current contents: a new key after every change."""
    key = getattr(repo, "index_key", None)
    return str(key()) if key is not None else f"v{repo.version()}"


def default_directory(db_path: Path) -> Path:
    """Beside the SQLite file: `catalog.db` keeps its indexes in `catalog.db.index/`."""
    return db_path.with_name(db_path.name + ".index")


class IndexStore:
    """Index files in `directory`. With `build_command` (a server's: the argv of
    `python -m catalog.index_builder` for its database), a missing index is built by that
    short-lived child process, so the gigabyte or so of Python objects a million products
    take while building is returned to the system when it exits, instead of staying in the
    server process that happened to notice the change (catalogs of `child_from` products
    or more)."""

    def __init__(self, directory: Path, build_command: list[str] | None = None, *,
                 child_from: int = CHILD_BUILD_FROM) -> None:
        self.directory = Path(directory)
        self.build_command = build_command
        self.child_from = child_from

    def path_for(self, key: str) -> Path:
        return self.directory / f"catalog-{_UNSAFE.sub('_', key)}{SUFFIX}"

    def load(self, repo: Any) -> CatalogIndex:
        """The index for the catalog's current key: mapped from its file, built if missing."""
        key = catalog_key(repo)
        path = self.path_for(key)
        index = self._open(path, key)
        if index is not None:
            return index
        self.directory.mkdir(parents=True, exist_ok=True)
        with self._build_lock():
            index = self._open(path, key)  # another process built it while we waited
            if index is not None:
                return index
            # the catalog may have moved on meanwhile: the file built is for the key then
            if self.build_command and repo.count() >= self.child_from:
                key = self._build_elsewhere()
            else:
                key = self.build_here(repo)
        path = self.path_for(key)
        index = self._open(path, key)
        if index is None:
            raise IndexFileError(f"{path} was built but cannot be read")
        return index

    def build_here(self, repo: Any) -> str:
        """Build the index for the catalog as it is now, in this process (the caller holds the
        build lock or is the only builder); returns its key."""
        key = catalog_key(repo)
        path = self.path_for(key)
        started = time.perf_counter()
        count = build_index_file(repo.all_products(), path, meta={"key": key})
        log.info("catalog index %s: %d products built in %.2f s", path.name, count,
                 time.perf_counter() - started)
        self._prune(path)
        return key

    def _build_elsewhere(self) -> str:
        assert self.build_command is not None
        done = subprocess.run([*self.build_command, "--dir", str(self.directory)],
                              capture_output=True, text=True, timeout=BUILD_TIMEOUT_S)
        if done.returncode != 0:
            raise IndexFileError(f"building the catalog index failed: {done.stderr[-2000:]}")
        return done.stdout.strip().splitlines()[-1]

    def _open(self, path: Path, key: str) -> CatalogIndex | None:
        try:
            index = CatalogIndex.open(path)
        except FileNotFoundError:
            return None
        except (IndexFileError, ValueError, OSError) as exc:
            log.warning("ignoring index file %s (%s); rebuilding", path, exc)
            return None
        if index.meta.get("key") != key:  # a stray copy: never answer from another catalog
            log.warning("index file %s is for catalog %r, not %r; rebuilding", path,
                        index.meta.get("key"), key)
            return None
        return index

    @contextmanager
    def _build_lock(self) -> Iterator[None]:
        with open(self.directory / ".build.lock", "a+b") as fh:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)

    def _prune(self, newest: Path) -> None:
        """Older index files beyond KEEP_FILES. A process still mapping one keeps reading it:
        unlinking a mapped file frees its blocks only when the last mapping goes."""
        files = sorted((p for p in self.directory.glob(f"catalog-*{SUFFIX}") if p != newest),
                       key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[KEEP_FILES - 1:]:
            try:
                old.unlink()
            except OSError:
                pass


def stored_files(directory: Path) -> list[Path]:
    return sorted(Path(directory).glob(f"catalog-*{SUFFIX}")) if os.path.isdir(directory) else []
