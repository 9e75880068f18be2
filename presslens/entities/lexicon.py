"""The general-knowledge word lists the entity rules read (files in data/), loaded once on first use."""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def titles() -> frozenset[str]:
    """Title and role words: "president", "minister", "gen" (lowercase, no trailing period)."""
    return frozenset(_lines("titles.txt"))


@cache
def departments() -> frozenset[str]:
    """Portfolio words inside a title: "defense" in "Defense Minister"."""
    return frozenset(_lines("departments.txt"))


@cache
def name_heads() -> dict[str, str]:
    """Last word of a proper name -> the type it gives the name: "army" -> ORG, "river" -> LOC."""
    return dict(line.split("\t", 1) for line in _lines("name_heads.tsv"))


@cache
def capitals() -> dict[str, tuple[tuple[str, ...], ...]]:
    """A capital (or seat of government) -> the countries it can stand for, each as its list of names."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for line in _lines("capitals.tsv"):
        capital, names = line.split("\t", 1)
        out.setdefault(capital.casefold(), []).append(tuple(names.split("|")))
    return {capital: tuple(countries) for capital, countries in out.items()}


def bare(word: str) -> str:
    """A word as the lists hold it: lowercase, without a trailing period ("Gen." -> "gen")."""
    return word.lower().rstrip(".")
