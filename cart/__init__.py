"""Carts, fulfillment (pickup slots, delivery windows) and orders.

Domain, no I/O: model (cart, money, customer), fulfillment (stores, policy, slots, holds),
time_slots (slot generation and choice), orders (order, status timeline), errors.
Use cases over the storage port (ports.CartRepository): services (cart, customer, slot choice)
and checkout (summary, idempotent place_order, status, cancel, reorder).
Adapters and edges: sqlite_store (SQLite via sqlite-utils), json_views (the CLI's JSON
contracts), demo_data + data/stores.json (bundled stores and the demo customer), codec.
"""
