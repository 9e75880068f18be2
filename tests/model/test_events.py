"""Events: what happened, placed on the times the text gives it, in timeline order. Real pipeline."""

from __future__ import annotations

import dataclasses

import pytest

from presslens.analysis import analyze
from presslens.article import Article

STORY = (
    "On Monday, the Springfield city council approved a new budget for the bridge. "
    "Mayor Ann Lowe said on Tuesday that work would start in March. "
    "Critics pointed to the governor's visit to Shelbyville last month."
)


@pytest.fixture(scope="module")
def story(nlp):
    return analyze(Article(id="story", text=STORY, published="2018-08-02", title="Council approves budget"), nlp=nlp)


def event_with(analysis, words):
    found = [e for e in analysis.events if words in e.label]
    assert len(found) == 1, [e.label for e in analysis.events]
    return found[0]


def test_the_seed_timeline_in_order(seed_analysis):
    events = seed_analysis.events
    summit = event_with(seed_analysis, "meeting with Vladimir Putin in Helsinki")
    remarks = event_with(seed_analysis, "Mattis indicated")
    proposal = event_with(seed_analysis, "Russia unveiled new efforts to return Syrian refugees")
    published = next(e for e in events if e.kind == "publication")
    assert summit.interval == ["2018-07-01", "2018-07-31"]
    assert remarks.interval == ["2018-07-23", "2018-07-29"]
    assert proposal.interval == ["2018-08-01", "2018-08-01"]
    assert published.interval == ["2018-08-02", "2018-08-02"]
    order = [e.id for e in events]
    assert order.index(summit.id) < order.index(remarks.id) < order.index(proposal.id) < order.index(published.id)
    assert [e.id for e in events] == [f"e{i}" for i in range(1, len(events) + 1)]


def test_seed_events_point_at_their_words(seed_analysis):
    text = seed_analysis.article.text
    times = {t.id: t for t in seed_analysis.times}
    actors = {a.id: a for a in seed_analysis.actors}
    for event in seed_analysis.events:
        if event.kind == "publication":
            continue
        assert text[event.start : event.end] == event.trigger
        start, end = event.sentence
        assert start <= event.start < end and start <= times[event.time].start < end
        assert event.interval == times[event.time].interval
        assert all(a in actors for a in event.actors)
    proposal = event_with(seed_analysis, "Russia unveiled")
    assert proposal.trigger == "unveiled" and times[proposal.time].text == "Wednesday"
    assert "Russia" in [actors[a].name for a in proposal.actors]


def test_labels_are_subject_verb_object_without_the_time(story):
    approved = event_with(story, "approved")
    assert approved.label == "the Springfield city council approved a new budget for the bridge"
    assert approved.interval == ["2018-07-30", "2018-07-30"] and approved.kind == "happening"


def test_a_dated_saying_is_a_statement(story):
    said = event_with(story, "said")
    assert said.label.startswith("Mayor Ann Lowe said") and said.kind == "statement"
    assert said.interval == ["2018-07-31", "2018-07-31"]
    assert [story.actor(a).name for a in said.actors] == ["Ann Lowe"]


def test_a_reported_plan_is_placed_ahead(story):
    (start,) = [e for e in story.events if e.label == "work would start"]
    assert start.interval == ["2019-03-01", "2019-03-31"]


def test_the_publication_is_an_event(story):
    (published,) = [e for e in story.events if e.kind == "publication"]
    assert published.label == "Publication of “Council approves budget”"
    assert (published.interval, published.time, published.actors) == (["2018-08-02", "2018-08-02"], None, [])


def test_without_a_publication_date_events_keep_no_interval(nlp, seed_article):
    undated = analyze(dataclasses.replace(seed_article, published=None), nlp=nlp)
    assert not [e for e in undated.events if e.kind == "publication"]
    proposal = event_with(undated, "Russia unveiled")
    assert proposal.interval is None
    assert "publication date unknown" in next(t for t in undated.times if t.id == proposal.time).explanation


def test_a_dateline_dates_the_article_not_an_event(nlp):
    text = "Airline cuts flights\nJune 6, 2005\nHarbor Airlines said on Monday that it will cut flights."
    analysis = analyze(Article(id="d", text=text, published="2005-06-06"), nlp=nlp)
    dated = [e for e in analysis.events if e.kind != "publication"]
    assert [e.trigger for e in dated] == ["said"]
    assert dated[0].label == "Harbor Airlines said it will cut flights"


def test_vague_times_place_no_event(nlp):
    analysis = analyze(Article(id="v", text="Prices recently rose. Prices now fall. Prices will soon rise.",
                               published="2018-08-02"), nlp=nlp)
    assert [e.kind for e in analysis.events] == ["publication"]


def test_round_trip_through_json(story):
    from presslens.schema import Analysis

    again = Analysis.from_dict(story.to_dict())
    assert again.events == story.events and again.times == story.times


def test_a_time_in_a_sentence_without_a_verb_stops_at_the_root(nlp):
    """The climb to the governing verb stops at the root of a verbless line: it once looped for ever,
    because a spaCy Token is a new object on every access (a root is never `is` its own head)."""
    text = "Acme Corp in Paris on Monday.\nTalks in Berlin on Friday."
    analysis = analyze(Article(id="verbless", text=text, published="2020-01-02"), nlp=nlp)
    assert [t.text for t in analysis.times] == ["Monday", "Friday"]
    # a company is no happening; talks are, and the event noun carries the label
    assert [(e.kind, e.label) for e in analysis.events] == [("publication", "Publication of this article"), ("happening", "Talks in Berlin")]
