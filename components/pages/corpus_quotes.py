"""The Quotes across the corpus page: who said what in all stored articles, by speaker entity; one row
per quote however many outlets carry it. A row opens its first carrier at the quote."""

import pandas as pd
import streamlit as st

from components import corpus_view
from presslens.corpus.quotes import corpus_quotes

COLUMNS = {
    "speaker": st.column_config.TextColumn("speaker", width=170),
    "quote": st.column_config.TextColumn("quote", width="large"),
    "carriers": st.column_config.TextColumn("carried by", width=220),
    "first": st.column_config.TextColumn("first", width=100),
}


def main() -> None:
    st.header("Quotes across the corpus", anchor=False)
    analyses, index = corpus_view.corpus_or_stop()
    query = corpus_view.query(analyses, index, key="corpus_quotes", words=True)
    rows = corpus_quotes(analyses, index, query)
    if not rows:
        st.info("No quotes match.", icon=":material/info:")
        return
    st.caption(f"{len(rows)} quotes from {sum(len(r.carriers) for r in rows)} reports. Choose a row to read it.")
    frame = pd.DataFrame([{
        "speaker": r.speaker_name or "unattributed", "quote": r.text,
        "carriers": "; ".join(f"{c.outlet} {c.published or 'undated'}" for c in r.carriers),
        "first": r.carriers[0].published or "undated",
        "article_id": r.carriers[0].article, "quote_id": r.carriers[0].quote,
    } for r in rows])
    event = st.dataframe(frame, column_order=list(COLUMNS), column_config=COLUMNS, hide_index=True,
                         width="stretch", on_select="rerun", selection_mode="single-row", key="corpus_quotes_table")
    if event.selection.rows:
        row = frame.iloc[event.selection.rows[0]]
        corpus_view.follow(analyses, "quotes", row["article_id"], row["quote_id"])


main()
