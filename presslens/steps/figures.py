"""The figures step: claimed quantities, their units, qualifiers and claimants (presslens.figures)."""

from __future__ import annotations

from spacy.tokens import Doc

from ..figures import find_figures
from ..step import Draft, Step


def run(doc: Doc, draft: Draft) -> dict:
    return {"figures": find_figures(doc, draft.mentions, draft.actors, draft.quotes)}


STEP = Step("figures", reads=("mentions", "actors", "quotes"), writes=("figures",), fn=run)
