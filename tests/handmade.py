"""Hand-built spaCy Docs for rule tests: words, tags, entities and (optionally) a parse written out.

`make_doc("Russian/JJ/B-NORP leader/NN Vladimir/NNP/B-PERSON Putin/NNP/I-PERSON spoke/VBD")`
Each token is word/TAG[/B-LABEL|I-LABEL][/dep>head][/=lemma]; heads are token indices, "⏎" a line break. Without any parse the
whole text is one sentence. Spaces follow every token except before a token written with a leading "~"
("Putin ~’s" is "Putin’s").
"""

from __future__ import annotations

import functools

import spacy
from spacy.tokens import Doc

import presslens.entities  # noqa: F401  (registers the component and the extensions)

POS_OF_TAG = {
    "NNP": "PROPN", "NNPS": "PROPN", "NN": "NOUN", "NNS": "NOUN", "JJ": "ADJ", "DT": "DET", "IN": "ADP",
    "TO": "ADP", "VBD": "VERB", "VBZ": "VERB", "VB": "VERB", "VBG": "VERB", "VBN": "VERB", "VBP": "VERB",
    "POS": "PART", "PRP": "PRON", "PRP$": "PRON", "CC": "CCONJ", "CD": "NUM", ",": "PUNCT", ".": "PUNCT",
    "HYPH": "PUNCT", ":": "PUNCT", "RB": "ADV", "MD": "AUX", "``": "PUNCT", "''": "PUNCT",
}


@functools.cache
def vocab():
    return spacy.blank("en").vocab


def make_doc(spec: str) -> Doc:
    words, spaces, tags, ents, deps, heads, lemmas = [], [], [], [], [], [], []
    for i, item in enumerate(spec.split()):
        glued = item.startswith("~")
        parts = item.lstrip("~").split("/")
        word, tag, rest = parts[0], parts[1], parts[2:]
        if glued and spaces:
            spaces[-1] = False
        ent = next((p for p in rest if p[:2] in ("B-", "I-")), "O")
        dep = next((p for p in rest if ">" in p), None)
        lemmas.append(next((p[1:] for p in rest if p.startswith("=")), word.lower()))
        words.append("\n" if word == "⏎" else word)
        spaces.append(True)
        tags.append(tag)
        ents.append(ent)
        deps.append(dep.split(">")[0] if dep else None)
        heads.append(int(dep.split(">")[1]) if dep else i)
    spaces[-1] = False
    parsed = any(deps)
    return Doc(
        vocab(), words=words, spaces=spaces, tags=tags, lemmas=lemmas, pos=[POS_OF_TAG.get(t, "X") for t in tags], ents=ents,
        heads=heads if parsed else None, deps=[d or "dep" for d in deps] if parsed else None,
        sent_starts=None if parsed else [True] + [False] * (len(words) - 1),
    )
