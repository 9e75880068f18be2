"""`presslens eval quotes|figures`: the gold files, the match rule, clear errors, and the gate on stored floors."""

from __future__ import annotations

import json
import shutil

import pytest

from presslens.cli import main
from evaluation import figures as eval_figures
from evaluation import quotes as eval_quotes
from evaluation.attribution import GOLD_DIR, load_gold, pair_up, spans_match, text_hash

from ..conftest import MEANTIME

# The gate: scores measured when the rules were written (docs/quotes-figures.md), less a margin for
# harmless changes in the model or the entity step. A drop below a floor fails the suite.
QUOTE_FLOORS = {  # (group, kind) -> (F1, speaker accuracy)
    ("seed", "all"): (95.0, 95.0),
    ("dev", "all"): (92.0, 95.0),
    ("test", "all"): (83.0, 80.0),
    ("test", "direct"): (85.0, 90.0),
    ("news-dev", "all"): (87.0, 94.0),
    ("news-test", "all"): (83.0, 88.0),
}
FIGURE_FLOORS = {  # group -> (F1, value accuracy, qualifier accuracy, claimant accuracy)
    "seed": (99.0, 99.0, 99.0, 99.0),
    "dev": (90.0, 95.0, 95.0, 95.0),
    "test": (85.0, 95.0, 95.0, 80.0),
}


@pytest.mark.parametrize("a, b, match", [
    ((0, 10), (0, 10), True), ((0, 10), (2, 12), True), ((0, 10), (0, 4), False), ((0, 10), (5, 30), False),
    ((0, 10), (10, 20), False), ((10, 20), (9, 21), True),
])
def test_match_rule_needs_half_of_each_span(a, b, match):
    assert spans_match(a, b) is match


def test_pairs_are_one_to_one_largest_overlap_first():
    gold = [(0, 20), (21, 30)]
    predicted = [(0, 19), (1, 20), (21, 29)]
    assert pair_up(gold, predicted) == [(0, 1), (1, 2)]


def test_every_gold_file_points_at_its_text_and_stays_inside_it():
    for kind in ("quotes", "figures"):
        docs = load_gold(kind)
        assert {d.group for d in docs} == {"seed", "dev", "test", "news-dev", "news-test"}
        assert sum(d.group != "seed" for d in docs) >= 10
        for doc in docs:
            for item in doc.items:
                spans = [item["span"]]
                source = item.get("speaker") or item.get("claimant")
                if source:
                    spans += [source["at"], *source["refs"]]
                if item.get("subject"):
                    spans.append(item["subject"])
                assert all(0 <= s < e <= len(doc.text) for s, e in spans), (doc.name, item)


def test_gold_never_copies_article_text():
    for path in GOLD_DIR.glob("*/*.json"):
        data = json.loads(path.read_text())
        assert set(data) == {"corpus", "file", "text_sha256", path.parent.name}
        for item in data[path.parent.name]:
            assert not any(isinstance(v, str) and len(v) > 20 for v in item.values()), (path.name, item)


def copy_gold(tmp_path):
    target = tmp_path / "gold"
    shutil.copytree(GOLD_DIR / "quotes", target / "quotes")
    return target


def test_changed_article_text_is_a_clear_error(tmp_path, capsys):
    gold = copy_gold(tmp_path)
    path = next(p for p in (gold / "quotes").glob("*.json") if "Apple" in p.name)
    data = json.loads(path.read_text())
    data["text_sha256"] = "000000000000"
    path.write_text(json.dumps(data))
    assert main(["eval", "quotes", "--gold", str(gold), "--no-baseline"]) == 2
    err = capsys.readouterr().err
    assert "the gold no longer matches" in err and "Traceback" not in err


def test_missing_gold_or_corpus_is_a_clear_error(tmp_path, capsys):
    assert main(["eval", "figures", "--gold", str(tmp_path)]) == 2
    assert "gold annotations not found" in capsys.readouterr().err
    gold = copy_gold(tmp_path)
    assert main(["eval", "quotes", "--gold", str(gold), "--meantime", str(tmp_path / "nowhere"), "--no-baseline"]) == 2
    assert "no MEANTIME CAT XML files here" in capsys.readouterr().err


def test_hash_is_of_the_rebuilt_text():
    from evaluation.meantime import read_cat

    doc = next(d for d in load_gold("figures") if d.group == "dev")
    data = json.loads((GOLD_DIR / "figures" / f"{doc.name}.json").read_text())
    assert text_hash(read_cat(MEANTIME / data["file"]).text) == data["text_sha256"]


# --- with the real pipeline ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def quote_scores(nlp):
    tallies, _ = eval_quotes.score(load_gold("quotes"), nlp, baseline=False)
    return tallies


@pytest.fixture(scope="module")
def figure_scores(nlp):
    return eval_figures.score(load_gold("figures"), nlp)


@pytest.mark.model
@pytest.mark.parametrize("key", list(QUOTE_FLOORS))
def test_gate_quotes_stay_above_their_floors(quote_scores, key):
    tally = quote_scores[(*key, "presslens")]
    f1_floor, speaker_floor = QUOTE_FLOORS[key]
    assert 100 * tally.f1 >= f1_floor, f"{key}: quote F1 {100 * tally.f1:.1f} < floor {f1_floor}"
    assert 100 * tally.accuracy("speaker") >= speaker_floor


@pytest.mark.model
def test_news_dev_quotes_have_no_document_speaker_and_none_in_credits(quote_scores):
    tally = quote_scores[("news-dev", "all", "presslens")]
    assert tally.checks["doc speaker"][0] == 0 and tally.checks["doc speaker"][1] > 0
    assert tally.checks["in bp"][0] == 0


@pytest.mark.model
@pytest.mark.parametrize("group", list(FIGURE_FLOORS))
def test_gate_figures_stay_above_their_floors(figure_scores, group):
    tally = figure_scores[(group, "presslens")]
    floors = dict(zip(("f1", "value", "qualifier", "claimant"), FIGURE_FLOORS[group]))
    assert 100 * tally.f1 >= floors.pop("f1"), f"{group}: figure F1 {100 * tally.f1:.1f}"
    for check, floor in floors.items():
        assert 100 * tally.accuracy(check) >= floor, f"{group}: {check} {100 * tally.accuracy(check):.1f} < {floor}"


@pytest.mark.model
def test_figures_beat_the_raw_numeric_entities(figure_scores):
    assert figure_scores[("wikinews", "presslens")].f1 > figure_scores[("wikinews", "spaCy NER")].f1


@pytest.mark.model
def test_textacy_baseline_runs_with_this_spacy(nlp, seed_article):
    quotes, refused = eval_quotes.textacy_quotes(nlp(seed_article.text))
    assert refused == 0
    assert any("Russia and the United States" in seed_article.text[slice(*q["span"])] for q in quotes)


@pytest.mark.model
def test_eval_commands_print_their_tables(capsys):
    assert main(["eval", "figures"]) == 0
    out = capsys.readouterr().out
    assert "MEANTIME test (held out) 7 articles" in out and "spaCy NER" in out
    assert out.count("presslens") >= 4


@pytest.mark.model
@pytest.mark.parametrize("group, f1_floor, change_floor", [("news-dev", 79.0, 90.0), ("news-test", 79.0, 80.0)])
def test_gate_news_figures_keep_their_direction(figure_scores, group, f1_floor, change_floor):
    tally = figure_scores[(group, "presslens")]
    assert 100 * tally.f1 >= f1_floor
    assert 100 * tally.accuracy("change") >= change_floor
