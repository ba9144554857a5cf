"""Normalisation shared by catalog names and spoken phrases."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catalog.normalize import (
    MAX_TOKENS, MAX_WORD, content_tokens, fold, join_compounds, normalize, segments, singular,
    tokens, trim_stopwords,
)


@pytest.mark.parametrize("text, expected", [
    ("  WHOLE   Milk!! ", "whole milk"),
    ("Trader Joe's Two Percent Milks", "trader joe 2% milk"),
    ("two percent milk", "2% milk"),
    ("2 percent milk", "2% milk"),
    ("2% milk", "2% milk"),
    ("2 % milk", "2% milk"),
    ("one percent milk", "1% milk"),
    ("one hundred percent juice", "100% juice"),
    ("twenty five cents", "25 cent"),
    ("three eggs", "3 egg"),
])
def test_case_punctuation_numbers_and_percent(text, expected):
    assert normalize(text) == expected


@pytest.mark.parametrize("word, expected", [
    ("tomatoes", "tomato"), ("potatoes", "potato"), ("berries", "berry"),
    ("strawberries", "strawberry"), ("loaves", "loaf"), ("leaves", "leaf"),
    ("halves", "half"), ("cookies", "cookie"), ("brownies", "brownie"), ("peaches", "peach"),
    ("boxes", "box"), ("glasses", "glass"), ("olives", "olive"), ("cloves", "clove"),
    ("avocados", "avocado"), ("kiwis", "kiwi"), ("pies", "pie"), ("eggs", "egg"),
    ("apples", "apple"), ("cheerios", "cheerio"), ("quiches", "quiche"),
])
def test_plural_to_singular(word, expected):
    assert singular(word) == expected


@pytest.mark.parametrize("word", [
    "hummus", "asparagus", "molasses", "swiss", "couscous", "citrus", "octopus", "hibiscus",
    "grass", "bus", "gas", "oz", "2%", "7up",
])
def test_protected_and_short_words_keep_their_form(word):
    assert singular(word) == word


def test_singular_is_stable():
    for word in ("berries", "tomatoes", "loaves", "cookies", "glasses", "hummus", "kiwis"):
        assert singular(singular(word)) == singular(word)


@pytest.mark.parametrize("text, expected", [
    ("Café Crème Brûlée", "cafe creme brulee"),
    ("JALAPEÑO", "jalapeno"),
    ("🥛 milk 🥛", "milk"),
    ("mi\u200blk", "milk"),  # a zero-width space inside a word
    ("ｍｉｌｋ", "milk"),  # full-width letters
    ("Organic Spicy Jalepeño", "organic spicy jalepeno"),
    ("Ground Turkey \u0435gg", "ground turkey egg"),  # a Cyrillic "е" posing as Latin
    ("Straße", "strasse"),
    ("½ gallon", "1/2 gal"),
])
def test_unicode_is_folded_and_odd_characters_dropped(text, expected):
    assert normalize(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("mac 'n' cheese", "mac and cheese"),
    ("mac n cheese", "mac and cheese"),
    ("mac n' cheese", "mac and cheese"),
    ("Mac'n Cheese", "mac and cheese"),
    ("Mac & Cheese", "mac and cheese"),
    ("Half & Half", "half and half"),
    ("Penne w/ Spinach", "penne with spinach"),
    ("16 ounces", "16 oz"),
    ("16 oz.", "16 oz"),
    ("2 lbs", "2 lb"),
    ("a pound of grapes", "a lb of grape"),
    ("OJ", "orange juice"),
    ("bbq sauce", "barbecue sauce"),
    ("Ben & Jerry's", "ben and jerry"),
    ("ben and jerrys", "ben and jerry"),
    ("farmers' market", "farmer market"),
    ("O'Neil Farms", "oneil farm"),
])
def test_spoken_forms_abbreviations_and_possessives(text, expected):
    assert normalize(text) == expected


def test_segments_keep_catalog_commas():
    assert segments("Bread, Watsonville Sourdough") == [["bread"], ["watsonville", "sourdough"]]
    assert segments("85% Lean, 15% Fat Ground Turkey (013021)") == [
        ["85%", "lean"], ["15%", "fat", "ground", "turkey"], ["013021"]]


def test_stopwords_stay_in_tokens_but_not_in_content():
    toks = tokens("a bag of the bananas")
    assert toks == ["a", "bag", "of", "the", "banana"]
    assert content_tokens(toks) == ["bag", "banana"]
    assert trim_stopwords(tokens("the half and half please")) == ["half", "and", "half"]


@pytest.mark.parametrize("text", ["", "   ", "🦄🦄", "\x00\x01", "?!,.;", "\u200b\u200d"])
def test_nothing_to_read_gives_no_tokens(text):
    assert tokens(text) == []
    assert normalize(text) == ""


def test_huge_input_is_bounded():
    toks = tokens("milk " * 2000 + "x" * 5000)
    assert 0 < len(toks) <= MAX_TOKENS
    assert all(len(t) <= MAX_WORD for t in tokens("y" * 5000))


def test_sql_fragments_are_just_words():
    assert tokens("'; DROP TABLE products; --") == ["drop", "table", "product"]
    assert tokens("milk' OR '1'='1") == ["milk", "or", "1", "1"]


def test_fold_keeps_ascii_cheap_and_lowercase():
    assert fold("ABC\tdef\x07") == "abc def "


def test_join_compounds_uses_the_vocabulary():
    vocab = {"strawberry", "eggplant", "sourdough", "peanut", "cheerio", "icecream"}
    phrases = {("ice", "cream")}
    join = lambda text: join_compounds(tokens(text), vocab.__contains__,  # noqa: E731
                                       lambda a, b: (a, b) in phrases)
    assert join("straw berries") == ["strawberry"]
    assert join("egg plant") == ["eggplant"]
    assert join("sour dough bread") == ["sourdough", "bread"]
    assert join("pea nuts") == ["peanut"]
    assert join("ice cream") == ["ice", "cream"]  # already a phrase of the catalog
    assert join("green beans") == ["green", "bean"]  # "greenbean" is no catalog word
    assert join("half and half") == ["half", "and", "half"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_normalises_without_error_and_bounded(text):
    toks = tokens(text)
    assert len(toks) <= MAX_TOKENS
    assert all(tok and tok == tok.lower() and tok.isascii() and " " not in tok for tok in toks)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([
    "two", "percent", "milk", "berries", "tomatoes", "mac", "'n'", "&", "joe's", "hummus",
    "loaves", "of", "a", "2%", "oz", "ounces", "café", "w/", "OJ", "twenty", "five",
]), max_size=12).map(" ".join))
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once
