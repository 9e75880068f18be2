"""The Quotes page: who said what — every quote with its speaker, cue and kind; choosing a row opens
the article at the quote."""

import streamlit as st

from components import collection
from components.quotes_table import KINDS, quotes_frame

NO_QUOTES = "No quotes found in {where}."
NO_QUOTES_FOR_ACTORS = "None of the chosen actors is quoted in {where}."
NO_QUOTES_OF_KINDS = "No quotes of the chosen kinds in {where}."
KIND_HELP = "direct: their own words in quote marks; partial: a quoted phrase; indirect: reported speech"
QUOTE_COLUMNS = {
    "speaker": st.column_config.TextColumn("speaker", width=170),
    "quote": st.column_config.TextColumn("quote", width="large"),
    "cue": st.column_config.TextColumn("cue", width=100),
    "kind": st.column_config.TextColumn("kind", width=90),
    "article": st.column_config.TextColumn("article", width=170),
}


def main() -> None:
    _, shown, kinds = collection.top("Quotes", lambda: st.pills(
        "Kinds", KINDS, selection_mode="multi", default=list(KINDS), key="presslens.quote_kinds",
        persist_state="session", help=KIND_HELP,
    ))
    frame = quotes_frame(shown.analyses, kinds=kinds)
    if frame.empty:
        if kinds != list(KINDS) and not quotes_frame(shown.analyses).empty:
            st.info(NO_QUOTES_OF_KINDS.format(where=shown.where), icon=":material/info:")
        else:
            collection.empty(shown, nothing=NO_QUOTES, nobody=NO_QUOTES_FOR_ACTORS, found=lambda a: a.quotes)
        return
    st.caption("Choose a row to read the quote in the article.")
    collection.table(frame, shown, records="quotes", id_column="quote_id", columns=QUOTE_COLUMNS, key="quotes_table")


main()
