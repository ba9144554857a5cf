"""Helpers for driving the built-in authorization server like a browser and a client would."""
from __future__ import annotations

import base64
import hashlib
import secrets
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit


def pkce_pair() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
    return verifier, challenge


class FormReader(HTMLParser):
    """The login form's inputs: name -> (type, value)."""

    def __init__(self) -> None:
        super().__init__()
        self.inputs: dict[str, tuple[str, str]] = {}
        self.action: str | None = None
        self.method: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.action, self.method = a.get("action"), (a.get("method") or "get").lower()
        if tag == "input" and a.get("name"):
            self.inputs[a["name"]] = (a.get("type", "text"), a.get("value") or "")


def read_form(page: str) -> FormReader:
    reader = FormReader()
    reader.feed(page)
    return reader


def query_of(location: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}


def basic(client_id: str, secret: str) -> str:
    return "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()
