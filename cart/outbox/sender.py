"""Posting an event to the grocer's endpoint, signed as Standard Webhooks specify.

Headers: `webhook-id` (the event id, the same on every retry), `webhook-timestamp` (Unix
seconds of this attempt: receivers reject old ones, so each retry is signed afresh) and
`webhook-signature` (`v1,<base64 HMAC-SHA256 of "id.timestamp.body">`), made by the
`standardwebhooks` package. Any 2xx is delivered; anything else, a timeout or a refused
connection is a failure to retry.
"""
from __future__ import annotations

import http.client
import ipaddress
from collections.abc import Callable
from datetime import datetime, timezone
from urllib.parse import urlsplit

from standardwebhooks.webhooks import Webhook

from cart.outbox.events import OrderEvent

DEFAULT_TIMEOUT = 5.0
USER_AGENT = "voicecart-webhooks/1"


class DeliveryFailed(Exception):
    """One attempt did not deliver; the message says why (kept as the event's last error)."""


def _loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_webhook_url(url: str, *, dev: bool) -> str:
    """The URL if events may go there: https, or (developer mode only) http on loopback."""
    parts = urlsplit(url)
    if not parts.hostname or parts.scheme not in ("https", "http"):
        raise ValueError(f"VOICECART_WEBHOOK_URL must be an https:// URL, not {url!r}")
    if parts.scheme == "http" and not (dev and _loopback(parts.hostname)):
        raise ValueError("VOICECART_WEBHOOK_URL must use https (plain http is only allowed "
                         "to localhost or 127.0.0.1 in developer mode, --dev)")
    return url


def signing_key(secret: str, name: str = "VOICECART_WEBHOOK_SECRET") -> Webhook:
    """A Standard Webhooks key from a `whsec_<base64>` secret, or a clear error."""
    if not secret.startswith("whsec_"):
        raise ValueError(f"{name} must be a whsec_… secret (whsec_ and base64 bytes)")
    try:
        return Webhook(secret)
    except Exception as exc:  # bad base64, empty key
        raise ValueError(f"{name} is not a valid whsec_… secret: {exc}") from None


class WebhookSender:
    """One keep-alive connection, used by one dispatcher thread."""

    def __init__(self, url: str, secret: str, *, dev: bool = False,
                 timeout: float = DEFAULT_TIMEOUT,
                 clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc)) -> None:
        self.url = check_webhook_url(url, dev=dev)
        self._key = signing_key(secret)
        self._timeout = timeout
        self._clock = clock
        parts = urlsplit(url)
        self._https = parts.scheme == "https"
        self._host = parts.hostname or ""
        self._port = parts.port
        self._path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        self._conn: http.client.HTTPConnection | None = None

    def headers(self, event: OrderEvent) -> dict[str, str]:
        now = self._clock().astimezone(timezone.utc)
        return {"content-type": "application/json", "user-agent": USER_AGENT,
                "webhook-id": event.id, "webhook-timestamp": str(int(now.timestamp())),
                "webhook-signature": self._key.sign(event.id, now, event.body)}

    def send(self, event: OrderEvent) -> None:
        reused = self._conn is not None
        try:
            status = self._post(event)
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError) as exc:
            self.close()
            if not reused:
                raise DeliveryFailed(f"{type(exc).__name__}: {exc}"[:300]) from None
            # the receiver closed an idle keep-alive connection: one fresh try, not a retry
            try:
                status = self._post(event)
            except (OSError, http.client.HTTPException) as exc2:
                self.close()
                raise DeliveryFailed(f"{type(exc2).__name__}: {exc2}"[:300]) from None
        except (OSError, http.client.HTTPException) as exc:
            self.close()
            raise DeliveryFailed(f"{type(exc).__name__}: {exc}"[:300]) from None
        if not 200 <= status < 300:
            raise DeliveryFailed(f"HTTP {status}")

    def _post(self, event: OrderEvent) -> int:
        conn = self._connection()
        conn.request("POST", self._path, body=event.body.encode("utf-8"),
                     headers=self.headers(event))
        response = conn.getresponse()
        response.read()  # drain, so the connection can be reused
        if response.will_close:
            self.close()
        return response.status

    def _connection(self) -> http.client.HTTPConnection:
        if self._conn is None:
            cls = http.client.HTTPSConnection if self._https else http.client.HTTPConnection
            self._conn = cls(self._host, self._port, timeout=self._timeout)
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
