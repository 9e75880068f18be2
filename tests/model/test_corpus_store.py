"""The corpus read from a real SQLite store: `presslens entities`, actors[].entity, and a reader's
merge/split correction that survives re-analysis."""

from __future__ import annotations

import json

import pytest

from presslens.cli import main
from presslens.corpus.stored import load_corrections, stored_corpus
from presslens.store import open_store

TEXTS = {
    "helsinki": ("Daily A", "2018-07-17", "President Donald Trump met Russian President Vladimir Putin in Helsinki on Monday. "
                 "Putin said the talks were useful."),
    "summit": ("B News", "2018-07-16", "Vladimir Putin arrived late for the summit. Trump waited for almost an hour."),
    "golf": ("C Sport", "2018-07-20", "Dustin Johnson won the tournament in Memphis. Johnson thanked his caddie."),
    "london": ("Daily A", "2018-07-21", "Boris Johnson resigned as Foreign Secretary. Johnson wrote a letter to Theresa May."),
}


@pytest.fixture
def db(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, (source, published, text) in TEXTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        (folder / f"{name}.meta.json").write_text(json.dumps({"source": source, "published": published}), encoding="utf-8")
    path = tmp_path / "corpus.sqlite"
    assert main(["add", str(folder), "--db", str(path)]) == 0
    return path


def entities(db, capsys, *extra) -> list[dict]:
    capsys.readouterr()
    assert main(["entities", "--db", str(db), "--format", "jsonl", *extra]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def by_name(rows, name):
    return next(r for r in rows if r["name"] == name)


@pytest.mark.model
def test_entities_command_and_corrections_survive_reanalysis(db, capsys, nlp):
    rows = entities(db, capsys)
    putin = by_name(rows, "Vladimir Putin")
    # the store also holds the seed article (Putin again)
    assert putin["articles"] == 3 and putin["type"] == "PERSON" and "Putin" in putin["aliases"]
    assert by_name(rows, "Dustin Johnson")["id"] != by_name(rows, "Boris Johnson")["id"]

    # the reader splits the summit article's Putin off, then the store's analyses are redone
    rows = entities(db, capsys, "--split", putin["id"], "summit")
    assert sorted(r["articles"] for r in rows if r["name"] == "Vladimir Putin") == [1, 2]
    store = open_store(db)
    from presslens.analysis import analyze_many
    from presslens.nlp import model_label
    from presslens.version import pipeline_version

    pipeline = pipeline_version(model_label(nlp))
    articles = [store.get(i) for i in TEXTS]
    store.put_analyses(zip(articles, analyze_many(articles, nlp=nlp)), pipeline)
    assert len(load_corrections(store)) == 1
    analyses, index = stored_corpus(store, pipeline)
    assert all(a.entity for x in analyses for a in x.actors), "every stored actor carries its entity"
    putins = [e for e in index.entities if e.name == "Vladimir Putin"]
    assert sorted(e.articles for e in putins)[1] == ["summit"] and "helsinki" in sorted(e.articles for e in putins)[0]

    # and merges them back
    rows = entities(db, capsys, "--merge", *(e.id for e in putins))
    assert [r["articles"] for r in rows if r["name"] == "Vladimir Putin"] == [3]


def test_entities_table_and_bad_ids(db, capsys, tmp_path):
    store = open_store(db)
    store.close()
    capsys.readouterr()
    assert main(["entities", "--db", str(tmp_path / "empty.sqlite")]) == 0
    assert capsys.readouterr().out.startswith("id ")
    assert main(["entities", "--db", str(tmp_path / "empty.sqlite"), "--merge", "ent-x", "ent-y"]) == 2
    assert "no entity 'ent-x'" in capsys.readouterr().err
