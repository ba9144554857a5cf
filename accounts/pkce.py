"""RFC 7636 Proof Key for Code Exchange, S256 only (plain would give a stolen code away)."""
from __future__ import annotations

import base64
import hashlib
import hmac
import re

# RFC 7636 4.1: 43-128 characters of [A-Z a-z 0-9 - . _ ~]
VERIFIER = re.compile(r"[A-Za-z0-9\-._~]{43,128}")
# A S256 challenge is the unpadded base64url of 32 bytes: exactly 43 characters
CHALLENGE = re.compile(r"[A-Za-z0-9\-_]{43}")
METHOD = "S256"


def s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def valid_challenge(challenge: str | None) -> bool:
    return isinstance(challenge, str) and CHALLENGE.fullmatch(challenge) is not None


def verifier_matches(verifier: str | None, challenge: str) -> bool:
    if not isinstance(verifier, str) or VERIFIER.fullmatch(verifier) is None:
        return False
    return hmac.compare_digest(s256(verifier), challenge)
