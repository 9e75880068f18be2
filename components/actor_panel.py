"""The actor panel beside the article: who the selected actor is, and every place the text has them.

Name, type, aliases, roles and mention count; Previous/Next through the mentions (the article view
scrolls along); each mention's sentence with the mention marked; and the actor's quotes, events and
figures when the engine found any. Every entry leads back to its span in the text.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from presslens.schema import Actor, Analysis
from presslens.scope import ActorScope, mentions_of

from . import state
from .palette import type_name
from .text import md_escape, md_marked

SHOW_ACTORS = 12  # actors offered when nothing is selected; the sidebar filter lists them all
CONTEXT_CHARS = 80  # text either side of a span that has no sentence


def show(analysis: Analysis) -> None:
    chosen = state.selection(analysis)
    with st.container(border=True, key="actor_panel"):
        actor = analysis.actor(chosen.actor) if chosen and chosen.actor else None
        if actor is not None:
            _actor(analysis, actor, chosen)
        elif chosen is not None and chosen.mention:
            _value(analysis, chosen)
        else:
            _overview(analysis)


def _overview(analysis: Analysis) -> None:
    st.markdown("**Actors**")
    if not analysis.actors:
        st.caption("The analysis found no people, organisations or places in this article.")
        return
    st.caption("Click a highlighted name in the text, or pick an actor here, to follow them through the article.")
    actors = {a.id: a for a in state.actor_scope(analysis).actors[:SHOW_ACTORS]}  # obeys the filter
    st.session_state["panel_pick"] = None
    st.radio(
        "Actors",
        list(actors),
        format_func=lambda aid: f"{md_escape(actors[aid].name)} · {type_name(actors[aid].type).lower()} · "
        f"{len(mentions_of(analysis, aid))}",
        key="panel_pick",
        label_visibility="collapsed",
        on_change=lambda: state.select_actor(analysis, st.session_state["panel_pick"]),
    )


def _actor(analysis: Analysis, actor: Actor, chosen: state.Selection) -> None:
    mentions = state.panel_mentions(analysis, actor.id)
    pronouns = sum(m.kind == "pronoun" for m in mentions_of(analysis, actor.id))
    ids = [m.id for m in mentions]
    position = ids.index(chosen.mention) if chosen.mention in ids else None

    _title(actor.name)
    facts = [type_name(actor.type), f"{len(mentions)} mention{'s' if len(mentions) != 1 else ''}"]
    st.caption(md_escape(" · ".join(facts)))
    if others := [a for a in actor.aliases if a != actor.name]:
        st.markdown(f"**Also called** {md_escape(', '.join(others))}")
    if actor.roles:
        st.markdown(f"**Roles** {md_escape(', '.join(actor.roles))}")

    if pronouns:
        st.toggle(f"Show pronouns ({pronouns})", key=state.PRONOUNS_KEY,
                  help="“he”, “she” the engine tied to this actor; listed as pronouns")
    st.caption(f"Mention {position + 1 if position is not None else '–'} of {len(mentions)}")
    back, forward = st.columns(2)
    back.button(
        "Previous", icon=":material/arrow_back:", key="panel_previous", help="Previous mention (key p)",
        disabled=not mentions or position == 0, on_click=state.step_selection, args=(analysis, -1), width="stretch",
    )
    forward.button(
        "Next", icon=":material/arrow_forward:", key="panel_next", help="Next mention (key n)",
        disabled=not mentions or position == len(mentions) - 1, on_click=state.step_selection, args=(analysis, 1),
        width="stretch",
    )
    alone = state.actor_scope(analysis).actor_ids == {actor.id}
    st.button(
        "Show all actors" if alone else "Filter to this actor",
        icon=":material/filter_alt_off:" if alone else ":material/filter_alt:",
        key="panel_filter",
        on_click=state.set_actor_names if alone else state.filter_to,
        args=([],) if alone else (analysis, actor.id),
    )

    # Quotes, events and figures get a tab each when the engine found any for this actor.
    own = ActorScope(analysis, frozenset({actor.id}))
    kinds = [
        ("Quotes", own.quotes, lambda q: f"{q.kind} quote" + (f", “{q.cue}”" if q.cue else "")),
        ("Events", own.events, lambda e: e.label + " · " + (" … ".join(e.interval) if e.interval else "date unknown")),
        ("Figures", own.figures, lambda f: " · ".join(x for x in (f.text, f.qualifier, f.subject) if x)),
    ]
    kinds = [kind for kind in kinds if kind[1]]
    describe = _mention_kind if any(m.kind != "name" for m in mentions) else None
    if not kinds:
        st.markdown(f"**Mentions ({len(mentions)})**")
        _spans(analysis, mentions, chosen, key=f"panel_mentions_{actor.id}", label="Mentions", describe=describe)
        return
    labels = [f"Mentions ({len(mentions)})"] + [f"{name} ({len(records)})" for name, records, _ in kinds]
    # A quote, event or figure chosen on another page opens on its own tab.
    holding = [any((r.start, r.end) == (chosen.start, chosen.end) for r in records) for _, records, _ in kinds]
    tabs = st.tabs(labels, default=labels[1 + holding.index(True)] if any(holding) and chosen.mention is None else None)
    with tabs[0]:
        _spans(analysis, mentions, chosen, key=f"panel_mentions_{actor.id}", label="Mentions", describe=describe)
    for tab, (name, records, describe) in zip(tabs[1:], kinds):
        with tab:
            _spans(analysis, records, chosen, key=f"panel_{name.lower()}_{actor.id}", label=name,
                   describe=describe, actor=actor.id)


def _mention_kind(mention) -> str:
    """The caption under a mention that is not a name: "pronoun", "group", or what it stands for."""
    return {"pronoun": "pronoun", "group": "group"}.get(mention.kind, "")


def _spans(
    analysis: Analysis,
    records: list,
    chosen: state.Selection,
    *,
    key: str,
    label: str,
    describe: Callable | None = None,
    actor: str | None = None,
) -> None:
    """Records with a span as their sentences, the selected one marked; choosing one selects its span."""
    by_id = {r.id: r for r in records}
    current = next((r.id for r in records if (r.start, r.end) == (chosen.start, chosen.end)), None)
    st.session_state[key] = current
    st.radio(
        label,
        list(by_id),
        format_func=lambda rid: _in_context(analysis, by_id[rid].start, by_id[rid].end),
        captions=[md_escape(describe(r)) for r in records] if describe else None,
        key=key,
        label_visibility="collapsed",
        on_change=_chose,
        args=(analysis, by_id, key, actor),
    )


def _chose(analysis: Analysis, by_id: dict, key: str, actor: str | None) -> None:
    record = by_id.get(st.session_state.get(key))
    if record is None:
        return
    if actor is None:  # a mention: select it as a click on its highlight would
        state.select_mention(analysis, record.id)
    else:
        state.select_span(analysis, record.start, record.end, actor=actor)


def _value(analysis: Analysis, chosen: state.Selection) -> None:
    """A selected value (a date, a number): what it is, and for a time what it was resolved to."""
    mention = next((m for m in analysis.mentions if m.id == chosen.mention), None)
    if mention is None:
        return
    _title(mention.text)
    st.caption(md_escape(type_name(mention.label)))
    for time in (t for t in analysis.times if (t.start, t.end) == (mention.start, mention.end)):
        st.markdown(md_escape(time.explanation or time.value))
    st.markdown(_in_context(analysis, mention.start, mention.end))


def _title(text: str) -> None:
    head, close = st.columns([0.85, 0.15], vertical_alignment="center")
    head.markdown(f"#### {md_escape(text)}", anchors=False)
    close.button("", icon=":material/close:", key="panel_close", help="Close (Esc)", on_click=state.select, args=(None,))


def _in_context(analysis: Analysis, start: int, end: int) -> str:
    """The sentence holding a span, with the span marked; all of it escaped."""
    text = analysis.article.text
    lo, hi = analysis.sentence_of(start) or (max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS))
    lo, hi = min(lo, start), max(hi, end)
    return md_marked(text[lo:hi], start - lo, end - lo)
