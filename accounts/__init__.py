"""Shoppers' identities: customer accounts, the built-in OAuth 2.0 authorization server's
clients, codes and tokens, and the validators that turn a linked token into a customer.

Same shape as cart/: a domain without I/O (model, hashing, pkce), services over a storage port
(ports, services, oauth), one adapter per backend (sqlite_store holds all of accounts' SQL).
Nothing here imports intents/ or skill/; skill/ only hosts the HTTP routes.
"""
