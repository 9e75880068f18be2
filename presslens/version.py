"""The pipeline version: a hash of the engine's code and word lists, never maintained by hand.

A stored or cached analysis keyed on it goes stale by itself when any rule or list changes, so a
reader never sees an analysis made by other rules than the ones installed. The spaCy model's name and
version are part of it too, when a pipeline is given.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
# What an analysis depends on: the engine's modules and its data files (word lists).
SOURCE_SUFFIXES = (".py", ".txt", ".tsv", ".json")
# Parts of the package that never change an analysis.
NOT_ANALYSIS = ("cli.py", "report.py", "export.py", "paths.py", "__pycache__")


def _sources() -> list[Path]:
    return sorted(
        p for p in PACKAGE.rglob("*")
        if p.is_file() and p.suffix in SOURCE_SUFFIXES
        and not any(part in NOT_ANALYSIS for part in p.relative_to(PACKAGE).parts)
    )


@cache
def code_version() -> str:
    """16 hex digits of the SHA-256 over every analysis module and word list (path and content)."""
    digest = hashlib.sha256()
    for path in _sources():
        digest.update(path.relative_to(PACKAGE).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def pipeline_version(model: str | None = None) -> str:
    """`code_version()`, joined with the spaCy model label when one is given: the key of a stored analysis."""
    return f"{code_version()}+{model}" if model else code_version()
