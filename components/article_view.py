"""The article view: the text with every mention highlighted, a legend that switches types, click-through.

A Streamlit custom component (v2, inline JS and CSS, no build step) fed with data, never markup:
`article_payload` turns an Analysis and the reader's state into plain segments of text, and the
browser builds DOM nodes from them and inserts text with `textContent` only (article_view.js).

Clicks stay in the browser: a highlight, Previous/Next, Esc and the legend change the view at once
(the payload carries each actor's name, aliases and mentions, and a popover beside the mention shows
them), and only then is the server told what it must keep, as one trigger `action` of kind `sync`
(the selected mention and the hidden types) — for the URL, the side panel and the other pages. The
older kinds (select, step, toggle, clear) are still understood.
"""

from __future__ import annotations

import bisect
import functools
from pathlib import Path

import streamlit as st

from presslens.schema import Analysis, Mention
from presslens.scope import ActorScope, mentions_of

from . import state
from .text import date_source_note
from .palette import legend_order, type_colour, type_line, type_name

COMPONENT_NAME = "presslens_article_view"
HERE = Path(__file__).parent
# Segment flags: the browser wraps a segment in the matching classes.
BOILERPLATE, FOCUS, SENTENCE = 1, 2, 4
URL_SCHEMES = ("https://", "http://")


@functools.cache
def _component():
    """Registered on first use, so importing this module reads no files."""
    return st.components.v2.component(
        COMPONENT_NAME,
        js=(HERE / "article_view.js").read_text(encoding="utf-8"),
        css=(HERE / "article_view.css").read_text(encoding="utf-8"),
    )


def show(analysis: Analysis, *, key: str = "article_view") -> None:
    """Draw the view of one analysis as the shared state says (filter, hidden types, selection)."""
    data = article_payload(
        analysis,
        scope=state.actor_scope(analysis),
        hidden=state.hidden_types(),
        chosen=state.selection(analysis),
        pronouns=state.shows_pronouns(),
    )
    _component()(data=data, key=key, on_action_change=lambda: _apply(analysis, key))


def _apply(analysis: Analysis, key: str) -> None:
    """The browser's action, applied before the rerun draws anything."""
    action = (st.session_state.get(key) or {}).get("action")
    if not isinstance(action, dict):
        return
    kind = action.get("kind")
    if kind == "select" and isinstance(action.get("mention"), str):
        state.select_mention(analysis, action["mention"])
    elif kind == "step" and action.get("by") in (-1, 1):
        state.step_selection(analysis, action["by"])
    elif kind == "toggle" and isinstance(action.get("type"), str):
        state.toggle_type(action["type"])
    elif kind == "clear":
        state.select(None)
    elif kind == "sync":
        _sync(analysis, action)


def _sync(analysis: Analysis, action: dict) -> None:
    """The browser's view as it now stands: the selected mention (or none) and the hidden types."""
    hidden = action.get("hidden")
    if isinstance(hidden, list) and all(isinstance(t, str) for t in hidden):
        state.set_hidden_types(hidden)
    mention = action.get("mention")
    chosen = state.selection(analysis)
    if isinstance(mention, str):
        if chosen is None or chosen.mention != mention:
            state.select_mention(analysis, mention)
    elif mention is None and action.get("cleared") and chosen is not None:
        state.select(None)


def article_payload(
    analysis: Analysis, *, scope: ActorScope, hidden: frozenset[str] = frozenset(), chosen: state.Selection | None = None,
    pronouns: bool = False,
) -> dict:
    """Everything the browser draws, as JSON-ready data: header, notes, legend, mentions, paragraphs.
    Pronoun mentions ("he" tied to a person) are drawn only when the reader shows them (`pronouns`)."""
    article = analysis.article
    shown = drawable([m for m in analysis.mentions if pronouns or m.kind != "pronoun"])
    labels = legend_order(m.label for m in shown)
    legend_index = {label: i for i, label in enumerate(labels)}
    counts = {label: 0 for label in labels}
    for m in shown:
        counts[m.label] += 1
    own = {m.id for m in mentions_of(analysis, chosen.actor) if pronouns or m.kind != "pronoun"} if chosen and chosen.actor else set()
    mentions = [
        {
            "id": m.id,
            "type": legend_index[m.label],
            "state": "off" if m.label in hidden else ("on" if scope.keeps_mention(m) else "dim"),
            "scope": "on" if scope.keeps_mention(m) else "dim",
            "tip": _tip(analysis, m),
            "own": m.id in own,
            "current": chosen is not None and chosen.mention == m.id,
            "actor": m.actor or m.stands_for,
        }
        for m in shown
    ]
    drawn = {m.id for m in shown}
    focus = sentence = None
    if chosen is not None and chosen.end > chosen.start:
        sentence = analysis.sentence_of(chosen.start)
        # A selected mention is marked as the current highlight; any other span gets a frame.
        focus = None if chosen.mention else (chosen.start, chosen.end)
    return {
        "id": article.id,
        "header": _header(analysis),
        "notes": list(analysis.warnings),
        "filtering": scope.active,
        "legend": [
            {"type": label, "name": type_name(label), "count": counts[label], "on": label not in hidden,
             "colour": type_colour(label), "line": type_line(label)}
            for label in labels
        ],
        "mentions": mentions,
        "actors": {
            a.id: {
                "name": a.name,
                "type": type_name(a.type),
                "aliases": [x for x in a.aliases if x != a.name],
                "roles": list(a.roles),
                "mentions": [m.id for m in mentions_of(analysis, a.id) if m.id in drawn],
            }
            for a in analysis.actors
        },
        "hidden": sorted(hidden),
        "current": chosen.mention if chosen else None,
        "paragraphs": segments(
            article.text, shown, boilerplate=analysis.boilerplate, focus=focus, sentence=sentence
        ),
        "selection": _selection_key(chosen),
        "stepping": bool(chosen and chosen.actor),
    }


def drawable(mentions: list[Mention]) -> list[Mention]:
    """Mentions in text order without overlaps (the first, then longest, wins), so each character has one."""
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if m.end > m.start and (not kept or m.start >= kept[-1].end):
            kept.append(m)
    return kept


def segments(
    text: str,
    mentions: list[Mention],
    *,
    boilerplate: list[tuple[int, int]] = (),
    focus: tuple[int, int] | None = None,
    sentence: tuple[int, int] | None = None,
) -> list[list[list]]:
    """The text cut into paragraphs (at line breaks) of segments `[text, mention index or -1, flags]`.

    A segment is a run of characters with one mention and one set of flags; text is sent as strings
    (not offsets), since Python and JavaScript count characters differently beyond the BMP.
    """
    cuts = {0, len(text)}
    for m in mentions:
        cuts.update((m.start, m.end))
    flagged = [(span, BOILERPLATE) for span in boilerplate]
    flagged += [(span, flag) for span, flag in ((focus, FOCUS), (sentence, SENTENCE)) if span]
    for (start, end), _ in flagged:
        cuts.update((start, end))
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    starts = [m.start for m in mentions]
    paragraphs: list[list[list]] = [[]]
    for a, b in zip(bounds, bounds[1:]):
        i = bisect.bisect_right(starts, a) - 1
        index = i if i >= 0 and mentions[i].start <= a < mentions[i].end else -1
        flags = sum({flag for (start, end), flag in flagged if start <= a < end})
        for n, line in enumerate(text[a:b].split("\n")):
            if n:
                paragraphs.append([])
            if line:
                paragraphs[-1].append([line, index, flags])
    return [p for p in paragraphs if p]


def _tip(analysis: Analysis, m: Mention) -> str:
    """The tooltip of a highlight: who or what it is."""
    actor = analysis.actor(m.actor)
    parts = [actor.name if actor and actor.name != m.text else None, type_name(m.label), m.role]
    if m.stands_for and (stands := analysis.actor(m.stands_for)):
        parts.append(f"stands for {stands.name}")
    return " · ".join(p for p in parts if p)


def _header(analysis: Analysis) -> dict:
    article = analysis.article
    day = article.published_date
    url = article.url if article.url and article.url.lower().startswith(URL_SCHEMES) else None
    return {
        "title": article.title or article.id,
        "byline": [x for x in (article.source, article.author) if x],
        "date": f"{day:%a} {day.day} {day:%b %Y}" if day else None,
        "date_note": date_source_note(article.published, article.published_source),
        "url": url,
    }


def _selection_key(chosen: state.Selection | None) -> str | None:
    """Changes whenever the selection moves, so the browser knows when to scroll."""
    if not chosen or chosen.end <= chosen.start:
        return None
    return chosen.mention or f"{chosen.start}-{chosen.end}"
