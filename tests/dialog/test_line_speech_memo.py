"""line_speech remembers what it said per line object (intents.dialog.handlers.common): what
a read-back says must stay exactly what a fresh computation says, for every line."""
from __future__ import annotations

from decimal import Decimal as D

from cart.model import Cart
from intents.dialog.handlers import common


def test_remembered_speech_is_each_lines_own_even_past_the_bound(monkeypatch):
    monkeypatch.setattr(common, "_SPOKEN_MAX", 3)  # cleared every few lines
    cart = Cart("ann")
    for i in range(12):
        cart.add(f"p{i}", f"Product {i} (12 oz)", 1 + i % 4, "pound" if i % 3 == 0 else None,
                 D("2.50"))
    for _ in range(3):
        for line in cart.lines:
            assert common.line_speech(line) == common._line_speech(line)
    # equal values, another object (a decoded copy): its own entry, the same words
    copy = cart.lines[0].__class__(**cart.lines[0].__dict__)
    assert common.line_speech(copy) == common.line_speech(cart.lines[0])
