"""The Timeline page: the events the articles date, on a calendar, and every time expression with how it
was read. A click on a bar, a point or a row opens the article at its sentence."""

import streamlit as st

from components import collection, metadata_form, reading
from components.text import md_escape
from components.timeline_chart import COLOR_BY, PUBLICATION, timeline_figure, timeline_rows
from components.times_table import times_frame

UNDATED = "Publication date unknown — set it to place these on a calendar."
NO_EVENTS = "No dated events in {where}."
NO_EVENTS_FOR_ACTORS = "None of the chosen actors takes part in a dated event in {where}."
NO_TIMES = "No time expressions found in {where}."
NO_TIMES_FOR_ACTORS = "No time expression dates an event of the chosen actors in {where}."
TIME_COLUMNS = {
    "expression": st.column_config.TextColumn("expression", width=110),
    "when": st.column_config.TextColumn("when", width=140, help="The days it covers, first to last"),
    "value": st.column_config.TextColumn("value", width=95, help="TimeML value"),
    "explanation": st.column_config.TextColumn("how it was read", width=270),
    "events": st.column_config.TextColumn("dates the event", width=160),
    "article": st.column_config.TextColumn("article", width=140),
}


def main() -> None:
    page, shown, color_by = collection.top("Timeline", lambda: st.segmented_control(
        "Colour by", COLOR_BY, default=COLOR_BY[0], required=True, key="presslens.timeline_colour",
        persist_state="session",
    ))
    _undated(page, shown)

    # 1. The events on a calendar (the publication alone is no timeline).
    if any(row.kind != PUBLICATION for row in timeline_rows(shown.analyses)):
        st.caption("Periods are bars across their days, days are points. Click one to read its sentence in the article.")
        collection.chart(timeline_figure, shown, records="events", key="timeline_chart", color_by=color_by)
    else:
        collection.empty(shown, nothing=NO_EVENTS, nobody=NO_EVENTS_FOR_ACTORS,
                         found=lambda a: any(e.interval and e.kind != PUBLICATION for e in a.events))

    # 2. Every time expression and the reasoning behind its date, to check.
    st.subheader("Times and how they were read", anchor=False)
    frame = times_frame(shown.analyses)
    if frame.empty:
        collection.empty(shown, nothing=NO_TIMES, nobody=NO_TIMES_FOR_ACTORS, found=lambda a: a.times)
    else:
        st.caption("Choose a row to see the expression in the article.")
        collection.table(frame, shown, records="times", id_column="time_id", columns=TIME_COLUMNS, key="times_table")


def _undated(page: reading.Reading, shown: collection.Collection) -> None:
    """No publication date: say so, and offer the date where it can be set (relative times stay relative)."""
    undated = [a.article for a in shown.complete if not a.article.published]
    if not undated:
        return
    if not shown.many:
        st.warning(UNDATED, icon=":material/event_busy:")
        if page.entry.editable:
            with st.expander("Article details", icon=":material/edit:", expanded=True):
                metadata_form.edit(page.entry, key="timeline_details")
        return
    titles = ", ".join(md_escape(a.title or a.id) for a in undated)
    st.warning(f"Publication date unknown for {titles}: their relative times are listed below but not placed. "
               "Open an article and set its date to place them.", icon=":material/event_busy:")


main()
