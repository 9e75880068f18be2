"""The times step: temporal expressions (presslens.temporal), and the DATE and TIME mentions they are.

The step that finds the times owns their mentions: the time spans replace spaCy's own date entities,
so a date is one mention and one time with the same span.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from spacy.tokens import Doc

from ..schema import Actor, Mention, Time
from ..step import Draft, Step
from ..temporal import find_times

TIME_LABELS = {"DATE", "TIME"}
# Number-like mentions a time expression absorbs ("two" in "two days later").
ABSORBED = {"CARDINAL", "ORDINAL", "QUANTITY"}


def with_time_mentions(mentions: list[Mention], actors: list[Actor], times: list[Time]) -> tuple[list[Mention], list[Actor]]:
    """Mentions in text order, DATE/TIME ones taken from `times`, renumbered m1..; actors follow the new ids.

    A name overlapping a time keeps its place and the time gets no mention (its `times` entry remains).
    """
    time_spans = Spans(times)
    kept = [m for m in mentions
            if m.label not in TIME_LABELS and not (m.label in ABSORBED and time_spans.overlap(m.start, m.end))]
    names = Spans([m for m in kept if m.actor is not None])
    added = [
        Mention("", t.start, t.end, t.text, "TIME" if t.type == "TIME" else "DATE", None)
        for t in times if not names.overlap(t.start, t.end)
    ]
    ordered = sorted(kept + added, key=lambda m: (m.start, m.end))
    new_id = {}
    out = []
    for n, mention in enumerate(ordered, start=1):
        if mention.id:
            new_id[mention.id] = f"m{n}"
        out.append(replace(mention, id=f"m{n}"))
    moved = [replace(a, mentions=[new_id[m] for m in a.mentions if m in new_id]) for a in actors]
    return out, moved


class Spans:
    """Records with start and end, sorted once: whether any overlaps a range is a bisection, not a scan."""

    def __init__(self, records) -> None:
        ordered = sorted(records, key=lambda r: r.start)
        self.starts = [r.start for r in ordered]
        self.ends = [r.end for r in ordered]
        self.longest = max((r.end - r.start for r in ordered), default=0)

    def overlap(self, start: int, end: int) -> bool:
        lo = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, end)
        return any(self.ends[i] > start for i in range(lo, hi))


def run(doc: Doc, draft: Draft) -> dict:
    times = find_times(doc, published=draft.article.published_date)
    mentions, actors = with_time_mentions(draft.mentions, draft.actors, times)
    return {"times": times, "mentions": mentions, "actors": actors}


STEP = Step("times", reads=("article", "mentions", "actors"), writes=("times", "mentions", "actors"), fn=run)
