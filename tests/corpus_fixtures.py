"""Hand-built analyses for the corpus engine's tests: short sentences written for the tests, with the
actors the per-article analysis would give (name, type, aliases, roles), mentions found in the text."""

from __future__ import annotations

import re

from presslens.article import Article
from presslens.schema import Actor, Analysis, Event, Figure, Mention, Quote, Time


def actor(name: str, type_: str, *aliases: str, roles: tuple[str, ...] = ()) -> dict:
    return {"name": name, "type": type_, "aliases": [name, *aliases], "roles": list(roles)}


def analysis(aid: str, text: str, actors: list[dict], *, published: str | None = None, source: str | None = None,
             ids_from: int = 1, events=(), figures=(), quotes=(), times=()) -> Analysis:
    """An analysis of `text` whose actors are `actors` (actor ids a{ids_from}, a{ids_from+1}, ...); every
    occurrence of an alias in the text is a mention of its actor, metonyms given as {"stands_for": name}."""
    mentions, built = [], []
    for n, spec in enumerate(actors):
        aid_ = f"a{ids_from + n}"
        mids = []
        for alias in sorted(set(spec["aliases"]), key=len, reverse=True):
            for m in re.finditer(rf"\b{re.escape(alias)}\b", text):
                if any(x.start < m.end() and m.start() < x.end for x in mentions):
                    continue
                mid = f"m{len(mentions) + 1}"
                mentions.append(Mention(mid, m.start(), m.end(), alias, spec["type"], aid_))
                mids.append(mid)
        built.append(Actor(aid_, spec["name"], spec["type"], list(spec["aliases"]), mids, list(spec["roles"])))
    by_name = {a.name: a.id for a in built}
    mentions = [
        Mention(m.id, m.start, m.end, m.text, m.label, m.actor,
                stands_for=next((by_name[s["stands_for"]] for s in actors
                                 if "stands_for" in s and by_name[s["name"]] == m.actor), None))
        for m in sorted(mentions, key=lambda m: m.start)
    ]
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]?", text) if m.group().strip()]
    return Analysis(
        article=Article(id=aid, text=text, published=published, source=source, title=aid),
        sentences=sentences, mentions=mentions, actors=built,
        events=list(events), figures=list(figures), quotes=list(quotes), times=list(times),
    )


__all__ = ["actor", "analysis", "Event", "Figure", "Quote", "Time"]
