"""The Figures page: the quantities the articles claim, grouped by what can be compared, with who claims
them and how hedged; a click on a point or a row opens the article at the figure."""

import streamlit as st

from components import collection
from components.figures_chart import figures_figure, figures_frame

NO_FIGURES = "No figures found in {where}."
NO_FIGURES_FOR_ACTORS = "None of the chosen actors claims a figure in {where}."
FIGURE_COLUMNS = {
    "figure": st.column_config.TextColumn("figure", width=110),
    "value": st.column_config.NumberColumn("value", format="localized", width=100),
    "unit": st.column_config.TextColumn("unit", width=80),
    "hedge": st.column_config.TextColumn("hedge", width=110),
    "of": st.column_config.TextColumn("of", width=180),
    "claim": st.column_config.TextColumn("claim", width=200),
    "claimed by": st.column_config.TextColumn("claimed by", width=140),
    "article": st.column_config.TextColumn("article", width=150),
}


def main() -> None:
    _, shown, _ = collection.top("Figures")
    frame = figures_frame(shown.analyses)
    if frame.empty:
        collection.empty(shown, nothing=NO_FIGURES, nobody=NO_FIGURES_FOR_ACTORS, found=lambda a: a.figures)
        return
    st.caption("Each row is a claimed figure: what it counts · who claims it. ○ approximately, ▶ more than or at "
               "least, ◀ less than or at most. Click a point or choose a row to read its sentence in the article.")
    collection.chart(figures_figure, shown, records="figures", key="figures_chart")
    collection.table(frame, shown, records="figures", id_column="figure_id", columns=FIGURE_COLUMNS, key="figures_table")


main()
