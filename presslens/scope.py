"""What one analysis says about chosen actors: their mentions, quotes, events and figures.

Every view that obeys the reader's actor filter asks an `ActorScope`; with no actor chosen it keeps
everything. A mention refers to an actor when it names it (`Mention.actor`) or stands for it by
metonymy (`Mention.stands_for`: "Washington" for the U.S. government).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from .schema import Actor, Analysis, Event, Figure, Mention, Quote

PUBLICATION = "publication"  # Event.kind of the article's own publication


def refers_to(mention: Mention, actor_ids: Iterable[str]) -> bool:
    ids = set(actor_ids)
    return mention.actor in ids or mention.stands_for in ids


def mentions_of(analysis: Analysis, actor_id: str) -> list[Mention]:
    """The actor's mentions in text order, those standing for it included."""
    return sorted((m for m in analysis.mentions if refers_to(m, (actor_id,))), key=lambda m: (m.start, m.end))


def by_prominence(analysis: Analysis) -> list[Actor]:
    """Actors most mentioned first; ties in order of first appearance."""
    first = {m.id: m.start for m in analysis.mentions}
    return sorted(
        analysis.actors,
        key=lambda a: (-len(a.mentions), min((first.get(m, 0) for m in a.mentions), default=0), a.name),
    )


def resolve_names(analysis: Analysis, names: Iterable[str]) -> list[str]:
    """Actor ids for names as a reader types them (a name or any alias, any case), in the given order.

    A name matches an actor's own name before anyone's alias; names that match nothing are dropped.
    """
    ids: list[str] = []
    for name in names:
        key = " ".join(name.split()).casefold()
        match = next((a for a in analysis.actors if a.name.casefold() == key), None) or next(
            (a for a in by_prominence(analysis) if key in {x.casefold() for x in a.aliases}), None
        )
        if match and match.id not in ids:
            ids.append(match.id)
    return ids


def step(mentions: list[Mention], *, current: str | None, offset: int = 0, by: int = 1) -> Mention | None:
    """The mention `by` places from `current` (no wrapping past either end: None).

    When `current` is not among them, stepping forward starts at the first mention at or after
    `offset`, and back at the last before it — so Next after any selection goes on from there.
    """
    if not mentions:
        return None
    ids = [m.id for m in mentions]
    if current in ids:
        index = ids.index(current) + by
    elif by > 0:
        index = next((i for i, m in enumerate(mentions) if m.start >= offset), len(mentions)) + by - 1
    else:
        index = next((i for i in range(len(mentions) - 1, -1, -1) if mentions[i].start < offset), -1) + by + 1
    return mentions[index] if 0 <= index < len(mentions) else None


@dataclass(frozen=True)
class ActorScope:
    """The part of an analysis about `actor_ids`; an empty set is no filter and keeps everything."""

    analysis: Analysis
    actor_ids: frozenset[str] = frozenset()

    @property
    def active(self) -> bool:
        return bool(self.actor_ids)

    def keeps(self, actor_id: str | None) -> bool:
        return not self.active or actor_id in self.actor_ids

    def keeps_mention(self, mention: Mention) -> bool:
        return not self.active or refers_to(mention, self.actor_ids)

    @property
    def actors(self) -> list[Actor]:
        return [a for a in by_prominence(self.analysis) if self.keeps(a.id)]

    @property
    def mentions(self) -> list[Mention]:
        """With a filter: the chosen actors' mentions; without: every mention."""
        return [m for m in self.analysis.mentions if self.keeps_mention(m)]

    @property
    def quotes(self) -> list[Quote]:
        return [q for q in self.analysis.quotes if self.keeps(q.speaker)]

    @property
    def figures(self) -> list[Figure]:
        return [f for f in self.analysis.figures if self.keeps(f.claimant)]

    @property
    def events(self) -> list[Event]:
        return [e for e in self.analysis.events if not self.active or self.actor_ids.intersection(e.actors)]


def about(analysis: Analysis, names: Iterable[str]) -> Analysis:
    """The analysis cut down to what the actors `names` resolve to say and do: their events, figures
    and quotes, and the times that date those events. No names keep everything; names this article
    does not have keep nothing (one article of many may simply not be about them). An article's
    publication event is kept beside its other kept events, as the frame their relative dates came from.
    """
    names = [n for n in names if n.strip()]
    if not names:
        return analysis
    scope = ActorScope(analysis, frozenset(resolve_names(analysis, names)))
    if not scope.active:
        return replace(analysis, events=[], figures=[], quotes=[], times=[])
    kept = {e.id for e in scope.events}
    events = [e for e in analysis.events if e.id in kept or e.kind == PUBLICATION] if kept else []
    dating = {e.time for e in events}
    return replace(
        analysis, events=events, figures=scope.figures, quotes=scope.quotes,
        times=[t for t in analysis.times if t.id in dating],
    )
