"""The pages, in menu order. A new page is a thin script in components/pages/ and one line here."""

from __future__ import annotations

import logging

import streamlit as st

ARTICLE_PAGE = "components/pages/article.py"
TIMELINE_PAGE = "components/pages/timeline.py"
FIGURES_PAGE = "components/pages/figures.py"
QUOTES_PAGE = "components/pages/quotes.py"
LIBRARY_PAGE = "components/pages/library.py"

log = logging.getLogger(__name__)


def pages() -> list:
    return [
        st.Page(ARTICLE_PAGE, title="Article", icon=":material/article:", default=True),
        st.Page(TIMELINE_PAGE, title="Timeline", icon=":material/timeline:"),
        st.Page(FIGURES_PAGE, title="Figures", icon=":material/bar_chart:"),
        st.Page(QUOTES_PAGE, title="Quotes", icon=":material/format_quote:"),
        st.Page(LIBRARY_PAGE, title="Library", icon=":material/library_books:"),
    ]


def run(page) -> None:
    """Run a page; a bug in it shows one line and is logged, never a traceback on the page."""
    try:
        page.run()
    except Exception as exc:
        log.exception("page %s failed", page.title)
        st.error(
            f"This page stopped with an internal error ({type(exc).__name__}); the server log has the details. "
            "Other pages and articles still work.",
            icon=":material/error:",
        )
