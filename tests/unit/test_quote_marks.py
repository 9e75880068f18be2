"""Quote marks read from the text alone (no model): every style, and marks that are broken or unusual."""

from __future__ import annotations

import pytest

from presslens.quotes import quoted_segments


def quoted(text: str) -> list[str]:
    return [text[s.start : s.end] for s in quoted_segments(text)]


@pytest.mark.parametrize("text, expected", [
    ('He said "we will win," and left.', ["we will win,"]),
    ("He said “we will win,” and left.", ["we will win,"]),
    ("He said ``we will win,'' and left.", ["we will win,"]),
    ("He said `` we will win , '' and left .", ["we will win ,"]),
    ("He said «we will win» and left.", ["we will win"]),
    ("She called it ‘a disaster’ on Monday.", ["a disaster"]),
    ("She called it 'a disaster' on Monday.", ["a disaster"]),
    ("She called it ` a disaster ' on Monday .", ["a disaster"]),
    ('"One," he said. "Two."', ["One,", "Two."]),
])
def test_quote_styles(text, expected):
    assert quoted(text) == expected


@pytest.mark.parametrize("text", [
    "Putin’s plan and Assad’s regime don't change the '90s or iLife '11.",
    "The 1980 's and Jobs ' health, rock 'n' roll.",
    "No quotes at all.",
])
def test_apostrophes_are_not_quotes(text):
    assert quoted(text) == []


def test_single_quotes_inside_double_quotes_stay_part_of_them():
    text = "“He told me ‘no way’ and left,” she said."
    assert quoted(text) == ["He told me ‘no way’ and left,"]


def test_multi_paragraph_quote_continues_without_a_closing_mark():
    text = "“The first paragraph has no closing mark.\n“The second one closes it,” the governor said."
    segments = quoted_segments(text)
    assert [text[s.start : s.end] for s in segments] == [
        "The first paragraph has no closing mark.", "The second one closes it,"]
    assert [s.continues for s in segments] == [False, True]
    assert not segments[0].closed and segments[1].closed


def test_a_quote_may_close_a_few_lines_later_in_one_sentence_per_line_text():
    text = '" I have always said it .\nUnfortunately , that day has come . "\nHe left .'
    assert quoted(text) == ["I have always said it .\nUnfortunately , that day has come ."]


def test_an_unclosed_quote_ends_with_its_paragraph():
    text = 'He said "this never closes.\nThe next paragraph is the writer again.'
    assert quoted(text) == ["this never closes."]


def test_a_stray_closing_mark_is_ignored():
    assert quoted("This ends” oddly, and “this is fine” here.") == ["this is fine"]


def test_a_second_opening_mark_ends_an_unclosed_first_one():
    text = "He said “first without end and “second closed” here."
    assert quoted(text) == ["first without end and", "second closed"]


@pytest.mark.parametrize("text", [
    '"', "“", "”", "''", "``", "'", '""', "“”", '" " "', "“ “ “", "” ” ”", "'''", '"\n"\n"', "\n\n“\n\n",
    "He said “", "” he said", 'a "b" c "d', "«»«", "‘’‘’’", "x" * 50 + '"' + "\n" * 20 + '"',
])
def test_broken_marks_never_raise_and_spans_stay_in_the_text(text):
    for seg in quoted_segments(text):
        assert 0 <= seg.open <= seg.start <= seg.end <= seg.close_end <= len(text)
        assert seg.end > seg.start
