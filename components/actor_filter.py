"""The sidebar's actor filter: a multiselect of the article's actors, most mentioned first.

The widget shows `name · type · mentions`; what it stores is the shared state's list of actor names
(see state.py), so the filter survives page changes and travels in the URL as `?actor=NAME`. A name
typed into the URL may be any alias in any case; it is replaced by the actor's own name, and a name
the article does not have is dropped with a notice (so the URL always shows the filter applied).
(Streamlit's own `bind="query-params"` would put the displayed label, count included, in the URL:
links would break whenever the engine finds one more mention, and could not name an alias.)
"""

from __future__ import annotations

import streamlit as st

from presslens.schema import Analysis
from presslens.scope import by_prominence, mentions_of, resolve_names

from . import state
from .palette import type_name
from .text import md_escape

WIDGET_KEY = "presslens.actor_filter"


def show(analysis: Analysis) -> None:
    actors = by_prominence(analysis)
    labels = {a.id: f"{a.name} · {type_name(a.type).lower()} · {len(mentions_of(analysis, a.id))}" for a in actors}
    _settle_names(analysis)
    wanted = sorted(state.actor_scope(analysis).actor_ids, key=list(labels).index)
    if st.session_state.get(WIDGET_KEY) != wanted:
        st.session_state[WIDGET_KEY] = wanted
    st.multiselect(
        "Actors",
        list(labels),
        format_func=labels.__getitem__,
        key=WIDGET_KEY,
        placeholder="All actors" if actors else "No actors found",
        help="Highlight only these actors' mentions in every view; the rest are dimmed.",
        on_change=_changed,
        args=(analysis,),
        disabled=not actors,
    )


def _settle_names(analysis: Analysis) -> None:
    """Names from a URL or another article become this article's actor names; unknown ones are dropped, with a word."""
    names = state.actor_names()
    found = [analysis.actor(i).name for i in resolve_names(analysis, names)]
    if found == names:
        return
    missing = [n for n in names if not resolve_names(analysis, [n])]
    if missing:
        st.toast(f"Not in this article: {md_escape(', '.join(missing))}", icon=":material/person_off:")
    state.set_actor_names(found)


def _changed(analysis: Analysis) -> None:
    chosen = [analysis.actor(i) for i in st.session_state.get(WIDGET_KEY, [])]
    state.set_actor_names(a.name for a in chosen if a is not None)
