"""The sentences step: the [start, end] of each sentence (presslens.sentences)."""

from __future__ import annotations

from spacy.tokens import Doc

from ..sentences import sentence_spans
from ..step import Draft, Step


def run(doc: Doc, draft: Draft) -> dict:
    return {"sentences": sentence_spans(doc)}


STEP = Step("sentences", reads=(), writes=("sentences",), fn=run)
