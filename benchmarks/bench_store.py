"""`make bench` (store part): the corpus batch, memory, the cluster path and the dashboard's start.

    python -m benchmarks.bench_store [--articles 1000] [--skip-dask] [--skip-ui]

1. Throughput on the same N articles (MEANTIME texts, cycled, each made distinct by a closing line):
   raw `nlp.pipe` in one process (the baseline), `presslens analyze --all` with 1 worker and with 2
   worker processes; ratios against the baseline and 2 workers against 1.
2. Peak resident memory (ru_maxrss of a fresh process) of the batch at 1, 100 and N articles, and of
   `presslens analyze FILE...` (streaming JSONL) at 1, 100 and N files: flat means within 1.2x.
3. Dask: the same batch on a LocalCluster of 2 single-threaded workers against 2 local processes.
4. The dashboard's start with 10,000 stored articles (the seed's analysis stored): the first run of the
   Library page in AppTest, a fresh process, against the same with 10 articles.
Every figure is from this run; the machine is shared, so ratios are the figures to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from presslens.paths import ROOT

from .bench import MEANTIME, machine

CHILD_RSS = """
import resource, sys
from presslens.cli import main
code = main(sys.argv[1:])
print("RSS", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def corpus(n: int) -> list:
    from evaluation.meantime import read_corpus

    base = [d.article() for d in read_corpus(MEANTIME)]
    from dataclasses import replace

    return [replace(a, id=f"m{k:05d}", text=f"{a.text}\nCopy {k} of the benchmark corpus.\n")
            for k, a in ((k, base[k % len(base)]) for k in range(n))]


def filled_store(folder: Path, articles: list, name: str):
    from presslens.store import open_store

    store = open_store(folder / f"{name}.sqlite")
    store.add_many(articles)
    return store


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def throughput(folder: Path, articles: list, model: str | None) -> dict:
    from presslens.nlp import load_pipeline, model_label
    from presslens.store.batch import run
    from presslens.version import pipeline_version

    nlp = load_pipeline(model)
    pipeline = pipeline_version(model_label(nlp))
    texts = [a.text for a in articles]
    raw = timed(lambda: sum(1 for _ in nlp.pipe(texts, batch_size=32)))
    out = {"raw nlp.pipe, 1 process": raw}
    for workers in (1, 2):
        store = filled_store(folder, articles, f"w{workers}")
        out[f"analyze --all, {workers} worker{'s' if workers > 1 else ''}"] = timed(
            lambda: run(store, pipeline, model=model, workers=workers, progress=False))
    return out


def dask_vs_local(folder: Path, articles: list, model: str | None) -> dict:
    from presslens.nlp import installed_label, load_pipeline, model_label
    from presslens.store.batch import run
    from presslens.version import pipeline_version

    pipeline = pipeline_version(installed_label(model) or model_label(load_pipeline(model)))
    out = {}
    local = filled_store(folder, articles, "local2")
    out["2 local processes"] = timed(lambda: run(local, pipeline, model=model, workers=2, progress=False))
    from presslens.store.cluster import client_for

    client, cluster = client_for("local", workers=2)
    try:
        client.run(lambda: __import__("presslens.store.batch").store.batch._pipeline(model))  # warm: load once
        store = filled_store(folder, articles, "dask")
        from presslens.store import batch

        out["Dask LocalCluster, 2 workers (warm)"] = timed(lambda: _run_with_client(batch, store, pipeline, model, client))
    finally:
        client.close()
        cluster.close()
    return out


def _run_with_client(batch, store, pipeline, model, client):
    from presslens.store.cluster import run_on_dask

    todo = batch.batches(store.unanalysed(pipeline))
    run_on_dask("local", todo, lambda r: store.put_packed(r[1], pipeline), model=model, workers=2, client=client)


def peak_rss(folder: Path, articles: list, sizes: list[int]) -> dict:
    """Peak RSS (MiB) of a fresh process: the batch over the store, and analyze FILE... to JSONL."""
    out = {}
    for n in sizes:
        store = filled_store(folder, articles[:n], f"rss{n}")
        out[f"analyze --all, {n} articles"] = _child_rss(["analyze", "--all", "--workers", "1", "--no-progress",
                                                          "--db", str(store.path)])
        files = folder / f"files{n}"
        files.mkdir()
        for a in articles[:n]:
            (files / f"{a.id}.txt").write_text(a.text, encoding="utf-8")
        out[f"analyze FILE... (jsonl), {n} files"] = _child_rss(
            ["analyze", "--format", "jsonl", *sorted(str(p) for p in files.iterdir())])
    return out


def _child_rss(args: list[str]) -> float:
    done = subprocess.run([sys.executable, "-c", CHILD_RSS, *args], cwd=ROOT, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    line = next((x for x in done.stderr.splitlines() if x.startswith("RSS ")), None)
    if line is None:
        raise RuntimeError(done.stderr[-2000:])
    return int(line.split()[1]) / 1024


UI_CHILD = """
import sys, time
from streamlit.testing.v1 import AppTest
started = time.perf_counter()
at = AppTest.from_file(sys.argv[1], default_timeout=120)
at.switch_page("components/pages/library.py")
at.run()
elapsed = time.perf_counter() - started
assert not at.exception, at.exception
again = time.perf_counter()
at.run()
rerun = time.perf_counter() - again
caption = [c.value for c in at.caption if "article" in c.value and "store" not in c.value]
print("UI", elapsed, rerun, caption[0] if caption else "", file=sys.stderr)
"""


def dashboard_start(folder: Path, sizes=(10, 10_000)) -> dict:
    """Seconds of the first run of the Library page (fresh process) with N stored articles."""
    from presslens.analysis import analyze
    from presslens.article import Article
    from presslens.ingest import read_article
    from presslens.nlp import load_pipeline, model_label
    from presslens.store.importing import ensure_ready, seed_files
    from presslens.version import pipeline_version

    nlp = load_pipeline()
    seed = read_article(seed_files()[0])
    seed_analysis = analyze(seed, nlp=nlp)
    out = {}
    for n in sizes:
        lib = folder / f"ui{n}"
        lib.mkdir()
        store = filled_store(lib, [], "presslens")
        ensure_ready(store, library=lib)
        store.put_analyses([(seed, seed_analysis)], pipeline_version(model_label(nlp)))
        words = "harbour crane council bridge flood election budget hospital strike court".split()
        store.add_many(Article(f"a{k:05d}", f"Story {k} about the {words[k % 10]} and the {words[(k * 7) % 10]}, "
                               f"filed on day {k}.", title=f"Story {k}", source=f"Outlet {k % 37}",
                               published=f"20{10 + k % 15}-0{1 + k % 9}-1{k % 10}") for k in range(n))
        env = {**os.environ, "PRESSLENS_LIBRARY": str(lib)}
        env.pop("PRESSLENS_DB", None)
        done = subprocess.run([sys.executable, "-c", UI_CHILD, str(ROOT / "dashboard.py")], cwd=ROOT, env=env,
                              stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        line = next((x for x in done.stderr.splitlines() if x.startswith("UI ")), None)
        if line is None:
            raise RuntimeError(done.stderr[-2000:])
        out[f"Library page, first run (imports included), {n:,} articles"] = float(line.split()[1])
        out[f"Library page, next run, {n:,} articles"] = float(line.split()[2])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_store", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, metavar="N")
    parser.add_argument("--model", metavar="NAME")
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--skip-ui", action="store_true")
    parser.add_argument("--skip-rss", action="store_true")
    parser.add_argument("--skip-throughput", action="store_true")
    args = parser.parse_args(argv)
    n = max(2, args.articles)
    articles = corpus(n)
    words = sum(len(a.text.split()) for a in articles)
    print(f"presslens bench_store: {n:,} articles ({words:,} words), {machine()}")
    with tempfile.TemporaryDirectory(prefix="presslens-bench-") as tmp:
        folder = Path(tmp)
        if not args.skip_throughput:
            t = throughput(folder, articles, args.model)
            raw = t["raw nlp.pipe, 1 process"]
            print("\nThroughput (seconds, articles/s, time against raw nlp.pipe):")
            for name, sec in t.items():
                print(f"  {name:40} {sec:8.1f} s  {n / sec:7.1f}/s  {sec / raw:5.2f}x")
            one, two = t["analyze --all, 1 worker"], t["analyze --all, 2 workers"]
            print(f"  speed-up of 2 workers over 1: {one / two:.2f}x (aim >= 1.6x)")
        if not args.skip_rss:
            sizes = sorted({1, min(100, n), n})
            r = peak_rss(folder, articles, sizes)
            print("\nPeak resident memory (fresh process, MiB; ratio to 1 article):")
            for name, mib in r.items():
                first = r[name.rsplit(",", 1)[0] + (", 1 articles" if "--all" in name else ", 1 files")]
                print(f"  {name:44} {mib:8.0f} MiB  {mib / first:5.2f}x")
        if not args.skip_dask:
            d = dask_vs_local(folder, articles, args.model)
            base = d["2 local processes"]
            print("\nDask against local processes (same articles):")
            for name, sec in d.items():
                print(f"  {name:40} {sec:8.1f} s  {sec / base - 1:+6.1%}")
        if not args.skip_ui:
            u = dashboard_start(folder)
            print("\nDashboard start (AppTest, fresh process; the seed's analysis stored, no model load):")
            for name, sec in u.items():
                print(f"  {name:60} {sec:6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
