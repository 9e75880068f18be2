"""The reader's query over a corpus: an entity, outlets, a publication-date range, search words.

Every corpus view (timeline, claims, quotes, profile) applies the same query, so a link carrying it
shows the same selection everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..schema import Analysis

WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class CorpusQuery:
    entity: str | None = None  # an entity id
    entities: frozenset[str] = field(default_factory=frozenset)  # or several (the actor filter's names)
    outlets: frozenset[str] = field(default_factory=frozenset)  # article.source values; empty = all
    start: str | None = None  # YYYY-MM-DD, first publication day included
    end: str | None = None  # YYYY-MM-DD, last publication day included
    words: str = ""  # every word must appear (case-insensitive)

    @property
    def chosen(self) -> frozenset[str]:
        return self.entities | {self.entity} if self.entity else self.entities

    def keeps_entities(self, *ids: str | None) -> bool:
        """No entity filter, or one of `ids` is a chosen entity."""
        return not self.chosen or any(i in self.chosen for i in ids)

    def keeps_article(self, analysis: Analysis) -> bool:
        a = analysis.article
        if self.outlets and (a.source or "") not in self.outlets:
            return False
        if (self.start or self.end) and not a.published:
            return False  # a date range asks for dated articles
        if self.start and a.published < self.start:
            return False
        return not (self.end and a.published > self.end)

    def keeps_text(self, *texts: str | None) -> bool:
        wanted = words_of(self.words)
        if not wanted:
            return True
        have = set().union(*(words_of(t or "") for t in texts))
        return wanted <= have


def words_of(text: str) -> set[str]:
    return {w.casefold() for w in WORD.findall(text)}


def outlet(analysis: Analysis) -> str:
    """The outlet's name as shown: the article's source, else its URL's host, else "unknown outlet"."""
    a = analysis.article
    if a.source:
        return a.source
    host = re.match(r"https?://(?:www\.)?([^/]+)", a.url or "")
    return host.group(1) if host else "unknown outlet"
