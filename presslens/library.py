"""Where articles live on disk: the seeds shipped with the project and the reader's library folder.

A saved article is NAME.txt with NAME.meta.json beside it — exactly what `ingest.read_article` reads
back, so the dashboard, the CLI and a text editor all see the same files. Nothing here overwrites an
article: a name already taken gets a numbered suffix.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .article import Article, parse_published
from .errors import Errors, PresslensError, fail
from .ingest import meta_path, read_meta, stored_meta

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"
LIBRARY_ENV = "PRESSLENS_LIBRARY"
DEFAULT_LIBRARY = PROJECT_ROOT / "library"
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")

# The metadata a reader edits; `language` is detected from the text and `id` is the file name.
EDITABLE_FIELDS = ("title", "source", "url", "author", "published")
SAVED_FIELDS = (*EDITABLE_FIELDS, "language")
# File names are made from titles: long enough to recognise, short enough for any filesystem.
NAME_MAX_CHARS = 60
UNTITLED = "article"


def library_dir() -> Path:
    return Path(os.environ.get(LIBRARY_ENV) or DEFAULT_LIBRARY)


def article_files(folder: Path) -> list[Path]:
    """Article files in a folder, sorted by name; metadata files are not articles."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)


def seed_files() -> list[Path]:
    return article_files(SEEDS_DIR)


@dataclass(frozen=True)
class Entry:
    """One article file as a picker lists it: read from its metadata, without reading the text."""

    path: Path
    id: str  # the file name without suffixes, as `read_article` names the article
    origin: str  # "seed" | "library"
    title: str | None = None
    source: str | None = None
    published: str | None = None
    problem: str | None = None  # why the metadata could not be read; the article opens with this error

    @property
    def label(self) -> str:
        """`Title — Source, 2018-08-02`, or the file name when there is no title."""
        details = ", ".join(x for x in (self.source, self.published) if x)
        name = self.title or self.path.name
        return f"{name} — {details}" if details else name

    @property
    def editable(self) -> bool:
        """Seeds belong to the project; only the reader's own library is edited from the page."""
        return self.origin == "library" and self.path.suffix.lower() in (".txt", ".md")


def entries(folder: Path, *, origin: str) -> list[Entry]:
    """The articles of one folder, in file-name order; a broken metadata file is reported, not raised."""
    found = []
    for path in article_files(folder):
        stem = path.name.split(".")[0]
        try:
            meta = read_meta(path)
        except PresslensError as exc:
            found.append(Entry(path, stem, origin, problem=str(exc)))
            continue
        found.append(
            Entry(path, meta.get("id") or stem, origin, meta.get("title"), meta.get("source"), meta.get("published"))
        )
    return found


def catalogue(*, library: Path | None = None) -> list[Entry]:
    """Every article a reader can open: the seeds first, then the library."""
    return entries(SEEDS_DIR, origin="seed") + entries(library or library_dir(), origin="library")


def slug(text: str | None) -> str:
    """A file name from a title: ASCII letters, digits and hyphens, at most NAME_MAX_CHARS."""
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    name = ""
    for word in words:
        candidate = f"{name}-{word}" if name else word
        if len(candidate) > NAME_MAX_CHARS:
            break
        name = candidate
    return name or (words[0][:NAME_MAX_CHARS] if words else UNTITLED)


def save_article(article: Article, *, folder: Path | None = None, name: str | None = None) -> Path:
    """Write NAME.txt and NAME.meta.json into the library; returns the .txt path.

    NAME comes from `name`, else the title, else the first words of the text; a name already taken
    gets -2, -3, ... so nothing is overwritten.
    """
    folder = folder or library_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise fail(Errors.LIBRARY_UNWRITABLE, folder=folder, reason=exc.strerror or exc) from None
    base = slug(name or article.title or " ".join(article.text.split()[:8]))
    meta = {field: getattr(article, field) for field in SAVED_FIELDS}
    for n in range(1, 10_000):
        stem = base if n == 1 else f"{base}-{n}"
        path = folder / f"{stem}.txt"
        if meta_path(path).exists():  # a stray metadata file would be read as this article's
            continue
        try:
            with open(path, "x", encoding="utf-8", newline="") as out:  # "x": never replace a file
                out.write(article.text)
        except FileExistsError:
            continue
        except OSError as exc:
            raise fail(Errors.LIBRARY_UNWRITABLE, folder=folder, reason=exc.strerror or exc) from None
        _write_json(meta_path(path), meta)
        return path
    raise fail(Errors.LIBRARY_UNWRITABLE, folder=folder, reason=f"no free name for {base!r}")


def update_meta(path: Path, changes: dict[str, object]) -> dict:
    """Change the editable metadata of a library article; returns the metadata as written.

    Values are validated as `read_article` will read them (a real date, text fields as text); keys
    the file has beyond ours (notes, provenance) are kept. Blank values clear a field.
    """
    unknown = sorted(set(changes) - set(EDITABLE_FIELDS))
    if unknown:
        raise fail(Errors.NOT_EDITABLE, source=str(path), fields=", ".join(unknown), editable=", ".join(EDITABLE_FIELDS))
    mpath = meta_path(path)
    meta = stored_meta(path)
    for field, value in changes.items():
        if field == "published":
            meta[field] = parse_published(value, source=str(mpath))
        else:
            text = " ".join(str(value).split()) if value is not None else ""
            meta[field] = text or None
    _write_json(mpath, meta)
    return meta


def _write_json(path: Path, data: dict) -> None:
    """Write through a temporary file and rename it, so a crash never leaves half a file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, indent=2)
            out.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
