"""Untrusted text through Streamlit's Markdown: every markup character escaped, nothing lost."""

from __future__ import annotations

import re

import pytest

from components.text import md_escape, md_marked


def unescaped(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


@pytest.mark.parametrize(
    "text",
    [
        "[memo](javascript:alert(1))",
        "<img src=x onerror=alert(1)>",
        ":red[alarm] :material/warning: :smile:",
        "**bold** _it_ `code` ~~gone~~ $x^2$",
        "# heading\n- item\n> quote",
        "U.S. officials, 5% & 3 < 4",
    ],
)
def test_every_markup_character_is_escaped_and_the_text_kept(text):
    escaped = md_escape(text)
    assert unescaped(escaped) == " ".join(text.split())
    assert not re.search(r"(?<!\\)[\[\]()<>:*_`~$#&]", escaped)


def test_marked_span_is_the_only_markup():
    marked = md_marked("Officials met *Roe* [x] today.", 15, 18)
    assert marked == r"Officials met \*:orange-background[**Roe**]\* \[x\] today\."
