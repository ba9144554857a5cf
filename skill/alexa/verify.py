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
import logging
import posixpath
import re
import threading
from datetime import datetime, timedelta
from typing import Any, Mapping, Sequence
from urllib.parse import unquote, urlsplit

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509 import verification as x509_verification

from skill.alexa.certificates import CertificateFetcher, load_system_roots, parse_chain  # noqa: F401
from skill.alexa.errors import (  # noqa: F401  (re-exported: the verifier's public API)
    FETCH_TIMEOUT_SECONDS, MAX_CACHE_AGE, MAX_CHAIN_BYTES, Clock, FetchFunc, VerificationError,
    as_utc, utcnow,
)

log = logging.getLogger(__name__)

CERT_URL_HEADER = "SignatureCertChainUrl"
SIGNATURE_HEADER = "Signature-256"
SIGNING_DOMAIN = "echo-api.amazon.com"
CERT_HOST = "s3.amazonaws.com"
CERT_PATH_PREFIX = "/echo.api/"
MAX_SKEW_SECONDS = 150
MAX_CERT_URL = 512  # Amazon's are about 60 characters

# --- certificate URL ---------------------------------------------------------------------------


def validate_cert_url(url: str | None) -> None:
    """Raise VerificationError unless `url` is where Amazon keeps its signing chains."""
    if not url or not isinstance(url, str):
        raise VerificationError("cert url missing")
    # urlsplit silently drops tabs and newlines, so a URL carrying them would be checked as
    # something other than what gets fetched; and a URL is ASCII (RFC 3986), so anything else
    # (U+2028 LINE SEPARATOR, NEL...) is refused before it can reach a log line.
    if len(url) > MAX_CERT_URL or any(not " " < ch < "\x7f" for ch in url):
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
        # Chains that passed path validation: id(chain) -> (chain, valid from, valid until)
        self._validated: dict[int, tuple[list[x509.Certificate], datetime, datetime]] = {}

    def verify(self, headers: Mapping[str, str], raw_body: bytes, envelope: Any) -> None:
        """Return if the request may be served, else raise VerificationError."""
        try:
            now = as_utc(self.clock())
            # The cheap checks first: nothing a caller sent is fetched, or logged, until the
            # URL is Amazon's, the signature decodes, and the timestamp and skill id are right
            if self.check_signature:
                url = _header(headers, CERT_URL_HEADER)
                validate_cert_url(url)
                signature = _decode_signature(_header(headers, SIGNATURE_HEADER))
            self._verify_timestamp(envelope, now)
            if self.skill_id:
                self._verify_application_id(envelope)
            if self.check_signature:
                self._verify_signature(url, signature, raw_body, now)  # type: ignore[arg-type]
        except VerificationError:
            raise
        except Exception as exc:  # a malformed request must never become a 500
            raise VerificationError("verification error", f"{type(exc).__name__}: {exc}") from exc

    # (a) signature

    def _verify_signature(self, url: str, signature: bytes, raw_body: bytes, now: datetime) -> None:
        chain = self.fetcher.get_chain(url)  # validated by the caller, before any network
        leaf = chain[0]
        _check_leaf(leaf, now)
        self._check_chain_once(chain, now)
        _check_body_signature(leaf, signature, raw_body)

    def _check_chain_once(self, chain: list[x509.Certificate], now: datetime) -> None:
        """Path validation depends only on the certificates, the trust store (fixed) and the
        time: a chain that validated validates again at any time inside every certificate's
        window on the path built, so it is built once per fetched chain (~0.1 ms a request),
        not per request. The fetcher hands out the same chain object until it expires."""
        with self._store_lock:
            known = self._validated.get(id(chain))
        if known is not None and known[0] is chain and known[1] <= now <= known[2]:
            return
        path = self._check_chain(chain[0], chain[1:], now)
        window = (max(c.not_valid_before_utc for c in path),
                  min(c.not_valid_after_utc for c in path))
        with self._store_lock:
            if len(self._validated) >= 16:  # the fetcher keeps at most 16 chains too
                self._validated.clear()
            self._validated[id(chain)] = (chain, *window)

    def _check_chain(
        self, leaf: x509.Certificate, intermediates: list[x509.Certificate], now: datetime
    ) -> list[x509.Certificate]:
        """The validated path, leaf to root."""
        # A *server* verifier: it checks the SAN against echo-api.amazon.com and wants the
        # serverAuth EKU. Amazon's leaf (2026 profile, issued by Amazon RSA 2048 M01) carries
        # serverAuth only, so a client verifier ("required EKU not found") would refuse it.
        builder = x509_verification.PolicyBuilder().store(self._trust_store()).time(now)
        verifier = builder.build_server_verifier(x509.DNSName(SIGNING_DOMAIN))
        try:
            return verifier.verify(leaf, intermediates)
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


# ISO 8601 as Alexa writes it ("2026-11-29T15:19:45Z", "...45.250Z") and with an offset.
# Parsed by hand: Python 3.10's fromisoformat reads neither "Z" nor 1, 2, 4 or 5 fraction
# digits, so every real Alexa request failed there.
_TIMESTAMP = re.compile(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:[.,](\d{1,9}))?"
                        r"(Z|z|[+-]\d{2}:?\d{2})?")


def parse_timestamp(raw: str) -> datetime:
    """An ISO 8601 instant in UTC; naive means UTC. ValueError when it is not one."""
    found = _TIMESTAMP.fullmatch(raw.strip())
    if found is None:
        raise ValueError(f"not an ISO 8601 timestamp: {raw[:40]!r}")
    day, clock, fraction, zone = found.groups()
    micros = (fraction or "").ljust(6, "0")[:6]
    offset = "+00:00" if zone in (None, "Z", "z") else \
        (zone if ":" in zone else f"{zone[:3]}:{zone[3:]}")
    return as_utc(datetime.fromisoformat(f"{day}T{clock}.{micros}{offset}"))


def _parse_timestamp(raw: Any) -> datetime:
    if not isinstance(raw, str):
        raise VerificationError("timestamp unparseable")
    try:
        return parse_timestamp(raw)
    except ValueError as exc:
        raise VerificationError("timestamp unparseable") from exc


def _dig(data: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data
