"""Building the outbox dispatcher from the configuration (for `serve` and `outbox run`)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from cart.outbox.dispatcher import Dispatcher, DispatcherSettings
from cart.outbox.ports import Outbox
from cart.outbox.retry import RetryPolicy
from cart.outbox.sender import WebhookSender
from skill.config import Config


def make_dispatcher(config: Config, outbox: Callable[[], Outbox], **kwargs) -> Dispatcher:
    """A dispatcher posting to VOICECART_WEBHOOK_URL; `kwargs` go to Dispatcher (clock...)."""
    if config.webhook_url is None or config.webhook_secret is None:
        raise ValueError("set VOICECART_WEBHOOK_URL and VOICECART_WEBHOOK_SECRET to deliver "
                         "order events")
    sender = WebhookSender(config.webhook_url, config.webhook_secret, dev=config.dev,
                           timeout=config.webhook_timeout)
    settings = DispatcherSettings(
        policy=RetryPolicy(limit=timedelta(seconds=config.webhook_retry_limit)))
    return Dispatcher(outbox, sender.send, settings=settings, **kwargs)
