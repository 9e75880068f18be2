"""Each family of time-expression rules: (expression, publication date, tense) -> value and interval.

Expected values are worked out by hand from the calendar: the publication day used throughout is
Thursday 2 August 2018 (ISO week 31, Monday 30 July - Sunday 5 August).
"""

from __future__ import annotations

import datetime as dt

import pytest

from presslens.temporal import normalize
from presslens.temporal.calendar import from_value, period

PUB = dt.date(2018, 8, 2)
DAY = (None, None)


def day(iso: str) -> list[str]:
    return [iso, iso]


def check(text, value, interval, *, published=PUB, tense=None, previous=None):
    reading = normalize(text, published=published, tense=tense, previous=previous)
    assert reading is not None, f"{text!r} not recognised"
    assert (reading.value, reading.interval) == (value, interval), reading.because
    return reading


@pytest.mark.parametrize("text, value, interval", [
    ("August 1, 2018", "2018-08-01", day("2018-08-01")),
    ("1 August 2018", "2018-08-01", day("2018-08-01")),
    ("Wednesday, Aug. 1, 2018", "2018-08-01", day("2018-08-01")),
    ("the 1st of August, 2018", "2018-08-01", day("2018-08-01")),
    ("February 24 , 1955", "1955-02-24", day("1955-02-24")),
    ("2018-08-01", "2018-08-01", day("2018-08-01")),
    ("8/1/2018", "2018-08-01", day("2018-08-01")),
    ("8/1/99", "1999-08-01", day("1999-08-01")),  # two-digit years: the eighty before publication, twenty after
    ("8/1/37", "2037-08-01", day("2037-08-01")),
    ("July 2018", "2018-07", ["2018-07-01", "2018-07-31"]),
    ("June of 2009", "2009-06", ["2009-06-01", "2009-06-30"]),
    ("2018", "2018", ["2018-01-01", "2018-12-31"]),
    ("fiscal 2018", "2018", ["2018-01-01", "2018-12-31"]),
    ("the 1990s", "199", ["1990-01-01", "1999-12-31"]),
    ("the '90s", "199", ["1990-01-01", "1999-12-31"]),
    ("the nineties", "199", ["1990-01-01", "1999-12-31"]),
    ("the 21st century", "20", ["2000-01-01", "2099-12-31"]),
    ("the nineteenth century", "18", ["1800-01-01", "1899-12-31"]),
    ("summer 2018", "2018-SU", ["2018-06-01", "2018-08-31"]),
    ("the spring of 2014", "2014-SP", ["2014-03-01", "2014-05-31"]),
    ("winter 2017", "2017-WI", ["2017-12-01", "2018-02-28"]),
    ("the third quarter of 2018", "2018-Q3", ["2018-07-01", "2018-09-30"]),
    ("Q4 2017", "2017-Q4", ["2017-10-01", "2017-12-31"]),
    ("the first half of 2019", "2019-H1", ["2019-01-01", "2019-06-30"]),
    ("Christmas 2016", "2016-12-25", day("2016-12-25")),
    ("Easter 2019", "2019-04-21", day("2019-04-21")),
    ("Thanksgiving 2018", "2018-11-22", day("2018-11-22")),
])
def test_explicit_dates(text, value, interval):
    check(text, value, interval)


@pytest.mark.parametrize("text, value, interval", [
    ("today", "2018-08-02", day("2018-08-02")),
    ("yesterday", "2018-08-01", day("2018-08-01")),
    ("tomorrow", "2018-08-03", day("2018-08-03")),
    ("the day before yesterday", "2018-07-31", day("2018-07-31")),
    ("tonight", "2018-08-02TNI", day("2018-08-02")),
    ("this morning", "2018-08-02TMO", day("2018-08-02")),
    ("last night", "2018-08-01TNI", day("2018-08-01")),
    ("last week", "2018-W30", ["2018-07-23", "2018-07-29"]),
    ("Last week", "2018-W30", ["2018-07-23", "2018-07-29"]),
    ("LAST WEEK", "2018-W30", ["2018-07-23", "2018-07-29"]),
    ("this week", "2018-W31", ["2018-07-30", "2018-08-05"]),
    ("next week", "2018-W32", ["2018-08-06", "2018-08-12"]),
    ("last month", "2018-07", ["2018-07-01", "2018-07-31"]),
    ("this month", "2018-08", ["2018-08-01", "2018-08-31"]),
    ("next month", "2018-09", ["2018-09-01", "2018-09-30"]),
    ("last year", "2017", ["2017-01-01", "2017-12-31"]),
    ("this year", "2018", ["2018-01-01", "2018-12-31"]),
    ("next year", "2019", ["2019-01-01", "2019-12-31"]),
    ("last weekend", "2018-W30-WE", ["2018-07-28", "2018-07-29"]),
    ("this weekend", "2018-W31-WE", ["2018-08-04", "2018-08-05"]),
    ("last quarter", "2018-Q2", ["2018-04-01", "2018-06-30"]),
    ("next quarter", "2018-Q4", ["2018-10-01", "2018-12-31"]),
    ("the current quarter", "2018-Q3", ["2018-07-01", "2018-09-30"]),
    ("last decade", "200", ["2000-01-01", "2009-12-31"]),
    ("earlier this month", "2018-08", ["2018-08-01", "2018-08-01"]),
    ("later this month", "2018-08", ["2018-08-03", "2018-08-31"]),
    ("earlier this year", "2018", ["2018-01-01", "2018-08-01"]),
    ("earlier this week", "2018-W31", ["2018-07-30", "2018-08-01"]),
    ("the rest of the week", "2018-W31", ["2018-08-03", "2018-08-05"]),
    ("a week ago", "2018-W30", ["2018-07-23", "2018-07-29"]),
    ("two weeks ago", "2018-W29", ["2018-07-16", "2018-07-22"]),
    ("three days ago", "2018-07-30", day("2018-07-30")),
    ("two months ago", "2018-06", ["2018-06-01", "2018-06-30"]),
    ("a year ago", "2017", ["2017-01-01", "2017-12-31"]),
    ("about a decade ago", "200", ["2000-01-01", "2009-12-31"]),
    ("two days from now", "2018-08-04", day("2018-08-04")),
    ("the end of the year", "2018", ["2018-09-01", "2018-12-31"]),
    ("June last year", "2017-06", ["2017-06-01", "2017-06-30"]),
    ("last summer", "2017-SU", ["2017-06-01", "2017-08-31"]),
    ("this summer", "2018-SU", ["2018-06-01", "2018-08-31"]),
    ("next winter", "2018-WI", ["2018-12-01", "2019-02-28"]),
    ("last winter", "2017-WI", ["2017-12-01", "2018-02-28"]),
])
def test_relative_to_publication(text, value, interval):
    assert check(text, value, interval).anchor == "publication"


@pytest.mark.parametrize("text, tense, value", [
    # the weekday before or after publication, by tense; its own weekday is the day itself
    ("Wednesday", "past", "2018-08-01"),
    ("Wednesday", "future", "2018-08-08"),
    ("Wednesday", None, "2018-08-01"),  # nearest: one day back, six ahead
    ("Monday", None, "2018-07-30"),
    ("Sunday", None, "2018-08-05"),
    ("Friday", "future", "2018-08-03"),
    ("Friday", "past", "2018-07-27"),
    ("Friday", "present", "2018-08-03"),
    ("Thursday", "past", "2018-08-02"),
    ("Thursday", "future", "2018-08-02"),
    ("last Thursday", None, "2018-07-26"),
    ("next Thursday", None, "2018-08-09"),
    ("last Monday", None, "2018-07-30"),
    ("next Tuesday", "past", "2018-08-07"),
    ("this Friday", None, "2018-08-03"),
    ("Monday of last week", None, "2018-07-23"),
    ("wednesday", "past", "2018-08-01"),
    ("Tuesday night", "past", "2018-07-31TNI"),
])
def test_weekdays_by_tense(text, tense, value):
    reading = normalize(text, published=PUB, tense=tense)
    assert reading.value == value, reading.because
    assert reading.interval == day(value[:10])


@pytest.mark.parametrize("text, tense, value", [
    ("June", "past", "2018-06"),
    ("June", "future", "2019-06"),
    ("June", None, "2018-06"),
    ("December", None, "2018-12"),  # four months ahead is nearer than seven back
    ("August", "past", "2018-08"),
    ("August", "future", "2018-08"),
    ("last June", None, "2018-06"),
    ("last August", None, "2017-08"),
    ("next June", None, "2019-06"),
    ("June 17", "past", "2018-06-17"),
    ("June 17", "future", "2019-06-17"),
    ("17 June", "past", "2018-06-17"),
    ("September 5", None, "2018-09-05"),
    ("March 3", None, "2018-03-03"),
    ("Aug. 1", "past", "2018-08-01"),
    ("February 29", "past", "2016-02-29"),
    ("the fourth quarter", "past", "2017-Q4"),
    ("the fourth quarter", "future", "2018-Q4"),
    ("fourth-quarter", "past", "2017-Q4"),
    ("the second quarter", None, "2018-Q2"),
    ("Q3", None, "2018-Q3"),
    ("Christmas", "past", "2017-12-25"),
    ("Christmas", "future", "2018-12-25"),
    ("New Year's Eve", "past", "2017-12-31"),
    ("Halloween", "future", "2018-10-31"),
])
def test_months_and_yearless_dates_by_tense(text, tense, value):
    reading = normalize(text, published=PUB, tense=tense)
    assert reading.value == value, reading.because
    assert reading.interval == from_value(value).interval


@pytest.mark.parametrize("text, tense, value", [
    ("in the spring", "past", "2018-SP"),
    ("in the spring", "future", "2019-SP"),
    ("during the summer", None, "2018-SU"),
])
def test_seasons_by_tense(text, tense, value):
    assert normalize(text, published=PUB, tense=tense).value == value


@pytest.mark.parametrize("text, value", [
    ("early 2009", "2009"),
    ("late 2009", "2009"),
    ("mid-2011", "2011"),
    ("early June", "2018-06"),
])
def test_parts_keep_the_value_and_narrow_the_interval(text, value):
    reading = normalize(text, published=PUB, tense="past")
    whole = from_value(value)
    first, last = (dt.date.fromisoformat(d) for d in reading.interval)
    assert reading.value == value
    assert whole.first <= first <= last <= whole.last and (first, last) != (whole.first, whole.last)
    assert text.startswith("early") == (first == whole.first)
    assert text.startswith("late") == (last == whole.last)


@pytest.mark.parametrize("text, value", [
    ("two days later", "2018-06-06"),
    ("Two days later", "2018-06-06"),
    ("the following day", "2018-06-05"),
    ("the next day", "2018-06-05"),
    ("the previous day", "2018-06-03"),
    ("the day before", "2018-06-03"),
    ("that day", "2018-06-04"),
    ("the same day", "2018-06-04"),
    ("a week later", "2018-W24"),
    ("three years earlier", "2015"),
    ("the following year", "2019"),
    ("later that day", "2018-06-04"),
])
def test_counted_from_the_last_anchored_time(text, value):
    reading = normalize(text, published=PUB, previous="2018-06-04")  # Monday 4 June 2018, ISO week 23
    assert reading.value == value, reading.because
    assert reading.anchor == "t0"
    assert reading.interval == from_value(value).interval


def test_counted_from_publication_when_nothing_came_before():
    reading = normalize("the next day", published=PUB)
    assert (reading.value, reading.anchor) == ("2018-08-03", "publication")


def test_a_coarse_anchor_does_not_invent_a_day():
    reading = normalize("two days later", published=PUB, previous="2007")
    assert reading.value == "XXXX-XX-XX" and reading.interval is None
    assert "too coarse" in reading.because
    assert normalize("the following year", published=PUB, previous="2007").value == "2008"


@pytest.mark.parametrize("text, value", [
    ("two days", "P2D"),
    ("six months", "P6M"),
    ("three years", "P3Y"),
    ("five hours", "PT5H"),
    ("30 minutes", "PT30M"),
    ("a decade", "P10Y"),
    ("several weeks", "PXW"),
    ("18-month", "P18M"),
    ("two-year", "P2Y"),
    ("nearly three years", "P3Y"),
    ("more than a century", "P100Y"),
    ("half an hour", "PT30M"),
    ("for decades", "PXY"),
    ("decades-long", "PXY"),
    ("in two weeks", "P2W"),  # no tense looking ahead: a length of time
])
def test_durations(text, value):
    reading = normalize(text, published=PUB)
    assert (reading.type, reading.value, reading.interval) == ("DURATION", value, None)


@pytest.mark.parametrize("text, value, interval", [
    ("the past week", "P1W", ["2018-07-27", "2018-08-02"]),
    ("the past two weeks", "P2W", ["2018-07-20", "2018-08-02"]),
    ("the last three months", "P3M", ["2018-05-03", "2018-08-02"]),
    ("the next three months", "P3M", ["2018-08-02", "2018-11-01"]),
    ("the past decade", "P10Y", ["2008-08-03", "2018-08-02"]),
])
def test_durations_counted_from_publication_cover_their_days(text, value, interval):
    reading = check(text, value, interval)
    assert reading.type == "DURATION"


def test_in_n_units_ahead_is_a_date():
    reading = normalize("in two weeks", published=PUB, tense="future")
    assert (reading.type, reading.value) == ("DATE", "2018-W33")


@pytest.mark.parametrize("text, value", [
    ("weekly", "P1W"), ("daily", "P1D"), ("annually", "P1Y"), ("quarterly", "P3M"), ("every week", "P1W"),
    ("every other month", "P2M"), ("each month", "P1M"), ("every Monday", "XXXX-WXX-1"), ("Mondays", "XXXX-WXX-1"),
    ("twice a year", "P1Y"), ("per day", "P1D"), ("every morning", "XXXX-XX-XXTMO"),
])
def test_sets(text, value):
    reading = normalize(text, published=PUB)
    assert (reading.type, reading.value, reading.interval) == ("SET", value, None)


@pytest.mark.parametrize("text, value, interval", [
    ("now", "PRESENT_REF", day("2018-08-02")),
    ("currently", "PRESENT_REF", day("2018-08-02")),
    ("at the moment", "PRESENT_REF", day("2018-08-02")),
    ("recently", "PAST_REF", None),
    ("in the past", "PAST_REF", None),
    ("in recent weeks", "PAST_REF", None),
    ("soon", "FUTURE_REF", None),
    ("in the future", "FUTURE_REF", None),
    ("the coming weeks", "FUTURE_REF", None),
])
def test_vague_references(text, value, interval):
    check(text, value, interval)


@pytest.mark.parametrize("text, value", [
    ("3 p.m.", "2018-08-02T15:00"),
    ("10:30 a.m.", "2018-08-02T10:30"),
    ("9pm", "2018-08-02T21:00"),
    ("noon", "2018-08-02T12:00"),
    ("midnight", "2018-08-02T00:00"),
    ("at 14:30", "2018-08-02T14:30"),
    ("11:30 GMT", "2018-08-02T11:30"),
    ("5 p.m. yesterday", "2018-08-01T17:00"),
    ("10 a.m. Monday", "2018-07-30T10:00"),
])
def test_times_of_day(text, value):
    reading = normalize(text, published=PUB)
    assert (reading.type, reading.value, reading.interval) == ("TIME", value, day(value[:10]))


# ------------------------------------------------------------ no publication date: nothing invented


@pytest.mark.parametrize("text, value", [
    ("last week", "XXXX-WXX"),
    ("yesterday", "XXXX-XX-XX"),
    ("last month", "XXXX-XX"),
    ("last year", "XXXX"),
    ("Wednesday", "XXXX-WXX-3"),
    ("June", "XXXX-06"),
    ("June 17", "XXXX-06-17"),
    ("a week ago", "XXXX-WXX"),
    ("earlier this month", "XXXX-XX"),
    ("this summer", "XXXX-SU"),
    ("the fourth quarter", "XXXX-Q4"),
    ("3 p.m.", "XXXX-XX-XXT15:00"),
    ("the next day", "XXXX-XX-XX"),
    ("now", "PRESENT_REF"),
])
def test_without_publication_relative_times_stay_relative(text, value):
    reading = normalize(text, published=None, tense="past")
    assert (reading.value, reading.interval) == (value, None)
    assert "publication date unknown" in reading.because or value == "PRESENT_REF"


@pytest.mark.parametrize("text, value", [
    ("August 1, 2018", "2018-08-01"),
    ("2018", "2018"),
    ("the 1990s", "199"),
    ("summer 2018", "2018-SU"),
    ("8/1/18", "2018-08-01"),  # a year without its century: read in 1950-2049
    ("the '90s", "199"),
])
def test_without_publication_absolute_dates_still_resolve(text, value):
    reading = normalize(text, published=None)
    assert reading.value == value and reading.interval == from_value(value).interval


def test_without_publication_a_stated_date_still_anchors_what_follows():
    reading = normalize("two days later", published=None, previous="2018-06-04")
    assert (reading.value, reading.anchor) == ("2018-06-06", "t0")


def test_without_publication_durations_have_no_days():
    reading = normalize("the past two weeks", published=None)
    assert (reading.value, reading.interval) == ("P2W", None)


# ------------------------------------------------------------ impossible dates never crash


@pytest.mark.parametrize("text", [
    "February 30", "February 30, 2018", "April 31", "31 April 2019", "2018-02-30", "February 29, 2019",
])
def test_impossible_dates_are_kept_but_not_placed(text):
    reading = normalize(text, published=PUB, tense="past")
    assert (reading.value, reading.interval) == ("XXXX-XX-XX", None)
    assert "not a real date" in reading.because


@pytest.mark.parametrize("text", ["2018-13-01", "13/45/2018", "the 0th century", "0/0/2018", "February 45"])
def test_nonsense_is_not_a_time(text):
    assert normalize(text, published=PUB) is None


def test_leap_day_of_a_leap_year():
    assert normalize("February 29, 2020", published=PUB).value == "2020-02-29"


@pytest.mark.parametrize("published", [dt.date(9999, 12, 31), dt.date(1, 1, 1)])
@pytest.mark.parametrize("text", ["tomorrow", "next year", "yesterday", "last year", "the past decade", "next week", "June"])
def test_the_edges_of_the_calendar_give_no_invalid_interval(text, published):
    reading = normalize(text, published=published, tense="future")
    if reading.interval is not None:
        first, last = (dt.date.fromisoformat(d) for d in reading.interval)
        assert first <= last


def test_every_interval_is_a_valid_ordered_pair():
    texts = ["last week", "the 1990s", "early 2009", "earlier this month", "winter 2017", "the past decade",
             "later this month", "the end of the year", "Q4 2017", "this weekend", "in the spring"]
    for text in texts:
        reading = normalize(text, published=PUB, tense="past")
        first, last = (dt.date.fromisoformat(d) for d in reading.interval)
        assert first <= last, text


# ------------------------------------------------------------ the calendar underneath


@pytest.mark.parametrize("value, unit, first, last", [
    ("2018-W01", "week", "2018-01-01", "2018-01-07"),
    ("2020-W53", "week", "2020-12-28", "2021-01-03"),
    ("2018-W30-WE", "weekend", "2018-07-28", "2018-07-29"),
    ("2016-WI", "season", "2016-12-01", "2017-02-28"),
    ("2019-WI", "season", "2019-12-01", "2020-02-29"),
    ("2018-H2", "half", "2018-07-01", "2018-12-31"),
    ("201", "decade", "2010-01-01", "2019-12-31"),
    ("19", "century", "1900-01-01", "1999-12-31"),
    ("2018-08-01T10:00", "day", "2018-08-01", "2018-08-01"),
])
def test_values_name_their_days(value, unit, first, last):
    p = from_value(value)
    assert (p.unit, p.interval) == (unit, [first, last])


@pytest.mark.parametrize("value", ["P1M", "PRESENT_REF", "XXXX-WXX", "2018-02-30", "2018-W54", "nonsense", ""])
def test_non_dates_have_no_period(value):
    assert from_value(value) is None


def test_a_period_and_its_value_round_trip():
    for unit in ("day", "week", "weekend", "month", "quarter", "half", "season", "year", "decade", "century"):
        p = period(unit, PUB)
        assert from_value(p.value) == p, unit
