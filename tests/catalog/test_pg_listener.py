"""A worker's catalog listener on the real PostgreSQL: a notification wakes the matcher, a
change missed while the connection was down is found when it comes back, an unreachable
server never ends the thread, and stop() closes its connection.

The matchers here look at the version by themselves only once an hour, so whatever reaches
them came through the listener. Deadlines only bound the waits; nothing is timed."""
from __future__ import annotations

import threading
import time
from pathlib import Path

import psycopg
import pytest

from catalog.importer import import_catalog
from catalog.live_index import LiveMatcher
from catalog.pg_listener import APPLICATION_NAME, CatalogListener
from skill.storage import PostgresStorage
from support import TcpRelay, eventually, free_port

HOUR = 3600.0


def listening_backends(url: str) -> list[int]:
    with psycopg.connect(url, autocommit=True) as conn:
        return [r[0] for r in conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND application_name = %s", [APPLICATION_NAME])]


@pytest.fixture
def storage(pg_url, tmp_path):
    storage = PostgresStorage(pg_url)
    _import(storage, tmp_path, "id,name,price\n1,Oat Milk,3.99\n")
    yield storage
    storage.close()


def _import(storage: PostgresStorage, tmp_path: Path, text: str) -> None:
    path = tmp_path / f"import-{time.monotonic_ns()}.csv"
    path.write_text(text)
    import_catalog(storage.catalog(), path)


def knows(live: LiveMatcher, phrase: str) -> bool:
    return live.current().resolve(phrase).best is not None


def test_an_import_elsewhere_wakes_the_matcher(storage, pg_url, tmp_path):
    live = LiveMatcher(storage.catalog, check_every=HOUR)
    listener = CatalogListener(pg_url, live.catalog_changed)
    listener.start()
    try:
        eventually(lambda: listener.connects == 1, "the listener connects")
        assert not knows(live, "kombucha")
        other = PostgresStorage(pg_url)  # another process, as far as the database can tell
        try:
            _import(other, tmp_path, "id,name,price\n2,Ginger Kombucha,3.49\n")
            # several changes in a row: the last one is never lost to a rebuild in progress
            _import(other, tmp_path, "id,name,price\n3,Cold Brew Coffee,4.99\n")
        finally:
            other.close()
        eventually(lambda: knows(live, "kombucha") and knows(live, "cold brew"),
                   "the matcher has both new products")
        assert listener.notifications >= 1
    finally:
        listener.stop()


def test_a_change_missed_while_disconnected_is_found_on_reconnect(storage, pg_url, tmp_path):
    relay = TcpRelay(("127.0.0.1", 5432))
    relay.start()
    via_relay = pg_url.replace("127.0.0.1:5432", f"127.0.0.1:{relay.port}")
    assert via_relay != pg_url
    live = LiveMatcher(storage.catalog, check_every=HOUR)
    listener = CatalogListener(via_relay, live.catalog_changed)
    listener.start()
    try:
        eventually(lambda: listener.connects == 1, "the listener connects")
        relay.stop()  # the listener's connection drops; reconnecting is refused for now
        eventually(lambda: not listening_backends(pg_url), "the server saw the session end")
        # The import notifies, but nobody is listening: the notification is lost
        _import(storage, tmp_path, "id,name,price\n2,Ginger Kombucha,3.49\n")
        time.sleep(1.0)
        assert not knows(live, "kombucha") and listener.running
        relay.start()
        eventually(lambda: listener.connects >= 2, "the listener reconnects")
        eventually(lambda: knows(live, "kombucha"), "the version check on reconnect found it")
    finally:
        listener.stop()
        relay.stop()


def test_an_unreachable_server_never_ends_the_thread_and_stop_still_works():
    calls = []
    url = f"postgresql://postgres@127.0.0.1:{free_port()}/nothing"  # nobody listens there
    listener = CatalogListener(url, lambda: calls.append(1))
    listener.start()
    time.sleep(2.0)  # several refused attempts, with backoff
    assert listener.running and listener.connects == 0 and calls == []
    listener.stop()
    assert not listener.running


def test_stop_closes_the_connection_and_ends_the_thread(pg_url):
    woken = threading.Event()
    listener = CatalogListener(pg_url, woken.set)
    listener.start()
    eventually(woken.is_set, "the first look at the version, once listening")
    assert len(listening_backends(pg_url)) == 1
    listener.stop()
    assert not listener.running
    eventually(lambda: not listening_backends(pg_url), "its session is gone")
