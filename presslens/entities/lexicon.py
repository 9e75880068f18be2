"""Typed access to the word lists the entity rules read (presslens/data/en/, through presslens.lexicon)."""

from __future__ import annotations

from functools import cache

from .. import lexicon


@cache
def titles() -> frozenset[str]:
    """Title and role words: "president", "minister", "gen" (lowercase, no trailing period)."""
    return lexicon.words("titles")


@cache
def departments() -> frozenset[str]:
    """Portfolio words inside a title: "defense" in "Defense Minister"."""
    return lexicon.words("departments")


@cache
def name_heads() -> dict[str, str]:
    """Last word of a proper name -> the type it gives the name: "army" -> ORG, "river" -> LOC."""
    return lexicon.table("name_heads")


@cache
def capitals() -> dict[str, tuple[tuple[str, ...], ...]]:
    """A capital (or seat of government) -> the countries it can stand for, each as its list of names."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for capital, names in lexicon.rows("capitals"):
        out.setdefault(capital.casefold(), []).append(tuple(names.split("|")))
    return {capital: tuple(countries) for capital, countries in out.items()}


def bare(word: str) -> str:
    """A word as the lists hold it: lowercase, without a trailing period ("Gen." -> "gen")."""
    return word.lower().rstrip(".")
