"""The `voicecart` command line: serve, import, resolve, chat, export and inspect.

Every subcommand takes `--db PATH` among its own options (default: $VOICECART_DB, else
./voicecart.db). Exit status: 0 on success, 1 on a user error with a one-line reason on
stderr, never a traceback for bad input.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import click

from catalog.importer import CatalogFileError, import_catalog
from skill.config import Config, ConfigError
from skill.cpu_affinity import MODES as CPU_AFFINITY_MODES
from skill.options import db_option, open_db
from skill.storage import SchemaError, describe

DEV_WARNING = ("WARNING: developer mode (--dev): Alexa request signature checks and the "
               "/v1/converse token are OFF. Never expose this server to a network.")



@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="voicecart")
def cli() -> None:
    """voicecart: order groceries by voice.

    A server for Alexa custom skills and Dialogflow ES/CX webhooks that turns spoken
    requests ("add two gallons of two percent milk and a dozen eggs") into a cart and a
    pickup or delivery order, plus the tools to test a dialog without a device.

    \b
    Start here:
      voicecart serve --dev              run locally with the demo catalog
      voicecart catalog import FILE      load your own catalog (CSV, JSON, JSON Lines)
    """


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--dev", is_flag=True, help="Developer mode: no Alexa signature check, no text-channel token.")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Worker processes [default: one per core, at least 2].")
@click.option("--threads", type=click.IntRange(1, 64), default=None,
              help="Threads per worker [default: 2 on SQLite, 4 on PostgreSQL]. Raise it where "
                   "turns often wait on the network (a slow identity provider).")
@click.option("--access-log", is_flag=True, help="Log every request to stdout.")
@click.option("--log-format", type=click.Choice(["text", "json"]), envvar="VOICECART_LOG_FORMAT",
              default="text", show_default=True,
              help="Log lines as text, or as one JSON object a line (time, level, logger, "
                   "message, request_id) for a log collector (env VOICECART_LOG_FORMAT).")
@click.option("--cpu-affinity", type=click.Choice(CPU_AFFINITY_MODES), envvar="VOICECART_CPU_AFFINITY",
              default="auto", show_default=True,
              help="auto: keep each worker on a CPU of its own when there is at least one "
                   "worker per CPU (the default worker count, up to 8 CPUs); off: leave them "
                   "to the scheduler, e.g. on a host shared with other busy programs "
                   "(env VOICECART_CPU_AFFINITY).")
@db_option
def serve(host: str, port: int, dev: bool, workers: int | None, threads: int | None,
          access_log: bool, log_format: str, cpu_affinity: str, db_path: Path) -> None:
    """Run the server (gunicorn). An empty database is seeded with the demo catalog.

    \b
    Every request gets an id (the platform's, else a safe X-Request-Id header, else a new
    one), echoed as the X-Request-Id response header and carried by its log lines; each
    turn writes one access line (channel, intent, status, duration). GET /metrics serves
    Prometheus metrics, summed over all workers, when VOICECART_METRICS_TOKEN is set
    (scrape with 'Authorization: Bearer <token>').
    """
    from skill.request_log import configure_logging
    from skill.server import multiprocess_metrics, recommended_threads, recommended_workers, \
        serve as run_server

    configure_logging(log_format)
    workers = workers or recommended_workers()
    threads = threads or recommended_threads(db_path)
    with multiprocess_metrics():  # before the app makes its metrics: every worker writes there
        app = _server_app(db_path, dev, threads)
        products = app.extensions["voicecart"].catalog().count()
        size = f"{_count(workers, 'worker')} x {_count(threads, 'thread')}"
        click.echo(f"voicecart: {products} products in {describe(db_path)}; listening on "
                   f"http://{host}:{port} ({size})", err=True)
        run_server(app, host=host, port=port, workers=workers,
                   threads=threads, access_log=access_log, log_format=log_format,
                   cpu_affinity=cpu_affinity)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _server_app(db_path: Path, dev: bool, threads: int):
    """The app `serve` runs, configured from the environment and the options."""
    from skill.app import create_app

    # PostgreSQL: a pool per worker, sized to its threads (+ the dispatcher and index rebuild)
    os.environ.setdefault("VOICECART_PG_POOL_SIZE", str(threads + 2))
    try:
        config = Config.from_env(db_path=db_path, dev=dev or None, demo_accounts=True).check()
    except ConfigError as exc:
        raise click.ClickException(f"cannot start: {exc}") from None
    if config.dev:
        click.secho(DEV_WARNING, fg="yellow", bold=True, err=True)
    return create_app(config)


@cli.group()
def catalog() -> None:
    """Manage the product catalog."""


@catalog.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--replace", is_flag=True, help="Replace the whole catalog (products not in FILE are removed).")
@click.option("--strict", is_flag=True, help="Import nothing if any row is bad.")
@db_option
def catalog_import(file: Path, replace: bool, strict: bool, db_path: Path) -> None:
    """Load products from FILE: CSV, a JSON array, or JSON Lines.

    \b
    Columns: id, name, price (required); brand, department, aisle, size,
    synonyms (separated by |), in_stock (true/false), popularity (optional).
    Other columns are kept. Rows with the same id are updated, so importing the
    same file twice changes nothing. Bad rows are reported with their line
    number and reason; good rows still load (unless --strict).
    """
    if not file.exists():
        raise click.ClickException(f"no such file: {file}")
    if file.is_dir():
        raise click.ClickException(f"{file} is a directory, not a catalog file")
    storage = open_db(db_path)
    repo = storage.catalog()
    started = time.perf_counter()
    with click.progressbar(length=file.stat().st_size, label=f"Importing {file.name}",
                           file=sys.stderr, show_pos=False) as bar:
        report = import_catalog(repo, file, replace=replace, strict=strict, progress=bar.update)
    elapsed = time.perf_counter() - started
    for rejection in report.rejected[:20]:
        click.echo(f"line {rejection.line}: {rejection.reason}", err=True)
    if len(report.rejected) > 20:
        click.echo(f"... and {len(report.rejected) - 20} more rejected rows", err=True)
    if strict and report.rejected:
        raise click.ClickException(f"{len(report.rejected)} bad row(s); nothing imported (--strict)")
    click.echo(f"imported {report.imported} products, rejected {len(report.rejected)} "
               f"({report.format}, {elapsed:.1f} s); catalog now has {repo.count()} products")
    if report.imported == 0 and report.rejected:
        raise click.ClickException("no valid rows in the file")
    _build_index(repo, storage)


def _build_index(repo, storage) -> None:
    """Build the matcher index for the imported catalog now, once: running servers and the
    next `voicecart serve` map this file instead of each building their own."""
    from catalog.index_store import IndexStore
    from skill.storage import index_directory
    started = time.perf_counter()
    index = IndexStore(index_directory(storage.location)).load(repo)
    click.echo(f"matcher index ready ({len(index)} products, {time.perf_counter() - started:.1f} s)",
               err=True)


def main(argv: list[str] | None = None) -> None:
    """Entry point: click in non-standalone mode so that every user error exits 1 with one line."""
    try:
        cli.main(args=argv, prog_name="voicecart", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("voicecart: aborted", err=True)
        sys.exit(1)
    except click.UsageError as exc:
        hint = f" (see 'voicecart {exc.ctx.command_path.partition(' ')[2]} --help')".replace("  ", " ") if exc.ctx else ""
        click.echo(f"voicecart: error: {exc.format_message()}{hint}", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        click.echo(f"voicecart: error: {exc.format_message()}", err=True)
        sys.exit(1)
    except (CatalogFileError, ConfigError, SchemaError) as exc:
        click.echo(f"voicecart: error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)


def _register_subcommands() -> None:
    # Imported here, not at the top: these modules import cli.py's helpers.
    from skill.accounts_commands import customers_group, oauth_group
    from skill.db_commands import db_group
    from skill.export_commands import export
    from skill.inspect_commands import cart_group, orders_group
    from skill.nginx import deploy
    from skill.outbox_commands import outbox_group
    from skill.resolve_command import resolve

    for command in (resolve, export, cart_group, orders_group, deploy, outbox_group,
                    customers_group, oauth_group, db_group):
        cli.add_command(command)


_register_subcommands()

from skill.tester.commands import chat, dialog  # noqa: E402  (the tester; see skill/tester)

cli.add_command(chat)
cli.add_command(dialog)
