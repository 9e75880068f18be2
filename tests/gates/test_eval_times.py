"""`presslens eval times`: the TimeML reader, the TempEval-3 arithmetic, and gold-data floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from presslens.cli import main
from evaluation import times as ev
from evaluation.meantime import CatDocument, Timex, read_corpus, split
from evaluation.timeml import read_timeml, read_timeml_folder

from ..conftest import MEANTIME, ROOT

OWN_TIMEML = ROOT / "data" / "timeml"
# Floors under the figures docs/times.md reports: a rule change that loses ground fails here.
FLOORS = {"own": 0.95, "dev": 0.84, "test": 0.75}


def test_timeml_reader_keeps_offsets_into_the_text():
    docs = read_timeml_folder(OWN_TIMEML)
    assert len(docs) >= 7
    for doc in docs:
        assert doc.dct and len(doc.dct) == 10
        assert doc.timexes and all(doc.text[t.start : t.end] == t.text for t in doc.timexes)
        assert all(t.type in ("DATE", "TIME", "DURATION", "SET") and t.value for t in doc.timexes)


def test_timeml_reader_on_a_written_file(write_file):
    path = write_file("one.tml", (
        '<?xml version="1.0"?><TimeML><DOCID>one</DOCID>'
        '<DCT><TIMEX3 tid="t0" type="DATE" value="2018-08-02" functionInDocument="CREATION_TIME">x</TIMEX3></DCT>'
        '<TEXT>Sales <EVENT eid="e1">fell</EVENT> <TIMEX3 tid="t1" type="DATE" value="2018-07">last month</TIMEX3>.'
        "</TEXT></TimeML>"
    ))
    doc = read_timeml(path)
    assert (doc.name, doc.dct, doc.text) == ("one", "2018-08-02", "Sales fell last month.")
    assert [(t.text, t.value) for t in doc.timexes] == [("last month", "2018-07")]


def doc_with(*timexes: tuple[int, int, str], text: str = "x" * 100) -> CatDocument:
    return CatDocument("d", text, "2018-08-02", timexes=[Timex(s, e, text[s:e], "DATE", v) for s, e, v in timexes])


def test_tempeval_arithmetic():
    doc = doc_with((0, 10, "2018-07"), (20, 30, "2018-W30"), (40, 50, "2018-08-01"))
    predicted = [
        ev.Predicted(0, 10, "", "DATE", "2018-07"),  # exact, right value
        ev.Predicted(22, 30, "", "DATE", "2018-07"),  # overlapping, wrong value
        ev.Predicted(60, 70, "", "DATE", "2018"),  # spurious
    ]
    s = ev.score(doc, predicted)
    assert (s.gold, s.system, s.strict, s.relaxed, s.value) == (3, 3, 1, 2, 1)
    assert s.prf(s.strict) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert s.prf(s.relaxed)[2] == pytest.approx(2 / 3)
    assert s.value_accuracy == pytest.approx(0.5)
    assert s.value_f1 == pytest.approx(2 / 3 * 0.5)
    assert len(s.errors) == 3  # the wrong value, the miss and the spurious one


def test_one_gold_expression_matches_one_prediction():
    s = ev.score(doc_with((0, 20, "2018")), [ev.Predicted(0, 5, "", "DATE", "2018"), ev.Predicted(6, 20, "", "DATE", "2018")])
    assert (s.relaxed, s.system) == (1, 2)


def test_only_the_annotated_sentences_are_scored_and_the_dateline_is_metadata():
    text = "Title\nJune 6 , 2005\nIt rained on Monday .\nNot annotated on Tuesday ."
    doc = CatDocument("d", text, "2005-06-06", timexes=[Timex(32, 38, "Monday", "DATE", "2005-06-06")],
                      sentences=[(0, 5), (6, 19), (20, 40), (41, len(text))])
    predicted = [
        ev.Predicted(6, 19, "June 6 , 2005", "DATE", "2005-06-06"),
        ev.Predicted(32, 38, "Monday", "DATE", "2005-06-06"),
        ev.Predicted(59, 66, "Tuesday", "DATE", "2005-06-07"),
    ]
    s = ev.score(doc, ev.without_dateline(doc, predicted), region=ev.scored_region(doc))
    assert (s.gold, s.system, s.value) == (1, 1, 1)


def test_the_command_prints_our_row_the_baseline_and_the_published_figures(capsys):
    code = main(["eval", "times", str(OWN_TIMEML)])
    out = capsys.readouterr().out
    assert code == 0
    assert "presslens" in out and ev.GLUE in out
    assert "HeidelTime (TempEval-3 platinum test): value F1 77.61" in out and "90.32" in out


def test_a_missing_path_is_a_one_line_error(capsys):
    assert main(["eval", "times", "/no/such/folder"]) == 2
    assert capsys.readouterr().err.strip() == "presslens: error: /no/such/folder: no such file"


def test_an_empty_folder_is_a_one_line_error(capsys, tmp_path):
    assert main(["eval", "times", str(tmp_path)]) == 2
    assert "no gold documents here" in capsys.readouterr().err


def test_the_glue_baseline_reads_spacy_dates_with_dateparser(nlp):
    doc = CatDocument("g", "Sales fell last month and rose on Monday .", "2018-08-02")
    predicted = ev.glue(doc, nlp)
    assert [p.text for p in predicted] == ["last month", "Monday"]
    assert all(isinstance(p.value, str) for p in predicted)


def test_floor_on_our_own_timeml(nlp):
    totals = ev.evaluate(read_timeml_folder(OWN_TIMEML), nlp, baseline=False)
    assert totals[ev.OURS].value_f1 >= FLOORS["own"]


@pytest.mark.skipif(not Path(MEANTIME).is_dir(), reason="MEANTIME gold data not present")
@pytest.mark.parametrize("part", ["dev", "test"])
def test_floor_on_meantime(nlp, part):
    totals = ev.evaluate(split(read_corpus(MEANTIME), part), nlp, baseline=False)
    assert totals[ev.OURS].value_f1 >= FLOORS[part]
