"""This process's id, read once and again in each forked child.

`os.getpid()` is a system call (glibc stopped caching it), and the per-turn paths ask it
several times a turn to tell whether they run in a forked gunicorn worker that must open its
own connections and locks (issue 22). `os.register_at_fork` keeps this copy right: a child
made by `os.fork` (gunicorn, multiprocessing) reads its own id before any of its code runs.
"""
from __future__ import annotations

import os

_pid = os.getpid()


def _forked() -> None:
    global _pid
    _pid = os.getpid()


os.register_at_fork(after_in_child=_forked)


def current_pid() -> int:
    """`os.getpid()`, without the system call."""
    return _pid
