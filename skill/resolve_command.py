"""`voicecart resolve`: parse and resolve utterances from the command line, one or a stream."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from catalog.matcher import Matcher
from intents.parsing.parser import parse
from intents.resolution import request_json, resolve_items
from skill.options import db_option

MAX_LINE = 5000


@click.command()
@click.argument("text", required=False)
@click.option("--user", "user_id", help="Shopper whose past orders break ties (\"add milk\" = their milk).")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON object of the contract.")
@click.option("--jsonl", is_flag=True, help="Read one utterance per line on stdin; write one JSON object per line.")
@db_option
def resolve(text: str | None, user_id: str | None, as_json: bool, jsonl: bool, db_path: Path) -> None:
    """Parse and resolve an utterance: intent, items with quantity, unit and product.

    \b
    Examples:
      voicecart resolve "add two gallons of two percent milk and a dozen eggs"
      voicecart resolve --json "how much are bananas"
      voicecart resolve --jsonl < utterances.txt > resolved.jsonl

    With --jsonl every input line gets exactly one output line, in the same order;
    an empty or unintelligible line gets intent Fallback. Input is streamed.
    """
    if jsonl and text is not None:
        raise click.UsageError("give TEXT or --jsonl (lines on stdin), not both")
    if not jsonl and text is None:
        raise click.UsageError("give the TEXT to resolve, or --jsonl to read lines from stdin")
    matcher, history = _load(db_path, user_id)
    if jsonl:
        _stream(matcher, history)
        return
    result = resolve_items(parse(text[:MAX_LINE], matcher), matcher, history)
    if as_json:
        click.echo(json.dumps(request_json(result), ensure_ascii=False))
    else:
        _print_human(request_json(result))


def _load(db_path: Path, user_id: str | None) -> tuple[Matcher, dict[str, float]]:
    from skill.runtime import Runtime
    from skill.config import Config

    started = time.perf_counter()
    runtime = Runtime(Config(db_path=db_path))
    matcher = runtime.matchers.current()
    history: dict[str, float] = {}
    if user_id:
        from cart.checkout import list_orders

        for order in list_orders(runtime.carts(), user_id, limit=20):
            for line in order.lines:
                history[line.product_id] = history.get(line.product_id, 0) + 1
    if sys.stderr.isatty():
        click.echo(f"({len(matcher)} products indexed in {time.perf_counter() - started:.1f} s)", err=True)
    return matcher, history


def _stream(matcher: Matcher, history: dict[str, float]) -> None:
    out = sys.stdout
    for line in sys.stdin:
        line = line.rstrip("\r\n")[:MAX_LINE]
        result = resolve_items(parse(line, matcher), matcher, history)
        out.write(json.dumps(request_json(result), ensure_ascii=False) + "\n")
        out.flush()  # a pipe reader sees each answer as soon as it is ready


def _print_human(data: dict) -> None:
    click.echo(f"intent: {data['intent']}")
    for item in data["items"]:
        amount = " ".join(str(v) for v in (item["quantity"], item["unit"]) if v is not None)
        product = item["product"]
        found = f"{product['name']} [{product['id']}] ({product['confidence']:.2f})" if product else "no match"
        click.echo(f"  - {item['phrase'] or '(the item in context)'}{' x ' + amount if amount else ''}: {found}")
        for alt in item["alternatives"]:
            click.echo(f"      or {alt['name']} [{alt['id']}] ({alt['confidence']:.2f})")
    if data["slots"]:
        click.echo(f"slots: {json.dumps(data['slots'])}")
