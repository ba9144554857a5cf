"""skill.alexa.envelope builds the same ask-sdk-model objects as the SDK's own deserializer
from the once-parsed body, and writes the same response JSON."""
from __future__ import annotations

import json

import pytest
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import RequestEnvelope
from ask_sdk_model.ui import SimpleCard
from ask_sdk_core.response_helper import ResponseFactory

from catalog.jsontext import dumps, loads
from skill.alexa.envelope import EnvelopeSerializer
from skill.tester.envelopes import (alexa_envelope, alexa_intent_request, alexa_launch_request,
                                    alexa_session_ended_request, alexa_slot)

SDK = DefaultSerializer()


def _envelopes() -> list[dict]:
    slots = {"Item": alexa_slot("Item", "whole milk", authority_type="PRODUCT",
                                application_id="amzn1.ask.skill.x"),
             "Quantity": alexa_slot("Quantity", "2"), "Unit": alexa_slot("Unit")}
    intent = alexa_envelope(alexa_intent_request("AddItemIntent", slots), user_id="u1",
                            session_id="s1", new=False, application_id="amzn1.ask.skill.x")
    launch = alexa_envelope(alexa_launch_request(), user_id="u2", session_id="s2", new=True,
                            application_id="amzn1.ask.skill.x")
    ended = alexa_envelope(alexa_session_ended_request(), user_id="u3", session_id="s3",
                           new=False, application_id="amzn1.ask.skill.x")
    odd = json.loads(json.dumps(intent))
    odd["request"]["timestamp"] = "2026-12-06T01:02:03.250+01:00"  # not Alexa's usual form
    odd["request"]["intent"]["slots"]["Quantity"]["value"] = 2  # a number where text belongs
    odd["context"]["System"]["device"]["unknownField"] = {"kept": True}
    odd["somethingNew"] = [1, 2]
    odd["session"]["attributes"] = {"k": [1, {"a": None}]}
    return [intent, launch, ended, odd]


@pytest.mark.parametrize("envelope", _envelopes(), ids=["intent", "launch", "ended", "odd"])
def test_same_objects_as_the_sdk(envelope: dict) -> None:
    ours = EnvelopeSerializer().request_envelope(loads(json.dumps(envelope).encode()))
    theirs = SDK.deserialize(json.dumps(envelope), RequestEnvelope)
    assert type(ours.request) is type(theirs.request)
    assert ours.request.timestamp == theirs.request.timestamp
    assert SDK.serialize(ours) == SDK.serialize(theirs)
    assert ours == theirs  # the models compare every field
    assert vars(ours.context.system.device) == vars(theirs.context.system.device)


@pytest.mark.parametrize("payload", [
    {"request": {"type": "IntentRequest", "intent": {"name": "X", "confirmationStatus": "NOT_AN_ENUM"}}},
    {"request": {"requestId": "r"}},  # no type: no request class
    {"request": {"type": "IntentRequest", "timestamp": "yesterday-ish"}},
])
def test_what_the_sdk_refuses_is_refused(payload: dict) -> None:
    with pytest.raises(Exception):
        SDK.deserialize(json.dumps(payload), RequestEnvelope)
    with pytest.raises(Exception):
        EnvelopeSerializer().request_envelope(payload)


def test_same_response_json_as_the_sdk() -> None:
    factory = ResponseFactory()
    factory.speak("caf\u00e9 <b>").ask("more?").set_card(SimpleCard("t", "c"))
    factory.set_should_end_session(False)
    from ask_sdk_model import ResponseEnvelope
    envelope = ResponseEnvelope(response=factory.response, version="1.0",
                                session_attributes={"a": 1})
    ours = EnvelopeSerializer().response_bytes(envelope)
    assert json.loads(ours) == json.loads(json.dumps(SDK.serialize(envelope)))


def test_body_parsing_accepts_what_the_standard_library_accepted() -> None:
    assert loads(b'{"a": NaN}')["a"] != loads(b'{"a": NaN}')["a"]  # NaN, as json.loads gives
    assert loads(b'{"a": "\\ud800"}') == {"a": "\ud800"}  # a lone surrogate escape
    # accepted as before (orjson reads an integer past 64 bits as a float)
    assert loads(b'{"n": 123456789012345678901234567890}')["n"] == pytest.approx(1.2345678901e29)
    with pytest.raises(ValueError):
        loads(b'{"a": ')
    assert json.loads(dumps({"s": "\ud800"})) == {"s": "\ud800"}


def test_every_ask_sdk_model_starts_with_values_a_blank_may_share() -> None:
    """skill.alexa.envelope copies a fresh instance's attributes for each object it builds,
    shallowly: safe only while every model's __init__ leaves None or an immutable value (a
    list made there would be shared by every request's objects)."""
    import importlib
    import inspect
    import pkgutil

    import ask_sdk_model

    models = 0
    for found in pkgutil.walk_packages(ask_sdk_model.__path__, "ask_sdk_model."):
        module = importlib.import_module(found.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__ or not hasattr(cls, "deserialized_types"):
                continue
            models += 1
            shared = {name: value for name, value in vars(cls()).items()
                      if value is not None and not isinstance(value, (str, int, float, bool, tuple))}
            assert not shared, f"{cls.__name__} starts with {shared}"
    assert models > 100  # the walk found the SDK's models
