"""The rules: one pattern per family of English time expressions, and the function that resolves a match.

A rule's function gets the match and a `Context` (publication date, the tense of the governing verb,
the last time the text anchored) and returns a `Reading`: TimeML type and value, interval, granularity,
what it was anchored to and why, in words. Without a publication date, expressions that lean on it keep
underspecified values (XXXX-WXX, XXXX-06, ...) and no interval: nothing is invented.

Rules are tried all at once; where matches overlap the longest wins, and on equal length the rule
defined first.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from .calendar import (
    DAY, SEASON_NAMES, Period, add_months, describe, fmt_day, fmt_range, period, season,
)
from .lexicon import (
    APPROX, DAY_NUMBER, DAY_PART, DAY_PARTS, DECADE_WORDS, MONTH, MONTH_NAME, MONTHS, NUMBER, ORDINAL,
    PART_OF, SEASON, SEASON_CODES, UNIT, UNITS, WEEKDAY, WEEKDAYS, YEAR, day_number, month_number,
    number, ordinal, unit_of,
)

# How far a vague part of a period reaches: "early 2009" is its first third, "mid-June" the middle
# third, "late last year" and "the end of the month" the last third. TimeML keeps these as a mod on
# the period's own value; the interval is narrowed so a timeline can draw it.
PART_SHARE = 3
# A year without its century ("9/1/18", "the '90s") is read in the hundred years that start this many
# years before publication (news looks back more than forward); with no publication date, in 1950-2049.
TWO_DIGIT_YEARS_BACK = 80
TWO_DIGIT_DEFAULT_START = 1950
GRANULARITY_ORDER = ("day", "weekend", "week", "month", "quarter", "season", "half", "year", "decade", "century")
UNPLACED = {
    "day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
    "quarter": "XXXX-QX", "half": "XXXX-HX", "season": "XXXX-XX", "year": "XXXX", "decade": "XXX", "century": "XX",
}
UNKNOWN_PUBLICATION = "publication date unknown, so it is not placed on the calendar"
WEEKDAY_NAMES = {n: w.capitalize() for w, n in WEEKDAYS.items()}
MONTH_NAMES = {n: w.capitalize() for w, n in MONTHS.items() if len(w) > 4 or w in ("may", "june", "july")}


@dataclass(frozen=True)
class Anchor:
    """A time the text has placed: what later relative expressions are counted from."""

    period: Period
    id: str | None  # the time's id; None for the publication date itself
    text: str

    @property
    def name(self) -> str:
        return "publication" if self.id is None else self.id

    def words(self) -> str:
        what = "publication" if self.id is None else f"{self.id} '{self.text}'"
        return f"{describe(self.period)} ({what})"


@dataclass(frozen=True)
class Context:
    published: dt.date | None = None
    tense: str | None = None  # past | present | future | None (no verb governs the expression)
    previous: Anchor | None = None  # the last time the text anchored, for "two days later"
    day: Anchor | None = None  # the day a bare time of day belongs to

    @property
    def publication(self) -> Anchor | None:
        if self.published is None:
            return None
        return Anchor(period("day", self.published), None, "")

    def base(self) -> Anchor | None:
        """What an anaphoric expression counts from: the last anchored time, else the publication."""
        return self.previous or self.publication


@dataclass(frozen=True)
class Reading:
    type: str  # DATE | TIME | DURATION | SET
    value: str
    granularity: str | None
    interval: list[str] | None
    anchor: str | None  # "publication", a time id, or None
    because: str  # the explanation, to follow "'<text>' = "
    period: Period | None = None  # set when the reading placed the time on the calendar

    @property
    def placed(self) -> bool:
        return self.period is not None


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    resolve: Callable[[re.Match, Context], Reading | None]
    needs: str | None  # a check on the parse: see tagger.KEEP


RULES: list[Rule] = []


def rule(pattern: str, *, flags: int = re.IGNORECASE, needs: str | None = None):
    """Register a resolver for a pattern. A group named `t` narrows the extent (context outside it)."""

    def register(fn):
        # Expressions start at the start of a word: saying so first spares trying every rule mid-word.
        RULES.append(Rule(fn.__name__, re.compile(r"(?<!\w)" + pattern, flags), fn, needs))
        return fn

    return register


# ---------------------------------------------------------------- building readings


def placed(p: Period | None, because: str, *, anchor: Anchor | None = None, type: str = "DATE",
           value: str | None = None, part: str | None = None) -> Reading:
    """A reading on the calendar: the period's value and days, narrowed by a part ("early", "late")."""
    if p is None:
        return unplaced("XXXX-XX-XX", "beyond the calendar's range (years 1 to 9999)")
    first, last, note = p.first, p.last, ""
    if part:
        first, last = part_of(p, part)
        note = f", its {part_word(part)} part ({fmt_range(first, last, weekdays=p.unit in ('day', 'week'))})"
    return Reading(
        type, value or p.value, p.unit, [first.isoformat(), last.isoformat()],
        anchor.name if anchor else None, f"{because}: {describe(p)}{note}", p,
    )


def unplaced(value: str, because: str, *, type: str = "DATE", granularity: str | None = None,
             anchor: Anchor | None = None) -> Reading:
    return Reading(type, value, granularity, None, anchor.name if anchor else None, because)


def needs_publication(unit: str, what: str, *, value: str | None = None, type: str = "DATE") -> Reading:
    return unplaced(value or UNPLACED[unit], f"{what}; {UNKNOWN_PUBLICATION}", type=type, granularity=unit)


def part_word(part: str) -> str:
    word = " ".join(part.lower().replace("-", " ").split())
    for key, name in (("early", "early"), ("begin", "early"), ("start", "early"), ("mid", "middle"), ("late", "late"),
                      ("end", "late")):
        if key in word:
            return name
    return "middle"


# The pieces a period's thirds are counted in: "late 2018" is September to December, "the early 1990s"
# 1990-1992, "mid-June" the 11th to the 20th.
PART_PIECES = {"year": "month", "half": "month", "quarter": "month", "season": "month", "decade": "year",
               "century": "decade"}


def part_of(p: Period, part: str) -> tuple[dt.date, dt.date]:
    """The early, middle or late third of a period, in whole months, years or decades where it has them."""
    piece = PART_PIECES.get(p.unit, "day")
    starts = []
    cursor = p.first
    while cursor <= p.last:
        starts.append(cursor)
        cursor = cursor + DAY if piece == "day" else add_months(cursor, {"month": 1, "year": 12, "decade": 120}[piece])
    n = len(starts)
    share = max(round(n / PART_SHARE), 1)
    lo, hi = {"early": (0, share), "late": (n - share, n)}.get(part_word(part), (share, max(n - share, share + 1)))
    last = starts[hi] - DAY if hi < n else p.last
    return starts[lo], last


def tense_words(tense: str | None) -> str:
    return {"past": "the verb being in the past tense", "future": "the verb looking ahead"}.get(
        tense or "", "the tense not deciding"
    )


def choose_year(build: Callable[[int], Period | None], ctx: Context, *, what: str, rel: str | None = None):
    """Place a yearless date (a month, a day of a month, a season...) by tense or by 'last'/'next'.

    Returns (period, why) or (None, why) when it cannot be placed.
    """
    pub = ctx.published
    years = range(max(pub.year - 2, 1), min(pub.year + 2, 9999) + 1)
    candidates = [p for p in (build(y) for y in years) if p is not None]
    if not candidates:
        return None, f"{what} does not exist in the years around publication"
    when = f"publication ({fmt_day(pub)})"
    if rel in ("last", "past", "previous"):
        before = [p for p in candidates if p.last < pub]
        return (before[-1] if before else None), f"the last {what} before {when}"
    if rel in ("next", "coming"):
        after = [p for p in candidates if p.first > pub]
        return (after[0] if after else None), f"the next {what} after {when}"
    current = [p for p in candidates if p.first <= pub <= p.last]
    if current:
        return current[0], f"the {what} of {when}"
    if rel == "this":
        same = [p for p in candidates if p.first.year == pub.year]
        return (same[0] if same else None), f"the {what} of the year of {when}"
    if ctx.tense == "past":
        before = [p for p in candidates if p.first <= pub]
        return (before[-1] if before else None), f"the last {what} before {when}, {tense_words('past')}"
    if ctx.tense == "future":
        after = [p for p in candidates if p.last >= pub]
        return (after[0] if after else None), f"the next {what} after {when}, {tense_words('future')}"
    nearest = min(candidates, key=lambda p: min(abs((p.first - pub).days), abs((p.last - pub).days)))
    return nearest, f"the {what} nearest to {when}, {tense_words(ctx.tense)}"


def yearless(build, ctx: Context, *, what: str, unit: str, value: str, rel: str | None = None,
             part: str | None = None) -> Reading:
    if ctx.published is None:
        return needs_publication(unit, f"{what} of a year the text does not give", value=value)
    p, why = choose_year(build, ctx, what=what, rel=rel)
    if p is None:
        return unplaced(value, why, granularity=unit)
    return placed(p, why, anchor=ctx.publication, part=part)


def day_of(year: int, month: int, day: int) -> Period | None:
    try:
        return period("day", dt.date(year, month, day))
    except ValueError:
        return None


def impossible(month: int, day: int, year: int | None = None) -> Reading:
    where = f"{MONTH_NAMES[month]} {year}" if year else MONTH_NAMES[month]
    return unplaced("XXXX-XX-XX", f"not a real date ({where} has no day {day}); not placed on the calendar",
                    granularity="day")


def full_year(two_digits: int, ctx: Context) -> int:
    start = ctx.published.year - TWO_DIGIT_YEARS_BACK if ctx.published else TWO_DIGIT_DEFAULT_START
    return start + (two_digits - start) % 100


def explicit_date(year: int, month: int, day: int) -> Reading:
    p = day_of(year, month, day)
    if p is None:
        return impossible(month, day, year)
    return placed(p, "a date given in full")


# ---------------------------------------------------------------- explicit dates


@rule(rf"\b(?:(?P<wd>{WEEKDAY})\s*,?\s+)?(?P<mon>{MONTH})\s*(?P<day>{DAY_NUMBER})\b(?:\s*,\s*|\s+)(?P<year>{YEAR})\b")
def month_day_year(m, ctx):
    return explicit_date(int(m["year"]), month_number(m["mon"]), day_number(m["day"]))


@rule(rf"\b(?:(?P<wd>{WEEKDAY})\s*,?\s+)?(?:the\s+)?(?P<day>{DAY_NUMBER})(?:\s+of)?\s+(?P<mon>{MONTH})\s*,?\s+(?P<year>{YEAR})\b")
def day_month_year(m, ctx):
    return explicit_date(int(m["year"]), month_number(m["mon"]), day_number(m["day"]))


@rule(r"\b(?P<year>\d{4})-(?P<mon>\d\d)-(?P<day>\d\d)\b")
def iso_date(m, ctx):
    month, day = int(m["mon"]), int(m["day"])
    if not 1 <= month <= 12:
        return None
    return explicit_date(int(m["year"]), month, day)


@rule(r"(?<![\d/])\b(?P<mon>1[0-2]|0?[1-9])/(?P<day>[12]\d|3[01]|0?[1-9])/(?P<year>\d{4}|\d\d)\b(?!/)")
def numeric_date(m, ctx):
    # Month first, the American order most English-language news uses.
    year = int(m["year"]) if len(m["year"]) == 4 else full_year(int(m["year"]), ctx)
    return explicit_date(year, int(m["mon"]), int(m["day"]))


def month_day_reading(month: int, day: int, ctx: Context) -> Reading:
    what = f"{MONTH_NAMES[month]} {day}"
    if day_of(2000, month, day) is None:  # 2000 was a leap year: only days no year has fail
        return impossible(month, day)
    return yearless(lambda y: day_of(y, month, day), ctx, what=what, unit="day", value=f"XXXX-{month:02d}-{day:02d}")


@rule(rf"\b(?:(?P<wd>{WEEKDAY})\s*,?\s+)?(?P<mon>{MONTH})\s+(?P<day>{DAY_NUMBER})\b(?!\s*(?:,\s*)?\d)(?!\s*%)")
def month_day(m, ctx):
    return month_day_reading(month_number(m["mon"]), day_number(m["day"]), ctx)


@rule(rf"\b(?P<day>{DAY_NUMBER})(?:\s+of)?\s+(?P<mon>{MONTH})\b(?!\s*,?\s*\d)")
def day_month(m, ctx):
    return month_day_reading(month_number(m["mon"]), day_number(m["day"]), ctx)


@rule(rf"(?:(?P<part>{PART_OF}))?\b(?P<mon>{MONTH})(?:\s+of)?\s*,?\s+(?P<year>{YEAR})\b")
def month_year(m, ctx):
    return placed(period("month", dt.date(int(m["year"]), month_number(m["mon"]), 1)), "a month given with its year",
                  part=m["part"])


@rule(rf"(?:(?P<part>{PART_OF}))?\b(?P<mon>{MONTH_NAME})\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b")
def month_of_relative_year(m, ctx):
    month = month_number(m["mon"])
    if ctx.published is None:
        return needs_publication("month", f"{MONTH_NAMES[month]} of the year relative to publication",
                                 value=f"XXXX-{month:02d}")
    year = ctx.published.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    return placed(period("month", dt.date(year, month, 1)), f"{MONTH_NAMES[month]} of {m['rel'].lower()} year "
                  f"counted from publication ({fmt_day(ctx.published)})", anchor=ctx.publication, part=m["part"])


@rule(rf"(?:(?P<part>{PART_OF}))?(?:\bthe\s+year\s+)?(?:(?P<fiscal>fiscal(?:\s+year)?|FY)\s*)?(?<![\d$£€])\b(?P<year>{YEAR})\b(?![.,]\d)(?!\s*(?:%|per\s*cent|percent))",
      needs="year")
def year(m, ctx):
    why = "a year" + (" (a fiscal year, taken as the calendar year it names)" if m["fiscal"] else "")
    return placed(period("year", dt.date(int(m["year"]), 1, 1)), why, part=m["part"])


@rule(r"(?:the\s+)?(?:(?P<part>early|mid|late)(?:\s*-\s*|\s+))?\b(?P<decade>1[5-9]\d0|20\d0)\s*['’]?s\b")
def decade(m, ctx):
    return placed(period("decade", dt.date(int(m["decade"]), 1, 1)), "a decade", part=m["part"])


@rule(r"(?:the\s+)?(?:(?P<part>early|mid|late)(?:\s*-\s*|\s+))?['’](?P<short>\d)0s\b")
def short_decade(m, ctx):
    start = full_year(int(m["short"]) * 10, ctx)
    return placed(period("decade", dt.date(start, 1, 1)), "a decade named by two digits", part=m["part"])


@rule(rf"\bthe\s+(?:(?P<part>early|mid|late)(?:\s*-\s*|\s+))?(?P<word>{'|'.join(DECADE_WORDS)})\b")
def decade_in_words(m, ctx):
    # "the nineties": the twentieth century's, as English uses these words.
    year = 1900 + DECADE_WORDS[m["word"].lower()] * 10
    return placed(period("decade", dt.date(year, 1, 1)), "a decade in words, of the 1900s", part=m["part"])


@rule(rf"(?:the\s+)?(?:(?P<part>early|mid|late)(?:\s*-\s*|\s+))?\b(?P<ord>{ORDINAL})(?:\s*-\s*|\s+)century\b")
def century(m, ctx):
    n = ordinal(m["ord"])
    if not n or n > 99:
        return None
    return placed(period("century", dt.date(max((n - 1) * 100, 1), 1, 1)),
                  f"the {m['ord'].lower()} century (TimeML names it by its first two digits)", part=m["part"])


# ---------------------------------------------------------------- seasons, quarters, halves


def season_code(word: str) -> str:
    return SEASON_CODES[word.lower()]


@rule(rf"(?:\bthe\s+)?(?:(?P<part>early|mid|late)(?:\s*-\s*|\s+))?\b(?P<season>{SEASON})(?:\s+of)?\s*,?\s+(?P<year>{YEAR})\b")
def season_of_year(m, ctx):
    code = season_code(m["season"])
    return placed(season(int(m["year"]), code), "a season given with its year (meteorological seasons; "
                  "a winter is named by the year of its December)", part=m["part"])


def season_reading(word: str, ctx: Context, *, rel: str | None, part: str | None = None) -> Reading:
    code = season_code(word)
    name = SEASON_NAMES[code]
    return yearless(lambda y: season(y, code), ctx, what=name, unit="season", value=f"XXXX-{code}", rel=rel,
                    part=part)


@rule(rf"\b(?P<rel>last|this|next|past|coming)\s+(?P<season>{SEASON})\b")
def season_relative(m, ctx):
    return season_reading(m["season"], ctx, rel=m["rel"].lower())


@rule(r"\b(?:in|during|over|since|until|through|by|before|after|throughout|for)\s+"
      r"(?P<t>(?:the\s+)?(?:(?P<part>early|late)\s+)?(?P<season>spring|summer|autumn|winter|fall))\b(?!\s+of\b)")
def season_alone(m, ctx):
    return season_reading(m["season"], ctx, rel=None, part=m["part"])


QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
            "final": 4, "last": 4}


def quarter_reading(q: int, year: int | None, rel: str | None, ctx: Context, *, unit: str = "quarter") -> Reading:
    months = 3 if unit == "quarter" else 6
    build = lambda y: period(unit, dt.date(y, (q - 1) * months + 1, 1))  # noqa: E731
    code = "Q" if unit == "quarter" else "H"
    what = f"{code}{q}"
    if year is not None:
        return placed(build(year), f"{what} of a year the text gives")
    if rel:
        if ctx.published is None:
            return needs_publication(unit, f"{what} of {rel} year", value=f"XXXX-{code}{q}")
        shift = {"last": -1, "this": 0, "next": 1}[rel]
        return placed(build(ctx.published.year + shift), f"{what} of {rel} year counted from publication "
                      f"({fmt_day(ctx.published)})", anchor=ctx.publication)
    return yearless(build, ctx, what=what, unit=unit, value=f"XXXX-{code}{q}")


@rule(rf"\b(?:the\s+)?(?P<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th)(?:\s*-\s*|\s+)"
      rf"(?:fiscal\s+|financial\s+|calendar\s+)?quarter(?:\s+(?:of\s+)?(?:(?:fiscal\s+)?(?P<year>{YEAR})\b|"
      rf"(?P<rel>this|last|next)\s+year\b|the\s+year\b))?")
def quarter(m, ctx):
    word = m["q"].lower()
    if word in ("last", "final") and not (m["year"] or m["rel"]) and "year" not in m[0].lower():
        return None  # "the last quarter" is the one before publication: the relative rule's
    return quarter_reading(QUARTERS[word], int(m["year"]) if m["year"] else None,
                           m["rel"].lower() if m["rel"] else None, ctx)


@rule(rf"\bQ(?P<q>[1-4])(?:\s*-?\s*(?:FY\s*)?(?P<year>{YEAR}))?\b", flags=0)
def quarter_code(m, ctx):
    return quarter_reading(int(m["q"]), int(m["year"]) if m["year"] else None, None, ctx)


@rule(rf"\b(?:the\s+)?(?P<h>first|second|latter|1st|2nd)\s+half\s+of\s+(?:(?P<year>{YEAR})\b|(?P<rel>this|last|next)\s+year\b|the\s+year\b)")
def half_year(m, ctx):
    h = 1 if m["h"].lower() in ("first", "1st") else 2
    return quarter_reading(h, int(m["year"]) if m["year"] else None, m["rel"].lower() if m["rel"] else None, ctx,
                           unit="half")


# ---------------------------------------------------------------- relative to the publication date

SHIFTS = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "present": 0, "next": 1,
          "coming": 1, "upcoming": 1}
SHIFT_WORDS = {-1: "the calendar {unit} before", 0: "the calendar {unit} of", 1: "the calendar {unit} after"}


def relative_unit(unit: str, shift: int, ctx: Context, *, part: str | None = None, value: str | None = None) -> Reading:
    what = SHIFT_WORDS[shift].format(unit=unit)
    if ctx.published is None:
        return needs_publication(unit, f"{what} publication")
    return placed(period(unit, ctx.published, shift=shift), f"{what} publication ({fmt_day(ctx.published)})",
                  anchor=ctx.publication, part=part, value=value)


@rule(rf"(?:(?P<part>{PART_OF}))?(?:\bthe\s+(?=(?:last|past)\s+(?:fiscal\s+|financial\s+)?quarter))?"
      rf"\b(?P<rel>last|this|next|past|coming|previous|current|upcoming)\s+"
      rf"(?:fiscal\s+|financial\s+)?(?P<unit>week|weekend|month|year|quarter|decade|century)\b")
def relative(m, ctx):
    return relative_unit(m["unit"].lower(), SHIFTS[m["rel"].lower()], ctx, part=m["part"])


@rule(rf"(?:(?P<part>{PART_OF}))?\bthe\s+(?P<rel>current|present|coming|upcoming)\s+(?:fiscal\s+|financial\s+)?"
      rf"(?P<unit>week|weekend|month|year|quarter|decade|century)\b")
def the_current(m, ctx):
    return relative_unit(m["unit"].lower(), SHIFTS[m["rel"].lower()], ctx, part=m["part"])


@rule(r"\b(?P<part>the\s+(?:end|beginning|start|middle)\s+of)\s+(?:the|this)\s+(?P<unit>week|month|year|quarter|decade|century)\b(?!\s+(?:of|before|after)\b)")
def end_of_the_unit(m, ctx):
    return relative_unit(m["unit"].lower(), 0, ctx, part=m["part"])


@rule(r"\b(?P<side>earlier|later|the\s+rest\s+of)\s+(?:this|in\s+the|the)\s+(?P<unit>week|month|year)\b(?!\s+(?:of|before|after)\b)")
def earlier_this(m, ctx):
    unit = m["unit"].lower()
    side = "earlier" if m["side"].lower() == "earlier" else "later"
    what = f"{'before' if side == 'earlier' else 'after'} publication but within its calendar {unit}"
    if ctx.published is None:
        return needs_publication(unit, what)
    p = period(unit, ctx.published)
    pub = ctx.published
    first, last = (p.first, max(p.first, pub - DAY)) if side == "earlier" else (min(p.last, pub + DAY), p.last)
    return Reading("DATE", p.value, unit, [first.isoformat(), last.isoformat()], "publication",
                   f"{what} ({fmt_day(pub)}): {fmt_range(first, last)}", p)


@rule(rf"\b(?:(?P<side>earlier|later)\s+)?(?:the\s+day\s+(?P<far>before\s+yesterday|after\s+tomorrow)|"
      rf"(?P<word>today|tonight|yesterday|tomorrow)(?:\s+(?P<part>{DAY_PART}))?|(?P<this>this|last)\s+(?P<part2>{DAY_PART}))\b")
def deictic_day(m, ctx):
    word = (m["word"] or "").lower()
    if m["far"]:
        shift = -2 if m["far"].lower().startswith("before") else 2
        name = f"two days {'before' if shift < 0 else 'after'} publication"
    elif m["this"]:
        shift = -1 if m["this"].lower() == "last" else 0
        part_name = m["part2"].lower()
        name = f"the {part_name} before publication" if shift else f"the {part_name} of the day of publication"
    else:
        shift = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        name = {-1: "the day before publication", 0: "the day of publication", 1: "the day after publication"}[shift]
    part = m["part"] or m["part2"] or ("night" if word == "tonight" else None)
    if ctx.published is None:
        return needs_publication("day", name, value="XXXX-XX-XX" + (f"T{DAY_PARTS[part.lower()]}" if part else ""))
    p = period("day", ctx.published, shift=shift)
    value = f"{p.value}T{DAY_PARTS[part.lower()]}" if part else None
    return placed(p, f"{name} ({fmt_day(ctx.published)})" if shift else name, anchor=ctx.publication, value=value,
                  type="TIME" if part else "DATE")


# ---------------------------------------------------------------- weekdays and months by tense


def weekday_reading(wd: int, ctx: Context, *, rel: str | None, part: str | None) -> Reading:
    name = WEEKDAY_NAMES[wd]
    suffix = f"T{DAY_PARTS[part.lower()]}" if part else ""
    if ctx.published is None:
        return needs_publication("day", f"a {name} placed by the publication date", value=f"XXXX-WXX-{wd + 1}{suffix}")
    pub = ctx.published
    back, ahead = (pub.weekday() - wd) % 7, (wd - pub.weekday()) % 7
    when = f"publication ({fmt_day(pub)})"
    if rel in ("last", "past"):
        day, why = pub - DAY * (back or 7), f"the {name} before {when}"
    elif rel in ("next", "coming"):
        day, why = pub + DAY * (ahead or 7), f"the {name} after {when}"
    elif rel == "this":
        day, why = pub - DAY * pub.weekday() + DAY * wd, f"the {name} of the calendar week of {when}"
    elif wd == pub.weekday():
        day, why = pub, f"the day of publication, itself a {name}"
    elif ctx.tense == "past":
        day, why = pub - DAY * back, f"the {name} before {when}, {tense_words('past')}"
    elif ctx.tense == "future":
        day, why = pub + DAY * ahead, f"the {name} after {when}, {tense_words('future')}"
    else:
        day = pub - DAY * back if back <= ahead else pub + DAY * ahead
        why = f"the {name} nearest to {when}, {tense_words(ctx.tense)}"
    return placed(period("day", day), why, anchor=ctx.publication, type="TIME" if part else "DATE",
                  value=f"{day.isoformat()}{suffix}" if part else None)


@rule(rf"\b(?:(?P<rel>last|this|next|coming|past)\s+)?(?P<wd>{WEEKDAY})(?:\s+(?P<part>{DAY_PART}))?\b")
def weekday(m, ctx):
    return weekday_reading(WEEKDAYS[m["wd"].lower()], ctx, rel=m["rel"] and m["rel"].lower(), part=m["part"])


@rule(rf"\b(?P<wd>{WEEKDAY})\s+(?:of\s+)?(?P<rel>last|this|next)\s+week\b")
def weekday_of_week(m, ctx):
    wd, rel = WEEKDAYS[m["wd"].lower()], m["rel"].lower()
    if ctx.published is None:
        return needs_publication("day", f"a {WEEKDAY_NAMES[wd]} of {rel} week", value=f"XXXX-WXX-{wd + 1}")
    week = period("week", ctx.published, shift=SHIFTS[rel])
    return placed(period("day", week.first + DAY * wd), f"the {WEEKDAY_NAMES[wd]} of {rel} week, counted from "
                  f"publication ({fmt_day(ctx.published)})", anchor=ctx.publication)


@rule(r"\b(?:over|during|on|at|for|until|by|before|after|since)\s+(?P<t>the\s+weekend)\b")
def the_weekend(m, ctx):
    if ctx.published is None:
        return needs_publication("weekend", "the weekend nearest publication in the verb's direction")
    pub = ctx.published
    this = period("weekend", pub)
    looking_back = ctx.tense == "past" or (ctx.tense != "future" and pub.weekday() <= 2)
    if looking_back and pub < this.first:
        return placed(this.shift(-1), f"the weekend before publication ({fmt_day(pub)}), {tense_words(ctx.tense)}",
                      anchor=ctx.publication)
    return placed(this, f"the weekend of the calendar week of publication ({fmt_day(pub)})", anchor=ctx.publication)


@rule(rf"(?:(?P<part>early|mid|late)(?:\s*-\s*|\s+))?\b(?:(?P<rel>last|this|next|coming|past)\s+)?(?P<mon>{MONTH_NAME})\b",
      needs="month")
def month_alone(m, ctx):
    month = month_number(m["mon"])
    return yearless(lambda y: period("month", dt.date(y, month, 1)), ctx, what=MONTH_NAMES[month], unit="month",
                    value=f"XXXX-{month:02d}", rel=m["rel"] and m["rel"].lower(), part=m["part"])


HOLIDAYS = {
    "christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25), "boxing day": (12, 26),
    "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14), "halloween": (10, 31),
}


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    n = (h + l - 7 * ((a + 11 * h + 22 * l) // 451) + 114)
    return dt.date(year, n // 31, n % 31 + 1)


def holiday_day(name: str, year: int) -> Period | None:
    if name in HOLIDAYS:
        return day_of(year, *HOLIDAYS[name])
    if name.startswith("easter"):
        return period("day", easter(year))
    # Thanksgiving (United States): the fourth Thursday of November.
    first = dt.date(year, 11, 1)
    return period("day", first + DAY * ((3 - first.weekday()) % 7 + 21))


@rule(rf"\b(?:(?P<rel>last|this|next)\s+)?(?P<name>christmas\s+day|christmas\s+eve|christmas|boxing\s+day|"
      rf"new\s+year\s*['’]s\s+day|new\s+year\s*['’]s\s+eve|valentine\s*['’]s\s+day|halloween|"
      rf"thanksgiving(?:\s+day)?|easter(?:\s+sunday)?)(?:\s*,?\s+(?P<year>{YEAR})\b)?")
def holiday(m, ctx):
    name = re.sub(r"\s*['’]s", "'s", " ".join(m["name"].lower().split()))
    name = "thanksgiving" if name.startswith("thanksgiving") else name
    title = " ".join(w.capitalize() for w in name.split())
    if m["year"]:
        return placed(holiday_day(name, int(m["year"])), f"{title} of a year the text gives")
    return yearless(lambda y: holiday_day(name, y), ctx, what=title, unit="day", value="XXXX-XX-XX",
                    rel=m["rel"] and m["rel"].lower())


# ---------------------------------------------------------------- vague references


@rule(r"(?<!\bas\s)(?<!\bjust\s)\b(?:right\s+now|now|currently|nowadays|at\s+present|at\s+the\s+moment|"
      r"these\s+days|(?:for\s+)?(?P<t>the\s+time\s+being))\b(?!\s+that\b)")
def present_ref(m, ctx):
    if ctx.published is None:
        return unplaced("PRESENT_REF", f"the time of writing; {UNKNOWN_PUBLICATION}")
    return placed(period("day", ctx.published), "the time of writing, taken as the publication date",
                  anchor=ctx.publication, value="PRESENT_REF")


@rule(r"\b(?:recently|lately|in\s+(?P<t>the\s+past)|(?:in\s+)?(?P<t2>recent\s+(?:days|weeks|months|years|times)))\b")
def past_ref(m, ctx):
    return unplaced("PAST_REF", "some time before publication, the text does not say when")


@rule(r"\b(?:(?<!\bas\s)soon\b(?!\s+as\b)|in\s+(?P<t>the\s+(?:near\s+|distant\s+|foreseeable\s+)?future)|"
      r"(?:in\s+|over\s+)?(?P<t2>the\s+coming\s+(?:days|weeks|months|years)|the\s+(?:days|weeks|months|years)\s+ahead)|"
      r"(?P<t3>a\s+later\s+(?:date|time|stage)))\b")
def future_ref(m, ctx):
    return unplaced("FUTURE_REF", "some time after publication, the text does not say when")


# ---------------------------------------------------------------- counted from the publication or the last time


def unit_shift(word: str) -> tuple[str | None, int]:
    """'weeks' -> ('week', 1); 'fortnight' -> ('week', 2); time units have no calendar unit."""
    unit = unit_of(word)
    return ("week", 2) if unit == "fortnight" else (UNITS[unit][0], 1)


def how_many(n_text: str, unit_word: str) -> str:
    """'two weeks', 'a week', 'one century'."""
    unit = unit_of(unit_word)
    plural = "centuries" if unit == "century" else unit + "s"
    return f"{' '.join(n_text.lower().split())} {unit if number(n_text) == 1 else plural}"


def counted(n_text: str, unit_word: str, sign: int, base: Anchor | None, *, what: str, vague: str) -> Reading:
    """n units before (sign -1) or after (+1) the base, at the unit's granularity."""
    n = number(n_text)
    cal, per = unit_shift(unit_word)
    if n is None or cal is None or n != int(n):
        return unplaced(vague, f"{what}; how far is not said exactly enough to place it")
    if base is None:
        return needs_publication(cal, what)
    if GRANULARITY_ORDER.index(base.period.unit) > GRANULARITY_ORDER.index(cal):
        return unplaced(UNPLACED[cal], f"{what}, but {base.words()} is too coarse to count {cal}s from",
                        granularity=cal, anchor=base)
    return placed(period(cal, base.period.first, shift=sign * int(n) * per), f"{what} {base.words()}", anchor=base)


@rule(rf"(?:{APPROX})?\b(?P<n>{NUMBER})\s+(?P<unit>{UNIT})\s+ago\b")
def ago(m, ctx):
    unit = unit_of(m["unit"])
    if UNITS[unit][3]:  # hours and minutes ago: the publication day
        if ctx.published is None:
            return needs_publication("day", "hours before publication")
        return placed(period("day", ctx.published), "hours before publication, on its day", anchor=ctx.publication)
    return counted(m["n"], m["unit"], -1, ctx.publication, what=f"{how_many(m['n'], unit)} before", vague="PAST_REF")


@rule(rf"(?:{APPROX})?\b(?P<n>{NUMBER})\s+(?P<unit>{UNIT})\s+from\s+(?:now|today)\b")
def from_now(m, ctx):
    return counted(m["n"], m["unit"], 1, ctx.publication, what=f"{how_many(m['n'], m['unit'])} after",
                   vague="FUTURE_REF")


@rule(rf"\bin\s+(?P<t>(?:{APPROX})?(?P<n>{NUMBER})\s+(?P<unit>{UNIT})(?:['’]?\s+time)?)\b(?!\s+(?:ago|later|earlier|before|after|from)\b)",
      needs="duration")
def in_units(m, ctx):
    """'will open in two weeks' is a date ahead; 'sold a million in two weeks' is a length of time."""
    if ctx.tense == "future":
        return counted(m["n"], m["unit"], 1, ctx.publication, what=f"{how_many(m['n'], m['unit'])} after",
                       vague="FUTURE_REF")
    return length(number(m["n"]), unit_of(m["unit"]))


@rule(rf"(?:{APPROX})?\b(?P<n>{NUMBER})\s+(?P<unit>{UNIT})\s+(?P<dir>later|earlier|afterwards?|previously|"
      rf"after(?=\s*[,.;:)]|\s*$)|before(?=\s*[,.;:)]|\s*$))")
def counted_from_last(m, ctx):
    sign = -1 if m["dir"].lower() in ("earlier", "before", "previously") else 1
    return counted(m["n"], m["unit"], sign, ctx.base(), what=f"{how_many(m['n'], m['unit'])} {'before' if sign < 0 else 'after'}",
                   vague="PAST_REF" if sign < 0 else "FUTURE_REF")


ANAPHORIC_SHIFT = {"next": 1, "following": 1, "subsequent": 1, "previous": -1, "preceding": -1, "prior": -1,
                   "same": 0, "that": 0}


def from_last(unit: str, shift: int, ctx: Context, *, part: str | None = None, what: str) -> Reading:
    base = ctx.base()
    if base is None:
        return needs_publication(unit, what)
    if GRANULARITY_ORDER.index(base.period.unit) > GRANULARITY_ORDER.index(unit):
        return unplaced(UNPLACED[unit], f"{what} {base.words()}, too coarse to give the {unit}", granularity=unit,
                        anchor=base)
    p = period(unit, base.period.first, shift=shift)
    suffix = f"T{DAY_PARTS[part]}" if part else ""
    return placed(p, f"{what} {base.words()}", anchor=base, value=(p.value + suffix) if p and part else None,
                  type="TIME" if part else "DATE")


@rule(r"\b(?:the\s+(?P<rel>next|following|subsequent|previous|preceding|prior|same)|(?P<that>that))\s+"
      r"(?P<unit>day|morning|afternoon|evening|night|week|weekend|month|year|quarter|decade)\b")
def the_following(m, ctx):
    rel = (m["rel"] or m["that"]).lower()
    unit = m["unit"].lower()
    part = DAY_PARTS.get(unit) and unit
    shift = ANAPHORIC_SHIFT[rel]
    what = {1: f"the {unit} after", -1: f"the {unit} before", 0: f"the same {unit} as"}[shift]
    return from_last("day" if part else unit, shift, ctx, part=part, what=what)


@rule(r"\b(?P<side>earlier|later)\s+(?:that|in\s+the)\s+(?P<unit>day|morning|afternoon|evening|night)\b"
      r"|\b(?P<side2>earlier|later)\s+that\s+(?P<unit2>week|month|year)\b")
def later_that(m, ctx):
    unit = (m["unit"] or m["unit2"]).lower()
    part = DAY_PARTS.get(unit) and unit
    side = (m["side"] or m["side2"]).lower()
    return from_last("day" if part else unit, 0, ctx, part=part, what=f"{side} in the same {unit} as")


@rule(r"\bthe\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after)(?=\s*[,.;:)]|\s*$)")
def the_day_before(m, ctx):
    unit, sign = m["unit"].lower(), 1 if m["dir"].lower() == "after" else -1
    return from_last(unit, sign, ctx, what=f"the {unit} {m['dir'].lower()}")


# ---------------------------------------------------------------- durations


def duration_value(n: float | None, unit: str) -> str:
    _, letter, per, is_time = UNITS[unit]
    amount = "X" if n is None else _number_text(n * per)
    return f"P{'T' if is_time else ''}{amount}{letter}"


DURATION_LETTERS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "S": "second", "WE": "weekend"}


def duration_words(value: str) -> str:
    """P2D -> '2 days', PT30M -> '30 minutes', PXY -> 'some years'."""
    match = re.fullmatch(r"P(T?)([\dX.]+)([A-Z]+)", value)
    if not match:
        return value
    is_time, amount, letter = match.groups()
    unit = "minute" if is_time and letter == "M" else DURATION_LETTERS.get(letter, letter)
    if amount == "X":
        return f"some {unit}s"
    return f"{amount} {unit}{'' if amount == '1' else 's'}"


def _number_text(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration_span(n: float | None, unit: str, sign: int, ctx: Context) -> list[str] | None:
    """The days a duration counted back (or on) from publication covers: 'the past two weeks'."""
    cal, per = unit_shift(unit)
    if n is None or ctx.published is None or n != int(n) or cal is None:
        return None
    pub = ctx.published
    count = int(n) * per
    try:
        if cal in ("day", "week", "weekend"):
            other = pub + DAY * (sign * count * (7 if cal != "day" else 1))
        else:
            other = add_months(pub, sign * count * {"month": 1, "quarter": 3, "year": 12, "decade": 120,
                                                    "century": 1200}[cal])
    except (OverflowError, ValueError):
        return None
    # N units ending on (or starting from) the publication day, both ends counted.
    first, last = (other + DAY, pub) if sign < 0 else (pub, other - DAY)
    return [first.isoformat(), last.isoformat()]


@rule(rf"\bthe\s+(?P<rel>past|last|next|coming|previous|first|final|following|preceding)\s+"
      rf"(?:(?P<n>{NUMBER})\s+)?(?P<unit>{UNIT})\b(?!\s+(?:of|before|after)\b)")
def the_past_units(m, ctx):
    unit = unit_of(m["unit"])
    rel = m["rel"].lower()
    plural = m["unit"].lower() != unit
    if m["n"] is None and not plural and (rel not in ("past", "last") or unit == "quarter"):
        return None  # "the next day" is a date, the anaphoric rule's; "the last quarter" the one before this
    n = number(m["n"]) if m["n"] else (None if plural else 1)
    value = duration_value(n, unit)
    if rel in ("past", "last", "next", "coming"):
        sign = -1 if rel in ("past", "last") else 1
        interval = duration_span(n, unit, sign, ctx)
        side = "up to" if sign < 0 else "from"
        why = f"a stretch of {duration_words(value)} {side} publication"
        if interval:
            return Reading("DURATION", value, None, interval, "publication",
                           f"{why} ({fmt_day(ctx.published)}): {fmt_range(*map(dt.date.fromisoformat, interval))}")
        return unplaced(value, why + ("" if ctx.published else f"; {UNKNOWN_PUBLICATION}"), type="DURATION")
    return unplaced(value, f"a stretch of {duration_words(value)}, counted from a time the text names", type="DURATION")


def length(n: float | None, unit: str) -> Reading:
    value = duration_value(n, unit)
    return unplaced(value, f"a length of time ({duration_words(value)}), not a date", type="DURATION")


@rule(rf"(?:{APPROX})?\b(?P<n>{NUMBER})(?:\s*-\s*|\s+)(?P<unit>{UNIT})(?:(?:\s*-\s*|\s+)(?P<adj>long|old))?\b",
      needs="duration")
def duration(m, ctx):
    return length(number(m["n"]), unit_of(m["unit"]))


@rule(r"\b(?:for|over|in|within|after)\s+(?P<t>(?P<unit>minutes|hours|days|weeks|months|years|decades|centuries))\b"
      r"|\b(?P<t2>(?P<unit2>days|weeks|months|years|decades)(?:\s*-\s*|\s+)long)\b")
def vague_duration(m, ctx):
    unit = unit_of(m["unit"] or m["unit2"])
    return unplaced(duration_value(None, "year" if unit == "decade" else unit),
                    f"a length of time of some {unit}s, not a date", type="DURATION")


@rule(r"\b(?:half\s+an\s+hour|a\s+half\s+hour|half\s+a\s+(?P<unit>day|week|month|year|century|decade))\b")
def half_unit(m, ctx):
    unit = m["unit"].lower() if m["unit"] else "hour"
    value = duration_value(0.5, unit) if unit != "hour" else "PT30M"
    if unit == "year":
        value = "P6M"
    return unplaced(value, f"a length of time ({duration_words(value)}), not a date", type="DURATION")


# ---------------------------------------------------------------- sets (recurring times)

SET_WORDS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
             "annually": "P1Y", "quarterly": "P3M", "hourly": "PT1H", "fortnightly": "P2W", "biweekly": "P2W",
             "biannually": "P6M", "semiannually": "P6M"}


@rule(rf"\b(?P<word>{'|'.join(SET_WORDS)})\b", needs="adverb")
def set_adverb(m, ctx):
    value = SET_WORDS[m["word"].lower()]
    return unplaced(value, f"a recurring time, every {duration_words(value).removeprefix('1 ')}", type="SET")


@rule(rf"\b(?:every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<n>{NUMBER})\s+)?(?:(?P<unit>{UNIT})|(?P<wd>{WEEKDAY})|(?P<part>{DAY_PART}))\b")
def every(m, ctx):
    if m["wd"]:
        value = f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()] + 1}"
    elif m["part"]:
        value = f"XXXX-XX-XXT{DAY_PARTS[m['part'].lower()]}"
    else:
        n = (number(m["n"]) if m["n"] else 1) or 1
        value = duration_value(n * (2 if m["other"] else 1), unit_of(m["unit"]))
    return unplaced(value, f"a recurring time: {m[0].lower()}", type="SET")


@rule(rf"\b(?:once|twice|(?:{NUMBER})\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit>{UNIT})\b"
      rf"|\b(?:per|a)\s+(?P<unit2>day|week|month|year|hour|decade)\b(?!\s*-)", needs="rate")
def rate(m, ctx):
    unit = unit_of(m["unit"] or m["unit2"])
    value = duration_value(1, unit)
    return unplaced(value, f"a recurring time, every {duration_words(value).removeprefix('1 ')}", type="SET")


@rule(rf"\b(?P<wd>{WEEKDAY})s\b")
def weekdays_plural(m, ctx):
    wd = WEEKDAYS[m["wd"].lower()]
    return unplaced(f"XXXX-WXX-{wd + 1}", f"a recurring time: every {WEEKDAY_NAMES[wd]}", type="SET")


# ---------------------------------------------------------------- times of day


def time_of_day(hour: int, minute: int, ctx: Context, *, what: str) -> Reading:
    clock = f"T{hour:02d}:{minute:02d}"
    base = ctx.day or ctx.publication
    if base is None:
        return unplaced("XXXX-XX-XX" + clock, f"{what} on a day the text does not give; {UNKNOWN_PUBLICATION}",
                        type="TIME", granularity="time")
    day = base.period
    return Reading("TIME", day.value + clock, "time", day.interval, base.name, f"{what} on {base.words()}", day)


CLOCK_12H = r"\b(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap])\.?\s?m\b\.?(?:\s+(?-i:[A-Z]{2,4}T|GMT|UTC)\b)?"


def clock_reading(m, ctx: Context) -> Reading:
    hour = int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0)
    return time_of_day(hour, int(m["mi"] or 0), ctx, what=f"{hour:02d}:{int(m['mi'] or 0):02d}")


@rule(CLOCK_12H)
def clock_12h(m, ctx):
    return clock_reading(m, ctx)


@rule(CLOCK_12H + rf"\s+(?:(?P<word>yesterday|today|tomorrow)|(?P<wd>{WEEKDAY}))\b")
def clock_and_day(m, ctx):
    """'5 p.m. yesterday', '10 a.m. Monday': one time, its day named right after the clock."""
    hour = int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0)
    clock = f"{hour:02d}:{int(m['mi'] or 0):02d}"
    if m["word"]:
        day = relative_unit("day", {"yesterday": -1, "today": 0, "tomorrow": 1}[m["word"].lower()], ctx)
    else:
        day = weekday_reading(WEEKDAYS[m["wd"].lower()], ctx, rel=None, part=None)
    if not day.placed:
        return unplaced(f"XXXX-XX-XXT{clock}", f"{clock} on {day.because}", type="TIME", granularity="time")
    return Reading("TIME", f"{day.value}T{clock}", "time", day.interval, day.anchor, f"{clock} on {day.because}",
                   day.period)


@rule(r"\b(?:at\s+|from\s+|until\s+|by\s+)(?P<t>(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s+(?-i:[A-Z]{2,4}T|GMT|UTC)\b|\s+local\s+time\b)?)"
      r"|\b(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)\s+(?P<tz>(?-i:GMT|UTC|[A-Z]{2,4}T)|local\s+time)\b")
def clock_24h(m, ctx):
    hour, minute = int(m["h"] or m["h2"]), int(m["mi"] or m["mi2"])
    return time_of_day(hour, minute, ctx, what=f"{hour:02d}:{minute:02d}")


@rule(r"\b(?:(?P<n>noon|midday|midnight)|(?P<h>1[0-2]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+o['’]?clock)\b")
def named_hour(m, ctx):
    if m["n"]:
        hour = 0 if m["n"].lower() == "midnight" else 12
    else:
        hour = int(number(m["h"]) or 12) % 12
    return time_of_day(hour, 0, ctx, what=m[0].lower())
