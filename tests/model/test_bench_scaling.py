"""The scaling bench: its texts are what it says, and its report names every step with a ratio to 1x."""

from __future__ import annotations

import pytest

from benchmarks.bench_scaling import STEPS, report_scaling, said_text, scaled_text, scaling


def test_hostile_texts_have_the_asked_number_of_attributed_sentences():
    indirect, direct = said_text(50, direct=False), said_text(50, direct=True)
    assert indirect.count(" said ") == 50 and direct.count("” Jane Roe said.") == 50


def test_scaled_text_is_the_seed_repeated():
    once = scaled_text(1)
    assert scaled_text(3).count(once) == 3


@pytest.mark.model
def test_report_gives_cost_per_thousand_words_and_ratio_for_every_step(nlp):
    text = report_scaling(scaling([1, 2], rounds=1, nlp=nlp), model="m")
    for step in STEPS:
        assert any(line.startswith(step) and len(line.split()) == 4 for line in text.splitlines()), step
    assert "flat within" in text
