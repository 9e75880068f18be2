"""The analysis contract holds on every text, ordinary or odd: offsets point at their words, ids are
unique and every reference resolves, mentions never overlap, intervals are real dates in order, and the
JSON round-trips. Real pipeline; each text must finish (pytest-timeout fails a hang)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from presslens.analysis import analyze
from presslens.article import Article
from presslens.schema import SCHEMA, Analysis

from ..conftest import MEANTIME

ODD_TEXTS = {
    "one word": "Paris.",
    "punctuation only": "?!... — ;;; “ ” ' \" ``",
    "verbless lines": "Acme Corp in Paris on Monday.\nTalks in Berlin on Friday.\nMore at 11.",
    "unbalanced quotes": "“We will win, said the mayor on Tuesday. ”Nobody” agreed. \"And then",
    "markup as text": '<script>alert(1)</script> Jane Roe <img src=x onerror="x()"> met Acme on Monday.',
    "impossible dates": "The vote was held on February 30, 2019 and again on 31 April 2019 or 2019-13-45.",
    "numbers everywhere": "1 2 3 4 5 10% $5 5m 1,000,000 3.14 one in five a fifth dozens 2020 2021 #1",
    "a very long sentence": "The mayor, who said on Monday that " + "the council and the board and " * 150 + "agreed.",
    "non-English": "La Russie a dévoilé mercredi de nouveaux efforts pour renvoyer les réfugiés syriens.",
    "emoji and symbols": "Apple 🍎 rose 5% 📈 on Monday, said Tim Cook → “great” ✓.",
    "all caps headline": "MAYOR JANE ROE SAYS BRIDGE WILL REOPEN NEXT WEEK\nShe said so on Monday.",
    "byline only": "By Jane Roe\nFollow Jane Roe on Twitter at @janeroe, or email her at jane@example.com.",
}


def check_contract(analysis: Analysis) -> None:
    text = analysis.article.text
    data = analysis.to_dict()
    assert data["schema"] == SCHEMA
    assert Analysis.from_dict(json.loads(json.dumps(data))) == analysis

    def in_text(start, end, words=None):
        assert 0 <= start <= end <= len(text)
        if words is not None:
            assert text[start:end] == words

    for start, end in analysis.sentences:
        in_text(start, end)
        assert text[start:end].strip() == text[start:end] != ""
    for kind in ("mentions", "actors", "times", "events", "figures", "quotes"):
        ids = [r.id for r in getattr(analysis, kind)]
        assert len(ids) == len(set(ids)), f"duplicate {kind} ids"

    mention_ids = {m.id for m in analysis.mentions}
    actor_ids = {a.id for a in analysis.actors}
    time_ids = {t.id for t in analysis.times}
    quote_ids = {q.id for q in analysis.quotes}
    previous_end = 0
    for m in analysis.mentions:
        in_text(m.start, m.end, m.text)
        assert m.start >= previous_end, "mentions overlap or are out of order"
        previous_end = m.end
        assert m.actor is None or m.actor in actor_ids
        assert m.stands_for is None or m.stands_for in actor_ids
    for a in analysis.actors:
        assert a.mentions and set(a.mentions) <= mention_ids
        assert all(next(m for m in analysis.mentions if m.id == mid).actor == a.id for mid in a.mentions)
    for t in analysis.times:
        in_text(t.start, t.end, t.text)
        assert t.type in ("DATE", "TIME", "DURATION", "SET") and t.value and t.explanation
        check_interval(t.interval)
    for e in analysis.events:
        in_text(e.start, e.end)
        assert e.time is None or e.time in time_ids
        assert set(e.actors) <= actor_ids
        check_interval(e.interval)
    for f in analysis.figures:
        in_text(f.start, f.end, f.text)
        in_text(*f.sentence)
        assert f.claimant is None or f.claimant in actor_ids
        assert f.quote is None or f.quote in quote_ids
    for q in analysis.quotes:
        in_text(q.start, q.end, q.text)
        assert q.kind in ("direct", "partial", "indirect")
        assert q.speaker is None or q.speaker in actor_ids
        if q.speaker_span is not None:
            in_text(*q.speaker_span)
    for start, end in analysis.boilerplate:
        in_text(start, end)


def check_interval(interval) -> None:
    if interval is None:
        return
    first, last = (dt.date.fromisoformat(day) for day in interval)
    assert first <= last


@pytest.mark.parametrize("name", ODD_TEXTS)
@pytest.mark.parametrize("published", ["2019-03-06", None])
def test_odd_texts_keep_the_contract(nlp, name, published):
    check_contract(analyze(Article(id=name, text=ODD_TEXTS[name], published=published), nlp=nlp))


def test_the_seed_keeps_the_contract(seed_analysis):
    check_contract(seed_analysis)
    assert all(getattr(seed_analysis, kind) for kind in ("mentions", "actors", "times", "events", "figures", "quotes"))


def test_meantime_articles_keep_the_contract(nlp):
    from presslens.analysis import analyze_many
    from evaluation.meantime import read_corpus

    for analysis in analyze_many([d.article() for d in read_corpus(MEANTIME)], nlp=nlp):
        check_contract(analysis)
