"""The article view's data: segments that rebuild the text exactly, mention states that follow the filter."""

from __future__ import annotations

import pytest

from components.article_view import BOILERPLATE, FOCUS, SENTENCE, article_payload, drawable, segments
from components.state import Selection
from presslens.article import Article
from presslens.schema import Actor, Analysis, Mention
from presslens.scope import ActorScope

TEXT = "Jane Roe met 😀 Acme.\n\nRoe left.\nBy A. Writer"
MENTIONS = [
    Mention("m1", 0, 8, "Jane Roe", "PERSON", "a1"),
    Mention("m2", 15, 19, "Acme", "ORG", "a2"),
    Mention("m3", 22, 25, "Roe", "PERSON", "a1"),
]
ANALYSIS = Analysis(
    article=Article("t", TEXT, title="<b>T</b>", url="javascript:alert(1)"),
    sentences=[(0, 20), (22, 31), (32, 44)],
    mentions=MENTIONS,
    actors=[
        Actor("a1", "Jane Roe", "PERSON", ["Jane Roe", "Roe"], ["m1", "m3"]),
        Actor("a2", "Acme", "ORG", ["Acme"], ["m2"]),
    ],
    boilerplate=[(32, 44)],
)


def joined(paragraphs):
    return ["".join(seg[0] for seg in p) for p in paragraphs]


def test_segments_rebuild_each_paragraph_exactly():
    paragraphs = segments(TEXT, MENTIONS, boilerplate=ANALYSIS.boilerplate)
    assert joined(paragraphs) == [line for line in TEXT.split("\n") if line]
    first = paragraphs[0]
    assert [(s[0], s[1]) for s in first] == [("Jane Roe", 0), (" met 😀 ", -1), ("Acme", 1), (".", -1)]
    assert paragraphs[-1] == [["By A. Writer", -1, BOILERPLATE]]


def test_focus_and_sentence_flags_cut_segments():
    paragraphs = segments(TEXT, MENTIONS, focus=(4, 12), sentence=(0, 20))
    flags = [(s[0], s[2]) for s in paragraphs[0]]
    assert flags == [("Jane", SENTENCE), (" Roe", SENTENCE | FOCUS), (" met", SENTENCE | FOCUS),
                     (" 😀 ", SENTENCE), ("Acme", SENTENCE), (".", SENTENCE)]
    # a mention cut by the focus stays one mention on both sides
    assert [s[1] for s in paragraphs[0][:2]] == [0, 0]


def test_overlapping_mentions_keep_the_first_and_longest():
    spans = [Mention("a", 0, 8, "", "X", None), Mention("b", 5, 8, "", "X", None), Mention("c", 0, 4, "", "X", None),
             Mention("d", 8, 12, "", "X", None), Mention("e", 3, 3, "", "X", None)]
    assert [m.id for m in drawable(spans)] == ["a", "d"]


def states(payload):
    return {m["id"]: m["state"] for m in payload["mentions"]}


@pytest.mark.parametrize(
    "actors, hidden, expected",
    [
        (set(), set(), {"m1": "on", "m2": "on", "m3": "on"}),
        ({"a1"}, set(), {"m1": "on", "m2": "dim", "m3": "on"}),
        ({"a2"}, {"PERSON"}, {"m1": "off", "m2": "on", "m3": "off"}),
    ],
)
def test_mention_states_follow_filter_and_hidden_types(actors, hidden, expected):
    payload = article_payload(ANALYSIS, scope=ActorScope(ANALYSIS, frozenset(actors)), hidden=frozenset(hidden))
    assert states(payload) == expected
    assert payload["filtering"] is bool(actors)
    assert {e["type"]: (e["count"], e["on"]) for e in payload["legend"]} == {
        "PERSON": (2, "PERSON" not in hidden), "ORG": (1, True)
    }


def test_selection_marks_the_current_mention_and_the_actors_own():
    chosen = Selection("t", 22, 25, "m3", "a1")
    payload = article_payload(ANALYSIS, scope=ActorScope(ANALYSIS), chosen=chosen)
    assert [(m["id"], m["own"], m["current"]) for m in payload["mentions"]] == [
        ("m1", True, False), ("m2", False, False), ("m3", True, True)
    ]
    assert payload["stepping"] and payload["selection"] == "m3" and payload["current"] == "m3"
    sentence = [s for p in payload["paragraphs"] for s in p if s[2] & SENTENCE]
    assert "".join(s[0] for s in sentence) == "Roe left."
    assert not any(s[2] & FOCUS for p in payload["paragraphs"] for s in p)  # a mention is marked, not framed


def test_header_is_data_and_drops_non_web_links():
    header = article_payload(ANALYSIS, scope=ActorScope(ANALYSIS))["header"]
    assert header == {"title": "<b>T</b>", "byline": [], "date": None, "url": None,
                      "date_note": "no publication date: relative times stay relative"}


def test_seed_payload_covers_every_mention(seed_analysis):
    payload = article_payload(seed_analysis, scope=ActorScope(seed_analysis))
    # pronouns tied to a person are drawn only when the reader shows them
    assert len(payload["mentions"]) == len(drawable([m for m in seed_analysis.mentions if m.kind != "pronoun"]))
    shown = article_payload(seed_analysis, scope=ActorScope(seed_analysis), pronouns=True)
    assert len(shown["mentions"]) == len(drawable(seed_analysis.mentions)) > len(payload["mentions"])
    drawn = {s[1] for p in payload["paragraphs"] for s in p if s[1] >= 0}
    assert drawn == set(range(len(payload["mentions"])))
    assert payload["header"]["date"] == "Thu 2 Aug 2018"
    assert payload["header"]["url"].startswith("https://www.breitbart.com/")
