"""The sidebar every page shares: the article picker, the actor filter, and where things come from."""

from __future__ import annotations

import streamlit as st

from presslens.errors import PresslensError
from presslens.store import db_path

from . import actor_filter, reading, state
from .navigation import LIBRARY_PAGE
from .text import md_escape

PICKER_KEY = "presslens.article_picker"
NOTICE_KEY = "presslens.notice"  # a line for the next run (a duplicate found on add)


def show() -> reading.Reading | reading.Problem:
    """Draw the sidebar and load the chosen article (the page after it reads the same outcome)."""
    state.read_url()
    if notice := st.session_state.pop(NOTICE_KEY, None):
        st.toast(md_escape(notice), icon=":material/info:")
    try:
        available = reading.entries()
    except PresslensError as exc:  # a corrupt or foreign database file: one line, and what to do
        outcome = reading.Problem("The store cannot be opened", str(exc), "Set PRESSLENS_DB to another file, then reload.")
        reading.remember(outcome)
        st.caption(md_escape(str(exc)))
        return outcome
    entry = _article_picker(available)
    outcome = reading.load(entry)
    reading.remember(outcome)
    if isinstance(outcome, reading.Reading):
        actor_filter.show(outcome.analysis)
    state.write_url()
    st.page_link(LIBRARY_PAGE, label="Add an article", icon=":material/add:")
    st.caption(f"Store: {md_escape(str(db_path()))}")
    return outcome


def _article_picker(available: list[reading.Entry]) -> reading.Entry | None:
    entry = reading.choose(available)
    if entry is None:
        st.caption("No articles yet.")
        return None
    asked = state.article_id()
    if asked and asked != entry.id:  # a URL or an old session named an article that is not there
        st.toast(f"No article {md_escape(asked)}; showing {md_escape(entry.label)}", icon=":material/search_off:")
    state.set_article(entry.id)
    labels = {e.id: e.label + (" (seed)" if e.origin == "seed" else "") for e in available}
    if st.session_state.get(PICKER_KEY) != entry.id:
        st.session_state[PICKER_KEY] = entry.id
    st.selectbox("Article", list(labels), format_func=labels.__getitem__, key=PICKER_KEY, on_change=_picked)
    return entry


def _picked() -> None:
    # The browser sends the option's label; when another session renamed the open article, the old label
    # comes back, matches no id, and must not switch articles.
    chosen = st.session_state.get(PICKER_KEY)
    if chosen and reading.store().record(chosen) is not None:
        state.set_article(chosen)
