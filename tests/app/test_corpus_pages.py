"""The corpus pages in Streamlit's AppTest over a library of 31 stored articles (the seed and 30 written
for these tests, tests/corpus_articles.py): each page runs, obeys the actor filter, outlets and dates
from the URL, and shows one row per real event and per quote however many outlets carry it."""

from __future__ import annotations

import pytest

from components.state import ACTORS_KEY
from presslens.corpus.stored import load_corrections

from ..corpus_articles import OUTLETS, QUOTE, write_corpus
from .test_dashboard import app, library, ran, stored  # noqa: F401 (fixtures)

PROFILE, TIMELINE = "components/pages/profile.py", "components/pages/corpus_timeline.py"
CLAIMS, QUOTES = "components/pages/claims.py", "components/pages/corpus_quotes.py"
pytestmark = pytest.mark.model


@pytest.fixture
def corpus_app(app, library):
    write_corpus(library)
    return app


def on(at, page, **params):
    ran(at)
    for k, v in params.items():
        at.query_params[k] = v
    ran(at.switch_page(page))
    assert not at.error, [e.value for e in at.error]
    return at


def frames(at):
    return [d.value for d in at.dataframe]


def test_every_corpus_page_runs_over_31_articles(corpus_app, library):
    for page in (PROFILE, TIMELINE, CLAIMS, QUOTES):
        on(corpus_app, page)
    assert len(stored(library).list()) == 31


def test_corpus_timeline_shows_one_row_per_real_event(corpus_app):
    at = on(corpus_app, TIMELINE)
    placed = frames(at)[0]
    helsinki = placed[placed["event"].str.contains("Putin") & placed["when"].str.startswith("2018-07-16")]
    assert len(helsinki) == 1 and helsinki["reports"].iloc[0] >= 4
    # our three outlets, and the seed (Breitbart) reports the same meeting
    assert set(OUTLETS) <= set(helsinki["outlets"].iloc[0].split(", "))


def test_quotes_carried_by_three_outlets_are_one_row(corpus_app):
    at = on(corpus_app, QUOTES)
    (frame,) = frames(at)
    mine = frame[frame["quote"].str.contains("useful meeting")]
    assert len(mine) == 1 and QUOTE in mine["quote"].iloc[0]
    assert all(o in mine["carriers"].iloc[0] for o in OUTLETS)


def test_claims_compared_flags_outlets_that_disagree(corpus_app):
    at = on(corpus_app, CLAIMS)
    flagged = [m.value for m in at.markdown if "outlets disagree" in m.value]
    assert any("refugees" in f for f in flagged)


def test_actor_filter_selects_one_entity_by_exact_name(corpus_app):
    corpus_app.session_state[ACTORS_KEY] = ["Putin"]
    at = on(corpus_app, PROFILE)
    assert "Vladimir Putin" in at.selectbox(key="profile_entity").format_func(at.selectbox(key="profile_entity").value)
    at = on(at, QUOTES)
    (frame,) = frames(at)
    assert set(frame["speaker"]) == {"Vladimir Putin"}


def test_outlet_and_dates_from_the_url(corpus_app):
    at = on(corpus_app, TIMELINE, outlet="Morning Post", **{"from": "2018-07-10", "to": "2018-07-25"})
    placed = frames(at)[0]
    assert set(o for row in placed["outlets"] for o in row.split(", ")) == {"Morning Post"}
    assert at.query_params["outlet"] in ("Morning Post", ["Morning Post"])


def test_a_split_in_the_profile_is_stored(corpus_app, library):
    at = on(corpus_app, PROFILE, entity="")
    at.selectbox(key="profile_split_in").set_value(at.selectbox(key="profile_split_in").options[0])
    ran(at)
    at.button(key="profile_split").click()
    ran(at)
    assert [c.kind for c in load_corrections(stored(library))] == ["split"]
