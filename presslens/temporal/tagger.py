"""Time expressions in a parsed text: the rules run over it, checked against the parse, resolved in order.

Order matters: "two days later" counts from the last time the text placed, and a bare "3 p.m." belongs to
the day its sentence names. So expressions are resolved left to right, times of day last.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ..schema import Time
from .calendar import from_value
from .framework import Anchor, Context, Reading, Rule
from .rules import RULES
from .tense import tense_of


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match

    @property
    def text(self) -> str:
        return self.match.string[self.start : self.end]


def candidates(text: str) -> list[Candidate]:
    """Every rule's matches that its resolver accepts, before overlaps are settled."""
    found = []
    for rule in RULES:
        for match in rule.pattern.finditer(text):
            group = next((g for g in ("t", "t2", "t3") if match.groupdict().get(g)), None)
            start, end = match.span(group) if group else match.span()
            extent = text[start:end]
            if not extent.strip() or "\n" in extent or rule.resolve(match, Context()) is None:
                continue
            found.append(Candidate(start, end, rule, match))
    return found


def select(found: list[Candidate]) -> list[Candidate]:
    """Longest first, then earliest rule; no two chosen expressions overlap. Returned in text order."""
    chosen: list[Candidate] = []
    for cand in sorted(found, key=lambda c: (-(c.end - c.start), c.rule.priority, c.start)):
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def find_times(doc: Doc, *, published: dt.date | None) -> list[Time]:
    """The contract's `times` for a parsed article, resolved against its publication date."""
    starts = {t.idx for t in doc}
    ends = {t.idx + len(t.text) for t in doc}
    chosen = []
    for cand in select([c for c in candidates(doc.text) if c.start in starts and c.end in ends and kept(c, doc)]):
        chosen.append((cand, doc.char_span(cand.start, cand.end)))
    readings: dict[int, Reading] = {}
    previous: Anchor | None = None
    for i, (cand, span) in enumerate(chosen):
        if cand.rule.kind == "clock":
            continue
        ctx = Context(published=published, tense=tense_of(span), previous=previous)
        readings[i] = reading = cand.rule.resolve(cand.match, ctx)
        if reading.placed and reading.type in ("DATE", "TIME") and cand.rule.anchor:
            previous = Anchor(reading.period, time_id(i), cand.text)
    for i, (cand, span) in enumerate(chosen):
        if cand.rule.kind == "clock":
            ctx = Context(published=published, tense=tense_of(span), day=day_of_sentence(i, chosen, readings))
            readings[i] = cand.rule.resolve(cand.match, ctx)
    return [as_time(time_id(i), cand, readings[i]) for i, (cand, _) in enumerate(chosen)]


def normalize(text: str, *, published: dt.date | None = None, tense: str | None = None,
              previous: str | None = None) -> Reading | None:
    """The reading of one whole expression, without a parse (tests and the command line).

    `previous` is the TimeML value of the last time the text placed, for "two days later".
    """
    text = text.strip()
    whole = [c for c in candidates(text) if c.match.span() == (0, len(text)) or (c.start, c.end) == (0, len(text))]
    if not whole:
        return None
    anchor = None
    if previous:
        period = from_value(previous)
        anchor = Anchor(period, "t0", previous) if period else None
    best = select(whole)[0]
    return best.rule.resolve(best.match, Context(published=published, tense=tense, previous=anchor))


def as_time(tid: str, cand: Candidate, reading: Reading) -> Time:
    return Time(
        id=tid, start=cand.start, end=cand.end, text=cand.text, type=reading.type, value=reading.value,
        interval=reading.interval, granularity=reading.granularity, anchor=reading.anchor,
        explanation=f"'{cand.text}' = {reading.because}",
    )


def time_id(index: int) -> str:
    return f"t{index + 1}"


def day_of_sentence(index: int, chosen, readings: dict[int, Reading]) -> Anchor | None:
    """The nearest day-precise date in the same sentence as a clock time ("3 p.m. on Monday")."""
    _, span = chosen[index]
    sent = span.sent
    best = None
    for j, (cand, other) in enumerate(chosen):
        reading = readings.get(j)
        if j == index or reading is None or other.sent != sent or not reading.placed or reading.period.unit != "day":
            continue
        distance = abs(cand.start - span.start_char)
        if best is None or distance < best[0]:
            best = (distance, Anchor(reading.period, time_id(j), cand.text))
    return best[1] if best else None


def kept(cand: Candidate, doc: Doc) -> bool:
    """False where the rule's check on the parse says the words are not a time here."""
    if cand.rule.check is None:
        return True
    span = doc.char_span(cand.start, cand.end)
    return span is not None and cand.rule.check(span)
