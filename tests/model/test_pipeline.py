"""The declared pipeline on the real model: build_analysis is the list run in order; helpers run part of it."""

from __future__ import annotations

from presslens.article import Article
from presslens.pipeline import STEPS, build_analysis, run_until, time_step

TEXT = "The council met on Monday. Mayor Ruth Lopez said two days later that it would vote in March."


def test_build_analysis_is_the_steps_in_order(nlp):
    article = Article(id="p", text=TEXT, published="2018-08-02")
    doc = nlp(TEXT)
    assert build_analysis(article, doc, STEPS[:1]).times == []
    full = build_analysis(article, doc)
    assert full.times and full.actors and full.events


def test_the_times_step_owns_the_date_mentions(nlp):
    article = Article(id="p", text=TEXT, published="2018-08-02")
    doc = nlp(TEXT)
    before = run_until(article, doc, "times")
    assert before.times == [] and not any(m.label in ("DATE", "TIME") for m in before.mentions)
    _, after = time_step(article, doc, "times")
    dated = {(m.start, m.end) for m in after.mentions if m.label in ("DATE", "TIME")}
    assert dated and dated <= {(t.start, t.end) for t in after.times}
    assert [m.id for m in after.mentions] == [f"m{n}" for n in range(1, len(after.mentions) + 1)]
