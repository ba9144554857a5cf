"""Alexa's Device Address API: the shopper's address, when they granted the skill
`read::alexa:device:all:address` (GET {apiEndpoint}/v1/devices/{deviceId}/settings/address
with the request's apiAccessToken). Asked only when a delivery needs an address, with a short
timeout; any failure just means "no address" and the shopper is asked, never a 500."""
from __future__ import annotations

import json
import logging
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from typing import Any

from accounts.model import is_loopback
from cart.errors import InvalidAddress
from cart.model import Address

log = logging.getLogger("voicecart.alexa")
PERMISSION = "read::alexa:device:all:address"
TIMEOUT = 2.0  # seconds; Alexa gives the whole answer about 8
MAX_ANSWER = 16 * 1024


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the shopper's token goes to Amazon's endpoint only


def lookup_for(endpoint: Any, token: Any, device: Any, *, dev: bool) -> Callable[[], Any] | None:
    """A lookup bound to this request's apiEndpoint, apiAccessToken and deviceId, or None
    when it carries no way to ask. Outside --dev the endpoint must be https (in --dev also
    http on loopback, for tests)."""
    if not all(isinstance(v, str) and v and len(v) < 4096 for v in (endpoint, token, device)):
        return None
    parts = urllib.parse.urlsplit(endpoint)
    if not (parts.scheme == "https" or (dev and parts.scheme == "http" and is_loopback(parts.hostname))):
        return None
    url = f"{endpoint.rstrip('/')}/v1/devices/{urllib.parse.quote(device, safe='')}/settings/address"
    return lambda: _fetch(url, token)


def _fetch(url: str, token: str) -> Address | str | None:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}",
                                                   "Accept": "application/json"})
    try:
        with urllib.request.build_opener(_NoRedirect()).open(request, timeout=TIMEOUT) as resp:
            raw = resp.read(MAX_ANSWER + 1)
    except urllib.error.HTTPError as exc:
        exc.close()
        if exc.code == 403:
            return "denied"  # the shopper has not granted the permission
        log.warning("device address API answered %s", exc.code)
        return None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        log.warning("device address API unreachable: %s", type(exc).__name__)
        return None
    try:
        data = json.loads(raw) if len(raw) <= MAX_ANSWER else None
        if not isinstance(data, dict):
            return None
        line2 = ", ".join(v for v in (data.get("addressLine2"), data.get("addressLine3"))
                          if isinstance(v, str) and v.strip()) or None
        return Address(line1=data.get("addressLine1"), line2=line2, city=data.get("city"),
                       region=data.get("stateOrRegion"), postal_code=data.get("postalCode"))
    except (ValueError, InvalidAddress, TypeError):
        return None  # incomplete (no street, say): ask the shopper instead
