"""The words of English time expressions, and the regular-expression pieces built from them.

Patterns are matched case-insensitively (so "Last week," and "last week" are one rule) except where a
word is also a common verb or name: "May", "March" and the month abbreviations must be capitalised.
"""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}

SMALL_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a dozen": 12,
    "dozen": 12, "a couple of": 2, "a couple": 2, "couple of": 2, "half a": 0.5, "a half": 0.5,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# Words that count without saying how many: "several years" is PXY.
VAGUE_NUMBERS = ("a few", "few", "several", "some", "many", "a number of", "numerous")
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21, "twenty first": 21,
}
DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8,
    "nineties": 9,
}

# Unit word -> (unit for calendar arithmetic, ISO 8601 duration letter, how many of that letter, time?)
UNITS = {
    "second": (None, "S", 1, True), "minute": (None, "M", 1, True), "hour": (None, "H", 1, True),
    "day": ("day", "D", 1, False), "night": ("day", "D", 1, False), "week": ("week", "W", 1, False),
    "weekend": ("weekend", "WE", 1, False), "fortnight": (None, "W", 2, False),
    "month": ("month", "M", 1, False), "quarter": ("quarter", "M", 3, False),
    "year": ("year", "Y", 1, False), "decade": ("decade", "Y", 10, False), "century": ("century", "Y", 100, False),
}
PLURAL_UNITS = {"centuries": "century"}


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
