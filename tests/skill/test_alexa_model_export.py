"""The exported Alexa interaction model, checked against Amazon's documented rules.

Rules checked (Interaction Model Schema and the interaction-model limits): the JSON shape; every
contract intent with its slots and slot types; the built-ins a custom skill needs; sample
utterances that reference only their intent's slots, use only letters, spaces, apostrophes and
periods, and are not repeated across intents; AMAZON.SearchQuery alone in its utterance behind a
carrier phrase; custom slot values of at most 140 characters, each said once in the model; and a
model that stays within the size and value limits, with what was left out counted.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from decimal import Decimal

import pytest
from click.testing import CliRunner

from catalog.demo import DEMO_CATALOG as DEMO_CSV
from catalog.importer import product_from_row, read_rows
from catalog.model import Product
from intents.model import CANONICAL_INTENTS, CANONICAL_UNITS
from skill.alexa.model_export import DOCUMENTED_MAX_BYTES, build_interaction_model
from skill.export_commands import export
from skill.phrases import CARRIED_REQUESTS, placeholders

CONTRACT = {
    "AddItemIntent": {"Item": "PRODUCT", "Quantity": "AMAZON.NUMBER", "Unit": "UNIT",
                      "Target": "ORDER_TARGET"},
    "RemoveItemIntent": {"Item": "PRODUCT", "Quantity": "AMAZON.NUMBER", "Unit": "UNIT",
                         "Target": "ORDER_TARGET"},
    "UpdateQuantityIntent": {"Item": "PRODUCT", "Quantity": "AMAZON.NUMBER", "Unit": "UNIT"},
    "ReadCartIntent": {"Item": "PRODUCT"},
    "ClearCartIntent": {},
    "CheckoutIntent": {},
    "SetFulfillmentIntent": {"Method": "FULFILLMENT", "Date": "AMAZON.DATE", "Time": "AMAZON.TIME",
                             "Target": "ORDER_TARGET"},
    "OrderStatusIntent": {},
    "CancelOrderIntent": {},
    "ReorderIntent": {},
    "SelectOptionIntent": {"Option": "AMAZON.Ordinal", "Number": "AMAZON.NUMBER"},
    "ProductInfoIntent": {"Item": "PRODUCT", "Quantity": "AMAZON.NUMBER", "Unit": "UNIT"},
    "ShoppingRequestIntent": {"Query": "AMAZON.SearchQuery"},
}
BUILTINS = {"AMAZON.CancelIntent", "AMAZON.HelpIntent", "AMAZON.StopIntent",
            "AMAZON.NavigateHomeIntent", "AMAZON.FallbackIntent", "AMAZON.YesIntent",
            "AMAZON.NoIntent"}
# Where each canonical intent arrives from Alexa (design doc).
ALEXA_FOR_CANONICAL = {c: f"{c}Intent" for c in CANONICAL_INTENTS[:12]} | {
    "Yes": "AMAZON.YesIntent", "No": "AMAZON.NoIntent", "Help": "AMAZON.HelpIntent",
    "Stop": "AMAZON.StopIntent", "Cancel": "AMAZON.CancelIntent",
    "Fallback": "AMAZON.FallbackIntent"}
# Words, single-letter abbreviations with a period ("a. m."), and slot references, one space apart.
_TOKEN = r"(?:[a-z']+|[a-z]\.|\{[A-Za-z]+\})"
SAMPLE_CHARS = re.compile(rf"^{_TOKEN}(?: {_TOKEN})*$")
VALUE_CHARS = re.compile(r"^[a-z']+(?: [a-z']+)*$")


def product(pid: str, name: str, popularity: float = 0, **kw) -> Product:
    return Product(id=pid, name=name, price=Decimal("1.00"), popularity=popularity, **kw)


SMALL = [
    product("M1", "Dairy Pure 2% Reduced Fat Milk (1 gal)", 50, brand="Dairy Pure",
            synonyms=("two percent milk", "2% milk")),
    product("M2", "2% Reduced Fat Milk", 80, synonyms=("two percent milk", "reduced fat milk")),
    product("B1", "Bag of Organic Bananas", 90, size="3 lb bag",
            synonyms=("organic bananas", "bananas")),
    product("B2", "Bananas", 95, synonyms=("banana", "bananas")),
    product("E1", "Large Grade A Eggs, 12 ct", 70, synonyms=("eggs", "a dozen eggs")),
    product("H1", "Trader Joe's Hummus", 10, brand="Trader Joe's", synonyms=("hummus", "x" * 200)),
    product("T1", "Fresh Thyme", 5, in_stock=False, synonyms=("thyme", "!!!")),
    product("Q1", "Bananas", 1, synonyms=("banana",)),  # same name as B2, less popular
]


@pytest.fixture(scope="module")
def demo_products() -> list[Product]:
    if not DEMO_CSV.exists():
        pytest.skip("the demo catalog (catalog/data/demo_catalog.csv) is not there yet")
    return [product_from_row(row) for _, row in read_rows(DEMO_CSV)]


@pytest.fixture(scope="module")
def model(demo_products) -> dict:
    return build_interaction_model(SMALL + demo_products)[0]


def language_model(m: dict) -> dict:
    return m["interactionModel"]["languageModel"]


def intents_by_name(m: dict) -> dict[str, dict]:
    return {i["name"]: i for i in language_model(m)["intents"]}


def types_by_name(m: dict) -> dict[str, dict]:
    return {t["name"]: t for t in language_model(m)["types"]}


def all_samples(m: dict):
    for intent in language_model(m)["intents"]:
        for sample in intent.get("samples", []):
            yield intent, sample


def synthetic(n: int) -> list[Product]:
    # Distinct spoken names ("product alpha three hundred...") with made-up popularity.
    words = "alpha bravo charlie delta echo foxtrot golf hotel india juliet".split()
    return [product(f"S{i}", f"{words[i % 10]} {words[(i // 10) % 10]} item {i}",
                    popularity=i % 997, synonyms=(f"{words[i % 10]} thing {i}",)) for i in range(n)]


# --- shape and contract ----------------------------------------------------------------------

def test_model_has_the_documented_envelope(model):
    assert set(model) == {"interactionModel"}
    lm = language_model(model)
    assert lm["invocationName"] == "voice cart"
    assert isinstance(lm["intents"], list) and isinstance(lm["types"], list)
    for intent in lm["intents"]:
        assert set(intent) <= {"name", "slots", "samples"}
        for slot in intent.get("slots", []):
            assert set(slot) <= {"name", "type", "samples"}
    for slot_type in lm["types"]:
        assert set(slot_type) == {"name", "values"}
        for value in slot_type["values"]:
            assert set(value) == {"id", "name"} and set(value["name"]) == {"value", "synonyms"}
    json.dumps(model)  # plain JSON all the way down


def test_contract_intents_have_exactly_their_slots_and_types(model):
    intents = intents_by_name(model)
    for name, slots in CONTRACT.items():
        assert {s["name"]: s["type"] for s in intents[name]["slots"]} == slots, name
    # besides: the Alexa-only intents our parser reads (substitutions, notes, stores)
    assert set(intents) == set(CONTRACT) | BUILTINS | set(CARRIED_REQUESTS)


def test_required_builtins_present_without_slots(model):
    intents = intents_by_name(model)
    for name in BUILTINS:
        assert intents[name].get("slots", []) == []


def test_every_canonical_intent_reaches_alexa(model):
    assert set(ALEXA_FOR_CANONICAL) == set(CANONICAL_INTENTS)
    assert set(ALEXA_FOR_CANONICAL.values()) <= set(intents_by_name(model))


def test_custom_intents_have_many_samples(model):
    intents = intents_by_name(model)
    for name in ("AddItemIntent", "RemoveItemIntent", "UpdateQuantityIntent", "ReadCartIntent",
                 "ProductInfoIntent", "SetFulfillmentIntent", "ShoppingRequestIntent"):
        assert len(intents[name]["samples"]) >= 15, name
    for name in CONTRACT:
        assert len(intents[name]["samples"]) >= 10, name


@pytest.mark.parametrize("phrase, intent", [
    ("please update my grocery list with {Item}", "AddItemIntent"),
    ("cross out {Item} from shopping list", "RemoveItemIntent"),
    ("i don't want {Item}", "RemoveItemIntent"),
    ("make that {Quantity}", "UpdateQuantityIntent"),
    ("read back my grocery list to me", "ReadCartIntent"),
    ("what's in my cart", "ReadCartIntent"),
    ("is {Item} in my cart", "ReadCartIntent"),
    ("that's everything check me out", "CheckoutIntent"),
    ("what's the status of my order", "OrderStatusIntent"),
    ("cancel my grocery order", "CancelOrderIntent"),
    ("order my usual groceries", "OrderUsualIntent"),
    ("reorder my last order", "ReorderIntent"),
    ("switch the {Query}", "SwitchKindIntent"),
    ("what's the cheapest {Item}", "ProductInfoIntent"),
    ("how much is {Item}", "ProductInfoIntent"),
    ("do you have {Item}", "ProductInfoIntent"),
    ("i'll pick it up {Date} at {Time}", "SetFulfillmentIntent"),
    ("the {Option} one", "SelectOptionIntent"),
    ("number {Number}", "SelectOptionIntent"),
])
def test_real_list_phrasings_are_samples(model, phrase, intent):
    assert phrase in intents_by_name(model)[intent]["samples"]


# --- sample utterance rules ------------------------------------------------------------------

def test_samples_reference_only_their_intents_slots_and_use_them_all(model):
    for intent in language_model(model)["intents"]:
        declared = {s["name"] for s in intent.get("slots", [])}
        used: set[str] = set()
        for sample in intent.get("samples", []):
            refs = placeholders(sample)
            assert set(refs) <= declared, (intent["name"], sample)
            assert len(refs) == len(set(refs)), f"a slot twice in {sample!r}"
            used |= set(refs)
        assert used == declared, intent["name"]


def test_samples_are_lowercase_words_without_punctuation(model):
    for intent, sample in all_samples(model):
        assert SAMPLE_CHARS.match(sample), (intent["name"], sample)
        assert not re.search(r"\d", sample)
        assert len(sample) <= 200


def test_no_sample_is_a_built_in_slot_alone(model):
    # virtual-alexa cannot type AMAZON.Ordinal/DATE/TIME: such a sample would match anything.
    for intent, sample in all_samples(model):
        types = {s["name"]: s["type"] for s in intent.get("slots", [])}
        refs = placeholders(sample)
        if len(refs) == 1 and types[refs[0]].startswith("AMAZON."):
            assert not re.fullmatch(r"\{\w+\}( please| one)?", sample), sample


def test_samples_are_unique_across_and_within_intents(model):
    counts = Counter(sample for _, sample in all_samples(model))
    assert [s for s, n in counts.items() if n > 1] == []


def test_samples_with_the_same_words_and_slot_types_are_in_one_intent(model):
    # "i want {Method}" and "i want {Item}" differ only in a slot of another type: fine. The same
    # words with slots of the same types under two intents is a conflict Alexa reports.
    owner: dict[str, str] = {}
    for intent, sample in all_samples(model):
        types = {s["name"]: s["type"] for s in intent.get("slots", [])}
        key = re.sub(r"\{([A-Za-z]+)\}", lambda m: "{" + types[m.group(1)] + "}", sample)
        assert owner.setdefault(key, intent["name"]) == intent["name"], (sample, owner[key])


@pytest.mark.parametrize("name", ["ShoppingRequestIntent", *(
    n for n, c in CARRIED_REQUESTS.items() if any("{Query}" in x for x in c.samples))])
def test_search_query_is_alone_behind_a_carrier_phrase(model, name):
    others: set[str] = set()
    for intent, sample in all_samples(model):
        if intent["name"] != name:
            others.add(re.sub(r"\{[A-Za-z]+\}", "{}", sample))
    intent = intents_by_name(model)[name]
    assert intent["slots"] == [{"name": "Query", "type": "AMAZON.SearchQuery"}]
    for sample in intent["samples"]:
        if name != "ShoppingRequestIntent" and "{Query}" not in sample:
            continue  # a carried request may also be a fixed sentence
        assert placeholders(sample) == ["Query"], sample
        carrier = sample.replace("{Query}", "").strip()
        assert carrier, f"{sample!r} has no carrier phrase"
        # SearchQuery takes any words, so its carrier must not be another intent's whole pattern.
        assert sample.replace("{Query}", "{}") not in others, sample


def test_only_free_text_intents_carry_a_search_query(model):
    free = {"ShoppingRequestIntent", *CARRIED_REQUESTS}
    for other in language_model(model)["intents"]:
        if other["name"] not in free:
            assert "AMAZON.SearchQuery" not in {s["type"] for s in other.get("slots", [])}


# --- slot types ------------------------------------------------------------------------------

def test_every_custom_slot_type_is_defined_with_values(model):
    types = types_by_name(model)
    used = {s["type"] for i in language_model(model)["intents"] for s in i.get("slots", [])}
    assert {t for t in used if not t.startswith("AMAZON.")} == set(types) == {"PRODUCT", "UNIT",
                                                                               "FULFILLMENT",
                                                                               "ORDER_TARGET"}
    assert all(types[t]["values"] for t in types)


def test_product_values_carry_product_ids_and_spoken_names(model, demo_products):
    ids = {p.id for p in SMALL + demo_products}
    values = types_by_name(model)["PRODUCT"]["values"]
    assert len({v["id"] for v in values}) == len(values)
    assert {v["id"] for v in values} <= ids
    small = types_by_name(build_interaction_model(SMALL)[0])["PRODUCT"]["values"]
    by_id = {v["id"]: v["name"] for v in small}
    assert by_id["M2"]["value"] == "two percent reduced fat milk"
    # M2 is more popular and takes the short name; M1 keeps its brand.
    assert by_id["M1"]["value"] == "dairy pure two percent reduced fat milk"
    assert by_id["B2"]["value"] == "bananas"
    assert by_id["B1"]["value"] == "organic bananas"  # no "bag of", no size
    assert by_id["E1"]["value"] == "large grade a eggs"
    assert by_id["H1"]["value"] == "hummus"  # a leading brand is not how people ask
    # "hummus" is already its name; a 200-character synonym is over the 140-character limit.
    assert by_id["H1"]["synonyms"] == []
    assert by_id["T1"]["synonyms"] == ["thyme"]  # "!!!" has nothing sayable
    assert "Q1" not in by_id or by_id["Q1"]["value"] != "bananas"


def test_no_value_or_synonym_is_said_twice_and_all_fit_the_limits(model):
    for slot_type in language_model(model)["types"]:
        said = [v["name"]["value"] for v in slot_type["values"]]
        said += [s for v in slot_type["values"] for s in v["name"]["synonyms"]]
        assert [s for s, n in Counter(said).items() if n > 1] == [], slot_type["name"]
        for phrase in said:
            assert 0 < len(phrase) <= 140
            assert VALUE_CHARS.match(phrase), (slot_type["name"], phrase)


def test_unit_and_fulfillment_types(model):
    units = types_by_name(model)["UNIT"]["values"]
    assert [v["id"] for v in units] == list(CANONICAL_UNITS)
    synonyms = {s for v in units for s in v["name"]["synonyms"]}
    assert {"gallons", "pounds", "lbs", "oz", "half a gallon"} <= synonyms
    methods = {v["id"]: v["name"] for v in types_by_name(model)["FULFILLMENT"]["values"]}
    assert set(methods) == {"pickup", "delivery"}
    assert {"curbside", "pick up", "collect"} <= set(methods["pickup"]["synonyms"])
    assert {"deliver", "home delivery"} <= set(methods["delivery"]["synonyms"])


# --- limits and notes ------------------------------------------------------------------------

def test_most_popular_products_kept_and_the_rest_counted_when_over_the_size_budget():
    products = synthetic(3000)
    model, notes = build_interaction_model(products, max_bytes=120_000)
    kept = types_by_name(model)["PRODUCT"]["values"]
    size = len(json.dumps(model, ensure_ascii=False, separators=(",", ":")).encode())
    assert size <= 120_000 and notes.size_bytes == size
    assert 0 < len(kept) < 3000
    assert notes.values_exported == len(kept)
    accounted = notes.values_exported + notes.left_out + notes.duplicate_names
    assert accounted == notes.products_total == 3000
    least_kept = min(p.popularity for p in products if p.id in {v["id"] for v in kept})
    assert all(p.popularity <= least_kept for p in products if p.id not in {v["id"] for v in kept})
    assert any("left out" in line and str(notes.left_out) in line for line in notes.lines())


def test_without_popularity_a_cut_model_keeps_short_generic_names_of_common_kinds():
    """Issue 16: a catalog with no popularity (the Instacart one) cut to the limits keeps the
    staples shoppers say (and the skill's help examples use), not long variant names."""
    long_names = [product(f"v{i}", f"Organic Small Batch Artisan {flavour} {kind} Variety {i}")
                  for i, (flavour, kind) in enumerate(
                      (f, k) for f in ("Honey", "Maple", "Berry", "Vanilla", "Cocoa")
                      for k in ("Granola Clusters", "Milk", "Bread", "Yogurt Bites"))]
    staples = [product("s1", "Bananas"), product("s2", "Milk"), product("s3", "Whole Milk"),
               product("s4", "Bread"), product("s5", "Dozen Large Eggs")]
    products = long_names[:10] + staples + long_names[10:]  # staples in the middle
    whole, _ = build_interaction_model(products)
    others = sum(1 + len(v["name"].get("synonyms", ())) for t in language_model(whole)["types"]
                 if t["name"] != "PRODUCT" for v in t["values"])
    model, notes = build_interaction_model(products, max_slot_values=others + 4)
    kept = {v["id"] for v in types_by_name(model)["PRODUCT"]["values"]}

    assert {"s1", "s2", "s4"} <= kept  # one-word staples first
    assert notes.left_out > 0 and not kept & {p.id for p in long_names}


def test_value_count_cap_counts_synonyms():
    model, notes = build_interaction_model(synthetic(500), max_slot_values=300)
    total = sum(1 + len(v["name"]["synonyms"])
                for t in language_model(model)["types"] for v in t["values"])
    assert total <= 300 and notes.left_out > 0


def test_a_large_catalog_stays_well_within_the_documented_size():
    model, notes = build_interaction_model(synthetic(30_000))
    assert notes.size_bytes <= 1_000_000 < DOCUMENTED_MAX_BYTES
    assert notes.left_out > 0


def test_demo_catalog_fits_whole(demo_products):
    model, notes = build_interaction_model(demo_products)
    assert notes.left_out == 0
    assert notes.values_exported + notes.duplicate_names == len(demo_products)


@pytest.mark.parametrize("name", ["Voice Cart", "voice cart!", "", "voice  cart", "4 cart"])
def test_bad_invocation_names_are_refused(name):
    with pytest.raises(ValueError):
        build_interaction_model(SMALL, invocation_name=name)


def test_empty_catalog_is_refused():
    with pytest.raises(ValueError):
        build_interaction_model([])


def test_dialog_model_on_request_references_real_slots_and_prompts():
    model, _ = build_interaction_model(SMALL, dialog=True)
    im = model["interactionModel"]
    assert im["dialog"]["delegationStrategy"] == "SKILL_RESPONSE"
    prompts = {p["id"] for p in im["prompts"]}
    intents = intents_by_name(model)
    for dialog_intent in im["dialog"]["intents"]:
        slots = {s["name"]: s["type"] for s in intents[dialog_intent["name"]]["slots"]}
        for slot in dialog_intent["slots"]:
            assert slots[slot["name"]] == slot["type"]
            if slot["elicitationRequired"]:
                assert slot["prompts"]["elicitation"] in prompts
                elicited = next(s for s in intents[dialog_intent["name"]]["slots"]
                                if s["name"] == slot["name"])
                assert f"{{{slot['name']}}}" in elicited["samples"]
    assert "dialog" not in build_interaction_model(SMALL)[0]["interactionModel"]


# --- CLI -------------------------------------------------------------------------------------

def test_cli_writes_the_model_file(tmp_path):
    if not DEMO_CSV.exists():
        pytest.skip("the demo catalog is not there yet (an empty database is seeded from it)")
    out = tmp_path / "en-US.json"
    result = CliRunner().invoke(export, ["alexa-model", "--db", str(tmp_path / "shop.db"),
                                         "--out", str(out), "--invocation-name", "corner shop"])
    assert result.exit_code == 0, result.output
    written = json.loads(out.read_text())
    assert language_model(written)["invocationName"] == "corner shop"
    assert "product values exported" in result.stderr


def test_cli_prints_to_stdout_and_refuses_a_bad_name(tmp_path):
    if not DEMO_CSV.exists():
        pytest.skip("the demo catalog is not there yet")
    db = str(tmp_path / "shop.db")
    result = CliRunner().invoke(export, ["alexa-model", "--db", db])
    assert result.exit_code == 0
    assert language_model(json.loads(result.stdout))["invocationName"] == "voice cart"
    bad = CliRunner().invoke(export, ["alexa-model", "--db", db, "--invocation-name", "Shop!"])
    assert bad.exit_code == 1 and "invocation name" in bad.stderr


def test_carried_intents_are_exported_and_every_sample_reads_as_its_request(model):
    from intents.parsing.parser import parse
    from skill.phrases import carried_text

    exported = intents_by_name(model)
    queries = {"NoSubstitutionsIntent": "the milk", "SubstituteIfOutIntent": "the eggs get brown eggs",
               "DeliveryNoteIntent": "use the side door", "LeaveItIntent": "on the porch",
               "StoresNearIntent": "11201", "NamedStoreHoursIntent": "main street store",
               "UseStoreIntent": "main street store",
               "PickUpAtStoreIntent": "main street store tomorrow at five",
               "SwitchKindIntent": "milk to skim", "MakeItKindIntent": "skim"}
    for name, carried in CARRIED_REQUESTS.items():
        intent = exported[name]
        assert intent["samples"] == list(carried.samples)
        has_query = name in queries
        assert [s["name"] for s in intent["slots"]] == (["Query"] if has_query else []), name
        heard = parse(carried_text(name, queries.get(name)))
        if name == "WhatDidIOrderIntent":  # the placed order's items, not its status
            assert heard.intent == "OrderStatus" and heard.slots == {"ask": "items"}
        elif name == "OrderUsualIntent":  # the whole history, not the last order
            assert heard.intent == "Reorder" and heard.slots == {"usual": True}
        elif name in ("SwitchKindIntent", "MakeItKindIntent"):  # a line's kind
            assert heard.intent == "SelectOption" and heard.slots["kind"], (name, heard.slots)
            assert heard.slots["choice"] == "skim"
        else:
            assert heard.intent == "SetFulfillment", name
            assert {"substitution", "delivery_note", "stores", "store"} & set(heard.slots), \
                (name, heard.slots)
