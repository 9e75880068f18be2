"""One entity across the corpus: where it appears over time and who it appears with."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from ..schema import Analysis
from .entities import EntityIndex
from .query import CorpusQuery, outlet


@dataclass(frozen=True)
class Appearance:
    article: str
    title: str | None
    outlet: str
    published: str | None
    mentions: int
    first: tuple[int, int] | None  # the sentence of its first mention


def appearances(analyses: list[Analysis], index: EntityIndex, entity: str, query: CorpusQuery = CorpusQuery()) -> list[Appearance]:
    """The articles naming the entity, by publication date (undated last)."""
    out = []
    for a in analyses:
        if not query.keeps_article(a):
            continue
        mine = {x.id for x in a.actors if index.entity_of(a.article.id, x.id) == entity}
        mentions = [m for m in a.mentions if (m.stands_for or m.actor) in mine or m.actor in mine]
        if mentions:
            out.append(Appearance(a.article.id, a.article.title, outlet(a), a.article.published, len(mentions),
                                  a.sentence_of(mentions[0].start)))
    return sorted(out, key=lambda x: (x.published or "9999", x.article))


def by_period(items: list[Appearance], period: str = "month") -> list[tuple[str, int]]:
    """Articles per calendar month ("2018-08") or ISO week ("2018-W31"), in order; undated left out."""
    counts = Counter()
    for x in items:
        if not x.published:
            continue
        day = dt.date.fromisoformat(x.published)
        if period == "week":
            year, week, _ = day.isocalendar()
            counts[f"{year}-W{week:02d}"] += 1
        elif period == "month":
            counts[day.strftime("%Y-%m")] += 1
        else:
            raise ValueError(f"unknown period {period!r}; use week or month")
    return sorted(counts.items())


def co_occurring(analyses: list[Analysis], index: EntityIndex, entity: str, query: CorpusQuery = CorpusQuery(),
                 *, limit: int = 15) -> list[tuple[str, int]]:
    """The entities named in most of the articles that name this one: (entity id, articles), ranked."""
    counts = Counter()
    for a in analyses:
        if not query.keeps_article(a):
            continue
        here = {index.entity_of(a.article.id, x.id) for x in a.actors} - {None}
        if entity in here:
            counts.update(here - {entity})
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]


def network(analyses: list[Analysis], index: EntityIndex, entity: str, query: CorpusQuery = CorpusQuery(),
            *, limit: int = 12) -> list[tuple[str, str, int]]:
    """Edges (a, b, articles naming both) among the entity and its top co-occurring entities."""
    top = [entity, *(e for e, _ in co_occurring(analyses, index, entity, query, limit=limit))]
    keep = set(top)
    counts = Counter()
    for a in analyses:
        if not query.keeps_article(a):
            continue
        here = sorted(({index.entity_of(a.article.id, x.id) for x in a.actors} - {None}) & keep)
        counts.update((x, y) for i, x in enumerate(here) for y in here[i + 1:])
    return [(x, y, n) for (x, y), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
