"""A conversation turn on SQLite (issue 22): the shopper's lock from the start, the file's write
lock only from the turn's first write, nested unit of work or foreign lock; one transaction."""
from __future__ import annotations

import fcntl
import multiprocessing
import os
import sqlite3
import threading

import pytest

from catalog.database import SqliteSession, open_database, write_transaction
from catalog.turn_lock import turn_lock


@pytest.fixture
def path(tmp_path):
    db = open_database(tmp_path / "t.db")
    with write_transaction(db):
        db.execute("create table t (x text)")
    db.conn.close()
    return tmp_path / "t.db"


def writer_lock_free(path) -> bool:
    # another open file description of the lock file: flock refuses it while a writer holds it
    fd = os.open(str(path) + ".writelock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.flock(fd, fcntl.LOCK_UN)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(fd)


@pytest.fixture
def turn_and_service(path):
    """One connection, as a turn and a cart service share it: (connection, turn, service)."""
    db = open_database(path)
    return db, SqliteSession(db, "turn"), SqliteSession(db, "cart")


def rows(path) -> list[str]:
    db = open_database(path)
    try:
        return [r[0] for r in db.execute("select x from t order by rowid")]
    finally:
        db.conn.close()


def test_a_turn_reads_without_the_write_lock_and_writes_under_it(path):
    session = SqliteSession(open_database(path), "tx")
    with session.transaction(batched=True, turn_of="ann"):
        assert session.in_transaction()  # the stores accept its writes
        session.execute("select count(*) from t").fetchone()
        assert writer_lock_free(path)  # reads so far: other writers go on
        session.execute_later("insert into t values ('a')")
        assert writer_lock_free(path)  # a write nobody reads waits for the turn's end
        session.execute("insert into t values ('b')")
        assert not writer_lock_free(path)  # from the first other write to the commit
    assert writer_lock_free(path)
    assert rows(path) == ["a", "b"]  # in the order the turn made them


def test_writes_held_back_to_the_end_of_a_turn_commit_with_it(path):
    session = SqliteSession(open_database(path), "tx")
    with session.transaction(batched=True, turn_of="ann"):
        session.execute_later("insert into t values ('a')")
        session.execute_later("insert into t values ('b')")
        assert rows(path) == []  # nothing visible before the commit
    assert writer_lock_free(path)
    assert rows(path) == ["a", "b"]


def test_a_read_after_a_held_back_write_sees_it(path):
    session = SqliteSession(open_database(path), "tx")
    with session.transaction(batched=True, turn_of="ann"):
        session.execute_later("insert into t values ('a')")
        assert session.execute("select x from t").fetchall() == [("a",)]
        assert not writer_lock_free(path)
    assert rows(path) == ["a"]


def test_a_held_back_write_that_fails_at_the_end_undoes_the_whole_turn(tmp_path):
    db = open_database(tmp_path / "k.db")
    with write_transaction(db):
        db.execute("create table k (x text primary key)")
        db.execute("insert into k values ('taken')")
    session = SqliteSession(db, "tx")
    with pytest.raises(sqlite3.IntegrityError):
        with session.transaction(batched=True, turn_of="ann"):
            session.execute_later("insert into k values ('new')")
            session.execute_later("insert into k values ('taken')")
    assert not db.conn.in_transaction
    assert writer_lock_free(tmp_path / "k.db")
    assert [r[0] for r in db.execute("select x from k")] == ["taken"]


def test_a_failed_turn_keeps_none_of_its_writes(path):
    session = SqliteSession(open_database(path), "tx")
    with pytest.raises(RuntimeError):
        with session.transaction(batched=True, turn_of="ann"):
            session.execute("insert into t values ('a')")
            with session.transaction():
                session.execute("insert into t values ('b')")
            raise RuntimeError("the handler failed")
    assert rows(path) == []
    assert writer_lock_free(path)


@pytest.mark.parametrize("key, takes_write_lock", [
    (("replay", "a1b2"), False), (("cart", "ann"), False),
    (("cart", "bob"), True), (("slots", "brooklyn", "pickup"), True), (("order", "k1"), True)])
def test_only_the_shoppers_own_replay_record_and_cart_go_without_the_write_lock(
        path, key, takes_write_lock):
    session = SqliteSession(open_database(path), "tx")
    with session.transaction(batched=True, turn_of="ann"):
        session.lock(*key)
        assert writer_lock_free(path) is not takes_write_lock


def test_a_unit_of_work_inside_a_turn_joins_it_and_locks_at_its_first_write(
        path, turn_and_service):
    """Each cart service reads and writes in one unit: inside a turn its reads of the
    shopper's own rows go on without the write lock, its first write takes it, and the unit
    commits with the turn, not on its own."""
    db, turn, service = turn_and_service
    with turn.transaction(batched=True, turn_of="ann"):
        with service.transaction():
            service.execute("select count(*) from t").fetchone()
            assert writer_lock_free(path)
            service.execute("insert into t values ('a')")
            assert not writer_lock_free(path)
        assert db.conn.in_transaction  # not committed on its own
    assert rows(path) == ["a"]


def test_a_failed_unit_drops_its_held_back_writes_and_keeps_the_turns(path, turn_and_service):
    _db, turn, service = turn_and_service
    with turn.transaction(batched=True, turn_of="ann"):
        turn.execute_later("insert into t values ('before')")
        with pytest.raises(ValueError):
            with service.transaction():
                service.execute_later("insert into t values ('undone')")
                raise ValueError("out of stock")
        with service.transaction():
            service.execute_later("insert into t values ('kept')")
        turn.execute_later("insert into t values ('after')")
    assert rows(path) == ["before", "kept", "after"]


def test_a_unit_that_fails_after_the_turn_began_inside_it_is_rolled_back_to_its_start(
        path, turn_and_service):
    """The turn begins inside the unit: the unit becomes a real savepoint where it opened,
    between the held-back writes made before it and its own."""
    db, turn, service = turn_and_service
    with turn.transaction(batched=True, turn_of="ann"):
        turn.execute_later("insert into t values ('before')")
        with pytest.raises(ValueError):
            with service.transaction():
                service.execute_later("insert into t values ('held')")
                with service.transaction():
                    service.execute("insert into t values ('written')")  # the turn begins
                raise ValueError("slot taken")
        assert db.conn.in_transaction
        turn.execute_later("insert into t values ('after')")
    assert rows(path) == ["before", "after"]


def test_a_held_back_write_failing_as_a_unit_begins_the_turn_undoes_the_turn(tmp_path):
    """The error is the write's own, the unit's bookkeeping does not hide it, and nothing of
    the turn is kept."""
    db = open_database(tmp_path / "k.db")
    with write_transaction(db):
        db.execute("create table k (x text primary key)")
        db.execute("insert into k values ('taken')")
    turn, service = SqliteSession(db, "turn"), SqliteSession(db, "cart")
    with pytest.raises(sqlite3.IntegrityError):
        with turn.transaction(batched=True, turn_of="ann"):
            turn.execute_later("insert into k values ('new')")
            turn.execute_later("insert into k values ('taken')")
            with service.transaction():
                service.execute_later("insert into k values ('mine')")
                # begins the turn: the replay fails before this unit's savepoint is made
                service.execute("insert into k values ('other')")
    assert not db.conn.in_transaction
    assert writer_lock_free(tmp_path / "k.db")
    assert [r[0] for r in db.execute("select x from k")] == ["taken"]


def test_turns_of_one_shopper_are_serial_and_of_two_shoppers_overlap(path):
    inside: dict[str, int] = {"ann": 0, "bob": 0}
    most = {"ann": 0, "together": 0}
    guard = threading.Lock()
    both_in = threading.Barrier(2, timeout=10)

    def turns(shopper: str, meet: bool) -> None:
        session = SqliteSession(open_database(path), "tx")
        for n in range(30):
            with session.transaction(batched=True, turn_of=shopper):
                with guard:
                    inside[shopper] += 1
                    most["ann"] = max(most["ann"], inside["ann"])
                    most["together"] = max(most["together"], inside["ann"] + inside["bob"])
                if meet and n == 0:
                    both_in.wait()  # an ann turn and a bob turn in their reads at once
                session.execute("select count(*) from t").fetchone()
                session.execute("insert into t values (?)", [shopper])
                with guard:
                    inside[shopper] -= 1

    threads = [threading.Thread(target=turns, args=("ann", False)) for _ in range(3)]
    meeting = [threading.Thread(target=turns, args=(who, True)) for who in ("ann", "bob")]
    for t in meeting + threads:
        t.start()
    for t in meeting + threads:
        t.join()
    assert most["ann"] == 1  # never two turns of one shopper at once
    assert most["together"] == 2
    assert len(rows(path)) == 150


def _hold_in_child(path: str, key: str, held, release) -> None:
    db = open_database(path)
    with turn_lock(db, key):
        held.set()
        release.wait(10)


def test_a_shoppers_lock_holds_across_processes(path):
    ctx = multiprocessing.get_context("fork")
    held, release = ctx.Event(), ctx.Event()
    child = ctx.Process(target=_hold_in_child, args=(str(path), "ann", held, release))
    child.start()
    try:
        assert held.wait(10)
        entered = threading.Event()

        def turn() -> None:
            with turn_lock(open_database(path), "ann"):
                entered.set()

        waiter = threading.Thread(target=turn)
        waiter.start()
        with turn_lock(open_database(path), "bob"):  # another shopper is not held up
            pass
        assert not entered.wait(0.3)  # ann's lock is the child's until it lets go
        release.set()
        assert entered.wait(10)
        waiter.join()
    finally:
        release.set()
        child.join(10)


def _cross_waits_in_child(path: str, y_held, go, release_y) -> None:
    db = open_database(path)

    def wait_for_x() -> None:
        go.wait(10)
        with turn_lock(open_database(path), "x"):  # the parent holds it: this thread waits
            pass

    waiter = threading.Thread(target=wait_for_x)
    waiter.start()
    with turn_lock(db, "y"):
        y_held.set()
        release_y.wait(10)
    waiter.join(10)


def test_threads_of_two_processes_waiting_on_each_others_stripes_are_no_deadlock(path):
    """Process-wide POSIX record locks failed this wait with EDEADLK: the child holds y and
    waits for x, the parent holds x and waits for y, each in a different thread, which is no
    deadlock (the child's y holder lets go on its own)."""
    import zlib

    from catalog.turn_lock import TURN_STRIPES
    assert zlib.crc32(b"x") % TURN_STRIPES != zlib.crc32(b"y") % TURN_STRIPES
    ctx = multiprocessing.get_context("fork")
    y_held, go, release_y = ctx.Event(), ctx.Event(), ctx.Event()
    child = ctx.Process(target=_cross_waits_in_child, args=(str(path), y_held, go, release_y))
    child.start()
    errors: list[BaseException] = []
    try:
        assert y_held.wait(10)
        with turn_lock(open_database(path), "x"):
            go.set()
            threading.Event().wait(0.3)  # the child's other thread is now waiting for x

            def want_y() -> None:
                try:
                    with turn_lock(open_database(path), "y"):
                        pass
                except OSError as exc:
                    errors.append(exc)

            wanting = threading.Thread(target=want_y)
            wanting.start()
            threading.Event().wait(0.1)
            release_y.set()
            wanting.join(10)
        assert errors == []
    finally:
        release_y.set()
        child.join(10)
    assert child.exitcode == 0
