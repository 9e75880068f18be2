"""What time resolution and event extraction cost, as a share of the full analysis.

    python -m benchmarks.bench_times [--rounds N] [--meantime FOLDER]

Runs the seed and the MEANTIME articles (real news, 30 texts) through the real pipeline and times each
step of `build_analysis` separately, best of N rounds per article (the least disturbed by other work on
the machine). Beside our time step it times the glue baseline on the same parsed texts: dateparser on
each of spaCy's DATE/TIME entities.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from presslens.article import Article
from presslens.ingest import read_article
from presslens.nlp import load_pipeline, model_label
from presslens.paths import MEANTIME_DIR
from presslens.pipeline import STEPS as PIPELINE, time_step
from presslens.store.importing import seed_files

DEFAULT_MEANTIME = MEANTIME_DIR
# The parse, then every step of presslens.pipeline.STEPS timed alone on the draft the steps before it made.
STEPS = ("parse (spaCy)", *(step.name for step in PIPELINE))


@dataclass
class Timings:
    """Seconds per step, summed over the articles (each the best of its rounds)."""

    steps: dict[str, float]
    glue: float | None
    articles: int
    words: int

    @property
    def full(self) -> float:
        return sum(self.steps.values())


def corpus(meantime: Path) -> list[Article]:
    from evaluation.meantime import read_corpus

    articles = [read_article(p) for p in seed_files()]
    if meantime.is_dir():
        articles += [d.article() for d in read_corpus(meantime)]
    return articles


def best_of(rounds: int, fn: Callable[[], object]) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(rounds):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def measure(articles: list[Article], *, rounds: int = 3, nlp=None) -> Timings:
    nlp = nlp or load_pipeline()
    steps = dict.fromkeys(STEPS, 0.0)
    glue_total = 0.0 if has_dateparser() else None
    words = 0
    for article in articles:
        parse, doc = best_of(rounds, lambda: nlp(article.text))
        words += sum(1 for t in doc if not t.is_punct and not t.is_space)
        steps["parse (spaCy)"] += parse
        for step in PIPELINE:
            steps[step.name] += time_step(article, doc, step.name, rounds=rounds)[0]
        if glue_total is not None:
            glue_total += best_of(rounds, lambda: glue_values(doc, article.published_date))[0]
    return Timings(steps, glue_total, len(articles), words)


def has_dateparser() -> bool:
    import importlib.util

    return importlib.util.find_spec("dateparser") is not None


def glue_values(doc, published: dt.date | None) -> list:
    """The baseline's time step: dateparser on each spaCy DATE/TIME entity, the DCT as relative base."""
    from dateparser.date import DateDataParser

    base = dt.datetime.combine(published, dt.time()) if published else dt.datetime.now()
    parser = DateDataParser(languages=["en"], settings={"RELATIVE_BASE": base, "RETURN_TIME_AS_PERIOD": True})
    return [parser.get_date_data(e.text) for e in doc.ents if e.label_ in ("DATE", "TIME")]


def report(t: Timings, *, label: str, rounds: int) -> str:
    per = 1000 / t.articles
    lines = [
        f"Times and events: cost per article, {t.articles} articles ({t.words:,} words), {label}, best of {rounds}",
        "",
        f"{'step':26}{'ms/article':>12}{'share of full analysis':>25}",
        "-" * 63,
    ]
    for name, seconds in t.steps.items():
        lines.append(f"{name:26}{seconds * per:12.2f}{100 * seconds / t.full:24.1f}%")
    lines.append(f"{'full analysis':26}{t.full * per:12.2f}{100.0:24.1f}%")
    ours = t.steps["times"] + t.steps["events"]
    lines += ["", f"times + events: {ours * per:.2f} ms/article, {100 * ours / t.full:.1f}% of the full analysis"]
    if t.glue is not None:
        lines.append(
            f"baseline time step (dateparser on spaCy DATE/TIME entities): {t.glue * per:.2f} ms/article; "
            f"ours {t.steps['times'] * per:.2f} ms/article = {t.steps['times'] / t.glue:.2f}x the baseline"
        )
    lines.append(f"full analysis: {t.words / t.full:,.0f} words/s")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_times", description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds per article; the fastest counts (default 3)")
    parser.add_argument("--meantime", type=Path, default=DEFAULT_MEANTIME, help="MEANTIME CAT XML folder")
    args = parser.parse_args(argv)
    nlp = load_pipeline()
    timings = measure(corpus(args.meantime), rounds=args.rounds, nlp=nlp)
    sys.stdout.write(report(timings, label=model_label(nlp), rounds=args.rounds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
