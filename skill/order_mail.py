"""Order confirmation emails (VOICECART_SMTP_URL), sent after the order commits.

Sending happens on a background thread with a bounded queue, so a slow or broken mail server
never delays or fails the spoken answer: a full queue or a failed send is logged and dropped.
The thread starts lazily in the process that sends (gunicorn forks workers after the app is
made, and threads do not survive a fork).

URL: smtp://[user[:password]@]host[:port][?from=ADDRESS&starttls=1] (port 25; with
starttls=1 the connection is upgraded before login), or smtps://... (TLS from the start,
port 465). `from` defaults to voicecart@<host>.
"""
from __future__ import annotations

import logging
import queue
import smtplib
import ssl
import threading
from dataclasses import dataclass
from email.message import EmailMessage
from urllib.parse import parse_qs, unquote, urlsplit

from cart.orders import Order
from cart.receipt import receipt_lines
from catalog.process import current_pid

log = logging.getLogger("voicecart.mail")
TIMEOUT = 10.0
QUEUE_SIZE = 1000


class SmtpUrlError(ValueError):
    pass


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    tls: str  # "none", "starttls" or "ssl"
    sender: str
    user: str | None = None
    password: str | None = None


def parse_smtp_url(url: str) -> SmtpSettings:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise SmtpUrlError("VOICECART_SMTP_URL is not a valid URL") from None
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise SmtpUrlError("VOICECART_SMTP_URL must look like smtp://host:port or smtps://host")
    query = parse_qs(parts.query)
    starttls = (query.get("starttls", ["0"])[0].lower() in ("1", "true", "yes"))
    tls = "ssl" if parts.scheme == "smtps" else ("starttls" if starttls else "none")
    sender = query.get("from", [f"voicecart@{parts.hostname}"])[0]
    return SmtpSettings(host=parts.hostname, port=port or (465 if tls == "ssl" else 25), tls=tls,
                        sender=sender, user=unquote(parts.username) if parts.username else None,
                        password=unquote(parts.password) if parts.password else None)


def compose(order: Order, *, to: str, name: str, sender: str) -> EmailMessage:
    # The same receipt as the Alexa card: one order number, seller, items and bill everywhere
    lines = [f"Hello {name},", "", f"Your order {order.id} is placed.", "",
             *receipt_lines(order), "", "Thank you for shopping with us."]
    message = EmailMessage()
    message["From"], message["To"] = sender, to
    message["Subject"] = f"Your order {order.id} is placed"
    message.set_content("\n".join(lines))
    return message


class Mailer:
    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings
        self._queue: queue.Queue[EmailMessage] | None = None
        self._pid: int | None = None
        self._lock = threading.Lock()

    def send_later(self, message: EmailMessage) -> None:
        """Queue a message; never blocks and never raises for mail trouble."""
        try:
            self._worker_queue().put_nowait(message)
        except queue.Full:
            log.warning("mail queue full: an order confirmation was dropped")

    def _worker_queue(self) -> queue.Queue[EmailMessage]:
        with self._lock:
            if self._queue is None or self._pid != current_pid():
                self._queue, self._pid = queue.Queue(QUEUE_SIZE), current_pid()
                threading.Thread(target=self._run, args=(self._queue,), daemon=True,
                                 name="voicecart-mail").start()
            return self._queue

    def _run(self, messages: queue.Queue[EmailMessage]) -> None:
        while True:
            message = messages.get()
            try:
                self._send(message)
            except (OSError, smtplib.SMTPException) as exc:
                log.warning("order confirmation not sent: %s", type(exc).__name__)

    def _send(self, message: EmailMessage) -> None:
        s = self.settings
        if s.tls == "ssl":
            client: smtplib.SMTP = smtplib.SMTP_SSL(s.host, s.port, timeout=TIMEOUT,
                                                   context=ssl.create_default_context())
        else:
            client = smtplib.SMTP(s.host, s.port, timeout=TIMEOUT)
        with client:
            if s.tls == "starttls":
                client.starttls(context=ssl.create_default_context())
            if s.user:
                client.login(s.user, s.password or "")
            client.send_message(message)
