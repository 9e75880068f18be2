"""The seed gold's integrity, the gold-data gate (scores may not drop below the stored floors), and the
entity rules with the real model on the seed and on text written for these tests."""

from __future__ import annotations

import hashlib
import json
import os

import pytest

from presslens.analysis import analyze
from presslens.article import Article
from evaluation.entities import FLOORS, SEED_GOLD, evaluate_meantime, evaluate_seed
from evaluation.meantime import read_corpus, split

from ..conftest import MEANTIME, ROOT

GOLD = json.loads(SEED_GOLD.read_text(encoding="utf-8"))


def test_gold_offsets_match_the_seed_text():
    text = (ROOT / GOLD["article"]).read_text(encoding="utf-8")
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == GOLD["sha256"]
    for m in GOLD["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"], m


def test_gold_is_consistent():
    mentions, actors = GOLD["mentions"], {a["name"]: a for a in GOLD["actors"]}
    assert [(m["start"], m["end"]) for m in mentions] == sorted((m["start"], m["end"]) for m in mentions)
    assert all(a["end"] <= b["start"] for a, b in zip(mentions, mentions[1:])), "mentions overlap"
    for m in mentions:
        assert m["actor"] is None or m["actor"] in actors
        assert m["stands_for"] is None or m["stands_for"] in actors
        assert m["actor"] is None or m["label"] == actors[m["actor"]]["type"]
        assert not any(s <= m["start"] < e for s, e in GOLD["boilerplate"])
    for name, actor in actors.items():
        texts = [m["text"] for m in mentions if m["actor"] == name]
        assert actor["aliases"] == list(dict.fromkeys(texts)) and name in texts


def _meantime_or_skip():
    if not MEANTIME.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"MEANTIME gold data missing at {MEANTIME}")
        pytest.skip(f"MEANTIME gold data not found at {MEANTIME}")
    return read_corpus(MEANTIME)


@pytest.fixture(scope="module")
def seed_scores(nlp):
    return evaluate_seed(nlp)


@pytest.mark.model
def test_gate_seed_mentions(seed_scores):
    assert seed_scores["ours"].f1 >= FLOORS["seed_mention_f1"]


@pytest.mark.model
def test_gate_seed_actors(seed_scores):
    assert seed_scores["actors_right"] / seed_scores["actors"] >= FLOORS["seed_actors_right"], seed_scores["actor_problems"]


@pytest.mark.model
def test_gate_meantime_test_split_above_floor_and_above_raw(nlp):
    result = evaluate_meantime(nlp, split(_meantime_or_skip(), "test"))
    assert result["ours"].f1 >= FLOORS["meantime_test_f1"]
    assert result["ours"].f1 > result["raw"].f1


@pytest.fixture(scope="module")
def news_scores(nlp):
    from evaluation import news
    from evaluation.entities import evaluate_news

    return {part: evaluate_news(nlp, news.load(part)) for part in news.SPLITS}


@pytest.mark.model
@pytest.mark.parametrize("part", ["dev", "test"])
def test_gate_news_names_above_raw(news_scores, part):
    assert news_scores[part]["ours"].f1 > news_scores[part]["raw"].f1


@pytest.mark.model
def test_gate_news_actor_clustering_and_pronoun_precision(news_scores):
    assert news_scores["test"]["bcubed"][2] >= FLOORS["news_test_bcubed_f1"]
    assert news_scores["test"]["bcubed"][2] > news_scores["test"]["raw_bcubed"][2]
    assert news_scores["dev"]["pronouns"].precision >= FLOORS["news_dev_pronoun_precision"]


@pytest.mark.model
def test_seed_analysis_mentions_are_clean(seed_analysis):
    text = seed_analysis.article.text
    mentions = seed_analysis.mentions
    assert all(text[m.start:m.end] == m.text for m in mentions)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))
    assert not any(m.text.endswith(("’s", "'s")) for m in mentions)
    assert [text[s:e] for s, e in seed_analysis.boilerplate] == [text.splitlines()[-1]]
    ids = {a.id for a in seed_analysis.actors}
    assert all(m.actor in ids for m in mentions if m.actor) and all(m.stands_for in ids for m in mentions if m.stands_for)


STORY = (
    "Prime Minister Theresa May met German Chancellor Angela Merkel in Berlin on Monday. "
    "May told reporters that London wanted a deal. Merkel’s spokesman Steffen Seibert said the talks "
    "were useful, according to the Financial Times.\n"
    "Reporting by Jane Roe; Editing by John Doe"
)


@pytest.fixture(scope="module")
def story(nlp):
    return analyze(Article(id="story", text=STORY), nlp=nlp)


@pytest.mark.model
def test_real_model_titles_become_roles(story):
    people = {a.name: a for a in story.actors if a.type == "PERSON"}
    assert people["Theresa May"].roles == ["Prime Minister"]
    assert people["Angela Merkel"].roles == ["German Chancellor"]
    assert "Merkel" in people["Angela Merkel"].aliases and "May" in people["Theresa May"].aliases


@pytest.mark.model
def test_real_model_credit_line_is_boilerplate(story):
    assert [STORY[s:e] for s, e in story.boilerplate] == ["Reporting by Jane Roe; Editing by John Doe"]
    assert not any(m.text in ("Jane Roe", "John Doe") for m in story.mentions)


@pytest.mark.model
def test_real_model_values_have_no_actor(story):
    monday = next(m for m in story.mentions if m.text == "Monday")
    assert monday.label == "DATE" and monday.actor is None


@pytest.mark.model
@pytest.mark.parametrize(
    "text, mentions, boilerplate",
    [
        ("Follow Ben Kew on Twitter.", [], ["Follow Ben Kew on Twitter."]),
        ("“Unbalanced quote, Putin said", [("Putin", "PERSON")], []),
        ("’s ’s", [], []),
        ("x", [], []),
    ],
)
def test_odd_texts_give_clean_results(nlp, text, mentions, boilerplate):
    result = analyze(Article(id="odd", text=text), nlp=nlp)
    assert [(m.text, m.label) for m in result.mentions] == mentions
    assert [text[s:e] for s, e in result.boilerplate] == boilerplate
