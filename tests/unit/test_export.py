"""Exports: the JSON is the contract; the CSVs open safely in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json

import pytest

from presslens.article import Article
from presslens.export import actors_csv, analysis_json, mentions_csv, safe_cell
from presslens.schema import Actor, Analysis, Mention

TEXT = "=HYPERLINK(1) met Jane Roe.\nRoe left."
ANALYSIS = Analysis(
    article=Article("t", TEXT, title="T"),
    sentences=[(0, 27), (28, 37)],
    mentions=[
        Mention("m1", 0, 13, "=HYPERLINK(1)", "ORG", "a2"),
        Mention("m2", 18, 26, "Jane Roe", "PERSON", "a1", role="Mayor"),
        Mention("m3", 28, 31, "Roe", "PERSON", "a1"),
    ],
    actors=[
        Actor("a1", "Jane Roe", "PERSON", ["Jane Roe", "Roe"], ["m2", "m3"], roles=["Mayor"]),
        Actor("a2", "=HYPERLINK(1)", "ORG", ["=HYPERLINK(1)"], ["m1"]),
    ],
)


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_json_is_the_contract_and_round_trips():
    data = json.loads(analysis_json(ANALYSIS))
    assert data["schema"] == "presslens.analysis/1"
    assert Analysis.from_dict(data) == ANALYSIS


def test_mentions_csv_has_actor_names_and_sentences():
    found = rows(mentions_csv(ANALYSIS))
    assert [r["id"] for r in found] == ["m1", "m2", "m3"]
    assert found[1]["actor_name"] == "Jane Roe" and found[1]["role"] == "Mayor"
    assert found[2]["sentence"] == "Roe left."
    assert found[0]["text"] == "'=HYPERLINK(1)"  # defused


def test_actors_csv_counts_and_joins():
    found = rows(actors_csv(ANALYSIS))
    assert found[0] == {
        "id": "a1", "name": "Jane Roe", "type": "PERSON", "mentions": "2", "aliases": "Jane Roe; Roe",
        "roles": "Mayor", "first_mention": "18",
    }
    assert found[1]["name"] == "'=HYPERLINK(1)"


@pytest.mark.parametrize(
    "value, expected",
    [("=1+1", "'=1+1"), ("+cmd", "'+cmd"), ("@SUM(A1)", "'@SUM(A1)"), ("-2.5", "-2.5"), ("-x", "'-x"),
     ("Plain", "Plain"), (7, 7), ("", "")],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


@pytest.mark.parametrize(
    ("title", "stem"),
    [
        ("Russia Demands U.S. Help", "Russia-Demands-U.S.-Help"),
        ("../../etc/passwd", "etc-passwd"),
        ("..\\..\\windows\\system32", "windows-system32"),
        ("CON", "article-CON"),
        ("nul.txt", "article-nul.txt"),
        ("Lpt1", "article-Lpt1"),
        ("-rf --no-preserve-root", "rf-no-preserve-root"),
        (".hidden", "hidden"),
        ("a/b:c*d?e\"f<g>h|i", "a-b-c-d-e-f-g-h-i"),
        ("Café “quoted” – naïve", "Cafe-quoted-naive"),
        ("<script>alert(1)</script>", "script-alert-1-script"),
        ("\u202eevil\u0000name\n", "evil-name"),
        ("", "article"),
        ("///", "article"),
        ("x" * 500, "x" * 80),
    ],
)
def test_file_names_from_titles_have_no_separators_traversal_or_reserved_names(title, stem):
    from components.exports import file_stem

    assert file_stem(title) == stem

