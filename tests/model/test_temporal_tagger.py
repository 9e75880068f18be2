"""Time expressions in parsed text: direction from the governing verb, anchoring in order, the parse's vetoes,
and DATE/TIME mentions that agree with `times` in the analysis. Uses the real spaCy pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from presslens.analysis import analyze
from presslens.article import Article
from presslens.temporal import find_times

PUB = dt.date(2018, 8, 2)  # a Thursday


def times(nlp, text, published=PUB):
    return find_times(nlp(text), published=published)


@pytest.mark.parametrize("sentence, text, value", [
    ("The minister resigned on Friday.", "Friday", "2018-07-27"),
    ("The minister will resign on Friday.", "Friday", "2018-08-03"),
    ("Officials said they would meet on Friday.", "Friday", "2018-08-03"),
    ("The company plans to open the plant in March.", "March", "2019-03"),
    ("The factory is scheduled to reopen in June.", "June", "2019-06"),
    ("Sales fell sharply in June.", "June", "2018-06"),
    ("The new phone went on sale on Thursday.", "Thursday", "2018-08-02"),
    ("The museum will reopen on September 5.", "September 5", "2018-09-05"),
    ("Investigators found the wreck on May 3.", "May 3", "2018-05-03"),
])
def test_the_governing_verb_decides_the_direction(nlp, sentence, text, value):
    (time,) = times(nlp, sentence)
    assert (time.text, time.value) == (text, value), time.explanation


@pytest.mark.parametrize("sentence", [
    "Last week, the council met.", "last week the council met.", "The council met last week.",
    "LAST WEEK THE COUNCIL MET.",
])
def test_sentence_initial_and_lower_case_forms_alike(nlp, sentence):
    (time,) = times(nlp, sentence)
    assert (time.text.lower(), time.value, time.interval) == ("last week", "2018-W30", ["2018-07-23", "2018-07-29"])
    assert time.explanation == (
        f"'{time.text}' = the calendar week before publication (Thu 2 Aug 2018): Mon 23 – Sun 29 Jul 2018"
    )


def test_relative_times_count_from_the_last_placed_time(nlp):
    first, second, third = times(nlp, "On Monday, the board approved the merger. Two days later, the chairman "
                                      "resigned, and the following day the shares fell.")
    assert (first.value, first.anchor) == ("2018-07-30", "publication")
    assert (second.text, second.value, second.anchor) == ("Two days later", "2018-08-01", first.id)
    assert (third.text, third.value, third.anchor) == ("the following day", "2018-08-02", second.id)


def test_a_clock_time_takes_the_day_of_its_sentence(nlp):
    day, clock = times(nlp, "The vote will take place on Monday at 3 p.m.")
    assert day.value == "2018-08-06"
    assert (clock.type, clock.value, clock.anchor) == ("TIME", "2018-08-06T15:00", day.id)


@pytest.mark.parametrize("sentence, found", [
    ("The company hired 2000 workers in 2015.", [("2015", "2015")]),
    ("May I ask whether the deal may close in May?", [("May", "2019-05")]),
    ("The weekly magazine appears weekly.", [("weekly", "P1W")]),
    ("Tickets cost $5 a day. She waited a day.", [("a day", "P1D"), ("a day", "P1D")]),
    ("A second payment is due.", []),
    ("June Carter sang with Johnny Cash in 1968.", [("1968", "1968")]),
])
def test_the_parse_vetoes_what_is_not_a_time(nlp, sentence, found):
    got = times(nlp, sentence)
    assert [(t.text, t.value) for t in got] == found
    assert [t.type for t in got if t.text == "a day"] == (["SET", "DURATION"] if "$5" in sentence else [])


def test_an_expression_never_runs_across_a_line_break(nlp):
    got = times(nlp, "The report came out in June\n2019 was a good year.")
    assert [t.text for t in got] == ["June", "2019"]


def test_offsets_ids_and_explanations(nlp, seed_article):
    doc = nlp(seed_article.text)
    got = find_times(doc, published=seed_article.published_date)
    assert [t.id for t in got] == [f"t{i}" for i in range(1, len(got) + 1)]
    assert all(seed_article.text[t.start : t.end] == t.text for t in got)
    assert all(t.explanation.startswith(f"'{t.text}' = ") for t in got)
    assert [t.start for t in got] == sorted(t.start for t in got)


def test_the_seed_times(seed_analysis):
    by_text = {t.text: t for t in seed_analysis.times}
    assert (by_text["Wednesday"].value, by_text["Wednesday"].interval) == ("2018-08-01", ["2018-08-01", "2018-08-01"])
    assert (by_text["last week"].value, by_text["last week"].interval) == ("2018-W30", ["2018-07-23", "2018-07-29"])
    assert (by_text["last month"].value, by_text["last month"].interval) == ("2018-07", ["2018-07-01", "2018-07-31"])
    assert by_text["now"].value == "PRESENT_REF"


def test_without_a_publication_date_nothing_is_invented(nlp):
    got = times(nlp, "The council met last week and will vote on June 5, 2019. Two days later it adjourned.", None)
    assert [(t.text, t.value, t.interval) for t in got] == [
        ("last week", "XXXX-WXX", None),
        ("June 5, 2019", "2019-06-05", ["2019-06-05", "2019-06-05"]),
        ("Two days later", "2019-06-07", ["2019-06-07", "2019-06-07"]),
    ]
    assert "publication date unknown" in got[0].explanation


@pytest.mark.parametrize("text", ["", " ", "\n\n", "February 30 and April 31 and 2018-02-30 and 13/45/2018.",
                                  "“Unbalanced quotes on Monday", "31/31/31 99:99 a.m. the 0th century"])
def test_odd_input_never_crashes_nor_yields_an_invalid_interval(nlp, text):
    for time in times(nlp, text):
        if time.interval:
            first, last = (dt.date.fromisoformat(d) for d in time.interval)
            assert first <= last


# ------------------------------------------------------------ the analysis: mentions agree with times


def date_mentions(analysis):
    return [(m.start, m.end) for m in analysis.mentions if m.label in ("DATE", "TIME")]


def test_date_mentions_are_the_time_spans(seed_analysis):
    spans = [(t.start, t.end) for t in seed_analysis.times]
    assert date_mentions(seed_analysis) == spans
    assert all(m.actor is None for m in seed_analysis.mentions if m.label in ("DATE", "TIME"))


def test_mention_ids_stay_unique_ordered_and_actors_follow(seed_analysis):
    mentions = seed_analysis.mentions
    assert [m.id for m in mentions] == [f"m{i}" for i in range(1, len(mentions) + 1)]
    assert [(m.start, m.end) for m in mentions] == sorted((m.start, m.end) for m in mentions)
    by_id = {m.id: m for m in mentions}
    for actor in seed_analysis.actors:
        assert actor.mentions and all(by_id[m].actor == actor.id for m in actor.mentions)


def test_a_time_inside_a_name_keeps_the_name(nlp):
    analysis = analyze(Article(id="x", text="Jobs gave the keynote at WWDC 2005 on Monday.", published="2005-06-06"), nlp=nlp)
    names = [(m.start, m.end) for m in analysis.mentions if m.actor]
    for start, end in date_mentions(analysis):
        assert not any(s < end and start < e for s, e in names)
    assert "Monday" in [t.text for t in analysis.times]
