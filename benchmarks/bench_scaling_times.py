"""Is each time-related step linear in the length of the article? Cost per 1,000 words at 1x, 10x, 100x.

    python -m benchmarks.bench_scaling_times [--rounds N] [--sizes 1,10,100] [--lines 16000]

Times, on the seed article repeated 1, 10 and 100 times (paragraphs joined by blank lines, as a reader
would paste them) and on one text of 16,000 short lines, each step separately over the same parsed Doc:
the line-break component (presslens/sentences.py, on the tokens before the parser), the sentence spans,
the time expressions (presslens/temporal), their mentions (`with_time_mentions`) and the events
(presslens/events.py). Printed: milliseconds per 1,000 words and the ratio to the 1x text in the same run
(flat = linear). The parse itself is not timed here (benchmarks/bench.py measures it).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from presslens.entities import mentions_and_actors
from presslens.events import extract_events
from presslens.ingest import read_article
from presslens.nlp import load_pipeline, model_label
from presslens.sentences import line_breaks_end_sentences, sentence_spans
from presslens.steps.times import with_time_mentions
from presslens.store.importing import seed_files
from presslens.temporal import find_times

STEPS = ("line breaks", "sentence spans", "times", "time mentions", "events")


def best_of(rounds: int, fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def short_lines(n: int) -> str:
    """n short lines, each its own sentence with a time in every tenth ("Line 40 was filed on Monday")."""
    return "\n".join(f"Line {i} was filed on Monday." if i % 10 == 0 else f"Line {i} said ok" for i in range(n))


def measure(nlp, article, text: str, rounds: int) -> tuple[int, dict[str, float]]:
    """(words, seconds per step) for one text, each step the best of `rounds`."""
    doc = nlp(text)
    words = sum(1 for t in doc if not t.is_punct and not t.is_space)
    published = article.published_date
    mentions, actors = mentions_and_actors(doc)
    times = find_times(doc, published=published)
    with_times, _ = with_time_mentions(mentions, actors, times)
    fresh = [nlp.make_doc(text) for _ in range(rounds)]
    steps = {
        "line breaks": best_of(rounds, lambda: line_breaks_end_sentences(fresh.pop())),
        "sentence spans": best_of(rounds, lambda: sentence_spans(doc)),
        "times": best_of(rounds, lambda: find_times(doc, published=published)),
        "time mentions": best_of(rounds, lambda: with_time_mentions(mentions, actors, times)),
        "events": best_of(rounds, lambda: extract_events(doc, times, with_times, article=article)),
    }
    return words, steps


def report(rows: list[tuple[str, int, dict[str, float]]], *, label: str) -> str:
    base_words, base = rows[0][1], rows[0][2]
    head = f"{'text':22}{'words':>9}" + "".join(f"{s:>22}" for s in STEPS)
    lines = [f"Time steps: ms per 1,000 words (ratio to {rows[0][0]}), {label}", "", head, "-" * len(head)]
    for name, words, steps in rows:
        cells = []
        for step in STEPS:
            per = 1000 * steps[step] * 1000 / words
            ratio = per / (1000 * base[step] * 1000 / base_words) if base[step] else float("nan")
            cells.append(f"{per:13.3f} ({ratio:5.2f}x)")
        lines.append(f"{name:22}{words:>9,}" + "".join(f"{c:>22}" for c in cells))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_scaling_times",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds per step; the fastest counts (default 3)")
    parser.add_argument("--sizes", default="1,10,100", help="how many times the seed is repeated (default 1,10,100)")
    parser.add_argument("--lines", type=int, default=16000, help="short lines in the last text (0: none)")
    args = parser.parse_args(argv)
    nlp = load_pipeline()
    nlp.max_length = max(nlp.max_length, 10_000_000)
    article = read_article(seed_files()[0])
    rows = []
    for times in (int(n) for n in args.sizes.split(",")):
        text = "\n\n".join([article.text.strip()] * times)
        rows.append((f"seed x{times}", *measure(nlp, article, text, args.rounds)))
    if args.lines:
        rows.append((f"{args.lines:,} short lines", *measure(nlp, article, short_lines(args.lines), args.rounds)))
    sys.stdout.write(report(rows, label=model_label(nlp)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
