"""Secrets at rest: passwords and client secrets with scrypt, random tokens with SHA-256.

scrypt (memory-hard, in the standard library) for what a person or an operator chose or must
keep: a stolen table costs an attacker ~16 MiB and tens of milliseconds per guess. Access and
refresh tokens and authorization codes are 256-bit random values, so a plain SHA-256 is enough
to make a stolen table useless, and it is deterministic: the token is found by its hash.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

# RFC 7914's interactive parameters: N=2^14, r=8 -> 16 MiB per hash
_N, _R, _P = 2 ** 14, 8, 1
_MAXMEM = 64 * 1024 * 1024
TOKEN_BYTES = 32


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hash_secret(secret: str) -> str:
    """'scrypt$N$r$p$salt$hash' for a password or a client secret."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(secret.encode("utf-8", "surrogatepass"), salt=salt, n=_N, r=_R, p=_P,
                            maxmem=_MAXMEM)
    return f"scrypt${_N}${_R}${_P}${_b64(salt)}${_b64(digest)}"


def verify_secret(secret: str, stored: str | None) -> bool:
    """Constant-time check; a missing or malformed stored hash still costs one scrypt, so the
    time taken does not tell whether an account exists."""
    try:
        scheme, n, r, p, salt, digest = (stored or "").split("$")
        if scheme != "scrypt":
            raise ValueError(scheme)
        params, salt_b, expected = (int(n), int(r), int(p)), _unb64(salt), _unb64(digest)
    except ValueError:
        params, salt_b, expected = (_N, _R, _P), b"\0" * 16, b""
    got = hashlib.scrypt(secret.encode("utf-8", "surrogatepass"), salt=salt_b, n=params[0],
                         r=params[1], p=params[2], maxmem=_MAXMEM)
    return bool(expected) and hmac.compare_digest(got, expected)


def new_token() -> str:
    """A 256-bit random token, URL-safe (fits in a query string and a header unescaped)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def new_id(prefix: str) -> str:
    return f"{prefix}{secrets.token_urlsafe(12)}"
