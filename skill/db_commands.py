"""`voicecart db upgrade` and `voicecart db copy --from SRC --to DST` (the CLI contract).

A copy moves every table of a whole installation (catalog, carts, sessions, slots, orders,
outbox, accounts) between backends, row by row: both schemas store the same text and numbers
(catalog.pg_schema). Rows are read in batches from a cursor (server-side on PostgreSQL), so a
table of any size costs one batch of memory, and each table's progress goes to stderr. The destination is brought to the current schema first and must hold no
data, so a copy never merges two installations by accident. It runs in one transaction on the
destination: a failed copy leaves it empty. Stop the servers writing to the source first.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Callable

import click

from catalog.sql import STORAGE_ERRORS
from skill.options import DbLocation, db_option, open_db
from skill.storage import Storage, describe

BATCH = 1000
# Parents before children (order_lines refers to orders on PostgreSQL)
_FIRST = ("orders",)
_SKIPPED = {"schema_migrations", "sqlite_sequence"}


@click.group("db")
def db_group() -> None:
    """The database: schema versions, and copies between SQLite and PostgreSQL."""


@db_group.command("upgrade")
@db_option
def upgrade(db_path) -> None:
    """Apply the schema migrations this release has and the database lacks."""
    storage = open_db(db_path)  # applies them, or refuses a newer schema with a reason
    version = max(storage.applied_versions(), default=0)
    click.echo(f"voicecart: {describe(db_path)} is at schema version {version} "
               f"({storage.backend})")


@db_group.command("copy")
@click.option("--from", "source", required=True, type=DbLocation(),
              help="The installation to copy: a SQLite file or a postgresql:// URL.")
@click.option("--to", "target", required=True, type=DbLocation(),
              help="Where to: a new SQLite file or an empty PostgreSQL database.")
def copy(source, target) -> None:
    """Copy a whole installation between backends (SQLite <-> PostgreSQL)."""
    if str(source) == str(target):
        raise click.ClickException("--from and --to are the same database")
    src = open_db(source, missing=f"no database at {source}")
    dst = open_db(target)
    try:
        counts = copy_all(src, dst, progress=_ProgressLines())
    except CopyRefused as exc:
        raise click.ClickException(str(exc)) from None
    except STORAGE_ERRORS as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise click.ClickException(f"copy failed, nothing was written: {first}") from None
    total = sum(counts.values())
    click.echo(f"voicecart: copied {total} rows in {len(counts)} tables from "
               f"{describe(source)} to {describe(target)}")


class CopyRefused(Exception):
    pass


class _ProgressLines:
    """Progress on stderr (stdout keeps the one result line): a line per table when it is
    done, and for a long table a line every few seconds meanwhile."""

    EVERY = 2.0  # seconds between two lines about one table

    def __init__(self) -> None:
        self._last = time.monotonic()

    def __call__(self, table: str, copied: int, total: int, finished: bool) -> None:
        now = time.monotonic()
        if not finished and now - self._last < self.EVERY:
            return
        self._last = now
        state = "copied" if finished else "copying"
        click.echo(f"voicecart: {state} {table}: {copied} of {total} rows", err=True)
        sys.stderr.flush()


Progress = Callable[[str, int, int, bool], None]  # table, rows copied, rows in all, finished


def copy_all(src: Storage, dst: Storage, *, batch: int = BATCH,
             progress: Progress | None = None) -> dict[str, int]:
    """Copy every table's rows, `batch` rows at a time (read from a cursor, never a whole
    table in memory); returns the count per table."""
    src_tables, dst_tables = src.table_columns(), dst.table_columns()
    missing = sorted(set(src_tables) - set(dst_tables) - _SKIPPED)
    if missing:
        raise CopyRefused(f"the destination has no table {', '.join(missing)}: upgrade voicecart "
                          "where it runs, then copy again")
    tables = sorted(set(src_tables) - _SKIPPED, key=lambda t: (t not in _FIRST, t))
    into = dst.session()
    counts: dict[str, int] = {}
    with into.transaction():
        for table in tables:
            if into.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None:
                raise CopyRefused(f"the destination already holds data (table {table}); copy "
                                  "into a new SQLite file or an empty PostgreSQL database")
        for table in tables:
            # `seq` only orders rows (PostgreSQL's stand-in for rowid): the copy keeps the order
            lost = [c for c in src_tables[table] if c not in dst_tables[table] and c != "seq"]
            if lost:
                raise CopyRefused(f"the destination's {table} lacks the columns "
                                  f"{', '.join(lost)}: upgrade voicecart where it runs first")
            columns = [c for c in src_tables[table] if c != "seq" or "seq" in dst_tables[table]]
            insert = (f"INSERT INTO {table} ({', '.join(columns)}) "
                      f"VALUES ({', '.join('?' * len(columns))})")
            total = src.session().execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            counts[table] = 0
            # In insertion order, so the destination's own row order (rowid, seq) follows
            order = "seq" if "seq" in src_tables[table] else src.row_order
            for rows in src.stream(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}",
                                   batch):
                into.executemany(insert, [tuple(r) for r in rows])
                counts[table] += len(rows)
                if progress is not None:
                    progress(table, counts[table], total, False)
            if progress is not None:
                progress(table, counts[table], total, True)
        dst.after_copy(into)
    return counts
