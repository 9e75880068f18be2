"""Getting articles into the store: the seeds on first start, the old library folder once, and
`presslens add` for files and folders (recursive: .txt, .md, .html, .jsonl).

Nothing is lost on import: a file whose .meta.json cannot be read is imported with its text and the
details that could be read, the reason kept beside it (`problem`) for the reader to fix; the files
themselves are never changed or removed. Each file is imported once (its path is remembered).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..article import Article
from ..errors import PresslensError
from ..article import parse_published
from ..ingest import article_from_bytes, article_from_text, read_article, stored_meta
from .ids import slug
from ..paths import SEEDS_DIR
from .sqlite import SQLiteStore, library_dir

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
ADD_SUFFIXES = (*ARTICLE_SUFFIXES, ".jsonl")


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (input, the stored article it repeats)
    near: list[tuple[str, str]] = field(default_factory=list)  # (new id, the article it nearly repeats)
    problems: list[str] = field(default_factory=list)  # one line per input that could not be added

    def extend(self, other: "ImportReport") -> None:
        self.added += other.added
        self.duplicates += other.duplicates
        self.near += other.near
        self.problems += other.problems

    def summary(self) -> str:
        parts = [f"{len(self.added)} added", f"{len(self.duplicates)} already stored"]
        if self.near:
            parts.append(f"{len(self.near)} near-duplicates linked")
        if self.problems:
            parts.append(f"{len(self.problems)} failed")
        return ", ".join(parts)


def article_files(folder: Path, *, suffixes=ARTICLE_SUFFIXES, recursive: bool = False) -> list[Path]:
    """Article files in a folder, sorted; metadata files, hidden files and the database are not articles."""
    if not folder.is_dir():
        return []
    found = folder.rglob("*") if recursive else folder.iterdir()
    out = []
    for p in found:
        try:
            if p.is_file() and p.suffix.lower() in suffixes and not p.name.startswith("."):
                out.append(p)
        except OSError:  # vanished or unreadable mid-scan
            continue
    return sorted(out)


def ensure_ready(store: SQLiteStore, *, library: Path | None = None) -> ImportReport:
    """What every start does: seeds and library-folder files not yet imported go into the store."""
    report = ImportReport()
    for path in article_files(SEEDS_DIR):
        if not store.imported(f"seed:{path.name}"):
            report.extend(_import_file(store, path, origin="seed", key=f"seed:{path.name}"))
    for path in article_files(library or library_dir()):
        key = str(path.resolve())
        if not store.imported(key):
            report.extend(_import_file(store, path, origin="library", key=key))
    return report


def _import_file(store: SQLiteStore, path: Path, *, origin: str, key: str) -> ImportReport:
    report = ImportReport()
    problem = None
    try:
        article = read_article(path)
    except FileNotFoundError:
        return report
    except PresslensError as exc:
        try:  # the text alone, with the details that can be read: the reader fixes the rest in the page
            article, problem = _text_only(path), str(exc)
        except (PresslensError, OSError) as again:
            report.problems.append(str(again))
            return report
    _record(store.add(article, origin=origin, problem=problem, imported_from=key), str(path), report)
    return report


def _text_only(path: Path) -> Article:
    """The article's text with each detail of its metadata that is readable on its own."""
    try:
        raw = stored_meta(path)
    except PresslensError:
        raw = {}
    fields = {k: raw[k] for k in ("title", "source", "url", "author", "language") if isinstance(raw.get(k), str)}
    try:
        fields["published"] = parse_published(raw.get("published"), source=str(path))
    except PresslensError:
        pass
    return article_from_bytes(path.read_bytes(), name=str(path), id=path.name.split(".")[0], **fields)


def add_paths(store: SQLiteStore, paths: Iterable[str | Path], *, max_chars: int | None = None) -> ImportReport:
    """`presslens add` for files and folders: each article stored unless its text or address is."""
    report = ImportReport()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = article_files(path, suffixes=ADD_SUFFIXES, recursive=True)
            if not files:
                report.problems.append(f"{path}: no .txt, .md, .html or .jsonl files in this folder")
            for file in files:
                report.extend(_add_file(store, file, max_chars=max_chars))
        elif path.exists():
            report.extend(_add_file(store, path, max_chars=max_chars))
        else:
            report.problems.append(f"{path}: no such file or folder")
    return report


def _add_file(store: SQLiteStore, path: Path, *, max_chars: int | None) -> ImportReport:
    report = ImportReport()
    if path.suffix.lower() == ".jsonl":
        for origin, item in _jsonl(path, report):
            try:
                article = article_from_text(origin=origin, max_chars=max_chars, **item)
            except (PresslensError, TypeError) as exc:
                report.problems.append(str(exc) if isinstance(exc, PresslensError) else f"{origin}: {exc}")
                continue
            if not item.get("id"):
                article = named(article)
            _record(store.add(article), origin, report)
        return report
    try:
        article = read_article(path, max_chars=max_chars)
    except PresslensError as exc:
        report.problems.append(str(exc))
        return report
    _record(store.add(article), str(path), report)
    return report


def add_articles(store: SQLiteStore, articles: Iterable[tuple[str, Article]]) -> ImportReport:
    """Articles built elsewhere (a fetched page, a feed entry, a paste), each named by its origin."""
    report = ImportReport()
    for origin, article in articles:
        _record(store.add(named(article) if article.id.startswith("sha-") else article), origin, report)
    return report


def named(article: Article, fallback: str | None = None) -> Article:
    """An article with no better id than its hash is named after its title, else `fallback` (a file
    name), else its first words."""
    from dataclasses import replace

    return replace(article, id=slug(article.title or fallback or " ".join(article.text.split()[:8])))


JSONL_FIELDS = ("id", "text", "title", "source", "url", "author", "published", "language")


def _jsonl(path: Path, report: ImportReport) -> Iterator[tuple[str, dict]]:
    """Objects of a .jsonl file, one article a line: its fields, or an analysis with its `article`."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        report.problems.append(f"{path}: cannot read the file ({exc})")
        return
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        origin = f"{path}:{n}"
        try:
            item = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            report.problems.append(f"{origin}: not a JSON object ({exc.__class__.__name__})")
            continue
        if isinstance(item, dict) and isinstance(item.get("article"), dict):
            item = item["article"]
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            report.problems.append(f"{origin}: expected an object with a \"text\" field")
            continue
        bad = [k for k in JSONL_FIELDS if item.get(k) is not None and not isinstance(item[k], str)]
        if bad:
            report.problems.append(f"{origin}: field {bad[0]!r} must be text")
            continue
        yield origin, {k: item.get(k) for k in JSONL_FIELDS}


def _record(result, origin: str, report: ImportReport) -> None:
    if not result.added:
        report.duplicates.append((origin, result.id))
        return
    report.added.append(result.id)
    if result.near_duplicate_of:
        report.near.append((result.id, result.near_duplicate_of))


def seed_files() -> list[Path]:
    """The seed articles shipped with the project (seeds/*.txt with their .meta.json)."""
    return article_files(SEEDS_DIR)
