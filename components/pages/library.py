"""The Library page: add an article by pasting or uploading it, see the library, edit the current article's details."""

import streamlit as st

from components import metadata_form, reading
from components.text import md_escape
from presslens.library import library_dir


def main() -> None:
    st.header("Library", anchor=False)
    folder = library_dir()
    st.caption(
        f"Articles you add are saved in {md_escape(str(folder))} as NAME.txt with NAME.meta.json beside it; "
        "set PRESSLENS_LIBRARY to use another folder."
    )
    paste, upload = st.tabs(["Paste text", "Upload a file"])
    with paste:
        metadata_form.add_pasted()
    with upload:
        metadata_form.add_uploaded()

    st.subheader("In your library", anchor=False)
    mine = [e for e in reading.entries() if e.origin == "library"]
    if not mine:
        st.info("Your library is empty. Paste or upload an article above; it opens as soon as it is saved.")
    else:
        st.dataframe(
            [{"title": e.title or "", "source": e.source or "", "published": e.published or "", "file": e.path.name,
              "problem": e.problem or ""} for e in mine],
            hide_index=True,
            width="stretch",
        )

    outcome = reading.remembered()
    entry = outcome.entry if outcome is not None else None
    if entry is not None:
        st.subheader("Details of the open article", anchor=False)
        metadata_form.edit(entry, key="library_details")


main()
