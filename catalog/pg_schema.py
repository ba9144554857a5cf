"""The PostgreSQL schema of every store, as numbered migrations (`voicecart db upgrade`).

Column types follow the SQLite schema on purpose (times as UTC ISO text, money as integer
cents, quantities and unit prices as decimal text): the statements in the shared stores
(cart.sql_store ...) then read and write both backends the same way, and `voicecart db copy`
moves rows unchanged. What PostgreSQL adds is enforcement: CHECK constraints on amounts and
capacities, a foreign key from order lines, and `seq` columns where SQLite's rowid gave the
insertion order.

A migration is applied once, in a transaction, under an advisory lock, so nodes starting
together do not race; the highest applied number is the schema version (see catalog.schema).
"""
from __future__ import annotations

MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "every store of the first release", """
CREATE TABLE products (
    seq BIGSERIAL NOT NULL UNIQUE,
    id TEXT PRIMARY KEY, name TEXT NOT NULL, price TEXT NOT NULL, brand TEXT, department TEXT,
    aisle TEXT, size TEXT, synonyms TEXT, in_stock INTEGER, popularity DOUBLE PRECISION,
    extra TEXT, sold_by TEXT, price_unit TEXT, avg_weight TEXT,
    taxable INTEGER NOT NULL DEFAULT 0);
CREATE INDEX idx_products_department_aisle ON products (department, aisle);
CREATE TABLE catalog_meta (key TEXT PRIMARY KEY, value TEXT);

CREATE TABLE carts (
    customer_id TEXT PRIMARY KEY, revision INTEGER NOT NULL CHECK (revision >= 0),
    lines TEXT NOT NULL, history TEXT NOT NULL, last_key TEXT, updated_at TEXT);
CREATE TABLE customers (
    id TEXT PRIMARY KEY, address TEXT, default_substitution TEXT NOT NULL,
    preferred_store_id TEXT, linked_account TEXT);
CREATE INDEX idx_customers_linked_account ON customers (linked_account);
CREATE TABLE stores (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, address TEXT, tz TEXT NOT NULL, hours TEXT NOT NULL,
    policy TEXT NOT NULL, kinds TEXT NOT NULL);
CREATE TABLE slot_holds (
    customer_id TEXT PRIMARY KEY, store_id TEXT NOT NULL, kind TEXT NOT NULL,
    slot_key TEXT NOT NULL, slot_start TEXT NOT NULL, slot_end TEXT NOT NULL, tz TEXT NOT NULL,
    capacity INTEGER NOT NULL CHECK (capacity >= 0), expires_at TEXT NOT NULL, session TEXT,
    CHECK (slot_start < slot_end));
CREATE INDEX idx_slot_holds_store_id_kind_slot_start ON slot_holds (store_id, kind, slot_start);
CREATE INDEX idx_slot_holds_slot_key ON slot_holds (slot_key);
CREATE INDEX idx_slot_holds_session ON slot_holds (session);
CREATE TABLE orders (
    seq BIGSERIAL NOT NULL UNIQUE,
    id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, submission_key TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL, kind TEXT NOT NULL, store_id TEXT NOT NULL,
    store_name TEXT NOT NULL, tz TEXT NOT NULL, slot_key TEXT NOT NULL, slot_start TEXT NOT NULL,
    slot_end TEXT NOT NULL, address TEXT,
    subtotal_cents BIGINT NOT NULL CHECK (subtotal_cents >= 0),
    delivery_fee_cents BIGINT NOT NULL CHECK (delivery_fee_cents >= 0),
    total_cents BIGINT NOT NULL CHECK (total_cents >= 0),
    picking_at TEXT NOT NULL, cancelled_at TEXT, reported_status TEXT, picked TEXT);
CREATE INDEX idx_orders_customer_id_created_at ON orders (customer_id, created_at);
CREATE INDEX idx_orders_store_id_kind_slot_start ON orders (store_id, kind, slot_start);
CREATE TABLE order_lines (
    order_id TEXT NOT NULL REFERENCES orders (id), position INTEGER NOT NULL,
    product_id TEXT NOT NULL, name TEXT NOT NULL, quantity TEXT NOT NULL, unit TEXT,
    unit_price TEXT NOT NULL, line_total_cents BIGINT NOT NULL CHECK (line_total_cents >= 0),
    substitution TEXT NOT NULL, asked_quantity TEXT, asked_unit TEXT,
    estimated INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (order_id, position));

CREATE TABLE outbox_events (
    seq BIGSERIAL PRIMARY KEY, id TEXT NOT NULL UNIQUE, order_id TEXT NOT NULL,
    type TEXT NOT NULL, created_at TEXT NOT NULL, body TEXT NOT NULL, state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT, give_up_at TEXT,
    delivered_at TEXT, last_error TEXT);
CREATE INDEX idx_outbox_events_state_next ON outbox_events (state, next_attempt_at);
CREATE INDEX idx_outbox_events_state_order ON outbox_events (state, order_id, seq);
CREATE TABLE outbox_leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at TEXT NOT NULL);
CREATE TABLE inbound_events (id TEXT PRIMARY KEY, order_id TEXT NOT NULL, received_at TEXT NOT NULL);

CREATE TABLE dialog_sessions (
    channel TEXT NOT NULL, session_id TEXT NOT NULL, customer_id TEXT NOT NULL,
    state TEXT NOT NULL, expires_at TEXT NOT NULL, PRIMARY KEY (channel, session_id));
CREATE INDEX dialog_sessions_expiry ON dialog_sessions (expires_at);
CREATE TABLE replayed_requests (
    request_key TEXT PRIMARY KEY, reply TEXT NOT NULL, expires_at TEXT NOT NULL);
CREATE INDEX replayed_requests_expiry ON replayed_requests (expires_at);

CREATE TABLE account_customers (
    id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    password_hash TEXT NOT NULL, address TEXT, zip TEXT, created_at TEXT NOT NULL);
CREATE TABLE oauth_clients (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, secret_hash TEXT NOT NULL,
    redirect_uris TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE oauth_codes (
    code_hash TEXT PRIMARY KEY, client_id TEXT NOT NULL, customer_id TEXT NOT NULL,
    redirect_uri TEXT NOT NULL, scope TEXT, code_challenge TEXT NOT NULL,
    expires_at TEXT NOT NULL, used_at TEXT);
CREATE TABLE oauth_grants (
    id TEXT PRIMARY KEY, family TEXT NOT NULL, client_id TEXT NOT NULL,
    customer_id TEXT NOT NULL, scope TEXT, access_hash TEXT NOT NULL UNIQUE,
    refresh_hash TEXT NOT NULL UNIQUE, access_expires_at TEXT NOT NULL,
    refresh_expires_at TEXT NOT NULL, code_hash TEXT, revoked_at TEXT);
CREATE INDEX idx_oauth_grants_family ON oauth_grants (family);
CREATE INDEX idx_oauth_grants_code_hash ON oauth_grants (code_hash);
CREATE TABLE login_throttles (
    key TEXT PRIMARY KEY, failures INTEGER NOT NULL CHECK (failures >= 0), window_start TEXT,
    locked_until TEXT);
CREATE TABLE server_secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE voice_codes (
    customer_id TEXT PRIMARY KEY, code_hash TEXT NOT NULL,
    failures INTEGER NOT NULL CHECK (failures >= 0), locked_until TEXT);
"""),
    (2, "issue 17: sales tax, delivery notes, the seller's address, stock per store", """
ALTER TABLE order_lines ADD COLUMN taxable INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN tax_cents BIGINT NOT NULL DEFAULT 0 CHECK (tax_cents >= 0);
ALTER TABLE orders ADD COLUMN tax_rate TEXT;
ALTER TABLE orders ADD COLUMN store_address TEXT;
ALTER TABLE orders ADD COLUMN delivery_notes TEXT;
ALTER TABLE customers ADD COLUMN delivery_notes TEXT;
ALTER TABLE stores ADD COLUMN out_of_stock TEXT;
"""),
    (3, "issue 17: the shopper's changes to a placed order", """
ALTER TABLE orders ADD COLUMN changes TEXT;
"""),
    # cart.sql_store keeps the count with each order it books, moves or cancels; the CHECK
    # makes the database refuse an overbooking whatever writes it. Slots booked before get
    # their count now, and a capacity that is at least that count (a capacity lowered below a
    # slot's bookings since must not make the migration fail: new bookings there are refused)
    (4, "issue 20: each slot's bookings, never more than its capacity", """
CREATE TABLE slot_bookings (
    slot_key TEXT PRIMARY KEY, store_id TEXT NOT NULL, kind TEXT NOT NULL,
    capacity INTEGER NOT NULL CHECK (capacity >= 0),
    booked INTEGER NOT NULL CHECK (booked >= 0),
    CONSTRAINT slot_bookings_within_capacity CHECK (booked <= capacity));
INSERT INTO slot_bookings (slot_key, store_id, kind, capacity, booked)
SELECT o.slot_key, MIN(o.store_id), MIN(o.kind),
       GREATEST(COUNT(*), COALESCE(MIN((s.policy::jsonb ->> (o.kind || '_capacity'))::int), 0)),
       COUNT(*)
  FROM orders o LEFT JOIN stores s ON s.id = o.store_id
 WHERE o.cancelled_at IS NULL
 GROUP BY o.slot_key;
"""),
    # No table changes: the number keeps an earlier release, which cannot read a cart's undo
    # history stored as the changes the steps undo (cart.row_cache), from starting on it
    (5, "issue 22: a cart's undo steps stored as the changes they undo", """
COMMENT ON COLUMN carts.history IS
    'undo steps, oldest first, each the change undoing it makes to the state after it (cart.row_cache)';
"""),
    # intents.dialog.session: a keyed turn keeps its reply in its session's row, written with
    # the dialog state (one row a turn, not two); replayed_requests stays for the rest
    (6, "issue 22: a session's latest reply kept in its row", """
ALTER TABLE dialog_sessions ADD COLUMN reply_key TEXT;
ALTER TABLE dialog_sessions ADD COLUMN reply TEXT;
"""),
]
