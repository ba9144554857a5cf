"""`voicecart export ...`: the voice platforms' models, built from the catalog in the database.

Kept apart from skill/cli.py (which registers this group) so that cli.py can import it without
an import cycle; `--db` is the shared skill.options.db_option.
"""
from __future__ import annotations

import json
from pathlib import Path

import click

from catalog.model import Product
from skill.export_vocab import ExportNotes
from skill.options import db_option



@click.group()
def export() -> None:
    """Write the Alexa interaction model or the Dialogflow agent for your catalog.

    Both are built from the products in the database (an empty database gets the demo catalog
    first), most popular products first, within each platform's size limits. What was left out
    is reported on stderr. Re-export after every catalog import.
    """


@export.command("alexa-model")
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the JSON to FILE instead of stdout.")
@click.option("--invocation-name", default="voice cart", show_default=True,
              help="What shoppers say to open the skill (\"Alexa, open voice cart\"): "
                   "lowercase words.")
@click.option("--dialog-model", is_flag=True,
              help="Also write a dialog model (delegation left to the skill), needed only if the "
                   "skill is to send Dialog.ElicitSlot directives.")
@db_option
def alexa_model(out_path: Path | None, invocation_name: str, dialog_model: bool,
                db_path: Path) -> None:
    """Write the Alexa interaction model (JSON).

    Paste it into the developer console's JSON Editor, or save it as
    skill-package/interactionModels/custom/en-US.json for the ASK CLI. It holds the shopping
    intents with their sample utterances, Alexa's required built-in intents, and the PRODUCT,
    UNIT and FULFILLMENT slot types; PRODUCT values carry the catalog product ids, so a resolved
    slot names the exact product.
    """
    from skill.alexa.model_export import build_interaction_model

    products = _load_products(db_path)
    try:
        model, notes = build_interaction_model(products, invocation_name=invocation_name,
                                               dialog=dialog_model)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    text = json.dumps(model, ensure_ascii=False, indent=2) + "\n"
    notes.file_bytes = len(text.encode("utf-8"))
    if out_path is None:
        click.echo(text, nl=False)
    else:
        _write_text(out_path, text)
    _report("alexa-model", notes, out_path)


@export.command("dialogflow-agent")
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The zip file to write (e.g. voicecart-agent.zip).")
@click.option("--webhook-url", default=None,
              help="The public https URL of POST /dialogflow/es, set as the agent's fulfillment "
                   "webhook. Without it, set the URL in the console after importing.")
@db_option
def dialogflow_agent(out_path: Path, webhook_url: str | None, db_path: Path) -> None:
    """Write a Dialogflow ES agent archive (zip).

    Import it in the Dialogflow ES console (Settings > Export and Import > Restore from zip).
    Every canonical intent is there with training phrases and webhook fulfillment turned on;
    the product, unit and fulfillment entities come from the catalog.
    """
    from skill.dialogflow.agent_export import build_agent_zip

    products = _load_products(db_path)
    try:
        notes = build_agent_zip(products, out_path, webhook_url=webhook_url)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"cannot write {out_path}: {exc.strerror or exc}") from None
    _report("dialogflow-agent", notes, out_path)


def _load_products(db_path: Path) -> list[Product]:
    from catalog.demo import DEMO_CATALOG, seed_demo_catalog
    from catalog.sql import STORAGE_ERRORS
    from skill.options import open_db

    repo = open_db(db_path).catalog()
    try:
        if repo.count() == 0:
            if not DEMO_CATALOG.exists():
                raise click.ClickException("the catalog is empty; import one with "
                                           "'voicecart catalog import FILE'")
            seed_demo_catalog(repo)
            click.echo(f"voicecart: the catalog was empty; seeded the demo catalog into {db_path}",
                       err=True)
        return list(repo.all_products())
    except (*STORAGE_ERRORS, OSError) as exc:
        raise click.ClickException(f"cannot read the catalog in {db_path}: {exc}") from None


def _write_text(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise click.ClickException(f"cannot write {path}: {exc.strerror or exc}") from None


def _report(what: str, notes: ExportNotes, out_path: Path | None) -> None:
    if out_path is not None:
        click.echo(f"voicecart: wrote {what} to {out_path}", err=True)
    for line in notes.lines():
        click.echo(f"  {line}", err=True)
