"""The sidebar's actor filter: a box to type a name, and a multiselect of the article's actors.

The box takes a name or alias exactly (any case, spaces squeezed): Enter adds the one actor it names —
its own name before anyone's alias, the most mentioned first — and never an actor whose name merely
contains the words ("Putin" is not "European Union"). Actors joined to it only by a nationality word
("Russia" and "Russian") are offered as related, never added on their own. The multiselect matches the
start of a label only, for the same reason (Streamlit's default fuzzy match offers unrelated actors).

What the filter stores is the shared state's list of actor names (see state.py), so it survives page
changes and travels in the URL as `?actor=NAME`. A name typed into the URL may be any alias in any case;
it is replaced by the actor's own name, and a name the article does not have is dropped with a notice.
(Streamlit's own `bind="query-params"` would put the displayed label, count included, in the URL.)
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from presslens.corpus.names import demonyms
from presslens.schema import Actor, Analysis
from presslens.scope import by_prominence, mentions_of, resolve_names

from . import state
from .palette import type_name
from .text import md_escape

WIDGET_KEY = "presslens.actor_filter"
FIND_KEY = "presslens.actor_find"
FOUND_KEY = "presslens.actor_found"  # the last typed name's outcome, shown under the box


@dataclass(frozen=True)
class Match:
    """What a typed name picks: at most one actor, and actors related to it by a nationality word."""

    typed: str
    actor: Actor | None
    related: tuple[Actor, ...] = ()


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def match_actor(analysis: Analysis, typed: str) -> Match:
    """The one actor `typed` names exactly (own name first, then an alias, most mentioned first), and
    the actors a nationality word links to it ("Russia" -> "Russian"), which are related, not chosen."""
    key = _key(typed)
    ranked = by_prominence(analysis)
    actor = next((a for a in ranked if _key(a.name) == key), None) or next(
        (a for a in ranked if key in {_key(x) for x in a.aliases}), None
    )
    countries = _countries(actor) if actor else {demonyms().get(key, key)} if key else set()
    related = tuple(a for a in ranked if a is not actor and countries & _countries(a))
    return Match(typed, actor, related)


def _countries(actor: Actor) -> set[str]:
    """The countries an actor's names are, or are the people of (case-folded)."""
    words = demonyms()
    return {_key(words.get(_key(n), n)) for n in [actor.name, *actor.aliases]} & _known_countries()


def _known_countries() -> set[str]:
    return {_key(c) for c in demonyms().values()}


def show(analysis: Analysis) -> None:
    actors = by_prominence(analysis)
    labels = {a.id: f"{a.name} · {type_name(a.type).lower()} · {len(mentions_of(analysis, a.id))}" for a in actors}
    _settle_names(analysis)
    st.text_input(
        "Find an actor",
        key=FIND_KEY,
        placeholder="A name or alias, then Enter",
        help="Adds the actor with exactly this name or alias (any case) to the filter.",
        on_change=_typed,
        args=(analysis,),
        disabled=not actors,
    )
    _show_found(analysis)
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
        filter_mode="prefix",
    )


def _typed(analysis: Analysis) -> None:
    typed = st.session_state.get(FIND_KEY, "")
    if not typed.strip():
        st.session_state[FOUND_KEY] = None
        return
    found = match_actor(analysis, typed)
    if found.actor is not None:
        state.set_actor_names([*state.actor_names(), found.actor.name])
        st.session_state[FIND_KEY] = ""
    st.session_state[FOUND_KEY] = (analysis.article.id, typed, found.actor.name if found.actor else None,
                                   [a.id for a in found.related])


def _show_found(analysis: Analysis) -> None:
    """After Enter: what was added or not, and related actors as buttons that add them."""
    found = st.session_state.get(FOUND_KEY)
    if not found or found[0] != analysis.article.id:
        return
    _, typed, name, related = found
    if name is None:
        st.caption(f"No actor is called “{md_escape(typed)}” in this article.")
    related = [a for a in (analysis.actor(i) for i in related) if a is not None]
    if related:
        st.caption("Related (by nationality):")
        for actor in related:
            st.button(actor.name, key=f"presslens.related_{actor.id}", icon=":material/add:",
                      on_click=_add, args=(actor.name,), type="tertiary")


def _add(name: str) -> None:
    state.set_actor_names([*state.actor_names(), name])


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
