"""What a running server holds: the connection pool, the shared matcher index, the conversation."""
from __future__ import annotations

import logging
import threading
import time

from accounts.validators import BuiltinValidator, TokenValidator
from cart.session_carts import expire_idle_session_carts
from catalog.live_index import LiveMatcher
from catalog.process import current_pid
from catalog.sql import STORAGE_ERRORS
from intents.dialog.conversation import Conversation, ConversationPorts, Understanding, utcnow
from skill.config import Config
from skill import request_log
from skill.metrics import ServerMetrics, outcome_of
from skill.storage import index_store, open_storage, prepare
from skill.linking import Linker
from skill.order_mail import Mailer, compose, parse_smtp_url
from accounts.model import is_linked_customer_id

log = logging.getLogger("voicecart")


HOUSEKEEPING_EVERY = 60.0  # seconds between two rounds of housekeeping in one process


class Runtime:
    """Per-process state shared by all request threads. Repositories are cheap wrappers
    over the calling thread's own connection (SQLite) or the process's pool (PostgreSQL), so
    they are made per use."""

    def __init__(self, config: Config, clock=utcnow, registry=None) -> None:
        """`registry`: the prometheus-client CollectorRegistry the metrics join (None: a new
        one; tests pass a fresh one to read what a turn counted)."""
        from prometheus_client import CollectorRegistry
        from skill.metrics_export import OutboxCollector, multiprocess_mode

        self.config = config.check()
        self.clock = clock
        self.metrics = ServerMetrics(registry if registry is not None else CollectorRegistry())
        # read at scrape time; in multiprocess mode each scrape's own registry takes it
        self.outbox_collector = OutboxCollector(self)
        if not multiprocess_mode():
            self.metrics.registry.register(self.outbox_collector)
        self.storage = open_storage(config.db_path)
        self._background_pid: int | None = None
        self._background: tuple[threading.Thread, threading.Event] | None = None
        self._listener_pid: int | None = None
        self._background_lock = threading.Lock()
        prepare(self.storage, seed_demo=config.seed_demo,
                demo_accounts=config.seed_demo and config.dev and config.demo_accounts)
        # a child process builds the index file (see IndexStore); the storage says where it lives
        self.matchers = LiveMatcher(self.catalog, store=index_store(self.storage),
                                    check_every=config.catalog_check_interval)
        self._catalog_listener = None  # PostgreSQL: started in each worker (start_listening)
        self.mailer = Mailer(parse_smtp_url(config.smtp_url)) if config.smtp_url else None
        self.conversation = Conversation(ConversationPorts(
            matcher=self.matchers.current, carts=self.carts, sessions=self.sessions, clock=clock,
            accounts=self.accounts if config.linking_policy != "off" else None,
            voice_code_required=config.voice_code == "required",
            on_order_placed=self._order_placed if self.mailer is not None else None,
            on_turn=self._turn_answered))
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

    def _turn_answered(self, channel: str, understood: Understanding) -> None:
        """Counts the turn; on a turn route the route names the channel (the browser tester
        speaks the text channel's conversation but is counted as `tester`)."""
        info = request_log.current()
        if info is not None:
            info.intent = understood.request.intent
            channel = info.channel or channel
        self.metrics.observe_turn(outcome_of(
            channel, understood.request.intent, understood.request.items,
            order_placed=understood.placed_order_id is not None, apology=understood.apology,
            replayed=understood.replayed))

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
        except STORAGE_ERRORS:
            log.warning("housekeeping skipped: storage busy", exc_info=True)
        finally:
            self._housekeeping_lock.release()

    def db(self):
        """This thread's SQLite connection (SQLite only: tests and tools that read the file)."""
        return self.storage.db()

    def catalog(self):
        return self.storage.catalog()

    def carts(self):
        return self.storage.carts()

    def sessions(self):
        return self.storage.sessions()

    def outbox(self):
        return self.storage.outbox()

    def start_background(self) -> None:
        """Start this process's outbox dispatcher thread, once per process: gunicorn calls
        this in each worker after the fork (threads do not survive a fork), and the first
        request does too under any other server. The lease makes one of them active."""
        if self.config.webhook_url is None or not self.config.outbox_dispatcher:
            return
        pid = current_pid()
        if self._background_pid == pid:
            return
        with self._background_lock:
            if self._background_pid == pid:
                return
            self._background_pid = pid
            from skill.webhooks import make_dispatcher
            from cart.outbox.dispatcher import start_in_thread
            self._background = start_in_thread(make_dispatcher(self.config, self.outbox))

    def stop_background(self, timeout: float = 10.0) -> None:
        """Stop this process's dispatcher thread and wait for it (tests, before their database
        goes away: a thread still polling a dropped database logs errors into later tests)."""
        if self._background is None or self._background_pid != current_pid():
            return
        from cart.outbox.ports import NEW_EVENT
        thread, stop = self._background
        stop.set()
        NEW_EVENT.set()  # cut its wait short; another dispatcher woken by it just looks again
        thread.join(timeout)
        self._background = None

    def accounts(self):
        return self.storage.accounts()

    def start_listening(self) -> None:
        """Hear catalog changes made on any node at once (PostgreSQL; SQLite has no such
        thing and relies on the periodic version check). gunicorn calls this in each worker
        after the fork; in-process servers (tests, tools) keep the periodic check only, so
        they hold no connection of their own."""
        pid = current_pid()
        with self._background_lock:
            if self._catalog_listener is not None and self._listener_pid == pid:
                return
            self._catalog_listener = self.storage.catalog_listener(self.matchers.catalog_changed)
            self._listener_pid = pid
        if self._catalog_listener is not None:
            self._catalog_listener.start()

    def stop_listening(self) -> None:
        """At a worker's exit: stop listening and close that connection."""
        listener, self._catalog_listener = self._catalog_listener, None
        if listener is not None and self._listener_pid == current_pid():
            listener.stop()
