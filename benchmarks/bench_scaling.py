"""Is every step linear in the length of the article? Each step of `build_analysis` timed on one text at
1x, 10x, 100x and 300x the seed's length, as cost per 1,000 words and its ratio to 1x; then the two
hostile texts of issue 13: 10,000 short "X said ..." sentences and 10,000 `"...," Jane Roe said.` ones,
each parsed and analysed in a fresh process (wall time and peak resident set size).

    python -m benchmarks.bench_scaling [--multiples 1 10 100 300] [--sentences 10000] [--rounds 3]

A flat ratio (within 1.5x) means the step is linear; a ratio that grows with the multiple means some
step compares every record with every other. Timings on a shared machine are noisy: compare the ratios
within one run, not the milliseconds across runs.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

from presslens.article import Article
from presslens.ingest import article_from_text
from presslens.nlp import load_pipeline, model_label
from presslens.paths import ROOT
from presslens.pipeline import STEPS as PIPELINE
from presslens.step import Draft

SEED = ROOT / "seeds" / "000_9ee82df7129644d2.txt"
PUBLISHED = "2018-08-02"
MULTIPLES = (1, 10, 100, 300)
SENTENCES = 10_000
# Whose step is whose: quotes, speakers and figures are this bench's subject; the others are reported too.
STEPS = ("parse", *(step.name for step in PIPELINE))  # the parse, then presslens.pipeline.STEPS in order
FLAT_WITHIN = 1.5

NAMES = ["Anna Lopez", "Tom Baker", "Priya Menon", "Jane Roe", "Dana Ruiz", "Omar Haddad", "Li Wei", "Sara Berg"]
THINGS = ["the bridge", "the budget", "the plan", "the vote", "the school", "the port", "the audit", "the tram line"]
OUTCOMES = ["would open in May", "was too expensive", "needed more time", "had been delayed", "would pass easily"]


def scaled_text(multiple: int) -> str:
    """The seed repeated: the same kinds of sentences, `multiple` times as many."""
    return "\n\n".join([SEED.read_text(encoding="utf-8").strip()] * multiple)


def said_text(sentences: int, *, direct: bool) -> str:
    """Short attributed sentences: "Anna Lopez said the bridge would open in May." or the direct form."""
    out = []
    for i in range(sentences):
        thing, outcome = THINGS[i % len(THINGS)], OUTCOMES[i % len(OUTCOMES)]
        if direct:
            out.append(f"“{thing.capitalize()} {outcome},” Jane Roe said.")
        else:
            out.append(f"{NAMES[i % len(NAMES)]} said {thing} {outcome}.")
    return " ".join(out)


def time_steps(article: Article, nlp) -> dict[str, float]:
    """Seconds for each step of build_analysis, in its order, on one parsed text."""
    clock = time.perf_counter
    t = {}
    start = clock()
    doc = nlp(article.text)
    t["parse"] = clock() - start
    draft = Draft(article)
    for step in PIPELINE:
        start = clock()
        step.run(doc, draft)
        t[step.name] = clock() - start
    t["words"] = sum(1 for token in doc if not (token.is_punct or token.is_space))
    return t


def scaling(multiples, *, rounds: int, nlp) -> dict[int, dict[str, float]]:
    """Per multiple: each step's best time over `rounds` (one round past 10x: the long texts are slow)."""
    out = {}
    for multiple in multiples:
        text = scaled_text(multiple)
        nlp.max_length = max(nlp.max_length, len(text) + 1)
        article = article_from_text(text, id=f"seed-x{multiple}", published=PUBLISHED, max_chars=len(text) + 1)
        runs = [time_steps(article, nlp) for _ in range(rounds if multiple <= 10 else 1)]
        out[multiple] = {k: min(r[k] for r in runs) for k in runs[0]}
    return out


def report_scaling(results: dict[int, dict[str, float]], *, model: str) -> str:
    base = min(results)
    lines = [f"Cost per 1,000 words of each step of build_analysis, the seed repeated ({model})", ""]
    header = f"{'step':<10}" + "".join(f"{f'{m}x ms/kw':>14}" for m in results) + "".join(
        f"{f'{m}x/{base}x':>10}" for m in results if m != base)
    lines += [header, "-" * len(header)]
    worst = {}
    for step in STEPS:
        per = {m: 1000 * 1000 * r[step] / r["words"] for m, r in results.items()}
        ratios = {m: per[m] / per[base] if per[base] else float("nan") for m in results if m != base}
        worst[step] = max(ratios.values(), default=1.0)
        lines.append(f"{step:<10}" + "".join(f"{per[m]:>14.2f}" for m in results)
                     + "".join(f"{ratios[m]:>10.2f}" for m in ratios))
    lines.append("")
    lines.append("words: " + ", ".join(f"{m}x {int(r['words']):,}" for m, r in results.items()))
    flat = [s for s, w in worst.items() if w <= FLAT_WITHIN]
    lines.append(f"flat within {FLAT_WITHIN}x up to {max(results)}x: {', '.join(flat) or 'none'}; "
                 f"not flat: {', '.join(f'{s} ({w:.2f}x)' for s, w in worst.items() if w > FLAT_WITHIN) or 'none'}")
    return "\n".join(lines)


def said_case(kind: str, sentences: int) -> dict:
    """One hostile text parsed and analysed in this process: seconds and peak RSS (MiB)."""
    from presslens.analysis import build_analysis

    nlp = load_pipeline()
    text = said_text(sentences, direct=kind == "direct")
    nlp.max_length = max(nlp.max_length, len(text) + 1)
    article = article_from_text(text, id=f"said-{kind}", published=PUBLISHED, max_chars=len(text) + 1)
    start = time.perf_counter()
    doc = nlp(article.text)
    parsed = time.perf_counter() - start
    start = time.perf_counter()
    analysis = build_analysis(article, doc)
    analysed = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"kind": kind, "sentences": sentences, "parse": parsed, "analysis": analysed,
            "quotes": len(analysis.quotes), "rss_mib": rss, "chars": len(text)}


def said_cases(sentences: int) -> list[dict]:
    """Each case in a fresh interpreter, so its peak memory is its own."""
    out = []
    for kind in ("indirect", "direct"):
        run = subprocess.run([sys.executable, "-m", "benchmarks.bench_scaling", "--said-case", kind,
                              "--sentences", str(sentences)], capture_output=True, text=True, cwd=ROOT, check=False)
        if run.returncode != 0:
            out.append({"kind": kind, "error": (run.stderr.strip().splitlines() or ["failed"])[-1]})
        else:
            out.append(json.loads(run.stdout.strip().splitlines()[-1]))
    return out


def report_said(cases: list[dict]) -> str:
    lines = ["", "Hostile texts (issue 13): parse + build_analysis in a fresh process", ""]
    for c in cases:
        if "error" in c:
            lines.append(f"{c['kind']:<9} failed: {c['error']}")
            continue
        sample = "X said ..." if c["kind"] == "indirect" else '"...," Jane Roe said.'
        lines.append(f"{c['sentences']:,} × {sample:<24} parse {c['parse']:6.1f} s, analysis {c['analysis']:6.1f} s, "
                     f"total {c['parse'] + c['analysis']:6.1f} s, peak RSS {c['rss_mib']:,.0f} MiB, {c['quotes']:,} quotes")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_scaling", description=__doc__.splitlines()[0])
    parser.add_argument("--multiples", type=int, nargs="+", default=list(MULTIPLES), metavar="N")
    parser.add_argument("--sentences", type=int, default=SENTENCES, metavar="N")
    parser.add_argument("--rounds", type=int, default=3, metavar="N")
    parser.add_argument("--no-said", action="store_true", help="skip the hostile 'said' texts")
    parser.add_argument("--said-case", choices=("indirect", "direct"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.said_case:
        print(json.dumps(said_case(args.said_case, args.sentences)))
        return 0
    nlp = load_pipeline()
    print(report_scaling(scaling(sorted(set(args.multiples)), rounds=max(1, args.rounds), nlp=nlp), model=model_label(nlp)))
    if not args.no_said:
        print(report_said(said_cases(args.sentences)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
