"""`voicecart customers add` and `voicecart oauth add-client`: the CLI contract, and secrets
stored only as hashes (the test reads the raw database file)."""
from __future__ import annotations

import json
import subprocess
import sys

from accounts import services
from accounts.sqlite_store import SqliteAccountRepository
from catalog.database import open_database
from support import REPO

from .conftest import Clock


def voicecart(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from skill.cli import main; main()", *args],
                          cwd=REPO, capture_output=True, text=True, input=stdin, timeout=60)


def raw_files(folder) -> bytes:
    """Every byte SQLite wrote: the database and its write-ahead log, if still there."""
    return b"".join(p.read_bytes() for p in sorted(folder.glob("cli.db*")))


def test_customers_add_prints_the_id_and_strips_one_newline(tmp_path):
    db = str(tmp_path / "cli.db")
    done = voicecart("customers", "add", "--email", "Bo@Example.com", "--name", "Bo",
                     "--address", "1 Main St, Springfield", "--zip", "12345",
                     "--password-stdin", "--db", db, stdin="pass word \n\n")
    assert done.returncode == 0, done.stderr
    customer_id = json.loads(done.stdout)["customer_id"]
    repo = SqliteAccountRepository(open_database(db))
    customer = repo.get_customer(customer_id)
    assert customer.email == "bo@example.com" and customer.zip == "12345"
    now = Clock()()
    # one newline stripped, the second (and the inner and trailing spaces) kept
    assert services.login(repo, email="bo@example.com", password="pass word \n", address=None,
                          now=now).id == customer_id
    raw = raw_files(tmp_path)
    assert b"pass word" not in raw


def test_customers_add_refuses_a_second_account_with_the_same_email(tmp_path):
    db = str(tmp_path / "cli.db")
    args = ("customers", "add", "--email", "bo@example.com", "--name", "Bo", "--password-stdin", "--db", db)
    assert voicecart(*args, stdin="long enough\n").returncode == 0
    again = voicecart(*args, stdin="long enough\n")
    assert again.returncode == 1 and "already exists" in again.stderr and "Traceback" not in again.stderr


def test_customers_add_user_errors_are_one_line(tmp_path):
    db = str(tmp_path / "cli.db")
    short = voicecart("customers", "add", "--email", "bo@example.com", "--name", "Bo",
                      "--password-stdin", "--db", db, stdin="short\n")
    assert short.returncode == 1 and "at least 8" in short.stderr
    bad = voicecart("customers", "add", "--email", "not-an-email", "--name", "Bo",
                    "--password-stdin", "--db", db, stdin="long enough\n")
    assert bad.returncode == 1 and "email" in bad.stderr and "Traceback" not in bad.stderr


def test_add_client_prints_id_and_secret_once_and_stores_a_hash(tmp_path):
    db = str(tmp_path / "cli.db")
    uris = ["https://pitangui.amazon.com/api/skill/link/M1", "https://layla.amazon.com/api/skill/link/M1",
            "https://alexa.amazon.co.jp/api/skill/link/M1"]
    args = ["oauth", "add-client", "--name", "alexa", "--db", db]
    for uri in uris:
        args += ["--redirect-uri", uri]
    first, second = voicecart(*args), voicecart(*args)  # names need not be unique
    assert first.returncode == 0 and second.returncode == 0, first.stderr
    a, b = json.loads(first.stdout), json.loads(second.stdout)
    assert set(a) == {"client_id", "client_secret"} and a["client_id"] != b["client_id"]
    repo = SqliteAccountRepository(open_database(db))
    assert repo.get_client(a["client_id"]).redirect_uris == tuple(uris)
    assert services.authenticate_client(repo, a["client_id"], a["client_secret"]) is not None
    assert services.authenticate_client(repo, a["client_id"], b["client_secret"]) is None
    raw = raw_files(tmp_path)
    assert a["client_secret"].encode() not in raw


def test_add_client_refuses_unsafe_redirect_uris(tmp_path):
    db = str(tmp_path / "cli.db")
    for uri in ("http://example.com/cb", "https://example.com/cb#frag", "ftp://example.com/",
                "https://user:pw@example.com/cb", "not a url"):
        done = voicecart("oauth", "add-client", "--name", "x", "--redirect-uri", uri, "--db", db)
        assert done.returncode == 1 and "Traceback" not in done.stderr, uri
    ok = voicecart("oauth", "add-client", "--name", "x", "--redirect-uri", "http://localhost:3000/cb", "--db", db)
    assert ok.returncode == 0
