"""The indexed (bisect, one-pass) forms of the sentence, time and event steps give what the plain scans gave."""

from __future__ import annotations

import datetime as dt

from presslens.article import Article
from presslens.entities import mentions_and_actors
from presslens.events import Lines, MentionIndex, extract_events
from presslens.sentences import sentence_spans, sentence_starts
from presslens.steps.times import with_time_mentions
from presslens.temporal import find_times

TEXT = (
    "Council backs bridge plan\n"
    "June 16, 2010\n\n"
    "The council approved the plan on Monday. Mayor Jane Roe said the bridge would open next month.\n"
    "  Work began in 2009.\n\n\n"
    "Roe met Governor Sam Lee in Albany last week. The vote came at 7 p.m."
)


def scan_spans(doc):
    out = []
    for sent in doc.sents:
        text = sent.text
        start = sent.start_char + (len(text) - len(text.lstrip()))
        end = sent.start_char + len(text.rstrip())
        if end > start:
            out.append((start, end))
    return out


def test_sentence_starts_and_spans_match_the_docs_own_sentences(nlp):
    doc = nlp(TEXT)
    assert sentence_starts(doc) == [s.start for s in doc.sents]
    assert sentence_spans(doc) == scan_spans(doc)
    assert sentence_starts(nlp("")) == [] and sentence_spans(nlp("")) == []


def test_lines_by_bisection_match_walking_the_line(nlp):
    doc = nlp(TEXT)
    lines = Lines(doc)
    for token in doc:
        lo = token.i
        while lo > 0 and "\n" not in doc[lo - 1].text_with_ws:
            lo -= 1
        hi = token.i + 1
        while hi < len(doc) and "\n" not in doc[hi - 1].text_with_ws:
            hi += 1
        assert lines.of(token) == (lo, hi), token.text


def test_mentions_overlapping_a_range_by_bisection(nlp):
    doc = nlp(TEXT)
    mentions, _ = mentions_and_actors(doc)
    index = MentionIndex(mentions)
    for start in range(0, len(TEXT), 7):
        end = start + 11
        assert index.overlapping(start, end) == sorted(
            (m for m in mentions if m.start < end and start < m.end), key=lambda m: m.start)


def test_events_and_time_mentions_are_those_of_the_text(nlp):
    doc = nlp(TEXT)
    article = Article(id="x", text=TEXT, published="2010-06-16")
    times = find_times(doc, published=dt.date(2010, 6, 16))
    mentions, actors = mentions_and_actors(doc)
    merged, _ = with_time_mentions(mentions, actors, times)
    assert [m.text for m in merged if m.label in ("DATE", "TIME")] == [t.text for t in times]
    events = extract_events(doc, times, merged, article=article)
    # the dateline under the headline dates no event; the others each date one
    assert "June 16, 2010" not in [t.text for t in times if any(e.time == t.id for e in events)]
    assert {t.text for t in times if any(e.time == t.id for e in events)} == {
        "Monday", "next month", "2009", "last week", "7 p.m."}
