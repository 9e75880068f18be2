"""The step contract without a model: declared writes are enforced, names are checked, swap keeps the order."""

from __future__ import annotations

import pytest

from presslens.article import Article
from presslens.pipeline import STEPS, run_steps, step_named, swap
from presslens.step import Draft, Step


def test_a_step_writes_exactly_what_it_declares():
    draft = Draft(Article(id="a", text="x"))
    Step("ok", reads=(), writes=("warnings",), fn=lambda doc, d: {"warnings": ["w"]}).run(None, draft)
    assert draft.warnings == ["w"]
    sneaky = Step("sneaky", reads=(), writes=("warnings",), fn=lambda doc, d: {"warnings": [], "quotes": []})
    with pytest.raises(RuntimeError, match="declares writes"):
        sneaky.run(None, draft)


def test_a_step_names_only_draft_fields():
    with pytest.raises(ValueError, match="does not have"):
        Step("bad", reads=("mentionz",), writes=(), fn=lambda doc, d: {})


def test_every_field_a_step_reads_is_written_earlier_in_the_list():
    written = {"article"}
    for step in STEPS:
        assert set(step.reads) <= written, step.name
        written |= set(step.writes)
    assert written >= {"sentences", "mentions", "actors", "times", "events", "figures", "quotes", "warnings"}


def test_swap_replaces_one_step_in_place_and_runs_the_new_one():
    quiet = Step("warnings", reads=("article",), writes=("warnings",), fn=lambda doc, d: {"warnings": ["swapped"]})
    steps = swap(quiet)
    assert [s.name for s in steps] == [s.name for s in STEPS] and step_named("warnings", steps) is quiet
    assert run_steps(Article(id="a", text="x"), None, [quiet]).warnings == ["swapped"]
    with pytest.raises(KeyError):
        swap(Step("nope", reads=(), writes=(), fn=lambda doc, d: {}))
