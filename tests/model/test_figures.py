"""Claimed figures with the real pipeline: what counts as a figure, what it counts, its hedge and claimant."""

from __future__ import annotations

import json
import math

import pytest

from presslens.analysis import analyze
from presslens.ingest import article_from_text

from ..conftest import ROOT

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def figures_of(nlp):
    def run(text: str):
        return analyze(article_from_text(text, published="2020-01-01"), nlp=nlp).figures

    return run


def one(figures):
    assert len(figures) == 1, [(f.text, f.value, f.unit) for f in figures]
    return figures[0]


@pytest.mark.parametrize("text, figure, value, unit, subject", [
    ("The city has 3,800 registered drivers.", "3,800", 3800, "driver", "registered drivers"),
    ("Turnout rose 7 percent in the last election.", "7 percent", 7, "percent", "Turnout"),
    ("The bridge cost $1.2bn to build.", "$1.2bn", 1.2e9, "USD", "The bridge"),
    ("The company reported £3.5m in revenue last year.", "£3.5m", 3.5e6, "GBP", "revenue"),
    ("The new tower is 320 metres tall.", "320 metres", 320, "metre", "The new tower"),
    ("One in five residents now commutes by bike.", "One in five", 20, "percent", "residents"),
    ("A fifth of the budget goes to roads.", "A fifth", 20, "percent", "the budget"),
    ("The new trains are twice as fast as the old ones.", "twice", 2, "times", "The new trains"),
    ("Dozens of residents protested outside the hall.", "Dozens", 24, None, None),
    ("Tens of thousands of residents lost power.", "Tens of thousands", 20000, None, None),
])
def test_each_kind_of_figure_with_its_value_unit_and_subject(figures_of, text, figure, value, unit, subject):
    f = one(figures_of(text))
    assert (f.text, f.unit) == (figure, unit)
    assert math.isclose(f.value, value)
    if subject is not None:
        assert f.subject == subject


def test_range_keeps_both_ends(figures_of):
    f = one(figures_of("Between 5 and 6 million refugees have left the country."))
    assert (f.value, f.value_high, f.unit) == (5e6, 6e6, "refugee")


@pytest.mark.parametrize("text, qualifier", [
    ("Around 300 residents attended the meeting.", "approximately"),
    ("Nearly 300 residents attended the meeting.", "approximately"),
    ("More than 300 residents attended the meeting.", "more than"),
    ("At least 300 residents attended the meeting.", "at least"),
    ("Up to 300 residents attended the meeting.", "at most"),
    ("Fewer than 300 residents attended the meeting.", "less than"),
    ("Exactly 300 residents attended the meeting.", None),
])
def test_hedges_become_qualifiers(figures_of, text, qualifier):
    assert one(figures_of(text)).qualifier == qualifier


@pytest.mark.parametrize("text", [
    "The bridge opened on June 6, 1955.",
    "The council met in 2019 and again in March 2020.",
    "The meeting starts at 10:30 a.m. on Tuesday.",
    "The team finished third and was ranked No. 1 last year.",
    "She bought an iPhone 4 and upgraded to iOS 5 and Windows 7.",
    "Mayor Lopez, 56, was re-elected.",
    "The mayor was 56 when she was elected.",
    "The two companies settled the dispute.",
    "One of the founders left the company.",
    "The strike lasted three weeks.",
])
def test_dates_ranks_times_names_ages_and_references_are_not_figures(figures_of, text):
    assert figures_of(text) == []


def test_a_duration_that_measures_something_is_a_figure(figures_of):
    f = one(figures_of("The phone offers seven hours of talk time."))
    assert (f.value, f.unit, f.subject) == (7, "hour", "talk time")


def test_claimant_is_whoever_the_figure_is_attributed_to(figures_of):
    f = one(figures_of("According to the transport department, about 40,000 cars cross the river every day."))
    assert (f.claimant_text, f.qualifier, f.unit) == ("transport department", "approximately", "car")
    f = one(figures_of("“We have built 12 new schools,” Mayor Lopez said."))
    assert f.claimant_text == "Lopez" and f.quote is not None
    f = one(figures_of("The city has 12 new schools."))
    assert f.claimant is None and f.claimant_text is None


def test_claim_is_what_is_said_of_the_figure(figures_of):
    assert one(figures_of("About 20 percent of residents now want a second bridge.")).claim == "now want a second bridge"
    assert one(figures_of("Bus fares rose 12 percent last year.")).claim == "Bus fares rose 12 percent last year"


# --- issue 8: direction, index levels, claims that end at their clause ----------------------------------


@pytest.mark.parametrize("text, figure, value, change", [
    ("Bus fares rose 3% in March.", "3%", 3, "+"),
    ("The index was down 0.4 percent at midday.", "0.4 percent", 0.4, "-"),
    ("Shares of the brewer shot up 16 percent on Monday.", "16 percent", 16, "+"),
    ("The jobless rate fell to 16.9 percent in June.", "16.9 percent", 16.9, "-"),
    ("Copper slid 2.1 percent to $5,738 a tonne.", "$5,738", 5738, "-"),
    ("The council approved a 24 percent cut in spending.", "24 percent", 24, "-"),
    ("The jobless rate was 16.9 percent, down from 18.2 percent.", "18.2 percent", 18.2, None),
    ("About 20 percent of residents now want a second bridge.", "20 percent", 20, None),
    ("Ticket sales were 3 percent higher than a year earlier.", "3 percent", 3, "+"),
])
def test_a_figure_keeps_its_direction_and_an_unsigned_value(figures_of, text, figure, value, change):
    f = next(f for f in figures_of(text) if f.text == figure)
    assert (f.value, f.change) == (value, change)


@pytest.mark.parametrize("text, figure, subject_word", [
    ("Near 1750 GMT the Dow stood at 18,104.10 points.", "18,104.10", "Dow"),
    ("The S&P 500 closed at 2,104.5 on Friday.", "2,104.5", "S&P"),
    ("The FTSE 100 index ended the day at 7,412.", "7,412", "FTSE"),
])
def test_index_levels_are_points_not_counts(figures_of, text, figure, subject_word):
    f = next(f for f in figures_of(text) if f.text.startswith(figure))
    assert (f.unit, f.kind) == ("points", "measure")
    assert f.subject and subject_word in f.subject


@pytest.mark.parametrize("text, figure, claim_ends", [
    ("Near 1750 GMT the Dow stood at 18,104.10 points.", "18,104.10", "18,104.10 points"),
    ("The 16GB version is priced at $199 in the United States.", "$199", "$199 in the United States"),
])
def test_a_claim_ends_at_its_clause_boundary_not_mid_phrase(figures_of, text, figure, claim_ends):
    f = next(f for f in figures_of(text) if f.text == figure)
    assert f.claim.endswith(claim_ends), f.claim


def test_parenthetical_conversion_shares_the_hedge(figures_of):
    figures = figures_of("The laptop weighs less than 3 lbs (1.36 kg).")
    assert [(f.text, f.qualifier) for f in figures] == [("3 lbs", "less than"), ("1.36 kg", "less than")]


def test_figure_offsets_point_into_the_text(figures_of):
    text = "Officials said 1,200 people and $4m in aid arrived, about a third of what was needed."
    for f in figures_of(text):
        assert text[f.start : f.end] == f.text
        assert text[f.sentence[0] : f.sentence[1]].startswith("Officials")


def test_seed_gold_figure(seed_analysis):
    gold = json.loads((ROOT / "data" / "gold" / "figures" / "000_9ee82df7129644d2.json").read_text())["figures"]
    assert len(seed_analysis.figures) == len(gold) == 1
    f, g = seed_analysis.figures[0], gold[0]
    text = seed_analysis.article.text
    assert (f.start, f.end) == tuple(g["span"])
    assert (f.value, f.unit, f.qualifier) == (g["value"], g["unit"], g["qualifier"])
    assert f.subject == text[slice(*g["subject"])] == "Syrian citizens abroad"
    assert f.claimant_text == "Russian authorities" and f.claimant is not None
    assert f.claim == "now wish to return to their homeland"
