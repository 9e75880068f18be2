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


@cache
def demonyms() -> dict[str, tuple[str, ...]]:
    """A nationality word, case-folded ("russian", "russians") -> its country's names, the list's name first,
    then the other names the capitals list gives that country ("America" -> "United States", "U.S.", ...)."""
    aliases = {name.casefold(): names for countries in capitals().values() for names in countries for name in names}
    out = {}
    for country, forms in lexicon.rows("demonyms"):
        names = (country, *(n for n in aliases.get(country.casefold(), ()) if n != country))
        for form in forms.split("|"):
            out[form.casefold()] = names
    return out


@cache
def group_nouns() -> frozenset[str]:
    """Head nouns of a body of people a nationality can lead: "authorities", "officials" (lowercase)."""
    return frozenset(w.casefold() for w in lexicon.words("group_nouns"))


@cache
def given_names() -> dict[str, str]:
    """A given name -> "m" or "f", for names English news nearly always gives one gender."""
    return lexicon.table("given_names")


@cache
def gendered_words() -> dict[str, str]:
    """A title or role word that tells a gender ("mrs" -> "f", "spokesman" -> "m")."""
    return lexicon.table("gendered_words")
