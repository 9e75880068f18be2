"""What the chart and table builders share; plain functions, no Streamlit."""

from __future__ import annotations

import html
from collections.abc import Iterable

import plotly.graph_objects as go

from presslens.schema import Analysis


def as_list(analyses: Analysis | Iterable[Analysis]) -> list[Analysis]:
    """Builders take one analysis or many."""
    return [analyses] if isinstance(analyses, Analysis) else list(analyses)


def plot_text(text: str) -> str:
    """Plotly renders a few HTML tags in labels and hovers: escape the article's words so they stay words."""
    return html.escape(text, quote=False)


def empty_figure(message: str, *, height: int, fig: go.Figure | None = None) -> go.Figure:
    """A chart with nothing to draw: the reason, centred, and no axes."""
    fig = fig if fig is not None else go.Figure()
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    fig.update_layout(height=height)
    return fig
