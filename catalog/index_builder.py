"""Builds a catalog's matcher index file in a process of its own (catalog.index_store).

    python -m catalog.index_builder --db voicecart.db --dir voicecart.db.index

Prints the key of the catalog version it indexed. The server that runs it holds the build
lock meanwhile, so this never takes it.
"""
from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from catalog.index_store import IndexStore


def command(db_path: Path | str) -> list[str]:
    """The argv a server gives its IndexStore for the database at `db_path` (a SQLite file or
    a postgresql:// URL, passed as the child's argv, never through a shell)."""
    return [sys.executable, "-m", "catalog.index_builder", "--db", str(db_path)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--dir", type=Path, required=True)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr)
    from skill.storage import open_storage  # the backend --db names, as the server's
    storage = open_storage(args.db, pool_size=1)
    try:
        args.dir.mkdir(parents=True, exist_ok=True)
        print(IndexStore(args.dir).build_here(storage.catalog()), flush=True)
    finally:
        storage.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
