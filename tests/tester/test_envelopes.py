"""The platform envelopes the tester sends: shapes per Amazon's and Google's references, and
free text mapped onto the Alexa and Dialogflow contracts (issues 7 and 9)."""
from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import IntentRequest, RequestEnvelope

from intents.parsing.parser import parse
from skill.tester import envelopes as env

NOW = datetime(2026, 11, 25, 15, 4, 5, tzinfo=timezone.utc)


def alexa_for(text: str) -> tuple[str, dict]:
    return env.alexa_intent_for(parse(text, None, now=NOW))


def values(slots: dict) -> dict:
    return {name: slot.get("value") for name, slot in slots.items()}


# --- Alexa ------------------------------------------------------------------------------------

def test_envelope_has_the_reference_fields_and_deserializes_with_the_sdk():
    intent, slots = alexa_for("add two gallons of whole milk")
    body = env.alexa_envelope(env.alexa_intent_request(intent, slots, now=NOW, request_id="r1"),
                              user_id="ann", session_id="s1", new=True)
    assert body["version"] == "1.0"
    assert body["session"] == {"new": True, "sessionId": "s1",
                               "application": {"applicationId": env.ALEXA_TESTER_APP_ID},
                               "attributes": {}, "user": {"userId": "ann"}}
    system = body["context"]["System"]
    assert set(system) == {"application", "user", "device", "apiEndpoint", "apiAccessToken"}
    assert set(system["device"]) == {"deviceId", "supportedInterfaces"}
    request = body["request"]
    assert request["type"] == "IntentRequest" and request["requestId"] == "r1"
    assert request["timestamp"] == "2026-11-25T15:04:05Z" and request["locale"] == "en-US"
    assert request["intent"]["confirmationStatus"] == "NONE"
    # Amazon's own model classes read it back
    envelope = DefaultSerializer().deserialize(json.dumps(body), RequestEnvelope)
    assert isinstance(envelope.request, IntentRequest)
    assert envelope.request.intent.slots["Item"].value == "whole milk"
    assert envelope.session.user.user_id == "ann"


def test_add_item_fills_item_quantity_and_unit_with_resolutions():
    intent, slots = alexa_for("add two gallons of whole milk")
    assert intent == "AddItemIntent"
    assert values(slots) == {"Item": "whole milk", "Quantity": "2", "Unit": "gallons",
                            "Target": None}
    item_authority = slots["Item"]["resolutions"]["resolutionsPerAuthority"][0]
    assert item_authority["status"]["code"] == "ER_SUCCESS_NO_MATCH"  # our matcher decides
    unit_authority = slots["Unit"]["resolutions"]["resolutionsPerAuthority"][0]
    assert unit_authority["status"]["code"] == "ER_SUCCESS_MATCH"
    assert unit_authority["values"] == [{"value": {"name": "gallon", "id": "gallon"}}]
    assert slots["Item"]["confirmationStatus"] == "NONE"


@pytest.mark.parametrize("text", [
    "add milk eggs and bread",                 # several items
    "add two and a half pounds of apples",     # AMAZON.NUMBER is whole numbers only
    "remove two and a half pounds of apples",  # AMAZON.NUMBER is whole numbers only
    "add a 2 liter of cola",                   # a size: sent as Quantity 1 it bought the 12-pack
    "add an 18 pack of eggs",                  # a pack's size
    "add a big tub of greek yogurt",           # a size word
    "check out for pickup at 5",               # CheckoutIntent has no slots
    "undo",                                    # no intent for it
])
def test_what_the_contract_cannot_express_goes_as_a_shopping_request(text):
    intent, slots = alexa_for(text)
    assert intent == "ShoppingRequestIntent"
    assert values(slots) == {"Query": text}


@pytest.mark.parametrize("text, intent, expected", [
    ("remove the eggs", "RemoveItemIntent",
     {"Item": "eggs", "Quantity": None, "Unit": None, "Target": None}),
    ("remove two apples", "RemoveItemIntent",
     {"Item": "apples", "Quantity": "2", "Unit": None, "Target": None}),
    ("make that three", "UpdateQuantityIntent", {"Item": None, "Quantity": "3", "Unit": None}),
    ("change the milk to two", "UpdateQuantityIntent", {"Item": "milk", "Quantity": "2", "Unit": None}),
    ("what's in my cart", "ReadCartIntent", {"Item": None}),
    ("are eggs in my cart", "ReadCartIntent", {"Item": "eggs"}),
    ("clear my cart", "ClearCartIntent", {}),
    ("check out", "CheckoutIntent", {}),
    ("where is my order", "OrderStatusIntent", {}),
    ("cancel my order", "CancelOrderIntent", {}),
    ("reorder my last order", "ReorderIntent", {}),
    ("the second one", "SelectOptionIntent", {"Option": "2", "Number": None}),
    ("number three", "SelectOptionIntent", {"Option": None, "Number": "3"}),
    ("how much is milk", "ProductInfoIntent", {"Item": "milk", "Quantity": None, "Unit": None}),
    ("pickup tomorrow at 5pm", "SetFulfillmentIntent",
     {"Method": "pickup", "Date": "2026-11-26", "Time": "17:00", "Target": None}),
    ("i want delivery", "SetFulfillmentIntent", {"Method": "delivery", "Date": None, "Time": None,
                                                  "Target": None}),
    ("yes", "AMAZON.YesIntent", {}), ("no", "AMAZON.NoIntent", {}),
    ("help", "AMAZON.HelpIntent", {}), ("stop", "AMAZON.StopIntent", {}),
    ("cancel", "AMAZON.CancelIntent", {}), ("blah blah", "AMAZON.FallbackIntent", {}),
])
def test_intents_and_every_declared_slot(text, intent, expected):
    got_intent, slots = alexa_for(text)
    assert got_intent == intent
    assert values(slots) == expected


def test_mapped_slots_read_back_through_the_alexa_adapter():
    from ask_sdk_model import Slot

    from skill.alexa.slots import to_parsed_request

    for text in ("add two gallons of whole milk", "pickup tomorrow at 5pm", "the second one",
                 "make that three"):
        parsed = parse(text, None, now=NOW)
        intent, slots = env.alexa_intent_for(parsed)
        sdk_slots = {name: DefaultSerializer().deserialize(json.dumps(slot), Slot)
                     for name, slot in slots.items()}
        back = to_parsed_request(intent, sdk_slots)
        assert back.intent == parsed.intent
        assert [(i.phrase, i.quantity, i.unit) for i in back.items] == \
            [(i.phrase, i.quantity, i.unit) for i in parsed.items]
        # The adapter also keeps the day on its own ("date"); it must agree with "time".
        day = back.slots.pop("date", None)
        assert back.slots == parsed.slots
        assert day is None or parsed.slots["time"].startswith(day)


def test_launch_and_session_ended_requests():
    launch = env.alexa_launch_request(now=NOW)
    assert launch["type"] == "LaunchRequest" and launch["requestId"].startswith("amzn1.echo-api.request.")
    ended = env.alexa_session_ended_request(now=NOW)
    assert ended["type"] == "SessionEndedRequest" and ended["reason"] == "USER_INITIATED"


def test_alexa_reply_reads_ssml_and_plain_text():
    response = {"version": "1.0", "response": {
        "outputSpeech": {"type": "SSML", "ssml": "<speak>Added <emphasis>Ben &amp; Jerry's</emphasis>.</speak>"},
        "reprompt": {"outputSpeech": {"type": "PlainText", "text": "Anything else?"}},
        "shouldEndSession": False}}
    assert env.alexa_reply(response) == ("Added Ben & Jerry's .", "Anything else?", False)
    assert env.alexa_reply({"response": {"shouldEndSession": True}}) == ("", None, True)


# --- Dialogflow ES ------------------------------------------------------------------------------

def test_dialogflow_webhook_request_shape():
    parsed = parse("add two gallons of whole milk", None, now=NOW)
    params = env.dialogflow_parameters_for(parsed)
    body = env.dialogflow_es_request(parsed.text, parsed.intent, params, session_id="abc",
                                     user_id="ann", response_id="rid")
    assert body["responseId"] == "rid"
    assert body["session"] == "projects/voicecart-tester/agent/sessions/abc"
    query = body["queryResult"]
    assert query["queryText"] == "add two gallons of whole milk"
    assert query["intent"]["displayName"] == "AddItem"
    assert query["intent"]["name"].startswith("projects/voicecart-tester/agent/intents/")
    assert query["parameters"] == {"item": "whole milk", "quantity": 2, "unit": "gallon",
                                   "target": ""}
    assert query["allRequiredParamsPresent"] is True
    assert query["languageCode"] == "en" and query["intentDetectionConfidence"] == 1.0
    assert query["outputContexts"] == []
    assert body["originalDetectIntentRequest"]["payload"] == {"userId": "ann"}


def test_dialogflow_parameters():
    def params(text: str) -> dict:
        return env.dialogflow_parameters_for(parse(text, None, now=NOW))

    assert params("pickup tomorrow at 5pm") == {
        "fulfillment": "pickup", "date": "2026-11-26T12:00:00-05:00",
        "time": "2026-11-26T17:00:00-05:00", "target": ""}
    assert params("the second one") == {"option": 2}
    assert params("add milk eggs and bread") == {"item": "", "quantity": "", "unit": "",
                                                "target": ""}
    assert params("add bread to my order")["target"] == "my order"
    assert params("add two and a half pounds of apples")["quantity"] == 2.5
    assert params("check out") == {}  # Checkout declares no parameters


def test_dialogflow_reply_and_contexts():
    assert env.dialogflow_reply({"fulfillmentText": "Hi"}) == ("Hi", None, None)
    assert env.dialogflow_reply({"fulfillmentMessages": [{"text": {"text": ["A", "B"]}}]})[0] == "A B"
    assert env.dialogflow_reply({"fulfillmentText": "Bye",
                                 "payload": {"google": {"expectUserResponse": False}}})[2] is True
    carried = env.next_output_contexts([{"name": "x", "lifespanCount": 2}, {"name": "y", "lifespanCount": 1}])
    assert carried == [{"name": "x", "lifespanCount": 1}]


def test_text_channel_body():
    assert env.converse_request("ann", "s", "hi") == {"user_id": "ann", "session_id": "s", "text": "hi"}


# --- Dialogflow CX ----------------------------------------------------------------------------

def test_cx_request_has_the_reference_fields_and_the_tag_is_the_intent():
    parsed = parse("add two gallons of whole milk", None, now=NOW)
    params = env.dialogflow_parameters_for(parsed)
    body = env.dialogflow_cx_request(parsed.text, parsed.intent, params, session_id="s9",
                                     user_id="ann", response_id="r9")
    assert set(body) == {"detectIntentResponseId", "intentInfo", "pageInfo", "sessionInfo",
                         "fulfillmentInfo", "text", "languageCode", "payload"}
    assert body["sessionInfo"]["session"].startswith("projects/voicecart-tester/locations/")
    assert body["sessionInfo"]["session"].endswith("/sessions/s9")
    assert body["fulfillmentInfo"] == {"tag": "AddItem"}
    assert body["sessionInfo"]["parameters"] == {"item": "whole milk", "quantity": 2,
                                                 "unit": "gallon", "target": ""}
    assert body["payload"] == {"userId": "ann"} and body["detectIntentResponseId"] == "r9"


def test_cx_reply_and_the_parameters_cx_keeps():
    answer = {"fulfillmentResponse": {"messages": [{"text": {"text": ["Added milk."]}}]},
              "sessionInfo": {"parameters": {"item": None, "end_session": True}}}
    assert env.dialogflow_cx_reply(answer) == ("Added milk.", None, True)
    assert env.dialogflow_cx_reply({"fulfillmentResponse": {"messages": []}}) == ("", None, None)
    held = {"item": "milk", "fulfillment": "pickup"}
    assert env.merged_cx_parameters(held, answer) == {"fulfillment": "pickup", "end_session": True}
    assert held == {"item": "milk", "fulfillment": "pickup"}  # the held ones are not changed
