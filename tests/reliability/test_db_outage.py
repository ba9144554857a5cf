"""A PostgreSQL outage under a running server: quick spoken apologies and 503s, never a 500
nor a hung request, and service back without a restart when the database is."""
from __future__ import annotations

import json
import subprocess
import time
import uuid

import pytest

from metrics_kit import TOKEN, scraped, value
from support import (REPO, VOICECART, TcpRelay, http, postgres_database, require_postgres,
                     run_threads, running_server)

pytestmark = pytest.mark.slow


def test_an_outage_gives_apologies_and_503s_and_service_returns_by_itself(tmp_path):
    require_postgres()
    user = f"outage-{uuid.uuid4().hex[:8]}"

    def say(base: str, text: str) -> tuple[int, object]:
        return http("POST", base + "/v1/converse",
                    {"user_id": user, "session_id": user, "text": text})

    with postgres_database("voicecart_outage") as url:
        relay = TcpRelay(("127.0.0.1", 5432))
        relay.start()
        via_relay = url.replace("127.0.0.1:5432", f"127.0.0.1:{relay.port}")
        assert via_relay != url
        try:
            with running_server(via_relay, "--dev", workers=1, env={"VOICECART_METRICS_TOKEN": TOKEN},
                                log_path=tmp_path / "outage.log") as (base, _):
                status, body = say(base, "add one whole milk")
                assert status == 200 and "Added" in body["speech"], body

                relay.stop()
                answers = run_threads(8, lambda i: http("GET", base + "/healthz") if i % 2
                                      else say(base, "add one whole milk"))
                for i, (status, body) in enumerate(answers):
                    if i % 2:
                        assert status == 503 and body["status"] == "unavailable", body
                    else:  # a spoken apology the shopper can act on, not an error page
                        assert status == 200 and "try again" in body["speech"], body

                relay.start()
                deadline = time.monotonic() + 60  # bounds the wait; times nothing
                while http("GET", base + "/healthz")[0] != 200:
                    assert time.monotonic() < deadline, "the server did not come back"
                    time.sleep(0.2)
                status, body = say(base, "add one whole milk")
                assert status == 200 and "Added" in body["speech"], body
                log = (tmp_path / "outage.log").read_text(errors="replace")
                assert "Internal Server Error" not in log and "unhandled error" not in log
                # the operator sees the outage in the metrics: four apologies, and the 503s
                # (four, and those of the wait for the recovery)
                status, text = http("GET", base + "/metrics",
                                    headers={"Authorization": f"Bearer {TOKEN}"})
                assert status == 200
                samples = scraped(text)
                assert value(samples, "voicecart_errors_total", kind="database_unavailable",
                             channel="text") == 4
                assert value(samples, "voicecart_errors_total", kind="unavailable",
                             channel="other") >= 4
                assert value(samples, "voicecart_errors_total", kind="unhandled",
                             channel="text") == 0
        finally:
            relay.stop()
        done = subprocess.run([*VOICECART, "cart", "show", "--user", user, "--json", "--db", url],
                              cwd=REPO, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        # the two acknowledged adds are there; the ones answered with an apology are not
        assert [i["quantity"] for i in json.loads(done.stdout)["items"]] == [2]
