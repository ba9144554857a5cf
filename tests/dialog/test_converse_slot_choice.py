"""Choosing a time like people do (issue 17, item 2): offers and questions hold nothing; a
choice holds; switching between pickup and delivery keeps the day and time."""
from __future__ import annotations

SHOP = "add two gallons of whole milk and a dozen large white eggs"


def holds(runtime) -> int:
    return runtime.db().execute("select count(*) from slot_holds").fetchone()[0]


def test_pickup_with_no_time_offers_the_two_earliest_and_holds_nothing(say, runtime):
    say(SHOP)
    say("check out")
    offer = say("pickup")
    assert "today between 11 AM and noon" in offer["speech"]
    assert "today between noon and 1 PM" in offer["speech"]
    assert offer["speech"].endswith("?")
    assert holds(runtime) == 0

    chosen = say("the second one")

    assert "between noon and 1 PM" in chosen["speech"] and "Shall I place the order" in chosen["speech"]
    assert holds(runtime) == 1


def test_a_time_instead_of_an_offered_slot_is_taken(say, runtime):
    say("pickup")
    reply = say("tomorrow morning")
    assert "tomorrow between 9 and 10 AM" in reply["speech"]
    assert holds(runtime) == 1


def test_spoken_times_resolve(say):
    for said, heard in (("pickup tomorrow morning", "tomorrow between 9 and 10 AM"),
                        ("pickup tonight after 6", "today between 6 and 7 PM"),
                        ("pickup saturday afternoon", "Saturday between 2 and 3 PM"),
                        ("pickup this weekend", "Saturday between 9 and 10 AM"),
                        ("pickup, the earliest", "today between 11 AM and noon")):
        reply = say(said, session=said)
        assert heard in reply["speech"], (said, reply["speech"])


def test_questions_about_times_are_answered_and_hold_nothing(say, runtime):
    friday = say("what times do you have friday")
    assert "Friday between" in friday["speech"] and friday["speech"].endswith("?")
    earliest = say("what's the earliest pickup")
    assert "today between 11 AM and noon" in earliest["speech"]
    assert holds(runtime) == 0
    taken = say("yes")  # a single slot offered: yes takes it
    assert "held" in taken["speech"] and holds(runtime) == 1


def test_a_listed_time_is_chosen_by_position(say, runtime):
    say("what times do you have friday")
    reply = say("the second one")
    assert "Friday between 8 and 9 AM" in reply["speech"], reply["speech"]
    assert holds(runtime) == 1


def test_switching_to_pickup_keeps_the_day_and_time(say, runtime):
    say(SHOP, user="demo")
    delivery = say("deliver it saturday morning", user="demo")
    assert "Saturday between 8 and 10 AM" in delivery["speech"]
    switched = say("switch to pickup", user="demo")
    assert "pickup" in switched["speech"] and "Saturday between 8 and 9 AM" in switched["speech"]
    back = say("actually deliver it", user="demo")
    assert "Saturday between 8 and 10 AM" in back["speech"], back["speech"]
    assert holds(runtime) == 1


def test_an_unreserved_choice_is_not_asked_again_at_checkout(say, runtime, orders):
    """Past the slot's hold cap the choice is remembered, not held: checkout reads it back
    (and placing the order books it, since the slot still has room) instead of asking
    pickup or delivery again."""
    for other in ("bo", "cy"):  # two holds: the cap of a 4-place pickup slot
        say("pickup tomorrow at five pm", user=other, session=other)
    say(SHOP)
    chosen = say("pickup tomorrow at five pm")
    assert "can't hold it" in chosen["speech"]

    checkout = say("check out")

    assert "pickup or delivery" not in checkout["speech"].lower()
    assert "tomorrow between 5 and 6 PM" in checkout["speech"]
    say("yes")
    [order] = orders()
    assert order["fulfillment"]["slot_start"].startswith("2026-11-26T17:00")
