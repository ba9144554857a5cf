"""Threads per worker for `voicecart serve`: two on SQLite, four on PostgreSQL, or --threads.

Why the default differs by backend is in skill.server (bench/README, "Thirteenth pass").
"""
from __future__ import annotations

from skill.server import POSTGRES_THREADS, SQLITE_THREADS, recommended_threads
from skill.storage import db_location
from support import postgres_database, running_server


def test_sqlite_gets_two_threads_a_worker_and_postgresql_four():
    assert (SQLITE_THREADS, POSTGRES_THREADS) == (2, 4)
    assert recommended_threads(db_location("voicecart.db")) == SQLITE_THREADS
    assert recommended_threads(db_location("postgresql://postgres@127.0.0.1/shop")) == POSTGRES_THREADS
    # a file whose name merely mentions postgresql is still a SQLite file
    assert recommended_threads(db_location("postgresql.db")) == SQLITE_THREADS


def _startup_line(log: str) -> str:
    return next(line for line in log.splitlines() if "listening on" in line)


def test_serve_says_how_many_workers_and_threads_it_runs_and_takes_the_option(tmp_path):
    with running_server(tmp_path / "default.db", "--dev", workers=2):
        pass
    assert _startup_line((tmp_path / "default.server.log").read_text()).endswith(
        "(2 workers x 2 threads)")

    with running_server(tmp_path / "three.db", "--dev", "--threads", "3", workers=1):
        pass
    assert _startup_line((tmp_path / "three.server.log").read_text()).endswith(
        "(1 worker x 3 threads)")


def test_serve_on_postgresql_runs_four_threads_a_worker(tmp_path):
    with postgres_database("voicecart_threads") as url:
        with running_server(url, "--dev", workers=1, log_path=tmp_path / "pg.log"):
            pass
    assert _startup_line((tmp_path / "pg.log").read_text()).endswith("(1 worker x 4 threads)")
