"""`voicecart customers add` and `voicecart oauth add-client` (the CLI contract)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from accounts import services
from accounts.model import AccountError, MAX_PASSWORD
from accounts.ports import AccountRepository
from intents.dialog.conversation import utcnow
from skill.options import db_option, open_db


def _repo(db_path: Path) -> AccountRepository:
    return open_db(db_path).accounts()


@click.group("customers")
def customers_group() -> None:
    """Shopper accounts of the built-in authorization server."""


@customers_group.command("add")
@click.option("--email", required=True, help="The shopper's email (their login).")
@click.option("--name", required=True, help="The shopper's name.")
@click.option("--address", default=None, help="Delivery address, one line.")
@click.option("--zip", "zip_code", default=None, help="Postal code.")
@click.option("--password-stdin", is_flag=True,
              help="Read the password from stdin (one trailing newline is stripped).")
@db_option
def customers_add(email: str, name: str, address: str | None, zip_code: str | None,
                  password_stdin: bool, db_path: Path) -> None:
    """Create a shopper account; prints {"customer_id": "..."}."""
    if not password_stdin:
        raise click.UsageError("the password is read from stdin: pass --password-stdin")
    raw = sys.stdin.buffer.read(MAX_PASSWORD * 4 + 2)
    try:
        password = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise click.ClickException("the password on stdin is not UTF-8") from None
    if password.endswith("\r\n"):
        password = password[:-2]
    elif password.endswith("\n"):
        password = password[:-1]
    try:
        customer = services.add_customer(_repo(db_path), email=email, name=name,
                                          password=password, address=address,
                                          zip_code=zip_code, now=utcnow())
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(json.dumps({"customer_id": customer.id}))


@customers_group.command("set-voice-code")
@click.option("--customer", "customer_id", required=True, help="The customer id (account:...).")
@click.option("--code-stdin", is_flag=True, help="Read the 4-digit code from stdin.")
@click.option("--clear", is_flag=True, help="Remove the customer's voice code.")
@db_option
def customers_set_voice_code(customer_id: str, code_stdin: bool, clear: bool, db_path: Path) -> None:
    """Set (or --clear) a customer's 4-digit voice code, asked before every voice order.
    The code is read from stdin, never from the command line (it would show in `ps`)."""
    from accounts import voice_codes
    from accounts.model import is_linked_customer_id

    if code_stdin == clear:
        raise click.UsageError("pass exactly one of --code-stdin or --clear")
    if not is_linked_customer_id(customer_id):
        raise click.ClickException("voice codes belong to linked customers (ids start with account:)")
    repo = _repo(db_path)
    if clear:
        voice_codes.clear_voice_code(repo, customer_id)
        click.echo(json.dumps({"customer_id": customer_id, "voice_code": False}))
        return
    code = sys.stdin.read(64).strip()
    try:
        voice_codes.set_voice_code(repo, customer_id, code)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(json.dumps({"customer_id": customer_id, "voice_code": True}))


@click.group("oauth")
def oauth_group() -> None:
    """Clients of the built-in OAuth 2.0 authorization server."""


@oauth_group.command("add-client")
@click.option("--name", required=True, help="A label for the client (need not be unique).")
@click.option("--redirect-uri", "redirect_uris", multiple=True, required=True,
              help="A redirect URI the client may use (exact match); repeat for several.")
@db_option
def oauth_add_client(name: str, redirect_uris: tuple[str, ...], db_path: Path) -> None:
    """Register a client; prints {"client_id", "client_secret"} (the secret only this once)."""
    try:
        new = services.add_client(_repo(db_path), name=name, redirect_uris=list(redirect_uris),
                                  now=utcnow())
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(json.dumps({"client_id": new.client.id, "client_secret": new.secret}))
