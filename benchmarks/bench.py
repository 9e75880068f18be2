"""`make bench`: words per second of the full analysis against raw `nlp.pipe`, same model, same texts.

The texts are the MEANTIME Wikinews articles. One warm-up pass, then REPEAT timed passes of each side,
alternating so that both see the same load on a shared machine; the median pass is reported, and the
ratio of the best passes beside it (the least disturbed by other work on a shared machine).

Per-stage costs: every entry of STAGES is timed over the same parsed Docs and shown as a share of the full
analysis. Engine steps add themselves there with one line: a name and a function (article, doc) -> Any
that runs the step on a Doc the full pipeline produced.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import spacy

from presslens.paths import MEANTIME_DIR
from presslens.pipeline import STEPS as PIPELINE, build_analysis, run_until
from presslens.step import Draft

REPEAT = 5  # timed passes per side; the median of five is steady on a shared two-core machine
MEANTIME = str(MEANTIME_DIR)


# Stages timed over the same parsed Docs: each step of presslens.pipeline.STEPS alone (on the draft the
# steps before it made), then the whole build_analysis. A new step in the list shows up here by itself.
STAGES = (*(f"step {step.name}" for step in PIPELINE), "build_analysis, all steps")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--meantime", default=MEANTIME, metavar="DIR")
    parser.add_argument("--repeat", type=int, default=REPEAT, metavar="N")
    parser.add_argument("--model", metavar="NAME")
    args = parser.parse_args(argv)

    from presslens.errors import Errors, PresslensError, fail
    from evaluation.meantime import read_corpus
    from presslens.nlp import load_pipeline, model_label

    try:
        folder = Path(args.meantime)
        if not folder.is_dir() or not any(folder.glob("*.xml")):
            raise fail(Errors.NO_MEANTIME, path=folder)
        nlp = load_pipeline(args.model)
    except PresslensError as exc:
        print(f"presslens: error: {exc}", file=sys.stderr)
        return 2
    articles = [d.article() for d in read_corpus(folder)]
    result = measure(nlp, articles, repeat=max(1, args.repeat))
    print(report(result, model=model_label(nlp), repeat=args.repeat, texts=len(articles)))
    return 0


def measure(nlp, articles, *, repeat: int) -> dict:
    """Median seconds of raw nlp.pipe and of the full analysis, the word count, and per-stage seconds."""
    from presslens.analysis import analyze_many
    from presslens.nlp import raw_model

    texts = [a.text for a in articles]

    def raw_pass():
        with raw_model(nlp) as raw:
            return list(raw.pipe(texts))

    def full_pass():
        return list(analyze_many(articles, nlp=nlp))

    words = sum(1 for doc in raw_pass() for t in doc if not t.is_space)  # also the warm-up of the raw side
    full_pass()
    raw_times, full_times = [], []
    for _ in range(repeat):
        raw_times.append(_seconds(raw_pass))
        full_times.append(_seconds(full_pass))
    raw_docs, component_times = raw_pass(), []
    component = nlp.get_pipe("presslens_entities")
    for _ in range(repeat):
        fresh = [d.copy() for d in raw_docs]  # the component changes its Doc: each pass gets untouched copies
        component_times.append(_seconds(lambda: [component(d) for d in fresh]))
    stages = {"presslens_entities component (inside nlp.pipe)": statistics.median(component_times)}
    docs = list(nlp.pipe(texts))
    for step in PIPELINE:
        befores = [run_until(a, d, step.name) for a, d in zip(articles, docs)]
        stages[f"step {step.name}"] = statistics.median(
            _seconds(lambda: [step.run(d, Draft(**vars(b))) for b, d in zip(befores, docs)]) for _ in range(repeat)
        )
    stages["build_analysis, all steps"] = statistics.median(
        _seconds(lambda: [build_analysis(a, d) for a, d in zip(articles, docs)]) for _ in range(repeat)
    )
    return {
        "words": words, "raw": statistics.median(raw_times), "full": statistics.median(full_times),
        "raw_best": min(raw_times), "full_best": min(full_times), "stages": stages,
    }


def _seconds(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def report(result: dict, *, model: str, repeat: int, texts: int) -> str:
    words, raw, full = result["words"], result["raw"], result["full"]
    lines = [
        f"Engine throughput: {texts} MEANTIME articles, {words:,} words, median of {repeat} passes, {model}",
        f"  raw nlp.pipe (same model)   {words / raw:9,.0f} words/s   ({raw:.2f} s)",
        f"  full analysis (analyze_many){words / full:9,.0f} words/s   ({full:.2f} s)",
        f"  ratio full / raw            {raw / full:9.2f}   (best passes: {result['raw_best'] / result['full_best']:.2f})",
        "Stages over the same parsed Docs, as a share of the full analysis:",
    ]
    lines += [f"  {name:52} {sec:6.3f} s  {100 * sec / full:5.1f}%" for name, sec in result["stages"].items()]
    lines.append(f"Machine: {machine()}")
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = f", load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    return f"{cpu}, {os.cpu_count()} cores{load}, Python {platform.python_version()}, spaCy {spacy.__version__}"


if __name__ == "__main__":
    sys.exit(main())
