"""The bad-input matrix of `presslens analyze` (docs/input.md): every case is one clear line and an exit
code, never a traceback. Each row builds its input in a temporary folder, runs the real CLI in-process
with the real model, and checks the exit code and the message (or, for input that is fine, the output).
"""

from __future__ import annotations

import io
import json
import os
import sys
import tracemalloc

import pytest

from presslens.cli import main
from presslens.ingest import read_article

STORY = (
    "Mayor Ana Lopez said on Monday that the council would vote on the bridge next week. "
    "\u201cWe cannot wait another winter,\u201d she said.\n"
)
LONG_STORY = STORY * 3
PARAGRAPH = f"<p>{LONG_STORY}</p>"


def html(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head>{head}<title>Bridge vote</title></head><body><article>{body}</article></body></html>"


def text_file(name: str, content: bytes | str):
    def make(tmp):
        path = tmp / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return [str(path)]
    return make


def with_meta(meta: str | bytes, text: str = STORY, name: str = "story"):
    def make(tmp):
        (tmp / f"{name}.txt").write_text(text, encoding="utf-8")
        (tmp / f"{name}.meta.json").write_bytes(meta.encode("utf-8", "surrogatepass") if isinstance(meta, str) else meta)
        return [str(tmp / f"{name}.txt")]
    return make


def sized(name: str, size: int, unit: str = "word "):
    def make(tmp):
        path = tmp / name
        with path.open("w", encoding="utf-8") as out:
            chunk = unit * (1_000_000 // len(unit))
            written = 0
            while written < size:
                out.write(chunk[: size - written])
                written += min(len(chunk), size - written)
        return [str(path)]
    return make


def fifo(tmp):
    os.mkfifo(tmp / "pipe.txt")
    return [str(tmp / "pipe.txt")]


def symlink_loop(tmp):
    (tmp / "a.txt").symlink_to(tmp / "b.txt")
    (tmp / "b.txt").symlink_to(tmp / "a.txt")
    return [str(tmp / "a.txt")]


def directory(tmp):
    (tmp / "folder.txt").mkdir()
    return [str(tmp / "folder.txt")]


def args(*argv, files=None):
    """Extra arguments after the files the row's `make` returns (or instead of them)."""
    def make(tmp):
        made = files(tmp) if files else []
        return [*made, *argv]
    return make


def leading_dash(tmp):
    (tmp / "-story.txt").write_text(STORY, encoding="utf-8")
    return ["--", str(tmp / "-story.txt").replace(str(tmp), ".")]


# id: (make inputs, stdin bytes or None, exit code, message on stderr (substring) or None for success)
CASES = {
    "empty": (text_file("a.txt", b""), None, 2, "the article is empty"),
    "whitespace": (text_file("a.txt", " \n\t \r\n  "), None, 2, "the article is empty"),
    "binary": (text_file("a.txt", bytes(range(256)) * 4), None, 2, "this is a binary file"),
    "png named .txt": (text_file("a.txt", b"\x89PNG\r\n\x1a\n" + b"\x01" * 64), None, 2, "this is a binary file"),
    "png": (text_file("a.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), None, 2, "unsupported file type '.png'"),
    "pdf": (text_file("a.pdf", b"%PDF-1.4"), None, 2, "unsupported file type '.pdf'"),
    "NUL at the start": (text_file("a.txt", "Hello\x00world. " + STORY), None, 2, "this is a binary file"),
    "NUL after 8 KB": (text_file("a.txt", STORY * 100 + "\x00"), None, 2, "this is a binary file"),
    "UTF-16 with BOM": (text_file("a.txt", b"\xff\xfe" + STORY.encode("utf-16-le")), None, 0, None),
    "UTF-16 BOM, odd byte": (text_file("a.txt", b"\xff\xfe" + STORY.encode("utf-16-le") + b"A"), None, 2,
                             "not valid utf-16-le text"),
    "UTF-8 BOM": (text_file("a.txt", b"\xef\xbb\xbf" + STORY.encode()), None, 0, None),
    "Latin-1 declared in HTML": (text_file("a.html", html(PARAGRAPH.replace("Lopez", "L\u00f3pez"),
                                 '<meta charset="iso-8859-1">').replace("\u201c", '"').replace("\u201d", '"').encode("latin-1")), None, 0, None),
    "windows-1252 declared in HTML": (text_file("a.html", html(PARAGRAPH, '<meta http-equiv="Content-Type" '
                                      'content="text/html; charset=windows-1252">').encode("cp1252")), None, 0, None),
    "windows-1252 undeclared text": (text_file("a.txt", (STORY.replace("Lopez", "L\u00f3pez") * 4).encode("cp1252")), None, 0, None),
    "undecodable bytes": (text_file("a.txt", b"\x81\x8d\x8f\x90\x9d" * 40), None, 2, "not UTF-8 text"),
    "5 MB text": (sized("a.txt", 5_000_000), None, 2, "over the limit of 1,000,000 characters"),
    "50 MB text": (sized("a.txt", 50_000_000), None, 2, "over the limit of 1,000,000 characters"),
    "1.2 MB text just over the cap": (sized("a.txt", 1_200_000, "a"), None, 2, "1,200,000 characters is over the limit"),
    "one 2 MB line": (sized("a.txt", 2_000_000, "word "), None, 2, "over the limit of 1,000,000"),
    "100,000 newlines": (text_file("a.txt", STORY + "\n" * 100_000 + STORY), None, 0, None),
    "10,000 nested divs": (text_file("a.html", html("<div>" * 10_000 + PARAGRAPH + "</div>" * 10_000)), None, 2,
                           "no article text found"),
    "HTML of only scripts": (text_file("a.html", "<html><head><script>alert(1)</script></head><body>"
                             "<script>document.write('x')</script></body></html>"), None, 2, "no article text found"),
    "huge inline base64 image": (text_file("a.html", html(PARAGRAPH + '<img src="data:image/png;base64,'
                                 + "A" * 3_000_000 + '">' + PARAGRAPH)), None, 0, None),
    "meta not JSON": (with_meta("{title: 1"), None, 2, "the metadata file is not a JSON object (line 1"),
    "meta a list": (with_meta("[1, 2]"), None, 2, "not a JSON object (found list)"),
    "meta title a number": (with_meta('{"title": 5}'), None, 2, "metadata field 'title' must be text, got int"),
    "meta published an object": (with_meta('{"published": {"y": 2018}}'), None, 2, "field 'published' must be text, got dict"),
    "meta date 0001-01-01": (with_meta('{"published": "0001-01-01"}'), None, 2, "outside the years 1000-2999"),
    "meta date 9999-12-31": (with_meta('{"published": "9999-12-31"}'), None, 2, "outside the years 1000-2999"),
    "meta date 1066": (with_meta('{"published": "1066-10-14"}'), None, 0, None),
    "meta date 2099": (with_meta('{"published": "2099-01-01"}'), None, 0, None),
    "meta date impossible": (with_meta('{"published": "2018-02-30"}'), None, 2, "invalid publication date '2018-02-30'"),
    "meta 1 MB title": (with_meta(json.dumps({"title": "x" * 1_000_000})), None, 2, "'title' is 1,000,000 characters; at most 10,000"),
    "meta 5 MB file": (with_meta(json.dumps({"title": "t", "pad": "x" * 5_000_000})), None, 2, "over 4,000,000 bytes"),
    "meta control and bidi": (with_meta(json.dumps({"title": "Evil\x1b[31m \u202etxt.exe\x07"})), None, 0, None),
    "meta lone surrogate": (with_meta('{"title": "Bad \\ud800 title", "author": "\\udfff"}'), None, 0, None),
    "meta nested 100,000 deep": (with_meta("[" * 100_000 + "]" * 100_000), None, 2, "nested too deeply"),
    "meta path-like id": (with_meta('{"id": "../../etc/passwd"}'), None, 2, "article id '../../etc/passwd' is not a name"),
    "meta not UTF-8": (with_meta(b'{"title": "\xff\xfe\xfd"}'), None, 2, "story.meta.json: not UTF-8 text"),
    "directory": (directory, None, 2, "folder.txt: not a file"),
    "FIFO": (fifo, None, 2, "pipe.txt: not a file"),
    "symlink loop": (symlink_loop, None, 2, "a.txt: a symbolic link that leads nowhere"),
    "missing file": (args("/no/such/file.txt"), None, 2, "/no/such/file.txt: no such file"),
    "name with spaces": (text_file("my story.txt", STORY), None, 0, None),
    "unicode name": (text_file("\u00dcberblick \u2014 \u8a18\u4e8b.txt", STORY), None, 0, None),
    "leading dash": (leading_dash, None, 0, None),
    "stdin": (args("-"), STORY.encode(), 0, None),
    "stdin twice": (args("-", "-"), STORY.encode(), 1, "-: standard input was already read"),
    "non-English text": (text_file("a.txt", "Le maire a annonc\u00e9 lundi que le conseil votera la semaine prochaine sur le pont. "
                                   "\u00ab Nous ne pouvons pas attendre un autre hiver \u00bb, a-t-elle d\u00e9clar\u00e9."), None, 0, None),
    "--published with garbage": (args("--published", "2018-08-02 garbage", files=text_file("a.txt", STORY)), None, 2,
                                 "invalid publication date '2018-08-02 garbage'"),
    "--published timestamp": (args("--published", "2018-08-02T10:00:00Z", files=text_file("a.txt", STORY)), None, 0, None),
    "--published year 0001": (args("--published", "0001-01-01", files=text_file("a.txt", STORY)), None, 2, "outside the years"),
    "--model not installed": (args("--model", "xx_not_installed", files=text_file("a.txt", STORY)), None, 2,
                              "the spaCy pipeline 'xx_not_installed' is not installed"),
    "--max-chars 0": (args("--max-chars", "0", files=text_file("a.txt", STORY)), None, 2, "not a valid character limit"),
    "one good, one bad": (args(files=lambda tmp: text_file("a.txt", STORY)(tmp) + text_file("b.txt", b"")(tmp)), None, 1,
                          "the article is empty"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_matrix(case, tmp_path, monkeypatch, capsys):
    make, stdin, code, message = CASES[case]
    monkeypatch.chdir(tmp_path)
    argv = make(tmp_path)
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    got = main(["analyze", "--format", "jsonl", *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "Error:" not in err
    assert got == code, err
    errors = [line for line in err.splitlines() if line]
    if message is None:
        assert errors == []
    else:
        assert len(errors) == 1 and errors[0].startswith("presslens: error: ") and message in errors[0], errors
    if code != 2:
        for line in out.splitlines():
            json.loads(line)  # every line is one whole JSON document


def test_undeclared_and_declared_encodings_read_as_written(tmp_path):
    for name, make in [("cp", CASES["windows-1252 undeclared text"][0]), ("l1", CASES["Latin-1 declared in HTML"][0]),
                       ("u16", CASES["UTF-16 with BOM"][0])]:
        folder = tmp_path / name
        folder.mkdir()
        article = read_article(make(folder)[0])
        assert "Mayor Ana L" in article.text and "\ufffd" not in article.text
    assert "L\u00f3pez" in read_article(CASES["windows-1252 undeclared text"][0](tmp_path / "cp")[0]).text


def test_a_50_mb_file_is_refused_without_being_read_whole(tmp_path):
    [path] = sized("big.txt", 50_000_000)(tmp_path)
    tracemalloc.start()
    try:
        with pytest.raises(Exception, match="over the limit"):
            read_article(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8_000_000  # the cap's worth of bytes (4 per character of 1,000,000), not 50 MB


def test_max_chars_above_spacy_limit_works(tmp_path, capsys):
    """spaCy's own max_length (1,000,000) follows --max-chars: a 1,000,100-character text is analysed."""
    text = STORY + "\n" * (1_000_100 - 2 * len(STORY)) + STORY
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    assert main(["analyze", str(tmp_path / "long.txt"), "--max-chars", "2000000", "--format", "jsonl"]) == 0
    analysis = json.loads(capsys.readouterr().out)
    assert len(analysis["article"]["text"]) == 1_000_100 and analysis["quotes"]


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl"])
def test_control_and_bidi_characters_never_reach_the_terminal_raw(fmt, tmp_path, capsys):
    [path] = with_meta(json.dumps({"title": "Evil\x1b]0;owned\x07 \u202etxt.exe \x9b2J"}),
                       text="Mayor Ana Lopez said \x1b[2J\u2066the vote\u2069 was close.\n")(tmp_path)
    assert main(["analyze", path, "--format", fmt]) == 0
    out = capsys.readouterr().out
    for raw in ("\x1b", "\x07", "\x9b", "\u202e", "\u2066", "\u2069"):
        assert raw not in out
    assert ("\\x1b" if fmt == "table" else "\\u001b") in out and "\\u202e" in out
    if fmt != "table":
        assert json.loads(out)["article"]["title"].startswith("Evil\x1b]0;owned\x07")  # the data itself is kept
