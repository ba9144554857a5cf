"""`voicecart outbox list|retry|purge|run`: look after the order-event outbox."""
from __future__ import annotations

import json
import signal
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import click

from cart.outbox.events import STATES
from cart.outbox.ports import Outbox
from skill.config import Config
from skill.options import db_option, open_db


def _outbox(db_path: Path) -> Outbox:
    # older databases get the outbox tables (the schema upgrade)
    return open_db(db_path, missing=f"no database at {db_path}").outbox()


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


@click.group("outbox")
def outbox_group() -> None:
    """The order events waiting for, or done with, delivery to the store's order system."""


@outbox_group.command("list")
@click.option("--state", type=click.Choice(STATES), help="Only events in this state.")
@click.option("--json", "as_json", is_flag=True, help="One JSON array.")
@click.option("--limit", type=click.IntRange(1), default=None, help="At most this many.")
@db_option
def list_events(state: str | None, as_json: bool, limit: int | None, db_path: Path) -> None:
    """Events, oldest first."""
    events = _outbox(db_path).list(state, limit)
    if as_json:
        click.echo(json.dumps([e.summary() for e in events], indent=2))
        return
    if not events:
        click.echo("no events")
    for e in events:
        s = e.summary()
        tail = f"  next {s['next_attempt_at']}" if e.state == "pending" else ""
        error = f"  last error: {e.last_error}" if e.last_error else ""
        click.echo(f"{e.id}  {e.type:<15} order {e.order_id}  {e.state:<9} "
                   f"attempts {e.attempts}{tail}{error}")


@outbox_group.command("retry")
@click.argument("event_id")
@db_option
def retry(event_id: str, db_path: Path) -> None:
    """Deliver a dead (or waiting) event again, now, with a fresh retry limit."""
    config = Config.from_env(db_path=db_path)
    now = _utcnow()
    event = _outbox(db_path).retry(event_id.strip(), now,
                                   now + timedelta(seconds=max(config.webhook_retry_limit, 1)))
    if event is None:
        raise click.ClickException(f"no event {event_id!r}")
    if event.state == "delivered":
        raise click.ClickException(f"event {event.id} was already delivered")
    click.echo(f"{event.id} is pending again; the dispatcher sends it next")


def _date(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise click.BadParameter(f"{text!r} is not a date (YYYY-MM-DD or ISO 8601)") from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value


@outbox_group.command("purge")
@click.option("--before", "before", required=True, metavar="DATE",
              help="Delete delivered and dead events created before this date (UTC if no zone).")
@db_option
def purge(before: str, db_path: Path) -> None:
    """Delete delivered and dead events older than DATE; pending ones are kept."""
    cutoff = _date(before)
    removed = _outbox(db_path).purge(cutoff)
    click.echo(f"purged {removed} events created before {cutoff.isoformat()}")


@outbox_group.command("run")
@click.option("--dev", is_flag=True, help="Allow plain http:// to localhost (developer mode).")
@click.option("--once", is_flag=True, help="Deliver what is due now, then exit.")
@db_option
def run(dev: bool, once: bool, db_path: Path) -> None:
    """Deliver events to VOICECART_WEBHOOK_URL until stopped (Ctrl-C). Safe to run beside
    `voicecart serve`: a lease keeps exactly one dispatcher active."""
    from skill.webhooks import make_dispatcher

    config = Config.from_env(db_path=db_path, dev=dev or None)
    problem = config.order_system_problem()
    if problem is None and config.webhook_url is None:
        problem = "set VOICECART_WEBHOOK_URL and VOICECART_WEBHOOK_SECRET first"
    if problem is not None:
        raise click.ClickException(problem)
    outbox = _outbox(db_path)
    dispatcher = make_dispatcher(config, lambda: outbox)
    if once:
        attempts = dispatcher.run_once()
        dispatcher.release()
        click.echo(f"{attempts} delivery attempts; {json.dumps(outbox.counts())}")
        return
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    click.echo(f"delivering order events to {config.webhook_url} (Ctrl-C to stop)", err=True)
    try:
        dispatcher.run_forever(stop)
    except KeyboardInterrupt:
        dispatcher.release()
