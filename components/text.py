"""Untrusted text in Streamlit's own widgets, which render Markdown.

Streamlit's Markdown does not render raw HTML, but it does render links, images, emphasis, colour
directives (`:red[...]`), emoji shortcodes and LaTeX — all of which an article's text may contain
by accident or on purpose. Every ASCII punctuation character is backslash-escaped (CommonMark lets
any of them be), so a name or a sentence shows exactly as written and never as markup.
"""

from __future__ import annotations

import re

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def md_escape(text: str | None) -> str:
    """Text shown literally by st.markdown and friends; line breaks become spaces."""
    return _PUNCTUATION.sub(r"\\\1", " ".join((text or "").split()))


def md_marked(text: str, start: int, end: int, *, colour: str = "orange") -> str:
    """`text` with [start:end] marked (bold on a coloured background), all of it escaped."""
    before, inside, after = text[:start], text[start:end], text[end:]
    lead = " " if before[-1:].isspace() else ""
    trail = " " if after[:1].isspace() else ""
    return f"{md_escape(before)}{lead}:{colour}-background[**{md_escape(inside)}**]{trail}{md_escape(after)}"
