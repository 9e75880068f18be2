"""The timeline chart builder: traces, their data, hover and click data — not a screenshot."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from components.timeline_chart import BAR_WIDTH, EMPTY_UNDATED, PUBLICATION, timeline_figure, timeline_rows
from components.times_table import COLUMNS as TIMES_COLUMNS
from components.times_table import NOT_PLACED, times_frame
from presslens.article import Article
from presslens.schema import Actor, Analysis, Event, Time

DAY_MS = 86_400_000


def make_analysis(article_id="a", *, published="2018-08-02", title="Story"):
    times = [
        Time("t1", 0, 9, "Wednesday", "DATE", "2018-08-01", ["2018-08-01", "2018-08-01"], "day", "publication",
             "'Wednesday' = the Wednesday before publication: Wed 1 Aug 2018"),
        Time("t2", 20, 29, "last week", "DATE", "2018-W30", ["2018-07-23", "2018-07-29"], "week", "publication",
             "'last week' = the calendar week before publication: Mon 23 – Sun 29 Jul 2018"),
        Time("t3", 40, 50, "last month", "DATE", "2018-07", ["2018-07-01", "2018-07-31"], "month", "publication",
             "'last month' = the calendar month before publication: July 2018"),
    ]
    events = [
        Event("e1", "the <b>summit</b> in Helsinki", 41, 48, "summit", "t3", ["2018-07-01", "2018-07-31"], ["a2"], kind="happening"),
        Event("e2", "Mattis indicated he was considering a meeting", 10, 19, "indicated", "t2",
              ["2018-07-23", "2018-07-29"], ["a3"], kind="statement"),
        Event("e3", "Russia unveiled new efforts", 1, 8, "unveiled", "t1", ["2018-08-01", "2018-08-01"], ["a1", "a2"]),
        Event("e4", "Publication of “Story”", 0, 0, "", None, [published, published] if published else None, [],
              kind=PUBLICATION),
        Event("e5", "an undated happening", 60, 65, "happened", None, None, ["a1"]),
    ]
    actors = [Actor("a1", "Russia", "GPE", ["Russia"], []), Actor("a2", "Putin", "PERSON", ["Putin"], []),
              Actor("a3", "Jim Mattis", "PERSON", ["Mattis"], [])]
    article = Article(id=article_id, text="x" * 80, title=title, published=published)
    return Analysis(article=article, sentences=[(0, 80)], actors=actors, times=times, events=events)


def points(fig):
    """(trace name, kind, y, x or (base, length), customdata) for every mark in the figure."""
    out = []
    for trace in fig.data:
        for i, y in enumerate(trace.y):
            where = (trace.base[i], trace.x[i]) if trace.type == "bar" else trace.x[i]
            out.append((trace.name, trace.type, y, where, list(trace.customdata[i])))
    return out


def test_days_are_points_and_periods_are_spans_of_their_days():
    fig = timeline_figure(make_analysis())
    marks = {tuple(m[4][:2]): m for m in points(fig)}
    month = marks[("a", "e1")]
    week = marks[("a", "e2")]
    day = marks[("a", "e3")]
    assert month[1] == "bar" and month[3] == ("2018-07-01", 31 * DAY_MS)
    assert week[1] == "bar" and week[3] == ("2018-07-23", 7 * DAY_MS)
    assert day[1] == "scatter" and day[3] == "2018-08-01 12:00"
    assert ("a", "e5") not in marks  # an undated event cannot be placed
    assert fig.layout.xaxis.type == "date"


def test_rows_run_in_timeline_order_with_labels_on_the_axis():
    fig = timeline_figure(make_analysis())
    order = {m[4][1]: m[2] for m in points(fig)}
    assert order["e1"] < order["e2"] < order["e3"] < order["e4"]
    ticks = dict(zip(fig.layout.yaxis.tickvals, fig.layout.yaxis.ticktext))
    assert ticks[order["e2"]] == "Mattis indicated he was considering a meeting"
    assert fig.layout.yaxis.autorange == "reversed"


def test_hover_shows_label_time_expression_and_explanation_escaped():
    fig = timeline_figure(make_analysis())
    data = {m[4][1]: m[4] for m in points(fig)}
    week = data["e2"]
    assert week[2] == "Mattis indicated he was considering a meeting"
    assert week[3] == "Mon 23 – Sun 29 Jul 2018 “last week”"
    assert week[4] == "'last week' = the calendar week before publication: Mon 23 – Sun 29 Jul 2018"
    assert data["e1"][2] == "the &lt;b&gt;summit&lt;/b&gt; in Helsinki"
    assert all("%{customdata[2]}" in t.hovertemplate and "%{customdata[4]}" in t.hovertemplate for t in fig.data)


def test_coloured_by_first_actor_with_the_publication_apart():
    fig = timeline_figure(make_analysis(), color_by="actor")
    by_trace = {}
    for name, _, _, _, data in points(fig):
        by_trace.setdefault(name, []).append(data[1])
    assert by_trace == {"Putin": ["e1"], "Jim Mattis": ["e2"], "Russia": ["e3"], PUBLICATION: ["e4"]}
    assert sum(1 for t in fig.data if t.showlegend is not False) == 4


def test_coloured_by_kind():
    fig = timeline_figure(make_analysis(), color_by="kind")
    assert {t.name for t in fig.data} == {"happening", "statement", PUBLICATION}
    with pytest.raises(ValueError, match="color_by"):
        timeline_figure(make_analysis(), color_by="mood")


def test_the_actor_filter_takes_ids_or_names():
    by_id = [r.event_id for r in timeline_rows(make_analysis(), actors=["a2"])]
    by_name = [r.event_id for r in timeline_rows(make_analysis(), actors=["Putin"])]
    assert by_id == by_name == ["e1", "e3"]
    fig = timeline_figure(make_analysis(), actors=["Jim Mattis"])
    assert [m[4][1] for m in points(fig)] == ["e2"]


def test_many_articles_on_one_axis_keep_their_ids():
    fig = timeline_figure([make_analysis("a", title="First"), make_analysis("b", title="Second")])
    keys = [tuple(m[4][:2]) for m in points(fig)]
    assert len(keys) == len(set(keys)) == 8
    assert {k[0] for k in keys} == {"a", "b"}
    assert any(t.endswith("· Second") for t in fig.layout.yaxis.ticktext)


def test_nothing_dated_says_why():
    fig = timeline_figure(make_analysis(published=None), actors=["nobody"])
    assert not fig.data
    assert fig.layout.annotations[0].text == EMPTY_UNDATED


def test_the_seed_timeline(seed_analysis):
    rows = timeline_rows(seed_analysis)
    assert [r.first for r in rows] == sorted(r.first for r in rows)
    assert rows[-1].kind == PUBLICATION and rows[-1].first == dt.date(2018, 8, 2)
    fig = timeline_figure(seed_analysis)
    week = next(m for m in points(fig) if "Mattis" in m[4][2])
    assert week[3] == ("2018-07-23", 7 * DAY_MS)
    assert "calendar week before publication" in week[4][4]


def test_legend_names_are_escaped():
    analysis = make_analysis()
    actors = [replace(a, name="<b>Russia</b>") if a.id == "a1" else a for a in analysis.actors]
    fig = timeline_figure(replace(analysis, actors=actors))
    assert "&lt;b&gt;Russia&lt;/b&gt;" in {t.name for t in fig.data}
    assert not any("<b>" in t.name for t in fig.data)


def test_times_table_lists_every_time_with_its_reasoning():
    frame = times_frame(make_analysis())
    assert list(frame.columns) == TIMES_COLUMNS
    assert list(frame["expression"]) == ["Wednesday", "last week", "last month"]  # text order
    week = frame.iloc[1]
    assert (week["when"], week["value"], week["events"], week["time_id"]) == (
        "Mon 23 – Sun 29 Jul 2018", "2018-W30", "Mattis indicated he was considering a meeting", "t2")
    assert week["explanation"].startswith("'last week' = the calendar week before publication")


def test_times_table_lists_unplaced_times_as_not_placed():
    analysis = make_analysis(published=None)
    undated = Time("t9", 70, 79, "last year", "DATE", "XXXX", None, "year", None,
                   "'last year' = the year before publication; publication date unknown, so it is not placed")
    frame = times_frame(replace(analysis, times=[*analysis.times, undated]))
    assert frame.iloc[-1]["when"] == NOT_PLACED and frame.iloc[-1]["value"] == "XXXX"


def test_times_table_across_articles():
    frame = times_frame([make_analysis("a", title="First"), make_analysis("b", title="Second")])
    assert list(frame["article_id"]) == ["a"] * 3 + ["b"] * 3


def test_bars_are_one_row_thick_however_far_apart():
    """Plotly sizes bars by the gap between a trace's bars unless told: one actor's two far rows made
    a bar several rows thick."""
    fig = timeline_figure([make_analysis("a"), make_analysis("b")])
    assert all(t.width == BAR_WIDTH for t in fig.data if t.type == "bar")


# ------------------------------------------------------------ the first view spans the article's real dates


def _dated(event_id, first, last=None, kind="happening"):
    return Event(event_id, f"event {event_id}", 0, 1, "x", None, [first, last or first], [], kind=kind)


def _analysis_of(*events, published="2016-03-18"):
    article = Article(id="m", text="x" * 10, title="Markets", published=published)
    return Analysis(article=article, sentences=[(0, 10)], events=list(events))


def test_a_far_outlier_is_left_off_the_first_view_listed_and_noted():
    analysis = _analysis_of(
        _dated("e1", "1750-01-01", "1750-12-31"), _dated("e2", "2016-03-15"), _dated("e3", "2016-03-07", "2016-03-13"),
        _dated("e4", "2016-03-18", kind=PUBLICATION), _dated("e5", "2016-04-01", "2016-04-30"),
    )
    fig = timeline_figure(analysis)
    first, last = (dt.datetime.fromisoformat(d).date() for d in fig.layout.xaxis.range)
    assert dt.date(2016, 2, 1) <= first <= dt.date(2016, 3, 7) and dt.date(2016, 4, 30) < last <= dt.date(2016, 6, 1)
    assert len(fig.layout.yaxis.ticktext) == 5  # the outlier is still a row
    (note,) = fig.layout.annotations
    assert "1750 (1 event)" in note.text


@pytest.mark.parametrize("years", [
    ["1931", "1939", "1957", "1968", "1981", "1996", "2009", "2018"],  # an obituary's decades
    ["1911", "1987", "2009", "2016", "2018"],  # a company's history in a merger story
    ["2018"],
])
def test_real_dates_spread_over_decades_stay_on_the_view(years):
    events = [_dated(f"e{i}", f"{y}-06-01") for i, y in enumerate(years)]
    fig = timeline_figure(_analysis_of(*events, _dated("p", "2018-08-02", kind=PUBLICATION), published="2018-08-02"))
    assert fig.layout.xaxis.range is None and not fig.layout.annotations
