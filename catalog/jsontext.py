"""JSON on the hot path: orjson, with the standard library for what orjson refuses.

In the lowest package so that every layer (the Alexa route, the dialog state, the cart rows)
uses the same two functions. orjson is strict RFC 8259 and several times faster; where it
refuses something the standard library accepted (NaN, integers past 64 bits, lone surrogates,
non-string keys), the standard library decides, so nothing that worked before now fails.
"""
from __future__ import annotations

import json
from typing import Any

import orjson


def loads(data: bytes | str) -> Any:
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return json.loads(data)


def dumps_bytes(value: Any, *, sort_keys: bool = False) -> bytes:
    """Compact JSON, UTF-8. The fallback escapes non-ASCII, so a lone surrogate still gives
    valid UTF-8 on the wire."""
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS if sort_keys else 0)
    except TypeError:
        return json.dumps(value, separators=(",", ":"), sort_keys=sort_keys).encode("ascii")


def dumps(value: Any, *, sort_keys: bool = False) -> str:
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS if sort_keys else 0).decode("utf-8")
    except TypeError:
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False, sort_keys=sort_keys)
