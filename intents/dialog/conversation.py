"""The conversation every channel shares: parse, resolve items, dispatch, keep state.

Channels (Alexa, Dialogflow, the text channel, the local tester) call `Conversation.respond`
with a platform-neutral request or plain text; nothing here knows a platform's JSON.
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime, timezone
from typing import Any

from cart.errors import DomainError
from cart.ports import CartRepository
from catalog.matcher import Matcher
from catalog.sql import STORAGE_BUSY
from intents.dialog import handlers  # noqa: F401  (registers every handler)
from intents.dialog.handlers.answers import continuation
from intents.dialog.handlers.common import store_tz
from intents.dialog.handlers.placed_orders import order_handler
from intents.model import ParsedRequest, Reply
from intents.parsing.parser import parse
from intents.dialog.session import DialogState, KeptReply, SessionStore
from intents.dialog.speech import clip, speakable
from intents.dialog.turn import ASKS_ONLY, HANDLERS, HISTORY_ORDERS, Turn

log = logging.getLogger("voicecart.dialog")
MAX_TEXT_CHARS = 5000
# Why a turn's answer is an apology (Understanding.apology), for the server's error counts
APOLOGY_STORAGE = "database_unavailable"  # the database could not be reached or was busy
APOLOGY_DOMAIN = "spoken_apology"         # a handler refused ("Sorry, that slot is full.")


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class ConversationPorts:
    """Factories, because each request thread needs its own storage connection."""

    matcher: Callable[[], Matcher]
    carts: Callable[[], CartRepository]
    sessions: Callable[[], SessionStore]
    clock: Callable[[], datetime] = utcnow
    # Linked customers' accounts (voice codes); None when account linking is off
    accounts: Callable[[], Any] | None = None
    voice_code_required: bool = False
    # Called with (customer id, order id) after a turn that created an order has committed
    on_order_placed: Callable[[str, str], None] | None = None
    # Called with (channel, Understanding) after every answered turn (the server's metrics);
    # it must be cheap, and an error in it never fails the answer
    on_turn: Callable[[str, "Understanding"], None] | None = None


@dataclass
class Understanding:
    """What a turn understood, for the tester's debug view and the logs."""

    request: ParsedRequest
    reply: Reply
    replayed: bool = False
    placed_order_id: str | None = None  # an order this turn created (not a replayed one)
    apology: str | None = None  # APOLOGY_STORAGE or APOLOGY_DOMAIN when the answer is one


class Conversation:
    def __init__(self, ports: ConversationPorts) -> None:
        self.ports = ports

    def respond(self, *, channel: str, session_id: str, customer_id: str,
                text: str | None = None, request: ParsedRequest | None = None,
                request_key: str | None = None, may_order: bool = True,
                device_address: Callable[[], Any] | None = None) -> Reply:
        return self.understand(channel=channel, session_id=session_id, customer_id=customer_id,
                               text=text, request=request, request_key=request_key,
                               may_order=may_order, device_address=device_address).reply

    def understand(self, *, channel: str, session_id: str, customer_id: str,
                   text: str | None = None, request: ParsedRequest | None = None,
                   request_key: str | None = None, may_order: bool = True,
                   device_address: Callable[[], Any] | None = None) -> Understanding:
        """Answer one turn. `request_key` (a platform's request id) makes a retried delivery
        get the same answer without doing the work twice, even when the retry arrives while
        the first delivery is still being answered. `may_order` False: the shopper must link
        their account before checking out (browsing and the cart still work)."""
        if not request_key:
            try:
                understood = self._understand(channel, session_id, customer_id, text, request,
                                              None, may_order, device_address)
            except STORAGE_BUSY:  # the session store is unreachable: an apology, not a 500
                log.exception("storage unavailable for a %s turn", channel)
                understood = Understanding(request or ParsedRequest("Fallback", text=text or ""),
                                           _busy(), apology=APOLOGY_STORAGE)
        else:
            try:
                # One write transaction for the whole keyed turn: the cart repository and the
                # session store share this thread's connection, so the replay lookup, the cart
                # changes, the dialog state and the remembered reply commit together. A
                # duplicate delivered concurrently waits for the lock, then finds the reply (it
                # would otherwise miss it and add the item a second time). Batched: PostgreSQL
                # sends its statements in a few round trips (catalog.sql.SqlSession.prefetch).
                # SQLite takes the write lock only at the turn's first write; until then the
                # shopper's own lock keeps their turns serial (catalog.turn_lock).
                carts = self.ports.carts()
                with carts.transaction(batched=True, turn_of=customer_id):
                    understood = self._understand(channel, session_id, customer_id, text,
                                                  request, request_key, may_order, device_address,
                                                  carts)
            except STORAGE_BUSY:
                log.exception("storage busy for a %s turn", channel)
                understood = Understanding(request or ParsedRequest("Fallback", text=text or ""),
                                           _busy(), apology=APOLOGY_STORAGE)
        if understood.placed_order_id and self.ports.on_order_placed is not None:
            # After the commit, and never able to fail the answer (a confirmation email)
            try:
                self.ports.on_order_placed(customer_id, understood.placed_order_id)
            except Exception:  # noqa: BLE001
                log.exception("order-placed hook failed")
        if self.ports.on_turn is not None:
            try:
                self.ports.on_turn(channel, understood)
            except Exception:  # noqa: BLE001  (counting must never cost a shopper the answer)
                log.exception("turn observer failed")
        return understood

    def _understand(self, channel: str, session_id: str, customer_id: str, text: str | None,
                    request: ParsedRequest | None, request_key: str | None,
                    may_order: bool = True,
                    device_address: Callable[[], Any] | None = None,
                    carts: CartRepository | None = None) -> Understanding:
        """`carts`: the repository whose transaction the turn runs in (one per turn)."""
        now = self.ports.clock()
        sessions = self.ports.sessions()
        carts = carts if carts is not None else self.ports.carts()
        replay_key = _scoped(channel, customer_id, request_key) if request_key else None
        if replay_key:
            # Every read this turn is sure to make, declared before the first one
            sessions.prefetch(replay_key, channel, session_id, now)
            prefetch = getattr(carts, "prefetch", None)
            if prefetch is not None:
                prefetch(customer_id, HISTORY_ORDERS, all_stores=request is None)
            cached = sessions.recall_reply(replay_key, now)
            if cached is not None:
                return Understanding(request or ParsedRequest("Fallback", text=text or ""),
                                     Reply(**cached), replayed=True)
        matcher = self.ports.matcher()
        state = sessions.load(channel, session_id, now)
        session_new = state is None or state.customer_id != customer_id
        if session_new:
            state = DialogState(customer_id=customer_id)
        if request is None:
            request = parse((text or "")[:MAX_TEXT_CHARS], matcher, now=now,
                            tz=store_tz(carts, customer_id))
        turn = Turn(request=request, state=state, customer_id=customer_id, now=now,
                    matcher=matcher, carts=carts, session_new=session_new,
                    session_key=f"{channel}:{session_id}", may_order=may_order,
                    accounts=self.ports.accounts() if self.ports.accounts else None,
                    voice_code_required=self.ports.voice_code_required,
                    device_address=device_address)
        reply = self._dispatch(turn)
        reply.speech = clip(speakable(reply.speech))
        reply.reprompt = clip(speakable(reply.reprompt)) if reply.reprompt else reply.reprompt
        # The reply is kept with the dialog state, in its one write (intents.dialog.session).
        # A turn that only read or asked keeps it only if the turn writes anyway
        kept = KeptReply(replay_key, _reply_dict(reply),
                         if_state_written=request.intent in ASKS_ONLY
                         and not sessions.turn_wrote()) if replay_key else None
        sessions.save(channel, session_id, state, now, kept)
        return Understanding(request, reply, placed_order_id=turn.notes.get("placed_order_id"),
                             apology=turn.notes.get("apology"))

    def welcome(self, *, channel: str, session_id: str, customer_id: str,
                may_order: bool = True) -> Reply:
        """The opening line of a session started without a request ("Alexa, open voice cart")."""
        return self.respond(channel=channel, session_id=session_id, customer_id=customer_id,
                            request=ParsedRequest("Welcome"), may_order=may_order)

    def end(self, *, channel: str, session_id: str, customer_id: str) -> None:
        """The platform closed the session (Alexa SessionEndedRequest): forget what was pending."""
        self.ports.sessions().end(channel, session_id, customer_id)

    def _dispatch(self, turn: Turn) -> Reply:
        try:
            handler = continuation(turn) or order_handler(turn) \
                or HANDLERS.get(turn.request.intent) or HANDLERS["Fallback"]
            return handler(turn)
        except DomainError as exc:
            log.info("domain error in %s: %s", turn.request.intent, exc)
            turn.notes["apology"] = APOLOGY_DOMAIN
            return Reply(f"Sorry, {_sentence(str(exc))}", reprompt="What would you like to do?")
        except STORAGE_BUSY:
            log.exception("storage busy in %s", turn.request.intent)
            turn.notes["apology"] = APOLOGY_STORAGE
            return _busy()


# Reply's fields are flat (text and flags): a plain dict of them, not asdict's deep copy
_REPLY_FIELDS = tuple(f.name for f in fields(Reply))


def _reply_dict(reply: Reply) -> dict:
    return {name: getattr(reply, name) for name in _REPLY_FIELDS}


def _busy() -> Reply:
    return Reply("Sorry, I'm having trouble reaching your cart right now. Please try again "
                 "in a moment.", reprompt="What would you like to do?")


def _scoped(channel: str, customer_id: str, request_key: str) -> str:
    # A request id is only unique per platform; scoping by customer also stops one shopper
    # from reading another's cached reply by replaying their id. Hashed, not cut: every part
    # of the key counts, however long, and the stored key has one fixed length.
    whole = "\x00".join((channel, customer_id, request_key)).encode("utf-8", "surrogatepass")
    return hashlib.sha256(whole).hexdigest()


def _sentence(text: str) -> str:
    text = text.strip().rstrip(".")
    return (text[:1].lower() + text[1:] + ".") if text else "something went wrong."
