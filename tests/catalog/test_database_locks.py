"""The SQLite writer lock: serialises writers, and keeps no descriptor once nobody writes."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from catalog.database import open_database, write_transaction

REPO = Path(__file__).resolve().parents[2]


def _open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


def test_writing_to_many_databases_leaves_no_lock_file_open(tmp_path):
    """A process that opens databases one after another (a test run, `db copy`) kept one lock
    descriptor per file for its whole life, and past 1,024 select() failed."""
    before = _open_descriptors()
    for n in range(40):
        db = open_database(tmp_path / f"{n}.db")
        with write_transaction(db):
            db.execute("create table if not exists t (x integer)")
            db.execute("insert into t values (1)")
        db.conn.close()

    assert _open_descriptors() - before < 5


def test_two_threads_writing_one_database_are_serialised(tmp_path):
    path = tmp_path / "one.db"
    setup = open_database(path)
    with write_transaction(setup):
        setup.execute("create table counter (n integer)")
        setup.execute("insert into counter values (0)")
    inside: list[int] = []
    most_inside = [0]

    def bump() -> None:
        db = open_database(path)
        for _ in range(50):
            with write_transaction(db):
                inside.append(1)
                most_inside[0] = max(most_inside[0], len(inside))
                n = db.execute("select n from counter").fetchone()[0]
                db.execute("update counter set n = ?", [n + 1])
                inside.pop()
        db.conn.close()

    threads = [threading.Thread(target=bump) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert most_inside[0] == 1  # never two writers between BEGIN and COMMIT
    assert setup.execute("select n from counter").fetchone()[0] == 200


def test_a_pool_connection_checkpoints_after_releasing_the_writer_lock(tmp_path, monkeypatch):
    """SQLite's own checkpoint ran inside a COMMIT, behind the lock, waiting for fsync while
    every other writer queued (issue 22): a server's connections checkpoint after the lock
    is released, and the WAL's pages still reach the database file."""
    import fcntl

    from catalog import database

    path = tmp_path / "pool.db"
    db = database.ConnectionPool(path).get()
    assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == \
        database.BACKSTOP_AUTOCHECKPOINT_PAGES
    with write_transaction(db):
        db.execute("create table t (x text)")
    size_before = path.stat().st_size
    calls: list[bool] = []
    real = database.checkpoint

    def spy(conn):
        # another open file description of the lock file: flock refuses it while held
        fd = os.open(str(path) + ".writelock", os.O_RDWR)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            fcntl.flock(fd, fcntl.LOCK_UN)
            calls.append(True)
        except BlockingIOError:
            calls.append(False)
        finally:
            os.close(fd)
        real(conn)

    monkeypatch.setattr(database, "checkpoint", spy)
    for n in range(2 * database.CHECKPOINT_EVERY):
        with write_transaction(db):
            db.execute("insert into t values (?)", ["x" * 2000])

    assert calls and all(calls)  # it ran, never while the lock was held
    assert path.stat().st_size > size_before + 100 * 2000  # the rows reached the file


def _lock_files_open(path) -> int:
    names = (str(path) + ".writelock", str(path) + ".turnlock")
    found = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            found += os.readlink(f"/proc/self/fd/{fd}") in names
        except OSError:
            pass
    return found


def test_a_pooled_connection_keeps_its_lock_files_open_while_it_lives(tmp_path):
    """A server's turns open and close no lock file (issue 22): its pooled connections hold
    both open, and let them go with the connection."""
    import gc

    from catalog.database import ConnectionPool, SqliteSession

    path = (tmp_path / "pool.db").resolve()
    pool = ConnectionPool(path)
    session = SqliteSession(pool.get(), "tx")
    with session.transaction():
        session.execute("create table t (x text)")
    for shopper in ("ann", "bob", "ann"):
        with session.transaction(turn_of=shopper):
            session.execute("insert into t values (?)", [shopper])
    assert _lock_files_open(path) == 2  # one each, not one per turn, and still open
    assert [r[0] for r in pool.get().execute("select x from t")] == ["ann", "bob", "ann"]

    pool.get().conn.close()
    del pool, session
    gc.collect()
    assert _lock_files_open(path) == 0


def test_a_plain_connection_leaves_no_lock_file_open_after_a_turn(tmp_path):
    from catalog.database import SqliteSession

    path = (tmp_path / "plain.db").resolve()
    session = SqliteSession(open_database(path), "tx")
    with session.transaction():
        session.execute("create table t (x text)")
    with session.transaction(turn_of="ann"):
        session.execute("insert into t values ('a')")
    assert _lock_files_open(path) == 0


def test_an_owner_collected_while_its_thread_opens_a_lock_file_does_not_hang_it(tmp_path):
    # The collector may free a pooled connection (its lock files held open by a finalizer) in
    # the middle of lock_files' own bookkeeping, in the same thread: the finalizer's release
    # must not wait for a lock that thread already holds. In a process of its own, so a hang
    # stays there
    script = textwrap.dedent(f"""
        import os
        from catalog import lock_files

        class Owner:
            pass

        owner = Owner()
        lock_files.hold_open(owner, {str(tmp_path / "a.db.writelock")!r})
        before = len(os.listdir("/proc/self/fd"))
        with lock_files._GUARD:
            owner = None  # as if collected here: its finalizer runs now, in this thread
        print(before - len(os.listdir("/proc/self/fd")))
        """)
    try:
        done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True,
                              text=True, timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail("the finalizer waited on lock_files' guard forever")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1"  # and the file it held open is closed
