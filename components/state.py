"""The reader's state shared by every page: the article, the actor filter, the selection, hidden types.

It lives in st.session_state under keys of its own — not widget keys, which Streamlit drops when a
page does not draw the widget — so it survives reruns and page changes. The article and the actor
filter are mirrored in the URL (`?article=ID&actor=NAME&actor=NAME`) so a view can be shared and
reloaded; actors travel by name (or any alias), because actor ids are only stable within one analysis.

A page obeys the filter with `actor_scope(analysis)`, and sends the reader to a span of the text with
`show_in_article(...)`: those two calls are all a new page needs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

import streamlit as st

from presslens.schema import Analysis
from presslens.scope import ActorScope, mentions_of, resolve_names, step

ARTICLE_KEY = "presslens.article"  # article id (the file name without suffix)
ACTORS_KEY = "presslens.actors"  # actor names, as the URL carries them
SELECTION_KEY = "presslens.selection"  # a Selection, or None
HIDDEN_KEY = "presslens.hidden_types"  # entity labels switched off in the legend
URL_READ_KEY = "presslens.url_read"  # the URL is read once, when a session starts
ARTICLE_PARAM, ACTOR_PARAM = "article", "actor"


@dataclass(frozen=True)
class Selection:
    """A span of one article the reader is looking at, and the actor whose panel is open."""

    article: str
    start: int
    end: int
    mention: str | None = None  # set when the span is an entity mention
    actor: str | None = None


def read_url() -> None:
    """Copy ?article= and ?actor= into the session, once per session (a reload starts a new one)."""
    if st.session_state.get(URL_READ_KEY):
        return
    st.session_state[URL_READ_KEY] = True
    if article := st.query_params.get(ARTICLE_PARAM):
        st.session_state[ARTICLE_KEY] = article
    names = [n for n in st.query_params.get_all(ACTOR_PARAM) if n.strip()]
    if names:
        st.session_state[ACTORS_KEY] = names


def write_url() -> None:
    """Mirror the article and the actor filter in the URL; untouched when already equal."""
    article = st.session_state.get(ARTICLE_KEY)
    if article and st.query_params.get(ARTICLE_PARAM) != article:
        st.query_params[ARTICLE_PARAM] = article
    names = actor_names()
    if st.query_params.get_all(ACTOR_PARAM) != names:
        if names:
            st.query_params[ACTOR_PARAM] = names
        else:
            del st.query_params[ACTOR_PARAM]


def article_id() -> str | None:
    return st.session_state.get(ARTICLE_KEY)


def set_article(article: str) -> None:
    """Open another article; the selection belonged to the old one, the actor names carry over."""
    if st.session_state.get(ARTICLE_KEY) != article:
        st.session_state[ARTICLE_KEY] = article
        st.session_state[SELECTION_KEY] = None


def actor_names() -> list[str]:
    return list(st.session_state.get(ACTORS_KEY, []))


def set_actor_names(names: Iterable[str]) -> None:
    st.session_state[ACTORS_KEY] = list(dict.fromkeys(names))


def actor_scope(analysis: Analysis) -> ActorScope:
    """The part of the analysis the reader's actor filter keeps: every view calls this."""
    return ActorScope(analysis, frozenset(resolve_names(analysis, actor_names())))


def filter_to(analysis: Analysis, actor_id: str) -> None:
    """Make the filter exactly this one actor."""
    if actor := analysis.actor(actor_id):
        set_actor_names([actor.name])


def selection(analysis: Analysis) -> Selection | None:
    """The selection, if it belongs to this article."""
    chosen = st.session_state.get(SELECTION_KEY)
    return chosen if chosen is not None and chosen.article == analysis.article.id else None


def select(chosen: Selection | None) -> None:
    st.session_state[SELECTION_KEY] = chosen


def select_span(analysis: Analysis, start: int, end: int, *, actor: str | None = None) -> None:
    """Select any span of the text (a quote, a figure, an event); the article view marks and scrolls to it."""
    mention = next((m for m in analysis.mentions if (m.start, m.end) == (start, end)), None)
    select(Selection(analysis.article.id, start, end, mention.id if mention else None, actor))


def select_mention(analysis: Analysis, mention_id: str) -> None:
    """A click on a highlight: that mention, and the actor it names (or stands for)."""
    mention = next((m for m in analysis.mentions if m.id == mention_id), None)
    if mention is not None:
        actor = mention.actor or mention.stands_for
        select(Selection(analysis.article.id, mention.start, mention.end, mention.id, actor))


def select_actor(analysis: Analysis, actor_id: str) -> None:
    """Open an actor's panel at its first mention."""
    first = next(iter(mentions_of(analysis, actor_id)), None)
    if first is None:
        select(Selection(analysis.article.id, 0, 0, None, actor_id))
    else:
        select(Selection(analysis.article.id, first.start, first.end, first.id, actor_id))


def shows_pronouns() -> bool:
    """Whether the actor panel lists pronouns ("he", "she") tied to the actor; hidden by default."""
    return bool(st.session_state.get(PRONOUNS_KEY, False))


def panel_mentions(analysis: Analysis, actor_id: str) -> list:
    """The actor's mentions as the panel steps through them: names, groups and what stands for it, and
    pronouns only when the reader shows them."""
    mentions = mentions_of(analysis, actor_id)
    return mentions if shows_pronouns() else [m for m in mentions if m.kind != "pronoun"]


def step_selection(analysis: Analysis, by: int) -> None:
    """Previous (-1) / Next (+1) through the selected actor's mentions; nothing past either end."""
    chosen = selection(analysis)
    if chosen is None or chosen.actor is None:
        return
    found = step(panel_mentions(analysis, chosen.actor), current=chosen.mention, offset=chosen.start, by=by)
    if found is not None:
        select(replace(chosen, start=found.start, end=found.end, mention=found.id))


PRONOUNS_KEY = "panel_show_pronouns"


def hidden_types() -> frozenset[str]:
    return frozenset(st.session_state.get(HIDDEN_KEY, ()))


def set_hidden_types(labels) -> None:
    st.session_state[HIDDEN_KEY] = frozenset(labels)


def toggle_type(label: str) -> None:
    st.session_state[HIDDEN_KEY] = hidden_types() ^ {label}


def show_in_article(analysis: Analysis, start: int, end: int, *, actor: str | None = None) -> None:
    """From any page: select a span and open the Article page on it (e.g. a click on a chart point)."""
    from .navigation import ARTICLE_PAGE  # the pages import this module

    select_span(analysis, start, end, actor=actor)
    st.switch_page(ARTICLE_PAGE)
