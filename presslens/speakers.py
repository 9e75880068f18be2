"""Who says it: reporting cues, their sources, the words naming a source, and the actor behind them.

Shared by quotes (the speaker of a quote) and figures (the claimant of a number). Works on the spaCy
parse plus the analysis' mentions and actors; never on a list of names.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from . import lexicon
from .schema import Actor, Mention

# Verbs that report what someone said or wrote, and verbs that only introduce a quoted phrase (a partial
# quote), never a reported clause: lemmas in data/en/reporting_verbs.txt and phrase_verbs.txt.
REPORTING_VERBS = lexicon.words("reporting_verbs")
PHRASE_VERBS = lexicon.words("phrase_verbs")

# Nouns that name a document, record or channel rather than a person: the source is whoever issued it
# ("a statement from Apple", "figures released by NPD"); with no issuer named, nobody speaks.
SOURCE_NOUNS = lexicon.words("document_nouns")

# Nouns so generic that "the company said" can only mean the organisation the story is about (the
# latest one that was a subject); other role nouns must appear in the name or title of whom they stand for.
GENERIC_ORG_NOUNS = frozenset({"company", "firm", "group", "organisation", "organization", "corporation", "business"})

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
PERSON_LABELS = frozenset({"PERSON"})
NAMING_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT"})

# A pronoun is resolved only against people named this many sentences back (its own included):
# news keeps "he" close to the name, and further back the guess is no better than chance.
PRONOUN_LOOKBACK_SENTENCES = 5
# Climbing from a participle ("..., saying ...") to the clause that has a subject stops after this many steps.
MAX_CLIMB = 4
# Role words are looked for this many tokens before a name ("former Swiss diplomat Anna Weber").
ROLE_WINDOW_TOKENS = 8


@dataclass(frozen=True)
class Source:
    """Who a cue attributes to: the words naming them and the actor they resolve to."""

    start: int
    end: int
    text: str
    actor: str | None
    document: bool = False  # a document, record or formula with no issuer named: cited, but no speaker


def is_reporting_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in REPORTING_VERBS


def according_to(token: Token) -> Token | None:
    """The source of "according to X" when `token` is "according"; else None."""
    if token.lower_ != "according":
        return None
    for to in token.children:
        if to.lower_ == "to":
            return next((c for c in to.children if c.dep_ == "pobj"), None)
    return None


def source_token(cue: Token) -> Token | None:
    """The head word of whoever a reporting cue attributes to, or None (passive with no agent, ...)."""
    found = according_to(cue)
    if found is not None:
        return found
    token = cue
    for _ in range(MAX_CLIMB):
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        if token.dep_ in ("nsubjpass", "auxpass") or any(c.dep_ == "auxpass" for c in token.children):
            return _passive_source(token)
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return antecedent(subject)
        if token.i == cue.i and token.i > 0 and token.nbor(-1).pos_ == "PROPN":
            return token.nbor(-1)  # "... Barack Obama said": the parser hung the name elsewhere
        if token.head.i == token.i or _is_infinitive(token):
            return None  # "it is interesting to note that": the infinitive has no speaker of its own
        token = token.head
    return None


def _is_infinitive(verb: Token) -> bool:
    return verb.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _passive_source(verb: Token) -> Token | None:
    """"praised by Jobs", "as described by the Gazette", "as stated on the Apple website"."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("on", "in"):
                return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def antecedent(subject: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies; an appositive for its anchor."""
    if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
        subject = subject.head.head
    if subject.dep_ == "appos" and subject.pos_ != "PROPN" and subject.head.pos_ == "PROPN":
        subject = subject.head
    return subject


class SpeakerResolver:
    """Turns the head word of a source into the words naming it and, where unambiguous, an actor.

    Mentions and sentences are indexed by offset once, so each look-up touches only its neighbourhood:
    the cost of resolving every quote's speaker stays linear in the length of the article.
    """

    def __init__(self, doc: Doc, mentions: list[Mention], actors: list[Actor]):
        self.doc = doc
        self.text = doc.text
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self.mentions]
        self._longest = max((m.end - m.start for m in self.mentions), default=0)
        self._by_start: dict[int, list[Mention]] = {}
        for m in self.mentions:
            self._by_start.setdefault(m.start, []).append(m)
        self.actor_by_id = {a.id: a for a in actors}
        self._subject_starts = {t.idx for t in doc if t.dep_ in ("nsubj", "nsubjpass")}
        self._sentences: list[Span] | None = None  # read when a pronoun first needs them
        self._sentence_starts: list[int] = []
        self._roles: dict[str, list[Mention]] | None = None  # role word -> mentions holding it, in text order
        self._orgs: list[Mention] | None = None

    def source(self, head: Token) -> Source:
        start, end = self.naming_span(head)
        text = self.text[start:end]
        document = (head.lemma_.lower() in SOURCE_NOUNS and start <= head.idx < end and self._mention_at(start, end) is None
                    and not _issued_by_generic_org(head))
        return Source(start, end, text, None if document else self.resolve(head, start, end), document)

    # --- the words naming the source -------------------------------------------------------------

    def naming_span(self, head: Token) -> tuple[int, int]:
        """The words that name a source: its name if it has one, else its noun with its modifiers."""
        inside = self._mention_at(head.idx, head.idx + len(head))
        if inside is not None and inside.kind != "group":  # a group's words run on to its nationality
            return inside.start, inside.end
        if head.pos_ == "PROPN":
            first = head
            while first.i > 0 and first.nbor(-1).pos_ == "PROPN" and first.nbor(-1).head in (head, first):
                first = first.nbor(-1)
            if first.i > 0 and first.nbor(-1).dep_ == "det" and first.nbor(-1).head == head:
                first = first.nbor(-1)  # "the senator" when the tagger took it for a name
            return first.idx, head.idx + len(head)
        if head.pos_ == "PRON":
            return head.idx, head.idx + len(head)
        phrase = _phrase_tokens(head)
        people = [m for m in self._mentions_in(phrase) if m.label in PERSON_LABELS]
        if people:
            return people[-1].start, people[-1].end
        if head.lemma_.lower() in SOURCE_NOUNS:
            issuer = _issuer(head)
            if issuer is not None:
                return self.naming_span(issuer)
            named = [m for m in self._mentions_in(phrase) if m.label != "NORP"]
            if named:
                return named[0].start, named[0].end
        left = min((c.i for c in head.lefts if c.dep_ in ("det", "compound", "amod", "nummod", "poss")), default=head.i)
        return self.doc[left].idx, head.idx + len(head)

    def _near(self, start: int, end: int) -> list[Mention]:
        """Mentions that may overlap [start, end): found by bisection, not by a scan of all mentions."""
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        return [m for m in self.mentions[lo:hi] if m.end > start]

    def _mention_at(self, start: int, end: int) -> Mention | None:
        return next((m for m in self._near(start, end) if m.start <= start and end <= m.end and m.label in NAMING_LABELS), None)

    def _mentions_in(self, tokens: list[Token]) -> list[Mention]:
        found = [m for t in sorted(tokens, key=lambda t: t.i) for m in self._by_start.get(t.idx, ())]
        return [m for m in found if m.label in NAMING_LABELS]

    # --- the actor behind the words ----------------------------------------------------------------

    def resolve(self, head: Token, start: int, end: int) -> str | None:
        named = self._actor_in(start, end)
        if named is not None:
            return named
        if head.lower_ in PERSONAL_PRONOUNS:
            return self._resolve_pronoun(head)
        if head.pos_ == "NOUN":
            return self._resolve_role(head)
        return None

    def _actor_in(self, start: int, end: int) -> str | None:
        best = None
        for m in self._near(start, end):
            overlap = min(end, m.end) - max(start, m.start)
            # a group ("Russian authorities") speaks as itself; a capital or nationality for its country
            actor = m.actor if m.kind == "group" else m.stands_for or m.actor
            if overlap > 0 and actor is not None and (best is None or overlap > best[0]):
                best = (overlap, actor)
        return best[1] if best else None

    def _resolve_pronoun(self, pronoun: Token) -> str | None:
        """The person named nearest before the pronoun; of several in that sentence, the subject."""
        if self._sentences is None:
            self._sentences = list(self.doc.sents)
            self._sentence_starts = [s.start for s in self._sentences]
        sentences = self._sentences
        here = bisect_right(self._sentence_starts, pronoun.i) - 1
        for sent in reversed(sentences[max(0, here - PRONOUN_LOOKBACK_SENTENCES + 1) : here + 1]):
            lo = bisect_left(self._starts, sent.start_char)
            hi = bisect_left(self._starts, min(sent.end_char, pronoun.idx))
            people = [m for m in self.mentions[lo:hi] if m.label in PERSON_LABELS and m.actor]
            distinct = list(dict.fromkeys(m.actor for m in people))
            if len(distinct) == 1:
                return distinct[0]
            if distinct:
                subjects = [m for m in people if m.start in self._subject_starts]
                return subjects[-1].actor if len({m.actor for m in subjects}) == 1 else None
        return None

    def _resolve_role(self, noun: Token) -> str | None:
        """"the diplomat" -> the latest actor holding that role; "the company" -> the organisation in focus."""
        word = noun.lemma_.lower()
        holders = self._role_index().get(word, [])
        for m in reversed(holders[: _bisect_start(holders, noun.idx)]):
            if m.end <= noun.idx:
                return m.actor
        if word in GENERIC_ORG_NOUNS:
            if self._orgs is None:
                self._orgs = [m for m in self.mentions if m.actor and m.label == "ORG"]
            k = _bisect_start(self._orgs, noun.idx)
            earlier = [m for m in self._orgs[:k] if m.end <= noun.idx]
            subjects = [m for m in earlier if m.start in self._subject_starts]
            chosen = subjects or earlier
            return chosen[-1].actor if chosen else None
        return None

    def _role_index(self) -> dict[str, list[Mention]]:
        """Every mention with an actor under each of its role words, built once for the article."""
        if self._roles is None:
            self._roles = {}
            for m in self.mentions:
                if m.actor:
                    for word in self._role_words(m):
                        self._roles.setdefault(word, []).append(m)
        return self._roles

    def _role_words(self, mention: Mention) -> set[str]:
        """Role nouns for a mention: those the entities step found, else the title words before the name."""
        actor = self.actor_by_id.get(mention.actor)
        words = set(mention.text.lower().split())  # "the Journal" stands for "The Wall Street Journal"
        found = " ".join(filter(None, [mention.role, *(actor.roles if actor else [])]))
        if found:
            return words | set(found.lower().split())
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return words
        for token in reversed(self.doc[max(span.sent.start, span.start - ROLE_WINDOW_TOKENS) : span.start]):
            if token.pos_ in ("VERB", "AUX") or (token.is_punct and token.text not in ("-", "'s")):
                break
            if token.pos_ in ("NOUN", "PROPN"):
                words.add(token.lemma_.lower())
        for token in span.root.children:
            if token.dep_ == "appos":
                words.add(token.lemma_.lower())
        return words


def _bisect_start(mentions: list[Mention], offset: int) -> int:
    """How many of `mentions` (in text order) start at or before `offset`."""
    lo, hi = 0, len(mentions)
    while lo < hi:
        mid = (lo + hi) // 2
        if mentions[mid].start <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _phrase_tokens(head: Token) -> list[Token]:
    """A noun's phrase without the clauses hanging off it (relative clauses, participles with subjects)."""
    skip = {t.i for c in head.children if c.dep_ in ("relcl", "advcl", "ccomp") for t in c.subtree}
    return [t for t in head.subtree if t.i not in skip]


def _issued_by_generic_org(noun: Token) -> bool:
    """"the company website", "the firm's statement": the organisation in focus speaks through it."""
    return any(c.dep_ in ("compound", "poss") and c.lemma_.lower() in GENERIC_ORG_NOUNS for c in noun.children)


def _issuer(noun: Token) -> Token | None:
    """"figures released by NPD" -> NPD; "a statement from Apple" -> Apple."""
    for child in noun.children:
        if child.dep_ == "acl":
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            if agent is not None:
                return next((c for c in agent.children if c.dep_ == "pobj"), None)
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ == "PROPN":
                return pobj
    return None

