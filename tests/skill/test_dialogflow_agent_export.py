"""The exported Dialogflow ES agent archive, checked against the console's export layout.

Layout (as the ES console exports and restores it): agent.json, package.json {"version": "1.0.0"},
intents/<Name>.json + intents/<Name>_usersays_en.json, entities/<name>.json +
entities/<name>_entries_en.json. Checked here: every canonical intent with training phrases and
webhook fulfillment; parameter names and entity types per the webhook contract; annotated spans
that name an existing parameter and entity (and, for our entities, one of its entries); entry
files that are JSON lists of {value, synonyms}; and the CLI.
"""
from __future__ import annotations

import json
import re
import zipfile
from collections import Counter
from decimal import Decimal

import pytest
from click.testing import CliRunner

from catalog.demo import DEMO_CATALOG
from catalog.importer import product_from_row, read_rows
from catalog.model import Product
from intents.model import CANONICAL_INTENTS, CANONICAL_UNITS
from skill.dialogflow.agent_export import build_agent_zip
from skill.export_commands import export

CONTRACT_PARAMETERS = {"item": "@product", "quantity": "@sys.number", "unit": "@unit",
                       "fulfillment": "@fulfillment", "date": "@sys.date", "time": "@sys.time",
                       "option": "@sys.number", "target": "@order_target"}
INTENT_PARAMETERS = {
    "AddItem": {"item", "quantity", "unit", "target"},
    "RemoveItem": {"item", "quantity", "unit", "target"},
    "UpdateQuantity": {"item", "quantity", "unit"}, "ReadCart": {"item"},
    "SetFulfillment": {"fulfillment", "date", "time", "target"}, "SelectOption": {"option"},
    "ProductInfo": {"item", "quantity", "unit"},
}


def product(pid: str, name: str, popularity: float = 0, **kw) -> Product:
    return Product(id=pid, name=name, price=Decimal("2.00"), popularity=popularity, **kw)


SMALL = [
    product("M1", "Whole Milk", 90, size="1 gal", synonyms=("vitamin d milk", "milk")),
    product("M2", "Dairy Pure 2% Reduced Fat Milk", 60, brand="Dairy Pure",
            synonyms=("two percent milk",)),
    product("E1", "Large Brown Eggs, 12 ct", 80, synonyms=("eggs", "brown eggs")),
    product("B1", "Bag of Organic Bananas", 70, synonyms=("organic bananas", "bananas")),
    product("P1", "Creamy Peanut Butter (16 oz)", 40, synonyms=("peanut butter", "pb")),
    product("A1", "Unsweetened Almond Milk", 30, synonyms=("almond milk", "milk")),
]


class Agent:
    """The archive's JSON files by path."""

    def __init__(self, path) -> None:
        with zipfile.ZipFile(path) as zf:
            assert zf.testzip() is None
            self.files = {name: json.loads(zf.read(name)) for name in zf.namelist()}

    def intent(self, name: str) -> dict:
        return self.files[f"intents/{name}.json"]

    def usersays(self, name: str) -> list[dict]:
        return self.files.get(f"intents/{name}_usersays_en.json", [])

    def entries(self, entity: str) -> list[dict]:
        return self.files[f"entities/{entity}_entries_en.json"]

    def intent_names(self) -> list[str]:
        return [p[len("intents/"):-5] for p in self.files
                if p.startswith("intents/") and not p.endswith("_usersays_en.json")]


def parameters(agent: Agent, intent: str) -> list[dict]:
    return agent.intent(intent)["responses"][0]["parameters"]


@pytest.fixture(scope="module")
def demo_products() -> list[Product]:
    if not DEMO_CATALOG.exists():
        return []
    return [product_from_row(row) for _, row in read_rows(DEMO_CATALOG)]


@pytest.fixture(scope="module")
def built(tmp_path_factory, demo_products):
    path = tmp_path_factory.mktemp("df") / "agent.zip"
    notes = build_agent_zip(SMALL + demo_products, path,
                            webhook_url="https://shop.example/dialogflow/es")
    return Agent(path), notes


@pytest.fixture(scope="module")
def agent(built) -> Agent:
    return built[0]


def test_agent_and_package_files(agent):
    assert agent.files["package.json"] == {"version": "1.0.0"}
    meta = agent.files["agent.json"]
    assert meta["language"] == "en" and meta["description"]
    assert meta["webhook"]["url"] == "https://shop.example/dialogflow/es"
    assert meta["webhook"]["available"] is True
    assert meta["webhook"]["useForDomains"] is False
    assert meta["webhook"]["cloudFunctionsEnabled"] is False
    assert {"isPrivate", "defaultTimezone", "mlMinConfidence",
            "enableOnePlatformResponses"} <= set(meta)


def test_layout_has_only_known_paths(agent):
    pattern = re.compile(r"^(agent\.json|package\.json|intents/[A-Za-z]+(_usersays_en)?\.json|"
                         r"entities/[a-z_]+(_entries_en)?\.json)$")
    assert [p for p in agent.files if not pattern.match(p)] == []


def test_every_canonical_intent_is_there_with_training_phrases(agent):
    assert sorted(agent.intent_names()) == sorted(CANONICAL_INTENTS)
    for name in CANONICAL_INTENTS:
        intent = agent.intent(name)
        assert intent["name"] == name
        assert len(agent.usersays(name)) >= 5, name
    for name in ("AddItem", "RemoveItem", "UpdateQuantity", "ReadCart", "ProductInfo",
                 "SetFulfillment"):
        assert len(agent.usersays(name)) >= 30, name


def test_webhook_fulfils_every_intent_and_fallback_and_welcome_are_wired(agent):
    for name in CANONICAL_INTENTS:
        intent = agent.intent(name)
        assert intent["webhookUsed"] is True, name
        assert intent["fallbackIntent"] is (name == "Fallback")
        # What the agent says when the webhook cannot answer.
        assert intent["responses"][0]["messages"][0]["speech"]
    welcomed = [n for n in CANONICAL_INTENTS if {"name": "WELCOME"} in agent.intent(n)["events"]]
    assert welcomed == ["Help"]
    ids = [agent.intent(n)["id"] for n in CANONICAL_INTENTS]
    ids += [p["id"] for n in CANONICAL_INTENTS for p in parameters(agent, n)]
    ids += [p["id"] for n in CANONICAL_INTENTS for p in agent.usersays(n)]
    assert len(set(ids)) == len(ids)


def test_parameters_follow_the_contract(agent):
    for name in CANONICAL_INTENTS:
        params = agent.intent(name)["responses"][0]["parameters"]
        for param in params:
            assert CONTRACT_PARAMETERS[param["name"]] == param["dataType"], (name, param["name"])
            assert param["value"] == "$" + param["name"] and param["isList"] is False
        assert {p["name"] for p in params} == INTENT_PARAMETERS.get(name, set()), name


def test_annotated_spans_name_a_parameter_and_an_existing_entity(agent):
    entities = {p[len("entities/"):-5] for p in agent.files
                if p.startswith("entities/") and not p.endswith("_entries_en.json")}
    said = {e: {s for entry in agent.entries(e) for s in entry["synonyms"]} for e in entities}
    for name in CANONICAL_INTENTS:
        params = {p["name"]: p["dataType"] for p in parameters(agent, name)}
        for phrase in agent.usersays(name):
            assert phrase["isTemplate"] is False and isinstance(phrase["count"], int)
            for chunk in phrase["data"]:
                assert chunk["text"]
                if "alias" not in chunk:
                    assert "meta" not in chunk
                    continue
                assert params[chunk["alias"]] == chunk["meta"], (name, chunk)
                entity = chunk["meta"][1:]
                if not entity.startswith("sys."):
                    assert entity in entities
                    assert chunk["text"] in said[entity], (name, chunk)


def test_each_slot_of_the_alexa_contract_is_trained_somewhere(agent):
    annotated = Counter(chunk["alias"] for name in CANONICAL_INTENTS
                        for phrase in agent.usersays(name)
                        for chunk in phrase["data"] if "alias" in chunk)
    assert set(annotated) == set(CONTRACT_PARAMETERS)


def test_training_phrases_are_not_repeated_across_intents(agent):
    texts = Counter("".join(c["text"] for c in phrase["data"])
                    for name in CANONICAL_INTENTS for phrase in agent.usersays(name))
    assert [t for t, n in texts.items() if n > 1] == []
    texts_add = {"".join(c["text"] for c in p["data"]) for p in agent.usersays("AddItem")}
    assert any(re.fullmatch(r"add (two|three|four|six|five|ten) \w+ of .+", t) for t in texts_add)


def test_entry_files_are_lists_of_values_with_their_synonyms(agent):
    for path, data in agent.files.items():
        if path.endswith("_entries_en.json"):
            assert isinstance(data, list) and data, path
            for entry in data:
                assert set(entry) == {"value", "synonyms"}
                assert entry["value"] in entry["synonyms"]
                assert all(isinstance(s, str) and s for s in entry["synonyms"])
    for entity in ("product", "unit", "fulfillment"):
        meta = agent.files[f"entities/{entity}.json"]
        assert meta["name"] == entity and meta["isEnum"] is False and meta["isRegexp"] is False


def test_entities_hold_the_catalog_units_and_methods(agent, demo_products):
    products = agent.entries("product")
    said = [s for e in products for s in e["synonyms"]]
    assert [s for s, n in Counter(said).items() if n > 1] == []
    assert len(products) == len({e["value"] for e in products})
    values = {e["value"] for e in products}
    assert {"whole milk", "large brown eggs", "organic bananas", "creamy peanut butter"} <= values
    assert agent.files["entities/product.json"]["automatedExpansion"] is True
    assert [e["value"] for e in agent.entries("unit")] == list(CANONICAL_UNITS)
    methods = {e["value"]: e["synonyms"] for e in agent.entries("fulfillment")}
    assert set(methods) == {"pickup", "delivery"} and "curbside" in methods["pickup"]


def test_entry_cap_is_reported(tmp_path):
    notes = build_agent_zip(SMALL, tmp_path / "a.zip", max_entries=3)
    assert Agent(tmp_path / "a.zip").entries("product").__len__() == 3
    assert notes.values_exported == 3 and notes.left_out == 3
    assert any("no webhook URL" in w for w in notes.warnings)


def test_same_catalog_same_archive(tmp_path):
    build_agent_zip(SMALL, tmp_path / "a.zip")
    build_agent_zip(SMALL, tmp_path / "b.zip")
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()


def test_cli_writes_the_archive(tmp_path):
    if not DEMO_CATALOG.exists():
        pytest.skip("the demo catalog is not there yet (an empty database is seeded from it)")
    out = tmp_path / "out" / "agent.zip"
    result = CliRunner().invoke(export, ["dialogflow-agent", "--out", str(out), "--db",
                                         str(tmp_path / "shop.db"), "--webhook-url",
                                         "https://shop.example/dialogflow/es"])
    assert result.exit_code == 0, result.output
    agent = Agent(out)
    assert sorted(agent.intent_names()) == sorted(CANONICAL_INTENTS)
    assert "training_phrases" in result.stderr


def test_cli_needs_an_out_file(tmp_path):
    result = CliRunner().invoke(export, ["dialogflow-agent", "--db", str(tmp_path / "shop.db")])
    assert result.exit_code == 2 and "--out" in result.stderr


@pytest.mark.parametrize("phrase, intent", [("order my usual", "Reorder"),
                                            ("i want my regular order", "Reorder"),
                                            ("what did i order", "OrderStatus")])
def test_requests_alexa_carries_in_its_own_intents_still_train_the_agents_intent(agent, phrase,
                                                                                 intent):
    said = {"".join(d["text"] for d in entry["data"]) for entry in agent.usersays(intent)}
    assert phrase in said
