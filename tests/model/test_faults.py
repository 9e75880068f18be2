"""Kill tests: a save loop and a batch run SIGKILLed at random moments (50 trials). After each kill the
store opens, passes SQLite's and FTS5's integrity checks, holds every write the child acknowledged
exactly as written, and shows nothing half-written (whole batches, whole edits)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from presslens.article import Article
from presslens.store import analysis_key, open_store

from ..conftest import ROOT
from ..fault_child import text_of

SAVE_TRIALS, BATCH_TRIALS = 30, 20
BATCH = 5
ARTICLES = 1000


def killed(args: list[str], rng: random.Random, *, longest: float) -> list[str]:
    """Start the child, wait for it to be ready, SIGKILL it after a random delay; its acknowledged lines."""
    child = subprocess.Popen([sys.executable, "-m", "tests.fault_child", *args], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "ready", child.stderr.read()
    time.sleep(rng.uniform(0.0, longest))
    os.kill(child.pid, signal.SIGKILL)
    out, _ = child.communicate()
    return [line for line in out.splitlines() if line.startswith("ack ")]


def healthy(db) -> None:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")  # raises when corrupt
    conn.close()


def test_a_save_killed_at_any_moment_loses_nothing_acknowledged(tmp_path):
    rng = random.Random(10)
    db = tmp_path / "saves.sqlite"
    open_store(db).close()
    acked_add, acked_edit, start = set(), set(), 0
    for _ in range(SAVE_TRIALS):
        acks = killed(["save", str(db), str(start)], rng, longest=0.4)
        acked_add |= {a.split()[2] for a in acks if a.startswith("ack add")}
        acked_edit |= {a.split()[2] for a in acks if a.startswith("ack edit")}
        healthy(db)
        store = open_store(db)
        for record in store.list():
            n = int(record.id[1:])
            assert store.get(record.id).text == text_of(n)  # never a partial text
            edited = (record.title, record.source, record.version)
            assert edited in {(f"Title {n}", None, 1), (f"Edited {n}", "Kill desk", 2)}  # whole edits only
        ids = {r.id for r in store.list()}
        assert acked_add <= ids
        assert all(store.record(i).version == 2 for i in acked_edit)
        assert store.count() == len(ids)
        start = max((int(i[1:]) for i in ids), default=-1) + 1
        store.close()
    assert acked_add, "the child never got a write in: the kills came too early to test anything"


@pytest.mark.model
def test_a_batch_killed_at_any_moment_keeps_whole_batches(tmp_path, seed_analysis):
    from presslens.store.sqlite import pack_analysis

    rng = random.Random(20)
    db = tmp_path / "batch.sqlite"
    blobfile = tmp_path / "analysis.bin"
    blobfile.write_bytes(pack_analysis(seed_analysis))
    store = open_store(db)
    store.add_many(Article(f"b{n}", text_of(n)) for n in range(ARTICLES))
    keys = {analysis_key(store.get(f"b{n}")) for n in range(ARTICLES)}
    partial = 0
    for trial in range(BATCH_TRIALS):
        pipeline = f"kill-test-{trial}"  # each trial a run from the start, killed part-way
        acks = killed(["batch", str(db), pipeline, str(blobfile), str(BATCH)], rng, longest=0.3)
        acked = {key for a in acks for key in a.split()[2:]}
        healthy(db)
        conn = sqlite3.connect(db)
        stored = {k for (k,) in conn.execute("SELECT akey FROM analyses WHERE pipeline=?", (pipeline,))}
        conn.close()
        assert acked <= stored <= keys
        assert len(stored) % BATCH == 0  # one transaction per batch: never part of one
        assert open_store(db).count_unanalysed(pipeline) == ARTICLES - len(stored)  # the next run continues here
        partial += 0 < len(stored) < ARTICLES
        reopened = open_store(db)
        some = reopened.get("b0")
        if analysis_key(some) in stored:
            assert reopened.get_analysis(some, pipeline).actors == seed_analysis.actors
        reopened.close()
    assert partial >= BATCH_TRIALS // 2, "too few kills landed in the middle of a run to test anything"
