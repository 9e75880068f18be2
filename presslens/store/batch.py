"""Batch analysis of the store: `presslens analyze --all [--workers N] [--dask ADDRESS|local]`.

What is not yet analysed for this pipeline version is read from the store a page at a time and cut
into batches; each batch goes through `nlp.pipe` in a worker process (the pipeline loaded once per
worker) and comes back as compressed analyses, which the driver writes in one transaction per batch.
At most `2 × workers` batches are in flight, so memory is flat in the number of articles. Killed at any
moment, a run loses only its uncommitted batches; the next run continues with what is left.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from itertools import islice

from ..article import Article
from ..errors import PresslensError
from .base import analysis_key
from .sqlite import SQLiteStore, pack_analysis

# Articles per batch: enough for nlp.pipe to batch well, few enough that a killed run redoes little.
BATCH_SIZE = 32
IN_FLIGHT_PER_WORKER = 2


@dataclass
class BatchSummary:
    analysed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (article id, reason)
    seconds: float = 0.0
    workers: int = 1
    engine: str = "local"

    def line(self) -> str:
        rate = self.analysed / self.seconds if self.seconds else 0.0
        failed = f", {len(self.failed)} failed" if self.failed else ""
        return (f"analysed {self.analysed:,} articles in {self.seconds:.1f} s ({rate:.1f}/s, {self.workers} "
                f"{'worker' if self.workers == 1 else 'workers'}, {self.engine}){failed}")


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def batches(articles: Iterable[Article], size: int = BATCH_SIZE) -> Iterator[list[Article]]:
    it = iter(articles)
    while chunk := list(islice(it, size)):
        yield chunk


# -- in a worker ----------------------------------------------------------------------------------------
_NLP = None


def _pipeline(model: str | None):
    global _NLP
    if _NLP is None:
        from ..nlp import load_pipeline

        _NLP = load_pipeline(model)
    return _NLP


def analyse_batch(rows: list[tuple], model: str | None) -> tuple[str, list[tuple[str, bytes]], list[tuple[str, str]]]:
    """One batch in a worker: (pipeline version, [(analysis key, packed analysis)], [(id, failure)]).

    `rows` are plain tuples (`Article` fields) so the batch pickles small and the same function serves
    local processes and Dask workers."""
    from ..analysis import build_analysis
    from ..nlp import model_label
    from ..version import pipeline_version

    nlp = _pipeline(model)
    articles = [Article(*row) for row in rows]
    done, failed = [], []
    docs = nlp.pipe((a.text for a in articles), batch_size=len(articles) or 1)
    for article, doc in zip(articles, docs):
        try:
            done.append((analysis_key(article), pack_analysis(build_analysis(article, doc))))
        except Exception as exc:  # an engine bug on one article must not cost the batch
            failed.append((article.id, f"{type(exc).__name__}: {exc}"[:300]))
    return pipeline_version(model_label(nlp)), done, failed


def as_rows(batch: list[Article]) -> list[tuple]:
    return [(a.id, a.text, a.title, a.source, a.url, a.author, a.published, a.language) for a in batch]


# -- in the driver --------------------------------------------------------------------------------------
def run(store: SQLiteStore, pipeline: str, *, model: str | None = None, workers: int | None = None,
        dask: str | None = None, batch_size: int = BATCH_SIZE, limit: int | None = None,
        progress: bool = True) -> BatchSummary:
    """Analyse what the store lacks for `pipeline`; one committed transaction per batch."""
    workers = workers or default_workers()
    total = store.count_unanalysed(pipeline)
    if limit is not None:
        total = min(total, limit)
    summary = BatchSummary(workers=workers, engine="dask " + dask if dask else ("in-process" if workers == 1 else "processes"))
    if total == 0:  # nothing to do: no workers or cluster started
        return summary
    started = time.perf_counter()
    bar = _bar(total, progress)
    todo = batches(store.unanalysed(pipeline, limit=limit), batch_size)

    def commit(result) -> None:
        version, done, failed = result
        if version != pipeline:  # a worker with another engine or model: never store under the wrong key
            raise PresslensError(f"a worker runs pipeline {version}, not {pipeline}; install the same presslens and model everywhere")
        store.put_packed(done, pipeline)
        summary.analysed += len(done)
        summary.failed += failed
        bar.update(len(done) + len(failed))

    try:
        if dask:
            from .cluster import run_on_dask

            run_on_dask(dask, todo, commit, model=model, workers=workers)
        elif workers == 1:
            for batch in todo:
                commit(analyse_batch(as_rows(batch), model))
        else:
            _run_in_processes(todo, commit, model=model, workers=workers)
    finally:
        bar.close()
        summary.seconds = time.perf_counter() - started
    return summary


def _run_in_processes(todo: Iterator[list[Article]], commit: Callable, *, model: str | None, workers: int) -> None:
    """Local worker processes, at most IN_FLIGHT_PER_WORKER batches each in flight; results committed as
    they come (in any order: each batch is a transaction of its own)."""
    import multiprocessing

    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: set[Future] = set()
        for batch in todo:
            pending.add(pool.submit(analyse_batch, as_rows(batch), model))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    commit(future.result())
        for future in pending:
            commit(future.result())


class _NoBar:
    def update(self, n: int) -> None: ...
    def close(self) -> None: ...


def _bar(total: int, shown: bool):
    if not shown:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(total=total, unit="article", desc="analysing", file=sys.stderr, dynamic_ncols=True)
