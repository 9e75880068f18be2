"""The library folder: saved articles read back through `read_article`, metadata edited safely."""

from __future__ import annotations

import json

import pytest

from presslens.errors import PresslensError
from presslens.ingest import article_from_bytes, article_from_text, read_article
from presslens.library import catalogue, entries, library_dir, save_article, slug, update_meta

STORY = "The city council of Springfield voted on Tuesday to approve a budget for the new bridge.\n" * 2


def test_library_folder_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("PRESSLENS_LIBRARY", str(tmp_path / "mine"))
    assert library_dir() == tmp_path / "mine"
    monkeypatch.delenv("PRESSLENS_LIBRARY")
    assert library_dir().name == "library"


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Russia Demands U.S. Help", "russia-demands-u-s-help"),
        ("Café — Zürich’s “best” ☕", "cafe-zurichs-best"),
        ("../../etc/passwd", "etc-passwd"),
        ("<script>alert(1)</script>", "script-alert-1-script"),
        ("", "article"),
        ("☕ ☕", "article"),
        ("word " * 40, "-".join(["word"] * 12)),
        ("x" * 100, "x" * 60),
    ],
)
def test_slug_makes_safe_short_file_names(title, expected):
    assert slug(title) == expected


def test_saved_article_reads_back_the_same(tmp_path):
    article = article_from_text(
        STORY, title="Bridge vote", source="The Gazette", author="A. Writer", published="2020-03-04",
        url="https://example.org/bridge",
    )
    path = save_article(article, folder=tmp_path / "lib")
    assert path == tmp_path / "lib" / "bridge-vote.txt"
    back = read_article(path)
    assert back.text == article.text
    assert (back.id, back.title, back.source, back.author, back.published, back.url) == (
        "bridge-vote", "Bridge vote", "The Gazette", "A. Writer", "2020-03-04", "https://example.org/bridge"
    )


def test_saving_never_overwrites(tmp_path):
    article = article_from_text(STORY, title="Bridge vote")
    (tmp_path / "bridge-vote-2.meta.json").write_text("{}")  # a stray metadata file takes the name too
    paths = [save_article(article, folder=tmp_path) for _ in range(3)]
    assert [p.name for p in paths] == ["bridge-vote.txt", "bridge-vote-3.txt", "bridge-vote-4.txt"]
    assert (tmp_path / "bridge-vote-2.meta.json").read_text() == "{}"


def test_untitled_article_is_named_after_its_first_words(tmp_path):
    path = save_article(article_from_text(STORY), folder=tmp_path)
    assert path.name == "the-city-council-of-springfield-voted-on-tuesday.txt"
    assert read_article(path).published is None


def test_uploaded_html_is_saved_as_text_with_its_metadata(tmp_path):
    html = f"""<html><head><title>Bridge vote</title><meta name="author" content="Jane Roe"></head>
    <body><article><p>{STORY}</p></article><script>window.pwned = 1</script></body></html>"""
    path = save_article(article_from_bytes(html.encode(), name="page.html"), folder=tmp_path)
    back = read_article(path)
    assert path.suffix == ".txt" and "voted on Tuesday" in back.text and "pwned" not in back.text
    assert (back.title, back.author) == ("Bridge vote", "Jane Roe")


def test_unwritable_library_is_one_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(PresslensError, match="cannot save into the library folder .*PRESSLENS_LIBRARY"):
        save_article(article_from_text(STORY), folder=blocker / "lib")


def test_update_meta_validates_and_keeps_other_keys(tmp_path):
    path = save_article(article_from_text(STORY, title="Old"), folder=tmp_path)
    meta_file = path.with_name(path.stem + ".meta.json")
    meta_file.write_text(json.dumps({**json.loads(meta_file.read_text()), "note": "kept"}))
    update_meta(path, {"title": "  New   title ", "published": "2021-05-06", "author": ""})
    back = read_article(path)
    assert (back.title, back.published, back.author) == ("New title", "2021-05-06", None)
    assert json.loads(meta_file.read_text())["note"] == "kept"


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"published": "2018-02-30"}, "invalid publication date '2018-02-30'"),
        ({"language": "fr"}, "language cannot be edited"),
    ],
)
def test_update_meta_refuses_bad_values_and_leaves_the_file(tmp_path, changes, message):
    path = save_article(article_from_text(STORY, title="Kept", published="2020-01-01"), folder=tmp_path)
    with pytest.raises(PresslensError, match=message):
        update_meta(path, changes)
    assert read_article(path).published == "2020-01-01"


def test_update_meta_can_repair_a_bad_date(tmp_path):
    """A metadata file with an impossible date makes the article unreadable; editing fixes it."""
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    path.with_name("story.meta.json").write_text(json.dumps({"title": "T", "published": "2018-02-30"}))
    with pytest.raises(PresslensError, match="invalid publication date"):
        read_article(path)
    update_meta(path, {"published": "2018-02-28"})
    assert read_article(path).published == "2018-02-28"


def test_entries_list_titles_and_report_broken_metadata(tmp_path):
    save_article(article_from_text(STORY, title="Bridge vote", source="Gazette", published="2020-03-04"), folder=tmp_path)
    (tmp_path / "broken.txt").write_text(STORY)
    (tmp_path / "broken.meta.json").write_text("{not json")
    (tmp_path / "notes.json").write_text("{}")
    found = entries(tmp_path, origin="library")
    assert [e.path.name for e in found] == ["bridge-vote.txt", "broken.txt"]
    bridge, broken = found
    assert broken.problem and "not a JSON object" in broken.problem and broken.label == "broken.txt"
    assert bridge.label == "Bridge vote — Gazette, 2020-03-04" and bridge.problem is None and bridge.editable


def test_catalogue_lists_seeds_then_library(tmp_path):
    save_article(article_from_text(STORY, title="Mine"), folder=tmp_path)
    found = catalogue(library=tmp_path)
    assert [e.origin for e in found] == ["seed", "library"]
    assert found[0].id == "000_9ee82df7129644d2" and not found[0].editable
    assert entries(tmp_path / "missing", origin="library") == []
