"""The stored form of a cart row (cart.row_cache): what one process writes, another reads,
with the undo history's lines stored once however many snapshots share them."""
from __future__ import annotations

import json
from decimal import Decimal as D

from cart import codec
from cart.model import HISTORY_LIMIT, Cart, Substitution
from cart.row_cache import CartRowCache


def _busy_cart() -> Cart:
    cart = Cart("ann")
    for i in range(30):
        cart.add(f"p{i % 12}", f"Product {i % 12} caf\u00e9", 1, "pound" if i % 3 else None,
                 D("1.25") + i, Substitution.specific("oat", "Oat Milk") if i == 4 else None)
    cart.set_quantity("p3", 7, None)
    cart.remove("p5", "pound")
    return cart


def test_another_process_reads_back_lines_and_every_undo_step() -> None:
    cart = _busy_cart()
    lines_text, history_text = CartRowCache().encode("ann", cart.lines, cart.history)
    lines, history = CartRowCache().decode("ann", lines_text, history_text)  # nothing memoised
    assert list(lines) == cart.lines and list(history) == cart.history
    restored = Cart("ann", lines=list(lines), history=list(history), revision=cart.revision)
    expected = Cart("ann", lines=list(cart.lines), history=list(cart.history),
                    revision=cart.revision)
    for _ in range(HISTORY_LIMIT):
        assert restored.undo() == expected.undo()
        assert restored.lines == expected.lines and restored.last_key == expected.last_key


def test_history_stores_each_distinct_line_once() -> None:
    cart = _busy_cart()
    _, history_text = CartRowCache().encode("ann", cart.lines, cart.history)
    stored = json.loads(history_text)
    distinct = {json.dumps(codec.line_to_dict(line), sort_keys=True)
                for snapshot in cart.history for line in snapshot.lines}
    assert len(stored["lines"]) == len(distinct)
    assert len(stored["snapshots"]) == len(cart.history) == HISTORY_LIMIT
    old_form = json.dumps([codec.snapshot_to_dict(s) for s in cart.history])
    assert len(history_text) * 3 < len(old_form)


def test_rows_written_in_the_earlier_form_are_read() -> None:
    cart = _busy_cart()
    lines_text = json.dumps([codec.line_to_dict(line) for line in cart.lines])
    old_history = json.dumps([codec.snapshot_to_dict(s) for s in cart.history])
    lines, history = CartRowCache().decode("ann", lines_text, old_history)
    assert list(lines) == cart.lines and list(history) == cart.history


def test_a_memoised_write_matches_a_fresh_one() -> None:
    cart = _busy_cart()
    cache = CartRowCache()
    first = cache.encode("ann", cart.lines, cart.history)
    cache.decode("ann", *first)
    cart.add("p99", "New", 2, None, D("2.00"))
    assert cache.encode("ann", cart.lines, cart.history) == \
        CartRowCache().encode("ann", cart.lines, cart.history)
    assert CartRowCache().encode("bob", [], []) == ("[]", "[]")


def test_memoised_writes_over_many_changes_and_undos_match_fresh_ones() -> None:
    # consecutive writes reuse each earlier snapshot's encoded lines: every write must still
    # be byte-identical to a fresh encoding, and read back to the same cart
    cart, cache = _busy_cart(), CartRowCache()
    for step in range(25):
        if step % 7 == 6:
            cart.undo()
        else:
            cart.add(f"q{step % 5}", f"Item {step % 5}", 1 + step, None, D("0.99") + step)
        memoised = cache.encode("ann", cart.lines, cart.history)
        assert memoised == CartRowCache().encode("ann", cart.lines, cart.history)
        lines, history = CartRowCache().decode("ann", *memoised)
        assert list(lines) == cart.lines and list(history) == cart.history
        cache.decode("ann", *memoised)  # as the next request reads its own write back
