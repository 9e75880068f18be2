"""The Corpus timeline page: what happened when across all stored articles, one row per real event with
the articles that report it; undated events listed apart. Choosing a row opens its first report."""

import pandas as pd
import streamlit as st

from components import corpus_view
from presslens.corpus.timeline import corpus_timeline

COLUMNS = {
    "when": st.column_config.TextColumn("when", width=170),
    "event": st.column_config.TextColumn("event", width="large"),
    "reports": st.column_config.NumberColumn("reports", width=70),
    "outlets": st.column_config.TextColumn("outlets", width=160),
    "evidence": st.column_config.TextColumn("why one event", width="medium"),
}


def main() -> None:
    st.header("Corpus timeline", anchor=False)
    analyses, index = corpus_view.corpus_or_stop()
    query = corpus_view.query(analyses, index, key="corpus_timeline", words=True)
    timeline = corpus_timeline(analyses, index, query)
    st.caption(f"{len(timeline.placed)} events on the axis from "
               f"{sum(len(i.reports) for i in timeline.placed)} reports; {len(timeline.apart)} listed apart.")
    placed = pd.DataFrame([{
        "when": " – ".join(dict.fromkeys(i.interval)), "event": i.label, "reports": len(i.reports),
        "outlets": ", ".join(sorted({r.outlet for r in i.reports})), "evidence": "; ".join(i.evidence),
        "article_id": i.reports[0].article, "event_id": i.reports[0].event,
    } for i in timeline.placed], columns=[*COLUMNS, "article_id", "event_id"])
    table(placed, analyses, key="corpus_timeline_placed")
    st.subheader("Not placed on the axis", anchor=False)
    apart = pd.DataFrame([{
        "when": timeline.reasons[i.id], "event": i.label, "reports": 1, "outlets": i.reports[0].outlet,
        "evidence": "", "article_id": i.reports[0].article, "event_id": i.reports[0].event,
    } for i in timeline.apart], columns=[*COLUMNS, "article_id", "event_id"])
    table(apart, analyses, key="corpus_timeline_apart")


def table(frame: pd.DataFrame, analyses, *, key: str) -> None:
    if frame.empty:
        st.caption("None.")
        return
    event = st.dataframe(frame, column_order=list(COLUMNS), column_config=COLUMNS, hide_index=True,
                         width="stretch", on_select="rerun", selection_mode="single-row", key=key)
    if event.selection.rows:
        row = frame.iloc[event.selection.rows[0]]
        corpus_view.follow(analyses, "events", row["article_id"], row["event_id"])


main()
