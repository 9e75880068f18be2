"""Word lists as data: one folder per language under presslens/data/, read by this one loader.

Each list is a UTF-8 text file: one entry a line, `#` starts a comment line, blank lines are ignored.
A `.txt` list holds words or phrases; a `.tsv` table holds tab-separated columns. Modules ask for a
list by name (`words("titles")`) and keep their own typed accessors; no module opens these files itself.
The files also feed the pipeline version, so a changed word list re-analyses cached articles.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
LANGUAGE = "en"


def path(name: str, *, lang: str = LANGUAGE) -> Path:
    """The file of list `name` (with or without its suffix) for a language."""
    folder = DATA / lang
    if Path(name).suffix:
        return folder / name
    for suffix in (".txt", ".tsv"):
        if (folder / f"{name}{suffix}").is_file():
            return folder / f"{name}{suffix}"
    raise LookupError(f"no word list {name!r} for language {lang!r}; found: {', '.join(sorted(p.stem for p in files(lang)))}")


@cache
def lines(name: str, *, lang: str = LANGUAGE) -> tuple[str, ...]:
    """The entries of a list, stripped, in file order, without comments and blank lines."""
    text = path(name, lang=lang).read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))


def words(name: str, *, lang: str = LANGUAGE) -> frozenset[str]:
    """A list as a set of entries."""
    return frozenset(lines(name, lang=lang))


def rows(name: str, *, lang: str = LANGUAGE) -> tuple[tuple[str, ...], ...]:
    """A table's lines split at tabs."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in lines(name, lang=lang))


def table(name: str, *, lang: str = LANGUAGE) -> dict[str, str]:
    """A two-column table as a mapping from the first column to the second (later lines win)."""
    return {row[0]: row[1] for row in rows(name, lang=lang)}


def files(lang: str | None = None) -> list[Path]:
    """Every word-list file (of one language, or of all), sorted: what the pipeline version hashes."""
    folders = [DATA / lang] if lang else sorted(p for p in DATA.iterdir() if p.is_dir())
    return sorted(p for folder in folders if folder.is_dir() for p in folder.iterdir() if p.suffix in (".txt", ".tsv"))
