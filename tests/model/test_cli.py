"""The CLI: exit codes, one-line errors, and output formats per the contract."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from presslens.cli import main

from ..conftest import SEED

STORY = "The city council of Springfield voted on Tuesday to approve a budget for the new bridge. "


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_analyze_seed_as_json(capsys):
    code, out, err = run(capsys, "analyze", str(SEED))
    data = json.loads(out)
    assert code == 0 and err == ""
    assert data["schema"] == "presslens.analysis/1"
    assert list(data) [:10] == ["schema", "article", "sentences", "mentions", "actors", "times", "events", "figures", "quotes", "warnings"]
    assert data["article"]["published"] == "2018-08-02"
    text = data["article"]["text"]
    assert all(text[m["start"]:m["end"]] == m["text"] for m in data["mentions"])


def test_several_files_give_one_line_each_in_order(capsys, write_file):
    other = write_file("other.txt", STORY)
    code, out, _ = run(capsys, "analyze", str(other), str(SEED), "--published", "2020-01-01")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [line["article"]["id"] for line in lines] == ["other", "000_9ee82df7129644d2"]
    assert {line["article"]["published"] for line in lines} == {"2020-01-01"}


def test_a_failed_file_keeps_its_place(capsys, write_file):
    empty = write_file("empty.txt", "")
    code, out, err = run(capsys, "analyze", str(SEED), str(empty), "--format", "jsonl")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert lines[1] == {"source": str(empty), "error": f"{empty}: the article is empty (no text once whitespace is removed)"}
    assert err.strip() == f"presslens: error: {lines[1]['error']}"


@pytest.mark.parametrize(
    "argv, message",
    [
        (["analyze", "/no/such/file.txt"], "no such file"),
        (["analyze", str(SEED), "--published", "2018-02-30"], "invalid publication date '2018-02-30'"),
        (["analyze", str(SEED), "--max-chars", "100"], "over the limit of 100"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.startswith("presslens: error: ") and message in err and err.count("\n") == 1


def test_table_format_is_readable(capsys):
    code, out, _ = run(capsys, "analyze", str(SEED), "--format", "table")
    assert code == 0
    assert out.startswith("Russia Demands U.S. Help in Returning Syrian Refugees\nBreitbart News · Ben Kew · 2018-08-02")
    assert "Actors (" in out


def test_no_publication_date_is_said(capsys, write_file):
    code, out, _ = run(capsys, "analyze", str(write_file("story.txt", STORY)))
    assert "publication date unknown" in " ".join(json.loads(out)["warnings"])


def test_console_script_reads_stdin():
    proc = subprocess.run(
        [sys.executable, "-m", "presslens.cli", "analyze", "-", "--format", "json"],
        input=STORY.encode(), capture_output=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["article"]["text"] == STORY


def test_a_closed_pipe_is_not_a_traceback():
    proc = subprocess.run(
        f"{sys.executable} -m presslens.cli analyze {SEED} {SEED} {SEED} --format jsonl | head -c 10",
        shell=True, capture_output=True, timeout=120,
    )
    assert proc.stdout == b'{"schema":'
    assert b"Traceback" not in proc.stderr and b"BrokenPipe" not in proc.stderr
