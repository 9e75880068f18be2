"""Name keys for joining actors across articles: what two spellings of one name have in common.

A key is the name case-folded, without a leading "the", a possessive "'s" or (for organisations) a
registered-company suffix ("Apple Inc." = "Apple"), and (for people) without middle initials
("Steven P. Jobs" = "Steven Jobs"). Initialisms get their own key ("U.S." = "US"), and nationality words
the country they belong to ("Russian" = "Russians").
"""

from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from ..entities.actors import CORPORATE_SUFFIXES, INITIALISM, NAME_FUNCTION_WORDS

# OntoNotes labels -> the kind of thing they name; actors join only within one kind (see entities.py).
KINDS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "group"}
APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
MIDDLE_INITIAL = re.compile(r"^[A-Z]\.?$")


def kind(label: str) -> str:
    return KINDS.get(label, label.casefold())


def words(name: str) -> list[str]:
    name = name.translate(APOSTROPHES).strip()
    name = re.sub(r"'s?$", "", name)
    out = name.replace(",", " ").split()
    # "Beatles' Apple Corps", "Apple's iTunes Store": the possessor is another entity; the name is what follows.
    # ("McDonald's Corporation" keeps its name: what would be left is one generic word.)
    cut = max((i for i, w in enumerate(out[:-2]) if w in ("'", "'s") or w.endswith(("s'", "'s"))), default=-1)
    out = out[cut + 1:]
    if out and out[0].casefold() == "the":
        out = out[1:]
    return out


def is_initialism(name: str) -> bool:
    return bool(INITIALISM.match(name.translate(APOSTROPHES).strip()))


def key(name: str, label: str) -> str:
    """The key two spellings of one name share; "" when nothing is left of the name."""
    if is_initialism(name):
        return "init:" + name.replace(".", "").strip().upper()
    ws = words(name)
    k = kind(label)
    if k == "org":
        while len(ws) > 1 and ws[-1].casefold() in CORPORATE_SUFFIXES:
            ws = ws[:-1]
    elif k == "person" and len(ws) > 2:
        ws = [ws[0], *(w for w in ws[1:-1] if not MIDDLE_INITIAL.match(w)), ws[-1]]
    elif k == "group":
        country = demonyms().get(" ".join(ws).casefold())
        if country:
            return "country:" + country.casefold()
    return " ".join(ws).casefold()


def initials(name: str) -> str:
    """"United States" -> "US", "European Union" -> "EU" (function words do not count)."""
    return "".join(w[0] for w in words(name) if w.casefold() not in NAME_FUNCTION_WORDS).upper()


def surname(name: str) -> str:
    """The last word of a full name, and its last hyphen piece ("al-Assad" -> "assad" too)."""
    ws = words(name)
    return ws[-1].casefold() if ws else ""


def surnames(name: str) -> set[str]:
    last = surname(name)
    return {last, re.split(r"[-‐]", last)[-1]} if last else set()


@cache
def demonyms() -> dict[str, str]:
    """Nationality word (case-folded) -> its country, from presslens/data/en/demonyms.tsv."""
    out = {}
    for country, forms in lexicon.rows("demonyms"):
        for form in forms.split("|"):
            out[form.strip().casefold()] = country
    return out
