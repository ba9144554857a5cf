"""Opening the one SQLite file that holds catalog, carts, orders and dialog state."""
from __future__ import annotations

import contextlib
import itertools
import logging
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import fcntl

import sqlite_utils

from catalog.lock_files import hold_open, lock_file_of
from catalog.process import current_pid
from catalog.turn_lock import turn_lock

BUSY_TIMEOUT_MS = 5000
# Checkpoints of a server's connections (ConnectionPool). SQLite's automatic checkpoint runs
# inside the COMMIT that takes the WAL past 1,000 pages, behind the writer lock, and waits for
# two fsyncs: 1% of turns held the lock 2-8 ms longer and every other writer queued behind
# them (issue 22). A pool connection instead checkpoints (PASSIVE: it never waits for readers
# or writers) after releasing the lock, once every CHECKPOINT_EVERY commits of its process;
# SQLite's own stays on as a backstop for writes that bypass the lock, at a size never
# reached otherwise.
CHECKPOINT_EVERY = 100
BACKSTOP_AUTOCHECKPOINT_PAGES = 10_000
_commits = itertools.count(1)
log = logging.getLogger("voicecart.database")


@contextlib.contextmanager
def writer_lock(db: sqlite_utils.Database) -> Iterator[None]:
    """Serialise writers to one database file: a thread lock within the process, an flock on
    `<db>.writelock` across processes. Both wake a waiter as soon as the holder releases,
    unlike SQLite's busy handler, which sleeps and polls (1, 2, 5, 10 ... 100 ms)."""
    path = getattr(db, "_voicecart_path", None)
    if path is None:
        yield
        return
    with lock_file_of(db, path + ".writelock") as lock, lock.tlock:
        fcntl.flock(lock.fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock.fd, fcntl.LOCK_UN)
    if getattr(db, "_voicecart_checkpoints", False) and next(_commits) % CHECKPOINT_EVERY == 0:
        checkpoint(db)


def checkpoint(db: sqlite_utils.Database) -> None:
    """Copy the WAL's committed pages into the database file, as far as readers allow,
    without waiting for anyone (a busy WAL is simply checkpointed on a later call)."""
    if db.conn.in_transaction:
        return
    try:
        db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
    except sqlite3.OperationalError as exc:  # e.g. locked by a checkpointer of another process
        log.debug("checkpoint skipped: %s", exc)


class _PendingUnit:
    """A unit of work opened inside a turn before the turn took the write lock: where its
    held-back writes start, and whether it has become a real savepoint since."""

    __slots__ = ("name", "start", "real")

    def __init__(self, name: str, start: int) -> None:
        self.name, self.start, self.real = name, start, False


class _Turn:
    """A turn under way on a connection (`db._voicecart_turn`): its shopper, and whether it
    has taken the write lock and begun its transaction yet.

    Until it has, the writes nobody reads the result of (`SqliteSession.execute_later`: the
    cart row, the dialog state, the replay record) are held back, as PostgreSQL sends them
    with the COMMIT of a batched turn, and units of work opened meanwhile are only marks in
    that queue. Anything else that needs the lock (another write, a lock on a key the
    shopper's lock does not stand for, a read after a held-back write, the end of the turn)
    begins the transaction and replays the queue first, with the savepoints of the units
    still open at their places. So the write lock is held for the writes and the COMMIT, not
    for the Python between them (issue 22), and a turn's statements still run in the order
    it made them."""

    __slots__ = ("db", "customer_id", "begun", "_stack", "_held", "_units")

    def __init__(self, db: sqlite_utils.Database, customer_id: str,
                 stack: contextlib.ExitStack) -> None:
        self.db, self.customer_id, self.begun, self._stack = db, customer_id, False, stack
        self._held: list[tuple[str, list]] = []
        self._units: list[_PendingUnit] = []

    def begin(self) -> None:
        if self.begun:
            return
        self._stack.enter_context(writer_lock(self.db))
        self.db.execute("BEGIN IMMEDIATE")
        self.begun = True
        held, units, done = self._held, self._units, 0
        self._held, self._units = [], []
        for unit in units:  # opened in order, so their starts do not decrease
            for sql, params in held[done:unit.start]:
                self.db.execute(sql, params)
            done = unit.start
            self.db.execute(f"SAVEPOINT {unit.name}")
            unit.real = True
        for sql, params in held[done:]:
            self.db.execute(sql, params)

    def hold(self, sql: str, params: list) -> None:
        self._held.append((sql, params))

    @property
    def holds_writes(self) -> bool:
        return bool(self._held)

    def open_unit(self, name: str) -> _PendingUnit:
        unit = _PendingUnit(name, len(self._held))
        self._units.append(unit)
        return unit

    def close_unit(self, unit: _PendingUnit, failed: bool) -> None:
        """A unit that ended before it became a savepoint: on failure its held-back writes go.
        (A turn whose begin() failed while replaying has let go of its queue already.)"""
        if unit in self._units:
            self._units.remove(unit)
        if failed:
            del self._held[unit.start:]

    def covers(self, key: tuple[str, ...]) -> bool:
        """Locks the shopper's lock already stands for: their replay records (keyed by a hash
        of channel, shopper and request id) and their cart."""
        return key[:1] == ("replay",) or key == ("cart", self.customer_id)


_READS_ONLY: dict[str, bool] = {}


def _reads_only(sql: str) -> bool:
    # Asked of every statement of a turn; the statements are a few dozen constant strings
    found = _READS_ONLY.get(sql)
    if found is None:
        found = sql.lstrip()[:6].lower() == "select"
        if len(_READS_ONLY) < 4096:  # a statement built with values inside is not kept
            _READS_ONLY[sql] = found
    return found


def add_missing_columns(db: sqlite_utils.Database, table: str, columns: dict[str, str]) -> None:
    """Columns added to `table` since a file was made (name -> SQL type), added in place. Every
    worker may run this at start: a column another one added first is no error."""
    have = {row[1] for row in db.execute(f"PRAGMA table_info({table})").fetchall()}
    for name, kind in columns.items():
        if name not in have:
            try:
                db.execute(f"ALTER TABLE {table} ADD COLUMN {name} {kind}")
            except sqlite3.OperationalError as exc:
                if "duplicate column" not in str(exc):
                    raise


def open_database(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) the database file with the settings every connection needs.

    WAL lets readers proceed while one writer commits; the busy timeout makes a second
    writer wait instead of failing at once; NORMAL sync is durable across process crashes
    in WAL mode (only an OS crash may lose the last commits).
    """
    path = Path(path)
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    # isolation_level=None: we issue BEGIN IMMEDIATE ourselves; check_same_thread=False only
    # because a ConnectionPool hands each thread its own connection.
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False,
                           timeout=BUSY_TIMEOUT_MS / 1000)
    db = sqlite_utils.Database(conn)
    db._voicecart_path = str(path.resolve())
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        db.execute("PRAGMA journal_mode = wal")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA foreign_keys = ON")
    return db


@contextlib.contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """A transaction that takes the write lock up front (BEGIN IMMEDIATE).

    A plain BEGIN takes the lock only at the first write, so two read-modify-write
    transactions can both read and then one fails with SQLITE_BUSY: IMMEDIATE serialises
    them instead, which is what keeps concurrent cart updates from being lost.
    Nested use joins the outer transaction.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    with writer_lock(db):
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.rollback()
            raise
        else:
            db.execute("COMMIT")


def _commit(db: sqlite_utils.Database) -> None:
    """COMMIT, rolling back when the commit itself fails (the file is left unlocked)."""
    try:
        db.execute("COMMIT")
    except BaseException:
        db.rollback()
        raise


def _end_savepoint(db: sqlite_utils.Database, name: str, failed: bool) -> None:
    """Release a savepoint, rolling its work back first when its block failed (unless the
    failure already ended the whole transaction, which took the savepoint with it)."""
    if failed:
        if not db.conn.in_transaction:
            return
        db.execute(f"ROLLBACK TO SAVEPOINT {name}")
    db.execute(f"RELEASE SAVEPOINT {name}")


class UnitOfWork:
    """The transactions of one repository over one connection: BEGIN IMMEDIATE (behind the
    process's writer lock) at the outermost level, savepoints inside, so a failed inner step
    is undone without losing the outer work. A transaction the caller already opened on the
    connection is joined with a savepoint. Used as `with self._work(): ...`."""

    def __init__(self, db: sqlite_utils.Database, savepoint_prefix: str) -> None:
        self.db = db
        self.prefix = savepoint_prefix
        self.depth = 0

    @contextlib.contextmanager
    def __call__(self, turn_of: str | None = None) -> Iterator[None]:
        db = self.db
        turn = getattr(db, "_voicecart_turn", None)
        if self.depth == 0 and not db.conn.in_transaction and turn is None and turn_of:
            with self._turn(turn_of):
                yield
            return
        if turn is not None and not turn.begun:
            with self._pending(turn):
                yield
            return
        if self.depth == 0 and not db.conn.in_transaction:
            with writer_lock(db):
                db.execute("BEGIN IMMEDIATE")
                self.depth = 1
                try:
                    yield
                except BaseException:
                    db.rollback()
                    raise
                else:
                    _commit(db)
                finally:
                    self.depth = 0
            return
        name = f"{self.prefix}_{self.depth}"
        db.execute(f"SAVEPOINT {name}")
        self.depth += 1
        try:
            yield
        except BaseException:
            _end_savepoint(db, name, failed=True)
            raise
        else:
            _end_savepoint(db, name, failed=False)
        finally:
            self.depth -= 1

    @contextlib.contextmanager
    def _pending(self, turn: _Turn) -> Iterator[None]:
        """A unit inside a turn that has not begun: a mark in its held-back writes, made a
        real savepoint if the turn begins before the unit ends (_Turn.begin)."""
        unit = turn.open_unit(f"{self.prefix}_{self.depth}")
        self.depth += 1
        try:
            yield
        except BaseException:
            if unit.real:
                _end_savepoint(self.db, unit.name, failed=True)
            else:
                turn.close_unit(unit, failed=True)
            raise
        else:
            if unit.real:
                _end_savepoint(self.db, unit.name, failed=False)
            else:
                turn.close_unit(unit, failed=False)
        finally:
            self.depth -= 1

    @contextlib.contextmanager
    def _turn(self, customer_id: str) -> Iterator[None]:
        """A conversation turn: the shopper's lock now, the write lock at the turn's first
        need of it (see catalog.turn_lock); one transaction, committed or rolled back whole."""
        db = self.db
        with turn_lock(db, customer_id), contextlib.ExitStack() as stack:
            turn = db._voicecart_turn = _Turn(db, customer_id, stack)
            self.depth = 1
            try:
                yield
            except BaseException:
                if turn.begun:
                    db.rollback()
                raise
            else:
                if turn.holds_writes:
                    try:
                        turn.begin()
                    except BaseException:
                        if db.conn.in_transaction:
                            db.rollback()
                        raise
                if turn.begun:
                    _commit(db)
            finally:
                self.depth = 0
                db._voicecart_turn = None


class ConnectionPool:
    """One connection per thread (and per process: a forked worker opens its own)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._local = threading.local()

    def get(self) -> sqlite_utils.Database:
        pid = current_pid()
        db = getattr(self._local, "db", None)
        if db is None or self._local.pid != pid:
            db = open_database(self.path)
            # checkpointed by writer_lock outside the lock (see CHECKPOINT_EVERY)
            db.execute(f"PRAGMA wal_autocheckpoint = {BACKSTOP_AUTOCHECKPOINT_PAGES}")
            db._voicecart_checkpoints = True
            # its lock files stay open while it lives: a turn then opens and closes none
            hold_open(db, db._voicecart_path + ".writelock")
            hold_open(db, db._voicecart_path + ".turnlock")
            self._local.db, self._local.pid = db, pid
        return db


class SqliteSession:
    """One SQLite connection as a catalog.sql.SqlSession, for the stores shared by both backends."""

    backend = "sqlite"

    def __init__(self, db: sqlite_utils.Database, savepoint_prefix: str) -> None:
        self.db = db
        self._work = UnitOfWork(db, savepoint_prefix)
        # On a connection in autocommit mode (open_database's: we BEGIN ourselves) the
        # connection's own execute: sqlite-utils' implicit-transaction bookkeeping around it
        # has nothing to do there. A connection in Python's default mode keeps it.
        self._execute = db.conn.execute if db.conn.isolation_level is None else db.execute

    def execute(self, sql: str, params=()) -> sqlite3.Cursor:
        turn = getattr(self.db, "_voicecart_turn", None)
        if turn is not None and not turn.begun and (turn.holds_writes or not _reads_only(sql)):
            turn.begin()
        return self._execute(sql, params if isinstance(params, (list, tuple)) else list(params))

    def executemany(self, sql: str, params) -> None:
        turn = getattr(self.db, "_voicecart_turn", None)
        if turn is not None:
            turn.begin()
        self.db.conn.executemany(sql, params)

    def execute_later(self, sql: str, params=()) -> None:
        """A write nobody reads the result of: in a turn that has not taken the write lock
        yet, held back until it does (see _Turn); otherwise run now."""
        turn = getattr(self.db, "_voicecart_turn", None)
        if turn is not None and not turn.begun:
            turn.hold(sql, list(params))
            return
        self.execute(sql, params)

    def prefetch(self, sql: str, params=()) -> None:
        """No round trips to save on a file: the read runs when it is asked for."""

    def turn_wrote(self) -> bool:
        # A turn that has begun took the write lock for a write or a lock of its own
        turn = getattr(self.db, "_voicecart_turn", None)
        return turn is None or turn.begun or turn.holds_writes

    def in_transaction(self) -> bool:
        return self.db.conn.in_transaction or getattr(self.db, "_voicecart_turn", None) is not None

    def transaction(self, batched: bool = False, turn_of: str | None = None):
        """`turn_of`: a conversation turn of this shopper (see catalog.turn_lock)."""
        return self._work(turn_of)

    def lock(self, *key: str) -> None:
        """BEGIN IMMEDIATE serialises every writer of the file: a turn takes it here unless its
        shopper's lock already stands for `key` (see catalog.turn_lock)."""
        turn = getattr(self.db, "_voicecart_turn", None)
        if turn is not None and not turn.covers(key):
            turn.begin()
