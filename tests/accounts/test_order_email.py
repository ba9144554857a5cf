"""Order confirmation emails against a real SMTP server on 127.0.0.1 (aiosmtpd): sent after
the order commits, to the linked account's email; a broken mail server never touches the
spoken answer."""
from __future__ import annotations

import email
import time

import pytest
from aiosmtpd.controller import Controller

from skill.config import Config, ConfigError
from skill.order_mail import parse_smtp_url
from support import free_port

from .test_linking import access_token
from .test_voice_codes import orders, to_the_question


class Inbox:
    def __init__(self) -> None:
        self.messages: list[email.message.Message] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 OK"


@pytest.fixture
def smtp():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield inbox, f"smtp://127.0.0.1:{controller.port}?from=orders@grocer.example"
    finally:
        controller.stop()


def wait_for(predicate, timeout=15.0):
    deadline = time.monotonic() + timeout
    while not predicate() and time.monotonic() < deadline:
        time.sleep(0.05)
    return predicate()


def test_a_placed_order_is_confirmed_by_email(new_server, smtp):
    inbox, url = smtp
    server = new_server(auth="builtin", smtp_url=url)
    placed = to_the_question(server, access_token(server))
    assert "order is placed" in placed.lower()
    assert wait_for(lambda: inbox.messages)
    message = inbox.messages[0]
    order = orders(server)[0]
    assert message["To"] == "ann@example.com" and message["From"] == "orders@grocer.example"
    body = message.get_payload()
    assert order.id in message["Subject"] and f"Total: ${order.total:.2f}" in body
    assert "Whole Milk" in body and "Pickup" in body
    time.sleep(0.3)
    assert len(inbox.messages) == 1  # one order, one email


def test_a_dead_mail_server_never_touches_the_answer(new_server):
    server = new_server(auth="builtin", smtp_url=f"smtp://127.0.0.1:{free_port()}")
    assert "order is placed" in to_the_question(server, access_token(server)).lower()
    assert len(orders(server)) == 1


def test_smtp_urls():
    s = parse_smtp_url("smtps://bob:p%40ss@mail.example.com?from=shop@example.com")
    assert (s.host, s.port, s.tls, s.user, s.password, s.sender) == \
        ("mail.example.com", 465, "ssl", "bob", "p@ss", "shop@example.com")
    assert parse_smtp_url("smtp://mail.example.com:587?starttls=1").tls == "starttls"
    with pytest.raises(ConfigError):
        Config.from_env({"VOICECART_SMTP_URL": "http://mail.example.com"}).check()
