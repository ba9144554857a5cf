"""Helpers for tests that talk to a real server process (importable as `support`)."""
from __future__ import annotations

import json
import os
import socket
import time
import urllib.error
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# Starting nodes, nginx and scratch databases is shared with the benchmarks (bench/cluster.py)
from bench import cluster
from bench.cluster import REPO, VOICECART, free_port, find_program, running_server, \
    scratch_postgres_database, stop_process_group  # noqa: F401 - re-exported for the tests


def eventually(condition, what: str, within: float = 60.0):
    """The first truthy value of `condition()`, asked every 50 ms; fails saying `what` was
    awaited when `within` seconds pass without one. Only bounds a wait: nothing is timed."""
    deadline = time.monotonic() + within
    while not (value := condition()):
        assert time.monotonic() < deadline, what
        time.sleep(0.05)
    return value


def run_threads(count: int, target) -> list:
    """Run target(i) in `count` threads released together; return results or exceptions."""
    import threading

    barrier = threading.Barrier(count)
    results: list = [None] * count

    def runner(i: int) -> None:
        barrier.wait()
        try:
            results[i] = target(i)
        except BaseException as exc:  # noqa: BLE001 - the test inspects it
            results[i] = exc

    threads = [threading.Thread(target=runner, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def http(method: str, url: str, body: dict | bytes | None = None, headers: dict | None = None):
    """(status, parsed JSON or text) over real HTTP; never raises on 4xx/5xx."""
    data = json.dumps(body).encode() if isinstance(body, dict) else body
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            status, raw = resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        status, raw = exc.code, exc.read()
    try:
        return status, json.loads(raw)
    except ValueError:
        return status, raw.decode("utf-8", "replace")


# --- Dialogflow webhook requests, shaped as Google's references show them ----------------------

def es_request(intent: str, params: dict[str, Any], text: str, *, session: str = "es-1",
               user: str | None = None, response_id: str | None = None) -> dict[str, Any]:
    """A Dialogflow ES WebhookRequest (fields per Google's ES webhook reference)."""
    return {
        "responseId": response_id or f"{uuid.uuid4()}-{uuid.uuid4().hex[:8]}",
        "session": f"projects/voicecart-test/agent/sessions/{session}",
        "queryResult": {
            "queryText": text, "parameters": params, "allRequiredParamsPresent": True,
            "fulfillmentText": "", "fulfillmentMessages": [{"text": {"text": [""]}}],
            "outputContexts": [{"name": f"projects/voicecart-test/agent/sessions/{session}/contexts/__system_counters__",
                                "lifespanCount": 1, "parameters": {"no-input": 0.0, "no-match": 0.0}}],
            "intent": {"name": f"projects/voicecart-test/agent/intents/{uuid.uuid4()}", "displayName": intent},
            "intentDetectionConfidence": 0.92, "languageCode": "en",
        },
        "originalDetectIntentRequest": {"source": "DIALOGFLOW_CONSOLE",
                                        "payload": {"userId": user} if user else {}},
    }


def cx_request(tag: str, params: dict[str, Any], text: str, *, session: str = "cx-1",
               user: str | None = None) -> dict[str, Any]:
    """A Dialogflow CX WebhookRequest (fields per Google's CX v3 reference)."""
    path = f"projects/voicecart-test/locations/global/agents/agent-1/sessions/{session}"
    body = {
        "detectIntentResponseId": str(uuid.uuid4()),
        "intentInfo": {"lastMatchedIntent": "projects/p/locations/global/agents/a/intents/i",
                       "displayName": tag, "confidence": 0.9},
        "pageInfo": {"currentPage": "projects/p/locations/global/agents/a/flows/f/pages/START_PAGE"},
        "sessionInfo": {"session": path, "parameters": params},
        "fulfillmentInfo": {"tag": tag},
        "text": text, "languageCode": "en",
    }
    if user:
        body["payload"] = {"userId": user}
    return body


# --- system programs the tests drive as real parts ----------------------------------------------

def require_program(name: str, package: str | None = None) -> str:
    """The program's path; without it the test skips with one line saying why, except in CI
    (CI=true), where a missing part is a failure: `make test` installs it there."""
    import pytest

    path = find_program(name)
    if path is None:
        why = f"{name} is not installed (Debian package {package or name}; `make test` installs it as root)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(why)
        pytest.skip(why)
    return path


@contextmanager
def running_nginx(upstreams: list[str], state_dir: Path):
    """nginx as the README's production front (`voicecart deploy nginx-config`), on a free
    loopback port, in front of `upstreams` (HOST:PORT); yields its base URL."""
    with cluster.running_nginx(upstreams, state_dir, nginx=require_program("nginx")) as base:
        yield base


def read_response(sock: socket.socket) -> bytes:
    """One whole response: headers, then Content-Length bytes of body."""
    answer = b""
    while b"\r\n\r\n" not in answer:
        part = sock.recv(65536)
        if not part:
            return answer
        answer += part
    head, _, body = answer.partition(b"\r\n\r\n")
    length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                   if line.lower().startswith(b"content-length:")), 0)
    while len(body) < length and (part := sock.recv(65536)):
        body += part
    return head + b"\r\n\r\n" + body


# --- PostgreSQL: the running server on 127.0.0.1:5432 (trust auth, user postgres) ---------------

PG_ADMIN_URL = os.environ.get("VOICECART_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
_pg_problem: list[str | None] = []  # checked once per test session


def require_postgres() -> str:
    """The admin URL of the test PostgreSQL server; without one the test skips with one line
    saying why, except in CI (CI=true), where a missing PostgreSQL is a failure."""
    import pytest

    if not _pg_problem:
        try:
            import psycopg
            psycopg.connect(PG_ADMIN_URL, connect_timeout=3).close()
            _pg_problem.append(None)
        except Exception as exc:  # noqa: BLE001 - any reason is reported, in one line
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            _pg_problem.append(f"PostgreSQL is not reachable at {PG_ADMIN_URL} ({reason}); start it "
                               "with `pg_ctlcluster --skip-systemctl-redirect 15 main start`")
    if _pg_problem[0] is not None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(_pg_problem[0])
        pytest.skip(_pg_problem[0])
    return PG_ADMIN_URL


@contextmanager
def postgres_database(prefix: str = "voicecart_test"):
    """A new, empty database of its own (unique name) on the test server; dropped afterwards.
    Yields its URL."""
    with scratch_postgres_database(require_postgres(), prefix) as url:
        yield url


def empty_postgres_tables(url: str) -> None:
    """Every table of the schema emptied (the schema itself kept): a fresh store per test
    without the cost of a new database."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
            "AND tablename <> 'schema_migrations'")]
        if tables:
            conn.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE")


class TcpRelay:
    """A loopback TCP relay to `target` (HOST, PORT) that the test can cut and restore: an
    outage of the real PostgreSQL server as its clients see it, without stopping the server
    other tests share. `stop()` closes the listener and every relayed connection; `start()`
    listens again on the same port."""

    def __init__(self, target: tuple[str, int]) -> None:
        import threading

        self.target = target
        self.port = free_port()
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._listener: socket.socket | None = None

    def start(self) -> None:
        import threading

        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def stop(self) -> None:
        with self._lock:
            sockets, self._sockets = self._sockets + [self._listener], []
        for sock in sockets:
            if sock is None:
                continue
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    def _accept(self, listener: socket.socket) -> None:
        import threading

        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self._lock:
                self._sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
