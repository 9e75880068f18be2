"""The engine's steps, in the order they run: the one list `build_analysis`, benches and evaluations use.

Adding a step is one module in presslens/steps/ (a `STEP = Step(...)`) and one line below. Helpers run
the list up to a step, time one step, or swap one for a variant.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from spacy.tokens import Doc

from .article import Article
from .schema import Analysis
from .step import Draft, Step
from .steps import entities, events, figures, quotes, sentences, times, warnings

STEPS: tuple[Step, ...] = (
    entities.STEP,  # mentions, actors and boilerplate from the presslens_entities component's Doc
    times.STEP,  # times, and the DATE/TIME mentions they are
    quotes.STEP,
    figures.STEP,
    sentences.STEP,
    events.STEP,
    warnings.STEP,
)


def step_named(name: str, steps: Sequence[Step] = STEPS) -> Step:
    for step in steps:
        if step.name == name:
            return step
    raise KeyError(f"no step named {name!r}: {[s.name for s in steps]}")


def run_steps(article: Article, doc: Doc, steps: Sequence[Step] = STEPS) -> Draft:
    draft = Draft(article)
    for step in steps:
        step.run(doc, draft)
    return draft


def build_analysis(article: Article, doc: Doc, steps: Sequence[Step] = STEPS) -> Analysis:
    """Everything the views show, computed from one parsed Doc by every step in order."""
    return run_steps(article, doc, steps).analysis()


def run_until(article: Article, doc: Doc, name: str, steps: Sequence[Step] = STEPS) -> Draft:
    """The draft as the step `name` sees it: every step before it has run, not it."""
    index = [s.name for s in steps].index(step_named(name, steps).name)
    return run_steps(article, doc, steps[:index])


def time_step(article: Article, doc: Doc, name: str, *, rounds: int = 1, steps: Sequence[Step] = STEPS) -> tuple[float, Draft]:
    """Best of `rounds` seconds of the step `name` alone, on the draft the steps before it made; the draft after it."""
    step = step_named(name, steps)
    before = run_until(article, doc, name, steps)
    best, after = float("inf"), before
    for _ in range(rounds):
        draft = Draft(**vars(before))
        start = time.perf_counter()
        step.run(doc, draft)
        best = min(best, time.perf_counter() - start)
        after = draft
    return best, after


def swap(replacement: Step, steps: Sequence[Step] = STEPS) -> tuple[Step, ...]:
    """The step list with the step of the same name replaced (an ablation or a variant to compare)."""
    step_named(replacement.name, steps)
    return tuple(replacement if s.name == replacement.name else s for s in steps)
