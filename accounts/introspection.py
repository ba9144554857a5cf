"""VOICECART_AUTH=introspection: each new token is asked about at the grocer's RFC 7662
endpoint (POST token=..., our client credentials by HTTP basic); an active token's `sub` names
the customer, and the answer is cached until the token's `exp` (at most `max_age`)."""
from __future__ import annotations

import base64
import json
import logging
import time
import urllib.error
import urllib.parse
import urllib.request

from accounts.token_cache import TokenCache, remote_customer
from accounts.validators import IdentityProviderDown

log = logging.getLogger("voicecart.accounts")
TIMEOUT = 3.0  # seconds: Alexa gives the whole answer about 8
MAX_ANSWER = 64 * 1024
NO_EXP_TTL = 300.0  # an active answer without `exp` is trusted this long


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # credentials are never sent on to wherever a redirect points


class IntrospectionValidator:
    def __init__(self, url: str, *, client_id: str, client_secret: str,
                 cache: TokenCache | None = None, max_age: float = 3600.0) -> None:
        self._url = url
        credentials = f"{urllib.parse.quote(client_id, safe='')}:{urllib.parse.quote(client_secret, safe='')}"
        self._auth = "Basic " + base64.b64encode(credentials.encode()).decode()
        self._cache = cache or TokenCache(max_age=max_age)
        self._opener = urllib.request.build_opener(_NoRedirect())

    def customer_for(self, token: str) -> str | None:
        return self._cache.customer_for(token, self._verify)

    def _verify(self, token: str) -> tuple[str, float] | None:
        answer = self._ask(token)
        if answer.get("active") is not True:
            return None
        customer = remote_customer(answer.get("sub"))
        if customer is None:
            log.warning("introspection: an active token without a usable 'sub'")
            return None
        now = time.time()
        exp = answer.get("exp")
        if isinstance(exp, (int, float)) and not isinstance(exp, bool):
            if exp <= now:
                return None
        else:
            exp = now + NO_EXP_TTL
        return customer, float(exp)

    def _ask(self, token: str) -> dict:
        body = urllib.parse.urlencode({"token": token, "token_type_hint": "access_token"}).encode()
        request = urllib.request.Request(self._url, data=body, method="POST", headers={
            "Authorization": self._auth, "Accept": "application/json",
            "Content-Type": "application/x-www-form-urlencoded"})
        try:
            with self._opener.open(request, timeout=TIMEOUT) as response:
                raw = response.read(MAX_ANSWER + 1)
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
            raise IdentityProviderDown(f"introspection failed: {type(exc).__name__}") from None
        if len(raw) > MAX_ANSWER:
            raise IdentityProviderDown("introspection answer too large")
        try:
            answer = json.loads(raw)
        except ValueError:
            raise IdentityProviderDown("introspection answer is not JSON") from None
        if not isinstance(answer, dict):
            raise IdentityProviderDown("introspection answer is not an object")
        return answer
