"""Offline tests of Alexa request verification: a throwaway CA plays Amazon, a fake fetcher plays
S3 and a fixed clock plays time. Nothing here touches the network (the default fetcher's
limits are exercised against a loopback server)."""
from __future__ import annotations

import http.server
import threading
import time
from datetime import datetime, timedelta, timezone
from typing import Any, Iterator

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

import alexa_ca  # on sys.path thanks to conftest.py
from alexa_ca import CERT_URL, FIXED_NOW, SKILL_ID, FakeFetch, FixedClock, ThrowawayCA
from skill.alexa.verify import (
    AlexaRequestVerifier,
    CertificateFetcher,
    VerificationError,
    load_system_roots,
    validate_cert_url,
)


def make_verifier(
    ca: ThrowawayCA,
    clock: FixedClock,
    fetch: Any = None,
    **kwargs: Any,
) -> AlexaRequestVerifier:
    kwargs.setdefault("skill_id", SKILL_ID)
    return AlexaRequestVerifier(
        fetcher=fetch if fetch is not None else ca.fake_fetch(),
        clock=clock,
        trust_roots=[ca.root],
        **kwargs,
    )


Signed = tuple[dict[str, str], bytes, dict[str, Any]]


def signed(ca: ThrowawayCA, request: dict[str, Any]) -> Signed:
    body = alexa_ca.body_of(request)
    return ca.headers(body), body, request


def reason_of(verifier: AlexaRequestVerifier, headers: Any, body: bytes, request: Any) -> str:
    with pytest.raises(VerificationError) as info:
        verifier.verify(headers, body, request)
    return info.value.reason


# --- acceptance --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "request_envelope",
    [
        alexa_ca.launch_request(),
        alexa_ca.intent_request("AddItemIntent", {"Item": "two percent milk", "Quantity": "2"}),
    ],
    ids=["LaunchRequest", "IntentRequest"],
)
def test_accepts_signed_request(throwaway_ca, fixed_clock, request_envelope):
    make_verifier(throwaway_ca, fixed_clock).verify(*signed(throwaway_ca, request_envelope))


def test_header_names_are_matched_case_insensitively(throwaway_ca, fixed_clock):
    headers, body, request = signed(throwaway_ca, alexa_ca.launch_request())
    lowered = {k.lower(): v for k, v in headers.items()}
    make_verifier(throwaway_ca, fixed_clock).verify(lowered, body, request)


@pytest.mark.parametrize("seconds", [-150, 150])
def test_accepts_timestamp_at_the_edge_of_tolerance(throwaway_ca, fixed_clock, seconds):
    request = alexa_ca.launch_request(timestamp=FIXED_NOW + timedelta(seconds=seconds))
    make_verifier(throwaway_ca, fixed_clock).verify(*signed(throwaway_ca, request))


def test_without_skill_id_any_application_is_accepted(throwaway_ca, fixed_clock):
    request = alexa_ca.launch_request(application_id="amzn1.ask.skill.someone-else")
    verifier = make_verifier(throwaway_ca, fixed_clock, skill_id=None)
    verifier.verify(*signed(throwaway_ca, request))


# --- signature and headers -----------------------------------------------------------------------


def test_rejects_tampered_body(throwaway_ca, fixed_clock):
    headers, body, request = signed(throwaway_ca, alexa_ca.launch_request())
    tampered = body.replace(b"LaunchRequest", b"LaunchRequesu")
    reason = reason_of(make_verifier(throwaway_ca, fixed_clock), headers, tampered, request)
    assert reason == "signature mismatch"


def test_rejects_signature_made_with_another_key(throwaway_ca, other_ca, fixed_clock):
    _, body, request = signed(throwaway_ca, alexa_ca.launch_request())
    headers = {"Signature-256": other_ca.sign(body), "SignatureCertChainUrl": CERT_URL}
    reason = reason_of(make_verifier(throwaway_ca, fixed_clock), headers, body, request)
    assert reason == "signature mismatch"


@pytest.mark.parametrize(
    "header, reason",
    [("Signature-256", "signature missing"), ("SignatureCertChainUrl", "cert url missing")],
)
def test_rejects_missing_header(throwaway_ca, fixed_clock, header, reason):
    headers, body, request = signed(throwaway_ca, alexa_ca.launch_request())
    del headers[header]
    assert reason_of(make_verifier(throwaway_ca, fixed_clock), headers, body, request) == reason


def test_legacy_sha1_signature_header_alone_is_not_enough(throwaway_ca, fixed_clock):
    headers, body, request = signed(throwaway_ca, alexa_ca.launch_request())
    headers["Signature"] = headers.pop("Signature-256")
    verifier = make_verifier(throwaway_ca, fixed_clock)
    assert reason_of(verifier, headers, body, request) == "signature missing"


@pytest.mark.parametrize("value", ["not base64!!", "abc", "===="])
def test_rejects_bad_base64_signature(throwaway_ca, fixed_clock, value):
    headers, body, request = signed(throwaway_ca, alexa_ca.launch_request())
    headers["Signature-256"] = value
    fetch = throwaway_ca.fake_fetch()
    verifier = make_verifier(throwaway_ca, fixed_clock, fetch)
    assert reason_of(verifier, headers, body, request) == "signature not base64"
    assert fetch.calls == []


# --- certificate URL -----------------------------------------------------------------------------

GOOD_URLS = [
    "https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert.pem",
    "HTTPS://s3.amazonaws.com/echo.api/echo-api-cert.pem",
    "https://S3.AmazonAWS.com/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com/echo.api/./echo-api-cert-12.pem",
]

BAD_URLS = [
    ("http://s3.amazonaws.com/echo.api/echo-api-cert.pem", "cert url scheme"),
    ("ftp://s3.amazonaws.com/echo.api/echo-api-cert.pem", "cert url scheme"),
    ("https://notamazon.com/echo.api/echo-api-cert.pem", "cert url host"),
    ("https://s3.amazonaws.com.evil.com/echo.api/echo-api-cert.pem", "cert url host"),
    ("https://evil.com@s3.amazonaws.com/echo.api/echo-api-cert.pem", "cert url host"),
    ("https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem", "cert url path"),
    ("https://s3.amazonaws.com/invalid.path/echo-api-cert.pem", "cert url path"),
    ("https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem", "cert url port"),
    ("https://s3.amazonaws.com:80/echo.api/echo-api-cert.pem", "cert url port"),
    ("https://s3.amazonaws.com:99999/echo.api/echo-api-cert.pem", "cert url malformed"),
    ("https://s3.amazonaws.com/echo.api/../invalid.path/x.pem", "cert url path"),
    ("https://s3.amazonaws.com/echo.api/%2e%2e/invalid.path/x.pem", "cert url path"),
    ("https://s3.amazonaws.com/echo.api", "cert url path"),
    ("https://s3.amazonaws.com/echo.api/\n../x.pem", "cert url malformed"),
    ("", "cert url missing"),
    (None, "cert url missing"),
]


@pytest.mark.parametrize("url", GOOD_URLS)
def test_validate_cert_url_accepts(url):
    validate_cert_url(url)


@pytest.mark.parametrize("url, reason", BAD_URLS)
def test_validate_cert_url_rejects(url, reason):
    with pytest.raises(VerificationError) as info:
        validate_cert_url(url)
    assert info.value.reason == reason


@pytest.mark.parametrize("url, reason", BAD_URLS)
def test_bad_url_is_rejected_at_once_without_fetching(throwaway_ca, fixed_clock, url, reason):
    headers, body, request = signed(throwaway_ca, alexa_ca.launch_request())
    headers["SignatureCertChainUrl"] = url or ""
    fetch = throwaway_ca.fake_fetch()
    verifier = make_verifier(throwaway_ca, fixed_clock, fetch)
    assert reason_of(verifier, headers, body, request) == reason
    assert fetch.calls == []  # nothing was downloaded for a URL that can't be Amazon's


# --- certificate chain ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "leaf_args, reason",
    [
        ({"not_after": FIXED_NOW - timedelta(seconds=1)}, "cert expired"),
        ({"not_before": FIXED_NOW + timedelta(seconds=1)}, "cert not yet valid"),
        ({"dns_names": ("echo-api.amazon.com.evil.com",)}, "cert san mismatch"),
        ({"dns_names": ("other.amazon.com", "www.amazon.com")}, "cert san mismatch"),
        ({"dns_names": ()}, "cert san mismatch"),
    ],
    ids=["expired", "not-yet-valid", "san-lookalike", "san-other", "no-san"],
)
def test_rejects_bad_leaf(throwaway_ca, fixed_clock, leaf_args, reason):
    leaf = throwaway_ca.issue_leaf(**leaf_args)
    verifier = make_verifier(throwaway_ca, fixed_clock, throwaway_ca.fake_fetch(leaf))
    assert reason_of(verifier, *signed(throwaway_ca, alexa_ca.launch_request())) == reason


def test_rejects_chain_from_untrusted_ca(throwaway_ca, other_ca, fixed_clock):
    # The impostor's chain is internally perfect; only the trust store tells it apart.
    verifier = make_verifier(throwaway_ca, fixed_clock, other_ca.fake_fetch())
    reason = reason_of(verifier, *signed(other_ca, alexa_ca.launch_request()))
    assert reason == "cert chain untrusted"


def test_rejects_chain_without_its_intermediate(throwaway_ca, fixed_clock):
    fetch = FakeFetch({CERT_URL: throwaway_ca.chain_pem_for(throwaway_ca.leaf, intermediate=False)})
    verifier = make_verifier(throwaway_ca, fixed_clock, fetch)
    reason = reason_of(verifier, *signed(throwaway_ca, alexa_ca.launch_request()))
    assert reason == "cert chain untrusted"


def test_rejects_non_rsa_leaf(throwaway_ca, fixed_clock):
    leaf = throwaway_ca.issue_leaf(key=ec.generate_private_key(ec.SECP256R1()))
    verifier = make_verifier(throwaway_ca, fixed_clock, throwaway_ca.fake_fetch(leaf))
    reason = reason_of(verifier, *signed(throwaway_ca, alexa_ca.launch_request()))
    assert reason == "cert key not rsa"


@pytest.mark.parametrize("payload", [b"", b"not a pem", b"-----BEGIN CERTIFICATE-----\nAAAA\n"])
def test_rejects_unparseable_chain(throwaway_ca, fixed_clock, payload):
    verifier = make_verifier(throwaway_ca, fixed_clock, FakeFetch({CERT_URL: payload}))
    reason = reason_of(verifier, *signed(throwaway_ca, alexa_ca.launch_request()))
    assert reason == "cert chain unparseable"


# --- timestamp and application id ----------------------------------------------------------------


@pytest.mark.parametrize(
    "seconds, reason", [(-151, "timestamp too old"), (151, "timestamp in future")]
)
def test_rejects_timestamp_out_of_tolerance(throwaway_ca, fixed_clock, seconds, reason):
    request = alexa_ca.launch_request(timestamp=FIXED_NOW + timedelta(seconds=seconds))
    verifier = make_verifier(throwaway_ca, fixed_clock)
    assert reason_of(verifier, *signed(throwaway_ca, request)) == reason


@pytest.mark.parametrize(
    "value, reason",
    [(None, "timestamp missing"), ("", "timestamp missing"),
     ("yesterday", "timestamp unparseable"), (1764072000, "timestamp unparseable")],
)
def test_rejects_missing_or_garbled_timestamp(throwaway_ca, fixed_clock, value, reason):
    request = alexa_ca.launch_request(timestamp=None)
    if value is not None:
        request["request"]["timestamp"] = value
    verifier = make_verifier(throwaway_ca, fixed_clock)
    assert reason_of(verifier, *signed(throwaway_ca, request)) == reason


def test_accepts_timestamp_with_milliseconds_and_offset(throwaway_ca, fixed_clock):
    request = alexa_ca.launch_request()
    request["request"]["timestamp"] = "2026-11-25T13:00:30.250+01:00"
    make_verifier(throwaway_ca, fixed_clock).verify(*signed(throwaway_ca, request))


def test_rejects_wrong_skill_id(throwaway_ca, fixed_clock):
    request = alexa_ca.launch_request(application_id="amzn1.ask.skill.someone-else")
    verifier = make_verifier(throwaway_ca, fixed_clock)
    assert reason_of(verifier, *signed(throwaway_ca, request)) == "application id mismatch"


def test_application_id_falls_back_to_session(throwaway_ca, fixed_clock):
    request = alexa_ca.launch_request()
    del request["context"]
    make_verifier(throwaway_ca, fixed_clock).verify(*signed(throwaway_ca, request))
    request["session"]["application"]["applicationId"] = "amzn1.ask.skill.someone-else"
    verifier = make_verifier(throwaway_ca, fixed_clock)
    assert reason_of(verifier, *signed(throwaway_ca, request)) == "application id mismatch"


def test_rejects_missing_application_id(throwaway_ca, fixed_clock):
    request = alexa_ca.launch_request()
    del request["context"], request["session"]
    verifier = make_verifier(throwaway_ca, fixed_clock)
    assert reason_of(verifier, *signed(throwaway_ca, request)) == "application id missing"


# --- developer mode ------------------------------------------------------------------------------


def dev_verifier(fixed_clock: FixedClock, fetch: FakeFetch) -> AlexaRequestVerifier:
    # No trust roots given: dev mode must not even need the system store.
    return AlexaRequestVerifier(
        fetcher=fetch, clock=fixed_clock, skill_id=SKILL_ID, check_signature=False
    )


def test_dev_mode_accepts_unsigned_fresh_request(fixed_clock):
    fetch = FakeFetch()
    request = alexa_ca.intent_request("ReadCartIntent")
    dev_verifier(fixed_clock, fetch).verify({}, alexa_ca.body_of(request), request)
    assert fetch.calls == []


@pytest.mark.parametrize(
    "request_kwargs, reason",
    [
        ({"timestamp": FIXED_NOW - timedelta(seconds=151)}, "timestamp too old"),
        ({"application_id": "amzn1.ask.skill.someone-else"}, "application id mismatch"),
    ],
)
def test_dev_mode_still_checks_timestamp_and_skill_id(fixed_clock, request_kwargs, reason):
    request = alexa_ca.launch_request(**request_kwargs)
    verifier = dev_verifier(fixed_clock, FakeFetch())
    assert reason_of(verifier, {}, alexa_ca.body_of(request), request) == reason


# --- fetcher: cache, failures, limits ------------------------------------------------------------


def test_second_verify_uses_the_cache(throwaway_ca, fixed_clock):
    fetch = throwaway_ca.fake_fetch()
    verifier = make_verifier(throwaway_ca, fixed_clock, fetch)
    for _ in range(3):
        verifier.verify(*signed(throwaway_ca, alexa_ca.launch_request()))
    assert fetch.calls == [CERT_URL]


def test_cache_expires_after_a_day(throwaway_ca, fixed_clock):
    fetch = throwaway_ca.fake_fetch()
    verifier = make_verifier(throwaway_ca, fixed_clock, fetch)
    verifier.verify(*signed(throwaway_ca, alexa_ca.launch_request()))
    fixed_clock.advance(hours=23)
    verifier.verify(*signed(throwaway_ca, alexa_ca.launch_request(timestamp=fixed_clock.now)))
    assert len(fetch.calls) == 1
    fixed_clock.advance(hours=1, seconds=1)
    verifier.verify(*signed(throwaway_ca, alexa_ca.launch_request(timestamp=fixed_clock.now)))
    assert len(fetch.calls) == 2


def test_cache_never_outlives_the_leaf(throwaway_ca, fixed_clock):
    leaf = throwaway_ca.issue_leaf(not_after=FIXED_NOW + timedelta(hours=1))
    fetch = throwaway_ca.fake_fetch(leaf)
    fetcher = CertificateFetcher(fetch, clock=fixed_clock)
    fetcher.get_chain(CERT_URL)
    fixed_clock.advance(minutes=59)
    fetcher.get_chain(CERT_URL)
    assert len(fetch.calls) == 1
    fixed_clock.advance(minutes=2)
    fetcher.get_chain(CERT_URL)
    assert len(fetch.calls) == 2


def test_cache_is_keyed_by_url(throwaway_ca, fixed_clock):
    other_url = "https://s3.amazonaws.com/echo.api/echo-api-cert-other.pem"
    fetch = FakeFetch({CERT_URL: throwaway_ca.chain_pem, other_url: throwaway_ca.chain_pem})
    verifier = make_verifier(throwaway_ca, fixed_clock, fetch)
    headers, body, request = signed(throwaway_ca, alexa_ca.launch_request())
    verifier.verify(headers, body, request)
    verifier.verify({**headers, "SignatureCertChainUrl": other_url}, body, request)
    verifier.verify(headers, body, request)
    assert fetch.calls == [CERT_URL, other_url]


def test_failing_fetcher_is_a_verification_error(throwaway_ca, fixed_clock):
    fetch = FakeFetch(error=TimeoutError("timed out"))
    verifier = make_verifier(throwaway_ca, fixed_clock, fetch)
    reason = reason_of(verifier, *signed(throwaway_ca, alexa_ca.launch_request()))
    assert reason == "cert fetch failed"
    # A failure is not cached: once S3 answers again, so do we.
    fetch.error = None
    fetch.responses[CERT_URL] = throwaway_ca.chain_pem
    verifier.verify(*signed(throwaway_ca, alexa_ca.launch_request()))


def test_fetcher_returning_nonsense_is_a_verification_error(throwaway_ca, fixed_clock):
    verifier = make_verifier(throwaway_ca, fixed_clock, lambda url: None)
    reason = reason_of(verifier, *signed(throwaway_ca, alexa_ca.launch_request()))
    assert reason == "cert fetch failed"


def test_oversized_chain_is_rejected(throwaway_ca, fixed_clock):
    padded = throwaway_ca.chain_pem + b"\n" * (64 * 1024)
    verifier = make_verifier(throwaway_ca, fixed_clock, FakeFetch({CERT_URL: padded}))
    reason = reason_of(verifier, *signed(throwaway_ca, alexa_ca.launch_request()))
    assert reason == "cert chain too large"


def test_fetcher_subclass_can_replace_the_network(throwaway_ca, fixed_clock):
    class StaticFetcher(CertificateFetcher):
        def fetch(self, url: str) -> bytes:
            return throwaway_ca.chain_pem

    verifier = make_verifier(throwaway_ca, fixed_clock, StaticFetcher(clock=fixed_clock))
    verifier.verify(*signed(throwaway_ca, alexa_ca.launch_request()))


# --- robustness ----------------------------------------------------------------------------------


@pytest.mark.parametrize("request_envelope", [[], "text", None, {"request": "LaunchRequest"}])
def test_malformed_envelope_is_a_verification_error(throwaway_ca, fixed_clock, request_envelope):
    verifier = dev_verifier(fixed_clock, FakeFetch())
    with pytest.raises(VerificationError):
        verifier.verify({}, b"{}", request_envelope)


def test_unexpected_error_is_wrapped(throwaway_ca):
    def broken_clock():
        raise RuntimeError("clock exploded")

    verifier = AlexaRequestVerifier(
        fetcher=FakeFetch(), clock=broken_clock, trust_roots=[throwaway_ca.root]
    )
    with pytest.raises(VerificationError) as info:
        verifier.verify({}, b"{}", alexa_ca.launch_request())
    assert info.value.reason == "verification error"


# --- the default (network) fetcher, against a loopback server ------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, bytes, float]] = {}

    def do_GET(self) -> None:  # noqa: N802
        status, body, delay = self.routes.get(self.path, (404, b"", 0.0))
        if status == 302:
            self.send_response(302)
            self.send_header("Location", body.decode())
            self.end_headers()
            return
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        time.sleep(delay)
        try:
            self.wfile.write(body)
        except OSError:
            pass

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def loopback(throwaway_ca) -> Iterator[str]:
    _Handler.routes = {
        "/chain.pem": (200, throwaway_ca.chain_pem, 0.0),
        "/big.pem": (200, b"x" * (70 * 1024), 0.0),
        "/slow.pem": (200, throwaway_ca.chain_pem, 1.0),
        "/redirect.pem": (302, b"/chain.pem", 0.0),
        "/missing.pem": (404, b"", 0.0),
    }
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_default_fetch_reads_a_chain(loopback, throwaway_ca, fixed_clock):
    fetcher = CertificateFetcher(clock=fixed_clock)
    chain = fetcher.get_chain(f"{loopback}/chain.pem")
    assert chain[0] == throwaway_ca.leaf


@pytest.mark.parametrize(
    "path, reason",
    [("/big.pem", "cert chain too large"), ("/slow.pem", "cert fetch failed"),
     ("/redirect.pem", "cert fetch failed"), ("/missing.pem", "cert fetch failed")],
)
def test_default_fetch_limits(loopback, fixed_clock, path, reason):
    # /slow.pem answers in full after 1 s: failing on it proves the 0.3 s timeout is applied
    fetcher = CertificateFetcher(clock=fixed_clock, timeout=0.3)
    with pytest.raises(VerificationError) as info:
        fetcher.get_chain(loopback + path)
    assert info.value.reason == reason


def test_system_trust_store_loads():
    roots = load_system_roots()
    if not roots:
        pytest.skip("no OS certificate bundle on this machine")
    assert len(roots) > 10


# --- timestamps as Alexa writes them, on every supported Python ----------------------------------

@pytest.mark.parametrize("text, expected", [
    ("2026-11-25T13:00:00Z", datetime(2026, 11, 25, 13, 0, 0, tzinfo=timezone.utc)),
    ("2026-11-25T13:00:00.5Z", datetime(2026, 11, 25, 13, 0, 0, 500000, tzinfo=timezone.utc)),
    ("2026-11-25T13:00:00.25Z", datetime(2026, 11, 25, 13, 0, 0, 250000, tzinfo=timezone.utc)),
    ("2026-11-25T13:00:00.123456789Z", datetime(2026, 11, 25, 13, 0, 0, 123456, tzinfo=timezone.utc)),
    ("2026-11-25T14:00:00+01:00", datetime(2026, 11, 25, 13, 0, 0, tzinfo=timezone.utc)),
    ("2026-11-25T08:00:00-0500", datetime(2026, 11, 25, 13, 0, 0, tzinfo=timezone.utc)),
    ("2026-11-25T13:00:00", datetime(2026, 11, 25, 13, 0, 0, tzinfo=timezone.utc)),
])
def test_timestamps_parse_the_same_on_every_python(text, expected):
    """Python 3.10's fromisoformat rejects the "Z" every Alexa request carries: each request
    was a 400 there. The parser must not depend on the interpreter's version."""
    from skill.alexa.verify import parse_timestamp

    assert parse_timestamp(text) == expected


@pytest.mark.parametrize("text", ["2026-11-25", "13:00:00Z", "2026-11-25T13:00Z", "2026-13-25T13:00:00Z",
                                  "2026-11-25T13:00:00Zjunk", "2026-11-25T13:00:00+1"])
def test_timestamps_that_are_not_instants_are_refused(text):
    from skill.alexa.verify import parse_timestamp

    with pytest.raises(ValueError):
        parse_timestamp(text)


def test_a_z_timestamp_is_accepted_by_the_verifier(throwaway_ca, fixed_clock):
    request = alexa_ca.launch_request(timestamp=None)
    request["request"]["timestamp"] = fixed_clock.now.strftime("%Y-%m-%dT%H:%M:%SZ")
    make_verifier(throwaway_ca, fixed_clock).verify(*signed(throwaway_ca, request))
