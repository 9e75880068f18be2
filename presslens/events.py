"""Events: what happened, placed on the times the text gives it.

One event per clause that a placed time expression modifies ("The council approved the budget on Monday
to fund the new bridge"), or per event noun it modifies ("the mayor's meeting with the governor in
Albany last month"); plus the publication itself when its date is known. The label is the clause's
core: subject, verb group and first complement, without the time words, the adverbials and the
side clauses. Actors are the actors of the mentions inside that label.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from .article import Article
from .schema import Event, Mention, Time

# A time on these values says when only vaguely: it places no event on a timeline.
VAGUE_VALUES = {"PAST_REF", "PRESENT_REF", "FUTURE_REF"}
# Verbs of saying: their events are statements, dated by when they were made.
STATEMENT_VERBS = {
    "say", "tell", "announce", "indicate", "state", "claim", "report", "add", "note", "explain", "write",
    "confirm", "deny", "warn", "argue", "comment", "declare", "suggest", "insist", "reveal", "predict",
    "promise", "admit", "acknowledge", "stress", "tweet", "testify", "describe", "call", "urge", "demand",
}
# Nouns that name happenings, beyond the deverbal endings below: "the summit last month".
EVENT_NOUNS = {
    "summit", "election", "visit", "talks", "war", "attack", "vote", "launch", "release", "conference",
    "event", "trip", "strike", "crash", "deal", "game", "match", "ceremony", "sale", "speech", "keynote",
    "interview", "hearing", "trial", "debate", "protest", "rally", "festival", "storm", "earthquake", "fire",
    "flood", "raid", "coup", "referendum", "shooting", "bombing", "riot", "campaign", "race", "tour",
    "session", "surgery", "death", "birth", "wedding", "funeral", "fall", "rise", "drop", "visit", "talk",
    "cut", "hike", "ban", "raid", "offensive", "ceasefire", "truce", "merger", "takeover", "bid", "outage",
}
EVENT_NOUN_ENDINGS = ("ment", "tion", "sion", "ing", "ance", "ence", "al", "ure", "ery", "sis")
# Complements kept in a label, and the modifiers kept inside its noun phrases.
OBJECTS = ("dobj", "attr", "acomp", "oprd", "dative", "agent", "xcomp", "ccomp")
NP_PARTS = ("det", "amod", "compound", "poss", "case", "nummod", "nmod", "quantmod", "neg", "predet", "conj", "cc")
NP_PREPOSITIONS = {"of", "with", "between", "against", "for", "to", "on", "over", "about"}
VERB_PARTS = ("aux", "auxpass", "neg", "prt")
# How deep a label reaches into nested clauses and phrases; past the word cap it is rebuilt shallower.
MAX_DEPTH = 3
MAX_LABEL_WORDS = 16
QUOTES = {'"', "“", "”", "'", "‘", "’", "``", "''"}
HYPHENS = {"-", "–"}


def extract_events(doc: Doc, times: list[Time], mentions: list[Mention], *, article: Article) -> list[Event]:
    """The contract's `events`, in timeline order (undated ones last)."""
    chosen: dict[int, tuple[Token, Time, Span]] = {}
    lines = Lines(doc)
    for time in times:
        if time.type not in ("DATE", "TIME") or time.value in VAGUE_VALUES or lines.is_dateline(time):
            continue
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        head = event_head(span) if span is not None else None
        if head is None:
            continue
        known = chosen.get(head.i)
        if known is None or more_precise(time, known[1]):
            chosen[head.i] = (head, time, span)
    named = MentionIndex(mentions)
    events = [build_event(head, time, span, named, lines) for head, time, span in chosen.values()]
    if article.published:
        events.append(publication_event(article))
    events.sort(key=timeline_key)
    return [replace(event, id=f"e{n}") for n, event in enumerate(events, start=1)]


class Lines:
    """The text's lines, by character and by token, from one pass: a line is found by bisection, never by
    walking it (one paragraph of 230 KB holds thousands of times)."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc.text  # rebuilt from every token on each access: read it once
        self.newlines = [m.start() for m in re.finditer("\n", self.text)]
        # Tokens whose text or trailing space holds a line break: a line ends after each.
        self.breaks = [t.i for t in doc if "\n" in t.text_with_ws]
        self.length = len(doc)

    def is_dateline(self, time: Time) -> bool:
        """A line that is nothing but a date ("June 16, 2010" under a headline) dates the article, no event."""
        before = bisect.bisect_left(self.newlines, time.start)
        start = self.newlines[before - 1] + 1 if before else 0
        after = bisect.bisect_left(self.newlines, time.end)
        end = self.newlines[after] if after < len(self.newlines) else len(self.text)
        return self.text[start:end].strip() == time.text

    def of(self, token: Token) -> tuple[int, int]:
        """Token bounds [lo, hi) of the line holding a token: spaCy may run a title into the first sentence."""
        at = bisect.bisect_left(self.breaks, token.i)
        lo = self.breaks[at - 1] + 1 if at else 0
        hi = self.breaks[at] + 1 if at < len(self.breaks) else self.length
        return lo, hi


class MentionIndex:
    """Mentions sorted by start once, so the mentions inside a label are found by bisection."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.longest = max((m.end - m.start for m in self.mentions), default=0)

    def overlapping(self, start: int, end: int) -> list[Mention]:
        """The mentions overlapping [start, end), in order of start."""
        lo = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, end)
        return [m for m in self.mentions[lo:hi] if m.end > start]


def event_head(span: Span) -> Token | None:
    """The verb, or the event noun, a time expression modifies.

    An infinitive hands over to the verb it completes ("plans to reopen in June": plans), so the
    label keeps who does what.
    """
    token = span.root
    while token.head.i != token.i:
        token = token.head
        if span.start <= token.i < span.end:
            continue
        if token.pos_ in ("VERB", "AUX"):
            verb = token.head if token.dep_ in ("aux", "auxpass") else token
            while verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX") and any(c.lower_ == "to" for c in verb.children):
                verb = verb.head
            return verb
        if token.pos_ == "NOUN" and is_event_noun(token) and token.dep_ not in ("dobj", "nsubj", "nsubjpass", "attr"):
            return token
    return None


def is_event_noun(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return lemma in EVENT_NOUNS or (len(lemma) > 5 and lemma.endswith(EVENT_NOUN_ENDINGS))


def more_precise(time: Time, other: Time) -> bool:
    """A day beats a week, a clock time beats its day: the narrower interval places the event."""
    return (width(time), time.type != "TIME") < (width(other), other.type != "TIME")


def width(time: Time) -> int:
    if not time.interval:
        return 10**9
    first, last = (dt.date.fromisoformat(d) for d in time.interval)
    return (last - first).days


def build_event(head: Token, time: Time, span: Span, mentions: MentionIndex, lines: Lines) -> Event:
    tokens = label_tokens(head, span, lines)
    kind = "statement" if head.pos_ == "VERB" and head.lemma_.lower() in STATEMENT_VERBS else "happening"
    return Event(
        id="", label=join(tokens), start=head.idx, end=head.idx + len(head.text), trigger=head.text, time=time.id,
        interval=list(time.interval) if time.interval else None,
        actors=actors_in(tokens, mentions), sentence=trimmed(head.sent), kind=kind,
    )


@dataclass(frozen=True)
class Scope:
    """What a label may draw on: not the time's words, not beyond the head's line, this deep."""

    skip: frozenset[int]
    lo: int  # first token index of the head's line (a title or dateline is a line of its own)
    hi: int
    depth: int

    def allows(self, token: Token) -> bool:
        return self.lo <= token.i < self.hi and token.i not in self.skip and token.text not in QUOTES


def label_tokens(head: Token, span: Span, lines: Lines) -> list[Token]:
    """The label's words in reading order: the deepest phrases go first when it runs too long."""
    skip = frozenset(range(span.start, span.end)) | time_prepositions(span)
    lo, hi = lines.of(head)
    tokens: list[Token] = []
    for depth in range(MAX_DEPTH, -1, -1):
        scope = Scope(skip, lo, hi, depth)
        found = noun_phrase(head, scope, 0, places=True) if head.pos_ == "NOUN" else clause(head, scope, 0)
        tokens = list({t.i: t for t in found}.values())  # once each, in the order built
        if len(words(tokens)) <= MAX_LABEL_WORDS:
            break
    return tokens


def clause(verb: Token, scope: Scope, depth: int, *, inside_noun: bool = False) -> list[Token]:
    """Subject, verb group, first complement: in that order, whatever the order of the sentence."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")), None)
    if subject is None and verb.dep_ in ("conj", "xcomp", "advcl") and depth == 0:
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if not inside_noun and verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN") and (
        subject is None or subject.tag_ in ("WDT", "WP")
    ):
        subject = verb.head  # "figures published on 2 August", "a renovation that began in 2014"
    parts = noun_phrase(subject, scope, depth + 1, relative=False) if subject is not None and scope.allows(subject) else []
    group = sorted([verb] + [c for c in verb.children if c.dep_ in VERB_PARTS and scope.allows(c)], key=lambda t: t.i)
    rest: list[Token] = []
    objects = [c for c in verb.children if c.dep_ in OBJECTS and scope.allows(c)]
    for obj in objects[:1]:
        if obj.dep_ not in ("xcomp", "ccomp"):
            rest = noun_phrase(obj, scope, depth + 1)
        elif depth < scope.depth:
            rest = clause(obj, scope, depth + 1)
    if not objects:
        prep = next((c for c in verb.children if c.dep_ == "prep" and scope.allows(c) and not temporal(c, scope)), None)
        if prep is not None:
            rest = prepositional(prep, scope, depth + 1)
    return parts + group + rest


def noun_phrase(noun: Token, scope: Scope, depth: int, *, places: bool = False, relative: bool = True) -> list[Token]:
    out = [noun]
    for child in noun.children:
        if not scope.allows(child):
            continue
        if child.dep_ in NP_PARTS:
            out += noun_phrase(child, scope, depth + (child.dep_ == "conj"), relative=relative)
        elif child.dep_ == "punct" and child.text in HYPHENS:
            out.append(child)
        elif child.dep_ == "prep" and depth < scope.depth and not temporal(child, scope) and (
            child.lower_ in NP_PREPOSITIONS or (places and any(p.pos_ == "PROPN" for p in child.children))
        ):
            out += prepositional(child, scope, depth + 1)
        elif relative and child.dep_ in ("acl", "relcl") and depth < scope.depth and child.pos_ == "VERB" and any(
            a.lower_ == "to" for a in child.children
        ):
            out += clause(child, scope, depth + 1, inside_noun=True)
    return sorted(out, key=lambda t: t.i)


def prepositional(prep: Token, scope: Scope, depth: int) -> list[Token]:
    objects = [p for p in prep.children if p.dep_ == "pobj" and scope.allows(p)]
    return [prep] + [t for p in objects for t in noun_phrase(p, scope, depth)] if objects else []


def time_prepositions(span: Span) -> frozenset[int]:
    """'on' in 'on Wednesday', 'by' in 'by 5 p.m. yesterday': prepositions whose object is the time."""
    inside = range(span.start, span.end)
    return frozenset(
        t.head.i for t in span if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.i not in inside
    )


def temporal(prep: Token, scope: Scope) -> bool:
    return any(t.i in scope.skip or t.ent_type_ in ("DATE", "TIME") for t in prep.subtree)


def words(tokens: list[Token]) -> list[str]:
    return [t.text for t in tokens if t.text not in QUOTES and not t.is_space and t.text not in HYPHENS]


def join(tokens: list[Token]) -> str:
    """The words as the text spaces them where they are adjacent, else with one space; capped in length."""
    out = []
    for i, token in enumerate(tokens):
        if token.text in QUOTES or token.is_space:
            continue
        adjacent = i + 1 < len(tokens) and tokens[i + 1].i == token.i + 1
        out.append(token.text + (token.whitespace_ if adjacent else " "))
    label = " ".join("".join(out).split())
    parts = label.split()
    return " ".join(parts[:MAX_LABEL_WORDS]) + ("…" if len(parts) > MAX_LABEL_WORDS else "")


def actors_in(tokens: Iterable[Token], mentions: MentionIndex) -> list[str]:
    """The actors named in the label's words, in text order (a metonym counts for what it stands for)."""
    spans = sorted((t.idx, t.idx + len(t.text)) for t in tokens)
    if not spans:
        return []
    found = []
    for mention in mentions.overlapping(spans[0][0], max(e for _, e in spans)):
        actor = mention.stands_for or mention.actor
        if actor and actor not in found and any(s < mention.end and mention.start < e for s, e in spans):
            found.append(actor)
    return found


def trimmed(sent: Span) -> list[int]:
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    return [start, sent.start_char + len(text.rstrip())]


def publication_event(article: Article) -> Event:
    what = f"“{article.title}”" if article.title else "this article"
    by = f" by {article.source}" if article.source else ""
    return Event(
        id="", label=f"Publication of {what}{by}", start=0, end=0, trigger="", time=None,
        interval=[article.published, article.published], actors=[], sentence=None, kind="publication",
    )


def timeline_key(event: Event) -> tuple:
    first, last = event.interval or ("9999-12-31", "9999-12-31")
    return (first, last, event.kind == "publication", event.start)
