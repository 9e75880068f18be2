"""Exports over many analyses: `presslens export --format jsonl|csv|timelinejs` and the dashboard's menu.

Everything streams: JSONL is one line per article as it is read (the contract unchanged), CSV one table
(mentions, actors, times, events, figures or quotes) with the article's id first in each row and every
text cell a spreadsheet would run as a formula defused, TimelineJS one JSON document of the dated
events (its text HTML-escaped: TimelineJS renders headlines and text as markup).
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Iterable, Iterator

from ..export import safe_cell
from ..schema import Analysis

TABLES = {
    "mentions": ("id", "start", "end", "text", "label", "actor", "actor_name", "role", "stands_for"),
    "actors": ("id", "name", "type", "mentions", "aliases", "roles"),
    "times": ("id", "start", "end", "text", "type", "value", "first_day", "last_day", "granularity", "explanation"),
    "events": ("id", "label", "start", "end", "trigger", "kind", "first_day", "last_day", "actors"),
    "figures": ("id", "start", "end", "text", "value", "value_high", "unit", "qualifier", "kind", "subject",
                "claimant", "claimant_name", "claim"),
    "quotes": ("id", "start", "end", "text", "kind", "speaker", "speaker_name", "speaker_text", "cue"),
}
ARTICLE_COLUMNS = ("article_id", "article_title", "article_source", "article_published")


def jsonl(analyses: Iterable[Analysis]) -> Iterator[str]:
    for analysis in analyses:
        yield json.dumps(analysis.to_dict(), ensure_ascii=False) + "\n"


def csv_table(analyses: Iterable[Analysis], table: str) -> Iterator[str]:
    """One table over every analysis, a chunk of text per article."""
    header = (*ARTICLE_COLUMNS, *TABLES[table])
    yield _csv([header])
    for analysis in analyses:
        a = analysis.article
        head = (a.id, a.title or "", a.source or "", a.published or "")
        yield _csv([(*head, *row) for row in ROWS[table](analysis)])


def _name(analysis: Analysis, actor_id: str | None) -> str:
    actor = analysis.actor(actor_id)
    return actor.name if actor else ""


def _interval(interval) -> tuple[str, str]:
    return (interval[0], interval[1]) if interval else ("", "")


ROWS = {
    "mentions": lambda an: [(m.id, m.start, m.end, m.text, m.label, m.actor or "", _name(an, m.actor), m.role or "",
                             m.stands_for or "") for m in an.mentions],
    "actors": lambda an: [(a.id, a.name, a.type, len(a.mentions), "; ".join(a.aliases), "; ".join(a.roles))
                          for a in an.actors],
    "times": lambda an: [(t.id, t.start, t.end, t.text, t.type, t.value, *_interval(t.interval), t.granularity or "",
                          t.explanation) for t in an.times],
    "events": lambda an: [(e.id, e.label, e.start, e.end, e.trigger, e.kind, *_interval(e.interval),
                           "; ".join(_name(an, x) for x in e.actors)) for e in an.events],
    "figures": lambda an: [(f.id, f.start, f.end, f.text, "" if f.value is None else f.value,
                            "" if f.value_high is None else f.value_high, f.unit or "", f.qualifier or "",
                            f.kind or "", f.subject or "", f.claimant or "", _name(an, f.claimant), f.claim or "")
                           for f in an.figures],
    "quotes": lambda an: [(q.id, q.start, q.end, q.text, q.kind, q.speaker or "", _name(an, q.speaker),
                           q.speaker_text or "", q.cue or "") for q in an.quotes],
}


def timelinejs(analyses: Iterable[Analysis], *, title: str = "presslens timeline") -> str:
    """TimelineJS JSON: one slide per dated event (its first and last day), grouped by article."""
    events = []
    for analysis in analyses:
        a = analysis.article
        text = a.text
        for e in analysis.events:
            if not e.interval:
                continue
            first, last = e.interval
            sentence = analysis.sentence_of(e.start)
            words = " ".join(text[slice(*sentence)].split()) if sentence else e.trigger
            slide = {
                "start_date": _date(first),
                "text": {"headline": html.escape(e.label), "text": html.escape(words)},
                "group": html.escape(a.title or a.id),
                "unique_id": _slug(f"{a.id}-{e.id}"),
            }
            if last and last != first:
                slide["end_date"] = _date(last)
            if a.url and a.url.startswith(("http://", "https://")):
                slide["text"]["text"] += f' <a href="{html.escape(a.url, quote=True)}">{html.escape(a.source or a.url)}</a>'
            events.append(slide)
    return json.dumps({"title": {"text": {"headline": html.escape(title)}}, "events": events}, ensure_ascii=False, indent=1)


def _date(day: str) -> dict:
    year, month, dom = (day.split("-") + ["", ""])[:3]
    out = {"year": year}
    if month:
        out["month"] = month
    if dom:
        out["day"] = dom
    return out


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in text)


def _csv(rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows([safe_cell(c) for c in row] for row in rows)
    return out.getvalue()
