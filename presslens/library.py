"""Where articles live on disk: the seeds shipped with the project and the reader's library folder."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"
LIBRARY_ENV = "PRESSLENS_LIBRARY"
DEFAULT_LIBRARY = PROJECT_ROOT / "library"
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")


def library_dir() -> Path:
    return Path(os.environ.get(LIBRARY_ENV) or DEFAULT_LIBRARY)


def article_files(folder: Path) -> list[Path]:
    """Article files in a folder, sorted by name; metadata files are not articles."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)


def seed_files() -> list[Path]:
    return article_files(SEEDS_DIR)
