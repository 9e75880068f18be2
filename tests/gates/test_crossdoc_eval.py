"""Cross-document linking evaluation: B-cubed worked by hand, and the gold-data gate on MEANTIME."""

from __future__ import annotations

import pytest

from evaluation.crossdoc import FLOORS, analyse_docs, bcubed, evaluate, gold_mentions
from evaluation.meantime import read_corpus, split

from ..conftest import MEANTIME


def test_bcubed_by_hand():
    # gold: {a, b, c} one entity, {d} another; system joins a, b and d, leaves c alone.
    gold = {"a": 1, "b": 1, "c": 1, "d": 2}
    system = {"a": "x", "b": "x", "c": "y", "d": "x"}
    p, r, f = bcubed(gold, system)
    # precision: a 2/3, b 2/3, c 1/1, d 1/3 -> 8/12; recall: a 2/3, b 2/3, c 1/3, d 1/1 -> 8/12
    assert p == pytest.approx(8 / 12) and r == pytest.approx(8 / 12) and f == pytest.approx(8 / 12)
    assert bcubed(gold, {k: k for k in gold})[0] == 1.0
    assert bcubed({}, {}) == (0.0, 0.0, 0.0)


def corpus():
    if not MEANTIME.is_dir():
        pytest.skip(f"MEANTIME gold data not found at {MEANTIME}")
    return read_corpus(MEANTIME)


def test_gold_clusters_cross_documents():
    docs_of = {}
    for d in corpus():
        for _, instance in gold_mentions(d):
            docs_of.setdefault(instance, set()).add(d.name)
    # one instance id across articles: Apple Inc. is named in most of the Apple sub-corpus
    assert max(len(v) for v in docs_of.values()) >= 10


@pytest.mark.model
def test_gate_held_out_bcubed_beats_exact_names(nlp):
    docs = split(corpus(), "test")
    result = evaluate(docs, analyse_docs(docs, nlp))
    assert result["ours"][2] >= FLOORS["test_bcubed_f1"]
    assert result["ours"][2] > result["exact"][2]
