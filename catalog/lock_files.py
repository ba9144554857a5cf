"""The lock files beside a SQLite database (`<db>.writelock`, `<db>.turnlock`), opened once
per process for however many of its threads hold or wait for a lock in them.

A file stays open only while someone holds or waits for a lock in it, or while an owner
that asked to keep it (hold_open: a server's pooled connection) lives: a process that opens
many databases over its life (a test run, `db copy`) must not keep a descriptor for each. The
key includes the process id: a forked worker opens its own file, since flock and
open-file-description locks belong to the open file, which a fork would otherwise share with
the parent.
"""
from __future__ import annotations

import contextlib
import os
import threading
import weakref
from collections.abc import Iterator

from catalog.process import current_pid


class LockFile:
    """One lock file of this process: its descriptor, and a thread lock its users may take
    to serialise themselves within the process (the writer lock does)."""

    __slots__ = ("fd", "tlock", "users")

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.tlock = threading.RLock()
        self.users = 0


_OPEN: dict[tuple[int, str], LockFile] = {}
# Reentrant: a pooled connection that only the collector can free may be freed while this
# thread allocates inside the guard, and its finalizer then calls _release right here
_GUARD = threading.RLock()


def _acquire(path: str) -> tuple[tuple[int, str], LockFile]:
    key = (current_pid(), path)
    with _GUARD:
        entry = _OPEN.get(key)
        if entry is None:
            entry = _OPEN[key] = LockFile(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
        entry.users += 1
    return key, entry


def _release(key: tuple[int, str], entry: LockFile) -> None:
    with _GUARD:
        entry.users -= 1
        if entry.users == 0 and _OPEN.get(key) is entry:
            # nobody holds or waits for a lock in it: closing drops none
            os.close(entry.fd)
            del _OPEN[key]


@contextlib.contextmanager
def lock_file(path: str) -> Iterator[LockFile]:
    """`path` opened (created if missing) for the length of the block, shared with the
    process's other users of it; closed when the last of them leaves."""
    key, entry = _acquire(path)
    try:
        yield entry
    finally:
        _release(key, entry)


_HELD = "_voicecart_lock_files"  # owner attribute: path -> the LockFile it holds open


def hold_open(owner: object, path: str) -> LockFile:
    """`path` opened for as long as `owner` lives: a server's pooled connection, whose turns
    then open and close no file for their locks (two opens and two closes a turn, issue 22)."""
    key, entry = _acquire(path)
    weakref.finalize(owner, _release, key, entry)
    held = getattr(owner, _HELD, None)
    if held is None:
        held = {}
        setattr(owner, _HELD, held)
    held[path] = entry
    return entry


def lock_file_of(owner: object, path: str) -> contextlib.AbstractContextManager[LockFile]:
    """`path` for the length of a block: the file `owner` holds open (hold_open), else one
    opened for the block as lock_file does."""
    entry = getattr(owner, _HELD, {}).get(path)
    return contextlib.nullcontext(entry) if entry is not None else lock_file(path)
