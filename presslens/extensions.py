"""Every custom attribute presslens puts on spaCy objects, declared in one place (as spaCy itself does).

Each engine step appends its own block to `register()`. Defaults are None, never a shared mutable object:
a step assigns a fresh list or dict to each Doc.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span


def register() -> None:
    """Declare the extensions; safe to call more than once."""
    # -- entities (presslens/entities/) -------------------------------------------------------------
    # [start, end] character spans that are not the story: bylines, "Follow X on Twitter", credits.
    _doc("boilerplate", default=None)
    # (start_char, end_char) of an entity -> (start_char, end_char) of its role words, "Secretary of Defense".
    _doc("entity_roles", default=None)
    # (start_char, end_char) of an entity -> the type a textual cue gave it (a title -> PERSON, "Army" -> ORG).
    _doc("entity_cues", default=None)
    # True once the presslens_entities component has cleaned doc.ents.
    _doc("entities_refined", default=False)
    if not Span.has_extension("role"):
        Span.set_extension("role", getter=_role_of)


def _doc(name: str, **kwargs) -> None:
    if not Doc.has_extension(name):
        Doc.set_extension(name, **kwargs)


def _role_of(span: Span) -> str | None:
    roles = span.doc._.entity_roles or {}
    found = roles.get((span.start_char, span.end_char))
    # Doc.text is rebuilt from every token on each access: take the role's own tokens instead.
    return span.doc.char_span(found[0], found[1], alignment_mode="expand").text if found else None


register()
