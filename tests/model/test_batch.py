"""Batch analysis of the store: worker processes, one commit per batch, resumable, the same analyses as
one at a time; and the command line around it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from presslens.analysis import analyze
from presslens.ingest import article_from_text
from presslens.nlp import model_label
from presslens.store import open_store
from presslens.store.batch import run
from presslens.version import pipeline_version

from ..conftest import ROOT

# Short stories written for these tests: people, places, dates, figures and a quote in each.
STORIES = [
    "Mayor Jane Roe said on Monday that the bridge in Springfield would open in May.",
    "The council of Riverton voted 7 to 2 on Tuesday to close three schools after the flood.",
    "Prices rose 4 percent in March, the statistics office in Ottawa said on Friday.",
    "\"We will rebuild,\" said fire chief Tom Baker after the warehouse burned on Sunday.",
    "Apple sold 10 million phones in the first week, the company said in Cupertino.",
    "Ministers from twelve countries met in Geneva on Thursday to discuss river pollution.",
    "The hospital in Leeds reported 14 new cases of measles last week, officials said.",
    "Storms cut power to 80,000 homes in Ohio on Wednesday, the utility said.",
    "Senator Maria Lopez told reporters in Austin that the bill would pass by June.",
    "The museum in Lyon will reopen on 3 April after a two-year renovation, its director said.",
]


@pytest.fixture
def filled(tmp_path, nlp):
    store = open_store(tmp_path / "presslens.sqlite")
    for n, text in enumerate(STORIES):
        store.add(article_from_text(text, id=f"s{n}", published="2020-03-04"))
    return store, pipeline_version(model_label(nlp))


def test_two_workers_analyse_everything_once_like_one_at_a_time(filled, nlp):
    store, pipeline = filled
    summary = run(store, pipeline, workers=2, batch_size=3, progress=False)
    assert (summary.analysed, summary.failed) == (len(STORIES), [])
    assert store.count_unanalysed(pipeline) == 0
    for n in (0, 3, 9):
        article = store.get(f"s{n}")
        assert store.get_analysis(article, pipeline).to_dict() == analyze(article, nlp=nlp).to_dict()
    again = run(store, pipeline, workers=2, progress=False)
    assert again.analysed == 0  # resumable: nothing is done twice


def test_a_stopped_run_continues_where_it_stopped(filled):
    store, pipeline = filled
    first = run(store, pipeline, workers=1, batch_size=4, limit=4, progress=False)
    assert (first.analysed, store.count_unanalysed(pipeline)) == (4, len(STORIES) - 4)
    rest = run(store, pipeline, workers=1, batch_size=4, progress=False)
    assert rest.analysed == len(STORIES) - 4 and store.count_unanalysed(pipeline) == 0


def test_a_worker_of_another_pipeline_version_is_never_stored(filled):
    from presslens.errors import PresslensError

    store, _ = filled
    with pytest.raises(PresslensError, match="install the same presslens"):
        run(store, "some-other-version", workers=1, progress=False)
    assert store.count_unanalysed("some-other-version") == len(STORIES)


def test_the_command_line_adds_a_folder_and_analyses_it_all(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n, text in enumerate(STORIES[:4]):
        (folder / f"story{n}.txt").write_text(text)
    db = tmp_path / "x.sqlite"
    cli = [sys.executable, "-m", "presslens.cli"]
    added = subprocess.run([*cli, "add", str(folder), "--db", str(db)], capture_output=True, text=True, cwd=ROOT)
    assert added.returncode == 0, added.stderr
    assert "4 added" in added.stderr
    done = subprocess.run([*cli, "analyze", "--all", "--workers", "2", "--db", str(db), "--no-progress"],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "analysed 5 articles" in done.stderr and "0 left" in done.stderr  # the 4 and the seed
    again = subprocess.run([*cli, "analyze", "--all", "--db", str(db), "--no-progress"], capture_output=True, text=True, cwd=ROOT)
    assert "analysed 0 articles" in again.stderr
    bad = subprocess.run([*cli, "analyze", "--all", "--workers", "0", "--db", str(db)], capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


def test_the_same_batch_runs_on_a_real_dask_local_cluster_of_two_workers(filled, nlp):
    pytest.importorskip("distributed", reason="Dask distributed is a dev dependency: make setup installs it")
    store, pipeline = filled
    summary = run(store, pipeline, workers=2, dask="local", batch_size=3, progress=False)
    assert (summary.analysed, summary.failed, summary.engine) == (len(STORIES), [], "dask local")
    article = store.get("s5")
    assert store.get_analysis(article, pipeline).to_dict() == analyze(article, nlp=nlp).to_dict()
    assert run(store, pipeline, workers=2, dask="local", progress=False).analysed == 0


def test_an_unreachable_scheduler_is_one_line(filled):
    pytest.importorskip("distributed")
    from presslens.errors import PresslensError
    from presslens.store.cluster import client_for

    with pytest.raises(PresslensError, match="cannot reach the Dask scheduler"):
        client_for("tcp://127.0.0.1:9", workers=1, timeout=2)
