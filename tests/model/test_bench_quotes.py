"""The quotes-and-figures benchmark runs and reports each step beside the baseline (no speed asserted)."""

from __future__ import annotations

from presslens.article import Article
from benchmarks.bench_quotes import measure, report


def test_measure_and_report(nlp):
    article = Article(id="b", text="“We spent $4m on the bridge,” Mayor Lopez said on Monday.", published="2018-08-02")
    totals = measure([article], rounds=1, nlp=nlp)
    assert all(totals[k] > 0 for k in ("parse", "quotes", "figures", "analysis", "textacy", "words"))
    text = report(totals, articles=1, rounds=1, model="model")
    assert "of which quotes" in text and "share of full analysis" in text and "x the baseline" in text
