"""Markdown -> the plain text a reader sees, through a real CommonMark parser (markdown-it-py).

Markup is dropped, words are kept: `# Title` becomes the line "Title" (and the article's title when
nothing better names it), `*By Jane Doe*` the line "By Jane Doe", `[Reuters](https://...)` the word
"Reuters", list markers disappear. Blocks are separated by a blank line, as paragraphs of a .txt
article are, so every offset of the analysis points into this plain text.
"""

from __future__ import annotations

from dataclasses import dataclass

# Inline tokens whose content is words the reader sees; every other inline token is markup.
TEXT_TOKENS = {"text", "code_inline", "html_inline"}
# Block tokens that carry their own text rather than inline children.
LITERAL_BLOCKS = {"fence", "code_block", "html_block"}


@dataclass(frozen=True)
class PlainMarkdown:
    text: str
    title: str | None  # the first heading's words, if there is a heading


def markdown_to_text(source: str) -> PlainMarkdown:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark")
    blocks: list[str] = []
    title = None
    in_heading = False
    for token in parser.parse(source):
        if token.type == "heading_open":
            in_heading = True
        elif token.type == "heading_close":
            in_heading = False
        elif token.type == "inline":
            words = _inline_text(token.children or [])
            if words.strip():
                blocks.append(words.strip())
                if in_heading and title is None:
                    title = " ".join(words.split())
        elif token.type in LITERAL_BLOCKS and token.content.strip():
            blocks.append(token.content.rstrip("\n"))
    return PlainMarkdown("\n\n".join(blocks), title)


def _inline_text(children) -> str:
    parts = []
    for child in children:
        if child.type in TEXT_TOKENS:
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append("\n")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            # An image's alt text is what it says; the address is markup.
            parts.append(_inline_text(child.children or []))
    return "".join(parts)
