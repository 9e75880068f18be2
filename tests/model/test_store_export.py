"""`presslens export` over a real store: JSONL (the contract), CSV tables with formula cells defused,
TimelineJS with its text escaped, and the query options."""

from __future__ import annotations

import csv
import io
import json

import pytest

from presslens.analysis import analyze
from presslens.cli import main
from presslens.ingest import article_from_text
from presslens.nlp import model_label
from presslens.store import open_store
from presslens.version import pipeline_version

# A quote whose words a spreadsheet would run, and a headline-like event text with markup in it.
HOSTILE = (
    '"+1+cmd|\' /C notepad\'!A0," Mayor Jane Roe said on Monday. '
    "The <b>council</b> voted on Tuesday to close the bridge, the Springfield Gazette reported."
)


@pytest.fixture
def db(tmp_path, nlp, seed_article, seed_analysis):
    path = tmp_path / "x.sqlite"
    store = open_store(path)
    pipeline = pipeline_version(model_label(nlp))
    store.add(seed_article, origin="seed")
    hostile = article_from_text(HOSTILE, id="hostile", title="<img src=x onerror=alert(1)>", source="Gazette",
                                published="2020-03-04")
    store.add(hostile)
    store.add(article_from_text("An unanalysed story about the harbour in Hull and its new crane.", id="later"))
    store.put_analyses([(seed_article, seed_analysis), (hostile, analyze(hostile, nlp=nlp))], pipeline)
    return path


def export(capsys, db, *args) -> tuple[int, str, str]:
    code = main(["export", "--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_jsonl_is_one_contract_analysis_per_article(capsys, db, seed_analysis):
    code, out, err = export(capsys, db)
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and {x["article"]["id"] for x in lines} == {seed_analysis.article.id, "hostile"}
    seed = next(x for x in lines if x["article"]["id"] == seed_analysis.article.id)
    assert seed == seed_analysis.to_dict()
    assert "1 stored articles are not analysed yet" in err


def test_csv_cells_are_defused_for_spreadsheets(capsys, db):
    code, out, _ = export(capsys, db, "--format", "csv", "--table", "events", "--source", "gazette")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and {r["article_id"] for r in rows} == {"hostile"}
    texts = [r["label"] for r in rows]  # an event is labelled with the words of its clause
    assert any("cmd|" in t for t in texts)
    assert not any(t.startswith(("=", "+", "-", "@")) for t in texts)
    assert rows[0]["article_title"] == "<img src=x onerror=alert(1)>"  # CSV is text: kept as written


@pytest.mark.parametrize("args, expected", [
    (["--actor", "Jane Roe"], {"hostile"}),
    (["--actor", "Putin"], {"000_9ee82df7129644d2"}),
    (["--search", "syrian refugees"], {"000_9ee82df7129644d2"}),
    (["--from", "2019-01-01"], {"hostile"}),
    (["--to", "2019-01-01"], {"000_9ee82df7129644d2"}),
    (["--source", "Nobody"], set()),
])
def test_the_query_options_choose_articles(capsys, db, args, expected):
    _, out, _ = export(capsys, db, *args)
    assert {json.loads(line)["article"]["id"] for line in out.splitlines()} == expected


def test_timelinejs_has_dated_slides_with_escaped_text(capsys, db):
    code, out, _ = export(capsys, db, "--format", "timelinejs")
    data = json.loads(out)
    assert code == 0 and data["events"]
    for slide in data["events"]:
        assert slide["start_date"]["year"].isdigit()
        for text in (slide["text"]["headline"], slide["group"]):
            assert "<" not in text
    groups = {s["group"] for s in data["events"]}
    assert "&lt;img src=x onerror=alert(1)&gt;" in groups


def test_a_bad_date_is_one_line(capsys, db):
    code, out, err = export(capsys, db, "--from", "2020-02-30")
    assert code == 2 and out == "" and err.count("\n") == 1 and "invalid publication date" in err
