"""Speech written for the ear and for the platforms: prices as "$7.58", SSML-safe once escaped,
and within Alexa's 8,000 characters even for a very large cart."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from intents.dialog.speech import ssml_escape

ALEXA_LIMIT = 8000
PRICE = re.compile(r"\$[\d,]*\.?\d*")
WELL_FORMED_PRICE = re.compile(r"^\$\d{1,3}(,\d{3})*\.\d{2}$")


def prices(speech: str) -> list[str]:
    return [p.rstrip(".,") for p in PRICE.findall(speech)]


def assert_speakable(reply):
    for text in (reply["speech"], reply["reprompt"] or ""):
        assert len(text) <= ALEXA_LIMIT
        ET.fromstring(f"<speak>{ssml_escape(text)}</speak>")  # raises if not well-formed


CONVERSATION = [
    "add two gallons of whole milk and a dozen large white eggs",
    "add three bananas",
    "make that five",
    "how much is a gallon of whole milk",
    "what's the cheapest peanut butter",
    "add fresh thyme",
    "no",
    "add 99 chicken ramen",
    "what's in my cart",
    "yes",
    "check out for pickup",
]


def test_every_price_is_spoken_as_dollars_and_cents(say):
    spoken = []
    for text in CONVERSATION:
        spoken += prices(say(text, user="demo")["speech"])

    assert len(spoken) >= 10
    for price in spoken:
        assert WELL_FORMED_PRICE.match(price), price


def test_a_price_is_the_line_total_to_the_cent(say, cart):
    reply = say("add three hass avocados")  # 3 x $1.29

    assert "$3.87" in reply["speech"]
    assert cart()["items"][0]["line_total"] == pytest.approx(3.87)


def test_thousands_get_a_separator(say, cart, fill_cart):
    say("add 999 lobster tails")  # out of stock: nothing added, but no crash
    fill_cart(["MS0001"], quantity=300)  # 80/20 Ground Beef, $5.49 a pound: $1,647.00

    reply = say("what's in my cart")

    assert "$1,647.00" in reply["speech"]


@pytest.mark.parametrize("text", [
    "add milk & eggs", "add <b>bread</b>", "add half & half", "add m&m's", "how much is <x>",
    "add \"bananas\" > apples < pears", "add milk\x00\x07\x1b", "remove the <script>",
    "are <eggs> & <milk> in my cart", "blorp & <zorp>",
])
def test_replies_are_ssml_safe_once_escaped(say, text):
    say("add")  # "what would you like to add?": the next answer may be echoed back

    assert_speakable(say(text))
    assert_speakable(say(text))


def test_speech_is_plain_text_not_markup(say):
    """Adapters escape it for SSML; a reply that already held tags would be escaped into noise."""
    for text in ("add two gallons of whole milk", "what's in my cart", "help"):
        assert "<" not in say(text)["speech"]


@pytest.fixture
def sixty_item_cart(runtime, fill_cart):
    in_stock = [p.id for p in runtime.matchers.current().products if p.in_stock]
    fill_cart(in_stock[:60], user="demo", quantity=3)
    return in_stock[:60]


def test_a_sixty_item_cart_stays_within_the_limit_everywhere(say, cart, orders, sixty_item_cart):
    assert len(cart("demo")["items"]) == 60

    replies = [say("what's in my cart", user="demo")]
    for _ in range(12):
        replies.append(say("yes", user="demo"))
    replies += [say("check out for delivery", user="demo"), say("yes", user="demo")]
    assert len(orders("demo")) == 1
    replies += [say("reorder my last order", user="demo"), say("are eggs in my cart", user="demo"),
                say("help", user="demo"), say("stop", user="demo")]

    for reply in replies:
        assert_speakable(reply)
    assert sum("hear more" in r["speech"].lower() for r in replies) == 11  # 60 lines, 5 at a time


def test_the_longest_list_in_one_breath_stays_within_the_limit(say, cart, runtime):
    """The parser takes requests up to 600 characters (no one says more in one breath)."""
    names = sorted({p.name for p in runtime.matchers.current().products
                    if p.in_stock and re.fullmatch(r"[A-Za-z ]+", p.name)})
    text = "add " + names[0]
    for name in names[1:]:
        if len(text) + len(name) + 2 > 590:
            break
        text += ", " + name

    reply = say(text)

    assert_speakable(reply)
    assert len(cart()["items"]) >= 15


def test_a_long_echoed_phrase_is_cut_to_the_limit(say):
    say("add")

    reply = say("zq" * 2400)

    assert_speakable(reply)
