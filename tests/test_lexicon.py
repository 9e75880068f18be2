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
