"""Options every `voicecart` subcommand shares, spelled once (the CLI contract)."""
from __future__ import annotations

from pathlib import Path

import click

from skill.config import DEFAULT_DB


class DbLocation(click.ParamType):
    """A SQLite file path (a Path) or a `postgresql://` URL (a skill.storage.PostgresUrl)."""

    name = "PATH|URL"

    def convert(self, value, param, ctx):
        from skill.storage import PostgresUrl, db_location

        if isinstance(value, (Path, PostgresUrl)):
            return value
        location = db_location(value)
        if isinstance(location, Path) and location.is_dir():
            self.fail(f"{value} is a directory, not a database file", param, ctx)
        return location


def db_option(func):
    """`--db PATH|URL` among the subcommand's own options; default $VOICECART_DB, else
    ./voicecart.db. A `postgresql://` URL selects PostgreSQL."""
    return click.option(
        "--db", "db_path", type=DbLocation(),
        envvar="VOICECART_DB", default=DEFAULT_DB, show_default=True,
        help="SQLite database file or postgresql:// URL (env VOICECART_DB).",
    )(func)


def open_db(location, *, missing: str | None = None, seed_demo: bool = False):
    """The storage at `location` with its schema up to date, for a command; a one-line
    ClickException when it cannot be used. `missing`: the message for a SQLite file that does
    not exist yet (None: create it)."""
    from catalog.sql import STORAGE_ERRORS
    from skill.storage import PostgresUrl, SchemaError, describe, open_storage, prepare

    if missing is not None and not isinstance(location, PostgresUrl) and not Path(location).exists():
        raise click.ClickException(missing)
    try:
        storage = open_storage(location)
        prepare(storage, seed_demo=seed_demo)
    except SchemaError as exc:
        raise click.ClickException(str(exc)) from None
    except (*STORAGE_ERRORS, OSError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise click.ClickException(f"cannot open the database {describe(location)}: {first}") from None
    return storage
