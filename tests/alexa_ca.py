"""Test helpers that play Amazon: a throwaway CA (root -> intermediate -> echo-api leaf) that
signs Alexa request bodies, Alexa request envelopes shaped like Amazon's reference docs, a fixed
clock and a counting fake certificate fetcher.

The certificates follow the Web PKI profile that cryptography's path validation enforces (and
that Amazon's real chain follows), so the verifier under test runs exactly as in production.
Imported by tests/skill/conftest.py (which puts this directory on sys.path, since pytest runs in
importlib mode); other test modules may `import alexa_ca` the same way.
"""
from __future__ import annotations

import base64
import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

FIXED_NOW = datetime(2026, 11, 25, 12, 0, 0, tzinfo=timezone.utc)
CERT_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-test.pem"
SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-000000000001"
SIGNING_DOMAIN = "echo-api.amazon.com"

LeafKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


class FixedClock:
    """A clock that stands still until a test moves it."""

    def __init__(self, now: datetime = FIXED_NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class FakeFetch:
    """Serves PEM bytes by URL like S3 would, counting calls; `error` makes every call fail."""

    responses: dict[str, bytes] = field(default_factory=dict)
    error: Exception | None = None
    calls: list[str] = field(default_factory=list)

    def __call__(self, url: str) -> bytes:
        self.calls.append(url)
        if self.error is not None:
            raise self.error
        if url not in self.responses:
            raise OSError(f"404 for {url}")
        return self.responses[url]


def _rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "voicecart tests"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _ca_cert(
    subject: x509.Name,
    key: rsa.RSAPrivateKey,
    issuer: x509.Name,
    issuer_key: rsa.RSAPrivateKey,
    now: datetime,
    path_length: int | None,
) -> x509.Certificate:
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=365))
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=path_length), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=False, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
            critical=False,
        )
    )
    return builder.sign(issuer_key, hashes.SHA256())


class ThrowawayCA:
    """root -> intermediate -> leaf for echo-api.amazon.com, all made fresh per instance.

    `chain_pem` is leaf first, then the intermediate, as Amazon serves it (the root is what the
    verifier must already trust: pass `[ca.root]` as its trust_roots).
    """

    def __init__(self, now: datetime = FIXED_NOW, label: str = "Throwaway") -> None:
        self.now = now
        self.root_key = _rsa_key()
        root_name = _name(f"{label} Root CA")
        self.root = _ca_cert(root_name, self.root_key, root_name, self.root_key, now, None)
        self.intermediate_key = _rsa_key()
        self.intermediate = _ca_cert(
            _name(f"{label} Intermediate CA"), self.intermediate_key,
            root_name, self.root_key, now, 0,
        )
        self.leaf_key: LeafKey = _rsa_key()
        self.leaf = self.issue_leaf()
        self.cert_url = CERT_URL

    def issue_leaf(
        self,
        *,
        dns_names: tuple[str, ...] = (SIGNING_DOMAIN,),
        not_before: datetime | None = None,
        not_after: datetime | None = None,
        key: LeafKey | None = None,
    ) -> x509.Certificate:
        """A leaf from the intermediate, profiled like Amazon's (EKU serverAuth only)."""
        public_key = (key or self.leaf_key).public_key()
        builder = (
            x509.CertificateBuilder()
            .subject_name(_name(dns_names[0] if dns_names else "no-san"))
            .issuer_name(self.intermediate.subject)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(not_before or self.now - timedelta(days=30))
            .not_valid_after(not_after or self.now + timedelta(days=60))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True, content_commitment=False, key_encipherment=True,
                    data_encipherment=False, key_agreement=False, key_cert_sign=False,
                    crl_sign=False, encipher_only=False, decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(
                    self.intermediate_key.public_key()
                ),
                critical=False,
            )
        )
        if dns_names:
            builder = builder.add_extension(
                x509.SubjectAlternativeName([x509.DNSName(n) for n in dns_names]), critical=False
            )
        return builder.sign(self.intermediate_key, hashes.SHA256())

    def chain_pem_for(self, leaf: x509.Certificate, *, intermediate: bool = True) -> bytes:
        certs = [leaf, self.intermediate] if intermediate else [leaf]
        return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs)

    @property
    def chain_pem(self) -> bytes:
        return self.chain_pem_for(self.leaf)

    def sign(self, body: bytes, key: LeafKey | None = None) -> str:
        """Base64 RSA PKCS#1 v1.5 SHA-256 signature of the exact body, as Signature-256."""
        key = key or self.leaf_key
        assert isinstance(key, rsa.RSAPrivateKey), "Alexa signs with RSA"
        return base64.b64encode(key.sign(body, padding.PKCS1v15(), hashes.SHA256())).decode()

    def headers(self, body: bytes, url: str | None = None) -> dict[str, str]:
        return {"Signature-256": self.sign(body), "SignatureCertChainUrl": url or self.cert_url}

    def fake_fetch(self, leaf: x509.Certificate | None = None) -> FakeFetch:
        """A fetcher that serves this CA's chain (or one ending in `leaf`) at cert_url."""
        return FakeFetch({self.cert_url: self.chain_pem_for(leaf or self.leaf)})


# --- Alexa request envelopes (shapes from Amazon's request/response JSON reference) ------------


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def envelope(
    request: dict[str, Any],
    *,
    timestamp: datetime | None = FIXED_NOW,
    application_id: str = SKILL_ID,
    user_id: str = "amzn1.ask.account.TESTUSER",
    new_session: bool = True,
    session_id: str | None = None,
) -> dict[str, Any]:
    application = {"applicationId": application_id}
    user = {"userId": user_id}
    body: dict[str, Any] = {
        "type": "LaunchRequest",
        "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
        "locale": "en-US",
        **request,
    }
    if timestamp is not None:
        body["timestamp"] = _iso(timestamp)
    return {
        "version": "1.0",
        "session": {
            "new": new_session,
            "sessionId": session_id or f"amzn1.echo-api.session.{uuid.uuid4()}",
            "application": application,
            "attributes": {},
            "user": user,
        },
        "context": {
            "System": {
                "application": application,
                "user": user,
                "device": {
                    "deviceId": "amzn1.ask.device.TESTDEVICE",
                    "supportedInterfaces": {},
                },
                "apiEndpoint": "https://api.amazonalexa.com",
                "apiAccessToken": "test-access-token",
            }
        },
        "request": body,
    }


def launch_request(**kwargs: Any) -> dict[str, Any]:
    return envelope({"type": "LaunchRequest"}, **kwargs)


def intent_request(
    name: str, slots: dict[str, str | None] | None = None, **kwargs: Any
) -> dict[str, Any]:
    intent = {
        "name": name,
        "confirmationStatus": "NONE",
        "slots": {
            slot: {"name": slot, "confirmationStatus": "NONE", **({"value": v} if v else {})}
            for slot, v in (slots or {}).items()
        },
    }
    return envelope(
        {"type": "IntentRequest", "dialogState": "STARTED", "intent": intent}, **kwargs
    )


def body_of(request_envelope: dict[str, Any]) -> bytes:
    """The raw bytes as Alexa would send them (and sign)."""
    return json.dumps(request_envelope, separators=(",", ":")).encode()
