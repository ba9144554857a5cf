"""`voicecart chat --web`: open the browser tester, on a running server or on a local one."""
from __future__ import annotations

from catalog.sql import STORAGE_ERRORS
import webbrowser
from pathlib import Path

import click

LOCAL_HOST = "127.0.0.1"  # developer mode: never listen beyond this machine


def open_web_tester(url: str | None, db_path: Path) -> None:
    """With `url`, open URL/tester (a production server asks for the API token as the
    password). Without, serve the app in developer mode on a free loopback port over the
    database, open the page and serve until Ctrl-C."""
    if url is not None:
        if not url.startswith(("http://", "https://")):
            raise click.UsageError(f"--url must start with http:// or https://, got {url!r}")
        _open(url.rstrip("/") + "/tester")
        return
    from werkzeug.serving import make_server

    from skill.app import create_app
    from skill.config import Config

    try:
        app = create_app(Config.from_env(db_path=db_path, dev=True))
    except (*STORAGE_ERRORS, OSError) as exc:
        raise click.ClickException(f"cannot open the database {db_path}: {exc}") from None
    server = make_server(LOCAL_HOST, 0, app, threaded=True)
    click.secho(f"developer mode on {LOCAL_HOST} only: no token needed, any shopper can be "
                "chosen. Ctrl-C stops the server.", fg="yellow", err=True)
    _open(f"http://{LOCAL_HOST}:{server.server_port}/tester")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def _open(page: str) -> None:
    # The address goes to stdout whether or not a browser opens (a server over ssh has none).
    click.echo(f"browser tester: {page}")
    try:
        webbrowser.open(page)
    except webbrowser.Error:
        pass
