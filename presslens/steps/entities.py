"""The entities step: mentions and actors from the Doc the presslens_entities component cleaned.

DATE and TIME mentions are left to the times step, which owns them (steps/times.py).
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..entities import mentions_and_actors
from ..step import Draft, Step
from .times import TIME_LABELS


def run(doc: Doc, draft: Draft) -> dict:
    mentions, actors = mentions_and_actors(doc)
    mentions = [m for m in mentions if m.label not in TIME_LABELS]
    return {"mentions": mentions, "actors": actors, "boilerplate": list(doc._.boilerplate or [])}


STEP = Step("entities", reads=(), writes=("mentions", "actors", "boilerplate"), fn=run)
