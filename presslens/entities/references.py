"""References to actors that are not names: nationality words, group noun phrases and pronouns.

Three general rules of English news prose, run after names are joined into actors:
- a nationality word names its country's people: "Russian" links to Russia (`stands_for`, as a capital
  standing for its government does) when the article names that country;
- a nationality or a country before a noun for a body of people ("Russian authorities", "U.S. officials")
  is a group: its own actor, named by the whole phrase and linked to the country; its mention (kind
  "group") covers the words after the nationality ("authorities"), which keeps its own mention, so that
  mentions never overlap;
- a third-person pronoun ("he", "her") refers to the person named nearest before it — in its own
  sentence, else in the ones before — when only one person there fits its gender (from a courtesy title,
  a gendered role word or a given name), or when the one that fits is the subject; otherwise no link.
  Linked pronouns are mentions of kind "pronoun" of that person, and carry the chain on.
Every step is one pass over the text or the mentions, with look-ups by offset (bisect), never a scan of all
mentions per mention.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from ..schema import Actor, Mention
from .lexicon import bare, demonyms, gendered_words, given_names, group_nouns

MASCULINE = frozenset({"he", "him", "his", "himself"})
FEMININE = frozenset({"she", "her", "hers", "herself"})
# How many sentences back (the pronoun's own counted) a pronoun looks for the person it refers to.
LOOKBACK_SENTENCES = 6
# Lowercase words allowed between the nationality and the group noun: "U.S. military officials".
MAX_GROUP_MODIFIERS = 2
# How far (in characters) from a quotation's ends its attribution's name may stand: '," Hale said'.
ATTRIBUTION_REACH = 40
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
GROUP = "group"
PRONOUN = "pronoun"


def with_references(doc: Doc, mentions: list[Mention], actors: list[Actor]) -> tuple[list[Mention], list[Actor]]:
    """Names plus nationality links, group mentions and pronoun mentions, renumbered in text order."""
    mentions = link_demonyms(mentions, actors)
    groups, group_actors = find_groups(doc, mentions, len(actors))
    pronouns = link_pronouns(doc, mentions, actors)
    return _renumbered(mentions + groups + pronouns, actors + group_actors)


def country_names(word: str) -> tuple[str, ...]:
    """The names of the country a nationality word belongs to ("Russians" -> Russia, ...), or ()."""
    return demonyms().get(word.casefold(), ())


def link_demonyms(mentions: list[Mention], actors: list[Actor]) -> list[Mention]:
    """NORP names whose country the article names stand for that country's actor."""
    country_actor = _actor_by_name(actors, ("GPE",))
    out = []
    for m in mentions:
        if m.label == "NORP" and m.actor and m.stands_for is None:
            found = next((country_actor[n.casefold()] for n in country_names(m.text) if n.casefold() in country_actor), None)
            if found and found != m.actor:
                m = replace(m, stands_for=found)
        out.append(m)
    return out


def find_groups(doc: Doc, mentions: list[Mention], actors_so_far: int) -> tuple[list[Mention], list[Actor]]:
    """ "Russian authorities", "U.S. officials": one actor per phrase, a group mention over its noun words."""
    by_end = {m.end: m for m in mentions if m.actor and m.kind == "name" and m.label in ("NORP", "GPE")}
    nouns = group_nouns()
    text = doc.text  # Doc.text is rebuilt from every token on each access: read it once
    mentions_out: list[Mention] = []
    actor_of: dict[str, Actor] = {}
    for tok in doc:
        if tok.lower_ not in nouns or tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ == "compound":
            continue
        k = tok.i - 1
        while k >= 0 and tok.i - 1 - k < MAX_GROUP_MODIFIERS and doc[k].is_lower and doc[k].pos_ in ("ADJ", "NOUN"):
            k -= 1
        if k < 0:
            continue
        lead = by_end.get(doc[k].idx + len(doc[k]))
        if lead is None or (lead.label == "NORP" and not country_names(lead.text)):
            continue
        start, end = doc[k + 1].idx, tok.idx + len(tok)
        phrase = text[lead.start:end]
        key = " ".join(phrase.split()).casefold()
        actor = actor_of.get(key)
        if actor is None:
            actor = Actor(id=f"a{actors_so_far + len(actor_of) + 1}", name=phrase, type="NORP", aliases=[phrase], mentions=[])
            actor_of[key] = actor
        country = lead.stands_for or (lead.actor if lead.label == "GPE" else None)
        mentions_out.append(Mention(f"g{len(mentions_out) + 1}", start, end, text[start:end], "NORP", actor.id,
                                    None, country, GROUP))
    return mentions_out, list(actor_of.values())


@dataclass
class _Referent:
    start: int
    actor: str
    subject: bool
    quote: int  # index of the quotation it stands in, -1 outside quotes


def quotations(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks, in one pass: “…” pairs, and straight double quotes paired within a
    paragraph (an unclosed one closes at the paragraph's end, as a quote running on to the next does)."""
    spans, opened = [], None
    for i, ch in enumerate(text):
        if ch == "\n" and opened is not None:
            spans.append((opened, i))
            opened = None
        elif ch == "“" or (ch == '"' and opened is None):
            opened = i + 1 if opened is None else opened
        elif (ch == "”" or ch == '"') and opened is not None:
            spans.append((opened, i))
            opened = None
    if opened is not None:
        spans.append((opened, len(text)))
    return spans


def _quote_index(offset: int, quotes: list[tuple[int, int]], starts: list[int]) -> int:
    k = bisect.bisect_right(starts, offset) - 1
    return k if k >= 0 and quotes[k][0] <= offset < quotes[k][1] else -1


def link_pronouns(doc: Doc, mentions: list[Mention], actors: list[Actor]) -> list[Mention]:
    """Pronoun mentions for "he"/"she" (and their other forms) whose person is unambiguous."""
    people = {a.id: a for a in actors if a.type == "PERSON"}
    if not people:
        return []
    gender = {a.id: _gender(a) for a in people.values()}
    sentence_starts = [s.start_char for s in doc.sents]
    boilerplate = sorted(tuple(s) for s in (doc._.boilerplate or []))
    quotes = quotations(doc.text)  # read once
    quote_starts = [q[0] for q in quotes]
    referents = [
        _Referent(m.start, m.actor, _is_subject(doc, m.start), _quote_index(m.start, quotes, quote_starts))
        for m in sorted(mentions, key=lambda m: m.start) if m.kind == "name" and m.actor in people
    ]
    starts = [r.start for r in referents]
    out = []
    for tok in doc:
        wanted = "m" if tok.lower_ in MASCULINE else "f" if tok.lower_ in FEMININE else None
        if wanted is None or tok.pos_ != "PRON" or _inside(tok.idx, boilerplate):
            continue
        here = bisect.bisect_right(sentence_starts, tok.idx) - 1
        quote = _quote_index(tok.idx, quotes, quote_starts)
        speaker = _speaker_near(quotes[quote], referents, starts) if quote >= 0 else None
        actor = _antecedent(referents, starts, sentence_starts, here, tok.idx, wanted, gender, quote, speaker)
        if actor is None:
            continue
        gender[actor] = gender[actor] or wanted  # an unambiguous link tells the person's gender
        out.append(Mention(f"p{len(out) + 1}", tok.idx, tok.idx + len(tok), tok.text, "PERSON", actor, kind=PRONOUN))
        at = bisect.bisect_right(starts, tok.idx)
        referents.insert(at, _Referent(tok.idx, actor, tok.dep_ in SUBJECT_DEPS, quote))
        starts.insert(at, tok.idx)
    return out


def _speaker_near(quote: tuple[int, int], referents: list[_Referent], starts: list[int]) -> str | None:
    """The person named at a quotation's attribution: just after it ("…," Hale said) or just before it."""
    after = bisect.bisect_left(starts, quote[1])
    if after < len(referents) and referents[after].start - quote[1] <= ATTRIBUTION_REACH:
        return referents[after].actor
    before = bisect.bisect_left(starts, quote[0]) - 1
    if before >= 0 and quote[0] - referents[before].start <= ATTRIBUTION_REACH and referents[before].quote == -1:
        return referents[before].actor
    return None


def _antecedent(referents, starts, sentence_starts, here, offset, wanted, gender, quote, speaker) -> str | None:
    """The one person the pronoun can refer to, sentence by sentence back from it; None when unsure.
    A name inside a quotation is out of reach from outside it ("... when Eisenhower was president," he said);
    inside a quotation, its speaker speaks of themselves as "I", so "she" there is someone else."""
    hi = bisect.bisect_left(starts, offset)
    for sentence in range(here, max(-1, here - LOOKBACK_SENTENCES), -1):
        lo = bisect.bisect_left(starts, sentence_starts[sentence], hi=hi)
        reach = [r for r in referents[lo:hi] if r.quote in (-1, quote) and r.actor != speaker]
        fitting = [r for r in reach if gender[r.actor] in (None, wanted)]
        distinct = set(r.actor for r in fitting)
        if len(distinct) == 1:
            return fitting[0].actor
        if distinct:
            subjects = {r.actor for r in fitting if r.subject}
            return subjects.pop() if len(subjects) == 1 else None
        if any(gender[r.actor] not in (None, wanted) for r in reach) and sentence == here:
            return None  # "Anna Holt met him": the only person in reach is of the other gender
        hi = lo
    return None


def _gender(actor: Actor) -> str | None:
    """ "m", "f" or None: from a gendered title or role word, else a given name that tells it."""
    for role in actor.roles:
        for word in role.split():
            found = gendered_words().get(bare(word))
            if found:
                return found
    names = [actor.name, *actor.aliases]
    for name in names:
        words = name.split()
        if len(words) >= 2:
            found = given_names().get(words[0])
            if found:
                return found
    return None


def _is_subject(doc: Doc, start: int) -> bool:
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span is not None and span.root.dep_ in SUBJECT_DEPS or (
        span is not None and span.root.head.dep_ in SUBJECT_DEPS and span.root.dep_ in ("compound", "flat")
    )


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    k = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= offset < spans[k][1]


def _actor_by_name(actors: list[Actor], types: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for a in actors:
        if a.type in types:
            for name in (a.name, *a.aliases):
                key = name.casefold()
                out.setdefault(key[4:] if key.startswith("the ") else key, a.id)
    return out


def _renumbered(mentions: list[Mention], actors: list[Actor]) -> tuple[list[Mention], list[Actor]]:
    """Mentions in text order, ids m1.., each actor's list following."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    new_id = {m.id: f"m{n}" for n, m in enumerate(ordered, start=1)}
    members: dict[str, list[str]] = {}
    for m in ordered:
        if m.actor:
            members.setdefault(m.actor, []).append(new_id[m.id])
    out_mentions = [replace(m, id=new_id[m.id]) for m in ordered]
    out_actors = [replace(a, mentions=members.get(a.id, [])) for a in actors]
    return out_mentions, out_actors
