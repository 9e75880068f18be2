"""Capitals that stand for their country's government: "Moscow’s proposals", "draw Washington into ...".

Decided from the syntax: a capital that acts (subject, possessor, object of a verb, the agent after "by",
the object of a non-locative preposition such as "talks with Washington") stands for its country; after a
locative preposition ("officials in Washington", "flew to Moscow") or as a noun modifier it is the place.
"""

from __future__ import annotations

from spacy.tokens import Span

from .lexicon import capitals

AGENTIVE_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "dobj", "dative", "agent", "attr", "csubj"})
LOCATIVE_PREPOSITIONS = frozenset({
    "in", "at", "from", "to", "into", "near", "outside", "inside", "across", "around", "through",
    "throughout", "within", "toward", "towards", "via", "over", "off", "beyond", "between", "across",
    "along", "past", "onto", "above", "below", "behind", "beside", "opposite",
})
METONYM_LABELS = frozenset({"GPE", "FAC", "ORG"})


def countries_for(name: str) -> tuple[tuple[str, ...], ...]:
    """The countries a capital can stand for, each as its names (fullest first); () if not a capital."""
    return capitals().get(_plain(name), ())


def is_metonym(ent: Span) -> bool:
    """A capital used as an agent rather than as a place."""
    if ent.label_ not in METONYM_LABELS or not countries_for(ent.text):
        return False
    root = ent.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "Moscow and Washington agreed": the first conjunct carries the role
    if root.dep_ in AGENTIVE_DEPS:
        return True
    if root.dep_ == "pobj":
        prep = root.head
        return prep.dep_ == "agent" or prep.lower_ not in LOCATIVE_PREPOSITIONS
    return False


def _plain(name: str) -> str:
    name = name.casefold().strip()
    return name[4:] if name.startswith("the ") else name
