"""Serving the app with gunicorn, the production WSGI server.

gunicorn rather than waitress: matching is CPU-bound Python, so real parallelism needs
processes, not threads under one GIL. With `preload_app` the master maps the catalog's index
file (catalog.index_store) before forking, so the workers share its pages; each worker's
threads (gthread) overlap SQLite commits and network waits.
"""
from __future__ import annotations

import os
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication


def recommended_workers() -> int:
    return max(2, min(8, os.cpu_count() or 2))


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


def _before_fork(server: Any, worker: Any) -> None:
    # The master's database pool (PostgreSQL) must not be shared with a child: each worker
    # opens its own on first use
    runtime = server.app.application.extensions.get("voicecart")
    if runtime is not None:
        runtime.storage.close()


def serve(app: Flask, *, host: str, port: int, workers: int, threads: int,
          access_log: bool = False) -> None:
    options = {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread",
        "preload_app": True,
        # Alexa gives up after ~8 s; a worker stuck far longer than that is restarted.
        "timeout": 30,
        "graceful_timeout": 10,
        "keepalive": 5,
        "accesslog": "-" if access_log else None,
        "errorlog": "-",
        "loglevel": "info",
        "proc_name": "voicecart",
        # gunicorn's runtime control socket lives at one path per user: two servers (a second
        # deployment, or tests) would fight over it, and nothing here uses it.
        "control_socket_disable": True,
        # background threads (the outbox dispatcher) start in each worker after the fork
        "post_worker_init": _start_background,
        "pre_fork": _before_fork,
    }
    _Gunicorn(app, options).run()
