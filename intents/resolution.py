"""Resolving a parsed request's items against the catalog, and its JSON form (the contract of
`voicecart resolve --json`)."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from catalog.model import Candidate, Match
from intents.model import ParsedRequest

MAX_ALTERNATIVES = 3


class ItemMatcher(Protocol):
    def resolve(self, phrase: str, *, history: Mapping[str, float] | None = None) -> Match: ...


def resolve_items(request: ParsedRequest, matcher: ItemMatcher,
                  history: Mapping[str, float] | None = None) -> ParsedRequest:
    """Fill each item's match; items with no phrase ("make that three") stay unmatched."""
    for item in request.items:
        if item.match is None and item.phrase:
            item.match = matcher.resolve(item.phrase, history=history)
    return request


def request_json(request: ParsedRequest) -> dict[str, Any]:
    return {
        "text": request.text,
        "intent": request.intent,
        "items": [
            {"phrase": item.phrase, "quantity": item.quantity, "unit": item.unit,
             "product": _candidate(item.match.best) if item.match else None,
             "alternatives": [_candidate(c) for c in item.match.alternatives[:MAX_ALTERNATIVES]]
             if item.match else []}
            for item in request.items
        ],
        "slots": request.slots,
    }


def _candidate(candidate: Candidate | None) -> dict[str, Any] | None:
    if candidate is None:
        return None
    return {"id": candidate.product.id, "name": candidate.product.name,
            "confidence": round(candidate.confidence, 2)}
