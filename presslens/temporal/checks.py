"""Checks against the parse: where the words a rule matched are not a time here.

"2000 people" is a count, "May I" a verb, "a weekly magazine" an adjective, "a second payment" an
ordinal, "$5 a day" a price. A rule names its check (`@rule(..., check=checks.year_in_context)`); the
tagger drops a match whose check says False.
"""

from __future__ import annotations

from spacy.tokens import Span

from .lexicon import UNITS

CURRENCY = {"$", "£", "€", "¥", "us$", "usd", "eur", "gbp"}
AMOUNT_WORDS = {"million", "billion", "trillion", "thousand", "hundred", "times", "once", "twice"}
# spaCy labels the parse gives names that are not months ("June Carter") or that hide a year.
NAME_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC"}


def year_in_context(span: Span) -> bool:
    year = next((t for t in reversed(span) if t.like_num), span[-1])
    before = span.doc[span.start - 1] if span.start > 0 else None
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if before is not None and before.lower_ in CURRENCY:
        return False
    if after is not None and (after.tag_ in ("NNS", "NNPS") or after.lower_ in ("%", "percent")):
        return False
    return year.ent_type_ not in ("MONEY", "CARDINAL", "QUANTITY") or year.ent_type_ == ""


def month_not_verb_or_name(span: Span) -> bool:
    name = span[-1]
    if name.pos_ in ("VERB", "AUX") or name.tag_ == "MD":
        return False
    return name.ent_type_ not in NAME_LABELS


def adverb_not_adjective(span: Span) -> bool:
    # "weekly" as an adverb ("meets weekly") is a set; "a weekly magazine" is not a time.
    word = span[0]
    return word.dep_ not in ("amod", "compound") and not (word.head.pos_ in ("NOUN", "PROPN") and word.head.i > word.i)


def length_not_ordinal_or_price(span: Span) -> bool:
    # "a second payment" is an ordinal; "$5 a day" is a rate, not a length of time.
    unit = next((t for t in reversed(span) if t.lower_.rstrip("s") in UNITS or t.lower_ == "centuries"), span[-1])
    if unit.pos_ != "NOUN" and unit.lower_ in ("second", "seconds"):
        return False
    if span[0].lower_ not in ("a", "an") or span.start == 0:
        return True
    before = span.doc[span.start - 1]
    return not (before.like_num or before.lower_ in AMOUNT_WORDS or before.tag_ == "NNS")


def rate_not_duration(span: Span) -> bool:
    if span[0].lower_ != "a":
        return True
    return not length_not_ordinal_or_price(span)
