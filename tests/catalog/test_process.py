"""catalog.process: the process id kept without a system call must follow a fork, or a forked
gunicorn worker would use its master's SQLite connection and lock files."""
from __future__ import annotations

import os

from catalog.database import ConnectionPool
from catalog.process import current_pid


def _in_child(work) -> str:
    """Run `work` in a forked child; what it returns (a short text) comes back by a pipe."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            os.write(write_end, str(work()).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        answer = pipe.read()
    os.waitpid(pid, 0)
    return answer


def test_the_kept_process_id_is_this_process_and_a_forked_childs_own():
    assert current_pid() == os.getpid()
    child = _in_child(lambda: f"{current_pid()} {os.getpid()}")
    kept, real = child.split()
    assert kept == real
    assert int(kept) != os.getpid()


def test_a_forked_child_opens_its_own_connection_rather_than_its_parents(tmp_path):
    pool = ConnectionPool(tmp_path / "fork.db")
    parent_db = pool.get()
    parent_db.execute("create table t (x)")
    parent_conn = id(parent_db.conn)

    def child() -> str:
        db = pool.get()
        db.execute("insert into t values (1)")
        db.conn.commit()
        return "own" if db is not parent_db and id(db.conn) != parent_conn else "parent's"

    assert _in_child(child) == "own"
    assert pool.get() is parent_db
    assert parent_db.execute("select count(*) from t").fetchone()[0] == 1
