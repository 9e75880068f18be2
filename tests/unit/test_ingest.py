"""Ingest: every kind of bad input gets one clear message; good input keeps its text and metadata."""

from __future__ import annotations

import json

import pytest

from presslens.errors import PresslensError
from presslens.ingest import article_from_bytes, article_from_text, read_article

STORY = "The city council voted on Tuesday to approve a new budget for the bridge over the river. " * 3


def test_txt_with_meta_beside_it(write_file):
    path = write_file("story.txt", STORY)
    write_file("story.meta.json", json.dumps({"title": "Bridge", "author": "A. Writer", "published": "2020-03-04"}))
    article = read_article(path)
    assert (article.id, article.title, article.author, article.published) == ("story", "Bridge", "A. Writer", "2020-03-04")
    assert article.text == STORY
    assert article.language == "en"


def test_published_argument_overrides_meta(write_file):
    path = write_file("story.txt", STORY)
    write_file("story.meta.json", json.dumps({"published": "2020-03-04"}))
    assert read_article(path, published="2021-01-02").published == "2021-01-02"


def test_crlf_line_ends_become_newlines():
    assert article_from_text("One line.\r\nTwo lines.\rThree.").text == "One line.\nTwo lines.\nThree."


def test_utf8_bom_is_not_text():
    assert article_from_bytes(b"\xef\xbb\xbf" + STORY.encode(), name="a.txt").text == STORY


def test_html_goes_through_trafilatura():
    html = f"""<!doctype html><html><head><title>Bridge vote</title>
    <meta name="author" content="Jane Roe"><meta property="article:published_time" content="2020-03-04T09:00:00Z">
    </head><body><nav>Home | About</nav><script>window.pwned = 1</script>
    <article><h1>Bridge vote</h1><p>{STORY}</p></article></body></html>"""
    article = article_from_bytes(html.encode(), name="page.html")
    assert "voted on Tuesday" in article.text
    assert "pwned" not in article.text and "<p>" not in article.text
    assert (article.author, article.published) == ("Jane Roe", "2020-03-04")


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "the article is empty"),
        ("blank.txt", b"  \n\t \n", "the article is empty"),
        ("image.png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("latin1.txt", "Caf\u00e9 au lait".encode("latin-1"), "not UTF-8 text (undecodable byte at offset 3)"),
        ("story.pdf", b"%PDF-1.4", "unsupported file type '.pdf'"),
        ("empty.html", b"<html><body><script>x()</script></body></html>", "no article text found"),
    ],
)
def test_bad_bytes_get_one_clear_line(name, content, message):
    with pytest.raises(PresslensError, match="^" + name.replace(".", r"\.")) as err:
        article_from_bytes(content, name=name)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_file(tmp_path):
    with pytest.raises(PresslensError, match="no such file"):
        read_article(tmp_path / "nope.txt")


def test_text_over_the_size_cap(monkeypatch):
    with pytest.raises(PresslensError, match="over the limit of 100"):
        article_from_text("word " * 50, max_chars=100)
    monkeypatch.setenv("PRESSLENS_MAX_CHARS", "20")
    with pytest.raises(PresslensError, match="250 characters is over the limit of 20"):
        article_from_text("word " * 50)


@pytest.mark.parametrize("value", ["2018-02-30", "yesterday", "2018-13-01", "02/08/2018", "2018-8-2"])
def test_invalid_dates_in_metadata(write_file, value):
    path = write_file("story.txt", STORY)
    write_file("story.meta.json", json.dumps({"published": value}))
    with pytest.raises(PresslensError, match="invalid publication date"):
        read_article(path)


@pytest.mark.parametrize("meta, message", [("{not json", "not a JSON object"), ("[1, 2]", "not a JSON object"), ('{"title": 5}', "'title' must be text")])
def test_broken_metadata(write_file, meta, message):
    path = write_file("story.txt", STORY)
    write_file("story.meta.json", meta)
    with pytest.raises(PresslensError, match=message):
        read_article(path)


def test_timestamp_keeps_its_date():
    assert article_from_text(STORY, published="2018-08-02T14:05:00+00:00").published == "2018-08-02"


def test_non_english_text_is_detected():
    text = "La Russie a dévoilé mercredi de nouveaux efforts pour renvoyer les réfugiés syriens dans leur pays."
    assert article_from_text(text).language == "fr"


def test_short_text_trusts_the_metadata_language():
    assert article_from_text("Apple rises.", language="en").language == "en"
