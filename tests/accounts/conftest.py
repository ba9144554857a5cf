"""Fixtures: an app on a real SQLite file or PostgreSQL database (both, for the tests that
take `server` or `new_server`), with one customer and one Alexa-like client."""
from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from accounts import services
from skill.app import create_app
from skill.config import Config
from support import postgres_database

PASSWORD = "correct horse battery"
ALEXA_REDIRECT = "https://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA"
LOCAL_REDIRECT = "http://127.0.0.1:8765/callback"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 20, 15, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class Server:
    app: object
    http: object
    clock: Clock
    customer_id: str
    client_id: str
    client_secret: str

    def accounts(self):
        return self.app.extensions["voicecart"].accounts()


_TEMPLATE: dict[str, object] = {}


def _template(tmp_dir: Path) -> tuple[Path, str, str, str]:
    """One seeded database with the customer and the client, copied for each test: seeding
    the catalog and hashing with scrypt are the slow parts, and they are the same every time."""
    if "path" not in _TEMPLATE:
        path = tmp_dir / "template.db"
        app = create_app(Config(db_path=path, dev=True))
        repo = app.extensions["voicecart"].accounts()
        clock = Clock()
        customer = services.add_customer(repo, email="ann@example.com", name="Ann Shopper",
                                         password=PASSWORD, address="12 Elm St, Brooklyn NY",
                                         zip_code="11215", now=clock())
        new = services.add_client(repo, name="alexa",
                                  redirect_uris=[ALEXA_REDIRECT, LOCAL_REDIRECT], now=clock())
        _TEMPLATE.update(path=path, customer=customer.id, client=new.client.id, secret=new.secret)
    return (_TEMPLATE["path"], _TEMPLATE["customer"], _TEMPLATE["client"],  # type: ignore[return-value]
            _TEMPLATE["secret"])


def make_sqlite_server(tmp_path: Path, *, dev: bool = True, **config) -> Server:
    template, customer_id, client_id, secret = _template(_TEMPLATE_DIR[0])
    tmp_path.mkdir(parents=True, exist_ok=True)
    db_path = tmp_path / "oauth.db"
    with sqlite3.connect(template) as src, sqlite3.connect(db_path) as dst:
        src.backup(dst)
    clock = Clock()
    app = create_app(Config(db_path=db_path, dev=dev, **config), clock=clock)
    return Server(app, app.test_client(), clock, customer_id, client_id, secret)


_TEMPLATE_DIR: list[Path] = []


@pytest.fixture(scope="session", autouse=True)
def _template_dir(tmp_path_factory):
    _TEMPLATE_DIR.append(tmp_path_factory.mktemp("accounts-template"))
    yield


def make_postgres_server(url: str, *, dev: bool = True, **config) -> Server:
    """The same seeded server on the test's (emptied) PostgreSQL database."""
    from skill.storage import PostgresUrl

    clock = Clock()
    app = create_app(Config(db_path=PostgresUrl(url), dev=dev, **config), clock=clock)
    repo = app.extensions["voicecart"].accounts()
    customer = services.add_customer(repo, email="ann@example.com", name="Ann Shopper",
                                     password=PASSWORD, address="12 Elm St, Brooklyn NY",
                                     zip_code="11215", now=clock())
    new = services.add_client(repo, name="alexa", redirect_uris=[ALEXA_REDIRECT, LOCAL_REDIRECT],
                              now=clock())
    return Server(app, app.test_client(), clock, customer.id, new.client.id, new.secret)


@pytest.fixture
def new_server(tmp_path, backend, request):
    """Factory of seeded servers on the test's backend (every test that takes it runs on
    both): `new_server(auth="builtin", ...)` takes Config's fields. Each call has a database
    of its own: a file on SQLite; on PostgreSQL the test's emptied database, then new ones."""
    made: list[Server] = []
    stack = contextlib.ExitStack()
    request.addfinalizer(stack.close)

    def new(*, dev: bool = True, **config) -> Server:
        if backend == "sqlite":
            server = make_sqlite_server(tmp_path / f"server-{len(made)}", dev=dev, **config)
        else:
            url = request.getfixturevalue("pg_url") if not made else \
                stack.enter_context(postgres_database("voicecart_accounts"))
            server = make_postgres_server(url, dev=dev, **config)
            # closed before the database is dropped (callbacks run last in, first out)
            stack.callback(server.app.extensions["voicecart"].storage.close)
        made.append(server)
        return server

    return new


@pytest.fixture
def server(new_server) -> Server:
    """The accounts tests that take this fixture run on both backends."""
    return new_server()
