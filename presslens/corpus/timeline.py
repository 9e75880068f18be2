"""The corpus timeline: events of all articles on one axis, one item per real-world event.

Two reports from different articles are one event when all of these hold (the evidence is kept):
- their dates overlap and both are known to a month or finer (a year says too little to identify an event);
- their triggers share a stem ("meeting" / "meetings", "attacked" / "attack");
- they share an actor's corpus entity, or neither names any actor and both are dated to one day.
Reports of one article are never merged with each other: the article already told them apart.
Undated events and events dated only relative to an unknown publication day are listed apart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache

from .. import lexicon
from ..schema import Analysis, Event
from .entities import EntityIndex
from .query import CorpusQuery, outlet

# An event dated to a span longer than this (a quarter, a year) is placed but never merged with another.
MAX_MERGE_DAYS = 31
SUFFIXES = ("ings", "ing", "ed", "es", "s")


@dataclass(frozen=True)
class Report:
    article: str
    event: str
    outlet: str
    published: str | None
    label: str
    trigger: str
    interval: list[str] | None
    sentence: list[int] | None
    entities: list[str]


@dataclass
class TimelineItem:
    id: str
    interval: list[str] | None
    label: str
    trigger: str
    entities: list[str]
    reports: list[Report] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)

    @property
    def articles(self) -> list[str]:
        return sorted({r.article for r in self.reports})


@dataclass
class CorpusTimeline:
    placed: list[TimelineItem]  # in time order
    apart: list[TimelineItem]  # undated or relative-only, in article order
    reasons: dict[str, str] = field(default_factory=dict)  # item id -> why it is not placed


def stem(word: str) -> str:
    """A crude stem that puts "met", "meets" and "meeting" together (irregular forms from the word list)."""
    w = word.casefold().strip()
    w = irregular_verbs().get(w, w)
    for s in SUFFIXES:
        if w.endswith(s) and len(w) - len(s) >= 3:
            w = w[: -len(s)]
            break
    return w[:-1] if len(w) > 3 and w.endswith("e") else w


def corpus_timeline(analyses: list[Analysis], index: EntityIndex, query: CorpusQuery = CorpusQuery()) -> CorpusTimeline:
    reports, apart, reasons = [], [], {}
    for a in analyses:
        if not query.keeps_article(a):
            continue
        for e in a.events:
            if e.kind == "publication":  # the article's own publication is not news on the timeline
                continue
            r = _report(a, e, index)
            if not query.keeps_entities(*r.entities):
                continue
            if not query.keeps_text(e.label, e.trigger):
                continue
            if r.interval:
                reports.append(r)
            else:
                item = _item(f"u{len(apart) + 1}", r)
                reasons[item.id] = _why_apart(a, e)
                apart.append(item)
    placed: list[TimelineItem] = []
    for r in sorted(reports, key=lambda r: (r.interval[0], r.interval[1], r.article, r.event)):
        match = next(((item, why) for item in placed if (why := _same_event(item, r, index))), None)
        if match:
            item, why = match
            item.reports.append(r)
            item.evidence.append(f"{r.article}/{r.event}: {why}")
            item.entities = sorted(set(item.entities) | set(r.entities))
            if _days(r.interval) < _days(item.interval):  # the most precise report dates the event
                item.interval = r.interval
        else:
            placed.append(_item(f"e{len(placed) + 1}", r))
    placed.sort(key=lambda i: (i.interval[0], i.interval[1], i.id))
    return CorpusTimeline(placed, apart, reasons)


def _report(a: Analysis, e: Event, index: EntityIndex) -> Report:
    entities = [x for x in (index.entity_of(a.article.id, actor) for actor in e.actors) if x]
    return Report(a.article.id, e.id, outlet(a), a.article.published, e.label, e.trigger,
                  list(e.interval) if e.interval else None, e.sentence, sorted(set(entities)))


def _item(item_id: str, r: Report) -> TimelineItem:
    return TimelineItem(item_id, r.interval, r.label, r.trigger, list(r.entities), [r])


def _why_apart(a: Analysis, e: Event) -> str:
    if e.time is None:
        return "no time in the text"
    if not a.article.published:
        return "dated only relative to the publication day, which is unknown"
    return "its time is not a calendar date"


def _same_event(item: TimelineItem, r: Report, index: EntityIndex) -> str | None:
    if any(x.article == r.article for x in item.reports):
        return None
    first = item.reports[0]
    if _days(first.interval) > MAX_MERGE_DAYS or _days(r.interval) > MAX_MERGE_DAYS:
        return None
    if not (first.interval[0] <= r.interval[1] and r.interval[0] <= first.interval[1]):
        return None
    if stem(first.trigger) != stem(r.trigger):
        return None
    shared = sorted(set(item.entities) & set(r.entities))
    overlap = f"dates overlap ({'–'.join(dict.fromkeys(first.interval))} / {'–'.join(dict.fromkeys(r.interval))})"
    if shared:
        names = ", ".join(e.name if (e := index.get(x)) else x for x in shared)
        return f"{overlap}; trigger '{stem(r.trigger)}'; shared actors {names}"
    if not item.entities and not r.entities and _days(first.interval) == _days(r.interval) == 1 and first.interval == r.interval:
        return f"same day {r.interval[0]}; trigger '{stem(r.trigger)}'; no actors named"
    return None


def _days(interval: list[str]) -> int:
    return (dt.date.fromisoformat(interval[1]) - dt.date.fromisoformat(interval[0])).days + 1


@cache
def irregular_verbs() -> dict[str, str]:
    return lexicon.table("irregular_verbs")
