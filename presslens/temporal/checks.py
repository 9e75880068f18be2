"""Checks against the parse: where the words a rule matched are not a time here.

"2000 people" is a count, "May I" a verb, "a weekly magazine" an adjective, "a second payment" an
ordinal, "$5 a day" a price. A rule names its check (`@rule(..., check=checks.year_in_context)`); the
tagger drops a match whose check says False.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .lexicon import (
    CLOCK_PREPOSITIONS,
    DAY_PARTS,
    ERA_WORDS,
    MONTHS,
    UNITS,
    WEEKDAYS,
    YEAR_PREPOSITIONS,
    ZONES,
)

CURRENCY = {"$", "£", "€", "¥", "us$", "usd", "eur", "gbp"}
AMOUNT_WORDS = {"million", "billion", "trillion", "thousand", "hundred", "times", "once", "twice"}
# spaCy labels the parse gives names that are not months ("June Carter") or that hide a year.
NAME_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC"}


def year_in_context(span: Span) -> bool:
    """A year, not a price ("$2015"), a count ("2000 people"), a level ("stood at 2015"), a phone number or
    a time of day ("until 2000 on Sunday")."""
    year = next((t for t in reversed(span) if t.like_num), span[-1])
    before = span.doc[span.start - 1] if span.start > 0 else None
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if before is not None and (before.lower_ in CURRENCY or before.lower_ == "at"):
        return False
    if after is not None and after.like_num:  # "1800 333 000": a number in groups, not a year
        return False
    if len(span) == 1 and four_digit_clock(span):  # "until 2000 on Sunday": a time of day
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


# ------------------------------------------------------------ years far from the publication date

FOUR_DIGITS = re.compile(r"\d{4}")
DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"}
RANGE_WORDS = {"and", "or", "to", "-", "–", "through"}


def why_a_far_year(span: Span) -> str | None:
    """What says a bare four-digit number far from the publication date is a year; None when nothing does.

    A number on its own is as likely a time of day, a price, a count or a model name; the further it
    lies from the publication date the more it needs the words around it to make it a year.
    """
    year = next((t for t in reversed(span) if t.like_num), span[-1])
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if span[0].i != year.i:
        return f"'{span[:year.i - span.start].text}' says it is a year"
    if before is not None and before.lower_ in YEAR_PREPOSITIONS:
        return f"'{before.text}' before it names a time"
    if (after is not None and after.text in ERA_WORDS) or (before is not None and before.text in ERA_WORDS):
        return f"the era word '{(after if after is not None and after.text in ERA_WORDS else before).text}'"
    if before is not None and before.lower_ in RANGE_WORDS and before.i > 0 and is_year_number(doc[before.i - 1]):
        return f"it follows the year {doc[before.i - 1].text} in a list or range"
    if after is not None and after.lower_ in RANGE_WORDS and after.i + 1 < len(doc) and is_year_number(doc[after.i + 1]):
        return f"it comes before the year {doc[after.i + 1].text} in a list or range"
    if (before is not None and before.lower_ in DETERMINERS and after is not None
            and after.tag_ in ("JJ", "NN", "NNP") and after.lower_ not in UNITS):
        return f"it stands before a noun as its date ('{before.text} {year.text} {after.text}')"
    return None


def is_year_number(token: Token) -> bool:
    return bool(FOUR_DIGITS.fullmatch(token.text)) and 1000 <= int(token.text) <= 2999


# ------------------------------------------------------------ the 24-hour clock without a colon

DAY_WORDS = {"today", "tonight", "tomorrow", "yesterday", *WEEKDAYS, *(m for m in MONTHS if len(m) > 3)}
ANAPHORIC_DAYS = {"next", "following", "same", "previous"}
PAIRING = {"and", "to", "until", "till", "-", "–"}
JOINING = {"and", "to", "-", "–"}


def four_digit_clock(span: Span) -> bool:
    """'1750 GMT', 'at 0930', 'at 2130 on September 15', 'between 1400 and 1800': a time of day.

    With a zone it is one. Bare, it needs a clock preposition before it ("at", "from", "until"...) and one
    more sign: a leading zero, a value no news year takes (1130, 2245), a day named right after it, or
    a clock time beside it ("between 1400 and 1800"); never a unit, a count or a percentage after it.
    """
    number = span[0]
    if len(span) > 1:
        return span[-1].text in ZONES or span[-1].lower_ == "time"
    doc = span.doc
    before = doc[number.i - 1] if number.i > 0 else None
    if before is None or before.lower_ not in CLOCK_PREPOSITIONS or not _free_after(number):
        return False
    other = doc[before.i - 1] if before.i > 0 else None
    if before.lower_ in PAIRING and other is not None and _is_hhmm(other) and _clock_alone(other):
        return True
    if before.lower_ in JOINING:  # "1998 and 2000": only a clock time beside it makes it one
        return False
    if _clock_alone(number):
        return True
    after = doc[number.i + 1] if number.i + 1 < len(doc) else None
    partner = doc[number.i + 2] if number.i + 2 < len(doc) else None
    return after is not None and after.lower_ in PAIRING and partner is not None and _is_hhmm(partner) and (
        _clock_alone(partner) or _zone_after(partner))


def _is_hhmm(token: Token) -> bool:
    text = token.text
    return len(text) == 4 and text.isdigit() and int(text[:2]) < 24 and int(text[2:]) < 60


def _clock_alone(token: Token) -> bool:
    """A four-digit clock time by itself: a leading zero, no year's value, a zone or a day just after it."""
    if not _is_hhmm(token):
        return False
    return token.text[0] == "0" or not 1500 <= int(token.text) <= 2099 or _zone_after(token) or _day_after(token)


def _zone_after(token: Token) -> bool:
    doc = token.doc
    return token.i + 1 < len(doc) and (doc[token.i + 1].text in ZONES or doc[token.i + 1:token.i + 3].text.lower() == "local time")


def _day_after(token: Token) -> bool:
    """'2000 on Sunday', '1130 the next morning', '0700 tomorrow': a day follows the clock time."""
    words = [t.lower_ for t in token.doc[token.i + 1:token.i + 4]]
    if not words:
        return False
    if words[0] in DAY_WORDS:
        return True
    if words[0] == "on" and len(words) > 1 and (words[1] in DAY_WORDS or words[1].isdigit()):
        return True
    return len(words) > 2 and words[0] in ("the", "that", "this") and (
        (words[1] in ANAPHORIC_DAYS and words[2] in {"day", *DAY_PARTS}) or words[1] in DAY_PARTS)


def _free_after(token: Token) -> bool:
    """Nothing after the number makes it a count, a level or a price ("at 1750 points", "at 1200 feet")."""
    doc = token.doc
    if token.i + 1 >= len(doc):
        return True
    after = doc[token.i + 1]
    if after.lower_ in DAY_WORDS or after.text in ZONES:
        return True
    return not (after.like_num or after.tag_ in ("NN", "NNS", "NNPS") or after.lower_ in ("%", "percent", "per"))
