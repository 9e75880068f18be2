"""The sidebar every page shares: the article picker, the actor filter, and where things come from."""

from __future__ import annotations

import streamlit as st

from presslens.library import Entry, library_dir

from . import actor_filter, reading, state
from .navigation import LIBRARY_PAGE
from .text import md_escape

PICKER_KEY = "presslens.article_picker"


def show() -> reading.Reading | reading.Problem:
    """Draw the sidebar and load the chosen article (the page after it reads the same outcome)."""
    state.read_url()
    available = reading.entries()
    entry = _article_picker(available)
    outcome = reading.load(entry)
    reading.remember(outcome)
    if isinstance(outcome, reading.Reading):
        actor_filter.show(outcome.analysis)
    state.write_url()
    st.page_link(LIBRARY_PAGE, label="Add an article", icon=":material/add:")
    st.caption(f"Library folder: {md_escape(str(library_dir()))}")
    return outcome


def _article_picker(available: list[Entry]) -> Entry | None:
    entry = reading.choose(available)
    if entry is None:
        st.caption("No articles yet.")
        return None
    asked = state.article_id()
    if asked and asked != entry.id:  # a URL or an old session named an article that is not there
        st.toast(f"No article {md_escape(asked)}; showing {md_escape(entry.label)}", icon=":material/search_off:")
    state.set_article(entry.id)
    labels = {str(e.path): e.label + (" (seed)" if e.origin == "seed" else "") for e in available}
    if st.session_state.get(PICKER_KEY) != str(entry.path):
        st.session_state[PICKER_KEY] = str(entry.path)
    st.selectbox("Article", list(labels), format_func=labels.__getitem__, key=PICKER_KEY, on_change=_picked, args=(available,))
    return entry


def _picked(available: list[Entry]) -> None:
    path = st.session_state.get(PICKER_KEY)
    chosen = next((e for e in available if str(e.path) == path), None)
    if chosen is not None:
        state.set_article(chosen.id)
