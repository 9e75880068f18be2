"""`presslens eval entities` and `python -m presslens.bench` from the outside: exit codes and output."""

from __future__ import annotations

import pytest

from benchmarks import bench
from presslens.article import Article
from presslens.cli import main
from evaluation.entities import GoldName, Score, meantime_gold, normalise, score_names
from evaluation.meantime import CatDocument, EntityMention


def test_eval_without_meantime_is_one_line_and_exit_2(capsys, tmp_path):
    code = main(["eval", "entities", "--meantime", str(tmp_path)])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.startswith("presslens: error: ") and "no MEANTIME CAT XML files" in err and err.count("\n") == 1


def test_eval_with_a_missing_gold_file_is_one_line(capsys, tmp_path):
    code = main(["eval", "entities", "--gold", str(tmp_path / "none.json")])
    _, err = capsys.readouterr()
    assert code == 2 and "gold annotations not found" in err


@pytest.mark.model
def test_eval_prints_ours_beside_the_raw_model(capsys):
    code = main(["eval", "entities"])
    out, _ = capsys.readouterr()
    assert code == 0
    for line in ("Seed gold (", "mentions, presslens", "mentions, raw model", "actors right:", "dev (15 documents)",
                 "test (15 documents, held out)", "MEANTIME wikinews-apple", "News set (data/news)",
                 "actors B-cubed, presslens", "pronoun links, presslens", "dev (16 documents)"):
        assert line in out
    # the seed, then dev and test of each corpus: MEANTIME Apple and the news set
    assert out.count("raw model") == 5


@pytest.mark.parametrize(
    "text, expected",
    [
        ("the iPhone", "iPhone"),
        ("`` App Store ''", "App Store"),
        ("Apple Inc. ,", "Apple Inc"),
        ("Apple 's", "Apple"),
        ("The", "The"),  # never trimmed to nothing
    ],
)
def test_meantime_spans_are_trimmed_the_same_way_on_both_sides(text, expected):
    start, end = normalise(text, 0, len(text))
    assert text[start:end] == expected


def _doc(text, *mentions):
    return CatDocument("d", text, None, entities=[
        EntityMention(text.index(t), text.index(t) + len(t), t, syntax, kind, inst) for t, syntax, kind, inst in mentions
    ])


def test_meantime_scoring_rules():
    text = "Presiding Judge Martin Mann said the iPhone from Apple beat Acme in Paris ."
    doc = _doc(
        text,
        ("Presiding Judge Martin Mann", "NAM", "PER", "p1"), ("Martin Mann", "NAM", "PER", "p1"),
        ("the iPhone", "NAM", "PRO", "x"), ("Apple", "PRE.NAM", "ORG", "a"), ("Paris", "NAM", "LOC", "l"),
    )
    gold = meantime_gold(doc)
    paris = text.index("Paris")
    assert gold[0] == [GoldName(frozenset({(0, 27), (16, 27)}), "PER"), GoldName(frozenset({(paris, paris + 5)}), "LOC")]

    def span(t, label):
        return (text.index(t), text.index(t) + len(t), label)

    score, errors = score_names(text, gold, [
        span("Martin Mann", "PERSON"),  # the inner of two nested mentions of one entity: right, once
        span("iPhone", "ORG"),          # touches an annotated product: wrong
        span("Apple", "ORG"),           # an optional premodifier name: ignored
        span("Acme", "ORG"),            # touches no annotation: ignored
        span("Paris", "GPE"),           # GPE is the place class: right
    ])
    assert score == Score(tp=2, predicted=3, gold=2)
    assert errors == [("wrong", "iPhone", "ORG")]


@pytest.mark.model
def test_bench_measures_both_sides_and_every_stage(nlp):
    articles = [Article(id="a", text="Angela Merkel met Emmanuel Macron in Paris on Monday."),
                Article(id="b", text="The Bank of England raised rates, Reuters reported.")]
    result = bench.measure(nlp, articles, repeat=1)
    assert result["words"] == 20 and result["raw"] > 0 and result["full"] > 0
    assert set(result["stages"]) >= set(bench.STAGES)
    text = bench.report(result, model="m", repeat=1, texts=2)
    assert "ratio full / raw" in text and "Machine:" in text
