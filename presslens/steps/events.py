"""The events step: what happened, when and who took part (presslens.events)."""

from __future__ import annotations

from spacy.tokens import Doc

from ..events import extract_events
from ..step import Draft, Step


def run(doc: Doc, draft: Draft) -> dict:
    return {"events": extract_events(doc, draft.times, draft.mentions, article=draft.article)}


STEP = Step("events", reads=("article", "times", "mentions"), writes=("events",), fn=run)
