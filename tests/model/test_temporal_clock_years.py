"""Clock times are times of day, never years; a four-digit number is a year only where the words say so.

Sentences written for these tests (markets, forecasts, history, adverts); the expected readings are
worked out by hand. Publication day: Friday 18 March 2016.
"""

from __future__ import annotations

import datetime as dt

import pytest

from presslens.temporal import find_times, normalize

PUB = dt.date(2016, 3, 18)


@pytest.mark.parametrize("text, value", [
    ("1750 GMT", "2016-03-18T17:50"),
    ("0930 ET", "2016-03-18T09:30"),
    ("2215 CEST", "2016-03-18T22:15"),
    ("0600 local time", "2016-03-18T06:00"),
    ("at 14:30", "2016-03-18T14:30"),
    ("between 14:30", "2016-03-18T14:30"),
    ("9:15 ET", "2016-03-18T09:15"),
    ("2:30 p.m. ET", "2016-03-18T14:30"),
])
def test_clock_times_with_a_zone_or_the_24_hour_form(text, value):
    reading = normalize(text, published=PUB)
    assert (reading.type, reading.value, reading.interval) == ("TIME", value, [value[:10]] * 2), reading.because


@pytest.mark.parametrize("text", ["1750", "2016", "1902"])
def test_a_bare_four_digit_number_alone_reads_as_a_year_without_context(text):
    assert normalize(text, published=PUB).value == text


@pytest.mark.model
@pytest.mark.parametrize("sentence, found", [
    # clock times: a zone, a leading zero, a value no year takes, a day after it, a clock time beside it
    ("Near 1750 GMT the index stood at 6,912.40 points.", [("1750 GMT", "TIME", "2016-03-18T17:50")]),
    ("Shares opened 2 percent lower at 0930 ET.", [("0930 ET", "TIME", "2016-03-18T09:30")]),
    ("The ferry leaves at 0645.", [("0645", "TIME", "2016-03-18T06:45")]),
    ("The last train left at 2310.", [("2310", "TIME", "2016-03-18T23:10")]),
    ("Roads stay closed until 2000 on Sunday.", [("2000", "TIME", "2016-03-20T20:00"), ("Sunday", "DATE", "2016-03-20")]),
    ("Pools close between 1300 and 1700 during the heat.",
     [("1300", "TIME", "2016-03-18T13:00"), ("1700", "TIME", "2016-03-18T17:00")]),
    ("Counting ran from 18:00 to 23:30.", [("18:00", "TIME", "2016-03-18T18:00"), ("23:30", "TIME", "2016-03-18T23:30")]),
    # years: a preposition of time, a range, a noun they date; near the publication date a year is plain
    ("The mill was founded in 1874.", [("1874", "DATE", "1874")]),
    ("The treaty held from 1921 to 1939.", [("1921", "DATE", "1921"), ("1939", "DATE", "1939")]),
    ("Crowds gathered at the 1896 opera house.", [("1896", "DATE", "1896")]),
    ("The league was reformed in 2011 and again in 2014.", [("2011", "DATE", "2011"), ("2014", "DATE", "2014")]),
    # neither: a price, a level, a count, a model name, a phone number
    ("The index stood at 1750 points.", []),
    ("Gold rose to $1750 an ounce.", []),
    ("The firm sold 1850 tractors.", []),
    ("The Falcon 1600 can fly for an hour.", [("an hour", "DURATION", "PT1H")]),
    ("Readers can call 1800 555 019 for help.", []),
    ("The index closed at 2015, its lowest level.", []),
])
def test_four_digit_numbers_in_context(nlp, sentence, found):
    got = find_times(nlp(sentence), published=PUB)
    assert [(t.text, t.type, t.value) for t in got] == found, [t.explanation for t in got]


@pytest.mark.model
@pytest.mark.parametrize("sentence, because", [
    ("The mill was founded in 1874.", "'in' before it names a time"),
    ("The treaty held from 1921 to 1939.", "follows the year 1921"),
    ("Crowds gathered at the 1896 opera house.", "stands before a noun as its date"),
])
def test_a_year_far_from_publication_says_why_it_is_kept(nlp, sentence, because):
    far = [t for t in find_times(nlp(sentence), published=PUB) if t.type == "DATE"][-1]
    assert "kept although far from the publication date" in far.explanation and because in far.explanation


@pytest.mark.model
def test_a_year_near_publication_needs_no_reason(nlp):
    (year,) = find_times(nlp("The plant opened in 2009."), published=PUB)
    assert year.value == "2009" and "far from" not in year.explanation


@pytest.mark.model
def test_a_clock_time_with_no_day_in_its_sentence_takes_the_last_day_named(nlp):
    text = "The pipe burst on March 5. The alarm sounded at 12:55. Crews arrived at 14:10 on Monday."
    burst, alarm, crews, monday = find_times(nlp(text), published=PUB)
    assert (alarm.value, alarm.anchor) == ("2016-03-05T12:55", burst.id)
    assert (crews.value, crews.anchor) == ("2016-03-14T14:10", monday.id)


@pytest.mark.model
def test_a_far_year_is_dropped_from_an_undated_text_only_by_the_same_rule(nlp):
    # No publication date: "far" is measured from today; the clock time stays a clock time.
    got = find_times(nlp("Near 1750 GMT the index stood at 6,912.40 points."), published=None)
    assert [(t.text, t.value) for t in got] == [("1750 GMT", "XXXX-XX-XXT17:50")]
