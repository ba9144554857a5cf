"""Writing for the ear: numbers, prices, quantities, short product names and lists."""
from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from catalog.model import Product

MAX_SPEECH_CHARS = 7500  # Alexa allows 8,000 characters of output speech; leave headroom

_SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen twenty").split()
_UNIT_WORDS = {
    "pound": ("pound", "pounds"), "ounce": ("ounce", "ounces"),
    "fluid_ounce": ("fluid ounce", "fluid ounces"), "gallon": ("gallon", "gallons"),
    "half_gallon": ("half gallon", "half gallons"), "quart": ("quart", "quarts"),
    "pint": ("pint", "pints"), "liter": ("liter", "liters"), "milliliter": ("milliliter", "milliliters"),
    "kilogram": ("kilogram", "kilograms"), "gram": ("gram", "grams"), "dozen": ("dozen", "dozen"),
    "pack": ("pack", "packs"), "bag": ("bag", "bags"), "box": ("box", "boxes"), "can": ("can", "cans"),
    "bottle": ("bottle", "bottles"), "jar": ("jar", "jars"), "bunch": ("bunch", "bunches"),
    "loaf": ("loaf", "loaves"), "carton": ("carton", "cartons"), "case": ("case", "cases"),
    "head": ("head", "heads"), "piece": ("piece", "pieces"),
}
_SIZE_TAIL = re.compile(r"\s*[,(-]?\s*\d+(\.\d+)?\s*(oz|fl oz|lb|lbs|ct|gal|g|kg|ml|l|pk|pack)\b.*$", re.I)


def say_number(value: Decimal | float | int) -> str:
    """2 -> "two", 2.5 -> "two and a half", 0.5 -> "half a", 37 -> "37"."""
    value = Decimal(str(value))
    whole = int(value)
    frac = value - whole
    if frac == 0:
        return _SMALL[whole] if 0 <= whole <= 20 else str(whole)
    if frac == Decimal("0.5"):
        return "half a" if whole == 0 else f"{say_number(whole)} and a half"
    return format(value.normalize(), "f")


def say_price(amount: Decimal) -> str:
    """$7.58: every voice platform's text-to-speech reads this as dollars and cents."""
    amount = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"${amount:,.2f}"


def say_quantity(quantity: Decimal | float | int | None, unit: str | None, name: str) -> str:
    """"two gallons of Whole Milk", "a dozen Large Eggs", "three Lemons", "Whole Milk"."""
    q = Decimal(str(quantity)) if quantity is not None else Decimal(1)
    if unit:
        singular, plural = _UNIT_WORDS.get(unit, (unit.replace("_", " "), unit.replace("_", " ") + "s"))
        if q == 1:
            return f"a {singular} of {name}" if unit != "dozen" else f"a dozen {name}"
        word = singular if q == 1 or q == Decimal("0.5") else plural  # half a pound, 0.4 pounds
        sep = " " if unit == "dozen" else " of "
        return f"{say_number(q)} {word}{sep}{name}"
    if q == 1:
        return name
    return f"{say_number(q)} {name}"


def short_name(product: Product, max_words: int = 7) -> str:
    """A product name as a person would say it: no size suffix, no parentheses, not too long."""
    return shortened(product.name, max_words)


@lru_cache(maxsize=4096)
def shortened(name: str, max_words: int = 7) -> str:
    """short_name of a product called `name`. Remembered: a turn says the names of the lines
    it touches, and a cart read says every line's, turn after turn."""
    cut = _SIZE_TAIL.sub("", _PARENTHESES.sub(" ", name))
    words = cut.replace(",", " ").split()
    return " ".join(words[:max_words]) or name


def join_words(words: Sequence[str], conjunction: str = "and") -> str:
    words = [w for w in words if w]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"



def distinguishing_labels(products: Sequence[Product]) -> list[str]:
    """Labels that tell near-identical products apart, said as whole names ("White Sandwich
    Bread, White Bread or Potato Bread", never "White Sandwich, White or Potato"); where the
    names are alike, the brand and then the size are added ("Whole Milk, Meadow Valley, 1
    gal"). A word every option shares stays: a kind is only a name with its noun."""
    names = [short_name(p) for p in products]
    if not names:
        return []
    if len({name.lower() for name in names}) == len(names):
        return names
    brands = {p.brand for p in products}
    sizes = {p.size for p in products}
    labels = []
    for product, name in zip(products, names):
        parts = [name]
        if len(brands) > 1 and product.brand:
            parts.append(product.brand)
        if len(sizes) > 1 and product.size:
            parts.append(product.size)
        labels.append(", ".join(parts))
    if len({label.lower() for label in labels}) < len(labels):  # still alike: name and size
        return [f"{short_name(p)}{', ' + p.size if p.size else ''}" for p in products]
    return labels


def clip(text: str, limit: int = MAX_SPEECH_CHARS) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(". ", 1)[0]
    return cut.rstrip(".") + "."


# Characters XML 1.0 (so SSML) can't hold even escaped: control characters, lone surrogates
_PARENTHESES = re.compile(r"\([^)]*\)")
_UNSPEAKABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def speakable(text: str) -> str:
    """Text safe to put in SSML once escaped: a shopper's own words echoed back may carry
    control characters that no voice platform accepts."""
    return _UNSPEAKABLE.sub(" ", text)


def ssml_escape(text: str) -> str:
    return speakable(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def say_time(moment) -> str:
    """17:00 -> "5 PM", 17:30 -> "5:30 PM", 12:00 -> "noon"."""
    if moment.hour == 12 and moment.minute == 0:
        return "noon"
    hour = moment.hour % 12 or 12
    suffix = "AM" if moment.hour < 12 else "PM"
    return f"{hour} {suffix}" if moment.minute == 0 else f"{hour}:{moment.minute:02d} {suffix}"


def say_day(moment, now) -> str:
    """"today", "tomorrow", "Saturday" within a week, else "Saturday, November 28"."""
    days = (moment.date() - now.astimezone(moment.tzinfo).date()).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if 1 < days < 7:
        return moment.strftime("%A")
    return f"{moment.strftime('%A, %B')} {moment.day}"


def say_window(start, end, now) -> str:
    """A slot as people say it: "tomorrow between 5 and 6 PM"."""
    first, last = say_time(start), say_time(end)
    if first.endswith(last[-2:]) and first not in ("noon",) and last not in ("noon",):
        first = first[:-3]
    return f"{say_day(start, now)} between {first} and {last}"


# Names ending in "s" that are one thing ("there's no hummus in your cart")
_SINGULAR_S = frozenset({"hummus", "asparagus", "couscous", "molasses", "citrus", "swiss",
                         "grits", "oats", "news", "lettuce", "bass", "watercress", "octopus",
                         "gas", "floss", "glass", "brass", "moss", "cress"})


def is_plural(phrase: str) -> bool:
    """"eggs", "green beans" are plural; "milk", "hummus", "swiss" are not (plain English)."""
    words = phrase.lower().split()
    if not words:
        return False
    last = words[-1]
    return last.endswith("s") and not last.endswith(("ss", "us", "is")) and last not in _SINGULAR_S


def none_in_cart(phrase: str) -> str:
    """"there are no eggs in your cart", "there's no milk in your cart"."""
    return f"there are no {phrase} in your cart" if is_plural(phrase) \
        else f"there's no {phrase} in your cart"


def cart_size(count: int) -> str:
    """"Your cart is empty", "Your cart has one item", "Your cart has three items"."""
    if count == 0:
        return "Your cart is empty"
    return f"Your cart has {say_number(count)} item{'s' if count != 1 else ''}"


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]
