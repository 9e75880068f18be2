"""Corpus entities: every actor of every article linked to one real-world person, organisation or place.

Each article's analysis already joins its own mentions into actors ("Putin" = "Vladimir Putin"). Across
articles, actors join in two passes (general rules, no article's names):

1. by a *strong* key (names.key): a full name ("Vladimir Putin"), a multi-word alias, an organisation's
   or place's own name ("Apple" = "Apple Inc."), a nationality's country ("Russian" = "Russians").
   Multi-word keys join across kinds (the model may type one name ORG here and GPE there); one-word keys
   join within a kind, and never a person's.
2. *weak* names only where they are unambiguous: a person named only by a surname ("Johnson") joins the
   one person in the corpus whose full name ends with it; when two people share it ("Boris Johnson",
   "Dustin Johnson"), context decides — a shared role word, or actors the articles have in common — and
   without such evidence the surname stays an entity of its own article. An initialism ("EU") joins the
   one name it abbreviates in the corpus ("European Union").

Reader corrections (merge, split) are data applied after linking, naming actors by article id and name,
so they survive re-analysis (actor ids may change; names do not). Entity ids hash type and canonical name.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..schema import Analysis
from . import names

# Kinds whose one-word names join across kinds (the model's ORG/GPE/FAC/PRODUCT labels of one name vary).
CROSS_KIND_SINGLE = frozenset({"org", "place", "product"})
# Weights of the evidence that picks one of several people sharing a surname.
ROLE_EVIDENCE = 2.0
COACTOR_EVIDENCE = 1.0
# Role words too general to tell two people apart.
ROLE_STOP = frozenset({"the", "of", "and", "a", "an", "for", "to", "in", "former", "new", "said", "chief"})
# When types tie, the more specific reading names the entity.
TYPE_PRECEDENCE = ("PERSON", "ORG", "GPE", "FAC", "LOC", "NORP", "PRODUCT")

Ref = tuple[str, str]  # (article id, actor id)


@dataclass(frozen=True)
class Correction:
    """A reader's correction: `merge` joins the entities of the actors named, `split` takes those actors
    out of their entities into one new entity. Actors are named (article id, actor name or alias)."""

    kind: str  # merge | split
    actors: tuple[tuple[str, str], ...]

    def to_dict(self) -> dict:
        return {"kind": self.kind, "actors": [list(a) for a in self.actors]}

    @classmethod
    def from_dict(cls, data: dict) -> "Correction":
        kind = data.get("kind")
        if kind not in ("merge", "split"):
            raise ValueError(f"unknown correction {kind!r}; use merge or split")
        return cls(kind, tuple((str(a), str(n)) for a, n in data.get("actors", [])))


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str]
    members: list[Ref]  # (article id, actor id), sorted
    mention_count: int
    evidence: dict[str, str] = field(default_factory=dict)  # "article/actor" -> how it joined

    @property
    def articles(self) -> list[str]:
        return sorted({a for a, _ in self.members})

    @property
    def article_count(self) -> int:
        return len(self.articles)

    def matches(self, query: str) -> bool:
        """Exact name or alias, case-insensitive: "Putin" selects Vladimir Putin, never the European Union."""
        q = query.strip().casefold()
        return bool(q) and (q == self.name.casefold() or any(q == a.casefold() for a in self.aliases))

    def to_dict(self) -> dict:
        return {
            "id": self.id, "name": self.name, "type": self.type, "aliases": self.aliases,
            "articles": self.article_count, "mentions": self.mention_count,
        }


@dataclass
class EntityIndex:
    entities: list[Entity]
    by_actor: dict[Ref, str]
    names: dict[Ref, str] = field(default_factory=dict)  # (article, actor) -> the actor's name

    def __post_init__(self):
        self._by_id = {e.id: e for e in self.entities}

    def entity_of(self, article_id: str, actor_id: str | None) -> str | None:
        return self.by_actor.get((article_id, actor_id)) if actor_id else None

    def get(self, entity_id: str) -> Entity | None:
        return self._by_id.get(entity_id)

    def find(self, query: str) -> list[Entity]:
        return [e for e in self.entities if e.matches(query)]


@dataclass
class _Node:
    ref: Ref
    name: str
    type: str
    aliases: list[str]
    roles: list[str]
    mentions: int
    co_actors: list[str]  # actor ids of the same article


def link_entities(analyses: list[Analysis], corrections: list[Correction] = ()) -> EntityIndex:
    """Link the actors of all analyses into corpus entities, then apply the reader's corrections."""
    nodes = _nodes(analyses)
    sets = _UnionFind(list(nodes))
    how: dict[Ref, str] = {}
    _strong_pass(nodes, sets, how)
    alone = _weak_pass(nodes, sets, how)
    groups = _apply(corrections, nodes, sets, how)
    return _index(groups, nodes, how, alone)


def mention_entities(analysis: Analysis, index: EntityIndex) -> dict[str, str]:
    """Mention id -> entity id; a metonym ("Moscow said") counts for what it stands for (Russia)."""
    aid = analysis.article.id
    out = {}
    for m in analysis.mentions:
        entity = index.entity_of(aid, m.stands_for or m.actor)
        if entity:
            out[m.id] = entity
    return out


def _nodes(analyses: list[Analysis]) -> dict[Ref, _Node]:
    nodes: dict[Ref, _Node] = {}
    for a in analyses:
        aid = a.article.id
        ids = [x.id for x in a.actors]
        for actor in a.actors:
            nodes[(aid, actor.id)] = _Node(
                (aid, actor.id), actor.name, actor.type, list(actor.aliases), list(actor.roles),
                len(actor.mentions), [i for i in ids if i != actor.id],
            )
    return nodes


def _strong_keys(node: _Node) -> list[tuple[str, str]]:
    """(kind or "*", key) pairs that join actors outright."""
    kind = names.kind(node.type)
    out = []
    for i, name in enumerate([node.name, *node.aliases]):
        if names.is_initialism(name):
            continue
        k = names.key(name, node.type)
        if not k:
            continue
        multi = " " in k  # "Apple Inc." keys as "apple": one word, like "Apple"
        if kind == "person" and not multi:
            continue
        if i > 0 and not multi:
            continue  # a one-word alias is a short form: it joins in the weak pass only
        if multi and not k.startswith("country:"):
            out.append(("*", k))
        else:
            out.append(("~" if kind in CROSS_KIND_SINGLE else kind, k))
    return out


def _strong_pass(nodes: dict[Ref, _Node], sets: "_UnionFind", how: dict[Ref, str]) -> None:
    first: dict[tuple[str, str], Ref] = {}
    for ref, node in nodes.items():
        for k in _strong_keys(node):
            if k in first:
                if sets.union(first[k], ref):
                    how.setdefault(ref, f"name {k[1]!r}")
            else:
                first[k] = ref


def _weak_pass(nodes: dict[Ref, _Node], sets: "_UnionFind", how: dict[Ref, str]) -> set[Ref]:
    """Join surname-only people and initialism-only names where one candidate fits; returns the actors
    left as entities of their own article because several candidates fit and no evidence chose."""
    weak = [r for r, n in nodes.items() if not _strong_keys(n)]
    weak_set = set(weak)
    groups = {root: ms for root, ms in sets.groups().items() if not set(ms) & weak_set}
    index = _short_forms(groups, nodes)
    alone: set[Ref] = set()
    by_fallback: dict[tuple[str, str], Ref] = {}
    for ref in weak:
        node = nodes[ref]
        cands = sorted(index.get(_short_key(node), ()))
        if len(cands) > 1:
            best = _by_context(node, cands, groups, nodes, sets)
            if best is None:
                alone.add(ref)
                continue
            sets.union(best, ref)
            how[ref] = f"{_short_rule(node)} {node.name!r} with context"
        elif cands:
            sets.union(cands[0], ref)
            how[ref] = f"{_short_rule(node)} {node.name!r}"
        else:
            k = (names.kind(node.type), names.key(node.name, node.type))
            if k in by_fallback:
                sets.union(by_fallback[k], ref)
                how[ref] = f"same name {node.name!r}"
            else:
                by_fallback[k] = ref
    return alone


def _short_rule(node: _Node) -> str:
    return "initialism" if names.is_initialism(node.name) else "surname"


def _short_key(node: _Node) -> tuple[str, str]:
    if names.is_initialism(node.name):
        return ("init", names.key(node.name, node.type)[5:])
    return (names.kind(node.type), names.key(node.name, node.type))


def _short_forms(groups: dict[Ref, list[Ref]], nodes: dict[Ref, _Node]) -> dict[tuple[str, str], set[Ref]]:
    """("init", "EU") and ("person", "johnson") -> the groups such a short form may stand for."""
    out: dict[tuple[str, str], set[Ref]] = defaultdict(set)
    for root, ms in groups.items():
        for m in (nodes[r] for r in ms):
            for n in [m.name, *m.aliases]:
                if names.is_initialism(n):
                    out[("init", names.key(n, m.type)[5:])].add(root)
                elif len(names.words(n)) > 1 and names.kind(m.type) == "person":
                    for s in names.surnames(n):
                        out[("person", s)].add(root)
                elif len(names.words(n)) > 1:
                    out[("init", names.initials(n))].add(root)
    return out


def _by_context(node: _Node, cands: list[Ref], groups, nodes: dict[Ref, _Node], sets: "_UnionFind") -> Ref | None:
    """The one candidate the context points to: shared role words, shared co-occurring entities."""
    my_roles = _role_words(node.roles)
    my_co = {sets.find((node.ref[0], a)) for a in node.co_actors}
    scores = []
    for root in cands:
        members = [nodes[r] for r in groups[root]]
        roles = _role_words([x for m in members for x in m.roles])
        co = {sets.find((m.ref[0], a)) for m in members for a in m.co_actors} - {sets.find(root)}
        scores.append((ROLE_EVIDENCE * len(my_roles & roles) + COACTOR_EVIDENCE * len(my_co & co), root))
    scores.sort(reverse=True)
    if scores[0][0] > 0 and scores[0][0] > scores[1][0]:
        return scores[0][1]
    return None


def _role_words(roles: list[str]) -> set[str]:
    return {w.casefold() for r in roles for w in r.split() if w.casefold() not in ROLE_STOP}


def _apply(corrections, nodes: dict[Ref, _Node], sets: "_UnionFind", how: dict[Ref, str]) -> list[list[Ref]]:
    groups = {root: list(ms) for root, ms in sets.groups().items()}
    group_of = {r: root for root, ms in groups.items() for r in ms}
    for n, c in enumerate(corrections):
        refs = [r for named in c.actors for r in _named(named, nodes)]
        if not refs:
            continue
        if c.kind == "merge":
            target = group_of[refs[0]]
            for r in refs[1:]:
                source = group_of[r]
                if source == target:
                    continue
                for m in groups.pop(source):
                    groups[target].append(m)
                    group_of[m] = target
                    how[m] = "merged by a reader"
        elif c.kind == "split":
            new = ("split", str(n))
            groups[new] = []
            for r in refs:
                groups[group_of[r]].remove(r)
                groups[new].append(r)
                group_of[r] = new
                how[r] = "split by a reader"
    return [sorted(ms) for ms in groups.values() if ms]


def _named(named: tuple[str, str], nodes: dict[Ref, _Node]) -> list[Ref]:
    article, name = named[0], named[1].strip().casefold()
    return [
        r for r, n in nodes.items()
        if r[0] == article and any(name == x.casefold() for x in [n.name, *n.aliases])
    ]


def _index(groups: list[list[Ref]], nodes: dict[Ref, _Node], how: dict[Ref, str], alone: set[Ref]) -> EntityIndex:
    entities, by_actor, used = [], {}, set()
    for members in sorted(groups):
        ms = [nodes[r] for r in members]
        name = _canonical(ms)
        etype = _type(ms)
        salt = members[0][0] if (len(members) == 1 and members[0] in alone) else ""
        eid = _entity_id(etype, name, salt)
        if eid in used:  # two entities with one name (a reader's split): tell them apart by article
            eid = _entity_id(etype, name, members[0][0])
        used.add(eid)
        aliases = Counter(a for m in ms for a in [m.name, *m.aliases])
        entity = Entity(
            id=eid, name=name, type=etype,
            aliases=[a for a, _ in sorted(aliases.items(), key=lambda kv: (-kv[1], kv[0]))],
            members=members, mention_count=sum(m.mentions for m in ms),
            evidence={f"{r[0]}/{r[1]}": how[r] for r in members if r in how},
        )
        entities.append(entity)
        by_actor.update({r: eid for r in members})
    entities.sort(key=lambda e: (-e.article_count, -e.mention_count, e.name))
    return EntityIndex(entities, by_actor, {r: n.name for r, n in nodes.items()})


def _canonical(ms: list[_Node]) -> str:
    """The fullest name: not an initialism, most words, most actors using it, then alphabetical."""
    counts = Counter(m.name for m in ms)
    return min(counts, key=lambda n: (names.is_initialism(n), -len(names.words(n)), -counts[n], n))


def _type(ms: list[_Node]) -> str:
    votes = Counter()
    for m in ms:
        votes[m.type] += m.mentions
    best = max(votes.values())
    return next(t for t in (*TYPE_PRECEDENCE, *sorted(votes)) if votes.get(t) == best)


def _entity_id(etype: str, name: str, salt: str = "") -> str:
    text = f"{etype}\t{name.casefold()}\t{salt}"
    return "ent-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


class _UnionFind:
    def __init__(self, items: list[Ref]):
        self.parent = {i: i for i in items}

    def find(self, x: Ref) -> Ref:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: Ref, b: Ref) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self.parent[max(ra, rb)] = min(ra, rb)
        return True

    def groups(self) -> dict[Ref, list[Ref]]:
        out = defaultdict(list)
        for x in self.parent:
            out[self.find(x)].append(x)
        return out
