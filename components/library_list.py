"""The Library page's list over the store: search (FTS), source and date filters, sort, pages, and the
actions on one chosen article (open, rename, delete). Only one page of rows is read from the store, so
the page stays fast with tens of thousands of articles; nothing is analysed to list."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from presslens.errors import PresslensError
from presslens.store import Query, SQLiteStore

from . import state
from .navigation import ARTICLE_PAGE
from .text import md_escape

PAGE_SIZE = 50
MINE = Query(origin="library")
ANY_SOURCE = "All sources"
SORTS = {"added": "Newest added", "published": "Newest published", "title": "Title", "source": "Source"}
COLUMNS = {
    "title": st.column_config.TextColumn("Title", width="large"),
    "source": "Source",
    "published": "Published",
    "note": "Note",
    "id": "Id",
}


def can_fetch() -> bool:
    """Web pages and feeds are added through presslens.web when it is installed."""
    try:
        from presslens import web  # noqa: F401
    except ImportError:
        return False
    return True


def query(store: SQLiteStore) -> Query:
    """The filters row: words, source, date range, sort."""
    words_col, source_col, dates_col, sort_col = st.columns([3, 2, 2, 1.4], vertical_alignment="bottom")
    words = words_col.text_input("Search", key="library_words", placeholder="words in the title or text")
    source = source_col.selectbox("Source", [ANY_SOURCE, *store.sources()], key="library_source")
    dates = dates_col.date_input("Published between", value=(), key="library_dates", format="YYYY-MM-DD",
                                 min_value=dt.date(1800, 1, 1))
    sort = sort_col.selectbox("Sort", list(SORTS), format_func=SORTS.__getitem__, key="library_sort")
    first = dates[0].isoformat() if len(dates) >= 1 else None
    last = dates[1].isoformat() if len(dates) == 2 else None
    return Query(words=words or None, source=None if source == ANY_SOURCE else source, date_from=first,
                 date_to=last, sort=sort)


def show(store: SQLiteStore) -> None:
    chosen = query(store)
    total = store.count(chosen)
    pages = max(1, -(-total // PAGE_SIZE))
    page = 1
    if pages > 1:
        page = st.number_input(f"Page (of {pages})", min_value=1, max_value=pages, value=1, key="library_page")
    rows = store.list(Query(**{**chosen.__dict__, "limit": PAGE_SIZE, "offset": (page - 1) * PAGE_SIZE}))
    st.caption(f"{total:,} article{'s' if total != 1 else ''}" + (f", page {page} of {pages}" if pages > 1 else ""))
    if not rows:
        st.info("No article matches; change the words or filters.", icon=":material/search_off:")
        return
    table = [{
        "title": r.title or r.id, "source": r.source or "", "published": r.published or "", "id": r.id,
        "note": _note(r),
    } for r in rows]
    event = st.dataframe(table, column_order=list(COLUMNS), column_config=COLUMNS, hide_index=True, width="stretch",
                         on_select="rerun", selection_mode="single-row", key="library_table")
    picked = event.selection.rows
    if picked and picked[0] < len(rows):
        actions(store, rows[picked[0]])


def _note(record) -> str:
    notes = []
    if record.origin == "seed":
        notes.append("seed (read-only)")
    if record.near_duplicate_of:
        notes.append(f"nearly the same text as {record.near_duplicate_of}")
    if record.problem:
        notes.append("details to fix")
    return "; ".join(notes)


def actions(store: SQLiteStore, record) -> None:
    """Open, rename or delete the chosen article."""
    st.markdown(f"**{md_escape(record.label)}**")
    if record.near_duplicate_of:
        st.warning(f"Nearly the same text as {md_escape(record.near_duplicate_of)} (the same story elsewhere?).",
                   icon=":material/content_copy:")
    open_col, rename_col, delete_col = st.columns([1, 3, 1], vertical_alignment="bottom")
    if open_col.button("Open", key="library_open", icon=":material/article:"):
        state.set_article(record.id)
        st.switch_page(ARTICLE_PAGE)
    if not record.editable:
        rename_col.caption("Seed articles are read-only.")
        return
    with rename_col.form(f"library_rename_{record.id}", border=False):
        title = st.text_input("Title", value=record.title or "", key=f"library_rename_{record.id}_title")
        if st.form_submit_button("Rename", icon=":material/edit:"):
            try:
                store.rename(record.id, title, version=record.version, original=record.title)
            except PresslensError as exc:
                st.error(md_escape(str(exc)))
            else:
                st.toast("Renamed.", icon=":material/check:")
                st.rerun()
    with delete_col.popover("Delete", icon=":material/delete:", key="library_delete"):
        st.caption("It is removed from the store; the files it came from are not touched.")
        if st.button("Delete for good", type="primary", key="library_delete_confirm"):
            store.delete(record.id)
            st.session_state.pop("library_table", None)
            st.rerun()


def add_by_address(store: SQLiteStore) -> None:
    """A web page's address or a feed's: fetched, extracted and added (each feed entry fetched)."""
    from presslens.store.fetching import add_urls

    with st.form("add_url"):
        url = st.text_input("Address of a page or an RSS/Atom feed", key="add_url_address", placeholder="https://…")
        submitted = st.form_submit_button("Fetch and add", type="primary", icon=":material/download:")
    if submitted and url.strip():
        with st.spinner("Fetching…"):
            report = add_urls(store, [url.strip()])
        for problem in report.problems:
            st.error(md_escape(problem))
        if report.added or report.duplicates:
            st.success(md_escape(report.summary()))
