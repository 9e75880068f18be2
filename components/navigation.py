"""The pages, in menu order. A new page is a thin script in components/pages/ and one line here."""

from __future__ import annotations

import logging

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

ARTICLE_PAGE = "components/pages/article.py"
TIMELINE_PAGE = "components/pages/timeline.py"
FIGURES_PAGE = "components/pages/figures.py"
QUOTES_PAGE = "components/pages/quotes.py"
LIBRARY_PAGE = "components/pages/library.py"
PROFILE_PAGE = "components/pages/profile.py"
CORPUS_TIMELINE_PAGE = "components/pages/corpus_timeline.py"
CLAIMS_PAGE = "components/pages/claims.py"
CORPUS_QUOTES_PAGE = "components/pages/corpus_quotes.py"

log = logging.getLogger(__name__)


def pages() -> list:
    return [
        st.Page(ARTICLE_PAGE, title="Article", icon=":material/article:", default=True),
        st.Page(TIMELINE_PAGE, title="Timeline", icon=":material/timeline:"),
        st.Page(FIGURES_PAGE, title="Figures", icon=":material/bar_chart:"),
        st.Page(QUOTES_PAGE, title="Quotes", icon=":material/format_quote:"),
        st.Page(LIBRARY_PAGE, title="Library", icon=":material/library_books:"),
        st.Page(PROFILE_PAGE, title="Actor profile", icon=":material/person_search:"),
        st.Page(CORPUS_TIMELINE_PAGE, title="Chronology", icon=":material/view_timeline:"),
        st.Page(CLAIMS_PAGE, title="Claims compared", icon=":material/compare_arrows:"),
        st.Page(CORPUS_QUOTES_PAGE, title="Voices", icon=":material/forum:"),
    ]


def any_case(pages: list) -> list:
    """Let a typed URL reach its page in any case ("/Quotes" is /quotes), before st.navigation resolves it.

    Streamlit matches a direct link's path to `url_path` exactly and runs the default page otherwise; the
    run's page intent is the one place to fold the case (a public hook does not exist in Streamlit 1.67).
    """
    ctx = get_script_run_ctx()
    manager = getattr(ctx, "pages_manager", None)
    asked = getattr(manager, "intended_page_name", None)
    if not asked or getattr(manager, "intended_page_script_hash", None):
        return pages
    paths = {p.url_path.casefold(): p.url_path for p in pages}
    if asked not in paths.values() and asked.strip("/").casefold() in paths:
        manager.set_script_intent("", paths[asked.strip("/").casefold()])
    return pages


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
