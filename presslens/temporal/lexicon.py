"""The words of English time expressions, and the regular-expression pieces built from them.

Patterns are matched case-insensitively (so "Last week," and "last week" are one rule) except where a
word is also a common verb or name: "May", "March" and the month abbreviations must be capitalised.
"""

from __future__ import annotations

import re

from .. import lexicon
from ..numbers import ONES
from ..numbers import TENS as TENS_WORDS


def _numbers(name: str) -> dict[str, int | float]:
    """A word list's rows as word -> number (an int where it is whole)."""
    out: dict[str, int | float] = {}
    for row in lexicon.rows(name):
        value = float(row[1])
        out[row[0]] = int(value) if value == int(value) else value
    return out


MONTHS = _numbers("time_months")
WEEKDAYS = _numbers("time_weekdays")
SEASON_CODES = lexicon.table("time_seasons")
DAY_PARTS = lexicon.table("time_day_parts")

# The number words are presslens/numbers.py's; time expressions add their own counting words ("a week").
SMALL_NUMBERS = {
    **{word: n for word, n in ONES.items() if 1 <= n < 20},
    **_numbers("time_counts"),
}
TENS = {word: ONES[word] for word in sorted(TENS_WORDS, key=ONES.get)}
# Words that count without saying how many: "several years" is PXY.
VAGUE_NUMBERS = lexicon.lines("time_vague_counts")
ORDINALS = _numbers("time_ordinals")
DECADE_WORDS = _numbers("time_decade_words")

# Unit word -> (unit for calendar arithmetic, ISO 8601 duration letter, how many of that letter, time?)
UNITS = {
    word: (None if cal == "-" else cal, letter, int(count), is_time == "1")
    for word, cal, letter, count, is_time in lexicon.rows("time_units")
}
PLURAL_UNITS = {"centuries": "century"}
# What stands beside a four-digit number to say it is a year, or a time of day (temporal/checks.py).
YEAR_PREPOSITIONS = lexicon.words("time_year_prepositions")
ERA_WORDS = lexicon.words("time_era_words")
CLOCK_PREPOSITIONS = lexicon.words("time_clock_prepositions")
ZONES = lexicon.lines("time_zones")


def _alternation(words) -> str:
    """Longest first, so 'sept' wins over 'sep'; spaces match any run of whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in ("june", "july")]
# A month named on its own: full names, with "May" and "March" only when capitalised.
MONTH_NAME = (
    r"(?:" + _alternation(m for m in _FULL_MONTHS if m not in ("may", "march")) + r"|(?-i:May|March|MAY|MARCH))"
)
# A month before or after a day number may also be an abbreviation: "Aug. 1", "1 Aug 2018".
MONTH = (
    MONTH_NAME[:-1] + r"|(?-i:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?))"
)
WEEKDAY = r"(?:" + _alternation(WEEKDAYS) + r")"
DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
SEASON = r"(?:" + _alternation(SEASON_CODES) + r")"
DAY_PART = r"(?:morning|afternoon|evening|night)"
# A time zone after a clock time, as written (capitals), or "local time".
ZONE = r"(?:(?-i:" + _alternation(ZONES) + r")|local\s+time)"
_NUMBER_WORDS = [*SMALL_NUMBERS, *TENS]
NUMBER = (
    r"(?:\d+(?:\.\d+)?|(?:" + _alternation(TENS) + r")(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
    + _alternation(w for w in _NUMBER_WORDS if w not in TENS) + "|" + _alternation(VAGUE_NUMBERS) + ")"
)
UNIT = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|century|centuries)"
ORDINAL = r"(?:" + _alternation(ORDINALS) + r"|\d+(?:st|nd|rd|th))"
# Modifiers kept inside a duration's extent (TimeML's mod): "more than a year", "nearly six months".
APPROX = (
    r"(?:(?:about|around|roughly|approximately|nearly|almost|more\s+than|less\s+than|fewer\s+than|"
    r"at\s+least|at\s+most|up\s+to|some|just\s+over|just\s+under|well\s+over)\s+)"
)
# "early 2009", "mid-June", "late last year", "the end of the month"
PART_OF = (
    r"(?:(?:early|mid|late|the\s+(?:end|beginning|start|middle)\s+of(?:\s+the)?)"
    r"(?:\s*-\s*|\s+))"
)


def number(text: str) -> float | None:
    """'two' -> 2, '30' -> 30, 'twenty-five' -> 25, 'a' -> 1; None for vague counts ('several')."""
    word = " ".join(text.lower().split())
    if word in VAGUE_NUMBERS:
        return None
    if word in SMALL_NUMBERS:
        return SMALL_NUMBERS[word]
    tens, _, ones = word.replace("-", " ").partition(" ")
    if tens in TENS:
        return TENS[tens] + (SMALL_NUMBERS.get(ones, 0) if ones else 0)
    try:
        return float(word)
    except ValueError:
        return None


def unit_of(word: str) -> str:
    """'weeks' -> 'week', 'centuries' -> 'century'."""
    word = word.lower()
    return PLURAL_UNITS.get(word, word[:-1] if word.endswith("s") and word[:-1] in UNITS else word)


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def ordinal(word: str) -> int | None:
    word = " ".join(word.lower().replace("-", " ").split())
    if word in ORDINALS:
        return ORDINALS[word]
    digits = word.rstrip("stndrh")
    return int(digits) if digits.isdigit() else None


def day_number(word: str) -> int:
    return int(word.lower().rstrip("stndrh"))
