"""VOICECART_AUTH=jwt: access tokens are JWTs signed by the grocer's identity provider, checked
against its JWKS (keys fetched with a timeout and cached), its issuer and our audience.

The algorithms are a fixed list of asymmetric ones, never taken from the token: `none` and
HMAC with a public key as the secret (the classic key-confusion forgery) are refused."""
from __future__ import annotations

import logging

import jwt

from accounts.token_cache import TokenCache, remote_customer
from accounts.validators import IdentityProviderDown

log = logging.getLogger("voicecart.accounts")
ALLOWED_ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384")
FETCH_TIMEOUT = 3.0  # seconds: Alexa gives the whole answer about 8


class JwtValidator:
    def __init__(self, jwks_url: str, *, issuer: str, audience: str,
                 cache: TokenCache | None = None, leeway: float = 30.0) -> None:
        self._keys = jwt.PyJWKClient(jwks_url, cache_jwk_set=True, lifespan=300,
                                     timeout=FETCH_TIMEOUT)
        self._issuer, self._audience, self._leeway = issuer, audience, leeway
        self._cache = cache or TokenCache()

    def customer_for(self, token: str) -> str | None:
        return self._cache.customer_for(token, self._verify)

    def _verify(self, token: str) -> tuple[str, float] | None:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.InvalidTokenError:
            return None
        if header.get("alg") not in ALLOWED_ALGORITHMS:
            return None
        try:
            key = self._keys.get_signing_key_from_jwt(token)
        except (jwt.PyJWKClientConnectionError, jwt.exceptions.PyJWKSetError, ValueError) as exc:
            # unreachable, or answering something that is not a key set
            raise IdentityProviderDown(f"JWKS unavailable: {type(exc).__name__}") from None
        except (jwt.PyJWKClientError, jwt.InvalidTokenError):
            return None  # no key with that kid: not one of the provider's tokens
        try:
            claims = jwt.decode(token, key.key, algorithms=list(ALLOWED_ALGORITHMS),
                                audience=self._audience, issuer=self._issuer, leeway=self._leeway,
                                options={"require": ["exp", "iss", "aud", "sub"]})
        except jwt.InvalidTokenError as exc:
            log.info("JWT refused: %s", type(exc).__name__)  # never the token
            return None
        customer = remote_customer(claims.get("sub"))
        return None if customer is None else (customer, float(claims["exp"]))
