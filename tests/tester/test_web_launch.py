"""`voicecart chat --web`: it opens the browser tester, on a running server or a local one."""
from __future__ import annotations

import os
import signal
import stat
import subprocess

import pytest

from support import REPO, VOICECART, http


@pytest.fixture
def fake_browser(tmp_path):
    """A $BROWSER that records the address it was asked to open (webbrowser honours $BROWSER)."""
    opened = tmp_path / "opened.txt"
    script = tmp_path / "browser.sh"
    script.write_text(f'#!/bin/sh\necho "$1" >> "{opened}"\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script), opened


def test_with_url_it_opens_the_servers_tester_page(voicecart, fake_browser, db):
    browser, opened = fake_browser
    done = voicecart("chat", "--web", "--url", "http://127.0.0.1:5999/", "--db", db,
                     env={"BROWSER": browser})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "browser tester: http://127.0.0.1:5999/tester"
    assert opened.read_text().split() == ["http://127.0.0.1:5999/tester"]


def test_a_bad_url_is_a_usage_error(voicecart, db):
    done = voicecart("chat", "--web", "--url", "ftp://example.org", "--db", db)
    assert done.returncode != 0 and "--url must start with http://" in done.stderr


def test_without_url_it_serves_the_database_on_loopback_and_opens_the_page(fake_browser, tmp_path):
    browser, opened = fake_browser
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("VOICECART_")},
           "BROWSER": browser}
    # stderr to a file, not a pipe nobody reads: a full pipe would block the server's last
    # writes (and so its exit) whenever it logs more than the pipe holds
    errors = tmp_path / "stderr.log"
    proc = subprocess.Popen([*VOICECART, "chat", "--web", "--db", str(tmp_path / "web.db")],
                            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=errors.open("w"),
                            text=True)
    try:
        line = proc.stdout.readline().strip()
        assert line.startswith("browser tester: http://127.0.0.1:") and line.endswith("/tester")
        page = line.split(": ", 1)[1]
        status, html = http("GET", page)
        assert status == 200 and "<h2 id=\"cart-title\">Cart</h2>" in html
        status, turn = http("POST", page + "/api/turn", {"user": "launch", "text": "add a dozen eggs"})
        assert status == 200 and "eggs" in turn["speech"].lower()
        assert opened.read_text().split() == [page]
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            pytest.fail("chat --web did not stop on Ctrl-C: " + errors.read_text()[-3000:])
    assert proc.returncode == 0, errors.read_text()[-3000:]
