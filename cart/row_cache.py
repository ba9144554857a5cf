"""A per-process memo of cart rows: their JSON text <-> immutable lines and undo snapshots.

Only the storage adapters use it; the domain never sees JSON.

The undo history's stored form: `{"lines": [line, ...], "snapshots": [{"lines": [index, ...],
"last_key": ...}, ...]}`. Consecutive snapshots of a cart share all but the line that changed,
so each distinct line is stored once and snapshots list indexes: a cart of N lines with ten
undo steps writes about N + 10 lines of history, not 10 x N, on every change. Rows written
before this form (a plain list of snapshots) are still read.
"""
from __future__ import annotations

import itertools
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
        if entry is not None and entry[2] == history_text:
            history, line_texts, snapshot_texts = entry[3], entry[4], entry[5]
        else:
            history, line_texts, snapshot_texts = decode_history(history_text), {}, {}
        self._put(customer_id, (lines_text, lines, history_text, history, line_texts,
                                snapshot_texts))
        return lines, history

    def encode(self, customer_id: str, lines: list, history: list) -> tuple[str, str]:
        entry = self._get(customer_id)
        old: dict[int, str] = entry[4] if entry is not None else {}
        old_snapshots: dict[int, tuple] = entry[5] if entry is not None else {}
        line_texts: dict[int, str] = {}  # only lines this entry holds: their ids stay theirs

        def text(line) -> str:
            key = id(line)
            found = line_texts.get(key) or old.get(key)
            if found is None:
                found = compact_json(codec.line_to_dict(line))
            line_texts[key] = found
            return found

        lines_text = "[" + ",".join([text(line) for line in lines]) + "]"
        history_text = "[]"
        # id(snapshot) -> (snapshot, its lines' texts, its last_key's JSON): consecutive writes
        # share all snapshots but the newest, so only that one is encoded line by line
        snapshot_texts: dict[int, tuple] = {}
        if history:
            parts = []
            for snapshot in history:
                known = old_snapshots.get(id(snapshot))
                if known is None or known[0] is not snapshot:
                    known = (snapshot, tuple([text(line) for line in snapshot.lines]),
                             compact_json(codec.key_to_list(snapshot.last_key)))
                snapshot_texts[id(snapshot)] = known
                parts.append(known)
            # Each distinct line once, in order of first appearance; the loops run in C
            table = dict.fromkeys(itertools.chain.from_iterable(p[1] for p in parts))
            index = dict(zip(table, map(str, range(len(table)))))
            snapshots = ['{"lines":[' + ",".join(map(index.__getitem__, texts)) + '],"last_key":'
                         + last_key + "}" for _snapshot, texts, last_key in parts]
            history_text = ('{"lines":[' + ",".join(table) + '],"snapshots":['
                            + ",".join(snapshots) + "]}")
        self._put(customer_id, (lines_text, tuple(lines), history_text, tuple(history),
                                line_texts, snapshot_texts))
        return lines_text, history_text


def decode_history(history_text: str) -> tuple[Snapshot, ...]:
    data = jsontext.loads(history_text)
    if isinstance(data, list):  # the form written before lines were shared
        return tuple(codec.snapshot_from_dict(d) for d in data)
    table = [codec.line_from_dict(d) for d in data["lines"]]
    return tuple(Snapshot(tuple(table[i] for i in s["lines"]), codec.key_from_list(s.get("last_key")))
                 for s in data["snapshots"])


CART_ROWS = CartRowCache()
