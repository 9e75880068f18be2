"""Time expressions in a parsed text: the rules run over it, checked against the parse, resolved in order.

Order matters: "two days later" counts from the last time the text placed, and a bare "3 p.m." belongs to
the day its sentence names. So expressions are resolved left to right, times of day last.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..schema import Time
from .calendar import from_value
from .lexicon import UNITS
from .rules import RULES, Anchor, Context, Reading, Rule
from .tense import tense_of

# Rules whose time is a clock time, resolved after the dates of their sentence.
CLOCK_RULES = {"clock_12h", "clock_24h", "named_hour"}
# Rules whose readings later relative expressions ("the next day") do not count from.
NOT_ANCHORS = {"present_ref", "past_ref", "future_ref"}
CURRENCY = {"$", "£", "€", "¥", "us$", "usd", "eur", "gbp"}
AMOUNT_WORDS = {"million", "billion", "trillion", "thousand", "hundred", "times", "once", "twice"}
# spaCy labels the parse gives names that are not months ("June Carter") or that hide a year.
NAME_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC"}


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
    order = {rule.name: i for i, rule in enumerate(RULES)}
    chosen: list[Candidate] = []
    for cand in sorted(found, key=lambda c: (-(c.end - c.start), order[c.rule.name], c.start)):
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def find_times(doc: Doc, *, published: dt.date | None) -> list[Time]:
    """The contract's `times` for a parsed article, resolved against its publication date."""
    starts = {t.idx for t in doc}
    ends = {t.idx + len(t.text) for t in doc}
    chosen = []
    for cand in select([c for c in candidates(doc.text) if c.start in starts and c.end in ends and keep(c, doc)]):
        chosen.append((cand, doc.char_span(cand.start, cand.end)))
    readings: dict[int, Reading] = {}
    previous: Anchor | None = None
    for i, (cand, span) in enumerate(chosen):
        if cand.rule.name in CLOCK_RULES:
            continue
        ctx = Context(published=published, tense=tense_of(span), previous=previous)
        readings[i] = reading = cand.rule.resolve(cand.match, ctx)
        if reading.placed and reading.type in ("DATE", "TIME") and cand.rule.name not in NOT_ANCHORS:
            previous = Anchor(reading.period, time_id(i), cand.text)
    for i, (cand, span) in enumerate(chosen):
        if cand.rule.name in CLOCK_RULES:
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


# ---------------------------------------------------------------- checks against the parse


def keep(cand: Candidate, doc: Doc) -> bool:
    """False where the parse shows the words are not a time here ("2000 people", "May I", "a daily paper")."""
    check = KEEP.get(cand.rule.needs or "")
    if check is None:
        return True
    span = doc.char_span(cand.start, cand.end)
    return span is not None and check(span)


def _year(span: Span) -> bool:
    year = next((t for t in reversed(span) if t.like_num), span[-1])
    before = span.doc[span.start - 1] if span.start > 0 else None
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if before is not None and before.lower_ in CURRENCY:
        return False
    if after is not None and (after.tag_ in ("NNS", "NNPS") or after.lower_ in ("%", "percent")):
        return False
    return year.ent_type_ not in ("MONEY", "CARDINAL", "QUANTITY") or year.ent_type_ == ""


def _month(span: Span) -> bool:
    name = span[-1]
    if name.pos_ in ("VERB", "AUX") or name.tag_ == "MD":
        return False
    return name.ent_type_ not in NAME_LABELS


def _adverb(span: Span) -> bool:
    # "weekly" as an adverb ("meets weekly") is a set; "a weekly magazine" is not a time.
    word = span[0]
    return word.dep_ not in ("amod", "compound") and not (word.head.pos_ in ("NOUN", "PROPN") and word.head.i > word.i)


def _duration(span: Span) -> bool:
    # "a second payment" is an ordinal; "$5 a day" is a rate, not a length of time.
    unit = next((t for t in reversed(span) if t.lower_.rstrip("s") in UNITS or t.lower_ == "centuries"), span[-1])
    if unit.pos_ != "NOUN" and unit.lower_ in ("second", "seconds"):
        return False
    if span[0].lower_ not in ("a", "an") or span.start == 0:
        return True
    before = span.doc[span.start - 1]
    return not (before.like_num or before.lower_ in AMOUNT_WORDS or before.tag_ == "NNS")


def _rate(span: Span) -> bool:
    if span[0].lower_ != "a":
        return True
    return not _duration(span)


KEEP = {"year": _year, "month": _month, "adverb": _adverb, "duration": _duration, "rate": _rate}
