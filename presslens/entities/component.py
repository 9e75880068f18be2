"""The `presslens_entities` spaCy component: doc.ents cleaned in place, boilerplate and roles recorded.

Runs after `ner`. Steps, each a small rule module:
boilerplate lines out -> names split at spaced dashes -> proper names recovered (headed runs, brands,
plural "people") -> roles split off -> missed surnames -> edges trimmed -> overlaps resolved.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import extensions  # noqa: F401  (declares Doc._.boilerplate, Doc._.entity_roles, ...)
from .boilerplate import boilerplate_spans
from .names import brand_products, missed_surnames, plural_people, recover_names, split_at_dashes
from .roles import split_role
from .spans import DROPPED_LABELS, Candidate, is_department, is_title_word, trim


@Language.component("presslens_entities")
def refine_entities(doc: Doc) -> Doc:
    """Clean doc.ents: names without titles, possessives or bylines, missed names recovered."""
    if doc._.entities_refined:
        return doc
    boilerplate = boilerplate_spans(doc.text)
    cands = [
        Candidate(e.start, e.end, e.label_)
        for e in doc.ents
        if e.label_ not in DROPPED_LABELS and not _inside_any(e, boilerplate)
    ]
    cands = split_at_dashes(doc, cands)
    cands = recover_names(doc, cands)
    cands = plural_people(doc, cands)
    cands = brand_products(doc, cands)
    cands = missed_surnames(doc, [split_role(doc, c) for c in cands])
    roles = [c.role for c in cands if c.role]
    cands = [trim(doc, c) for c in cands if not _is_title_piece(doc, c, roles)]
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


def _inside_any(ent: Span, spans: list[tuple[int, int]]) -> bool:
    return any(ent.start_char < end and ent.end_char > start for start, end in spans)


def _is_title_piece(doc: Doc, cand: Candidate, roles: list[tuple[int, int]]) -> bool:
    """ "Defense" in "Russian Defense Minister": an entity made of title words inside a role."""
    inside = any(start <= cand.start and cand.end <= end for start, end in roles)
    return inside and all(is_department(t) or is_title_word(t) for t in doc[cand.start : cand.end])
