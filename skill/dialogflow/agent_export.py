"""A Dialogflow ES agent archive (the zip the console's "Restore"/"Import from zip" reads).

Layout, as the ES console exports it: `agent.json`, `package.json` ({"version": "1.0.0"}),
`intents/<Name>.json` with `intents/<Name>_usersays_en.json` (training phrases: a list of
{"data": [{"text"}, {"text", "alias", "meta", "userDefined"}], "isTemplate", "count"...}), and
`entities/<name>.json` with `entities/<name>_entries_en.json` (a list of {"value", "synonyms"}).
Intent display names are the canonical intent names, and every intent sends its turn to our
webhook ("webhookUsed": true): the conversation lives in the server, not in the agent.
"""
from __future__ import annotations

import json
import random
import uuid
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from catalog.model import Product
from intents.model import CANONICAL_INTENTS
from skill.export_vocab import (
    FULFILLMENT_SYNONYMS, ORDER_TARGET_SYNONYMS, UNIT_SYNONYMS, ExportNotes, ProductValue, product_values, unit_name,
    unit_plural,
)
from skill.phrases import INTENT_SLOTS, phrases_for, segments

# Not a documented Dialogflow limit: a bound that keeps the archive small and training quick. An
# unlisted product still reaches the webhook through automated expansion and our own matcher.
DEFAULT_MAX_ENTRIES = 10_000
LANG = "en"
_NAMESPACE = uuid.UUID("5b1f3f9e-6f2a-4c59-9a57-3b8f0c6f7d10")  # stable ids: same catalog, same zip

# Placeholder -> (parameter name, entity). Parameter names are a contract with the webhook.
# @sys.number reads ordinals too ("the second one" -> 2), so one `option` serves both phrasings.
PARAMETERS: dict[str, tuple[str, str]] = {
    "Item": ("item", "@product"), "Quantity": ("quantity", "@sys.number"),
    "Unit": ("unit", "@unit"), "Method": ("fulfillment", "@fulfillment"),
    "Date": ("date", "@sys.date"), "Time": ("time", "@sys.time"),
    "Option": ("option", "@sys.number"), "Number": ("option", "@sys.number"),
    "Target": ("target", "@order_target"),
}
WELCOME_INTENT = "Help"  # answers the WELCOME event: the webhook greets and says what to try
FAILURE_SPEECH = "Sorry, I can't reach the store right now. Please try again in a moment."

_EXAMPLES: dict[str, tuple[str, ...]] = {
    "Quantity": ("two", "three", "four", "six", "five", "ten"),
    "Unit": ("gallon", "pound", "dozen", "bag", "carton", "box", "bottle", "pack", "can", "loaf"),
    "Method": ("pickup", "delivery", "curbside pickup", "home delivery"),
    "Date": ("tomorrow", "friday", "next monday", "saturday", "today"),
    "Time": ("5 pm", "noon", "10 am", "6:30 pm"),
    "Option": ("second", "first", "third", "fourth"),
    "Target": ("my order", "my pickup", "my delivery", "my pickup order"),
    "Number": ("two", "one", "three"),
}


def build_agent_zip(products: Iterable[Product], out_path: str | Path, *,
                    agent_name: str = "voicecart", webhook_url: str | None = None,
                    max_entries: int = DEFAULT_MAX_ENTRIES,
                    fills_per_phrase: int = 2) -> ExportNotes:
    """Write the agent archive to `out_path` and return notes on what it holds."""
    notes = ExportNotes(limits={"max_product_entries": max_entries})
    values = product_values(products, notes)
    if not values:
        raise ValueError("the catalog has no product with a sayable name: nothing to export")
    kept = values[:max_entries]
    notes.values_exported, notes.left_out = len(kept), len(values) - len(kept)
    files = dict(_agent_files(agent_name, webhook_url, notes))
    files.update(_entity_files(kept))
    phrases = 0
    for name, intent, usersays in _intent_files(kept, fills_per_phrase):
        files[f"intents/{name}.json"] = intent
        files[f"intents/{name}_usersays_{LANG}.json"] = usersays
        phrases += len(usersays)
    notes.counts.update(intents=len(CANONICAL_INTENTS), training_phrases=phrases)
    notes.size_bytes = _write_zip(Path(out_path), files)
    return notes


def _id(*parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "/".join(parts)))


# --- agent.json and package.json -------------------------------------------------------------

def _agent_files(agent_name: str, webhook_url: str | None,
                 notes: ExportNotes) -> Iterator[tuple[str, object]]:
    if not webhook_url:
        notes.warnings.append("no webhook URL given: set it in the console (Fulfillment > Webhook) "
                              "to <server>/dialogflow/es")
    elif not webhook_url.startswith("https://"):
        notes.warnings.append("Dialogflow only calls https webhooks: the URL given is not https")
    yield "agent.json", {
        "description": "voicecart: order groceries by voice. Every intent is fulfilled by the "
                       "voicecart webhook (POST /dialogflow/es).",
        "language": LANG,
        "shortDescription": "Grocery ordering by voice",
        "examples": "",
        "linkToDocs": "",
        "displayName": agent_name,
        "disableInteractionLogs": False,
        "disableStackdriverLogs": True,
        "defaultTimezone": "America/New_York",
        "webhook": {
            "url": webhook_url or "",
            "username": "",
            "headers": {},
            "available": bool(webhook_url),
            "useForDomains": False,
            "cloudFunctionsEnabled": False,
            "cloudFunctionsInitialized": False,
        },
        "isPrivate": True,
        "customClassifierMode": "use.after",
        "mlMinConfidence": 0.3,
        "supportedLanguages": [],
        "enableOnePlatformResponses": True,
        "onePlatformApiVersion": "v2",
        "analyzeQueryTextSentiment": False,
        "enabledKnowledgeBaseNames": [],
        "knowledgeServiceConfidenceAdjustment": -0.4,
        "dialogBuilderMode": False,
        "baseActionPackagesUrl": "",
    }
    yield "package.json", {"version": "1.0.0"}


# --- entities --------------------------------------------------------------------------------

def _entity(name: str, *, expand: bool) -> dict:
    # Automated expansion lets the product entity pick up products we left out of the list.
    return {"id": _id("entity", name), "name": name, "isOverridable": True, "isEnum": False,
            "isRegexp": False, "automatedExpansion": expand, "allowFuzzyExtraction": False}


def _entries(pairs: Iterable[tuple[str, Iterable[str]]]) -> list[dict]:
    # Dialogflow lists the reference value among its own synonyms.
    return [{"value": value, "synonyms": list(dict.fromkeys((value, *synonyms)))}
            for value, synonyms in pairs]


def _entity_files(values: list[ProductValue]) -> dict[str, object]:
    units = ((u, (unit_name(u), *s)) for u, s in UNIT_SYNONYMS.items())
    return {
        "entities/product.json": _entity("product", expand=True),
        f"entities/product_entries_{LANG}.json": _entries((v.name, v.synonyms) for v in values),
        "entities/unit.json": _entity("unit", expand=False),
        f"entities/unit_entries_{LANG}.json": _entries(units),
        "entities/fulfillment.json": _entity("fulfillment", expand=False),
        f"entities/fulfillment_entries_{LANG}.json": _entries(FULFILLMENT_SYNONYMS.items()),
        "entities/order_target.json": _entity("order_target", expand=False),
        f"entities/order_target_entries_{LANG}.json": _entries(
            (f"my {t}", s) for t, s in ORDER_TARGET_SYNONYMS.items()),
    }


# --- intents ---------------------------------------------------------------------------------

def _parameter(intent: str, name: str, entity: str) -> dict:
    return {"id": _id("parameter", intent, name), "required": False, "dataType": entity,
            "name": name, "value": f"${name}", "defaultValue": "", "isList": False, "prompts": [],
            "promptMessages": [], "noMatchPromptMessages": [], "noInputPromptMessages": [],
            "outputDialogContexts": []}


def _intent(name: str) -> dict:
    params = {PARAMETERS[s] for s in INTENT_SLOTS[name]}
    fallback = name == "Fallback"
    return {
        "id": _id("intent", name),
        "name": name,
        "auto": True,
        "contexts": [],
        "responses": [{
            "resetContexts": False,
            "action": "input.unknown" if fallback else name,
            "affectedContexts": [],
            "parameters": [_parameter(name, p, e) for p, e in sorted(params)],
            "messages": [{"type": 0, "lang": LANG, "condition": "", "speech": [FAILURE_SPEECH]}],
            "defaultResponsePlatforms": {},
            "speech": [],
        }],
        "priority": 500000,
        "webhookUsed": True,
        "webhookForSlotFilling": False,
        "fallbackIntent": fallback,
        "events": [{"name": "WELCOME"}] if name == WELCOME_INTENT else [],
        "conditionalResponses": [],
        "condition": "",
        "conditionalFollowupEvents": [],
    }


class _Filler:
    """Hands out example values for placeholders: varied, but the same on every export."""

    def __init__(self, values: list[ProductValue]) -> None:
        self._examples = dict(_EXAMPLES, Item=tuple(v.name for v in values[:80]))
        self._rng = random.Random(7)

    def value(self, slot: str, before: str) -> str:
        text = self._rng.choice(self._examples[slot])
        if slot == "Unit":
            # "a gallon of", "two gallons of": singular only after an article.
            return text if before.endswith(("a ", "an ")) else unit_plural(text)
        return text


def _training_phrase(intent: str, phrase: str, filler: _Filler, n: int) -> dict:
    data, text_so_far = [], ""
    for seg in segments(phrase):
        if seg.slot is None:
            data.append({"text": seg.text, "userDefined": False})
            text_so_far += seg.text
            continue
        value = filler.value(seg.slot, text_so_far)
        param, entity = PARAMETERS[seg.slot]
        data.append({"text": value, "alias": param, "meta": entity, "userDefined": True})
        text_so_far += value
    return {"id": _id("usersays", intent, phrase, str(n)), "data": data, "isTemplate": False,
            "count": 0, "lang": LANG, "updated": 0}


def _intent_files(values: list[ProductValue],
                  fills_per_phrase: int) -> Iterator[tuple[str, dict, list]]:
    filler = _Filler(values)
    seen: set[str] = set()  # the same words under two intents would only confuse the classifier
    for name in CANONICAL_INTENTS:
        usersays = []
        for phrase in phrases_for(name):
            for n in range(fills_per_phrase if "{" in phrase else 1):
                entry = _training_phrase(name, phrase, filler, n)
                text = "".join(d["text"] for d in entry["data"])
                if text not in seen:
                    seen.add(text)
                    usersays.append(entry)
        yield name, _intent(name), usersays


def _write_zip(path: Path, files: dict[str, object]) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))  # reproducible archive
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, json.dumps(files[name], ensure_ascii=False, indent=2))
    return path.stat().st_size
