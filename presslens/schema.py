"""The analysis contract, `presslens.analysis/1` (see DESIGN.md).

One plain record type per list of the JSON; field order follows the contract, and fields added beyond
it come last. Offsets are Python str indices into `article.text`. Everything here is JSON-serialisable
through `Analysis.to_dict()` and comes back through `Analysis.from_dict()`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

from .article import Article

SCHEMA = "presslens.analysis/1"

Span = tuple[int, int]


@dataclass(frozen=True)
class Mention:
    id: str
    start: int
    end: int
    text: str
    label: str  # OntoNotes: PERSON ORG GPE LOC NORP FAC EVENT DATE PERCENT ...
    actor: str | None  # actor id, or None for values (dates, figures)
    role: str | None = None  # title words kept apart from the name: "Secretary of Defense"
    stands_for: str | None = None  # metonymy: "Washington" for the U.S. government -> that actor's id
    # name: a proper name or a value as written; group: a noun phrase for a body of people ("Russian
    # authorities"); pronoun: "he", "she", "they" tied to the actor it refers to
    kind: str = "name"


@dataclass(frozen=True)
class Actor:
    id: str
    name: str  # the fullest proper name among the mentions
    type: str  # one type decided over all mentions
    aliases: list[str]
    mentions: list[str]  # mention ids, in text order
    roles: list[str] = field(default_factory=list)
    entity: str | None = None  # the corpus-wide entity id, set on analyses read through presslens.corpus.stored


@dataclass(frozen=True)
class Time:
    id: str
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # a TimeML value: 2018-08-01, 2018-W30, 2018-07, P1M, PRESENT_REF, ...
    interval: list[str] | None  # [first day, last day] as YYYY-MM-DD, or None
    granularity: str | None  # day | week | month | quarter | season | year | decade | ...
    anchor: str | None  # what it was resolved against: "publication", a time id, or None
    explanation: str


@dataclass(frozen=True)
class Event:
    id: str
    label: str
    start: int
    end: int
    trigger: str
    time: str | None  # time id
    interval: list[str] | None
    actors: list[str]
    sentence: list[int] | None = None
    kind: str = "happening"  # happening | statement | publication


@dataclass(frozen=True)
class Figure:
    id: str
    start: int
    end: int
    text: str
    value: float | None
    unit: str | None
    qualifier: str | None  # approximately | at least | at most | more than | less than | None
    subject: str | None
    claimant: str | None  # actor id
    claimant_text: str | None
    sentence: list[int]
    claim: str | None = None  # what is claimed of the quantity: "now want a second bridge"
    value_high: float | None = None  # the upper end of a range ("between 5 and 6 million")
    subject_span: list[int] | None = None
    claimant_span: list[int] | None = None  # the words naming the claimant at the attribution
    quote: str | None = None  # id of the quote the figure is claimed in
    kind: str | None = None  # count | percent | money | measure | multiple: which figures compare
    # + or - when the figure is reported as a rise or a fall (its size or the level reached); None for a
    # level. The value stays unsigned: "down 0.4 percent" is value 0.4, change "-"
    change: str | None = None


@dataclass(frozen=True)
class Quote:
    id: str
    start: int
    end: int
    text: str
    speaker: str | None  # actor id
    speaker_text: str | None
    speaker_span: list[int] | None
    cue: str | None
    kind: str  # direct | partial | indirect
    continues: str | None = None  # id of the quote this one carries on (split or multi-paragraph quotes)
    cue_span: list[int] | None = None  # [start, end] of the cue word ("said", "according")
    # partial quotes: the [start, end] of each stretch in quote marks; the record spans the reported clause
    # holding them ("said the plan was “far too relaxed”" is one record), or just the marks' words
    quoted: list[list[int]] | None = None


RECORDS = {
    "mentions": Mention,
    "actors": Actor,
    "times": Time,
    "events": Event,
    "figures": Figure,
    "quotes": Quote,
}


@dataclass(frozen=True)
class Analysis:
    article: Article
    sentences: list[Span]
    mentions: list[Mention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    # Beyond the contract: what the reader should know (non-English text, no publication date, ...)
    warnings: list[str] = field(default_factory=list)
    # Beyond the contract: spans that are not the story (bylines, "Follow X on Twitter")
    boilerplate: list[Span] = field(default_factory=list)
    schema: str = SCHEMA

    def to_dict(self) -> dict:
        out = {"schema": self.schema, "article": self.article.to_dict(), "sentences": _lists(self.sentences)}
        for name in RECORDS:
            out[name] = [asdict(record) for record in getattr(self, name)]
        out["warnings"] = list(self.warnings)
        out["boilerplate"] = _lists(self.boilerplate)
        return out

    @classmethod
    def from_dict(cls, data: dict) -> "Analysis":
        records = {
            name: [_record(kind, item) for item in data.get(name, [])] for name, kind in RECORDS.items()
        }
        return cls(
            article=Article.from_dict(data["article"]),
            sentences=[tuple(s) for s in data["sentences"]],
            warnings=list(data.get("warnings", [])),
            boilerplate=[tuple(s) for s in data.get("boilerplate", [])],
            schema=data.get("schema", SCHEMA),
            **records,
        )

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def sentence_of(self, offset: int) -> Span | None:
        """The [start, end] of the sentence holding a character offset."""
        return next(((s, e) for s, e in self.sentences if s <= offset < e), None)


def _record(kind, item: dict):
    known = {f.name for f in fields(kind)}
    return kind(**{k: v for k, v in item.items() if k in known})


def _lists(spans) -> list[list[int]]:
    return [list(span) for span in spans]
