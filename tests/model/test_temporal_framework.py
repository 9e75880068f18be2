"""The time-rule framework: priorities and behaviour are declared on each rule, never read from its name."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from presslens.temporal import find_times, framework, tagger
from presslens.temporal.rules import FAMILIES, RULES

PUB = dt.date(2018, 8, 2)


def test_every_rule_declares_a_unique_priority_and_a_known_kind():
    priorities = [r.priority for r in RULES]
    assert len(set(priorities)) == len(priorities) and priorities == sorted(priorities)
    assert all(r.kind in framework.KINDS for r in RULES)
    assert {r.name for r in RULES} == {r.name for r in framework.REGISTRY}
    assert {f.__name__.rsplit(".", 1)[-1] for f in FAMILIES} >= {"dates", "clock", "relative", "durations"}


def test_a_second_rule_with_a_taken_priority_is_refused():
    with pytest.raises(ValueError, match="both have priority"):
        framework.rule(r"\bnever\b", priority=RULES[0].priority)(lambda m, ctx: None)


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="unknown rule kind"):
        framework.rule(r"\bnever\b", priority=1, kind="clocks")


@pytest.mark.model
def test_renaming_every_rule_changes_nothing(nlp, monkeypatch):
    text = "On Monday at 3 p.m. the board met. Two days later, it voted. Prices are high now, the next day too."
    doc = nlp(text)
    before = find_times(doc, published=PUB)
    renamed = [dataclasses.replace(r, name=f"rule_{i}") for i, r in enumerate(RULES)]
    monkeypatch.setattr(tagger, "RULES", renamed)
    assert find_times(doc, published=PUB) == before
    # The clock takes its sentence's day; "now" anchors nothing, so "the next day" counts from t3.
    assert [t.anchor for t in before] == ["publication", "t1", "t1", "publication", "t3"]


@pytest.mark.model
def test_behaviour_follows_the_declared_attributes(nlp, monkeypatch):
    doc = nlp("On Monday, the board met. Now shares are up. The next day it voted.")
    # "now" declares anchor=False: "the next day" counts from Monday, not from the publication day.
    times = find_times(doc, published=PUB)
    assert times[-1].anchor == times[0].id
    anchoring = [dataclasses.replace(r, anchor=True) if r.kind == "reference" else r for r in RULES]
    monkeypatch.setattr(tagger, "RULES", anchoring)
    assert find_times(doc, published=PUB)[-1].anchor == "t2"
