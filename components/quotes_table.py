"""The quotes table: who said what, as a pandas DataFrame (never calls `st.*`).

One row per quote of one or many analyses, in text order: the speaker (the actor's name when the
speaker was resolved, else the words naming them), the quote, its cue and kind, and the ids and offsets
that lead back to its place in the article (article id, quote id, start, end, the speaker's actor id).
The text stays plain text: `st.dataframe` shows it as such, never as markup.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from components.chart_kit import as_list
from presslens.schema import Analysis, Quote

COLUMNS = ["speaker", "quote", "cue", "kind", "article", "article_id", "quote_id", "start", "end", "speaker_id",
           "continues"]
KINDS = ("direct", "partial", "indirect")
UNATTRIBUTED = "(unattributed)"


def quotes_frame(
    analyses: Analysis | Iterable[Analysis],
    *,
    actors: Iterable[str] | None = None,
    kinds: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Quotes of one or many analyses; `actors` (ids or names) keeps those they said, `kinds` those kinds."""
    wanted = set(actors) if actors is not None else None
    kinds = set(kinds) if kinds is not None else set(KINDS)
    unknown = kinds - set(KINDS)
    if unknown:
        raise ValueError(f"unknown quote kind {sorted(unknown)[0]!r}; use {', '.join(KINDS)}")
    rows = []
    for analysis in as_list(analyses):
        names = {a.id: a.name for a in analysis.actors}
        for quote in analysis.quotes:
            if quote.kind not in kinds:
                continue
            if wanted is not None and not (quote.speaker in wanted or names.get(quote.speaker) in wanted):
                continue
            rows.append(_row(analysis, quote, names))
    return pd.DataFrame(rows, columns=COLUMNS)


def _row(analysis: Analysis, quote: Quote, names: dict[str, str]) -> dict:
    return {
        "speaker": names.get(quote.speaker) or quote.speaker_text or UNATTRIBUTED,
        "quote": quote.text,
        "cue": quote.cue or "",
        "kind": quote.kind,
        "article": analysis.article.title or analysis.article.id,
        "article_id": analysis.article.id,
        "quote_id": quote.id,
        "start": quote.start,
        "end": quote.end,
        "speaker_id": quote.speaker,
        "continues": quote.continues,
    }
