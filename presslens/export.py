"""Downloads of one analysis: the contract JSON, and mentions and actors as CSV for a spreadsheet."""

from __future__ import annotations

import csv
import io
import json

from .schema import Analysis

MENTION_COLUMNS = ("id", "start", "end", "text", "label", "actor", "actor_name", "role", "stands_for", "sentence")
ACTOR_COLUMNS = ("id", "name", "type", "mentions", "aliases", "roles", "first_mention")
# A spreadsheet runs a cell that starts with one of these as a formula ("CSV injection"); article text
# is untrusted, so such cells get a leading apostrophe, which spreadsheets show as plain text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def analysis_json(analysis: Analysis) -> str:
    """The analysis as `presslens analyze --format json` prints it."""
    return json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2)


def mentions_csv(analysis: Analysis) -> str:
    text = analysis.article.text
    rows = []
    for m in analysis.mentions:
        actor = analysis.actor(m.actor)
        sentence = analysis.sentence_of(m.start)
        rows.append((
            m.id, m.start, m.end, m.text, m.label, m.actor or "", actor.name if actor else "",
            m.role or "", m.stands_for or "", " ".join(text[slice(*sentence)].split()) if sentence else "",
        ))
    return _csv(MENTION_COLUMNS, rows)


def actors_csv(analysis: Analysis) -> str:
    first = {m.id: m.start for m in analysis.mentions}
    rows = [
        (a.id, a.name, a.type, len(a.mentions), "; ".join(a.aliases), "; ".join(a.roles),
         min((first[m] for m in a.mentions if m in first), default=""))
        for a in analysis.actors
    ]
    return _csv(ACTOR_COLUMNS, rows)


def safe_cell(value: object) -> object:
    """Numbers stay numbers; text that a spreadsheet would run as a formula is defused."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _is_number(value):
        return "'" + value
    return value


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _csv(header: tuple[str, ...], rows: list[tuple]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([safe_cell(c) for c in row] for row in rows)
    return out.getvalue()
