"""The figures chart: the quantities articles claim, as a plotly Figure (never calls `st.*`).

Figures that can be compared share a panel: percentages, each currency, each unit of measure, multiples,
and counts (on a log axis when they span orders of magnitude). Each figure is a row labelled with what it
counts and who claims it; hedged values get their own marker (≈ approximately, ▶ more than / at least,
◀ less than / at most) and a range is drawn from its low to its high end. Every point carries customdata
`[article id, figure id, ...]`, so a click maps back to the figure and its sentence; the hover shows the
sentence (escaped: article text is untrusted).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from components import palette
from components.chart_kit import as_list, empty_figure, plot_text
from presslens.schema import Analysis, Figure

COUNT = "count"
PERCENT = "percent"
UNIT_TITLES = {"percent": "percent", "percentage point": "percentage points", "times": "multiples", COUNT: "counts"}
# qualifier -> (legend name, marker symbol)
HEDGES = {
    None: ("stated exactly", "circle"),
    "approximately": ("approximately", "circle-open"),
    "more than": ("more than / at least", "triangle-right"),
    "at least": ("more than / at least", "triangle-right"),
    "less than": ("less than / at most", "triangle-left"),
    "at most": ("less than / at most", "triangle-left"),
}
# Okabe-Ito, as every view: distinct under the common colour-vision deficiencies.
HEDGE_COLORS = {"stated exactly": palette.BLUE, "approximately": palette.ORANGE, "more than / at least": palette.GREEN,
                "less than / at most": palette.VERMILLION}
NOBODY = "the article"
# Row labels are cut to this many characters (the hover has everything).
LABEL_CHARS = 44
# A fitted axis ends this far beyond its largest value, so the last marker is not cut in half.
AXIS_HEADROOM = 0.15


def fitted_range(members) -> list[float]:
    """From zero (or the lowest value, when negative) to just beyond the largest value."""
    values = [v for p in members for v in (p.value, p.high) if v is not None]
    low, top = min(0.0, min(values)), max(0.0, max(values))
    pad = (top - low) * AXIS_HEADROOM or 1.0
    return [low - (pad if low < 0 else 0), top + pad]


# A panel whose largest value is this many times its smallest gets a log axis.
LOG_RATIO = 100
ROW_HEIGHT = 26
# Pixels between panels: the upper panel's axis labels and the lower panel's title must both fit.
PANEL_GAP = 64
MARGIN = {"l": 10, "r": 10, "t": 40, "b": 30}
MIN_HEIGHT = 220
HOVER = (
    "<b>%{customdata[2]}</b> %{customdata[3]}<br>of: %{customdata[4]}<br>%{customdata[5]}<br>"
    "claimed by: %{customdata[6]}<br><i>%{customdata[7]}</i><extra>%{customdata[8]}</extra>"
)
# The table beside the chart: what a reader checks a figure by; the ids lead back to the article.
TABLE_COLUMNS = ["figure", "value", "unit", "hedge", "of", "claim", "claimed by", "article", "article_id", "figure_id"]
EMPTY = "No claimed figures to show."
EMPTY_FILTERED = "None of the chosen actors claims a figure here."


@dataclass(frozen=True)
class Point:
    """One figure, flattened for the chart (and for a table beside it)."""

    article_id: str
    article_title: str
    figure_id: str
    text: str
    value: float
    high: float | None
    unit: str
    group: str  # the panel: a unit, or "count"
    qualifier: str | None
    subject: str
    claim: str
    claimant: str  # the actor's name, the claimant's words, or NOBODY
    sentence: str


def figure_points(analyses: Analysis | Iterable[Analysis], *, actors: Iterable[str] | None = None) -> list[Point]:
    """The figures of one or many analyses with a value, in text order; `actors` (ids or names) keeps
    only figures those actors claim."""
    wanted = set(actors) if actors is not None else None
    points = []
    for analysis in as_list(analyses):
        names = {a.id: a.name for a in analysis.actors}
        for figure in analysis.figures:
            if figure.value is None:
                continue
            if wanted is not None and not (figure.claimant in wanted or names.get(figure.claimant) in wanted):
                continue
            points.append(_point(analysis, figure, names))
    return points


def figures_figure(analyses: Analysis | Iterable[Analysis], *, actors: Iterable[str] | None = None) -> go.Figure:
    """The chart of claimed figures of one or many analyses, one panel per comparable unit."""
    analyses = as_list(analyses)
    points = figure_points(analyses, actors=actors)
    if not points:
        filtered = actors is not None and bool(figure_points(analyses))
        return empty_figure(EMPTY_FILTERED if filtered else EMPTY, height=MIN_HEIGHT)
    many = len({a.article.id for a in analyses}) > 1
    panels: dict[str, list[Point]] = {}
    for point in points:
        panels.setdefault(point.group, []).append(point)
    logarithmic = {group: _needs_log(members) for group, members in panels.items()}
    fig = make_subplots(
        rows=len(panels), cols=1,
        subplot_titles=[plot_text(_panel_title(g) + (" (log scale)" if logarithmic[g] else "")) for g in panels],
        row_heights=[len(p) + 1 for p in panels.values()],
        vertical_spacing=PANEL_GAP / _plot_height(panels) if len(panels) > 1 else 0,
    )
    shown_legend: set[str] = set()
    for row, (group, members) in enumerate(panels.items(), start=1):
        labels = _labels(members, many)
        for p, label in zip(members, labels):
            if p.high is not None:
                fig.add_trace(go.Scatter(
                    x=[p.value, p.high], y=[label, label], mode="lines", line={"color": "#888", "width": 4},
                    hoverinfo="skip", showlegend=False,
                ), row=row, col=1)
        by_hedge: dict[str, list[tuple[Point, str]]] = {}
        for p, label in zip(members, labels):
            by_hedge.setdefault(HEDGES.get(p.qualifier, HEDGES[None])[0], []).append((p, label))
        for hedge, items in by_hedge.items():
            symbol = next(s for name, s in HEDGES.values() if name == hedge)
            fig.add_trace(go.Scatter(
                x=[p.value for p, _ in items], y=[label for _, label in items], mode="markers",
                name=hedge, legendgroup=hedge, showlegend=hedge not in shown_legend,
                marker={"symbol": symbol, "size": 13, "color": HEDGE_COLORS[hedge], "line": {"width": 2, "color": HEDGE_COLORS[hedge]}},
                customdata=[_customdata(p, many) for p, _ in items], hovertemplate=HOVER,
            ), row=row, col=1)
            shown_legend.add(hedge)
        if logarithmic[group]:
            fig.update_xaxes(type="log", row=row, col=1)
        elif group == PERCENT:  # fitted to the values: a fixed 0-100 squashes "down 0.4 percent" into the axis
            fig.update_xaxes(type="linear", range=fitted_range(members), row=row, col=1)
        else:  # from zero, so the eye compares magnitudes
            fig.update_xaxes(type="linear", rangemode="tozero", row=row, col=1)
        fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=labels, row=row, col=1)
    fig.update_layout(
        clickmode="event+select", hovermode="closest", legend_title_text="hedge",
        height=_plot_height(panels) + MARGIN["t"] + MARGIN["b"], margin=MARGIN,
    )
    return fig


def figures_frame(analyses: Analysis | Iterable[Analysis]) -> pd.DataFrame:
    """The charted figures as a table (plain text, never markup), in text order."""
    rows = [
        {"figure": p.text, "value": p.value, "unit": p.unit, "hedge": p.qualifier or "", "of": p.subject,
         "claim": p.claim, "claimed by": p.claimant, "article": p.article_title, "article_id": p.article_id,
         "figure_id": p.figure_id}
        for p in figure_points(analyses)
    ]
    return pd.DataFrame(rows, columns=TABLE_COLUMNS)


def _plot_height(panels: dict[str, list[Point]]) -> int:
    """Inside the margins: each panel a row per figure plus one, and a gap between panels."""
    rows = sum(ROW_HEIGHT * (len(p) + 1) for p in panels.values()) + PANEL_GAP * (len(panels) - 1)
    return max(rows, MIN_HEIGHT - MARGIN["t"] - MARGIN["b"])


def _claimant_words(analysis: Analysis, figure: Figure) -> str:
    """The actor's name, but a group's words where they say more ("Russian authorities", not "Russian")."""
    actor = analysis.actor(figure.claimant)
    if actor is None:
        return figure.claimant_text or NOBODY
    if actor.type == "NORP" and figure.claimant_text and len(figure.claimant_text) > len(actor.name):
        return figure.claimant_text
    return actor.name


def _point(analysis: Analysis, figure: Figure, names: dict[str, str]) -> Point:
    text = analysis.article.text
    start, end = figure.sentence if figure.sentence else (figure.start, figure.end)
    return Point(
        article_id=analysis.article.id,
        article_title=analysis.article.title or analysis.article.id,
        figure_id=figure.id,
        text=figure.text,
        value=float(figure.value),
        high=figure.value_high,
        unit=figure.unit or "",
        group=COUNT if figure.kind == COUNT or not figure.unit else figure.unit,
        qualifier=figure.qualifier,
        subject=figure.subject or "",
        claim=figure.claim or "",
        claimant=_claimant_words(analysis, figure),
        sentence=text[start:end],
    )


def _panel_title(group: str) -> str:
    return UNIT_TITLES.get(group, group)


def _needs_log(members: list[Point]) -> bool:
    values = [v for p in members for v in (p.value, p.high) if v]
    return len(values) > 1 and min(values) > 0 and max(values) / min(values) >= LOG_RATIO


def _labels(points: list[Point], many: bool) -> list[str]:
    """One row label per figure: what it counts and who claims it, numbered when two would read alike."""
    labels, seen = [], {}
    for point in points:
        label = f"{point.subject or point.text} · {point.claimant}"
        if len(label) > LABEL_CHARS:
            label = label[: LABEL_CHARS - 1] + "…"
        if many:
            label = f"{label} · {point.article_title[:20]}"
        seen[label] = seen.get(label, 0) + 1
        labels.append(plot_text(label if seen[label] == 1 else f"{label} ({seen[label]})"))
    return labels


def _customdata(point: Point, many: bool) -> list[str]:
    """[article id, figure id] for the click; then the hover's escaped words."""
    hedge = f"({point.qualifier})" if point.qualifier else ""
    return [
        point.article_id, point.figure_id, plot_text(point.text), plot_text(hedge), plot_text(point.subject or "—"),
        plot_text(point.claim), plot_text(point.claimant), plot_text(point.sentence), plot_text(point.article_title if many else point.unit),
    ]


