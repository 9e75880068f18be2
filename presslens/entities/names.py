"""Proper names the model split or missed, recovered from the part-of-speech tags.

A run of proper nouns ("Free Syrian Army", "Royal Courts of Justice") whose head word says what kind of
name it is (Army, Ministry, Council -> ORG; Airport, Bridge -> FAC; River, Sea -> LOC) becomes one entity
of that type, absorbing the pieces the model found inside it ("Syrian" as NORP in "Free Syrian Army"). Without such a head word
there is no evidence of a type, and the model's entities stand.

A name that opens with a lowercase-prefixed brand word ("iPhone", "iTunes Music Store", "eReader") is a
product: English spells product brands that way. The exception is a brand that speaks or acts as a
company does ("eBay said", "eBay acquired ..."): the model's reading stands there.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from .lexicon import bare, name_heads
from .spans import Candidate, in_value, is_title_word

PROPER_TAGS = frozenset({"NNP", "NNPS"})
# Lowercase words allowed inside a name between proper nouns: "Bank of England", "Ministry for Culture".
NAME_JOINERS = frozenset({"of", "for", "and", "&", "de", "du", "la", "-"})


# Verbs whose subject is a company rather than a product: "eBay said", "eBay bought".
COMPANY_VERBS = frozenset({
    "say", "tell", "announce", "report", "state", "add", "claim", "confirm", "deny", "sue", "acquire", "buy",
    "hire", "fire", "agree", "plan", "expect", "warn",
})
PRODUCT = "PRODUCT"
UNAMBIGUOUS_CUES = frozenset({PRODUCT, "EVENT"})


def recover_names(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Candidates with each headed proper-name run merged into one, typed by its head word.

    Runs are disjoint and candidates do not overlap, so each run is decided on its own against the
    candidates it touches, found by bisecting their sorted ends and starts (linear in the text)."""
    cands = sorted(cands, key=lambda c: c.start)
    starts = [c.start for c in cands]
    ends = [c.end for c in cands]
    dropped: set[int] = set()
    added = []
    for start, end in _proper_runs(doc):
        label = PRODUCT if _is_brand(doc[start]) else _head_type(doc[start:end])
        if label is None:
            continue
        lo, hi = bisect.bisect_right(ends, start), bisect.bisect_left(starts, end)
        inside = [c for c in cands[lo:hi] if c.start < end and c.end > start]
        if any(c.start < start or c.end > end or (c.label == "PERSON" and label != PRODUCT) for c in inside):
            continue  # the run cuts through an entity, or is a person's name: leave the model's reading
        if len(inside) == 1 and (inside[0].start, inside[0].end) == (start, end) and not _overrules(label, inside[0]):
            continue  # the model typed the whole name itself
        dropped.update(id(c) for c in inside)
        added.append(Candidate(start, end, label, cue=label))
    return sorted([c for c in cands if id(c) not in dropped] + added, key=lambda c: c.start)


def _overrules(cue: str, cand: Candidate) -> bool:
    """Whether a head word beats the model's label on the same span: product and event heads are
    unambiguous, and a headed name is never a nationality; "Center" or "Bank" also name organisations."""
    return cue in UNAMBIGUOUS_CUES or cand.label == "NORP"


def brand_products(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Single brand words ("iPod") typed PRODUCT, whether or not the model found them."""
    covered = {i for c in cands for i in range(c.start, c.end)}
    for c in cands:
        if c.end - c.start == 1 and _is_brand(doc[c.start]):
            c.cue = PRODUCT
    extra = [Candidate(t.i, t.i + 1, PRODUCT, cue=PRODUCT) for t in doc if t.i not in covered and _is_brand(t)]
    return sorted(cands + extra, key=lambda c: c.start)


def _is_brand(tok: Token) -> bool:
    """ "iPhone", "eReader": a lowercase first letter, then a capital, and not a company at work."""
    text = tok.text
    if not (len(text) > 2 and text[0].islower() and text[1].isupper() and text.isalnum()) or in_value(tok):
        return False
    return not (tok.dep_ == "nsubj" and tok.head.lemma_ in COMPANY_VERBS)


def _proper_runs(doc: Doc):
    """(start, end) of maximal runs of two or more proper nouns, joiners allowed between them."""
    i, n = 0, len(doc)
    while i < n:
        if not _proper(doc[i]):
            i += 1
            continue
        end = i + 1
        while end < n:
            if _proper(doc[end]):
                end += 1
            elif doc[end].lower_ in NAME_JOINERS and end + 1 < n and _proper(doc[end + 1]):
                end += 2
            else:
                break
        if end - i >= 2:
            yield i, end
        i = end


def _proper(tok: Token) -> bool:
    return (
        (tok.tag_ in PROPER_TAGS and tok.text[:1].isupper() and not is_title_word(tok)) or _is_brand(tok)
    ) and not in_value(tok)


def _head_type(run) -> str | None:
    """The type the run's head word gives it: the last word, or the word before "of" ("Bank of England")."""
    head = next((t for t in run if t.lower_ in ("of", "for")), None)
    word = run[head.i - run.start - 1] if head is not None else run[-1]
    return name_heads().get(bare(word.text))


def plural_people(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """A person's name takes no article: "the Beatles" read as PERSON is a group, an organisation.

    The plural tag alone is not enough: surnames such as "Jobs" or "Adams" are tagged plural too.
    """
    for c in cands:
        if c.label == "PERSON" and doc[c.end - 1].tag_ == "NNPS" and c.start > 0 and doc[c.start - 1].lower_ == "the":
            c.cue = "ORG"
    return cands


def split_at_dashes(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """A dash with spaces around it is punctuation between two names ("Paris — Renault"), never inside one.

    Only true dashes: a spaced hyphen may be a tokeniser's rendering of "Wal-Mart" (as in PTB-style text).
    """
    out = []
    for c in cands:
        start = c.start
        for i in range(c.start, c.end):
            if _spaced_dash(doc, i):
                out.append(Candidate(start, i, c.label, c.cue))
                start = i + 1
        out.append(Candidate(start, c.end, c.label, c.cue) if start != c.start else c)
    return [c for c in out if c.end > c.start]


def _spaced_dash(doc: Doc, i: int) -> bool:
    tok = doc[i]
    return tok.text in ("–", "—", "--") and bool(tok.whitespace_) and i > 0 and bool(doc[i - 1].whitespace_)


def missed_surnames(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """A person's surname the model left untagged later on ("May told reporters" after "Theresa May")."""
    surnames = {doc[c.end - 1].text for c in cands if (c.cue or c.label) == "PERSON" and c.end - c.start > 1}
    covered = {i for c in cands for i in range(c.start, c.end)}
    extra = [
        Candidate(t.i, t.i + 1, "PERSON")
        for t in doc
        if t.i not in covered and t.text in surnames and t.tag_ in PROPER_TAGS and not in_value(t)
    ]
    return sorted(cands + extra, key=lambda c: c.start)
