"""Reading quantities word by word (no model): one table per rule family, on sentences written for the test."""

from __future__ import annotations

import math

import pytest

from presslens.numbers import find_quantities, number_value


def read(text: str):
    """(words of the quantity, value, unit, kind, qualifier, high) for each quantity in space-split text."""
    words = text.split()
    return [(" ".join(words[q.start : q.end]), q.value, q.unit, q.kind, q.qualifier, q.high) for q in find_quantities(words)]


def only(text: str):
    found = read(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("words, value", [
    ("3,800", 3800), ("9.3", 9.3), ("1,250,000.5", 1250000.5), ("1.2bn", 1.2e9), ("5.6m", 5.6e6), ("300k", 3e5),
    ("twenty - five", 25), ("two hundred and five", 205), ("two hundred thousand", 2e5), ("a million", 1e6),
    ("five billion", 5e9), ("a dozen", 12), ("three dozen", 36), ("1/4", 0.25), ("5.6 m", 5.6e6),
])
def test_number_values(words, value):
    assert math.isclose(number_value(words.split()), value)


@pytest.mark.parametrize("words", ["", "many", "the", "5 6", "twenty five hundred some"])
def test_not_numbers(words):
    assert number_value(words.split()) is None


@pytest.mark.parametrize("text, expected", [
    ("around 20 percent of the refugees", ("20 percent", 20, "percent", "percent", "approximately", None)),
    ("turnout rose 7 per cent", ("7 per cent", 7, "percent", "percent", None, None)),
    ("a rise of 2.5 percentage points", ("2.5 percentage points", 2.5, "percentage point", "percent", None, None)),
    ("up to 10 % more", ("10 %", 10, "percent", "percent", "at most", None)),
])
def test_percentages(text, expected):
    assert only(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("the fund raised $ 1.2bn", ("$ 1.2bn", 1.2e9, "USD", "money", None, None)),
    ("it costs US $ 199", ("US $ 199", 199, "USD", "money", None, None)),
    ("it costs US$ 49 now", ("US$ 49", 49, "USD", "money", None, None)),
    ("a bill of £ 3m", ("£ 3m", 3e6, "GBP", "money", None, None)),
    ("more than € 40 million was spent", ("€ 40 million", 4e7, "EUR", "money", "more than", None)),
    ("priced at $ 199 USD", ("$ 199 USD", 199, "USD", "money", None, None)),
    ("they paid 300 dollars", ("300 dollars", 300, "USD", "money", None, None)),
    ("Wall Street expected 77 cents", ("77 cents", 0.77, "USD", "money", None, None)),
    ("a fine of 5,000 euros", ("5,000 euros", 5000, "EUR", "money", None, None)),
])
def test_money(text, expected):
    assert only(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("a 16 GB model", ("16 GB", 16, "GB", "measure", None, None)),
    ("a 3.5GHz chip", ("3.5GHz", 3.5, "GHz", "measure", None, None)),
    ("an 11.6 - inch screen", ("11.6 - inch", 11.6, "inch", "measure", None, None)),
    ("only 9.3 millimetres thick", ("9.3 millimetres", 9.3, "mm", "measure", None, None)),
    ("a 500,000 square foot data center", ("500,000 square foot", 5e5, "square foot", "measure", None, None)),
    ("326 pixels per inch", ("326 pixels per inch", 326, "pixel per inch", "measure", None, None)),
    ("louder than 120 dB", ("120 dB", 120, "dB", "measure", None, None)),
])
def test_measures(text, expected):
    assert only(text) == expected


def test_inches_written_as_in_only_before_punctuation():
    assert read("0.68 in ( 1.73 cm ) thick") == [
        ("0.68 in", 0.68, "inch", "measure", None, None), ("1.73 cm", 1.73, "cm", "measure", None, None)]
    assert read("5 in 10 homes")[0][2] == "percent"  # a ratio, not inches


@pytest.mark.parametrize("text, expected", [
    ("between 5 and 6 million refugees", ("between 5 and 6 million", 5e6, None, "count", None, 6e6)),
    ("5 to 6 million people", ("5 to 6 million", 5e6, None, "count", None, 6e6)),
    ("$ 10 - $ 20 each", ("$ 10 - $ 20", 10, "USD", "money", None, 20)),
    ("from 1.5 to 2 percent", ("1.5 to 2 percent", 1.5, "percent", "percent", None, 2)),
])
def test_ranges(text, expected):
    assert only(text) == expected


@pytest.mark.parametrize("text, words, value", [
    ("one in five voters", "one in five", 20),
    ("1 in 10 homes", "1 in 10", 10),
    ("about one out of every 200 customers", "one out of every 200", 0.5),
    ("a fifth of the budget", "a fifth", 20),
    ("two - thirds of voters", "two - thirds", 200 / 3),
    ("one - third of the rate", "one - third", 100 / 3),
    ("half of those polled", "half", 50),
    ("at half the price", "half", 50),
])
def test_ratios_and_fractions_become_percentages(text, words, value):
    got = only(text)
    assert got[0] == words and got[2] == "percent" and math.isclose(got[1], value)


@pytest.mark.parametrize("text, words, value", [
    ("twice as fast", "twice", 2), ("double the speed", "double", 2), ("four times faster", "four times", 4),
    ("three times as many", "three times", 3), ("triple the cost", "triple", 3),
])
def test_multiples(text, words, value):
    assert only(text)[:4] == (words, value, "times", "multiple")


@pytest.mark.parametrize("text, words, value", [
    ("dozens of people", "dozens", 24), ("hundreds of homes", "hundreds", 200),
    ("tens of thousands of protesters", "tens of thousands", 20000),
    ("hundreds of millions of dollars", "hundreds of millions", 2e8),
    ("tens of thousands fled", "tens of thousands", 20000),
])
def test_vague_number_words_are_lower_bounds(text, words, value):
    got = only(text)
    assert (got[0], got[1], got[4]) == (words, value, "at least")


@pytest.mark.parametrize("text, qualifier", [
    ("about 300 people", "approximately"), ("nearly 300 people", "approximately"), ("almost 300 people", "approximately"),
    ("some 300 people", "approximately"), ("an estimated 300 people", "approximately"),
    ("more than 300 people", "more than"), ("over 300 people", "more than"), ("at least 300 people", "at least"),
    ("up to 300 people", "at most"), ("no more than 300 people", "at most"), ("fewer than 300 people", "less than"),
    ("less than 300 people", "less than"), ("under 300 people", "less than"), ("300 people or more", "at least"),
    ("300 people", None),
])
def test_qualifiers(text, qualifier):
    assert read(text)[0][4] == qualifier


@pytest.mark.parametrize("text", [
    "the first time", "a third term", "twice before", "in the 1980s", "version 10.4.1", "at 10:30", "the 3G phone",
    "the iPhone 3GS", "no numbers here",
])
def test_not_quantities(text):
    assert read(text) == []


def test_a_year_is_not_a_ratio_denominator():
    assert all(q[2] != "percent" for q in read("ranked 1 in 2007"))
