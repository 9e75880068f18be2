"""Quotes across the corpus: by speaker entity, searchable, one row per quote however many outlets carry it.

Two quotes are one when they are by one speaker (or both unattributed) and their words agree: the same
words after case and punctuation are set aside, or one holds the other and the shorter has at least
MIN_SHARED_WORDS words (an outlet that trims a quote still carries it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..schema import Analysis, Quote
from .entities import EntityIndex
from .query import CorpusQuery, outlet

MIN_SHARED_WORDS = 6
WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Carrier:
    article: str
    quote: str
    outlet: str
    published: str | None
    start: int
    end: int
    speaker_text: str | None


@dataclass
class QuoteRow:
    id: str
    speaker: str | None  # entity id
    speaker_name: str | None
    text: str  # the longest wording carried
    kind: str
    carriers: list[Carrier] = field(default_factory=list)

    @property
    def outlets(self) -> list[str]:
        return sorted({c.outlet for c in self.carriers})


def corpus_quotes(analyses: list[Analysis], index: EntityIndex, query: CorpusQuery = CorpusQuery()) -> list[QuoteRow]:
    """Quote rows in order of first publication; `query.words` searches quote and speaker."""
    rows: list[tuple[str, QuoteRow]] = []
    dated = sorted((a for a in analyses if query.keeps_article(a)),
                   key=lambda a: (a.article.published or "9999", a.article.id))
    for a in dated:
        for q in a.quotes:
            speaker = index.entity_of(a.article.id, q.speaker)
            if not query.keeps_entities(speaker):
                continue
            entity = index.get(speaker) if speaker else None
            name = entity.name if entity else q.speaker_text
            if not query.keeps_text(q.text, name, *(entity.aliases if entity else ())):
                continue
            words = _plain(q.text)
            row = next((r for w, r in rows if r.speaker == speaker and _same(w, words)), None)
            if row is None:
                row = QuoteRow(f"q{len(rows) + 1}", speaker, name, q.text, q.kind)
                rows.append((words, row))
            elif len(q.text) > len(row.text):
                row.text = q.text
            row.carriers.append(_carrier(a, q))
    return [r for _, r in rows]


def _carrier(a: Analysis, q: Quote) -> Carrier:
    return Carrier(a.article.id, q.id, outlet(a), a.article.published, q.start, q.end, q.speaker_text)


def _plain(text: str) -> str:
    return " ".join(w.casefold() for w in WORD.findall(text))


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short.split()) >= MIN_SHARED_WORDS and f" {short} " in f" {long} "
