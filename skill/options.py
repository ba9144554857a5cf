"""Options every `voicecart` subcommand shares, spelled once (the CLI contract)."""
from __future__ import annotations

from pathlib import Path

import click

from skill.config import DEFAULT_DB


def db_option(func):
    """`--db PATH` among the subcommand's own options; default $VOICECART_DB, else ./voicecart.db."""
    return click.option(
        "--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
        envvar="VOICECART_DB", default=DEFAULT_DB, show_default=True,
        help="SQLite database file (env VOICECART_DB).",
    )(func)
