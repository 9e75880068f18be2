"""The times-and-events benchmark runs and reports every step beside the full analysis (no speed asserted)."""

from __future__ import annotations

from presslens.article import Article
from benchmarks.bench_times import STEPS, measure, report


def test_measure_and_report(nlp):
    article = Article(id="b", text="The council met on Monday. Two days later it voted.", published="2018-08-02")
    timings = measure([article], rounds=1, nlp=nlp)
    assert list(timings.steps) == list(STEPS) and all(v >= 0 for v in timings.steps.values())
    assert timings.full > 0 and timings.articles == 1 and timings.words > 0
    text = report(timings, label="model", rounds=1)
    assert "times + events:" in text and "share of full analysis" in text and "baseline time step" in text
