"""Mentions joined into actors: one actor per real-world name, one type, the fullest name.

Joining rules, general for English news:
- the same name (ignoring case and a leading "the") is the same actor;
- a surname joins the person whose full name ends with it ("Merkel" -> "Angela Merkel", "Khan" ->
  "Sadiq al-Khan");
- an initialism joins the name it abbreviates ("U.S." -> "United States", "EU" -> "European Union");
- an organisation's head word joins the full name ("the Journal" -> "The Wall Street Journal") and a
  bare company name its registered form ("Apple" -> "Apple Inc.").
When a short name fits several actors it joins the one mentioned most recently before it.
Groups named by a nationality (NORP: "French", "Kurdish") are actors of their own.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..schema import Actor, Mention
from .component import _on
from .metonymy import countries_for, is_metonym
from .references import with_references
from .spans import VALUE_LABELS

# Votes for an actor's type: a textual cue (a title, a head noun) outweighs the model, and the model's
# label on a full name outweighs its label on a lone surname (which it often reads as NORP or ORG).
CUE_WEIGHT = 3.0
MULTIWORD_WEIGHT = 2.0
SINGLE_WORD_WEIGHT = 1.0
# A nationality label on one mention of a name that is otherwise something else is weak evidence.
NORP_MINORITY_WEIGHT = 0.5
# When votes tie, the more specific reading wins.
TYPE_PRECEDENCE = ("PERSON", "ORG", "GPE", "FAC", "LOC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE")
# Words after a company name that do not change which company it is.
CORPORATE_SUFFIXES = frozenset({
    "inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "company", "ltd", "ltd.", "llc", "plc",
    "group", "holdings", "ag", "sa", "gmbh", "limited",
})
NAME_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "&", "de"})
INITIALISM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z]{2,6}$")


@dataclass
class _Group:
    label_votes: Counter = field(default_factory=Counter)
    members: list[int] = field(default_factory=list)  # indices into the entity list, sorted
    first: int = 0  # index of the first mention that made the group (its place in the original order)

    def type(self) -> str:
        best = max(self.label_votes.values())
        return next(t for t in (*TYPE_PRECEDENCE, *sorted(self.label_votes)) if self.label_votes.get(t) == best)


def mentions_and_actors(doc: Doc) -> tuple[list[Mention], list[Actor]]:
    """The document's mentions (in text order) and the actors they name (in order of first mention)."""
    if not doc._.entities_refined:
        raise ValueError("mentions_and_actors needs a Doc from a pipeline with the presslens_entities component "
                         "(presslens.nlp.load_pipeline, or nlp.add_pipe('presslens_entities'))")
    ents = list(doc.ents)
    named = [i for i, e in enumerate(ents) if e.label_ not in VALUE_LABELS]
    groups = _join(ents, named, doc._.entity_cues or {})
    order = sorted(groups, key=lambda g: g.members[0])
    actor_id = {i: f"a{n}" for n, g in enumerate(order, start=1) for i in g.members}
    type_of = {i: g.type() for g in order for i in g.members} if _on("type_voting") else {}
    stands_for = _metonyms(ents, order, actor_id)
    mentions = [
        Mention(
            id=f"m{i + 1}", start=e.start_char, end=e.end_char, text=e.text,
            label=type_of.get(i, e.label_), actor=actor_id.get(i), role=e._.role, stands_for=stands_for.get(i),
        )
        for i, e in enumerate(ents)
    ]
    actors = [
        Actor(
            id=f"a{n}", name=_fullest([ents[i] for i in g.members]), type=g.type(),
            aliases=_unique(ents[i].text for i in g.members),
            mentions=[f"m{i + 1}" for i in g.members],
            roles=_unique(ents[i]._.role for i in g.members if ents[i]._.role),
        )
        for n, g in enumerate(order, start=1)
    ]
    return with_references(doc, mentions, actors)


def _join(ents: list[Span], named: list[int], cues: dict) -> list[_Group]:
    by_key: dict[tuple[bool, str], _Group] = {}
    for i in named:
        e = ents[i]
        group = by_key.setdefault((e.label_ == "NORP", _key(e.text)), _Group(first=i))
        group.members.append(i)
        cue = cues.get((e.start_char, e.end_char))
        weight = CUE_WEIGHT if cue else MULTIWORD_WEIGHT if len(_words(e.text)) > 1 else SINGLE_WORD_WEIGHT
        group.label_votes[e.label_] += weight
    groups = list(by_key.values())
    index = _short_forms(groups, ents)
    joined: set[int] = set()
    # Short names join longer ones; the longest are settled first so chains end at the fullest name.
    for short in sorted(groups, key=lambda g: len(_words(ents[g.members[0]].text))):
        target = _target(short, index, ents) if _on("joining") else None
        if target is not None:
            # The full name is the better evidence: a short form that joins it votes for its reading.
            target.label_votes[target.type()] += sum(short.label_votes.values())
            target.members = sorted(target.members + short.members)
            joined.add(id(short))
    groups = [g for g in groups if id(g) not in joined]
    for g in groups:
        if len(g.label_votes) > 1 and "NORP" in g.label_votes:
            g.label_votes["NORP"] = min(g.label_votes["NORP"], NORP_MINORITY_WEIGHT)
    return groups


def _short_forms(groups: list[_Group], ents: list[Span]) -> dict[str, list[_Group]]:
    """Every one-word form a multi-word name may be shortened to (surname, head or first word,
    initials) -> the groups of those names, in order: a short name is looked up, never compared with all."""
    index: dict[str, list[_Group]] = {}
    for g in groups:  # in order of first mention, which the lists keep
        words = _words(ents[g.members[0]].text)
        if len(words) < 2:
            continue
        forms = {words[0].casefold(), words[-1].casefold(), re.split(r"[-‐]", words[-1])[-1].casefold()}
        forms.add("".join(w[0] for w in words if w.casefold() not in NAME_FUNCTION_WORDS).upper())
        for form in forms:
            index.setdefault(form, []).append(g)
    return index


def _target(short: _Group, index: dict[str, list[_Group]], ents: list[Span]) -> _Group | None:
    name = ents[short.members[0]].text
    words = _words(name)
    if len(words) != 1:
        return None
    looked_up = {id(g): g for g in index.get(name.casefold(), []) + index.get(name.replace(".", "").upper(), [])}
    fits = [g for g in looked_up.values() if g is not short and _abbreviates(name, short, g, ents)]
    if not fits:
        return None
    first = short.members[0]
    before = [g for g in fits if g.members[0] < first]
    if not before:
        return min(fits, key=lambda g: g.first)
    return max(before, key=lambda g: g.members[bisect.bisect_left(g.members, first) - 1])


def _abbreviates(name: str, short: _Group, long: _Group, ents: list[Span]) -> bool:
    """Whether the one-word `name` is a surname, initialism or head word of the long group's name."""
    long_words = _words(ents[long.members[0]].text)
    if len(long_words) < 2:
        return False
    long_type, short_labels = long.type(), set(short.label_votes)
    if long_type == "PERSON":
        surname = long_words[-1]
        pieces = {surname.casefold(), re.split(r"[-‐]", surname)[-1].casefold()}
        return name.casefold() in pieces and not short_labels & {"GPE", "LOC", "FAC"}
    if long_type in ("NORP",) or "PERSON" in short_labels:
        return False
    if INITIALISM.match(name):
        initials = "".join(w[0] for w in long_words if w.casefold() not in NAME_FUNCTION_WORDS)
        return initials.upper() == name.replace(".", "").upper()
    if long_type in ("ORG", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"):
        rest = [w.casefold() for w in long_words[1:]]
        return name.casefold() == long_words[-1].casefold() or (
            name.casefold() == long_words[0].casefold() and all(w in CORPORATE_SUFFIXES for w in rest)
        )
    return False


def _metonyms(ents: list[Span], groups: list[_Group], actor_id: dict[int, str]) -> dict[int, str]:
    """Mention index -> id of the country actor a capital stands for, when that country is named."""
    actor_of_name = {}
    for g in groups:
        for i in g.members:
            actor_of_name.setdefault(_key(ents[i].text), actor_id[i])
    out = {}
    for g in groups:
        for i in g.members:
            if not is_metonym(ents[i]):
                continue
            for names in countries_for(ents[i].text):
                found = next((actor_of_name[_key(n)] for n in names if _key(n) in actor_of_name), None)
                if found and found != actor_id[i]:
                    out[i] = found
                    break
    return out


def _fullest(spans: list[Span]) -> str:
    """The fullest proper name: most words, then longest; an initialism only when nothing else is."""
    return max((s.text for s in spans), key=lambda t: (not INITIALISM.match(t), len(_words(t)), len(t)))


def _key(name: str) -> str:
    words = _words(name)
    if words and words[0].casefold() == "the":
        words = words[1:]
    return " ".join(words).casefold()


def _words(name: str) -> list[str]:
    return name.split()


def _unique(items) -> list[str]:
    return list(dict.fromkeys(items))
