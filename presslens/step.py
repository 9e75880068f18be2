"""One engine step: a name, the draft fields it reads and writes, and a function over the Doc and the draft.

`build_analysis` runs the steps of `presslens.pipeline.STEPS` in order over one `Draft`; each step gets the
parsed Doc and the draft, and returns the fields it declared in `writes` (a step that returns another
field, or leaves one out, is an error at once, not a silently wrong analysis).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any

from spacy.tokens import Doc

from .article import Article
from .schema import Actor, Analysis, Event, Figure, Mention, Quote, Span, Time


@dataclass
class Draft:
    """An analysis being built: the article, and each field once a step has written it."""

    article: Article
    sentences: list[Span] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    boilerplate: list[Span] = field(default_factory=list)

    def analysis(self) -> Analysis:
        return Analysis(**{f.name: getattr(self, f.name) for f in fields(self)})


DRAFT_FIELDS = frozenset(f.name for f in fields(Draft))


@dataclass(frozen=True)
class Step:
    """`fn(doc, draft)` returns {field: value} for exactly the fields in `writes`."""

    name: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    fn: Callable[[Doc, Draft], dict[str, Any]]

    def __post_init__(self) -> None:
        unknown = set(self.reads + self.writes) - DRAFT_FIELDS
        if unknown:
            raise ValueError(f"step {self.name!r} names fields a draft does not have: {sorted(unknown)}")

    def run(self, doc: Doc, draft: Draft) -> Draft:
        """Run the step and write its fields on `draft` (returned, for chaining)."""
        out = self.fn(doc, draft)
        if set(out) != set(self.writes):
            raise RuntimeError(f"step {self.name!r} declares writes {self.writes}, returned {tuple(out)}")
        for name, value in out.items():
            setattr(draft, name, value)
        return draft
