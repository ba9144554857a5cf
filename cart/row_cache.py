"""A per-process memo of cart rows: their JSON text <-> immutable lines and undo snapshots.

Only the storage adapters use it; the domain never sees JSON.

The undo history's stored form: `{"changes": [{"head": h, "tail": t, "lines": [line, ...],
"last_key": ...}, ...]}`, oldest first. A step is stored as the change that undoing it makes
to the state after it (the newest step: to the cart's lines): keep that state's first h and
last t lines and put `lines` between them. Consecutive states of a cart differ by a line or
two, so ten steps of a cart of N lines write about ten lines of history, not N + 10 (the form
before this one: a table of distinct lines that each step indexed) nor 10 x N (a plain list
of steps, the first form). Rows written in either earlier form are still read.
"""
from __future__ import annotations

import operator
import threading
from collections import OrderedDict

from cart import codec
from cart.model import Snapshot
from catalog import jsontext


def compact_json(value: object) -> str:
    return jsontext.dumps(value)


class CartRowCache:
    """Memo of the cart row's JSON <-> immutable lines and undo snapshots, per customer.

    Decoding and encoding lines (Decimal, dataclasses) was most of an AddItem request. Lines
    and snapshots are frozen, so decoded values are reused whenever the stored text is
    byte-identical to the text they were decoded from or encoded to; anything else is decoded
    afresh. A line's JSON text is remembered by the line object's identity (the entry keeps
    those objects alive), so a write encodes only new or changed lines and joins the rest,
    history included. Bounded LRU, per process."""

    def __init__(self, size: int = 2048) -> None:
        self.size = size
        # customer id -> (lines_text, lines, history_text, history, {id(line): line text},
        #                 {id(snapshot): (snapshot, line texts, last_key JSON)})
        self._entries: "OrderedDict[str, tuple]" = OrderedDict()
        self._lock = threading.Lock()

    def _get(self, customer_id: str) -> tuple | None:
        with self._lock:
            entry = self._entries.get(customer_id)
            if entry is not None:
                self._entries.move_to_end(customer_id)
            return entry

    def _put(self, customer_id: str, entry: tuple) -> None:
        with self._lock:
            self._entries[customer_id] = entry
            self._entries.move_to_end(customer_id)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def decode(self, customer_id: str, lines_text: str, history_text: str) -> tuple[tuple, tuple]:
        entry = self._get(customer_id)
        if entry is not None and entry[0] == lines_text and entry[2] == history_text:
            return entry[1], entry[3]
        lines = tuple(codec.line_from_dict(d) for d in jsontext.loads(lines_text))
        history = decode_history(history_text, lines)
        self._put(customer_id, (lines_text, lines, history_text, history, {}, {}))
        return lines, history

    def encode(self, customer_id: str, lines: list, history: list) -> tuple[str, str]:
        entry = self._get(customer_id)
        old: dict[int, str] = entry[4] if entry is not None else {}
        old_steps: dict[int, tuple] = entry[5] if entry is not None else {}
        # The cart's lines first, in bulk: all but the one or two a step changed are known
        ids = list(map(id, lines))
        texts = list(map(old.get, ids))
        if None in texts:
            for i, found in enumerate(texts):
                if found is None:
                    texts[i] = compact_json(codec.line_to_dict(lines[i]))
        # only lines this entry holds: their ids stay theirs
        line_texts: dict[int, str] = dict(zip(ids, texts))

        def text(line) -> str:
            key = id(line)
            found = line_texts.get(key) or old.get(key)
            if found is None:
                found = compact_json(codec.line_to_dict(line))
            line_texts[key] = found
            return found

        lines_text = "[" + ",".join(texts) + "]"
        # id(step) -> (step, the state after it, its change's JSON): a step's change against
        # the state after it never changes, so a write encodes only the newest step's change
        step_texts: dict[int, tuple] = {}
        parts = []
        after: tuple = tuple(lines)
        for step in reversed(history):
            known = old_steps.get(id(step))
            if known is None or known[0] is not step or not _same_lines(known[1], after):
                known = (step, after, _change_json(step, after, text))
            step_texts[id(step)] = known
            parts.append(known[2])
            after = step.lines
        history_text = '{"changes":[' + ",".join(reversed(parts)) + "]}" if parts else "[]"
        self._put(customer_id, (lines_text, tuple(lines), history_text, tuple(history),
                                line_texts, step_texts))
        return lines_text, history_text


def _same_lines(a: tuple, b: tuple) -> bool:
    # The same line objects: a state rebuilt as a new tuple (a step's copy of the cart's
    # lines) still has the change already encoded against it
    return a is b or (len(a) == len(b) and all(map(operator.is_, a, b)))


def _change_json(step: Snapshot, after: tuple, text) -> str:
    """A step as the change that undoing it makes to the state after it: keep that state's
    first `head` and last `tail` lines and put the step's own `lines` between them. Lines
    are compared by identity: a line the change did not touch is the same object."""
    before = step.lines
    most = min(len(before), len(after))
    head = 0
    while head < most and before[head] is after[head]:
        head += 1
    tail = 0
    while tail < most - head and before[-1 - tail] is after[-1 - tail]:
        tail += 1
    middle = before[head:len(before) - tail]
    return ('{"head":' + str(head) + ',"tail":' + str(tail) + ',"lines":['
            + ",".join([text(line) for line in middle]) + '],"last_key":'
            + compact_json(codec.key_to_list(step.last_key)) + "}")


def decode_history(history_text: str, lines: tuple) -> tuple[Snapshot, ...]:
    """The undo steps of a cart row whose lines are `lines`, oldest first. Each step is stored
    as the change undoing it makes to the state after it (the newest: to `lines`), so a step
    shares every line it did not change with that state. Rows written before are read too: a
    table of distinct lines that steps point into, and before that a plain list of steps."""
    data = jsontext.loads(history_text)
    if isinstance(data, list):  # the form written before lines were shared
        return tuple(codec.snapshot_from_dict(d) for d in data)
    if "changes" in data:
        steps = []
        after = tuple(lines)
        for change in reversed(data["changes"]):
            tail = after[len(after) - change["tail"]:] if change["tail"] else ()
            before = (after[:change["head"]]
                      + tuple(codec.line_from_dict(d) for d in change["lines"]) + tail)
            steps.append(Snapshot(before, codec.key_from_list(change.get("last_key"))))
            after = before
        return tuple(reversed(steps))
    table = [codec.line_from_dict(d) for d in data["lines"]]
    return tuple(Snapshot(tuple(table[i] for i in s["lines"]), codec.key_from_list(s.get("last_key")))
                 for s in data["snapshots"])


CART_ROWS = CartRowCache()
