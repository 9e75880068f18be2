"""Token-level tests and span trimming shared by the entity rules.

A candidate entity is worked on as token indices [start, end) with a label; it becomes a spaCy Span
only at the end, once roles, recovered names and trimming have settled its boundaries.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .lexicon import bare, departments, titles

# Labels that are values, not actors: they become mentions with actor None.
VALUE_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL"})
# An ordinal ("the first such case", "the 3rd round") is a rank: neither a name nor a figure, so not a mention.
DROPPED_LABELS = frozenset({"ORDINAL"})
DETERMINERS = frozenset({"the", "a", "an"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’", "s'", "s’"})
# Symbols that are part of a value, not punctuation around it: "3%", "$5".
VALUE_SYMBOLS = frozenset({"%", "‰"})


@dataclass
class Candidate:
    start: int  # token indices, end exclusive
    end: int
    label: str
    cue: str | None = None  # the type a textual cue gave it; outweighs the model's label in voting
    role: tuple[int, int] | None = None  # token span of the role words before the name

    @property
    def is_value(self) -> bool:
        return self.label in VALUE_LABELS


def trim(doc: Doc, cand: Candidate) -> Candidate:
    """Drop edge punctuation, a possessive 's and (for names) a leading lowercase determiner; a sum of
    money takes back the currency sign the model often leaves out ("$" of "$5")."""
    start, end = cand.start, cand.end
    while start < end and (_edge_punct(doc[start]) or (not cand.is_value and is_determiner(doc[start]))):
        start += 1
    while end > start and (_edge_punct(doc[end - 1]) or is_possessive(doc[end - 1])):
        end -= 1
    if cand.label == "MONEY" and start > 0 and doc[start - 1].is_currency and not doc[start - 1].whitespace_:
        start -= 1
    cand.start, cand.end = start, end
    return cand


def is_determiner(tok: Token) -> bool:
    """A determiner, unless capitalised inside a sentence: "by The Wall Street Journal" keeps its "The"."""
    if tok.lower_ not in DETERMINERS:
        return False
    return tok.is_lower or tok.is_sent_start


def is_possessive(tok: Token) -> bool:
    return tok.tag_ == "POS" or tok.text in POSSESSIVES


def _edge_punct(tok: Token) -> bool:
    return (tok.is_punct and tok.text not in VALUE_SYMBOLS and not tok.is_currency) or tok.is_space


def is_capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper()


def is_title_word(tok: Token) -> bool:
    """A capitalised title word: "President", "Gen.", "CEO"."""
    return is_capitalised(tok) and bare(tok.text) in titles()


def is_department(tok: Token) -> bool:
    return is_capitalised(tok) and bare(tok.text) in departments()


def in_value(tok: Token) -> bool:
    return tok.ent_type_ in VALUE_LABELS


def sentence_start(doc: Doc, i: int) -> int:
    return doc[i].sent.start if doc.has_annotation("SENT_START") else 0
