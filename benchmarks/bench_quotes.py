"""What finding quotes and figures costs, as a share of the full analysis, beside textacy's quote finder.

    python -m benchmarks.bench_quotes [--rounds N] [--meantime FOLDER]

The seed and the MEANTIME articles go through the real pipeline once; then each step is timed on the
same parsed Docs, best of N rounds per article (the least disturbed by other work on the machine):
our quotes, our figures, the whole `build_analysis`, and textacy's `direct_quotations` as the baseline.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .bench_times import DEFAULT_MEANTIME, best_of, corpus
from presslens.nlp import load_pipeline, model_label
from presslens.pipeline import build_analysis, time_step


def measure(articles, *, rounds: int, nlp) -> dict[str, float]:
    """Seconds per step summed over the articles, plus the word count."""
    from textacy.extract.triples import direct_quotations

    def textacy_quotes(doc):
        try:
            return list(direct_quotations(doc))
        except ValueError:  # it refuses a text with an odd number of quote marks
            return []

    totals = dict.fromkeys(("parse", "quotes", "figures", "analysis", "textacy", "words"), 0.0)
    for article in articles:
        parse, doc = best_of(rounds, lambda: nlp(article.text))
        # Each step on the draft production gives it (mentions after the times step, as build_analysis runs).
        quotes_cost, _ = time_step(article, doc, "quotes", rounds=rounds)
        figures_cost, _ = time_step(article, doc, "figures", rounds=rounds)
        analysis_cost, _ = best_of(rounds, lambda: build_analysis(article, doc))
        textacy_cost, _ = best_of(rounds, lambda: textacy_quotes(doc))
        totals["parse"] += parse
        totals["quotes"] += quotes_cost
        totals["figures"] += figures_cost
        totals["analysis"] += analysis_cost
        totals["textacy"] += textacy_cost
        totals["words"] += sum(1 for t in doc if not (t.is_punct or t.is_space))
    return totals


def report(totals: dict[str, float], *, articles: int, rounds: int, model: str) -> str:
    full = totals["parse"] + totals["analysis"]

    def per(seconds: float) -> float:
        return 1000 * seconds / articles

    rows = [
        ("parse (spaCy)", totals["parse"]),
        ("build_analysis, all steps", totals["analysis"]),
        ("  of which quotes", totals["quotes"]),
        ("  of which figures", totals["figures"]),
        ("full analysis", full),
    ]
    lines = [
        f"Quotes and figures: cost per article, {articles} articles ({int(totals['words']):,} words), {model}, best of {rounds}",
        "",
        f"{'step':<28}{'ms/article':>12}{'share of full analysis':>26}",
        "-" * 66,
        *(f"{name:<28}{per(s):>12.2f}{100 * s / full:>25.1f}%" for name, s in rows),
        "",
        f"quotes + figures: {per(totals['quotes'] + totals['figures']):.2f} ms/article, "
        f"{100 * (totals['quotes'] + totals['figures']) / full:.1f}% of the full analysis",
        f"baseline quote finder (textacy direct_quotations): {per(totals['textacy']):.2f} ms/article; "
        f"ours {per(totals['quotes']):.2f} ms/article = {totals['quotes'] / totals['textacy']:.2f}x the baseline",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_quotes", description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, metavar="N")
    parser.add_argument("--meantime", default=str(DEFAULT_MEANTIME), metavar="DIR")
    args = parser.parse_args(argv)
    nlp = load_pipeline()
    articles = corpus(Path(args.meantime))
    totals = measure(articles, rounds=max(1, args.rounds), nlp=nlp)
    print(report(totals, articles=len(articles), rounds=args.rounds, model=model_label(nlp)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
