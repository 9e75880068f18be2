"""Chart builders for the corpus pages: plain plotly figures, no streamlit (unit-tested)."""

from __future__ import annotations

import math

import plotly.graph_objects as go

from .chart_kit import plot_text


def articles_over_time(periods: list[tuple[str, int]], *, period: str) -> go.Figure:
    """Articles naming the entity per month or week."""
    fig = go.Figure(go.Bar(x=[p for p, _ in periods], y=[n for _, n in periods], marker_color="#4c78a8",
                           hovertemplate="%{x}: %{y} article(s)<extra></extra>"))
    fig.update_layout(height=260, margin=dict(l=10, r=10, t=10, b=10), xaxis_title=period,
                      yaxis_title="articles", xaxis_type="category")
    return fig


def network(center: str, edges: list[tuple[str, str, int]], names: dict[str, str]) -> go.Figure:
    """The entity in the middle, the entities it appears with around it; line width = shared articles."""
    others = sorted({x for e in edges for x in e[:2]} - {center})
    pos = {center: (0.0, 0.0)}
    for i, node in enumerate(others):
        angle = 2 * math.pi * i / max(len(others), 1)
        pos[node] = (math.cos(angle), math.sin(angle))
    fig = go.Figure()
    top = max((n for *_, n in edges), default=1)
    for a, b, n in edges:
        if a in pos and b in pos:
            fig.add_trace(go.Scatter(x=[pos[a][0], pos[b][0]], y=[pos[a][1], pos[b][1]], mode="lines",
                                     line=dict(width=1 + 5 * n / top, color="#bbb"), hoverinfo="skip", showlegend=False))
    nodes = [center, *others]
    fig.add_trace(go.Scatter(
        x=[pos[n][0] for n in nodes], y=[pos[n][1] for n in nodes], mode="markers+text",
        text=[plot_text(names.get(n, n)) for n in nodes], textposition="top center", customdata=nodes,
        marker=dict(size=[22, *([14] * len(others))], color=["#e45756", *(["#4c78a8"] * len(others))]),
        hovertemplate="%{text}<extra></extra>", showlegend=False,
    ))
    fig.update_layout(height=380, margin=dict(l=10, r=10, t=10, b=10),
                      xaxis=dict(visible=False, range=[-1.5, 1.5]), yaxis=dict(visible=False, range=[-1.4, 1.4]))
    return fig
