"""Adding an article to the store (pasted, uploaded, or by address) and editing an article's details.

Edits are never lost: the form remembers the version and values it was opened with; a save over a
newer version (another session saved meanwhile) is merged field by field when the two changed different
fields, and refused with both values shown when they changed the same one (`Store.update`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from presslens.article import Article
from presslens.errors import PresslensError
from presslens.ingest import article_from_bytes, article_from_text
from presslens.store import EditConflict
from presslens.store.importing import named

from . import reading, state
from .navigation import ARTICLE_PAGE
from .text import date_source_note, md_escape

UPLOAD_TYPES = ["txt", "md", "html", "htm"]
# The date picker's range: old enough for archives, and a little past today for time zones.
EARLIEST_DATE = dt.date(1800, 1, 1)
FIELDS = ("title", "source", "author", "published", "url")


def details(stored: dict, *, key: str, narrow: bool = False) -> dict:
    """Inputs for title, source, author, publication date and address; returns what was entered.

    `narrow` stacks them in one column (the Article page's side panel).
    """
    title = st.text_input("Title", value=stored.get("title") or "", key=f"{key}_title")
    left, right = (st.container(), st.container()) if narrow else st.columns(2)
    source = left.text_input("Source", value=stored.get("source") or "", key=f"{key}_source", placeholder="e.g. The Gazette")
    author = right.text_input("Author", value=stored.get("author") or "", key=f"{key}_author")
    stored_day = stored.get("published")
    published = left.date_input(
        "Publication date",
        value=_date(stored_day),
        min_value=EARLIEST_DATE,
        max_value=dt.date.today() + dt.timedelta(days=1),
        format="YYYY-MM-DD",
        key=f"{key}_published",
        help="Relative times ('last week') are dated against this day; without it they stay relative.",
    )
    if stored_day and _date(stored_day) is None:
        # 1066 or 2099: the picker cannot hold it, so it shows empty; the stored value is kept unless
        # the reader picks another day.
        left.caption(f"Stored date {md_escape(str(stored_day))} is outside the picker's range; it is kept unless you pick a day.")
        published = published or stored_day
    elif stored_day or "published_source" in stored:
        note = date_source_note(stored_day, stored.get("published_source"))
        if note:
            left.caption(md_escape(note).capitalize())
    url = right.text_input("Address (URL)", value=stored.get("url") or "", key=f"{key}_url")
    return {"title": title, "source": source, "author": author, "published": published, "url": url}


def add_pasted(*, key: str = "add_paste") -> None:
    with st.form(key):
        text = st.text_area("Article text", height=260, key=f"{key}_text", placeholder="Paste the article's text here")
        meta = details({}, key=key)
        submitted = st.form_submit_button("Save to library", type="primary", icon=":material/save:")
    if submitted:
        _save(lambda: article_from_text(text, origin="the pasted text", **_typed_date(meta)))


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
        _save(lambda: article_from_bytes(upload.getvalue(), name=upload.name, **_typed_date(meta)), untitled=Path(upload.name).stem)


def edit(entry: reading.Entry, *, key: str = "edit", narrow: bool = False) -> None:
    """The details of a stored article, saved back through the store without losing anyone's edit."""
    if not entry.editable:
        st.caption("Seed articles belong to the project and are read-only; paste or upload a copy to edit it.")
        return
    form_key = f"{key}_{entry.id}"
    base_key = f"{form_key}_base"
    record = reading.store().record(entry.id) or entry
    if base_key not in st.session_state:  # what this form was opened with: the base of its save
        st.session_state[base_key] = (record.version, record.meta())
    version, original = st.session_state[base_key]
    if record.problem:
        st.warning(f"Some details could not be imported: {md_escape(record.problem)}", icon=":material/warning:")
    with st.form(form_key):
        stored = reading.store().get(entry.id)
        meta = details({**original, "published_source": stored.published_source if stored else None},
                       key=form_key, narrow=narrow)
        submitted = st.form_submit_button("Save details", icon=":material/save:")
    if submitted:
        try:
            saved = reading.store().update(entry.id, meta, version=version, original=original)
        except EditConflict as exc:
            st.error(md_escape(str(exc)), icon=":material/sync_problem:")
            # A callback: it runs on the click's rerun, where this button is no longer drawn.
            st.button("Reload their details", key=f"{form_key}_reload", on_click=_forget, args=(form_key,))
            return
        except PresslensError as exc:
            st.error(md_escape(str(exc)))
            return
        _forget(form_key)
        merged = f" (kept the other session's {', '.join(saved.merged)})" if saved.merged else ""
        st.toast(f"Details saved{merged}.", icon=":material/check:")
        st.rerun()


def _typed_date(meta: dict) -> dict:
    """A date typed in the form is the reader's (`published_source` user)."""
    return {**meta, "published_source": "user"} if meta.get("published") else meta


def _forget(form_key: str) -> None:
    """Drop the form's base and inputs, so it opens on the stored details again."""
    for name in [f"{form_key}_base", *(f"{form_key}_{f}" for f in FIELDS)]:
        st.session_state.pop(name, None)


def _save(build: Callable[[], Article], *, untitled: str | None = None) -> None:
    """Validate, add to the store (named after the title, else `untitled`), and open the new article."""
    try:
        article = build()
        if article.id.startswith("sha-"):
            article = named(article, untitled)
        result = reading.store().add(article)
    except PresslensError as exc:
        st.error(md_escape(str(exc)))
        return
    open_added(result)


def open_added(result) -> None:
    """Say what happened to a duplicate, then open the article."""
    if not result.added:
        st.session_state["presslens.notice"] = f"Already in the store: opened the stored copy ({result.id})."
    elif result.near_duplicate_of:
        st.session_state["presslens.notice"] = f"Saved; it is nearly the same text as {result.near_duplicate_of}."
    state.set_article(result.id)
    st.switch_page(ARTICLE_PAGE)


def _date(value: object) -> dt.date | None:
    try:
        day = dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
    # The picker cannot hold a date outside its range; the reader then picks one.
    return day if day is not None and EARLIEST_DATE <= day <= dt.date.today() + dt.timedelta(days=1) else None
