"""Importing this package registers one handler per canonical intent (see intents.turn)."""
from intents.handlers import answers, cart_read, checkout, corrections, info, items, orders  # noqa: F401
