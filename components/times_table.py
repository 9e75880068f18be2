"""The times table: every time expression, what it was resolved to and why, as a pandas DataFrame
(never calls `st.*`).

One row per time of one or many analyses, in text order: the words, the days they cover (or "not
placed" when nothing ties them to the calendar, e.g. with no publication date), the TimeML value, the
explanation in words, and the events they date — so a reader can check each step of the reasoning.
The ids (article id, time id) lead back to the expression in the article. Text stays plain text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pandas as pd

from components.chart_kit import as_list
from presslens.schema import Analysis
from presslens.temporal.calendar import fmt_range

COLUMNS = ["expression", "when", "value", "explanation", "events", "article", "article_id", "time_id"]
NOT_PLACED = "not placed"


def times_frame(analyses: Analysis | Iterable[Analysis]) -> pd.DataFrame:
    rows = []
    for analysis in as_list(analyses):
        dated: dict[str, list[str]] = {}
        for event in analysis.events:
            if event.time:
                dated.setdefault(event.time, []).append(event.label)
        for time in sorted(analysis.times, key=lambda t: (t.start, t.end)):
            rows.append({
                "expression": time.text,
                "when": _when(time.interval),
                "value": time.value,
                "explanation": time.explanation,
                "events": "; ".join(dated.get(time.id, [])),
                "article": analysis.article.title or analysis.article.id,
                "article_id": analysis.article.id,
                "time_id": time.id,
            })
    return pd.DataFrame(rows, columns=COLUMNS)


def _when(interval: list[str] | None) -> str:
    if not interval:
        return NOT_PLACED
    first, last = (dt.date.fromisoformat(day) for day in interval)
    return fmt_range(first, last)
