"""Audit faults at POST /alexa: what a caller sends reaches the log only escaped, shortened and
after the cheap checks (fault 8); ids are bounded, never cut."""
from __future__ import annotations

import logging
from datetime import timedelta

import pytest

import alexa_ca
from alexa_ca import FakeFetch, FixedClock, ThrowawayCA, body_of, launch_request
from skill.alexa.verify import AlexaRequestVerifier
from skill.app import create_app
from skill.config import Config
from skill.http_utils import loggable

GOOD_PREFIX = "https://s3.amazonaws.com/echo.api/"


@pytest.fixture(scope="module")
def ca():
    return ThrowawayCA()


@pytest.fixture
def app_and_fetches(tmp_path, ca):
    clock = FixedClock()
    fetch = FakeFetch({})  # knows no URL: every download fails, as an unknown chain would
    verifier = AlexaRequestVerifier(fetcher=fetch, clock=clock, trust_roots=[ca.root],
                                    skill_id=alexa_ca.SKILL_ID)
    app = create_app(Config(db_path=tmp_path / "a.db", alexa_skill_id=alexa_ca.SKILL_ID),
                     clock=clock, alexa_verifier=verifier)
    return app, fetch


def post(app, ca, env, url: str):
    body = body_of(env)
    return app.test_client().post("/alexa", data=body, content_type="application/json",
                                  headers={"Signature-256": ca.sign(body), "SignatureCertChainUrl": url})


def log_text(caplog) -> str:
    return "\n".join(record.getMessage() for record in caplog.records)


# Header bytes arrive as latin-1 text in WSGI: E2 80 A8 is U+2028 LINE SEPARATOR in UTF-8
@pytest.mark.parametrize("separator", ["\xe2\x80\xa8", "\x85", "\xe2\x80\xa9"])
def test_a_url_with_line_separators_is_refused_before_any_fetch_or_log(app_and_fetches, ca, caplog,
                                                                        separator):
    app, fetch = app_and_fetches
    caplog.set_level(logging.DEBUG)
    url = f"{GOOD_PREFIX}{separator}2026-11-29 CRITICAL forged admin login"
    response = post(app, ca, launch_request(), url)
    assert response.status_code == 400
    assert "cert url malformed" in response.get_json()["reason"]
    assert fetch.calls == []
    text = log_text(caplog)
    assert "forged admin login" not in text and separator not in text


def test_a_url_is_not_fetched_or_logged_when_the_timestamp_is_stale(app_and_fetches, ca, caplog):
    app, fetch = app_and_fetches
    caplog.set_level(logging.DEBUG)
    stale = launch_request(timestamp=alexa_ca.FIXED_NOW - timedelta(seconds=600))
    response = post(app, ca, stale, f"{GOOD_PREFIX}marker-never-logged.pem")
    assert response.status_code == 400 and "timestamp too old" in response.get_json()["reason"]
    assert fetch.calls == []
    assert "marker-never-logged" not in log_text(caplog)


def test_a_fetched_url_is_logged_shortened(app_and_fetches, ca, caplog):
    app, fetch = app_and_fetches
    caplog.set_level(logging.DEBUG)
    url = f"{GOOD_PREFIX}{'a' * 400}.pem"
    response = post(app, ca, launch_request(), url)
    assert response.status_code == 400 and "cert fetch failed" in response.get_json()["reason"]
    assert len(fetch.calls) == 1
    lines = [r.getMessage() for r in caplog.records if "s3.amazonaws.com" in r.getMessage()]
    assert lines and all(len(line) < 400 for line in lines)
    assert all("a" * 200 not in line for line in lines)


def test_loggable_escapes_everything_that_is_not_printable_ascii():
    assert loggable("plain text") == "plain text"
    for hostile in ("a\u2028b", "a\nb", "a\rb", "a\x85b", "a\x1b[31mb", "a\u202eb"):
        safe = loggable(hostile)
        assert safe.isascii() and all(" " <= ch < "\x7f" for ch in safe), (hostile, safe)
        assert safe.startswith("a") and safe.endswith("b")
    long = loggable("x" * 5000, limit=50)
    assert len(long) < 80 and long.endswith("(5000 chars)")


def test_an_alexa_user_id_too_long_is_refused_not_cut(tmp_path):
    """Cut ids would let two users sharing a prefix share one cart."""
    app = create_app(Config(db_path=tmp_path / "d.db", dev=True), clock=FixedClock())
    env = launch_request()
    env["context"]["System"]["user"]["userId"] = "amzn1.ask.account." + "A" * 1200
    response = app.test_client().post("/alexa", data=body_of(env), content_type="application/json")
    assert response.status_code == 400 and "longer than" in response.get_json()["reason"]
