"""A real `voicecart serve` with two gunicorn workers: metrics add up across workers, the
scrape is protected, JSON log lines carry the id the response echoes."""
from __future__ import annotations

import json
import os
import signal
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from metrics_kit import TOKEN, scraped, value
from support import run_threads, running_server

pytestmark = pytest.mark.slow
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def request(url: str, body: dict | None = None, headers: dict | None = None):
    """(status, response headers, body text) over real HTTP; never raises on 4xx/5xx."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method="POST" if data else "GET",
                                 headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.headers, resp.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read().decode()


def log_lines(path: Path) -> list[dict]:
    lines = []
    for raw in path.read_text().splitlines():
        if raw.startswith("{"):
            lines.append(json.loads(raw))  # every JSON-looking line must parse
    return lines


def add_item(base: str, i: int) -> str:
    status, headers, _ = request(f"{base}/v1/converse",
                                 {"user_id": f"shopper-{i}", "session_id": f"s-{i}",
                                  "text": "add a gallon of whole milk"})
    assert status == 200
    return headers["X-Request-Id"]


def turns(base: str) -> float:
    status, _, text = request(f"{base}/metrics", headers=AUTH)
    assert status == 200
    return value(scraped(text), "voicecart_turns_total", intent="AddItem", channel="text")


def test_two_workers_count_every_turn_once(tmp_path):
    log_path = tmp_path / "server.log"
    with running_server(tmp_path / "shop.db", "--dev", "--log-format", "json", workers=2,
                        env={"VOICECART_METRICS_TOKEN": TOKEN}, log_path=log_path) as (base, proc):
        # the scrape is refused without the token, also in --dev
        for headers in ({}, {"Authorization": "Bearer not-the-token"}):
            status, answer_headers, body = request(f"{base}/metrics", headers=headers)
            assert status == 401 and "bearer token" in json.loads(body)["reason"]
            assert "voicecart_turns_total" not in body

        # turns in concurrent rounds until both workers have answered some
        ids: list[str] = []
        pids: set[int] = set()
        for _ in range(20):
            ids += run_threads(8, lambda i: add_item(base, len(ids) + i))
            by_id = {line["request_id"]: line["pid"] for line in log_lines(log_path)
                     if line["logger"] == "voicecart.access"}
            assert set(ids) <= set(by_id), "an echoed id with no access line carrying it"
            pids = {by_id[i] for i in ids}
            if len(pids) == 2:
                break
        assert len(pids) == 2, "the turns never reached both workers"
        assert len(set(ids)) == len(ids)

        # whichever worker answers the scrape, it adds up every worker's turns exactly
        assert [turns(base) for _ in range(4)] == [len(ids)] * 4
        status, _, text = request(f"{base}/metrics", headers=AUTH)
        samples = scraped(text)
        assert value(samples, "voicecart_turn_latency_seconds_count", channel="text") == len(ids)
        assert value(samples, "voicecart_match_confidence_count") == len(ids)
        assert value(samples, "voicecart_errors_total", kind="unauthorized", channel="other") == 2

        # a worker that dies: gunicorn starts another, and its turns stay in the totals
        victim = next(iter(pids))
        os.kill(victim, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while sum("Booting worker" in line["message"] for line in log_lines(log_path)) < 3:
            assert time.monotonic() < deadline, "no new worker after a SIGKILL"
            time.sleep(0.1)
        assert turns(base) == len(ids)
        add_item(base, 1000)
        assert turns(base) == len(ids) + 1

        metrics_dir = next(Path(line["message"].rsplit(" ", 1)[1]) for line in log_lines(log_path)
                           if line["message"].startswith("metrics: the workers write"))
        assert metrics_dir.is_dir()
    assert not metrics_dir.exists(), "the server's private metrics directory was left behind"


def test_a_hostile_request_id_is_replaced_and_never_logged(tmp_path):
    log_path = tmp_path / "server.log"
    hostile = ["x" * 300, "forged\x01line", "zqz\tzqz", "has spaces"]
    with running_server(tmp_path / "shop.db", "--dev", "--log-format", "json", workers=2,
                        log_path=log_path) as (base, _):
        good_status, good_headers, _ = request(
            f"{base}/v1/converse", {"user_id": "ann", "session_id": "s", "text": "add milk"},
            {"X-Request-Id": "client-chosen-1"})
        assert good_status == 200 and good_headers["X-Request-Id"] == "client-chosen-1"
        echoed = []
        for given in hostile:
            status, headers, _ = request(f"{base}/v1/converse",
                                         {"user_id": "ann", "session_id": "s", "text": "add eggs"},
                                         {"X-Request-Id": given})
            assert headers.get("X-Request-Id") != given
            if status == 400:  # gunicorn refuses some control characters before the app runs
                continue
            assert status == 200
            echoed.append(headers["X-Request-Id"])
        status, _, body = request(f"{base}/metrics")
        assert status == 404 and "VOICECART_METRICS_TOKEN" in json.loads(body)["reason"]
    lines = log_lines(log_path)
    access = {line["request_id"]: line for line in lines if line["logger"] == "voicecart.access"}
    assert access["client-chosen-1"]["intent"] == "AddItem"
    assert len(echoed) >= 2 and all(access[i]["status"] == 200 for i in echoed)
    text = log_path.read_text()
    # not even escaped inside a JSON string
    for word in ("x" * 300, "forged", "zqz", "has spaces"):
        assert word not in text, word


def test_an_operators_metrics_directory_is_emptied_of_an_earlier_run(tmp_path):
    from prometheus_client.mmap_dict import MmapedDict, mmap_key

    metrics_dir = tmp_path / "metrics"
    metrics_dir.mkdir()
    stale = MmapedDict(str(metrics_dir / "counter_999999.db"))  # a worker of an earlier run
    stale.write_value(mmap_key("voicecart_turns", "voicecart_turns_total", ["intent", "channel"],
                               ["AddItem", "text"], "old"), 1000.0, 0.0)
    stale.close()
    with running_server(tmp_path / "shop.db", "--dev", workers=2,
                        env={"VOICECART_METRICS_TOKEN": TOKEN,
                             "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir)}) as (base, _):
        add_item(base, 1)
        assert turns(base) == 1
    assert metrics_dir.is_dir()  # the operator's directory is kept
