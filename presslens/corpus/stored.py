"""The corpus read from the store: analyses whose actors carry their corpus entity, and the reader's
merge/split corrections kept in the store (its key/value table, under CORRECTIONS_KEY) as JSON."""

from __future__ import annotations

import dataclasses
import json

from ..schema import Analysis
from .entities import Correction, EntityIndex, link_entities

CORRECTIONS_KEY = "entity_corrections"


def load_corrections(store) -> list[Correction]:
    raw = store.setting(CORRECTIONS_KEY)
    if not raw:
        return []
    return [Correction.from_dict(item) for item in json.loads(raw)]


def add_correction(store, correction: Correction) -> list[Correction]:
    """Store one more correction (applied after those before it); returns them all."""
    corrections = [*load_corrections(store), correction]
    store.set_setting(CORRECTIONS_KEY, json.dumps([c.to_dict() for c in corrections]))
    return corrections


def with_entities(analysis: Analysis, index: EntityIndex) -> Analysis:
    """The analysis with `actors[].entity` set from the index."""
    aid = analysis.article.id
    actors = [dataclasses.replace(a, entity=index.entity_of(aid, a.id)) for a in analysis.actors]
    return dataclasses.replace(analysis, actors=actors)


def linked(analyses: list[Analysis], corrections: list[Correction] = ()) -> tuple[list[Analysis], EntityIndex]:
    index = link_entities(analyses, list(corrections))
    return [with_entities(a, index) for a in analyses], index


def stored_corpus(store, pipeline: str) -> tuple[list[Analysis], EntityIndex]:
    """Every analysed article of the store (for this pipeline) with its entities, corrections applied."""
    analyses = [analysis for _, analysis in store.analyses(pipeline)]
    return linked(analyses, load_corrections(store))
