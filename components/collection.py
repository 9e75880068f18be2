"""What the Timeline, Figures and Quotes pages share: the articles they cover, cut down by the actor
filter, and the way from a clicked point or row back to its place in the article.

The scope control ("This article" / "All articles") is one widget under one key on every such page,
kept for the whole session, so the choice follows the reader from page to page. With all articles,
each is read and analysed through the same caches as a single one; one that fails is named in a line
and skipped. A click on a chart point (`chart`) or a table row (`table`) opens the Article page on the
record's words, its sentence shaded, with the panel of the actor it belongs to.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from presslens.version import pipeline_version

from presslens.schema import Analysis
from presslens.scope import about

from . import exports, reading, state
from .text import md_escape

SCOPE_KEY = "presslens.scope"
THIS, ALL = "This article", "All articles"
# Table rows taller than 4rem let Streamlit wrap long text (a quote, an explanation) over three lines;
# the table is as tall as its rows, up to this many, and scrolls beyond.
ROW_HEIGHT, HEADER_HEIGHT, MAX_ROWS = 72, 38, 12
# Which actor's panel a record opens with: its speaker, its claimant, the first of its actors.
ACTORS_OF: dict[str, Callable[[object], list]] = {
    "events": lambda event: list(event.actors),
    "quotes": lambda quote: [quote.speaker],
    "figures": lambda figure: [figure.claimant],
    "times": lambda time: [],
}


T = TypeVar("T")


@dataclass(frozen=True)
class Collection:
    """The analyses a page shows: `analyses` cut down by the actor filter, `complete` as they are."""

    analyses: list[Analysis]
    complete: list[Analysis]
    many: bool  # the reader chose all articles
    names: tuple[str, ...] = ()  # the actor filter
    skipped: list[reading.Problem] = field(default_factory=list)  # articles that could not be analysed

    @property
    def filtering(self) -> bool:
        return bool(self.names)

    @property
    def key(self) -> tuple:
        """Changes whenever what the page shows may change: the articles, the engine, the filter."""
        articles = tuple((a.article.id, a.article.fingerprint) for a in self.complete)
        return pipeline_version(), articles, self.names

    @property
    def where(self) -> str:
        """'this article' or 'these 3 articles', for the page's messages."""
        n = len(self.complete)
        return f"these {n} articles" if self.many and n != 1 else "this article"


def top(title: str, control: Callable[[], T] | None = None) -> tuple[reading.Reading, Collection, T | None]:
    """The head of a chart page: the sidebar's reading (or the empty/error state, and the run stops), the
    title, the scope control with the page's own `control` beside it, and a line per article left out."""
    page = reading.current()
    st.header(title, anchor=False)
    with st.container(horizontal=True, vertical_alignment="bottom", gap="medium"):
        shown = choose(page)
        chosen = control() if control is not None else None
        if shown.analyses:
            exports.show_many(shown.analyses, key=f"export_{SCOPE_KEY}_{title.lower()}")
    notes(shown)
    return page, shown, chosen


def choose(page: reading.Reading) -> Collection:
    """Draw the scope control; load what it covers and apply the actor filter."""
    scope = st.segmented_control(
        "Articles", [THIS, ALL], default=THIS, required=True, key=SCOPE_KEY, persist_state="session",
        help="All articles: every seed and library article in one view; the actor filter applies to each.",
    )
    outcomes = reading.load_all() if scope == ALL else [page]
    complete = [o.analysis for o in outcomes if isinstance(o, reading.Reading)]
    skipped = [o for o in outcomes if isinstance(o, reading.Problem)]
    names = tuple(state.actor_names())
    return Collection([about(a, names) for a in complete], complete, scope == ALL, names, skipped)


def notes(shown: Collection) -> None:
    """One line per article left out, saying why."""
    for problem in shown.skipped:
        label = problem.entry.label if problem.entry else "an article"
        st.caption(f":material/warning: Left out {md_escape(label)}: {md_escape(problem.detail)}")


def empty(shown: Collection, *, nothing: str, nobody: str, found: Callable[[Analysis], object]) -> None:
    """The empty state: `nothing` when the articles have none, `nobody` when the actor filter took them
    all; both may name `{where}`."""
    filtered_out = shown.filtering and any(found(a) for a in shown.complete)
    st.info((nobody if filtered_out else nothing).format(where=shown.where), icon=":material/info:")


def chart(build: Callable[..., go.Figure], shown: Collection, *, records: str, key: str, **options) -> None:
    """The chart `build(analyses, **options)` draws; its marks carry customdata [article id, record id],
    and a click follows the record."""
    fig = _figure(f"{build.__module__}.{build.__qualname__}", shown.key, tuple(sorted(options.items())),
                  build, shown.analyses)
    event = st.plotly_chart(fig, on_select="rerun", selection_mode="points", key=key, width="stretch")
    if clicked := clicked_point(event.selection):
        follow(shown, records, *clicked)


@st.cache_resource(max_entries=32, show_spinner=False)
def _figure(builder: str, key: tuple, options: tuple, _build: Callable[..., go.Figure], _analyses: list) -> go.Figure:
    """Built once per articles, filter and options: plotly validates every property as a figure is built
    (~140 ms for the timeline of 31 articles, docs/benchmarks.md). A resource, not data: a pickled
    Figure is validated again when read back. Never changed after it is built."""
    return _build(_analyses, **dict(options))


def table(frame: pd.DataFrame, shown: Collection, *, records: str, id_column: str, columns: dict, key: str) -> None:
    """A table of records (plain text: st.dataframe never renders markup); choosing a row follows it.

    `columns` maps the frame's columns to show, in order, to their st.column_config entry or heading;
    "article" is shown (first) only over many articles.
    """
    # Over many articles the article comes first: the reader's context, never scrolled out of view.
    visible = {name: config for name, config in columns.items() if name != "article"}
    if shown.many and "article" in columns:
        visible = {"article": columns["article"], **visible}
    event = st.dataframe(
        frame, column_order=list(visible), column_config=visible, hide_index=True, width="stretch",
        on_select="rerun", selection_mode="single-row", key=key, row_height=ROW_HEIGHT,
        height=HEADER_HEIGHT + ROW_HEIGHT * min(len(frame), MAX_ROWS),
    )
    rows = event.selection.rows
    if rows and rows[0] < len(frame):
        row = frame.iloc[rows[0]]
        follow(shown, records, row["article_id"], row[id_column])


def clicked_point(selection) -> tuple[str, str] | None:
    """(article id, record id) of the first clicked mark that carries them."""
    for point in selection.get("points", []):
        data = point.get("customdata")
        if isinstance(data, list) and len(data) >= 2:
            return str(data[0]), str(data[1])
    return None


def follow(shown: Collection, records: str, article_id: str, record_id: str) -> None:
    """Open the record's article on the Article page with the record's words selected."""
    analysis = next((a for a in shown.complete if a.article.id == article_id), None)
    record = next((r for r in getattr(analysis, records, []) if r.id == record_id), None)
    if analysis is None or record is None:  # the page changed under the click: nothing to follow
        return
    scope = state.actor_scope(analysis)
    actor = next((a for a in ACTORS_OF[records](record) if a and scope.keeps(a)), None)
    state.set_article(article_id)
    state.show_in_article(analysis, record.start, record.end, actor=actor)
