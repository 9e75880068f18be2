"""Integrity of the news dev set (data/news/): every gold file matches its text and every anchor resolves.

Scores are not computed here; this checks only that the gold says what its annotator meant to say.
"""

import json

import pytest

from evaluation import news

DOCS = [d for split in news.SPLITS for d in news.load(split)]
CONTRACT_TYPES = {"DATE", "TIME", "DURATION", "SET"}
QUOTE_KINDS = {"direct", "partial", "indirect"}
QUALIFIERS = {None, "approximately", "at least", "at most", "more than", "less than"}


def test_anchors_resolve_a_string_once_or_by_occurrence():
    text = "Russia and Russian officials; Russia again."
    assert news.resolve(text, ["Russia", 2]) == (30, 36)
    assert news.resolve(text, "Russian") == (11, 18)
    with pytest.raises(news.AnchorError, match="2 times"):
        news.resolve(text, "Russia")
    with pytest.raises(news.AnchorError, match="not 3"):
        news.resolve(text, ["Russia", 3])


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: f"{d.split}/{d.name}")
def test_gold_matches_its_text_and_every_anchor_resolves(doc):
    assert doc.gold["text_sha256"] == news.text_hash(doc.text), "the text changed after it was annotated"
    assert "\r" not in doc.text
    names = {a["name"] for a in doc.gold.get("actors", [])}
    mentions = doc.mentions  # resolves every actor anchor
    spans = [(m.start, m.end) for m in mentions]
    assert len(spans) == len(set(spans)), "a span is annotated twice"
    for m in mentions:
        assert m.stands_for is None or m.stands_for in names, m
    for t in doc.times:
        assert t["type"] in CONTRACT_TYPES, t
    for q in doc.quotes:
        assert q["kind"] in QUOTE_KINDS, q
    for raw in doc.gold.get("quotes", []) + doc.gold.get("figures", []):
        for key in ("speaker", "claimant"):
            assert raw.get(key) is None or raw[key] in names, raw
    for f in doc.figures:
        assert f["qualifier"] in QUALIFIERS and f.get("change") in (None, "+", "-"), f
    doc.not_speakers
    meta = json.loads(doc.path.with_name(f"{doc.name}.meta.json").read_text(encoding="utf-8"))
    assert doc.gold.get("published_source") in ("metadata", "dateline", None)
    assert (meta.get("published") is None) == (doc.gold.get("published_source") != "metadata")


def test_each_kind_has_one_dev_and_one_test_text():
    kinds = {}
    for doc in DOCS:
        kinds.setdefault(doc.kind, []).append(doc.split)
    assert all(sorted(splits) == ["dev", "test"] for splits in kinds.values()), kinds
