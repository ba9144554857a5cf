"""Serving the app with gunicorn, the production WSGI server.

gunicorn rather than waitress: matching is CPU-bound Python, so real parallelism needs
processes, not threads under one GIL. With `preload_app` the master maps the catalog's index
file (catalog.index_store) before forking, so the workers share its pages; each worker's
threads (gthread) overlap network waits (recommended_threads). Each worker starts its background
threads after the fork (the outbox dispatcher; on PostgreSQL the catalog listener) and stops
the listener as it exits.
"""
from __future__ import annotations

import gc
import glob
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication
from gunicorn.glogging import Logger

from skill.cpu_affinity import CpuPinning, allowed_cpus, cpus_to_pin

METRICS_DIR_ENV = "PROMETHEUS_MULTIPROC_DIR"


def recommended_workers() -> int:
    return max(2, min(8, os.cpu_count() or 2))


# Threads per worker, by backend. A worker's threads share one interpreter lock on one core,
# so they only help while a turn waits outside Python. On SQLite a turn is CPU work between
# SQLite calls of microseconds; each of those calls hands the lock to another thread, so with
# four threads every turn shares the core with three others and waits on them (bench/README,
# ninth and thirteenth passes: p99 at 16 clients 22-34 ms with four threads, 15-23 ms with
# two, at the same CPU per turn). Two still leave a second thread beside a turn that waits on
# the network (token introspection, a certificate download, Alexa's address API). On
# PostgreSQL a turn waits on two or three network round trips, which four threads overlap.
SQLITE_THREADS = 2
POSTGRES_THREADS = 4
# How long a worker keeps an idle keep-alive connection open. A proxy in front must give up
# its idle connections sooner (skill.nginx), or it may send a request down one as the
# worker closes it.
KEEPALIVE_S = 5


def recommended_threads(location: Path | str) -> int:
    """The default threads per worker for the database at `location` (a path or a URL)."""
    from skill.storage import PostgresUrl

    return POSTGRES_THREADS if isinstance(location, PostgresUrl) else SQLITE_THREADS


class _Gunicorn(BaseApplication):
    def __init__(self, app: Flask, options: dict[str, Any]) -> None:
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            if key in self.cfg.settings:  # settings newer than the installed gunicorn are skipped
                self.cfg.set(key, value)

    def load(self) -> Flask:
        return self.application


def _start_background(worker: Any) -> None:
    runtime = worker.app.application.extensions.get("voicecart")
    if runtime is not None:
        runtime.start_background()
        runtime.start_listening()


def _stop_listening(server: Any, worker: Any) -> None:
    # Runs in the worker as it exits: its catalog listener closes its connection cleanly
    runtime = worker.app.application.extensions.get("voicecart")
    if runtime is not None:
        runtime.stop_listening()


def _before_fork(server: Any, worker: Any) -> None:
    # The master's database pool (PostgreSQL) must not be shared with a child: each worker
    # opens its own on first use
    runtime = server.app.application.extensions.get("voicecart")
    if runtime is not None:
        runtime.storage.close()
    # What the master made (the app, the catalog's Python side) lives as long as the workers:
    # out of the collector's reach, a worker's full collection walks only its own objects
    # (in process, 30 ms every ~5,000 turns with them, 8 ms without) and never writes to the
    # shared pages that hold them, so they stay shared
    gc.freeze()


def _worker_exited(server: Any, worker: Any) -> None:
    # prometheus-client's bookkeeping for a dead worker (a restart after a timeout or a
    # crash): its live gauges go; its counters stay in the totals, as Prometheus expects
    from prometheus_client import multiprocess
    multiprocess.mark_process_dead(worker.pid)


@contextmanager
def multiprocess_metrics() -> Iterator[Path]:
    """The directory where every worker writes its metric values (PROMETHEUS_MULTIPROC_DIR),
    set up before prometheus-client makes its first metric, and cleaned up afterwards.

    Unset: a new private directory for this server, removed when it stops. Set by the
    operator: used, and emptied of the values of an earlier run first (prometheus-client's
    rule: the directory is wiped between runs), but kept; give each server its own.
    """
    given = os.environ.get(METRICS_DIR_ENV, "").strip()
    owner = os.getpid()  # gunicorn's workers are forks: only the master removes the directory
    if given:
        path = Path(given)
        path.mkdir(parents=True, exist_ok=True)
        for stale in glob.glob(str(path / "*.db")):
            os.remove(stale)
    else:
        path = Path(tempfile.mkdtemp(prefix="voicecart-metrics-"))
        os.environ[METRICS_DIR_ENV] = str(path)
    logging.getLogger("voicecart").info("metrics: the workers write their values to %s", path)
    from prometheus_client import values
    if not values.ValueClass._multiprocess:  # imported before the variable was set
        values.ValueClass = values.get_value_class()
    try:
        yield path
    finally:
        if not given and os.getpid() == owner:
            shutil.rmtree(path, ignore_errors=True)


class JsonLogger(Logger):
    """gunicorn's own log lines (its error log and, with --access-log, its access log) as
    JSON objects, like the app's (skill.request_log)."""

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        from skill.request_log import JsonFormatter, RequestIdFilter
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                handler.setFormatter(JsonFormatter())
                handler.addFilter(RequestIdFilter())


def serve(app: Flask, *, host: str, port: int, workers: int, threads: int,
          access_log: bool = False, log_format: str = "text", cpu_affinity: str = "auto") -> None:
    """Run `app` under gunicorn until stopped. `cpu_affinity`: see skill.cpu_affinity."""
    pinning = CpuPinning(cpus_to_pin(workers, cpu_affinity, allowed_cpus()))
    options = {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread",
        "preload_app": True,
        # Alexa gives up after ~8 s; a worker stuck far longer than that is restarted.
        "timeout": 30,
        "graceful_timeout": 10,
        "keepalive": KEEPALIVE_S,
        "accesslog": "-" if access_log else None,
        "errorlog": "-",
        "loglevel": "info",
        "proc_name": "voicecart",
        # gunicorn's runtime control socket lives at one path per user: two servers (a second
        # deployment, or tests) would fight over it, and nothing here uses it.
        "control_socket_disable": True,
        # background threads (the outbox dispatcher) start in each worker after the fork
        "post_worker_init": _start_background,
        "worker_exit": _stop_listening,
        "pre_fork": _before_fork,
        "child_exit": _worker_exited,
    }
    if pinning.cpus:
        def pre_fork(server: Any, worker: Any) -> None:
            _before_fork(server, worker)
            pinning.pre_fork(server, worker)

        options.update(pre_fork=pre_fork, post_fork=pinning.post_fork)
    if log_format == "json":
        options["logger_class"] = JsonLogger
    _Gunicorn(app, options).run()
