"""Spoken times -> local ISO strings in the store's zone, from a fixed `now`
(Wednesday 2026-11-25 10:00, America/New_York)."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from intents.parsing.parser import parse

NOW = datetime(2026, 11, 25, 10, 0)
TIMES = [
    ("pick it up tomorrow at five pm", {"time": "2026-11-26T17:00"}),
    ("pick it up tomorrow at 5 p.m.", {"time": "2026-11-26T17:00"}),
    ("deliver it at 5", {"time": "2026-11-25T17:00"}),
    ("deliver it at 9", {"time": "2026-11-26T09:00"}),  # 9 am has passed: tomorrow
    ("deliver it at 11", {"time": "2026-11-25T11:00"}),
    ("deliver it at 9 in the evening", {"time": "2026-11-25T21:00"}),
    ("deliver it at 5:30", {"time": "2026-11-25T17:30"}),
    ("deliver it at five thirty", {"time": "2026-11-25T17:30"}),
    ("deliver it at half past five", {"time": "2026-11-25T17:30"}),
    ("deliver it at quarter to six", {"time": "2026-11-25T17:45"}),
    ("deliver it at five o'clock", {"time": "2026-11-25T17:00"}),
    ("deliver it at 17:00", {"time": "2026-11-25T17:00"}),
    ("pick it up this evening", {"time": "2026-11-25T18:00"}),
    ("pick it up this afternoon", {"time": "2026-11-25T14:00"}),
    ("deliver tonight", {"time": "2026-11-25T20:00"}),
    ("pick it up at noon", {"time": "2026-11-25T12:00"}),
    ("pick it up saturday morning", {"time": "2026-11-28T09:00"}),
    ("deliver it on saturday", {"date": "2026-11-28"}),
    ("deliver it friday at 2 pm", {"time": "2026-11-27T14:00"}),
    ("deliver it next wednesday", {"date": "2026-12-02"}),
    ("deliver it wednesday", {"date": "2026-11-25"}),
    # today's weekday with a time already past (9 AM at 10 AM) is next week's, never the past
    ("deliver it wednesday morning", {"time": "2026-12-02T09:00"}),
    ("deliver it wednesday at 5", {"time": "2026-11-25T17:00"}),
    ("deliver it today at 9", {"time": "2026-11-25T09:00"}),
    ("deliver it tomorrow", {"date": "2026-11-26"}),
    ("deliver it the day after tomorrow", {"date": "2026-11-27"}),
    ("deliver it this weekend", {"date": "2026-11-28"}),
    ("deliver it on december 3rd", {"date": "2026-12-03"}),
    ("deliver it on the 2nd", {"date": "2026-12-02"}),
    ("deliver it on november 30 at 3 pm", {"time": "2026-11-30T15:00"}),
    ("pick it up in two hours", {"time": "2026-11-25T12:00"}),
    ("pick it up in 45 minutes", {"time": "2026-11-25T10:45"}),
    ("pick it up in an hour and a half", {"time": "2026-11-25T11:30"}),
    ("pick it up in half an hour", {"time": "2026-11-25T10:30"}),
    ("deliver it asap", {"time": "next_available"}),
    ("next available delivery", {"time": "next_available"}),
    ("the earliest slot for pickup", {"time": "next_available"}),
]


@pytest.mark.parametrize(("text", "expected"), TIMES)
def test_time_slots(text, expected):
    got = parse(text, now=NOW)
    assert got.intent == "SetFulfillment"
    assert {k: v for k, v in got.slots.items() if k in ("time", "date")} == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("tomorrow at five", "2026-11-26T17:00"),
    ("saturday morning", "2026-11-28T09:00"),
    ("at 5 pm", "2026-11-25T17:00"),
    ("how about 6 pm instead", "2026-11-25T18:00"),
    ("change the time to 6 pm", "2026-11-25T18:00"),
    ("noon", "2026-11-25T12:00"),
])
def test_a_time_on_its_own_sets_fulfillment_time(text, expected):
    got = parse(text, now=NOW)
    assert (got.intent, got.slots) == ("SetFulfillment", {"time": expected})


def test_now_in_another_zone_is_converted_to_the_store_zone():
    utc_now = datetime(2026, 11, 25, 15, 0, tzinfo=timezone.utc)  # 10:00 in New York
    assert parse("deliver it at 5", now=utc_now).slots["time"] == "2026-11-25T17:00"
    la = parse("deliver it at 5", now=utc_now, tz="America/Los_Angeles")  # 07:00 there
    assert la.slots["time"] == "2026-11-25T17:00"
    assert parse("pick it up in two hours", now=utc_now, tz="Europe/Paris").slots["time"] == \
        "2026-11-25T18:00"


def test_unknown_time_zone_falls_back_instead_of_failing():
    got = parse("deliver it at 5", now=datetime(2026, 11, 25, 10, 0), tz="Mars/Olympus_Mons")
    assert got.slots["time"] == "2026-11-25T17:00"


def test_default_now_is_the_current_time():
    got = parse("deliver it tomorrow")
    assert got.intent == "SetFulfillment" and len(got.slots["date"]) == 10


@pytest.mark.parametrize("text", ["make it 5", "add 5 apples", "the 5th one"])
def test_bare_numbers_are_not_times(text):
    assert parse(text, now=NOW).intent != "SetFulfillment"
