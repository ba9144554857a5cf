"""The `voicecart chat` loop: lines in, replies out, `:commands` for the tester itself.

Interactive (a terminal): a prompt with readline editing and history in ~/.voicecart_history.
Piped (stdin is a file or a pipe): no prompt, no echo, one reply line per line said, so the
output can be diffed or grepped; exit status 0 at the end of input.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import click

from skill.tester.clients import Client, ConnectionFailed, TesterError, TurnResult

HISTORY_FILE = Path("~/.voicecart_history")
PROMPT = "voicecart> "

HELP = """\
Type what a shopper would say; the skill's reply is printed. Commands:
  :debug          show/hide what was understood (intent, items, matched products,
                  confidence, alternatives) and the raw request/response JSON over HTTP
  :cart [json]    the current user's cart (in-process only)
  :orders [json]  the current user's orders, newest first (in-process only)
  :reset          start a new session (same user)
  :user NAME      switch to another user, in a new session
  :help           this help
  :quit           leave (end of input works too)"""


class ChatError(Exception):
    """Stops the chat: the server went away. The message is one line."""


class Repl:
    def __init__(self, client: Client, *, runtime: Any = None, interactive: bool = False,
                 recording: list[TurnResult] | None = None,
                 echo: Callable[..., None] = click.echo) -> None:
        self.client = client
        self.runtime = runtime  # set when in-process: :cart and :orders read the database
        self.interactive = interactive
        self.recording = recording
        self.debug = False
        self.failed_turns = 0
        self.echo = echo

    # --- input ---------------------------------------------------------------------------

    def run(self, lines: Iterable[str] | None = None) -> None:
        """Until :quit or the end of input. Raises ChatError when the server is unreachable."""
        if lines is None:
            lines = self._terminal_lines() if self.interactive else sys.stdin
        if self.interactive:
            self.echo(f"voicecart chat: user {self.client.user}, {self.client.describe()}. "
                      "Type :help for commands, :quit to leave.")
        for raw in lines:
            if not self.handle(raw.rstrip("\r\n")):
                break

    def _terminal_lines(self) -> Iterator[str]:
        history = _start_history()
        try:
            while True:
                try:
                    yield input(PROMPT)
                except EOFError:
                    self.echo()
                    return
                except KeyboardInterrupt:  # Ctrl-C clears the line, as in a shell
                    self.echo()
        finally:
            _save_history(history)

    # --- one line ------------------------------------------------------------------------

    def handle(self, line: str) -> bool:
        """Say the line or run the command; False when the chat should end."""
        text = line.strip()
        if not text or text.startswith("#"):
            return True
        if text.startswith(":"):
            return self.command(text)
        try:
            result = self.client.send(text)
        except ConnectionFailed as exc:
            raise ChatError(str(exc)) from None
        except TesterError as exc:
            self.failed_turns += 1
            self.echo(f"error: {exc}", err=True)
            return True
        if self.recording is not None:
            self.recording.append(result)
        self.show(result)
        return True

    def show(self, result: TurnResult) -> None:
        if self.interactive:
            self.echo(click.style(result.speech or "(no speech)", fg="cyan"))
        else:
            self.echo(result.speech)
        if self.debug:
            for line in debug_lines(result):
                self.echo(line)
        if result.end_session and self.interactive:
            self.echo(click.style("(session ended: your next line starts a new one)", dim=True))

    def command(self, text: str) -> bool:
        name, _, arg = text[1:].partition(" ")
        name, arg = name.lower(), arg.strip()
        if name in ("quit", "exit", "q"):
            return False
        if name == "help":
            self.echo(HELP)
        elif name == "debug":
            self.debug = not self.debug
            self.echo(f"debug {'on' if self.debug else 'off'}")
        elif name in ("cart", "orders"):
            self._show_store_data(name, as_json=arg.lower() == "json")
        elif name == "reset":
            if self._refuse_while_recording(":reset"):
                return True
            self._reset()
            self.echo(f"new session for {self.client.user}")
        elif name == "user":
            if not arg:
                self.echo(f"user: {self.client.user}")
            elif not self._refuse_while_recording(":user"):
                self._reset(arg)
                self.echo(f"now {self.client.user}, in a new session")
        else:
            self.echo(f"unknown command :{name} (:help lists the commands)")
        return True

    def _reset(self, user: str | None = None) -> None:
        try:
            self.client.reset(user)
        except ConnectionFailed as exc:
            raise ChatError(str(exc)) from None

    def _refuse_while_recording(self, command: str) -> bool:
        if self.recording is None:
            return False
        self.echo(f"{command} is not available while recording: a dialog file is one session "
                  "of one user (record another file instead)")
        return True

    def _show_store_data(self, what: str, *, as_json: bool) -> None:
        if self.runtime is None:
            self.echo(f":{what} reads the database, so it works in-process only. Over HTTP, say "
                      "\"what's in my cart\" or \"where is my order\", or run `voicecart "
                      f"{'cart show' if what == 'cart' else 'orders list'} --user "
                      f"{self.client.user} --json --db PATH` next to the server.")
            return
        from cart.json_views import cart_show, orders_list

        user = self.client.user
        if what == "cart":
            data: Any = cart_show(self.runtime.carts(), user)
            lines = cart_lines(data)
        else:
            data = orders_list(self.runtime.carts(), user, datetime.now(timezone.utc))
            lines = order_lines(user, data)
        if as_json:
            lines = json.dumps(data, indent=2, ensure_ascii=False).splitlines()
        for line in lines:
            self.echo(line)


def cart_lines(cart: dict[str, Any]) -> list[str]:
    items = cart.get("items", [])
    if not items:
        return [f"cart of {cart.get('user_id')}: empty"]
    lines = [f"cart of {cart.get('user_id')}: {len(items)} line(s), total ${cart.get('total', 0):.2f}"]
    lines += [f"  {_item(i)}" for i in items]
    return lines


def order_lines(user: str, orders: list[dict[str, Any]]) -> list[str]:
    if not orders:
        return [f"orders of {user}: none"]
    lines = [f"orders of {user}: {len(orders)}, newest first"]
    for order in orders:
        fulfillment = order.get("fulfillment") or {}
        lines.append(f"  {order.get('id')}  {order.get('status')}  {fulfillment.get('type', '?')}"
                     f"  {_window(fulfillment)}  ${order.get('total', 0):.2f}  "
                     f"created {order.get('created_at')}")
        lines += [f"      {_item(i)}" for i in order.get("items", [])]
    return lines


def _item(item: dict[str, Any]) -> str:
    unit = f" {item['unit']}" if item.get("unit") else ""
    return (f"{item.get('quantity')}{unit} x {item.get('name')} [{item.get('product_id')}]"
            f"  ${item.get('line_total', 0):.2f}")


def _window(fulfillment: dict[str, Any]) -> str:
    start, end = fulfillment.get("slot_start"), fulfillment.get("slot_end")
    if not start:
        return "(no time)"
    return f"{start}..{str(end).partition('T')[2]}" if end else str(start)


def debug_lines(result: TurnResult) -> list[str]:
    lines = []
    understood = result.understood
    if understood is None:
        lines.append("  understood: (not shown: the text channel answers with speech only; "
                     "run chat in-process to see the parse)")
    else:
        lines.append(f"  intent:   {understood.get('intent')}   slots: "
                     f"{json.dumps(understood.get('slots') or {}, ensure_ascii=False)}")
        for item in understood.get("items", []):
            lines += _item_debug(item, matched="sent" not in understood)
        if "sent" in understood:
            sent = understood["sent"]
            values = sent.get("slots", sent.get("parameters"))
            lines.append(f"  sent:     {sent['intent']} {json.dumps(values, ensure_ascii=False)}"
                         "  (parsed here without the catalog; the server matches products)")
    ended = "unknown" if result.end_session is None else str(result.end_session).lower()
    lines.append(f"  reprompt: {result.reprompt!r}   end_session: {ended}")
    for label, body in (("request", result.request_json), ("response", result.response_json)):
        if body is not None:
            lines.append(f"  {label}:")
            lines += ["    " + line for line in json.dumps(body, indent=2, ensure_ascii=False).splitlines()]
    return lines


def _item_debug(item: dict[str, Any], *, matched: bool) -> list[str]:
    amount = " ".join(str(x) for x in (item.get("quantity"), item.get("unit")) if x is not None)
    head = f"  item:     {item.get('phrase')!r}" + (f" [{amount}]" if amount else "")
    product = item.get("product")
    if product:
        head += f" -> {_product(product)} (id {product.get('id')}, confidence {product.get('confidence')})"
    elif matched:  # a local parse for a platform request has no catalog to match against
        head += " -> no product matched"
    if item.get("ambiguous"):
        head += " (ambiguous: the skill asks which)"
    lines = [head]
    alternatives = item.get("alternatives") or []
    if alternatives:
        lines.append("            alternatives: " + "; ".join(
            f"{_product(a)} (id {a['id']}, {a['confidence']})" for a in alternatives))
    return lines


def _product(product: dict[str, Any]) -> str:
    details = ", ".join(str(product[k]) for k in ("brand", "size") if product.get(k))
    return f"{product.get('name')} [{details}]" if details else str(product.get("name"))


def _start_history() -> Any:
    """Load ~/.voicecart_history into readline; any problem just means no history."""
    try:
        import readline
    except ImportError:  # not on every platform; line editing is a comfort, not a need
        return None
    path = HISTORY_FILE.expanduser()
    try:
        readline.read_history_file(path)
    except (OSError, ValueError):
        pass
    readline.set_history_length(2000)
    return (readline, path)


def _save_history(history: Any) -> None:
    if history is None:
        return
    readline, path = history
    try:
        readline.write_history_file(path)
    except (OSError, ValueError):
        pass
