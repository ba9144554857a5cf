"""The transactional outbox of order events and their signed delivery to the grocer.

- events: the event value and its JSON body (pure)
- retry: when to try again and when to give up (pure)
- ports: the outbox storage port; sqlite: its SQLite adapter (all of the outbox's SQL)
- sender: the Standard Webhooks HTTP client; dispatcher: the loop that delivers, under a lease
"""
