"""Markdown through a CommonMark parser: the reader sees plain text, and offsets point into it."""

from __future__ import annotations

from presslens.ingest import article_from_bytes
from presslens.mdtext import markdown_to_text

SOURCE = """# Council *approves* the [Canal Street](https://example.org/bridge) bridge

*By Dana Okoro, Gazette staff*

The council voted **5-2** on Tuesday. The mayor said:

> "We cannot wait another winter."

- Cost: $4.1 million
- Start: next spring

1. first
2. second

Code `x = 1` stays as words.
"""


def test_markup_becomes_plain_text():
    plain = markdown_to_text(SOURCE)
    assert plain.title == "Council approves the Canal Street bridge"
    assert plain.text.split("\n\n") == [
        "Council approves the Canal Street bridge",
        "By Dana Okoro, Gazette staff",
        "The council voted 5-2 on Tuesday. The mayor said:",
        '"We cannot wait another winter."',
        "Cost: $4.1 million",
        "Start: next spring",
        "first",
        "second",
        "Code x = 1 stays as words.",
    ]
    for raw in ("#", "*", "](", "> ", "- ", "`"):
        assert raw not in plain.text


def test_a_markdown_file_is_read_as_its_plain_text():
    article = article_from_bytes(SOURCE.encode(), name="story.md")
    assert article.title == "Council approves the Canal Street bridge"
    assert article.text == markdown_to_text(SOURCE).text
    start = article.text.index("5-2")
    assert article.text[start:start + 3] == "5-2"  # offsets point into what the reader sees


def test_the_metadata_title_wins_over_the_heading():
    assert article_from_bytes(SOURCE.encode(), name="story.md", title="Given").title == "Given"


def test_no_heading_no_title():
    assert markdown_to_text("Just a paragraph with *emphasis*.").title is None
    assert markdown_to_text("Just a paragraph with *emphasis*.").text == "Just a paragraph with emphasis."
