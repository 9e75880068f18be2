"""The Article page: the highlighted text beside the actor panel, with exports and the article's details."""

from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

from components import actor_panel, article_view, exports, metadata_form, reading, state
from presslens.scope import about

# Keeps the panel in view while the text scrolls (trusted CSS from our own file, no article text).
LAYOUT_CSS = Path(__file__).with_name("article.css")


def main() -> None:
    page = reading.current()  # stops here, saying what to do next, when there is nothing to read
    st.html(LAYOUT_CSS)
    text, side = st.columns([0.64, 0.36], gap="large")
    with text:
        article_view.show(page.analysis)
    with side, st.container(key="article_side"):
        actor_panel.show(page.analysis)
        exports.show(page.analysis, filtered=about(page.analysis, state.actor_names()))
        missing_date = page.article.published is None and page.entry.editable
        # Drawn only while open: every element costs each rerun (see docs/benchmarks.md).
        details = st.expander(
            "Article details", icon=":material/edit:", expanded=missing_date, key="article_details_open",
            on_change="rerun",
        )
        if details.open:
            with details:
                metadata_form.edit(page.entry, key="article_details", narrow=True)
    _preload_charts()


def _preload_charts() -> None:
    """An empty, invisible chart at the end of the page: the browser fetches and parses the chart library
    (a 4.7 MB script) in the background after the text is drawn, not when the reader opens a chart page."""
    with st.container(key="chart_preload"):
        st.plotly_chart(_EMPTY, key="chart_preload_figure", config={"staticPlot": True, "displayModeBar": False})


# One pie slice: a chart with no cartesian axes, so plotly never scales an axis in the hidden box (an empty
# figure's axes threw "Something went wrong with axis scaling" when the box had no room for a plot area).
_EMPTY = go.Figure(go.Pie(values=[1], showlegend=False, hoverinfo="skip", textinfo="none"),
                   layout={"width": 10, "height": 10, "margin": {"l": 0, "r": 0, "t": 0, "b": 0}})


main()
