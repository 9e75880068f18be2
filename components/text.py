"""Untrusted text in Streamlit's own widgets, which render Markdown.

Streamlit's Markdown does not render raw HTML, but it does render links, images, emphasis, colour
directives (`:red[...]`), emoji shortcodes and LaTeX — all of which an article's text may contain
by accident or on purpose. Every ASCII punctuation character is backslash-escaped (CommonMark lets
any of them be), so a name or a sentence shows exactly as written and never as markup.
"""

from __future__ import annotations

import re

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


# Where the publication date came from, as the article header and the details form say it.
DATE_SOURCES = {
    "metadata": "date from the page's metadata",
    "url": "date from the page's address",
    "dateline": "date from the dateline",
    "user": "date set by a reader",
    "guessed": "date guessed: check it",
}
NO_DATE = "no publication date: relative times stay relative"


def date_source_note(published: str | None, source: str | None) -> str | None:
    """"date from the page's metadata", ..., or the no-date note; None when the source is not recorded."""
    if not published:
        return NO_DATE
    return DATE_SOURCES.get(source or "")


def md_escape(text: str | None) -> str:
    """Text shown literally by st.markdown and friends; line breaks become spaces."""
    return _PUNCTUATION.sub(r"\\\1", " ".join((text or "").split()))


def md_marked(text: str, start: int, end: int, *, colour: str = "orange") -> str:
    """`text` with [start:end] marked (bold on a coloured background), all of it escaped."""
    before, inside, after = text[:start], text[start:end], text[end:]
    lead = " " if before[-1:].isspace() else ""
    trail = " " if after[:1].isspace() else ""
    return f"{md_escape(before)}{lead}:{colour}-background[**{md_escape(inside)}**]{trail}{md_escape(after)}"
