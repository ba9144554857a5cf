"""A shopper's turn lock for SQLite (issue 22): one conversation turn of a shopper at a time,
across the threads and processes of a database file, without the file's one write lock.

A keyed turn used to take the file's one write lock
(BEGIN IMMEDIATE) before its first read and hold it to its commit, so every turn of every
shopper ran its reads, matching and speech one at a time: a cart read back held the lock
~0.4 ms of which 94% came before its first write. Now a turn first takes its *shopper's*
lock, which serialises that shopper's turns (a retried request id waits, then finds the
reply; a cart's read-modify-write by two of their turns is serial), and takes the write
lock only when it first needs it: a write that is not held back to the turn's end (the cart
row, dialog state and replay record are: catalog.database._Turn), a read after a held-back
write, or a lock on anything but its own replay record and cart (slots, an order's
submission key, another shopper's cart). Reads before that see the last committed state, as
on PostgreSQL (READ COMMITTED with advisory locks on the same keys); every write of the turn
still commits, or not, together.

Shoppers' locks are 1,024 stripes: a thread lock per stripe in the process, and a record
lock on the stripe's byte of `<db>.turnlock` across processes (held by one thread of a
process at a time, which is what the thread lock is for). A turn holds one stripe and then
at most the write lock; nothing holding the write lock waits for a stripe, so the two
cannot deadlock. The record lock is an open-file-description lock (Linux): classic POSIX
record locks belong to the whole process, and the kernel's deadlock check then sees a cycle
between two processes whose *different* threads wait on each other's stripes and fails the
wait with EDEADLK (seen under load: 2 in 24,000 waits of 2 processes x 4 threads).
"""
from __future__ import annotations

import contextlib
import errno
import os
import struct
import threading
import time
import zlib
from collections.abc import Iterator

import fcntl
import sqlite_utils

from catalog.lock_files import lock_file_of
from catalog.process import current_pid

TURN_STRIPES = 1024
_GUARD = threading.Lock()  # the stripes' thread locks of this process
_OFD_WAIT = getattr(fcntl, "F_OFD_SETLKW", None)


def _record_lock(fd: int, stripe: int, kind: int) -> None:
    """Lock (F_WRLCK) or unlock (F_UNLCK) one byte of the turn lock file, waiting."""
    if _OFD_WAIT is not None:
        # struct flock: type, whence, start, len, pid (0 for OFD locks), native layout
        fcntl.fcntl(fd, _OFD_WAIT, struct.pack("hhqqi0q", kind, os.SEEK_SET, stripe, 1, 0))
        return
    while True:  # elsewhere: process-wide record locks, whose EDEADLK is false here (above)
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX if kind == fcntl.F_WRLCK else fcntl.LOCK_UN, 1, stripe)
            return
        except OSError as exc:
            if exc.errno != errno.EDEADLK:
                raise
            time.sleep(0.001)


# The stripes' thread locks, made once per process (a forked worker makes its own): shared by
# every database file of the process, which at worst serialises two shoppers a little more
_STRIPES: tuple[int, list[threading.Lock]] = (-1, [])


def _stripe_locks() -> list[threading.Lock]:
    global _STRIPES
    pid = current_pid()
    if _STRIPES[0] != pid:
        with _GUARD:
            if _STRIPES[0] != pid:
                _STRIPES = (pid, [threading.Lock() for _ in range(TURN_STRIPES)])
    return _STRIPES[1]


@contextlib.contextmanager
def turn_lock(db: sqlite_utils.Database, key: str) -> Iterator[None]:
    """Serialise the holders of `key` (a shopper) across the threads and processes of this
    database file, until the block ends."""
    path = getattr(db, "_voicecart_path", None)
    if path is None:
        yield
        return
    stripe = zlib.crc32(key.encode("utf-8", "surrogatepass")) % TURN_STRIPES  # the same in every process
    tlock = _stripe_locks()[stripe]
    with lock_file_of(db, path + ".turnlock") as entry, tlock:
        _record_lock(entry.fd, stripe, fcntl.F_WRLCK)
        try:
            yield
        finally:
            _record_lock(entry.fd, stripe, fcntl.F_UNLCK)
