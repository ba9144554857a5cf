"""The stored form of a cart row (cart.row_cache): what one process writes, another reads,
with each undo step stored as what it changed, and rows in the earlier forms still read."""
from __future__ import annotations

import json
import random
from decimal import Decimal as D

from cart import codec
from cart.errors import DomainError
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


def test_history_stores_only_what_each_step_changed() -> None:
    cart = _busy_cart()
    lines_text, history_text = CartRowCache().encode("ann", cart.lines, cart.history)
    changes = json.loads(history_text)["changes"]
    assert len(changes) == len(cart.history) == HISTORY_LIMIT
    # every step here added, set or removed one line: it is stored as that line, or none
    assert all(len(change["lines"]) <= 1 for change in changes)
    changed = sum(len(json.dumps(line, separators=(",", ":"), ensure_ascii=False))
                  for change in changes for line in change["lines"])
    assert len(history_text) <= changed + 60 * len(changes)  # the lines, and a few numbers
    # and not the cart's lines again: ten changes to a cart of 40 lines store as much as
    # ten changes to a cart of 4
    sizes = []
    for size in (4, 40):
        long = Cart("ann")
        for i in range(size + HISTORY_LIMIT):
            long.add(f"x{i % size}", f"Extra {i % size}", 1, None, D("1.00"))
        sizes.append(len(CartRowCache().encode("ann", long.lines, long.history)[1]))
    assert sizes[1] < 1.2 * sizes[0]


def test_rows_in_the_form_with_a_table_of_distinct_lines_are_read() -> None:
    cart = _busy_cart()
    table = list(dict.fromkeys(json.dumps(codec.line_to_dict(line))
                               for step in cart.history for line in step.lines))
    shared = json.dumps({"lines": [json.loads(t) for t in table], "snapshots": [
        {"lines": [table.index(json.dumps(codec.line_to_dict(line))) for line in step.lines],
         "last_key": codec.key_to_list(step.last_key)} for step in cart.history]})
    lines_text = json.dumps([codec.line_to_dict(line) for line in cart.lines])
    lines, history = CartRowCache().decode("ann", lines_text, shared)
    assert list(lines) == cart.lines and list(history) == cart.history


def test_every_kind_of_change_reads_back_step_by_step() -> None:
    # Appends, merges, removals from the middle, clears, substitutions, price changes,
    # reorders as one step and undos, in a seeded random order: each write, memoised, is
    # byte-identical to a fresh one, another process reads back the same lines and steps,
    # and undoing all of them walks back through the same states
    rng, cart, memo = random.Random(7), Cart("ann"), CartRowCache()
    products = [f"p{i}" for i in range(8)]
    for change in range(300):
        kind = rng.random()
        product = rng.choice(products)
        try:
            if kind < 0.4:
                cart.add(product, product.upper(), rng.randint(1, 3),
                         rng.choice([None, "pound"]), D("0.99") + rng.randint(0, 9))
            elif kind < 0.55:
                cart.remove(product)
            elif kind < 0.65:
                cart.set_quantity(product, rng.randint(0, 4))
            elif kind < 0.7:
                cart.clear()
            elif kind < 0.75:
                cart.set_substitution(product, Substitution.none())
            elif kind < 0.77:  # the catalog's price changed: no step, but the lines did
                cart.reprice(product, D("0.49") + rng.randint(0, 9))
            elif kind < 0.8:
                with cart.single_step():
                    for other in rng.sample(products, 3):
                        cart.add(other, other.upper(), 1, None, D("2.00"))
            else:
                cart.undo()
        except DomainError:
            pass
        written = memo.encode("ann", cart.lines, cart.history)
        assert written == CartRowCache().encode("ann", cart.lines, cart.history), change
        lines, history = CartRowCache().decode("ann", *written)
        assert list(lines) == cart.lines and list(history) == cart.history, change
        memo.decode("ann", *written)  # as the next request reads its own write back
    restored = Cart("ann", lines=list(lines), history=list(history), revision=cart.revision,
                    last_key=cart.last_key)
    while cart.history:
        assert restored.undo() == cart.undo()
        assert (restored.lines, restored.last_key) == (cart.lines, cart.last_key)


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
