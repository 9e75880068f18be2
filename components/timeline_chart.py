"""The timeline chart: dated events on a calendar axis, as a plotly Figure (never calls `st.*`).

An event dated to a day is a point; one dated to a longer period is a bar across all its days (a week
as a week, a month as a month). Each event is one row, earliest at the top. Every point and bar carries
customdata `[article id, event id, ...]`, so a click maps back to the event and its sentence; the hover
shows the label, the time expression and its explanation (escaped: article text is untrusted).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import plotly.graph_objects as go

from components import palette
from components.chart_kit import as_list, empty_figure, plot_text
from presslens.schema import Analysis, Event
from presslens.temporal.calendar import fmt_range

COLOR_BY = ("actor", "kind")
NO_ACTOR = "no actor named"
PUBLICATION = "publication"
PUBLICATION_COLOR = "#7f7f7f"
# Okabe-Ito, as every view (grey is kept for the publication).
PALETTE = [palette.BLUE, palette.VERMILLION, palette.GREEN, palette.ORANGE, palette.PURPLE, palette.SKY, palette.YELLOW]
# Rows are labelled with the event label cut to this many characters (the hover has it whole).
TICK_CHARS = 48
ROW_HEIGHT = 28
# A bar's thickness in rows. Set, because plotly otherwise sizes a trace's bars by the gap between them,
# and a lone bar or two far apart would cover several rows.
BAR_WIDTH = 0.6
MIN_HEIGHT = 220
HOVER = (
    "<b>%{customdata[2]}</b><br>%{customdata[3]}<br>"
    "<i>%{customdata[4]}</i><br>%{customdata[5]}<extra>%{customdata[6]}</extra>"
)
# The first view spans the article's real dates: an event further from the others than the larger of
# these (a gap of years, or a multiple of what the others span) is left off it, listed and noted.
OUTLIER_GAP_YEARS = 10
OUTLIER_GAP_FACTOR = 3
OFF_VIEW = "Off this view, far from the other dates: {what}. Double-click the chart to show all."
EMPTY = "No dated events to show."
EMPTY_UNDATED = "No dated events: publication date unknown — set it to place these on a calendar."


@dataclass(frozen=True)
class Row:
    """One placed event, flattened for the chart (and for a table beside it)."""

    article_id: str
    article_title: str
    event_id: str
    label: str
    kind: str
    first: dt.date
    last: dt.date
    actors: tuple[str, ...]  # actor names, subject first
    time_text: str  # the words that date it ("last week"), or "" for the publication
    explanation: str

    @property
    def is_point(self) -> bool:
        return self.first == self.last


def timeline_rows(analyses: Analysis | Iterable[Analysis], *, actors: Iterable[str] | None = None) -> list[Row]:
    """Placed events of one or many analyses, in timeline order; `actors` (ids or names) filters them."""
    wanted = set(actors) if actors is not None else None
    rows = []
    for analysis in as_list(analyses):
        names = {a.id: a.name for a in analysis.actors}
        times = {t.id: t for t in analysis.times}
        for event in analysis.events:
            if not event.interval:
                continue
            if wanted is not None and not any(a in wanted or names.get(a) in wanted for a in event.actors):
                continue
            time = times.get(event.time)
            rows.append(Row(
                article_id=analysis.article.id,
                article_title=analysis.article.title or analysis.article.id,
                event_id=event.id,
                label=event.label,
                kind=event.kind,
                first=dt.date.fromisoformat(event.interval[0]),
                last=dt.date.fromisoformat(event.interval[1]),
                actors=tuple(names.get(a, a) for a in event.actors),
                time_text=time.text if time else "",
                explanation=time.explanation if time else _publication_words(event),
            ))
    return sorted(rows, key=lambda r: (r.first, r.last, r.kind == PUBLICATION, r.article_id))


def timeline_figure(
    analyses: Analysis | Iterable[Analysis],
    *,
    actors: Iterable[str] | None = None,
    color_by: str = "actor",
) -> go.Figure:
    """The timeline of one or many analyses, coloured by each event's first actor or by its kind."""
    if color_by not in COLOR_BY:
        raise ValueError(f"color_by must be one of {', '.join(COLOR_BY)}; got {color_by!r}")
    analyses = as_list(analyses)
    rows = timeline_rows(analyses, actors=actors)
    many = len({a.article.id for a in analyses}) > 1
    fig = go.Figure()
    if not rows:
        undated = any(not a.article.published for a in analyses)
        return empty_figure(EMPTY_UNDATED if undated else EMPTY, height=MIN_HEIGHT, fig=fig)
    groups: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        groups.setdefault(_group(row, color_by), []).append(i)
    colors = _colors(groups)
    for name, indices in groups.items():
        spans = [i for i in indices if not rows[i].is_point]
        points = [i for i in indices if rows[i].is_point]
        if spans:
            fig.add_trace(go.Bar(
                name=plot_text(name), legendgroup=name, orientation="h", marker_color=colors[name], width=BAR_WIDTH,
                base=[rows[i].first.isoformat() for i in spans],
                x=[_length_ms(rows[i]) for i in spans],
                y=spans, customdata=[_customdata(rows[i], many) for i in spans], hovertemplate=HOVER,
            ))
        if points:
            fig.add_trace(go.Scatter(
                name=plot_text(name), legendgroup=name, showlegend=not spans, mode="markers",
                marker={"color": colors[name], "size": 12, "symbol": "diamond" if name == PUBLICATION else "circle"},
                x=[_noon(rows[i].first) for i in points],
                y=points, customdata=[_customdata(rows[i], many) for i in points], hovertemplate=HOVER,
            ))
    fig.update_layout(
        barmode="overlay", clickmode="event+select", hovermode="closest",
        height=max(MIN_HEIGHT, 80 + ROW_HEIGHT * len(rows)),
        legend_title_text="actor" if color_by == "actor" else "kind",
        margin={"l": 10, "r": 10, "t": 30, "b": 30},
    )
    fig.update_xaxes(type="date")
    first, last, outside = view(rows)
    if outside:
        pad = max((last - first) / 20, dt.timedelta(days=1))
        fig.update_xaxes(range=[(first - pad).isoformat(), (last + dt.timedelta(days=1) + pad).isoformat()])
        fig.add_annotation(
            text=plot_text(OFF_VIEW.format(what=_off_view_words(outside))), xref="paper", yref="paper", x=0, y=1,
            xanchor="left", yanchor="bottom", showarrow=False, font={"size": 12},
        )
    fig.update_yaxes(
        tickmode="array", tickvals=list(range(len(rows))), ticktext=[_tick(r, many) for r in rows],
        autorange="reversed",
    )
    return fig


def view(rows: list[Row]) -> tuple[dt.date, dt.date, list[Row]]:
    """The first and last day of the first view, and the rows left off it (far outliers).

    The view grows from the publication (else the middle row) to its neighbours in date order while the
    gap to the next one is at most OUTLIER_GAP_YEARS or OUTLIER_GAP_FACTOR times what it spans so far; a
    "1750" among 2016's dates stays off, an obituary's decades stay on.
    """
    ordered = sorted(rows, key=lambda r: (r.first, r.last))
    seed = next((i for i, r in enumerate(ordered) if r.kind == PUBLICATION), len(ordered) // 2)
    lo = hi = seed
    first, last = ordered[seed].first, ordered[seed].last
    while True:
        allowed = max(dt.timedelta(days=365 * OUTLIER_GAP_YEARS), (last - first) * OUTLIER_GAP_FACTOR)
        grown = False
        if lo > 0 and first - ordered[lo - 1].last <= allowed:
            lo -= 1
            first, last = min(first, ordered[lo].first), max(last, ordered[lo].last)
            grown = True
        if hi + 1 < len(ordered) and ordered[hi + 1].first - last <= allowed:
            hi += 1
            first, last = min(first, ordered[hi].first), max(last, ordered[hi].last)
            grown = True
        if not grown:
            break
    return first, last, ordered[:lo] + ordered[hi + 1:]


def _off_view_words(outside: list[Row]) -> str:
    """'1750 (1 event)', '1750, 1801 (2 events)'."""
    years = sorted({str(r.first.year) if r.first.year == r.last.year else f"{r.first.year}–{r.last.year}"
                    for r in outside})
    return f"{', '.join(years)} ({len(outside)} event{'s' if len(outside) > 1 else ''})"


def _group(row: Row, color_by: str) -> str:
    if row.kind == PUBLICATION:
        return PUBLICATION
    if color_by == "kind":
        return row.kind
    return row.actors[0] if row.actors else NO_ACTOR


def _colors(groups: dict[str, list[int]]) -> dict[str, str]:
    others = [g for g in groups if g != PUBLICATION]
    colors = {g: PALETTE[n % len(PALETTE)] for n, g in enumerate(others)}
    colors[PUBLICATION] = PUBLICATION_COLOR
    return colors


def _length_ms(row: Row) -> int:
    """A span covers its last day too: from the first day's midnight to the midnight after the last."""
    return ((row.last - row.first).days + 1) * 86_400_000


def _noon(day: dt.date) -> str:
    return f"{day.isoformat()} 12:00"


def _customdata(row: Row, many: bool) -> list[str]:
    """[article id, event id] for the click; then the hover's escaped words."""
    when = fmt_range(row.first, row.last)
    dated_by = f"“{row.time_text}”" if row.time_text else ""
    where = row.article_title if many else ", ".join(row.actors)
    return [
        row.article_id, row.event_id, plot_text(row.label), plot_text(f"{when} {dated_by}".strip()),
        plot_text(row.explanation), plot_text(where), plot_text(row.kind),
    ]


def _tick(row: Row, many: bool) -> str:
    label = row.label if len(row.label) <= TICK_CHARS else row.label[: TICK_CHARS - 1] + "…"
    return plot_text(f"{label} · {row.article_title[:20]}" if many else label)


def _publication_words(event: Event) -> str:
    return f"the publication date ({event.interval[0]})" if event.interval else "the publication date"


