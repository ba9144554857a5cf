"""Verification of requests that Alexa sends to a skill hosted as a web service.

Amazon's rules ("Host a custom skill as a web service"): the `SignatureCertChainUrl` header points
at an https URL on s3.amazonaws.com under /echo.api/; the PEM chain found there starts with a leaf
that is valid now, names echo-api.amazon.com among its SANs and chains to a trusted root; the
`Signature-256` header is an RSA PKCS#1 v1.5 SHA-256 signature of the exact raw body; the request
timestamp is within 150 s; the application id is ours.

We verify with the `cryptography` package rather than ask-sdk-webservice-support, which crashes at
import on this OpenSSL and fetches the chain with no timeout. Every failure is a VerificationError
with a short, distinct `reason`; the HTTP layer logs it and answers 400.
"""
from __future__ import annotations

import base64
import binascii
import http.client
import logging
import os
import posixpath
import re
import socket
import ssl
import threading
import warnings
from collections import OrderedDict
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Mapping, Sequence
from urllib.parse import unquote, urlsplit

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509 import verification as x509_verification

log = logging.getLogger(__name__)

CERT_URL_HEADER = "SignatureCertChainUrl"
SIGNATURE_HEADER = "Signature-256"
SIGNING_DOMAIN = "echo-api.amazon.com"
CERT_HOST = "s3.amazonaws.com"
CERT_PATH_PREFIX = "/echo.api/"
MAX_SKEW_SECONDS = 150
FETCH_TIMEOUT_SECONDS = 2.0
MAX_CHAIN_BYTES = 64 * 1024  # Amazon's chain is about 5 KB
MAX_CACHE_AGE = timedelta(hours=24)

Clock = Callable[[], datetime]
FetchFunc = Callable[[str], bytes]

_PEM_BLOCK = re.compile(rb"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", re.DOTALL)


class VerificationError(Exception):
    """A request that must not be served. `reason` is short and stable (for logs and tests)."""

    def __init__(self, reason: str, detail: str | None = None) -> None:
        super().__init__(reason if not detail else f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _as_utc(moment: datetime) -> datetime:
    # Naive datetimes are taken as UTC: Alexa and our clocks both speak UTC.
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


# --- certificate URL ---------------------------------------------------------------------------


def validate_cert_url(url: str | None) -> None:
    """Raise VerificationError unless `url` is where Amazon keeps its signing chains."""
    if not url or not isinstance(url, str):
        raise VerificationError("cert url missing")
    # urlsplit silently drops tabs and newlines, so a URL carrying them would be checked as
    # something other than what gets fetched.
    if any(ch <= " " or ch == "\x7f" for ch in url):
        raise VerificationError("cert url malformed")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise VerificationError("cert url malformed", str(exc)) from exc
    if parts.scheme.lower() != "https":
        raise VerificationError("cert url scheme")
    # .hostname is lowercased; userinfo would let the URL read as another host to a human.
    if parts.hostname != CERT_HOST or "@" in parts.netloc:
        raise VerificationError("cert url host")
    if port is not None and port != 443:
        raise VerificationError("cert url port")
    # Check both the raw and the percent-decoded path, so %2e%2e cannot climb out of /echo.api/.
    for path in (parts.path, unquote(parts.path)):
        if not posixpath.normpath(path or "/").startswith(CERT_PATH_PREFIX):
            raise VerificationError("cert url path")


# --- fetching and caching the chain ------------------------------------------------------------


def parse_chain(pem: bytes) -> list[x509.Certificate]:
    """PEM chain -> certificates, leaf first (Amazon's order)."""
    try:
        chain = x509.load_pem_x509_certificates(pem)
    except ValueError as exc:
        raise VerificationError("cert chain unparseable", str(exc)) from exc
    if not chain:
        raise VerificationError("cert chain unparseable", "no certificates")
    return chain


_CacheEntry = tuple[list[x509.Certificate], datetime]  # chain, expiry


class CertificateFetcher:
    """Fetches Amazon's PEM chain by URL, bounded in time and size, and caches it.

    Pass `fetch` (url -> PEM bytes) or subclass and override `fetch` to replace the network, as
    the tests do. Entries live until the leaf's not_valid_after, and at most `max_age`, so a
    rotated chain is picked up within a day. Thread-safe; concurrent misses may fetch twice,
    which is cheaper than serialising every request behind one slow download.
    """

    def __init__(
        self,
        fetch: FetchFunc | None = None,
        *,
        clock: Clock = utcnow,
        timeout: float = FETCH_TIMEOUT_SECONDS,
        max_bytes: int = MAX_CHAIN_BYTES,
        max_age: timedelta = MAX_CACHE_AGE,
        max_entries: int = 16,
    ) -> None:
        self._fetch = fetch if fetch is not None else self.fetch
        self._clock = clock
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_age = max_age
        self.max_entries = max_entries
        self._cache: OrderedDict[str, _CacheEntry] = OrderedDict()
        self._lock = threading.Lock()

    def get_chain(self, url: str) -> list[x509.Certificate]:
        now = _as_utc(self._clock())
        with self._lock:
            entry = self._cache.get(url)
        if entry is not None and now < entry[1]:
            return entry[0]
        chain = parse_chain(self._fetch_bounded(url))
        expires = min(chain[0].not_valid_after_utc, now + self.max_age)
        with self._lock:
            self._cache[url] = (chain, expires)
            self._cache.move_to_end(url)
            while len(self._cache) > self.max_entries:
                self._cache.popitem(last=False)
        return chain

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()

    def _fetch_bounded(self, url: str) -> bytes:
        try:
            pem = self._fetch(url)
        except VerificationError:
            raise
        except Exception as exc:  # any failure to fetch is the request's problem, not a 500
            log.warning("alexa cert fetch failed for %s: %r", url, exc)
            raise VerificationError("cert fetch failed", type(exc).__name__) from exc
        if not isinstance(pem, (bytes, bytearray)):
            raise VerificationError("cert fetch failed", "fetcher returned no bytes")
        if len(pem) > self.max_bytes:
            raise VerificationError("cert chain too large")
        return bytes(pem)

    def fetch(self, url: str) -> bytes:
        """Default network fetch: no redirects, and `timeout` for the whole download, not only
        per socket operation: a watchdog shuts the socket down at the deadline, so a server
        that trickles its headers or body a byte at a time cannot hold a worker."""
        log.info("fetching alexa signing chain %s", url)
        parts = urlsplit(url)
        connection_class = (http.client.HTTPSConnection if parts.scheme.lower() == "https"
                            else http.client.HTTPConnection)  # http: loopback tests only
        conn = connection_class(parts.hostname or "", parts.port, timeout=self.timeout)
        expired = threading.Event()

        def expire() -> None:
            expired.set()
            sock = conn.sock
            if sock is not None:
                try:  # the plain socket's shutdown: wakes a blocked read, TLS or not
                    socket.socket.shutdown(sock, socket.SHUT_RDWR)
                except OSError:
                    pass

        watchdog = threading.Timer(self.timeout, expire)
        watchdog.daemon = True
        watchdog.start()
        try:
            conn.connect()
            if expired.is_set():
                raise VerificationError("cert fetch failed", "timed out")
            conn.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""),
                         headers={"User-Agent": "voicecart"})
            response = conn.getresponse()
            if response.status != 200:  # a redirect would fetch from somewhere not validated
                raise VerificationError("cert fetch failed", f"HTTP {response.status}")
            body = response.read(self.max_bytes + 1)
        except (OSError, http.client.HTTPException, ValueError) as exc:
            if expired.is_set():
                raise VerificationError("cert fetch failed", "timed out") from exc
            raise
        finally:
            watchdog.cancel()
            conn.close()
        if expired.is_set():
            raise VerificationError("cert fetch failed", "timed out")
        if len(body) > self.max_bytes:
            raise VerificationError("cert chain too large")
        return body


# --- trust store ---------------------------------------------------------------------------------


_system_roots: list[x509.Certificate] | None = None
_system_roots_lock = threading.Lock()
_BUNDLE_PATHS = (
    "/etc/ssl/certs/ca-certificates.crt",
    "/etc/pki/tls/certs/ca-bundle.crt",
    "/etc/ssl/cert.pem",
)


def _bundle_candidates() -> list[str]:
    paths = ssl.get_default_verify_paths()
    candidates = [os.environ.get("SSL_CERT_FILE"), paths.cafile, paths.openssl_cafile]
    candidates += _BUNDLE_PATHS
    try:
        import certifi  # optional: only used when the OS has no bundle

        candidates.append(certifi.where())
    except ImportError:
        pass
    return [path for path in candidates if path and os.path.isfile(path)]


def _load_bundle(path: str) -> list[x509.Certificate]:
    with open(path, "rb") as handle:
        blocks = _PEM_BLOCK.findall(handle.read())
    roots = []
    # One block at a time: OS bundles carry a few certificates that cryptography warns about
    # (or may one day refuse), and one bad root must not cost us the others.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for block in blocks:
            try:
                roots.append(x509.load_pem_x509_certificate(block))
            except ValueError:
                continue
    return roots


def load_system_roots() -> list[x509.Certificate]:
    """The OS trust store (or certifi's), loaded once per process."""
    global _system_roots
    with _system_roots_lock:
        if _system_roots is None:
            loaded = (_load_bundle(path) for path in _bundle_candidates())
            _system_roots = next((roots for roots in loaded if roots), None)
        if not _system_roots:
            raise VerificationError("trust store unavailable")
        return _system_roots


# --- the verifier ------------------------------------------------------------------------------


class AlexaRequestVerifier:
    """Checks one Alexa request: signature (unless `check_signature` is off, as in --dev),
    timestamp, and application id (when `skill_id` is set)."""

    def __init__(
        self,
        fetcher: CertificateFetcher | FetchFunc | None = None,
        clock: Clock = utcnow,
        trust_roots: Sequence[x509.Certificate] | None = None,
        skill_id: str | None = None,
        check_signature: bool = True,
        max_skew_seconds: int = MAX_SKEW_SECONDS,
    ) -> None:
        if fetcher is None or not isinstance(fetcher, CertificateFetcher):
            fetcher = CertificateFetcher(fetcher, clock=clock)
        self.fetcher = fetcher
        self.clock = clock
        self.skill_id = skill_id
        self.check_signature = check_signature
        self.max_skew = timedelta(seconds=max_skew_seconds)
        self._trust_roots = list(trust_roots) if trust_roots is not None else None
        self._store: x509_verification.Store | None = None
        self._store_lock = threading.Lock()

    def verify(self, headers: Mapping[str, str], raw_body: bytes, envelope: Any) -> None:
        """Return if the request may be served, else raise VerificationError."""
        try:
            now = _as_utc(self.clock())
            if self.check_signature:
                self._verify_signature(headers, raw_body, now)
            self._verify_timestamp(envelope, now)
            if self.skill_id:
                self._verify_application_id(envelope)
        except VerificationError:
            raise
        except Exception as exc:  # a malformed request must never become a 500
            raise VerificationError("verification error", f"{type(exc).__name__}: {exc}") from exc

    # (a) signature

    def _verify_signature(self, headers: Mapping[str, str], raw_body: bytes, now: datetime) -> None:
        url = _header(headers, CERT_URL_HEADER)
        validate_cert_url(url)  # before any network: bad URLs are rejected at once
        signature = _decode_signature(_header(headers, SIGNATURE_HEADER))
        chain = self.fetcher.get_chain(url)  # type: ignore[arg-type]  # validated above
        leaf = chain[0]
        _check_leaf(leaf, now)
        self._check_chain(leaf, chain[1:], now)
        _check_body_signature(leaf, signature, raw_body)

    def _check_chain(
        self, leaf: x509.Certificate, intermediates: list[x509.Certificate], now: datetime
    ) -> None:
        # A *server* verifier: it checks the SAN against echo-api.amazon.com and wants the
        # serverAuth EKU. Amazon's leaf (2026 profile, issued by Amazon RSA 2048 M01) carries
        # serverAuth only, so a client verifier ("required EKU not found") would refuse it.
        builder = x509_verification.PolicyBuilder().store(self._trust_store()).time(now)
        verifier = builder.build_server_verifier(x509.DNSName(SIGNING_DOMAIN))
        try:
            verifier.verify(leaf, intermediates)
        except x509_verification.VerificationError as exc:
            raise VerificationError("cert chain untrusted", str(exc)) from exc

    def _trust_store(self) -> x509_verification.Store:
        with self._store_lock:
            if self._store is None:
                roots = self._trust_roots if self._trust_roots is not None else load_system_roots()
                if not roots:
                    raise VerificationError("trust store unavailable")
                self._store = x509_verification.Store(list(roots))
            return self._store

    # (b) timestamp

    def _verify_timestamp(self, envelope: Any, now: datetime) -> None:
        request = envelope.get("request") if isinstance(envelope, dict) else None
        raw = request.get("timestamp") if isinstance(request, dict) else None
        if raw is None or raw == "":
            raise VerificationError("timestamp missing")
        stamp = _parse_timestamp(raw)
        if stamp < now - self.max_skew:
            raise VerificationError("timestamp too old")
        if stamp > now + self.max_skew:
            raise VerificationError("timestamp in future")

    # (c) application id

    def _verify_application_id(self, envelope: Any) -> None:
        app_id = _dig(envelope, "context", "System", "application", "applicationId") or _dig(
            envelope, "session", "application", "applicationId"
        )
        if not app_id:
            raise VerificationError("application id missing")
        if app_id != self.skill_id:
            raise VerificationError("application id mismatch")


def _header(headers: Mapping[str, str], name: str) -> str | None:
    # Flask's headers ignore case; a plain dict from a test or another server may not.
    value = headers.get(name)
    if value is None:
        lowered = name.lower()
        value = next((v for k, v in headers.items() if k.lower() == lowered), None)
    return value.strip() if isinstance(value, str) else None


def _decode_signature(value: str | None) -> bytes:
    if not value:
        raise VerificationError("signature missing")
    try:
        signature = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise VerificationError("signature not base64") from exc
    if not signature:
        raise VerificationError("signature not base64")
    return signature


def _check_leaf(leaf: x509.Certificate, now: datetime) -> None:
    # Checked here as well as in path validation, to log which rule failed.
    if now < leaf.not_valid_before_utc:
        raise VerificationError("cert not yet valid")
    if now > leaf.not_valid_after_utc:
        raise VerificationError("cert expired")
    try:
        san = leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound as exc:
        raise VerificationError("cert san mismatch", "no SAN") from exc
    names = {name.lower() for name in san.get_values_for_type(x509.DNSName)}
    if SIGNING_DOMAIN not in names:
        raise VerificationError("cert san mismatch")


def _check_body_signature(leaf: x509.Certificate, signature: bytes, raw_body: bytes) -> None:
    key = leaf.public_key()
    if not isinstance(key, rsa.RSAPublicKey):
        raise VerificationError("cert key not rsa")
    try:
        key.verify(signature, bytes(raw_body), padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature as exc:
        raise VerificationError("signature mismatch") from exc


def _parse_timestamp(raw: Any) -> datetime:
    if not isinstance(raw, str):
        raise VerificationError("timestamp unparseable")
    try:
        return _as_utc(datetime.fromisoformat(raw))  # 3.11 reads "Z" and fractional seconds
    except ValueError as exc:
        raise VerificationError("timestamp unparseable") from exc


def _dig(data: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data
