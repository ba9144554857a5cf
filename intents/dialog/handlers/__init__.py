"""Importing this package registers one handler per canonical intent (see intents.dialog.turn)."""
from intents.dialog.handlers import answers, cart_read, checkout, corrections, info, items, orders  # noqa: F401
