"""What a running server holds: the connection pool, the shared matcher index, the conversation."""
from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from pathlib import Path

import sqlite_utils

from accounts.sqlite_store import SqliteAccountRepository
from accounts.validators import BuiltinValidator, TokenValidator
from cart.demo_data import seed_demo_data
from cart.outbox.sqlite import SqliteOutbox
from cart.session_carts import expire_idle_session_carts
from cart.sqlite_store import SqliteCartRepository
from catalog.database import ConnectionPool
from catalog.demo import seed_demo_catalog
from catalog import index_builder
from catalog.index_store import IndexStore, default_directory
from catalog.live_index import LiveMatcher
from catalog.repository import SqliteCatalogRepository
from intents.dialog.conversation import Conversation, ConversationPorts, utcnow
from intents.dialog.session import SqliteSessionStore
from skill.config import Config
from skill.linking import Linker
from skill.order_mail import Mailer, compose, parse_smtp_url
from accounts.model import is_linked_customer_id

log = logging.getLogger("voicecart")


HOUSEKEEPING_EVERY = 60.0  # seconds between two rounds of housekeeping in one process


class Runtime:
    """Per-process state shared by all request threads. Repositories are cheap wrappers
    over the calling thread's own connection, so they are made per use."""

    def __init__(self, config: Config, clock=utcnow) -> None:
        self.config = config.check()
        self.clock = clock
        self.pool = ConnectionPool(config.db_path)
        self._background_pid: int | None = None
        self._background_lock = threading.Lock()
        prepare_database(self.pool.get(), seed_demo=config.seed_demo,
                         demo_accounts=config.seed_demo and config.dev and config.demo_accounts)
        # the index file lives beside the database; a child process builds it (see IndexStore)
        db_file = Path(config.db_path).resolve()
        self.matchers = LiveMatcher(self.catalog, store=IndexStore(
            default_directory(db_file), build_command=index_builder.command(db_file)))
        self.mailer = Mailer(parse_smtp_url(config.smtp_url)) if config.smtp_url else None
        self.conversation = Conversation(ConversationPorts(
            matcher=self.matchers.current, carts=self.carts, sessions=self.sessions, clock=clock,
            accounts=self.accounts if config.linking_policy != "off" else None,
            voice_code_required=config.voice_code == "required",
            on_order_placed=self._order_placed if self.mailer is not None else None))
        self.linker = Linker(config.linking_policy, self._validator(), self.carts, clock,
                             accounts=self.accounts if config.auth == "builtin" else None)
        self._housekeeping_lock = threading.Lock()
        self._housekeeping_due = 0.0

    def _validator(self) -> TokenValidator | None:
        config = self.config
        if config.auth == "builtin":
            return BuiltinValidator(self.accounts, self.clock)
        if config.auth == "jwt":
            from accounts.jwt_validator import JwtValidator
            return JwtValidator(config.jwks_url, issuer=config.jwt_issuer,  # type: ignore[arg-type]
                                audience=config.jwt_audience)  # type: ignore[arg-type]
        if config.auth == "introspection":
            from accounts.introspection import IntrospectionValidator
            return IntrospectionValidator(
                config.introspection_url,  # type: ignore[arg-type]
                client_id=config.introspection_client_id,  # type: ignore[arg-type]
                client_secret=config.introspection_client_secret)  # type: ignore[arg-type]
        return None

    def _order_placed(self, customer_id: str, order_id: str) -> None:
        """A confirmation email to a built-in account's address (other shoppers have none)."""
        if self.mailer is None or not is_linked_customer_id(customer_id):
            return
        account = self.accounts().get_customer(customer_id)
        order = self.carts().get_order(order_id) if account is not None else None
        if account is None or order is None:
            return
        self.mailer.send_later(compose(order, to=account.email, name=account.name,
                                       sender=self.mailer.settings.sender))

    def housekeeping(self) -> int:
        """Forget the idle carts of session-scoped shoppers; returns how many went."""
        return expire_idle_session_carts(self.carts(), now=self.clock(),
                                         idle=self.config.session_cart_idle)

    def housekeeping_if_due(self) -> None:
        """At most once a minute per process, and never by two threads at once: called on
        requests, so it needs no thread of its own (gunicorn forks after the app is made)."""
        now = time.monotonic()
        if now < self._housekeeping_due or not self._housekeeping_lock.acquire(blocking=False):
            return
        try:
            self._housekeeping_due = now + HOUSEKEEPING_EVERY
            forgotten = self.housekeeping()
            if forgotten:
                log.info("forgot %d idle session-scoped cart(s)", forgotten)
        except sqlite3.Error:
            log.warning("housekeeping skipped: storage busy", exc_info=True)
        finally:
            self._housekeeping_lock.release()

    def db(self) -> sqlite_utils.Database:
        return self.pool.get()

    def catalog(self) -> SqliteCatalogRepository:
        return SqliteCatalogRepository(self.db())

    def carts(self) -> SqliteCartRepository:
        return SqliteCartRepository(self.db(), create_schema=False)

    def sessions(self) -> SqliteSessionStore:
        return SqliteSessionStore(self.db())

    def outbox(self) -> SqliteOutbox:
        return SqliteOutbox(self.db())

    def start_background(self) -> None:
        """Start this process's outbox dispatcher thread, once per process: gunicorn calls
        this in each worker after the fork (threads do not survive a fork), and the first
        request does too under any other server. The lease makes one of them active."""
        if self.config.webhook_url is None or not self.config.outbox_dispatcher:
            return
        pid = os.getpid()
        if self._background_pid == pid:
            return
        with self._background_lock:
            if self._background_pid == pid:
                return
            self._background_pid = pid
            from skill.webhooks import make_dispatcher
            from cart.outbox.dispatcher import start_in_thread
            start_in_thread(make_dispatcher(self.config, self.outbox))
    def accounts(self) -> SqliteAccountRepository:
        return SqliteAccountRepository(self.db(), create_schema=False)


def prepare_database(db: sqlite_utils.Database, *, seed_demo: bool = True,
                     demo_accounts: bool = False) -> None:
    """Create every table that is missing and, for an empty catalog, load the demo one."""
    catalog = SqliteCatalogRepository(db)
    catalog.ensure_schema()
    carts = SqliteCartRepository(db)  # creates its tables
    SqliteSessionStore(db).ensure_schema()
    SqliteAccountRepository(db)  # creates its tables
    if seed_demo:
        report = seed_demo_catalog(catalog)
        if report is not None:
            log.info("seeded the demo catalog: %d products", report.imported)
        seed_demo_data(carts)
    if demo_accounts:
        _seed_demo_accounts(db, carts)


def _seed_demo_accounts(db: sqlite_utils.Database, carts: SqliteCartRepository) -> None:
    """Developer mode only: the demo account (with the demo shopper's delivery details) and
    the demo `alexa` client, whose credentials the README prints."""
    from dataclasses import replace

    from accounts.demo import DEMO_CUSTOMER_ID, seed_demo_accounts
    from cart.demo_data import DEMO_CUSTOMER_ID as DEMO_SHOPPER

    if seed_demo_accounts(SqliteAccountRepository(db), now=utcnow()):
        log.info("seeded the demo account and the demo alexa client (developer mode)")
    with carts.transaction():
        shopper = carts.get_customer(DEMO_SHOPPER)
        if shopper is not None and carts.get_customer(DEMO_CUSTOMER_ID) is None:
            carts.save_customer(replace(shopper, id=DEMO_CUSTOMER_ID))
