"""The one word-list loader: lists load from presslens/data/<lang>/, an unknown name says what exists."""

import pytest

from presslens import lexicon


def test_every_list_loads_without_comments_or_blank_lines():
    for file in lexicon.files("en"):
        entries = lexicon.lines(file.name)
        assert entries, file
        assert not any(e.startswith("#") or not e.strip() for e in entries)


def test_tables_split_at_tabs():
    assert lexicon.table("name_heads")["army"] == "ORG"
    moscow = [row for row in lexicon.rows("capitals") if row[0] == "Moscow"]
    assert len(moscow) == 1 and "Russia" in moscow[0][1].split("|")


def test_an_unknown_list_names_the_lists_that_exist():
    with pytest.raises(LookupError, match="titles"):
        lexicon.path("no_such_list")


def test_the_pipeline_version_follows_the_word_lists_and_code(monkeypatch, tmp_path):
    from presslens import version

    before = version.code_version()
    assert len(before) == 16 and version.pipeline_version("en_core_web_sm 3.8.0") == f"{before}+en_core_web_sm 3.8.0"
    listed = {p.name for p in version._sources()}
    assert {"titles.txt", "analysis.py"} <= listed and "cli.py" not in listed
    # A changed list changes the version: the same hash over a copy with one line added.
    copy = tmp_path / "presslens"
    for path in version._sources():
        target = copy / path.relative_to(version.PACKAGE)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    (copy / "data" / "en" / "titles.txt").write_text("president\nwarden\n", encoding="utf-8")
    monkeypatch.setattr(version, "PACKAGE", copy)
    version.code_version.cache_clear()
    try:
        assert version.code_version() != before
    finally:
        version.code_version.cache_clear()
