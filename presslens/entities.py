"""Entity mentions and the actors they name.

(First cut: spaCy's entities as they come, one actor per distinct name. The cleaning rules,
type voting and alias joining replace this.)
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .schema import Actor, Mention

# Labels whose mentions name someone or something (and so get an actor); the rest are values.
ACTOR_LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}


@Language.component("presslens_entities")
def refine_entities(doc: Doc) -> Doc:
    return doc


def mentions_and_actors(doc: Doc) -> tuple[list[Mention], list[Actor]]:
    by_name: dict[tuple[str, str], list[int]] = {}
    spans = list(doc.ents)
    for i, ent in enumerate(spans):
        if ent.label_ in ACTOR_LABELS:
            by_name.setdefault((ent.text, ent.label_), []).append(i)
    actor_of = {}
    actors = []
    for n, ((name, label), idxs) in enumerate(by_name.items(), start=1):
        aid = f"a{n}"
        actors.append(Actor(aid, name, label, [name], [f"m{i + 1}" for i in idxs]))
        actor_of.update({i: aid for i in idxs})
    mentions = [
        Mention(f"m{i + 1}", ent.start_char, ent.end_char, ent.text, ent.label_, actor_of.get(i))
        for i, ent in enumerate(spans)
    ]
    return mentions, actors
