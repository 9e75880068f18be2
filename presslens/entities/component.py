"""The `presslens_entities` spaCy component: doc.ents cleaned in place, boilerplate and roles recorded.

Runs after `ner`. Steps, each a small rule module:
boilerplate lines out -> names split at spaced dashes -> proper names recovered (headed runs, brands,
plural "people") -> roles split off -> missed surnames -> edges trimmed -> overlaps resolved.
"""

from __future__ import annotations

import bisect
import contextlib

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import extensions  # noqa: F401  (declares Doc._.boilerplate, Doc._.entity_roles, ...)
from .boilerplate import boilerplate_spans
from .names import brand_products, missed_surnames, plural_people, recover_names, split_at_dashes
from .roles import split_role
from .spans import DROPPED_LABELS, Candidate, is_department, is_title_word, trim


# The rule families, in the order they run; `presslens eval entities --ablate` scores each one switched off.
FAMILIES = (
    "boilerplate", "dashes", "headed_names", "plural_people", "brands", "roles", "surnames", "trim", "title_pieces",
    "joining", "type_voting",  # actors.py: short names join full ones; one type voted over an actor's mentions
)
_disabled: frozenset[str] = frozenset()


@contextlib.contextmanager
def families_disabled(*families: str):
    """Run the component with some rule families switched off (for ablation; never in an analysis)."""
    global _disabled
    unknown = set(families) - set(FAMILIES)
    if unknown:
        raise ValueError(f"unknown rule families {sorted(unknown)}; known: {', '.join(FAMILIES)}")
    before, _disabled = _disabled, frozenset(families)
    try:
        yield
    finally:
        _disabled = before


def _on(family: str) -> bool:
    return family not in _disabled


@Language.factory(
    "presslens_entities",
    requires=["doc.ents", "token.dep", "token.tag", "token.is_sent_start"],
    assigns=["doc.ents", "doc._.boilerplate", "doc._.entity_roles", "doc._.entity_cues", "doc._.entities_refined"],
    default_config={"disabled": []},
)
def make_entities(nlp: Language, name: str, disabled: list[str]):
    """`nlp.add_pipe("presslens_entities", after="ner")`; `disabled` names rule families of FAMILIES to
    switch off (an ablation: never in an analysis)."""
    if not disabled:
        return refine_entities
    unknown = set(disabled) - set(FAMILIES)
    if unknown:
        raise ValueError(f"unknown rule families {sorted(unknown)}; known: {', '.join(FAMILIES)}")

    def refine_without(doc: Doc) -> Doc:
        with families_disabled(*disabled):
            return refine_entities(doc)

    return refine_without


def refine_entities(doc: Doc) -> Doc:
    """Clean doc.ents: names without titles, possessives or bylines, missed names recovered."""
    if doc._.entities_refined:
        return doc
    boilerplate = boilerplate_spans(doc.text) if _on("boilerplate") else []
    starts = [s for s, _ in boilerplate]
    cands = [
        Candidate(e.start, e.end, e.label_)
        for e in doc.ents
        if e.label_ not in DROPPED_LABELS and not _inside_any(e, boilerplate, starts)
    ]
    if _on("dashes"):
        cands = split_at_dashes(doc, cands)
    if _on("headed_names"):
        cands = recover_names(doc, cands)
    if _on("plural_people"):
        cands = plural_people(doc, cands)
    if _on("brands"):
        cands = brand_products(doc, cands)
    if _on("roles"):
        cands = [split_role(doc, c) for c in cands]
    if _on("surnames"):
        cands = missed_surnames(doc, cands)
    roles = sorted(c.role for c in cands if c.role)
    if _on("title_pieces"):
        cands = [c for c in cands if not _is_title_piece(doc, c, roles)]
    if _on("trim"):
        cands = [trim(doc, c) for c in cands]
    spans, role_of, cue_of = [], {}, {}
    for c in cands:
        if c.end <= c.start:
            continue
        span = Span(doc, c.start, c.end, label=c.cue or c.label)
        spans.append(span)
        key = (span.start_char, span.end_char)
        if c.role:
            role_of[key] = (doc[c.role[0]].idx, doc[c.role[1] - 1].idx + len(doc[c.role[1] - 1]))
        if c.cue:
            cue_of[key] = c.cue
    doc.ents = sorted(filter_spans(spans), key=lambda s: s.start)
    doc._.boilerplate = boilerplate
    doc._.entity_roles = role_of
    doc._.entity_cues = cue_of
    doc._.entities_refined = True
    return doc


def _inside_any(ent: Span, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether the entity overlaps one of the sorted, disjoint spans (bisect: no scan of all of them)."""
    k = bisect.bisect_left(starts, ent.end_char) - 1
    return k >= 0 and spans[k][1] > ent.start_char


def _is_title_piece(doc: Doc, cand: Candidate, roles: list[tuple[int, int]]) -> bool:
    """ "Defense" in "Russian Defense Minister": an entity made of title words inside a role.

    `roles` are sorted token spans, disjoint (each ends at its own name): the only one that can hold the
    candidate is the last that starts at or before it."""
    k = bisect.bisect_right(roles, (cand.start, len(doc) + 1)) - 1
    inside = k >= 0 and roles[k][0] <= cand.start and cand.end <= roles[k][1]
    return inside and all(is_department(t) or is_title_word(t) for t in doc[cand.start : cand.end])
