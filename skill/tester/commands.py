"""`voicecart chat` and `voicecart dialog test|record`: the local text-based intent tester."""
from __future__ import annotations

import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, closing, contextmanager
from pathlib import Path

import click

from skill.tester.clients import (PLATFORMS, TOKEN_ENV, Client, ConnectionFailed, HttpClient,
                                  InProcessClient, TurnResult)
from skill.tester.dialogs import recorded_yaml, report_lines, run_files, summary_line
from skill.tester.repl import ChatError, Repl
from catalog.sql import STORAGE_ERRORS
from skill.options import db_option
from skill.storage import PostgresUrl, describe

DEFAULT_USER = "demo"  # the demo customer: a delivery address and a preferred store



def server_options(func):
    func = click.option(
        "--token", metavar="TOKEN",
        help=f"Bearer token for --url [default: ${TOKEN_ENV['text']} for text, "
             f"${TOKEN_ENV['dialogflow']} for dialogflow]. Not needed against `serve --dev`.",
    )(func)
    func = click.option(
        "--platform", type=click.Choice(PLATFORMS), default=None,
        help="Which requests to send to --url: text (POST /v1/converse), alexa (unsigned "
             "IntentRequests to POST /alexa, so the server must run with --dev), dialogflow "
             "(ES WebhookRequests to POST /dialogflow/es) or dialogflow-cx (CX "
             "WebhookRequests to POST /dialogflow/cx). [default: text]",
    )(func)
    func = click.option(
        "--url", metavar="URL",
        help="Talk to a running server at URL (e.g. http://127.0.0.1:5000) instead of "
             "in-process.",
    )(func)
    return func


def _runtime(db_path: Path):
    from skill.config import Config
    from skill.runtime import Runtime

    try:
        return Runtime(Config.from_env(db_path=db_path))
    except (*STORAGE_ERRORS, OSError) as exc:
        raise click.ClickException(f"cannot open the database {describe(db_path)}: {exc}") from None


def _client_factory(url: str | None, platform: str | None, token: str | None,
                    db_path: Path) -> tuple[Callable[[str], Client], object | None]:
    """(user -> new client, runtime or None). Checks up front that --url answers."""
    if url is None:
        if platform is not None or token is not None:
            raise click.UsageError("--platform and --token need --url: in-process, the tester "
                                   "calls the conversation directly")
        runtime = _runtime(db_path)
        return (lambda user: InProcessClient(runtime, user)), runtime
    if not url.startswith(("http://", "https://")):
        raise click.UsageError(f"--url must start with http:// or https://, got {url!r}")
    platform = platform or "text"
    probe = HttpClient(url, platform, DEFAULT_USER, token)
    try:
        probe.check()
    except ConnectionFailed as exc:
        raise click.ClickException(str(exc)) from None
    return (lambda user: HttpClient(url, platform, user, token)), None


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _run_repl(repl: Repl) -> None:
    try:
        repl.run()
    except ChatError as exc:
        raise click.ClickException(str(exc)) from None
    if repl.failed_turns and not repl.interactive:
        raise click.ClickException(f"{repl.failed_turns} turn(s) got no answer (see above)")


@click.command(short_help="Talk to the skill in your terminal (the intent tester).")
@click.option("--user", default=DEFAULT_USER, show_default=True, metavar="ID",
              help="Who is shopping. `demo` has a delivery address and a preferred store.")
@click.option("--web", is_flag=True,
              help="Open the browser tester instead: the page at URL/tester with --url, else "
                   "a developer-mode server on a free 127.0.0.1 port over --db.")
@server_options
@db_option
def chat(user: str, web: bool, url: str | None, platform: str | None, token: str | None,
         db_path: Path) -> None:
    """Talk to the skill in your terminal: type what a shopper would say.

    In-process by default: the same handlers and the same database as `voicecart
    serve`. With --url it talks to a running server, sending the --platform's real
    request envelopes (for alexa and dialogflow the text is parsed here and sent as
    the intent and slots the platform would deliver).

    \b
    Commands (type :help in the chat):
      :debug      show what was understood: intent, items, matched products,
                  confidence, alternatives; raw request/response JSON over HTTP
      :cart       the cart           :orders     the orders (in-process)
      :reset      a new session      :user NAME  switch user
      :quit       leave
    Piped input (not a terminal) is read line by line and each reply printed on
    one line; the exit status is 0 at the end of input.

    \b
    Examples:
      voicecart chat
      echo "add two gallons of milk" | voicecart chat --user ann
      voicecart chat --url http://127.0.0.1:5000 --platform alexa
      voicecart chat --web
    """
    if web:
        from skill.tester.web_launch import open_web_tester

        open_web_tester(url, db_path)
        return
    make_client, runtime = _client_factory(url, platform, token, db_path)
    _run_repl(Repl(make_client(user), runtime=runtime, interactive=_interactive()))


@click.group(short_help="Run scripted YAML dialogs as tests, or record one.")
def dialog() -> None:
    """Scripted dialogs: run YAML conversations as tests, or record one from a chat.

    \b
    File format:
      name: add, correct and read back      # optional
      user: some-user                        # optional; default: a fresh user per file
      steps:
        - say: add two gallons of whole milk
          expect: [milk, "two|2"]            # regexes (case-insensitive), all must match
          reject: [sorry]                    # optional; none may match
          end_session: false                 # optional
    """


@dialog.command("test", short_help="Run dialog files; exit 0 only if every expectation holds.")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-v", "--verbose", is_flag=True, help="Show every step, not only failures.")
@server_options
@db_option
@click.pass_context
def dialog_test(ctx: click.Context, files: tuple[Path, ...], verbose: bool, url: str | None,
                platform: str | None, token: str | None, db_path: Path) -> None:
    """Run the dialogs in FILES (YAML; a directory means its *.yaml and *.yml files).

    Each file runs in a fresh session, as its `user:` or else as a new user, so files
    do not affect each other. Expectations are checked against the spoken reply. The
    first failed step of a file ends that file (later steps are counted as skipped).
    A file that is not a valid dialog fails with the reason.

    In-process, the dialogs run on a throwaway copy of the database, so the orders they
    place and the slots they hold never take capacity from real shoppers; pass --db
    explicitly to run them on the database itself. Against a server (--url) each file
    speaks as a test shopper the server makes for the run (with the profile of the file's
    `user:`, e.g. the demo shopper's address), and before exiting the run has the server
    cancel every order and release every hold those shoppers made, and says so. That
    needs the server's API token (VOICECART_API_TOKEN, or --token with --platform text),
    or a server in --dev.

    Exit status: 0 when every expectation of every file holds, else 1.
    """
    paths = _expand(files)
    explicit_db = ctx.get_parameter_source("db_path") == click.core.ParameterSource.COMMANDLINE
    with ExitStack() as stack:
        if url is None and not explicit_db:
            copy = stack.enter_context(throwaway_copy(db_path))
            click.echo(f"dialogs run on a throwaway copy of {db_path} (pass --db to use it "
                       "itself)", err=True)
            db_path = copy
        make_client, _ = _client_factory(url, platform, token, db_path)
        shoppers = None
        if url is not None:
            from skill.tester.test_shoppers import RemoteTestShoppers

            shoppers = RemoteTestShoppers(url, token if (platform or "text") == "text" else None)
        cleaned = True
        try:
            outcomes = run_files(paths, make_client, user_for=shoppers.new if shoppers else None)
        except ConnectionFailed as exc:
            raise click.ClickException(str(exc)) from None
        finally:
            if shoppers is not None:  # however the run ended
                cleaned = _clean_up(shoppers)
    for outcome in outcomes:
        for line in report_lines(outcome, verbose=verbose):
            click.echo(line)
    summary = summary_line(outcomes)
    click.echo(summary)
    if not all(o.passed for o in outcomes) or not cleaned:
        sys.exit(1)


def _clean_up(shoppers) -> bool:
    """Cancel the test shoppers' orders and release their holds; say so. A run that cannot
    clean up after itself fails, whatever its dialogs did."""
    try:
        report = shoppers.clean_up()
    except ConnectionFailed as exc:
        click.echo(f"error: {exc}; the orders and holds of these test shoppers are left: "
                   + ", ".join(shoppers.made), err=True)
        return False
    click.echo(report.sentence(), err=True)
    return not report.left


@contextmanager
def throwaway_copy(db_path: Path) -> Iterator[Path]:
    """A copy of the SQLite database at `db_path` (or a new one, if there is none) in a
    temporary folder, removed afterwards. SQLite's backup API copies a live database safely."""
    if isinstance(db_path, PostgresUrl):
        raise click.ClickException("dialogs write orders: pass --db explicitly to run them on "
                                   "a PostgreSQL database")
    with tempfile.TemporaryDirectory(prefix="voicecart-dialogs-") as folder:
        copy = Path(folder) / "dialogs.db"
        if db_path.exists():
            try:
                source = sqlite3.connect(f"file:{db_path.resolve()}?mode=ro", uri=True)
                try:
                    with closing(sqlite3.connect(copy)) as target:
                        source.backup(target)
                finally:
                    source.close()
            except sqlite3.Error as exc:
                raise click.ClickException(f"cannot copy the database {db_path}: {exc}") from None
        yield copy


def _expand(files: tuple[Path, ...]) -> list[Path]:
    paths: list[Path] = []
    for path in files:
        if path.is_dir():
            found = sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
            if not found:
                raise click.UsageError(f"no *.yaml or *.yml files in {path}")
            paths += found
        else:
            paths.append(path)  # a missing file is reported as a failed dialog, not a crash
    return paths


@dialog.command("record", short_help="Record a chat session as a dialog file.")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--user", metavar="ID",
              help="Record as this user (written into the file). Default: a fresh user, as "
                   "`dialog test` uses for files without `user:`.")
@click.option("--name", help="The dialog's name, written into the file.")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@server_options
@db_option
def dialog_record(file: Path, user: str | None, name: str | None, force: bool,
                  url: str | None, platform: str | None, token: str | None,
                  db_path: Path) -> None:
    """Chat as with `voicecart chat`, then write the conversation to FILE as a dialog.

    Every turn becomes a step: what you said, and as `expect` a few words of the
    reply (regexes, escaped). Review the file before committing it: keep what
    proves the skill did the right thing. The file is written when the chat
    ends (:quit or end of input); :reset and :user are off while recording.
    """
    from skill.tester.dialogs import fresh_user

    if file.exists() and not force:
        raise click.ClickException(f"{file} exists (use --force to overwrite it)")
    make_client, runtime = _client_factory(url, platform, token, db_path)
    client = make_client(user or fresh_user())
    turns: list[TurnResult] = []
    repl = Repl(client, runtime=runtime, interactive=_interactive(), recording=turns)
    try:
        _run_repl(repl)
    finally:
        # Whatever ended the chat (even a lost server), the turns so far are worth keeping.
        _write_recording(file, turns, user=user, name=name, source=client.describe())


def _write_recording(file: Path, turns: list[TurnResult], *, user: str | None,
                     name: str | None, source: str) -> None:
    if not turns:
        click.echo("nothing said: no file written", err=True)
        return
    try:
        file.write_text(recorded_yaml(turns, user=user, source=source, name=name),
                        encoding="utf-8")
    except OSError as exc:
        raise click.ClickException(f"cannot write {file}: {exc.strerror or exc}") from None
    click.echo(f"recorded {len(turns)} step(s) to {file}; review the expectations "
               "before committing it", err=True)
