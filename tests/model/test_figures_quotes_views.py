"""The figures chart and quotes table builders: traces, labels, hover and click data, filters — not screenshots."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from components.figures_chart import (
    EMPTY, EMPTY_FILTERED, MARGIN, NOBODY, PANEL_GAP, TABLE_COLUMNS, figure_points, figures_figure, figures_frame,
)
from components.quotes_table import COLUMNS, UNATTRIBUTED, quotes_frame
from presslens.article import Article
from presslens.schema import Actor, Analysis, Figure, Quote

TEXT = (
    "According to officials, around 20 percent of <b>residents</b> want to leave. "
    "“We spent $ 1.2bn,” Lopez said. The city has 3,800 taxis and more than 40 buses. "
    "Lopez said the toll rose to 56."
)


def make_analysis(article_id="a", title="Story"):
    actors = [Actor("a1", "Anna Lopez", "PERSON", ["Lopez"], []), Actor("a2", "City Hall", "ORG", ["officials"], [])]
    sentence = [0, 76]
    figures = [
        Figure("f1", 30, 40, "20 percent", 20.0, "percent", "approximately", "<b>residents</b>", "a2", "officials",
               sentence, claim="want to leave", kind="percent"),
        Figure("f2", 88, 96, "$ 1.2bn", 1.2e9, "USD", None, None, "a1", "Lopez", [77, 109], kind="money"),
        Figure("f3", 123, 128, "3,800", 3800.0, "taxi", None, "taxis", None, None, [110, 157], kind="count"),
        Figure("f4", 148, 150, "40", 40.0, "bus", "more than", "buses", None, None, [110, 157], kind="count"),
        Figure("f5", 10, 20, "5 to 6 million", 5e6, None, None, "refugees", None, None, sentence, value_high=6e6,
               kind="count"),
    ]
    quotes = [
        Quote("q1", 0, 22, "According to officials", "a2", "officials", [13, 22], "according to", "indirect"),
        Quote("q2", 78, 94, "We spent $ 1.2bn,", "a1", "Lopez", [96, 101], "said", "direct"),
        Quote("q3", 170, 187, "the toll rose to 56", None, "someone", [158, 163], "said", "indirect", continues="q2"),
    ]
    article = Article(id=article_id, text=TEXT, title=title)
    return Analysis(article=article, sentences=[(0, 76)], actors=actors, figures=figures, quotes=quotes)


def marks(fig):
    """(trace name, marker symbol, x, y, customdata) for every marker (range lines have no customdata)."""
    out = []
    for trace in fig.data:
        if trace.customdata is None:
            continue
        for i in range(len(trace.x)):
            out.append((trace.name, trace.marker.symbol, trace.x[i], trace.y[i], list(trace.customdata[i])))
    return out


def test_comparable_figures_share_a_panel():
    fig = figures_figure(make_analysis())
    titles = [a.text for a in fig.layout.annotations]
    assert titles == ["percent", "USD", "counts (log scale)"]
    by_id = {m[4][1]: m for m in marks(fig)}
    axes = {data[1]: trace.xaxis for trace in fig.data if trace.customdata is not None for data in trace.customdata}
    assert axes["f3"] == axes["f4"] == axes["f5"] != axes["f1"]
    assert by_id["f3"][2] == 3800 and by_id["f2"][2] == 1.2e9


def test_hedged_values_get_their_own_marker():
    by_id = {m[4][1]: m for m in marks(figures_figure(make_analysis()))}
    assert by_id["f1"][:2] == ("approximately", "circle-open")
    assert by_id["f4"][:2] == ("more than / at least", "triangle-right")
    assert by_id["f3"][:2] == ("stated exactly", "circle")


def test_labels_name_subject_and_claimant():
    by_id = {m[4][1]: m for m in marks(figures_figure(make_analysis()))}
    assert by_id["f2"][3] == "$ 1.2bn · Anna Lopez"  # no subject: the figure's own words
    assert by_id["f3"][3] == f"taxis · {NOBODY}"


def test_a_range_is_drawn_from_low_to_high():
    fig = figures_figure(make_analysis())
    lines = [t for t in fig.data if t.customdata is None]
    assert [list(t.x) for t in lines] == [[5e6, 6e6]]


def test_counts_spanning_magnitudes_get_a_log_axis():
    fig = figures_figure(make_analysis())
    count_axis = next(t.xaxis for t in fig.data if t.customdata is not None and t.customdata[0][1] == "f3")
    layout_key = "xaxis" + count_axis[1:]
    assert fig.layout[layout_key].type == "log"


def test_click_data_maps_back_and_hover_shows_the_sentence_escaped():
    by_id = {m[4][1]: m for m in marks(figures_figure(make_analysis()))}
    data = by_id["f1"][4]
    assert data[:2] == ["a", "f1"]
    assert "&lt;b&gt;residents&lt;/b&gt;" in data[4]  # the subject, escaped
    assert data[7].startswith("According to officials, around 20 percent of &lt;b&gt;")  # the sentence
    assert "<b>" not in "".join(data[2:])


def test_actor_filter_keeps_figures_the_actor_claims():
    analysis = make_analysis()
    assert [p.figure_id for p in figure_points(analysis, actors=["a1"])] == ["f2"]
    assert [p.figure_id for p in figure_points(analysis, actors=["City Hall"])] == ["f1"]
    fig = figures_figure(analysis, actors=["nobody"])
    assert fig.layout.annotations[0].text == EMPTY_FILTERED


def test_no_figures_says_so():
    empty = Analysis(article=Article(id="e", text="Nothing."), sentences=[(0, 8)])
    assert figures_figure(empty).layout.annotations[0].text == EMPTY


def test_many_articles_are_told_apart():
    fig = figures_figure([make_analysis("a", "First story"), make_analysis("b", "Second story")])
    found = marks(fig)
    assert {m[4][0] for m in found} == {"a", "b"}
    assert len({m[3] for m in found}) == len(found)  # every row label unique
    assert any("Second story" in m[3] for m in found)


def test_figures_table_holds_the_charted_figures_as_text():
    frame = figures_frame(make_analysis())
    assert list(frame.columns) == TABLE_COLUMNS
    assert list(frame["figure_id"]) == ["f1", "f2", "f3", "f4", "f5"]
    first = frame.iloc[0]
    assert (first["figure"], first["value"], first["hedge"], first["of"], first["claim"], first["claimed by"]) == (
        "20 percent", 20.0, "approximately", "<b>residents</b>", "want to leave", "City Hall")  # plain text


def test_quotes_table_rows_lead_back_to_the_article():
    frame = quotes_frame(make_analysis())
    assert list(frame.columns) == COLUMNS
    assert list(frame["speaker"]) == ["City Hall", "Anna Lopez", "someone"]
    first = frame.iloc[1]
    assert (first["quote"], first["cue"], first["kind"], first["article_id"], first["quote_id"], first["start"],
            first["end"]) == ("We spent $ 1.2bn,", "said", "direct", "a", "q2", 78, 94)
    assert frame.iloc[2]["continues"] == "q2"


def test_quotes_table_filters_by_actor_and_kind():
    analysis = make_analysis()
    assert list(quotes_frame(analysis, actors=["a1"])["quote_id"]) == ["q2"]
    assert list(quotes_frame(analysis, actors=["Anna Lopez"])["quote_id"]) == ["q2"]
    assert list(quotes_frame(analysis, kinds=["indirect"])["quote_id"]) == ["q1", "q3"]
    assert quotes_frame(analysis, actors=["nobody"]).empty
    with pytest.raises(ValueError, match="unknown quote kind 'rumour'"):
        quotes_frame(analysis, kinds=["rumour"])


def test_unattributed_quote_is_labelled_so():
    analysis = make_analysis()
    quote = Quote("q9", 0, 5, "Hello", None, None, None, None, "direct")
    frame = quotes_frame(Analysis(article=analysis.article, sentences=[], quotes=[quote]))
    assert frame.iloc[0]["speaker"] == UNATTRIBUTED


def test_quotes_table_across_articles():
    frame = quotes_frame([make_analysis("a", "First"), make_analysis("b", "Second")])
    assert list(frame["article"]) == ["First"] * 3 + ["Second"] * 3


@pytest.mark.model
def test_seed_chart_and_table(seed_analysis):
    fig = figures_figure(seed_analysis)
    (mark,) = marks(fig)
    assert mark[0] == "approximately" and mark[2] == 20.0
    # the claimant is the group actor "Russian"; the label keeps the claim's own words
    assert mark[3] == "Syrian citizens abroad · Russian authorities"
    frame = quotes_frame(seed_analysis)
    assert len(frame) == len(seed_analysis.quotes)
    assert {"Mattis", "Frolov", "Putin"} <= {word for name in frame["speaker"] for word in name.split()}


def test_panels_are_spaced_in_pixels_so_titles_clear_the_axis_above():
    fig = figures_figure(make_analysis())
    domains = sorted((fig.layout[k].domain for k in fig.layout if k.startswith("yaxis")), reverse=True)
    inside = fig.layout.height - MARGIN["t"] - MARGIN["b"]
    gaps = [(upper[0] - lower[1]) * inside for upper, lower in zip(domains, domains[1:])]
    assert len(gaps) == 2 and all(gap == pytest.approx(PANEL_GAP) for gap in gaps)


def test_percent_axis_fits_the_values_from_zero():
    fig = figures_figure(make_analysis())
    axis = next(t.xaxis for t in fig.data if t.customdata is not None and t.customdata[0][1] == "f1")
    low, high = fig.layout["xaxis" + axis[1:]].range
    assert low == 0 and 20 < high < 30  # the seed's 20 percent, no longer squashed into a 0-100 axis


@pytest.mark.parametrize("values, low, high_below", [
    ([0.4], 0, 0.5), ([0.4, 2.1], 0, 2.5), ([16, 0.4], 0, 19), ([250], 0, 290),
])
def test_fitted_axis_keeps_small_changes_visible(values, low, high_below):
    from components.figures_chart import fitted_range

    members = [SimpleNamespace(value=v, high=None) for v in values]
    start, end = fitted_range(members)
    assert start == low and max(values) < end < high_below


@pytest.mark.parametrize(
    "actor, words, shown",
    [
        (Actor("a1", "Russian", "NORP", ["Russian"], []), "Russian authorities", "Russian authorities"),  # a group: its words
        (Actor("a1", "Anna Lopez", "PERSON", ["Lopez"], []), "she", "Anna Lopez"),  # a person: the name, not the pronoun
        (Actor("a1", "City Hall", "ORG", ["officials"], []), "officials", "City Hall"),
        (None, "analysts", "analysts"),  # words with no actor behind them
        (None, None, "the article"),  # nobody claims it: the article does
    ],
)
def test_who_a_figure_is_claimed_by(actor, words, shown):
    figure = Figure("f1", 0, 10, "20 percent", 20.0, "percent", None, "residents", actor and actor.id, words, [0, 30])
    analysis = Analysis(article=Article(id="a", text=TEXT), sentences=[(0, 76)], actors=[actor] if actor else [], figures=[figure])
    (point,) = figure_points(analysis)
    assert point.claimant == shown
