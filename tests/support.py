"""Helpers for tests that talk to a real server process (importable as `support`)."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
VOICECART = [sys.executable, "-c", "from skill.cli import main; main()"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_server(db: Path, *extra: str, env: dict | None = None, workers: int = 2):
    """`voicecart serve` as deployed (gunicorn), on a free loopback port; always stopped."""
    port = free_port()
    log = open(db.with_suffix(".server.log"), "wb")
    proc = subprocess.Popen(
        [*VOICECART, "serve", "--port", str(port), "--db", str(db), "--workers", str(workers), *extra],
        cwd=REPO, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})},
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError("server exited: " + db.with_suffix(".server.log").read_text()[-2000:])
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=1) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("server did not start within 60 s")
                time.sleep(0.1)
        yield base, proc
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        log.close()


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
