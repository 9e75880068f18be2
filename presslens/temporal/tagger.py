"""Time expressions in a parsed text: the rules run over it, checked against the parse, resolved in order.

Order matters: "two days later" counts from the last time the text placed, and a bare "3 p.m." belongs to
the day its sentence names. So expressions are resolved left to right, times of day last.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from ..schema import Time
from ..sentences import sentence_starts
from .calendar import from_value
from .framework import Anchor, Context, Reading, Rule
from .rules import RULES
from .tense import tense_of

# A placed time further than this from the publication date is kept only by a rule that says why
# (`Rule.far`); without a publication date, from today.
FAR_YEARS = 50


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match
    far: str | None = None  # why a time far from the publication date is kept, in words

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
    """Longest first, then the lower priority; no two chosen expressions overlap. Returned in text order.

    The chosen ones are kept sorted by start, so each candidate is checked against its two neighbours
    only (n log n, not every chosen one).
    """
    starts: list[int] = []
    chosen: list[Candidate] = []
    for cand in sorted(found, key=lambda c: (-(c.end - c.start), c.rule.priority, c.start)):
        at = bisect.bisect_right(starts, cand.start)
        if at > 0 and chosen[at - 1].end > cand.start:
            continue
        if at < len(chosen) and chosen[at].start < cand.end:
            continue
        starts.insert(at, cand.start)
        chosen.insert(at, cand)
    return chosen


def find_times(doc: Doc, *, published: dt.date | None) -> list[Time]:
    """The contract's `times` for a parsed article, resolved against its publication date."""
    starts = {t.idx for t in doc}
    ends = {t.idx + len(t.text) for t in doc}
    found = (c for c in candidates(doc.text) if c.start in starts and c.end in ends)
    chosen = []
    for cand in select([k for k in (kept(c, doc, published) for c in found) if k is not None]):
        chosen.append((cand, doc.char_span(cand.start, cand.end)))
    sentence_of = sentence_index(doc)
    readings: dict[int, Reading] = {}
    previous: Anchor | None = None
    for i, (cand, span) in enumerate(chosen):
        if cand.rule.kind == "clock":
            continue
        ctx = Context(published=published, tense=tense_of(span), previous=previous)
        readings[i] = reading = cand.rule.resolve(cand.match, ctx)
        if reading.placed and reading.type in ("DATE", "TIME") and cand.rule.anchor:
            previous = Anchor(reading.period, time_id(i), cand.text)
    days = SentenceDays(chosen, readings, sentence_of)
    for i, (cand, span) in enumerate(chosen):
        if cand.rule.kind == "clock":
            ctx = Context(published=published, tense=tense_of(span), day=days.nearest(i, cand, span))
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
    because = reading.because + (f"; kept although far from the publication date: {cand.far}" if cand.far else "")
    return Time(
        id=tid, start=cand.start, end=cand.end, text=cand.text, type=reading.type, value=reading.value,
        interval=reading.interval, granularity=reading.granularity, anchor=reading.anchor,
        explanation=f"'{cand.text}' = {because}",
    )


def time_id(index: int) -> str:
    return f"t{index + 1}"


def sentence_index(doc: Doc):
    """Token index -> the index of its sentence, from one pass over the sentence starts (bisect after)."""
    firsts = sentence_starts(doc)
    return lambda token_i: bisect.bisect_right(firsts, token_i) - 1


class SentenceDays:
    """The day-precise dates of each sentence, for the clock times of that sentence ("3 p.m. on Monday")."""

    def __init__(self, chosen, readings: dict[int, Reading], sentence_of) -> None:
        self.by_sentence: dict[int, list[tuple[int, Anchor]]] = {}
        for j, (cand, span) in enumerate(chosen):
            reading = readings.get(j)
            if reading is None or not reading.placed or reading.period.unit != "day":
                continue
            anchor = Anchor(reading.period, time_id(j), cand.text)
            self.by_sentence.setdefault(sentence_of(span.start), []).append((cand.start, anchor))
        self.sentence_of = sentence_of
        self.days = sorted((start, anchor) for days in self.by_sentence.values() for start, anchor in days)
        self.day_starts = [start for start, _ in self.days]

    def nearest(self, index: int, cand: Candidate, span) -> Anchor | None:
        """The nearest one (the first of equally near ones) in the clock time's sentence."""
        best = None
        for start, anchor in self.by_sentence.get(self.sentence_of(span.start), []):
            distance = abs(start - cand.start)
            if best is None or distance < best[0]:
                best = (distance, anchor)
        if best is None:  # no day in its sentence: the last day the text named before it
            at = bisect.bisect_left(self.day_starts, cand.start)
            return self.days[at - 1][1] if at else None
        return best[1]


def kept(cand: Candidate, doc: Doc, published: dt.date | None) -> Candidate | None:
    """The candidate, or None where the parse says the words are not a time here.

    A rule's `check` vetoes; a rule with `far` must also say why a time it places more than FAR_YEARS
    from the publication date is one ("in 1911" is a year, "Kestrel 1500" is not): the reason goes into
    the explanation.
    """
    rule = cand.rule
    if rule.check is None and rule.far is None:
        return cand
    span = doc.char_span(cand.start, cand.end)
    if span is None or (rule.check is not None and not rule.check(span)):
        return None
    if rule.far is not None:
        reading = rule.resolve(cand.match, Context(published=published))
        if reading is not None and reading.placed and is_far(reading, published):
            why = rule.far(span)
            return replace(cand, far=why) if why else None
    return cand


def is_far(reading: Reading, published: dt.date | None) -> bool:
    reference = published or dt.date.today()
    years = abs(reading.period.first.year - reference.year)
    return min(years, abs(reading.period.last.year - reference.year)) > FAR_YEARS
