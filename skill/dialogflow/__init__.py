"""Dialogflow ES/CX: the agent export (and, beside it, the fulfillment webhooks)."""
