"""The Library page: add articles (paste, upload, web address or feed), find them in the store (words,
source, dates, sort, pages), open, rename or delete one, and edit the open article's details."""

import streamlit as st

from components import library_list, metadata_form, reading
from components.text import md_escape
from presslens.errors import PresslensError
from presslens.store import db_path


def main() -> None:
    st.header("Library", anchor=False)
    try:
        store = reading.store()
    except PresslensError as exc:
        st.error(md_escape(str(exc)), icon=":material/error:")
        st.stop()
    st.caption(f"Articles are kept in the store {md_escape(str(db_path()))}; set PRESSLENS_DB to use another file.")
    tabs = ["Paste text", "Upload a file"] + (["Web address or feed"] if library_list.can_fetch() else [])
    drawn = st.tabs(tabs)
    with drawn[0]:
        metadata_form.add_pasted()
    with drawn[1]:
        metadata_form.add_uploaded()
    if len(drawn) > 2:
        with drawn[2]:
            library_list.add_by_address(store)

    st.subheader("In the store", anchor=False)
    if store.count(library_list.MINE) == 0:
        st.info("Your library is empty. Paste or upload an article above; it opens as soon as it is saved.")
    library_list.show(store)

    outcome = reading.remembered()
    entry = outcome.entry if outcome is not None else None
    if entry is not None:
        st.subheader("Details of the open article", anchor=False)
        metadata_form.edit(entry, key="library_details")


main()
