"""The SQLite store: a real file in tmp, its schema, search, de-duplication, edits that are never lost,
analyses keyed by text and pipeline version, imports of the seeds and the old library folder."""

from __future__ import annotations

import json
import sqlite3

import pytest

from presslens.errors import PresslensError
from presslens.ingest import article_from_text
from presslens.store import EditConflict, Query, open_store
from presslens.store.ids import slug
from presslens.store.importing import add_paths, ensure_ready

STORY = "The city council of Springfield voted on Tuesday to approve a budget for the new bridge.\n" * 2
OTHER = "Flooding closed three schools in Riverton on Monday after the river rose two metres overnight.\n"
# The same wire story at a second outlet: one sentence added at the end.
WIRE = (
    "Ministers from twelve countries met in Geneva on Thursday to discuss a new treaty on river pollution. "
    "The talks, which lasted nine hours, ended without agreement on how to pay for the clean-up, and "
    "delegates said they would meet again in March. Environmental groups called the outcome a missed "
    "chance, while industry representatives welcomed the extra time to study the proposals in detail."
)


def article(text=STORY, **meta):
    return article_from_text(text, **{"id": "story", **meta})


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "lib" / "presslens.sqlite")
    yield s
    s.close()


def test_the_file_is_created_with_its_schema_version_and_wal(tmp_path):
    path = tmp_path / "new" / "presslens.sqlite"
    open_store(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] >= 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_the_database_path_comes_from_the_environment(monkeypatch, tmp_path):
    from presslens.store import db_path

    monkeypatch.setenv("PRESSLENS_LIBRARY", str(tmp_path / "lib"))
    assert db_path() == tmp_path / "lib" / "presslens.sqlite"
    monkeypatch.setenv("PRESSLENS_DB", str(tmp_path / "x.db"))
    assert db_path() == tmp_path / "x.db"


@pytest.mark.parametrize("content, message", [
    (b"hello, this is a text file\n" * 10, "not an SQLite file"),
    (b"SQLite format 3\x00" + b"\xff" * 200, "not a presslens database"),
])
def test_a_corrupt_file_is_one_clear_message(tmp_path, content, message):
    path = tmp_path / "bad.sqlite"
    path.write_bytes(content)
    with pytest.raises(PresslensError, match=message):
        open_store(path)
    assert path.read_bytes() == content  # never "repaired" over


def test_a_foreign_sqlite_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (n INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(PresslensError, match="another program"):
        open_store(path)
    assert sqlite3.connect(path).execute("SELECT name FROM sqlite_master").fetchall() == [("invoices",)]


def test_an_article_reads_back_the_same(store):
    stored = store.add(article(title="Bridge", source="The Gazette", published="2020-03-04"))
    assert stored.added and stored.id == "story"
    back = store.get("story")
    assert (back.text, back.title, back.source, back.published) == (STORY, "Bridge", "The Gazette", "2020-03-04")
    assert store.record("story").version == 1


def test_a_taken_id_gets_a_suffix_and_nothing_is_overwritten(store):
    store.add(article(STORY))
    assert store.add(article(OTHER)).id == "story-2"
    assert store.get("story").text == STORY


def test_the_same_text_or_address_is_stored_once(store):
    first = store.add(article(STORY, url="https://www.example.com/a/?utm_source=x#top"))
    again = store.add(article("  " + STORY.replace("\n", "  \n"), id="copy"))  # whitespace differs only
    by_url = store.add(article(OTHER, id="other", url="http://example.com/a"))
    assert (again.added, again.duplicate_of) == (False, first.id)
    assert (by_url.added, by_url.duplicate_of) == (False, first.id)
    assert store.count() == 1


def test_a_near_duplicate_is_kept_and_linked(store):
    store.add(article(WIRE, id="wire-a"))
    near = store.add(article(WIRE + " A vote is expected next year.", id="wire-b"))
    unrelated = store.add(article(OTHER, id="flood"))
    assert (near.added, near.near_duplicate_of) == (True, "wire-a")
    assert unrelated.near_duplicate_of is None
    assert store.record("wire-b").near_duplicate_of == "wire-a"


def test_search_filters_sort_and_pages(store):
    store.add(article(STORY, id="bridge", title="Bridge vote", source="Gazette", published="2020-03-04"))
    store.add(article(OTHER, id="flood", title="Schools closed", source="Courier", published="2021-06-01"))
    store.add(article(WIRE, id="treaty", title="River treaty", source="Gazette", published="2019-01-02"))
    ids = lambda q: [r.id for r in store.list(q)]  # noqa: E731
    assert ids(Query(words="bridge")) == ["bridge"]
    assert ids(Query(words="schools riverton")) == ["flood"]  # every word, title or text
    assert ids(Query(words="brid")) == ["bridge"]  # the last word is a prefix
    assert ids(Query(words='"; DROP TABLE articles; --')) == []  # words, never syntax
    assert ids(Query(source="gazette", sort="published")) == ["bridge", "treaty"]
    assert ids(Query(date_from="2020-01-01", date_to="2021-12-31", sort="title")) == ["bridge", "flood"]
    assert ids(Query(sort="title", limit=1, offset=1)) == ["treaty"]
    assert store.count(Query(source="Gazette")) == 2
    assert store.sources() == ["Courier", "Gazette"]


def test_delete_and_rename(store):
    store.add(article(STORY, title="Old"))
    saved = store.rename("story", "New title", version=1, original="Old")
    assert (saved.version, store.get("story").title) == (2, "New title")
    assert store.list(Query(words="new title"))[0].id == "story"  # the search index follows
    assert store.delete("story") and store.get("story") is None and not store.delete("story")
    assert store.list(Query(words="bridge")) == []


def test_seeds_are_read_only(store):
    store.add(article(STORY), origin="seed")
    with pytest.raises(PresslensError, match="read-only"):
        store.update("story", {"title": "x"}, version=1, original={"title": None})
    with pytest.raises(PresslensError, match="read-only"):
        store.delete("story")


def test_a_save_over_a_newer_version_merges_different_fields(store):
    store.add(article(STORY, title="First", source="Gazette"))
    opened = store.record("story")  # two sessions open the same version
    store.update("story", {"title": "Second"}, version=opened.version, original=opened.meta())
    saved = store.update("story", {**opened.meta(), "source": "Courier"}, version=opened.version, original=opened.meta())
    back = store.record("story")
    assert (back.title, back.source, back.version) == ("Second", "Courier", 3)
    assert saved.merged == ("title",)


def test_a_save_over_a_newer_version_of_the_same_field_is_refused_showing_both(store):
    store.add(article(STORY, title="First"))
    opened = store.record("story")
    store.update("story", {"title": "Theirs"}, version=opened.version, original=opened.meta())
    with pytest.raises(EditConflict) as conflict:
        store.update("story", {"title": "Mine"}, version=opened.version, original=opened.meta())
    assert "yours 'Mine'" in str(conflict.value) and "theirs 'Theirs'" in str(conflict.value)
    assert store.record("story").title == "Theirs"


@pytest.mark.parametrize("changes, message", [
    ({"published": "2018-02-30"}, "invalid publication date"),
    ({"text": "new"}, "cannot be edited"),
])
def test_bad_edits_are_refused_and_change_nothing(store, changes, message):
    store.add(article(STORY, title="Kept"))
    with pytest.raises(PresslensError, match=message):
        store.update("story", changes, version=1, original={})
    assert (store.record("story").title, store.record("story").version) == ("Kept", 1)


def test_analyses_are_keyed_by_text_date_and_pipeline(store, seed_article, seed_analysis):
    store.add(seed_article)
    assert store.count_unanalysed("v1") == 1 and list(store.unanalysed("v1"))[0].id == seed_article.id
    store.put_analyses([(seed_article, seed_analysis)], "v1")
    assert store.get_analysis(seed_article, "v1").to_dict() == seed_analysis.to_dict()
    assert store.get_analysis(seed_article, "v2") is None  # another pipeline version: stale
    assert store.count_unanalysed("v1") == 0 and store.count_unanalysed("v2") == 1
    record = store.record(seed_article.id)
    store.update(seed_article.id, {"published": "2018-08-03"}, version=record.version, original=record.meta())
    assert store.count_unanalysed("v1") == 1  # the date changed: times would be dated differently
    store.update(seed_article.id, {"published": "2018-08-02"}, version=record.version + 1,
                 original={"published": "2018-08-03"})
    [(rec, analysis)] = store.analyses("v1")
    assert rec.id == seed_article.id and analysis.actors == seed_analysis.actors
    assert [r.id for r, _ in store.analyses("v1", Query(actor="vladimir putin"))] == [seed_article.id]
    assert list(store.analyses("v1", Query(actor="nobody at all"))) == []


def test_seeds_and_the_old_library_folder_are_imported_once_nothing_lost(tmp_path):
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "bridge.txt").write_text(STORY)
    (folder / "bridge.meta.json").write_text(json.dumps({"title": "Bridge", "published": "2020-03-04", "notes": "x"}))
    (folder / "broken.txt").write_text(OTHER)
    (folder / "broken.meta.json").write_text(json.dumps({"title": "Flood", "published": "2018-02-30"}))
    (folder / "nested.meta.json").write_text("[" * 100_000)
    (folder / "nested.txt").write_text(WIRE)
    store = open_store(folder / "presslens.sqlite")
    report = ensure_ready(store, library=folder)
    assert sorted(report.added) == ["000_9ee82df7129644d2", "bridge", "broken", "nested"]
    assert store.record("bridge").title == "Bridge" and store.record("bridge").problem is None
    broken = store.record("broken")
    assert (broken.title, broken.published) == ("Flood", None) and "2018-02-30" in broken.problem
    assert store.get("nested").text == WIRE and store.record("nested").problem
    assert store.record("000_9ee82df7129644d2").origin == "seed"
    store.delete("bridge")
    assert ensure_ready(store, library=folder).added == []  # imported once: a deleted one stays deleted
    assert (folder / "bridge.txt").read_text() == STORY  # the files are never touched


def test_add_takes_folders_recursively_and_jsonl(store, tmp_path):
    (tmp_path / "in" / "deep").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text(STORY)
    (tmp_path / "in" / "deep" / "b.md").write_text(OTHER)
    (tmp_path / "in" / "deep" / "c.html").write_text(f"<html><head><title>Treaty</title></head><body><article><p>{WIRE}</p></article></body></html>")
    (tmp_path / "in" / "skip.csv").write_text("a,b\n")
    lines = [json.dumps({"text": "Prices rose four percent in May, the statistics office said on Friday.", "title": "Prices"}),
             "not json", json.dumps({"title": "no text"}), json.dumps({"text": STORY})]
    (tmp_path / "more.jsonl").write_text("\n".join(lines))
    report = add_paths(store, [tmp_path / "in", tmp_path / "more.jsonl", tmp_path / "missing"])
    assert sorted(report.added) == ["a", "b", "c", "prices"]
    assert [d[1] for d in report.duplicates] == ["a"]  # the jsonl copy of a.txt
    assert len(report.problems) == 3 and "no such file or folder" in report.problems[-1]
    assert store.get("c").title == "Treaty"


@pytest.mark.parametrize("title, expected", [
    ("Russia Demands U.S. Help", "russia-demands-u-s-help"),
    ("Café — Zürich’s “best” ☕", "cafe-zurichs-best"),
    ("../../etc/passwd", "etc-passwd"),
    ("<script>alert(1)</script>", "script-alert-1-script"),
    ("", "article"),
    ("word " * 40, "-".join(["word"] * 12)),
])
def test_ids_made_from_titles_are_safe(title, expected):
    assert slug(title) == expected
