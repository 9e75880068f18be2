"""Adding an article to the library (pasted or uploaded) and editing an article's details."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from presslens.article import Article
from presslens.errors import PresslensError
from presslens.ingest import article_from_bytes, article_from_text, stored_meta
from presslens.library import Entry, save_article, update_meta

from . import state
from .navigation import ARTICLE_PAGE
from .text import md_escape

UPLOAD_TYPES = ["txt", "md", "html", "htm"]
# The date picker's range: old enough for archives, and a little past today for time zones.
EARLIEST_DATE = dt.date(1800, 1, 1)


def details(stored: dict, *, key: str, narrow: bool = False) -> dict:
    """Inputs for title, source, author, publication date and address; returns what was entered.

    `narrow` stacks them in one column (the Article page's side panel).
    """
    title = st.text_input("Title", value=stored.get("title") or "", key=f"{key}_title")
    left, right = (st.container(), st.container()) if narrow else st.columns(2)
    source = left.text_input("Source", value=stored.get("source") or "", key=f"{key}_source", placeholder="e.g. The Gazette")
    author = right.text_input("Author", value=stored.get("author") or "", key=f"{key}_author")
    published = left.date_input(
        "Publication date",
        value=_date(stored.get("published")),
        min_value=EARLIEST_DATE,
        max_value=dt.date.today() + dt.timedelta(days=1),
        format="YYYY-MM-DD",
        key=f"{key}_published",
        help="Relative times ('last week') are dated against this day; without it they stay relative.",
    )
    url = right.text_input("Address (URL)", value=stored.get("url") or "", key=f"{key}_url")
    return {"title": title, "source": source, "author": author, "published": published, "url": url}


def add_pasted(*, key: str = "add_paste") -> None:
    with st.form(key):
        text = st.text_area("Article text", height=260, key=f"{key}_text", placeholder="Paste the article's text here")
        meta = details({}, key=key)
        submitted = st.form_submit_button("Save to library", type="primary", icon=":material/save:")
    if submitted:
        _save(lambda: article_from_text(text, origin="the pasted text", **meta))


def add_uploaded(*, key: str = "add_upload") -> None:
    with st.form(key):
        upload = st.file_uploader("Article file (.txt, .md or .html)", type=UPLOAD_TYPES, key=f"{key}_file")
        st.caption("Details left blank are taken from the file (an HTML page usually has them).")
        meta = details({}, key=key)
        submitted = st.form_submit_button("Save to library", type="primary", icon=":material/save:")
    if submitted:
        if upload is None:
            st.warning("Choose a file first.")
            return
        _save(lambda: article_from_bytes(upload.getvalue(), name=upload.name, **meta), untitled=Path(upload.name).stem)


def edit(entry: Entry, *, key: str = "edit", narrow: bool = False) -> None:
    """The details of a library article, saved back into its NAME.meta.json."""
    if not entry.editable:
        st.caption("Seed articles belong to the project and are read-only; paste or upload a copy to edit it.")
        return
    try:
        stored = stored_meta(entry.path)
    except PresslensError as exc:
        st.error(md_escape(str(exc)))
        return
    with st.form(f"{key}_{entry.id}"):
        meta = details(stored, key=f"{key}_{entry.id}", narrow=narrow)
        if stored.get("published") and _date(stored["published"]) is None:
            st.caption(f"The stored date {md_escape(repr(stored['published']))} is not a real date; pick one.")
        submitted = st.form_submit_button("Save details", icon=":material/save:")
    if submitted:
        try:
            update_meta(entry.path, meta)
        except PresslensError as exc:
            st.error(md_escape(str(exc)))
            return
        st.toast("Details saved.", icon=":material/check:")
        st.rerun()


def _save(build: Callable[[], Article], *, untitled: str | None = None) -> None:
    """Validate, save into the library (named after the title, else `untitled`), and open the new article."""
    try:
        article = build()
        path = save_article(article, name=article.title or untitled)
    except PresslensError as exc:
        st.error(md_escape(str(exc)))
        return
    state.set_article(path.name.split(".")[0])
    st.switch_page(ARTICLE_PAGE)


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
