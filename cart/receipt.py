"""An order written out for reading: the Alexa card after "yes" and the confirmation email
share it, so both show the same order number, seller, items, fulfillment and bill. No I/O."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from cart.model import ALLOW, NO_SUBSTITUTE, Substitution
from cart.orders import Order, OrderLine


def _time(moment: datetime) -> str:
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}"


def _day(moment: datetime) -> str:
    return f"{moment:%A, %B} {moment.day}"


def _amount(quantity: Decimal, unit: str | None) -> str:
    text = f"{quantity.normalize():f}" if quantity != quantity.to_integral_value() \
        else str(int(quantity))
    return f"{text} {unit.replace('_', ' ')}" if unit else text


def substitution_text(sub: Substitution) -> str:
    if sub.mode == NO_SUBSTITUTE:
        return "no substitutions"
    if sub.mode == ALLOW:
        return "substitutions allowed"
    return f"if out, substitute {sub.name or sub.product_id}"


def _line(line: OrderLine) -> str:
    tax = " (taxed)" if line.taxable else ""
    est = " (estimated, by weight)" if line.estimated else ""
    sub = "" if line.substitution.mode == ALLOW else f"; {substitution_text(line.substitution)}"
    return (f"{_amount(line.quantity, line.unit)} x {line.name}: ${line.line_total:.2f}"
            f"{tax}{est}{sub}")


def percent(rate: Decimal) -> str:
    """0.08875 -> "8.875%"."""
    text = f"{(rate * 100).normalize():f}"
    return f"{text}%"


def receipt_lines(order: Order) -> list[str]:
    f = order.fulfillment
    start, end = f.slot.local_start, f.slot.local_end
    seller = f.store_name + (f", {f.store_address}" if f.store_address else "")
    how = "Pickup" if f.kind == "pickup" else "Delivery"
    out = [f"Order number: {order.id}", f"Sold by: {seller}",
           f"{how}: {_day(start)}, {_time(start)} to {_time(end)}"]
    if f.kind == "delivery" and f.address is not None:
        out.append(f"Deliver to: {f.address.one_line()}")
        notes = [n for n in (f.notes.text, f.address.instructions if not f.notes.text else None)
                 if n]
        if f.notes.unattended:
            notes.append("Unattended delivery is OK")
        if notes:
            out.append("Delivery notes: " + ". ".join(n.rstrip(".") for n in notes) + ".")
    out.append("")
    out += [f"  {_line(line)}" for line in order.lines]
    out += ["", f"Subtotal: ${order.subtotal:.2f}"]
    if order.tax or order.tax_rate:
        out.append(f"Sales tax ({percent(order.tax_rate)} on taxed items): ${order.tax:.2f}")
    if f.kind == "delivery":
        out.append(f"Delivery fee: ${order.delivery_fee:.2f}")
    out.append(f"Total: ${order.total:.2f}")
    if any(line.estimated for line in order.lines):
        out.append("Items sold by weight are estimates until they are weighed.")
    return out


def receipt_text(order: Order) -> str:
    return "\n".join(receipt_lines(order))
