"""Quantities in running text, read word by word: "around 20 percent", "$1.2bn", "between 5 and 6 million",
"one in five", "a fifth of", "twice as fast", "tens of thousands of", "11.6-inch".

Pure functions over a list of words (spaCy's token texts), so every rule is tested without a model.
Which quantities are claimed figures, and what they count, is decided in `figures` with the parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon


def _number(text: str) -> int | float:
    """A value as written in a word list: an integer, or a float where the rules compute in floats."""
    return float(text) if any(c in text for c in ".e") else int(text)


# Number words, fractions and currencies as data (presslens/data/en/number_words.tsv, fractions.tsv,
# currencies.tsv): one table per kind of word, keyed by the list's first column.
_NUMBER_WORDS: dict[str, dict[str, int | float]] = {}
for _kind, _word, _value in lexicon.rows("number_words"):
    _NUMBER_WORDS.setdefault(_kind, {})[_word] = _number(_value)

ONES = _NUMBER_WORDS["one"]
TENS = frozenset(word for word, value in ONES.items() if value >= 20)
SCALES = _NUMBER_WORDS["scale"]
# Words that multiply what comes before them: "two hundred", "three dozen", "5 million".
MULTIPLYING = {**_NUMBER_WORDS["multiplying"], **SCALES}
# Newsroom shorthand written after a number: "5.6m", "$1.2bn", "300k".
SHORT_SCALES = _NUMBER_WORDS["short"]
FRACTIONS = {word: 1 / int(denominator) for word, denominator in lexicon.rows("fractions")}
MULTIPLIERS = _NUMBER_WORDS["multiplier"]
# Plural number words give a lower bound: "dozens" is at least two dozen.
VAGUE = _NUMBER_WORDS["vague"]
PLURAL_SCALES = _NUMBER_WORDS["plural_scale"]

CURRENCY_PREFIXES = {spelling: code for how, spelling, code in lexicon.rows("currencies") if how == "prefix"}
CURRENCY_WORDS = {spelling: code for how, spelling, code in lexicon.rows("currencies") if how == "word"}
CENTS = {"cent", "cents"}
PERCENT_WORDS = {("%",): "percent", ("percent",): "percent", ("per", "cent"): "percent", ("pct",): "percent",
                 ("percentage", "point"): "percentage point", ("percentage", "points"): "percentage point"}

# canonical unit -> the ways news writes it (data/en/units.tsv: word sequences, lower case)
UNIT_SPELLINGS = lexicon.table("units")
UNITS = {tuple(s.split()): unit for unit, spellings in UNIT_SPELLINGS.items() for s in spellings.split("|")}
MAX_UNIT_WORDS = max(len(k) for k in UNITS)
TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"})

# Hedges before a number -> the contract's qualifier vocabulary.
QUALIFIERS = {
    "about": "approximately", "around": "approximately", "approximately": "approximately", "roughly": "approximately",
    "nearly": "approximately", "almost": "approximately", "some": "approximately", "circa": "approximately",
    "an estimated": "approximately", "close to": "approximately", "estimated": "approximately", "~": "approximately",
    "more than": "more than", "over": "more than", "above": "more than", "upwards of": "more than",
    "in excess of": "more than", "just over": "more than", "exceeding": "more than",
    "at least": "at least", "no fewer than": "at least", "no less than": "at least", "a minimum of": "at least",
    "starting at": "at least", "from as little as": "at least",
    "up to": "at most", "at most": "at most", "no more than": "at most", "a maximum of": "at most",
    "as many as": "at most", "as much as": "at most",
    "less than": "less than", "fewer than": "less than", "under": "less than", "below": "less than",
    "just under": "less than",
}
QUALIFIERS_AFTER = {"or more": "at least", "or so": "approximately", "plus": "at least", "or fewer": "at most", "or less": "at most"}
MAX_QUALIFIER_WORDS = 3

DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$")
SHORTHAND = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mn|mln|bn|b|tn)$", re.IGNORECASE)
SLASH_FRACTION = re.compile(r"^(\d+)/(\d+)$")
GLUED_UNIT = re.compile(r"^(\d+(?:\.\d+)?)([a-z°/]+)$", re.IGNORECASE)  # "3.5GHz", "120dB"
RANGE_WORDS = {"to", "-", "–", "—"}
STARTERS = frozenset({"a", "us", *ONES, *MULTIPLYING, *FRACTIONS, *MULTIPLIERS, *VAGUE, *CURRENCY_PREFIXES})
YEAR = re.compile(r"^(1\d|20)\d\d$")


@dataclass(frozen=True)
class Quantity:
    start: int  # first word of the quantity itself (after any hedge)
    end: int  # one past its last word
    value: float
    unit: str | None  # percent, USD, GB, times, ...; None for a bare count (its noun says what is counted)
    kind: str  # count | percent | money | measure | multiple
    qualifier: str | None = None
    qualifier_start: int | None = None  # first word of the hedge, when there is one
    high: float | None = None  # the top of a range


def find_quantities(words: list[str]) -> list[Quantity]:
    """Every quantity in a list of words, left to right, never overlapping."""
    lowered = [w.lower() for w in words]
    found, i = [], 0
    while i < len(words):
        quantity = _quantity_at(lowered, i) if _may_start(lowered[i]) else None
        if quantity is None:
            i += 1
            continue
        found.append(_with_qualifier(lowered, quantity))
        i = quantity.end
    return found


def number_value(words: list[str]) -> float | None:
    """The value of one written number: "3,800", "5.6", "1.2bn", "twenty - five", "two hundred thousand"."""
    words = [w.lower() for w in words if w not in ("-", "and")]
    if not words:
        return None
    if len(words) == 1:
        single = _digits(words[0])
        if single is not None:
            return single
    total, current, seen = 0.0, 0.0, False
    for word in words:
        digits = _digits(word)
        if digits is not None and not seen:
            current, seen = digits, True
        elif word in ONES:
            current += ONES[word]
            seen = True
        elif word in ("hundred", "dozen"):
            current = (current or 1) * MULTIPLYING[word]
            seen = True
        elif word in SCALES or word in SHORT_SCALES:
            total += (current or 1) * (SCALES.get(word) or SHORT_SCALES[word])
            current, seen = 0.0, True
        elif word == "a" and not seen:
            current = 1
        else:
            return None
    return total + current if seen else None


def _digits(word: str) -> float | None:
    match = DIGITS.match(word)
    if match:
        return float(word.replace(",", ""))
    match = SHORTHAND.match(word)
    if match:
        return float(match.group(1)) * SHORT_SCALES[match.group(2).lower()]
    match = SLASH_FRACTION.match(word)
    if match and int(match.group(2)):
        return int(match.group(1)) / int(match.group(2))
    return None


def _number_end(words: list[str], i: int) -> int:
    """One past the last word of the written number starting at i (i itself when none starts there)."""
    j = i
    if words[j] == "a" and j + 1 < len(words) and words[j + 1] in MULTIPLYING:
        j += 1  # "a million", "a dozen"
    start = j
    while j < len(words):
        word, previous = words[j], words[j - 1] if j > start else ""
        following = words[j + 1] if j + 1 < len(words) else ""
        if j == start and _digits(word) is not None:
            j += 1
        elif (word in ONES and not _digits(previous)) or word in MULTIPLYING:
            j += 1
        elif word in SHORT_SCALES and _digits(previous) is not None:
            return j + 1  # "5.6 m"
        elif word == "-" and previous in TENS and following in ONES:
            j += 1  # "twenty-five"
        elif word == "and" and previous == "hundred" and following in ONES:
            j += 1  # "two hundred and five"
        else:
            break
    return j if j > start else i


def _may_start(word: str) -> bool:
    """A cheap test that spares the readers most words: could a quantity begin here?"""
    return word[:1].isdigit() or word in STARTERS


def _quantity_at(words: list[str], i: int) -> Quantity | None:
    for reader in (_ratio, _fraction, _multiple, _vague, _amount):
        quantity = reader(words, i)
        if quantity is not None:
            return quantity
    return None


def _ratio(words, i):
    """"one in five", "1 in 10", "one out of every 200" -> a percentage."""
    end = _number_end(words, i)
    if end == i:
        return None
    j = end
    if words[j : j + 2] == ["out", "of"]:
        j += 2
    elif j < len(words) and words[j] == "in":
        j += 1
    else:
        return None
    if j < len(words) and words[j] == "every":
        j += 1
    denominator_end = _number_end(words, j)
    top, bottom = number_value(words[i:end]), number_value(words[j:denominator_end])
    if denominator_end == j or not top or not bottom or top > bottom:
        return None
    if words[end] == "in" and YEAR.match(words[j]):
        return None  # "1 in 2007" is a rank and a year

    return Quantity(i, denominator_end, 100 * top / bottom, "percent", "percent")


def _fraction(words, i):
    """"a fifth of", "one-third", "two thirds of", "half the price", "half of" -> a percentage."""
    j, numerator = i, 1.0
    if words[j] in ("a", "one"):
        j += 1
    elif words[j] in ONES:
        numerator, j = ONES[words[j]], j + 1
    if j > i and j < len(words) and words[j] == "-":
        j += 1
    if j >= len(words) or words[j] not in FRACTIONS:
        return None
    word = words[j]
    after = words[j + 1] if j + 1 < len(words) else ""
    if j == i and word not in ("half",):
        return None  # a bare "third" is an ordinal
    if after in ("a", "an") and j + 2 < len(words) and words[j + 2] in SCALES:
        return Quantity(i, j + 3, FRACTIONS[word] * SCALES[words[j + 2]], None, "count")  # "half a million"
    hyphenated = j > i and words[j - 1] == "-"
    if not hyphenated and after not in ("of", "the", "its", "their", "his", "her", "our", "that", "this"):
        return None
    return Quantity(i, j + 1, 100 * numerator * FRACTIONS[word], "percent", "percent")


def _multiple(words, i):
    """"twice as fast", "double the speed", "four times faster" -> a multiple."""
    after = words[i + 1] if i + 1 < len(words) else ""
    if words[i] in MULTIPLIERS and (after in ("as", "the", "that", "its", "their", "more") or after.endswith("er")):
        return Quantity(i, i + 1, float(MULTIPLIERS[words[i]]), "times", "multiple")
    end = _number_end(words, i)
    if end > i and end < len(words) and words[end] == "times":
        following = words[end + 1] if end + 1 < len(words) else ""
        if following in ("as", "the", "more", "less", "that", "over") or following.endswith("er"):
            return Quantity(i, end + 1, number_value(words[i:end]), "times", "multiple")
    return None


def _vague(words, i):
    """"dozens of", "tens of thousands of", "hundreds of millions of" -> a lower bound."""
    word = words[i]
    rest = words[i + 1 : i + 4]
    if word in ("tens", "hundreds") and len(rest) == 3 and rest[0] == "of" and rest[1] in PLURAL_SCALES and rest[2] == "of":
        return Quantity(i, i + 3, VAGUE[word] * PLURAL_SCALES[rest[1]], None, "count", "at least")
    if word in ("tens", "hundreds") and rest[:1] == ["of"] and rest[1:2] and rest[1] in PLURAL_SCALES:
        return Quantity(i, i + 3, VAGUE[word] * PLURAL_SCALES[rest[1]], None, "count", "at least")
    if word in VAGUE and rest[:1] == ["of"]:
        return Quantity(i, i + 1, VAGUE[word], None, "count", "at least")
    return None


def _amount(words, i):
    """[currency] number [scale] [range] [percent | currency word | unit]."""
    glued = GLUED_UNIT.match(words[i])
    if glued and (glued.group(2).lower(),) in UNITS:
        return Quantity(i, i + 1, float(glued.group(1)), UNITS[(glued.group(2).lower(),)], "measure")
    j, currency = i, None
    if words[j] == "us" and j + 1 < len(words) and words[j + 1] == "$":
        currency, j = "USD", j + 2
    elif words[j] in CURRENCY_PREFIXES and j + 1 < len(words) and _number_end(words, j + 1) > j + 1:
        currency, j = CURRENCY_PREFIXES[words[j]], j + 1
    end = _number_end(words, j)
    if end == j:
        return None
    value = number_value(words[j:end])
    if value is None:
        return None
    high, k = None, end
    between = i > 0 and words[i - 1] == "between"
    if k < len(words) and (words[k] in RANGE_WORDS or between and words[k] == "and"):
        m = k + 1
        if m < len(words) and currency and words[m] in CURRENCY_PREFIXES:
            m += 1
        top_end = _number_end(words, m)
        top = number_value(words[m:top_end]) if top_end > m else None
        if top is not None and top > value:
            high, k = top, top_end
            if value < 1000 <= top and words[top_end - 1] in {**SCALES, **SHORT_SCALES}:  # "5 to 6 million"
                value *= SCALES.get(words[top_end - 1]) or SHORT_SCALES[words[top_end - 1]]
    unit, kind, k = _unit_after(words, k, currency)
    if kind == "money" and words[k - 1] in CENTS:
        value, high = value / 100, high / 100 if high else None
    start = i - 1 if between and high is not None else i
    return Quantity(start, k, value, unit, kind, high=high)


def _unit_after(words: list[str], k: int, currency: str | None) -> tuple[str | None, str, int]:
    for size in range(MAX_UNIT_WORDS, 0, -1):
        key = tuple(words[k : k + size])
        if key in PERCENT_WORDS:
            return PERCENT_WORDS[key], "percent", k + size
    if k < len(words) and words[k] in CENTS:
        return "USD", "money", k + 1
    if k < len(words) and words[k] in CURRENCY_WORDS and not currency:
        return CURRENCY_WORDS[words[k]], "money", k + 1
    if currency:
        if k < len(words) and words[k] in CURRENCY_WORDS and CURRENCY_WORDS[words[k]] == currency:
            k += 1  # "$ 199 USD"
        return currency, "money", k
    hyphen = 1 if k < len(words) and words[k] == "-" else 0  # "11.6-inch"
    for size in range(MAX_UNIT_WORDS, 0, -1):
        key = tuple(words[k + hyphen : k + hyphen + size])
        if key in UNITS:
            return UNITS[key], "measure", k + hyphen + size
    if not hyphen and k + 1 < len(words) and words[k] == "in" and not words[k + 1][:1].isalnum():
        return "inch", "measure", k + 1  # "0.68 in (1.73 cm)"
    return None, "count", k


def _with_qualifier(words: list[str], q: Quantity) -> Quantity:
    qualifier, start = q.qualifier, None
    for size in range(MAX_QUALIFIER_WORDS, 0, -1):
        if q.start - size < 0:
            continue
        phrase = " ".join(words[q.start - size : q.start])
        if phrase in QUALIFIERS:
            qualifier, start = QUALIFIERS[phrase], q.start - size
            break
    for skip in (0, 1):  # "300 or more", "300 people or more"
        after = words[q.end + skip : q.end + skip + 2]
        for phrase in (" ".join(after), after[0] if after and not skip else ""):
            if qualifier is None and phrase in QUALIFIERS_AFTER:
                qualifier = QUALIFIERS_AFTER[phrase]
    return Quantity(q.start, q.end, q.value, q.unit, q.kind, qualifier, start, q.high)
