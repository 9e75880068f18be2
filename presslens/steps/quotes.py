"""The quotes step: direct, partial and indirect quotes and their speakers (presslens.quotes)."""

from __future__ import annotations

from spacy.tokens import Doc

from ..quotes import find_quotes
from ..step import Draft, Step


def run(doc: Doc, draft: Draft) -> dict:
    return {"quotes": find_quotes(doc, draft.mentions, draft.actors)}


STEP = Step("quotes", reads=("mentions", "actors"), writes=("quotes",), fn=run)
