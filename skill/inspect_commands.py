"""`voicecart cart show` and `voicecart orders list`: what a shopper has, as the JSON contract."""
from __future__ import annotations

import json
from pathlib import Path

import click


from skill.options import db_option


def _carts(db_path: Path):
    from skill.options import open_db

    return open_db(db_path, missing=f"no database at {db_path} (start the server once, or pass --db)").carts()


@click.group("cart")
def cart_group() -> None:
    """Look at shoppers' carts."""


@cart_group.command("show")
@click.option("--user", "user_id", required=True, help="The shopper (customer id).")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON contract instead of a table.")
@db_option
def cart_show(user_id: str, as_json: bool, db_path: Path) -> None:
    """The shopper's current cart: items, line totals and total."""
    from cart.json_views import cart_show as view

    data = view(_carts(db_path), user_id)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False))
        return
    if not data["items"]:
        click.echo(f"{user_id}'s cart is empty")
        return
    for item in data["items"]:
        unit = f" {item['unit']}" if item["unit"] else ""
        click.echo(f"{item['quantity']:>6}{unit:<12} {item['name']:<50} {item['line_total']:>8.2f}")
    click.echo(f"{'total':>70} {data['total']:>8.2f}")


@click.group("orders")
def orders_group() -> None:
    """Look at placed orders."""


@orders_group.command("list")
@click.option("--user", "user_id", help="Only this shopper's orders [default: everyone's].")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON contract instead of a table.")
@db_option
def orders_list(user_id: str | None, as_json: bool, db_path: Path) -> None:
    """Orders, newest first, with their status now."""
    from cart.json_views import orders_list as view
    from intents.dialog.conversation import utcnow

    data = view(_carts(db_path), user_id, utcnow())
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False))
        return
    if not data:
        click.echo("no orders")
    for order in data:
        f = order["fulfillment"]
        click.echo(f"{order['id']}  {order['user_id']:<24} {order['status']:<17} {f['type']:<8} "
                   f"{f.get('slot_start', '')}  {order['total']:>8.2f}")
