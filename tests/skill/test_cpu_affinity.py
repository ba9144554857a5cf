"""Workers kept on a CPU each (skill.cpu_affinity, `voicecart serve --cpu-affinity`).

The rule and the choice of a CPU are pure functions; the hooks are called as gunicorn's master
calls them; then a real server: its workers' CPU masks read from /proc, one worker killed.
"""
from __future__ import annotations

import os
import signal
from contextlib import contextmanager
from types import SimpleNamespace

import pytest

from bench.cluster import process_tree
from skill.cpu_affinity import CpuPinning, cpus_to_pin, least_used_cpu
from support import eventually, running_server


def test_a_server_with_a_worker_per_cpu_is_pinned_and_a_smaller_one_is_not():
    assert cpus_to_pin(2, "auto", [0, 1]) == [0, 1]
    assert cpus_to_pin(6, "auto", [3, 1, 2]) == [1, 2, 3]  # more workers than CPUs: shared
    assert cpus_to_pin(2, "auto", [0, 1, 2, 3]) == []  # a second server would crowd CPUs 0-1
    assert cpus_to_pin(4, "off", [0, 1]) == []
    assert cpus_to_pin(4, "auto", [5]) == []  # one CPU: nothing to choose


def test_an_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="auto, off"):
        cpus_to_pin(2, "always", [0, 1])


def test_a_new_worker_takes_the_cpu_its_live_siblings_use_least():
    assert least_used_cpu([0, 1], []) == 0
    assert least_used_cpu([0, 1], [0]) == 1
    assert least_used_cpu([0, 1, 2], [0, 1, 2, 0, 2]) == 1
    # a worker that was never pinned, or pinned to a CPU no longer allowed, counts for none
    assert least_used_cpu([2, 3], [None, 7, 2]) == 3


def test_the_masters_hook_spreads_workers_and_refills_the_cpu_a_dead_one_freed():
    pinning = CpuPinning([0, 1])
    server = SimpleNamespace(WORKERS={})
    for pid in (101, 102, 103, 104):
        worker = SimpleNamespace()
        pinning.pre_fork(server, worker)
        server.WORKERS[pid] = worker
    assert [w.voicecart_cpu for w in server.WORKERS.values()] == [0, 1, 0, 1]
    del server.WORKERS[103]  # reaped after a crash: its CPU 0 now has one worker, CPU 1 two
    replacement = SimpleNamespace()
    pinning.pre_fork(server, replacement)
    assert replacement.voicecart_cpu == 0


def _workers(master: int) -> list[int]:
    return [pid for pid in process_tree(master) if pid != master]


def _cpus_of(pid: int) -> set[int]:
    return os.sched_getaffinity(pid)


@contextmanager
def _own_cpus(cpus: set[int]):
    """This process (and so the server it starts) runs on `cpus` only, until the block ends."""
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, cpus)
    try:
        yield
    finally:
        os.sched_setaffinity(0, before)


def _two_cpus() -> set[int]:
    allowed = sorted(os.sched_getaffinity(0))
    if len(allowed) < 2:
        pytest.skip(f"this machine lets the tests run on {len(allowed)} CPU: nothing to spread")
    return set(allowed[:2])


def test_a_live_servers_workers_each_run_on_their_own_cpu_and_a_restarted_one_takes_the_freed_cpu(tmp_path):
    cpus = _two_cpus()
    with _own_cpus(cpus), running_server(tmp_path / "pinned.db", "--dev", workers=2) as (_, proc):
        workers = eventually(lambda: len(w := _workers(proc.pid)) == 2 and w, "two workers")
        masks = {pid: _cpus_of(pid) for pid in workers}
        assert sorted(len(m) for m in masks.values()) == [1, 1]
        assert set().union(*masks.values()) == cpus  # one worker on each
        assert _cpus_of(proc.pid) == cpus  # the master is not pinned

        victim = workers[0]
        os.kill(victim, signal.SIGKILL)
        replacement = eventually(
            lambda: [p for p in _workers(proc.pid) if p not in workers], "a new worker")[0]
        assert eventually(lambda: len(_cpus_of(replacement)) == 1 and _cpus_of(replacement),
                          "the new worker pinned") == masks[victim]
    log = (tmp_path / "pinned.server.log").read_text()
    assert f"worker {replacement} pinned to CPU {next(iter(masks[victim]))}" in log


def test_with_affinity_off_the_workers_may_run_on_every_cpu(tmp_path):
    cpus = _two_cpus()
    with _own_cpus(cpus), running_server(tmp_path / "free.db", "--dev", "--cpu-affinity", "off",
                                         workers=2) as (_, proc):
        workers = eventually(lambda: len(w := _workers(proc.pid)) == 2 and w, "two workers")
        assert [_cpus_of(pid) for pid in workers] == [cpus, cpus]
    assert "pinned to CPU" not in (tmp_path / "free.db").with_suffix(".server.log").read_text()
