"""ActorScope: what a view keeps when the reader filters by actor; stepping through an actor's mentions."""

from __future__ import annotations

from dataclasses import replace

import pytest

from presslens.article import Article
from presslens.schema import Actor, Analysis, Event, Figure, Mention, Quote, Time
from presslens.scope import ActorScope, about, by_prominence, mentions_of, resolve_names, step

#        0         1         2         3         4         5         6         7         8
#        0123456789012345678901234567890123456789012345678901234567890123456789012345678901234
TEXT = "Mayor Jane Roe met Acme Corp. Roe said Acme would pay. Washington said 5 percent. Roe left."


def mention(id, text, label, actor, *, stands_for=None, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(text, start + 1)
    return Mention(id, start, start + len(text), text, label, actor, stands_for=stands_for)


MENTIONS = [
    mention("m1", "Jane Roe", "PERSON", "a1"),
    mention("m2", "Acme Corp", "ORG", "a2"),
    mention("m3", "Roe", "PERSON", "a1", nth=1),
    mention("m4", "Acme", "ORG", "a2", nth=1),
    mention("m5", "Washington", "GPE", "a3", stands_for="a4"),
    mention("m6", "5 percent", "PERCENT", None),
    mention("m7", "Roe", "PERSON", "a1", nth=2),
]
ACTORS = [
    Actor("a2", "Acme Corp", "ORG", ["Acme Corp", "Acme"], ["m2", "m4"]),
    Actor("a1", "Jane Roe", "PERSON", ["Jane Roe", "Roe"], ["m1", "m3", "m7"], roles=["Mayor"]),
    Actor("a3", "Washington", "GPE", ["Washington"], ["m5"]),
    Actor("a4", "U.S. government", "ORG", ["U.S. government"], []),
]
ANALYSIS = Analysis(
    article=Article("t", TEXT),
    sentences=[(0, 29), (30, 54), (55, 81), (82, 91)],
    mentions=MENTIONS,
    actors=ACTORS,
    quotes=[
        Quote("q1", 39, 53, "Acme would pay", "a1", "Roe", [30, 33], "said", "indirect"),
        Quote("q2", 66, 80, "5 percent", None, None, None, "said", "indirect"),
    ],
    figures=[Figure("f1", 71, 80, "5 percent", 5.0, "percent", None, None, "a3", "Washington", [55, 81])],
    events=[
        Event("e1", "met", 15, 18, "met", None, None, ["a1", "a2"]),
        Event("e2", "left", 86, 90, "left", None, None, ["a1"]),
    ],
)


def ids(records):
    return [r.id for r in records]


def test_no_filter_keeps_everything():
    scope = ActorScope(ANALYSIS)
    assert not scope.active
    assert ids(scope.mentions) == ids(MENTIONS)
    assert (ids(scope.quotes), ids(scope.figures), ids(scope.events)) == (["q1", "q2"], ["f1"], ["e1", "e2"])
    assert ids(scope.actors) == ["a1", "a2", "a3", "a4"]


@pytest.mark.parametrize(
    "chosen, mentions, quotes, figures, events",
    [
        ({"a1"}, ["m1", "m3", "m7"], ["q1"], [], ["e1", "e2"]),
        ({"a2"}, ["m2", "m4"], [], [], ["e1"]),
        ({"a3"}, ["m5"], [], ["f1"], []),
        ({"a4"}, ["m5"], [], [], []),  # "Washington" stands for the government
        ({"a1", "a3"}, ["m1", "m3", "m5", "m7"], ["q1"], ["f1"], ["e1", "e2"]),
    ],
)
def test_filter_keeps_the_chosen_actors_records(chosen, mentions, quotes, figures, events):
    scope = ActorScope(ANALYSIS, frozenset(chosen))
    assert scope.active
    assert ids(scope.mentions) == mentions
    assert (ids(scope.quotes), ids(scope.figures), ids(scope.events)) == (quotes, figures, events)
    assert set(ids(scope.actors)) == chosen


def test_mentions_of_an_actor_are_in_text_order_and_include_metonymy():
    assert ids(mentions_of(ANALYSIS, "a1")) == ["m1", "m3", "m7"]
    assert ids(mentions_of(ANALYSIS, "a4")) == ["m5"]
    assert mentions_of(ANALYSIS, "nobody") == []


def test_prominence_puts_the_most_mentioned_first_then_first_seen():
    assert ids(by_prominence(ANALYSIS)) == ["a1", "a2", "a3", "a4"]


@pytest.mark.parametrize(
    "names, expected",
    [
        (["Jane Roe"], ["a1"]),
        (["roe"], ["a1"]),  # an alias, any case
        (["  ACME   corp "], ["a2"]),
        (["Acme", "Jane Roe", "Acme Corp"], ["a2", "a1"]),  # order kept, repeats dropped
        (["Nobody", ""], []),
    ],
)
def test_resolve_names_accepts_names_and_aliases(names, expected):
    assert resolve_names(ANALYSIS, names) == expected


@pytest.mark.parametrize(
    "current, offset, by, expected",
    [
        ("m1", 0, 1, "m3"),
        ("m3", 0, 1, "m7"),
        ("m7", 0, 1, None),  # no wrapping past the end
        ("m3", 0, -1, "m1"),
        ("m1", 0, -1, None),
        (None, 0, 1, "m1"),
        (None, 30, 1, "m3"),  # from a selection elsewhere, Next goes on from there
        (None, 30, -1, "m1"),
        (None, 90, 1, None),
        ("m5", 60, 1, "m7"),  # a current mention of another actor counts as a place in the text
    ],
)
def test_step_through_an_actors_mentions(current, offset, by, expected):
    found = step(mentions_of(ANALYSIS, "a1"), current=current, offset=offset, by=by)
    assert (found.id if found else None) == expected


def test_step_with_no_mentions():
    assert step([], current=None) is None


DATED = replace(
    ANALYSIS,
    times=[Time("t1", 0, 3, "Monday", "DATE", "2020-01-06", ["2020-01-06"] * 2, "day", "publication", ""),
           Time("t2", 4, 8, "now", "DATE", "PRESENT_REF", None, None, None, "")],
    events=[*ANALYSIS.events[:1], replace(ANALYSIS.events[1], time="t1"),
            Event("e3", "Publication", 0, 0, "", None, ["2020-01-08"] * 2, [], kind="publication")],
)


@pytest.mark.parametrize(
    "names, quotes, figures, events, times",
    [
        ([], ["q1", "q2"], ["f1"], ["e1", "e2", "e3"], ["t1", "t2"]),  # no filter: everything
        (["  "], ["q1", "q2"], ["f1"], ["e1", "e2", "e3"], ["t1", "t2"]),
        (["roe"], ["q1"], [], ["e1", "e2", "e3"], ["t1"]),  # the publication frames the kept events
        (["Washington"], [], ["f1"], [], []),  # no event kept: no publication either
        (["U.S. government"], [], [], [], []),
        (["Nobody Here"], [], [], [], []),  # a filter this article has nobody for keeps nothing
    ],
)
def test_about_cuts_an_analysis_down_to_the_named_actors(names, quotes, figures, events, times):
    cut = about(DATED, names)
    assert (ids(cut.quotes), ids(cut.figures), ids(cut.events), ids(cut.times)) == (quotes, figures, events, times)
    assert (cut.mentions, cut.actors, cut.article) == (DATED.mentions, DATED.actors, DATED.article)
