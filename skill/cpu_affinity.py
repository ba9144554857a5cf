"""One gunicorn worker per CPU, each kept on its own CPU (`voicecart serve --cpu-affinity`).

Why: a worker whose threads the scheduler moves between CPUs starts its turns with cold
caches, and its threads hand the interpreter lock to each other across CPUs at every SQLite
call. A worker kept on one CPU keeps its caches warm. Measured on 2 cores at 16 clients
(bench/README, issue 22's ninth pass): an AddItem turn used 0.93-0.98 ms of server CPU
pinned against 1.08-1.14 ms unpinned, and the hello skill 0.45-0.47 against 0.55-0.62 ms.

The rule (`auto`, the default): pin only a server that has at least one worker per CPU it may
run on, which is what `serve`'s default worker count gives on up to 8 CPUs. A server with
fewer workers than CPUs (a second server on the machine, `--workers 1`) is left to the
scheduler: pinning it would crowd the low-numbered CPUs while others idle.

The master chooses each new worker's CPU before forking it, the CPU its live workers use
least, so a worker restarted after a crash or a timeout takes the CPU its predecessor freed;
the worker pins itself first thing after the fork, before it starts any thread.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Sequence
from typing import Any

MODES = ("auto", "off")
log = logging.getLogger("voicecart")


def allowed_cpus() -> list[int]:
    """The CPUs this process may run on (its affinity mask: a container's cpuset included)."""
    return sorted(os.sched_getaffinity(0))


def cpus_to_pin(workers: int, mode: str, allowed: Sequence[int]) -> list[int]:
    """The CPUs to spread `workers` over, or [] to leave them to the scheduler."""
    if mode not in MODES:
        raise ValueError(f"cpu affinity must be one of {', '.join(MODES)}, not {mode!r}")
    if mode == "off" or len(allowed) < 2 or workers < len(allowed):
        return []
    return sorted(allowed)


def least_used_cpu(cpus: Sequence[int], taken: Iterable[int | None]) -> int:
    """The CPU of `cpus` the fewest live workers are pinned to (the lowest of a tie)."""
    load = dict.fromkeys(cpus, 0)
    for cpu in taken:
        if cpu in load:
            load[cpu] += 1
    return min(cpus, key=lambda cpu: (load[cpu], cpu))


class CpuPinning:
    """gunicorn's pre_fork (in the master) and post_fork (in the new worker) hooks."""

    ATTRIBUTE = "voicecart_cpu"  # set on gunicorn's worker object by the master

    def __init__(self, cpus: Sequence[int]) -> None:
        self.cpus = list(cpus)

    def pre_fork(self, server: Any, worker: Any) -> None:
        live = (getattr(w, self.ATTRIBUTE, None) for w in server.WORKERS.values())
        setattr(worker, self.ATTRIBUTE, least_used_cpu(self.cpus, live))

    def post_fork(self, server: Any, worker: Any) -> None:
        cpu = getattr(worker, self.ATTRIBUTE, None)
        if cpu is None:
            return
        try:
            os.sched_setaffinity(0, {cpu})
        except OSError as exc:  # the CPU went offline, or a cpuset changed since start
            log.warning("worker %s: not pinned to CPU %s: %s", os.getpid(), cpu, exc)
            return
        log.info("worker %s pinned to CPU %s", os.getpid(), cpu)
