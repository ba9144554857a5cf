"""The Alexa interaction model, built from the catalog and the shared phrases.

Shape: Amazon's Interaction Model Schema ({"interactionModel": {"languageModel": {invocationName,
intents[{name, slots[{name, type, samples}], samples}], types[{name, values[{id, name{value,
synonyms}}]}]}, "dialog", "prompts"}}). Limits followed (Amazon's interaction-model limits):
140 characters per slot value and per synonym; 1.5 MB for the whole model, of which we use at most
DEFAULT_MAX_BYTES so a grocer's edits in the console still fit; and the long-standing ceiling of
50,000 custom slot values per skill, which we count synonyms against too.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from catalog.model import Product
from skill.export_vocab import (
    FULFILLMENT_SYNONYMS, ORDER_TARGET_SYNONYMS, UNIT_SYNONYMS, ExportNotes, ProductValue, json_size, product_values,
    unit_name,
)
from skill.alexa.intents import BUILTIN_INTENTS, CUSTOM_INTENTS
from skill.phrases import CARRIED_REQUESTS, INTENT_SLOTS, PHRASES, CarriedRequest, placeholders

DOCUMENTED_MAX_BYTES = 1_500_000
DEFAULT_MAX_BYTES = 1_000_000
DOCUMENTED_MAX_SLOT_VALUES = 50_000

# A slot has one type, so "the second one" (Option, AMAZON.Ordinal) and "number two"
# (Number, AMAZON.NUMBER) are two slots of SelectOptionIntent; the adapter reads whichever is set.
SLOT_TYPES: dict[str, str] = {
    "Item": "PRODUCT", "Quantity": "AMAZON.NUMBER", "Unit": "UNIT", "Method": "FULFILLMENT",
    "Date": "AMAZON.DATE", "Time": "AMAZON.TIME", "Option": "AMAZON.Ordinal",
    "Number": "AMAZON.NUMBER", "Query": "AMAZON.SearchQuery", "Target": "ORDER_TARGET",
}
# Slots the skill may ask for (Dialog.ElicitSlot): Alexa wants a dialog model for those intents.
ELICITED: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "AddItemIntent": ("Item", "What would you like to add?",
                      ("{Item}", "add {Item}", "i want {Item}", "some {Item}", "the {Item}")),
    "SetFulfillmentIntent": ("Method", "Would you like pickup or delivery?",
                             ("{Method}", "{Method} please", "i'd like {Method}")),
}
_INVOCATION = re.compile(r"^[a-z][a-z' .]*[a-z]$")


def build_interaction_model(products: Iterable[Product], invocation_name: str = "voice cart", *,
                            max_bytes: int = DEFAULT_MAX_BYTES,
                            max_slot_values: int = DOCUMENTED_MAX_SLOT_VALUES,
                            dialog: bool = False) -> tuple[dict, ExportNotes]:
    """The interaction model JSON for the catalog, and notes on what was left out.

    Products go into the PRODUCT type most popular first, until the model reaches `max_bytes`
    or the custom values and synonyms reach `max_slot_values`; the rest are counted in
    `notes.left_out` (Alexa still hears them: a custom slot is not an enumeration, and the server
    matches unresolved values itself).

    With `dialog`, the model also carries a dialog model (delegation left to the skill) so the
    skill may send Dialog.ElicitSlot for an item or a pickup/delivery choice. It is off by
    default: our conversation core asks its own questions, and npm's virtual-alexa, given a
    dialog model, carries slots over from one intent to the next.
    """
    _check_invocation_name(invocation_name)
    notes = ExportNotes(limits={"max_bytes": max_bytes, "max_slot_values": max_slot_values,
                                "max_value_chars": 140})
    values = product_values(products, notes)
    if not values:
        raise ValueError("the catalog has no product with a sayable name: nothing to export")
    model = _skeleton(invocation_name, dialog)
    product_type = {"name": "PRODUCT", "values": []}
    model["interactionModel"]["languageModel"]["types"].insert(0, product_type)
    kept = _fill_products(product_type["values"], values, model, max_bytes, max_slot_values)
    notes.values_exported = kept
    notes.left_out = len(values) - kept
    notes.size_bytes = json_size(model)
    return model, notes


def _check_invocation_name(name: str) -> None:
    # Amazon: lowercase letters, spaces, apostrophes and periods; it must be sayable as given.
    if not _INVOCATION.match(name) or "  " in name:
        raise ValueError(f"invalid invocation name {name!r}: "
                         "use lowercase words, e.g. 'voice cart'")


def _skeleton(invocation_name: str, dialog: bool) -> dict:
    intents = [_custom_intent(canonical, alexa, dialog)
               for canonical, alexa in CUSTOM_INTENTS.items()]
    intents += [_carried_intent(name, carried) for name, carried in CARRIED_REQUESTS.items()]
    intents += [{"name": name, "samples": []} for name in BUILTIN_INTENTS]
    language_model = {
        "invocationName": invocation_name,
        "intents": intents,
        "types": [_unit_type(), _fulfillment_type(), _order_target_type()],
    }
    model: dict = {"interactionModel": {"languageModel": language_model}}
    if dialog:
        model["interactionModel"]["dialog"], model["interactionModel"]["prompts"] = _dialog()
    return model


def _custom_intent(canonical: str, alexa_name: str, dialog: bool) -> dict:
    slots = []
    for slot in INTENT_SLOTS[canonical]:
        entry = {"name": slot, "type": SLOT_TYPES[slot]}
        elicited = ELICITED.get(alexa_name)
        if dialog and elicited and elicited[0] == slot:
            entry["samples"] = list(elicited[2])
        slots.append(entry)
    intent = {"name": alexa_name, "slots": slots, "samples": list(PHRASES[canonical])}
    for sample in intent["samples"]:
        unknown = set(placeholders(sample)) - set(INTENT_SLOTS[canonical])
        if unknown:
            raise AssertionError(f"{alexa_name} sample {sample!r} uses undeclared slots {unknown}")
    return intent


def _carried_intent(name: str, carried: CarriedRequest) -> dict:
    """An intent whose words our parser reads (skill.phrases.CARRIED_REQUESTS): a Query slot
    (AMAZON.SearchQuery) when its samples carry one."""
    with_query = any("{Query}" in sample for sample in carried.samples)
    return {"name": name, "slots": [{"name": "Query", "type": SLOT_TYPES["Query"]}] if with_query
            else [], "samples": list(carried.samples)}


def _unit_type() -> dict:
    return {"name": "UNIT", "values": [
        {"id": unit, "name": {"value": unit_name(unit), "synonyms": list(synonyms)}}
        for unit, synonyms in UNIT_SYNONYMS.items()]}


def _fulfillment_type() -> dict:
    return {"name": "FULFILLMENT", "values": [
        {"id": method, "name": {"value": method, "synonyms": list(synonyms)}}
        for method, synonyms in FULFILLMENT_SYNONYMS.items()]}


def _order_target_type() -> dict:
    return {"name": "ORDER_TARGET", "values": [
        {"id": target, "name": {"value": f"my {target}", "synonyms": list(synonyms)}}
        for target, synonyms in ORDER_TARGET_SYNONYMS.items()]}


def _dialog() -> tuple[dict, list[dict]]:
    """A dialog model that lets the skill elicit and confirm slots itself (SKILL_RESPONSE: Alexa
    never runs the dialog on its own, our conversation core does)."""
    intents, prompts = [], []
    for canonical, alexa_name in CUSTOM_INTENTS.items():
        slots = INTENT_SLOTS[canonical]
        if not slots or canonical == "ShoppingRequest":
            continue
        elicited = ELICITED.get(alexa_name)
        dialog_slots = []
        for slot in slots:
            required = bool(elicited and elicited[0] == slot)
            entry = {"name": slot, "type": SLOT_TYPES[slot], "elicitationRequired": required,
                     "confirmationRequired": False, "prompts": {}}
            if required:
                prompt_id = f"Elicit.Slot.{alexa_name}.{slot}"
                entry["prompts"]["elicitation"] = prompt_id
                prompts.append({"id": prompt_id,
                                "variations": [{"type": "PlainText", "value": elicited[1]}]})
            dialog_slots.append(entry)
        intents.append({"name": alexa_name, "delegationStrategy": "SKILL_RESPONSE",
                        "confirmationRequired": False, "prompts": {}, "slots": dialog_slots})
    return {"delegationStrategy": "SKILL_RESPONSE", "intents": intents}, prompts


def _value_entry(value: ProductValue) -> dict:
    return {"id": value.id, "name": {"value": value.name, "synonyms": list(value.synonyms)}}


def _fill_products(target: list[dict], values: list[ProductValue], model: dict, max_bytes: int,
                   max_slot_values: int) -> int:
    size = json_size(model)
    used = sum(1 + len(v["name"].get("synonyms", ()))
               for t in model["interactionModel"]["languageModel"]["types"] for v in t["values"])
    for value in values:
        entry = _value_entry(value)
        cost = json_size(entry) + (1 if target else 0)  # the comma between entries
        count = 1 + len(value.synonyms)
        if size + cost > max_bytes or used + count > max_slot_values:
            break
        target.append(entry)
        size += cost
        used += count
    return len(target)
