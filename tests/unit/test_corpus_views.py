"""Corpus timeline, claims compared, quotes across the corpus and the actor profile, on hand-built
analyses of short texts written for these tests."""

from __future__ import annotations

from presslens.corpus.claims import compare_claims
from presslens.corpus.entities import link_entities
from presslens.corpus.profile import appearances, by_period, co_occurring, network
from presslens.corpus.query import CorpusQuery
from presslens.corpus.quotes import corpus_quotes
from presslens.corpus.timeline import corpus_timeline
from tests.corpus_fixtures import Event, Figure, Quote, actor, analysis

QUOTE = "The talks were a success and we will continue them next year"

T1 = f"Donald Trump met Vladimir Putin in Helsinki on Monday. About 20 percent of Syrian refugees abroad want to return, Russian officials said. Putin said: \"{QUOTE}.\""
A1 = analysis("a1", T1, [actor("Donald Trump", "PERSON", "Trump"), actor("Vladimir Putin", "PERSON", "Putin"),
                         actor("Helsinki", "GPE"), actor("Russian", "NORP")],
              published="2018-07-17", source="Daily A",
              events=[Event("e1", "Donald Trump met Vladimir Putin in Helsinki", 13, 16, "met", "t1",
                            ["2018-07-16", "2018-07-16"], ["a1", "a2", "a3"], [0, 54])],
              figures=[Figure("f1", 61, 71, "20 percent", 20.0, "percent", "approximately", "Syrian refugees abroad",
                              "a4", "Russian officials", [55, 129])],
              quotes=[Quote("q1", T1.index(QUOTE), T1.index(QUOTE) + len(QUOTE), QUOTE, "a2", "Putin", None, "said", "direct")])

T2 = f"The meeting of Trump and Putin took place in Helsinki on July 16. A quarter, 25 percent of the Syrian refugees abroad, would return. Putin called it useful: \"{QUOTE}.\""
A2 = analysis("a2", T2, [actor("Trump", "PERSON"), actor("Putin", "PERSON"), actor("Helsinki", "GPE")],
              published="2018-07-16", source="B News",
              events=[Event("e1", "The meeting of Trump and Putin", 4, 11, "meeting", "t1",
                            ["2018-07-16", "2018-07-16"], ["a1", "a2"], [0, 65])],
              figures=[Figure("f1", 78, 88, "25 percent", 25.0, "percent", None, "the Syrian refugees abroad",
                              None, None, [66, 130])],
              quotes=[Quote("q1", T2.index(QUOTE), T2.index(QUOTE) + len(QUOTE), QUOTE, "a2", "Putin", None, "called", "direct")])

T3 = "Angela Merkel held a meeting with Emmanuel Macron in Paris on July 16. Putin's summit was discussed."
A3 = analysis("a3", T3, [actor("Angela Merkel", "PERSON", "Merkel"), actor("Emmanuel Macron", "PERSON"),
                         actor("Paris", "GPE"), actor("Putin", "PERSON")],
              published="2018-07-18", source="Daily A",
              events=[Event("e1", "Angela Merkel held a meeting with Emmanuel Macron", 21, 28, "meeting", "t1",
                            ["2018-07-16", "2018-07-16"], ["a1", "a2"], [0, 70]),
                      Event("e2", "Putin's summit was discussed", 80, 86, "summit", None, None, ["a4"], [71, 99])])

T4 = "Trump and Putin will meet again next week, officials said."
A4 = analysis("a4", T4, [actor("Trump", "PERSON"), actor("Putin", "PERSON")], source="C Times",
              events=[Event("e1", "Trump and Putin will meet again", 21, 25, "meet", "t1", None, ["a1", "a2"], [0, 58])])

CORPUS = [A1, A2, A3, A4]


def index():
    return link_entities(CORPUS)


def test_one_item_per_real_event_with_its_reports_and_evidence():
    tl = corpus_timeline(CORPUS, index())
    helsinki = [i for i in tl.placed if {r.article for r in i.reports} == {"a1", "a2"}]
    assert len(helsinki) == 1, "the Helsinki meeting reported twice is one item"
    item = helsinki[0]
    assert any("Vladimir Putin" in e and "Donald Trump" in e for e in item.evidence)
    # Merkel's meeting on the same day with other actors stays its own item
    assert any(i.reports[0].article == "a3" and len(i.reports) == 1 for i in tl.placed)
    assert len(tl.placed) == 2


def test_undated_and_relative_only_events_are_listed_apart():
    tl = corpus_timeline(CORPUS, index())
    reasons = {i.reports[0].article: tl.reasons[i.id] for i in tl.apart}
    assert reasons == {"a3": "no time in the text", "a4": "dated only relative to the publication day, which is unknown"}


def test_timeline_obeys_entity_outlet_and_dates():
    idx = index()
    merkel = idx.find("Merkel")[0].id
    assert [i.reports[0].article for i in corpus_timeline(CORPUS, idx, CorpusQuery(entity=merkel)).placed] == ["a3"]
    only_b = corpus_timeline(CORPUS, idx, CorpusQuery(outlets=frozenset({"B News"})))
    assert [r.article for i in only_b.placed for r in i.reports] == ["a2"]
    late = corpus_timeline(CORPUS, idx, CorpusQuery(start="2018-07-17"))
    assert {r.article for i in late.placed + late.apart for r in i.reports} == {"a1", "a3"}


def test_claims_about_one_thing_grouped_and_disagreement_flagged():
    groups = compare_claims(CORPUS, index())
    first = groups[0]
    assert first.unit == "percent" and first.articles == ["a1", "a2"]
    assert first.disagree
    assert [(r.outlet, r.value, r.qualifier) for r in first.rows] == [("B News", 25.0, None), ("Daily A", 20.0, "approximately")]
    assert first.rows[1].claimant_text == "Russian officials" and first.rows[1].claimant


def test_claims_within_rounding_agree():
    same = analysis("a5", "About 20.2 percent of Syrian refugees abroad want to return.", [],
                    published="2018-07-19", source="D",
                    figures=[Figure("f1", 6, 18, "20.2 percent", 20.2, "percent", "approximately", "Syrian refugees abroad", None, None, [0, 60])])
    groups = compare_claims([A1, same], link_entities([A1, same]))
    assert groups[0].articles == ["a1", "a5"] and not groups[0].disagree


def test_the_same_quote_in_two_outlets_is_one_row():
    rows = corpus_quotes(CORPUS, index())
    assert len(rows) == 1
    assert rows[0].speaker_name == "Vladimir Putin" and rows[0].outlets == ["B News", "Daily A"]
    assert [c.article for c in rows[0].carriers] == ["a2", "a1"]  # by publication date


def test_quotes_are_searchable_and_filtered_by_speaker():
    idx = index()
    assert len(corpus_quotes(CORPUS, idx, CorpusQuery(words="success NEXT year"))) == 1
    assert corpus_quotes(CORPUS, idx, CorpusQuery(words="failure")) == []
    trump = idx.find("Trump")[0].id
    assert corpus_quotes(CORPUS, idx, CorpusQuery(entity=trump)) == []


def test_actor_profile():
    idx = index()
    putin = idx.find("Putin")[0].id
    seen = appearances(CORPUS, idx, putin)
    assert [x.article for x in seen] == ["a2", "a1", "a3", "a4"]
    assert by_period(seen, "month") == [("2018-07", 3)]
    assert by_period(seen, "week") == [("2018-W29", 3)]
    ranked = co_occurring(CORPUS, idx, putin)
    assert ranked[0] == (idx.find("Trump")[0].id, 3)
    edges = network(CORPUS, idx, putin)
    assert (min(putin, ranked[0][0]), max(putin, ranked[0][0]), 3) in edges
