"""The rule framework: what a time rule is, what it is given and what it returns, and how readings are built.

The rules themselves live in temporal/rules/, one module per family. A rule's function gets the match
and a `Context` (publication date, the tense of the governing verb, the last time the text anchored)
and returns a `Reading`: TimeML type and value, interval, granularity, what it was anchored to and why,
in words. Without a publication date, expressions that lean on it keep
underspecified values (XXXX-WXX, XXXX-06, ...) and no interval: nothing is invented.

Rules are tried all at once; where matches overlap the longest wins, and on equal length the rule with
the lower `priority`. What else the tagger does with a rule is keyed on its declared attributes (`kind`,
`anchor`, `check`, `far`), never on its name.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span

from .calendar import DAY, Period, add_months, describe, fmt_day, fmt_range, period
from .lexicon import MONTHS, UNITS, WEEKDAYS, unit_of

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


# What a rule's readings are; only "clock" changes how the tagger treats them (see tagger.find_times).
KINDS = (
    "date",            # placed on the calendar, or counted from publication or the last time
    "clock",           # a bare time of day: resolved after the dates, on the day its sentence names
    "clock_with_day",  # a time of day with its own day ("5 p.m. yesterday")
    "duration",        # a length of time
    "set",             # a recurring time
    "reference",       # PRESENT_REF, PAST_REF, FUTURE_REF: says when only vaguely
)


@dataclass(frozen=True)
class Rule:
    """One family of expressions: its pattern, its resolver, and what the tagger must know about it."""

    name: str
    pattern: re.Pattern
    resolve: Callable[[re.Match, Context], Reading | None]
    priority: int  # where two matches have the same length, the lower priority wins
    kind: str = "date"  # one of KINDS
    anchor: bool = True  # False: later relative expressions ("two days later") do not count from it
    check: Callable[[Span], bool] | None = None  # a check on the parse (temporal/checks.py); False drops it
    # For a time it places far from the publication date (tagger.FAR_YEARS): what in the words around it
    # says it is one, or None to drop it. Rules whose own words say so (a month, a decade) declare none.
    far: Callable[[Span], str | None] | None = None


REGISTRY: list[Rule] = []


def rule(pattern: str, *, priority: int, kind: str = "date", anchor: bool = True,
         check: Callable[[Span], bool] | None = None, far: Callable[[Span], str | None] | None = None,
         flags: int = re.IGNORECASE):
    """Register a resolver for a pattern. A group named `t` narrows the extent (context outside it)."""
    if kind not in KINDS:
        raise ValueError(f"unknown rule kind {kind!r}; one of {KINDS}")

    def register(fn):
        clash = next((r.name for r in REGISTRY if r.priority == priority), None)
        if clash:
            raise ValueError(f"rules {clash} and {fn.__name__} both have priority {priority}")
        # Expressions start at the start of a word: saying so first spares trying every rule mid-word.
        REGISTRY.append(Rule(fn.__name__, re.compile(r"(?<!\w)" + pattern, flags), fn, priority, kind, anchor, check,
                             far))
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


def unit_shift(word: str) -> tuple[str | None, int]:
    """'weeks' -> ('week', 1); 'fortnight' -> ('week', 2); time units have no calendar unit."""
    unit = unit_of(word)
    return ("week", 2) if unit == "fortnight" else (UNITS[unit][0], 1)
