"""A per-process memo of cart rows: their JSON text <-> immutable lines and undo snapshots.

Only the SQLite adapter uses it; the domain never sees JSON.
"""
from __future__ import annotations

import threading
from collections import OrderedDict

from cart import codec
from catalog import jsontext


def compact_json(value: object) -> str:
    return jsontext.dumps(value)


class CartRowCache:
    """Memo of the cart row's JSON <-> immutable lines and undo snapshots, per customer.

    A cart row holds up to HISTORY_LIMIT snapshots of the whole cart; decoding and encoding
    them (Decimal, dataclasses) was most of an AddItem request. Lines and snapshots are
    frozen, so decoded values can be reused whenever the stored text is byte-identical to the
    text they were decoded from or encoded to; anything else is decoded afresh. Bounded LRU,
    per process.

    The undo history costs a cart write almost nothing: the snapshot a change pushes holds the
    very line objects the cart held before, whose JSON texts are remembered (by identity, the
    objects being kept alive by the entry), so the history text is joined from known pieces
    and only a new or changed line is encoded."""

    def __init__(self, size: int = 2048) -> None:
        self.size = size
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
            history, texts, line_texts = entry[3], entry[4], entry[5]
        else:
            history = tuple(codec.snapshot_from_dict(d) for d in jsontext.loads(history_text))
            texts, line_texts = None, {}
        self._put(customer_id, (lines_text, lines, history_text, history, texts, line_texts))
        return lines, history

    def encode(self, customer_id: str, lines: list, history: list) -> tuple[str, str]:
        entry = self._get(customer_id)
        known: dict[int, str] = {}
        old_lines: dict[int, str] = {}
        if entry is not None and entry[4] is not None:
            known = {id(s): t for s, t in zip(entry[3], entry[4])}  # alive: held by entry
        if entry is not None:
            old_lines = entry[5]
        line_texts: dict[int, str] = {}

        def line_text(line) -> str:
            key = id(line)
            text = line_texts.get(key) or old_lines.get(key)
            if text is None:
                text = compact_json(codec.line_to_dict(line))
            line_texts[key] = text
            return text

        def snapshot_text(snapshot) -> str:
            text = known.get(id(snapshot))
            if text is not None:
                for line in snapshot.lines:  # keep their texts for the next write
                    line_text(line)
                return text
            return ('{"lines":[' + ",".join(line_text(line) for line in snapshot.lines)
                    + '],"last_key":' + compact_json(codec.key_to_list(snapshot.last_key)) + "}")

        texts = tuple(snapshot_text(s) for s in history)
        lines_text = "[" + ",".join(line_text(line) for line in lines) + "]"
        history_text = "[" + ",".join(texts) + "]"
        # line_texts is keyed by id(): only the lines held by this entry (cart and history)
        self._put(customer_id, (lines_text, tuple(lines), history_text, tuple(history), texts,
                                line_texts))
        return lines_text, history_text


CART_ROWS = CartRowCache()
