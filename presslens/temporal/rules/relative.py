"""Times relative to the publication date: "last week", "yesterday", a weekday or a month by tense, holidays."""

from __future__ import annotations

import datetime as dt
import re

from ... import lexicon
from .. import checks
from ..calendar import DAY, Period, fmt_day, fmt_range, period
from ..framework import (
    MONTH_NAMES,
    WEEKDAY_NAMES,
    Context,
    Reading,
    day_of,
    needs_publication,
    placed,
    rule,
    tense_words,
    yearless,
)
from ..lexicon import (
    DAY_PART,
    DAY_PARTS,
    MONTH_NAME,
    PART_OF,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    month_number,
)

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
      rf"(?:fiscal\s+|financial\s+)?(?P<unit>week|weekend|month|year|quarter|decade|century)\b",
      priority=200, kind="date")
def relative(m, ctx):
    return relative_unit(m["unit"].lower(), SHIFTS[m["rel"].lower()], ctx, part=m["part"])


@rule(rf"(?:(?P<part>{PART_OF}))?\bthe\s+(?P<rel>current|present|coming|upcoming)\s+(?:fiscal\s+|financial\s+)?"
      rf"(?P<unit>week|weekend|month|year|quarter|decade|century)\b", priority=210, kind="date")
def the_current(m, ctx):
    return relative_unit(m["unit"].lower(), SHIFTS[m["rel"].lower()], ctx, part=m["part"])


@rule(r"\b(?P<part>the\s+(?:end|beginning|start|middle)\s+of)\s+(?:the|this)\s+(?P<unit>week|month|year|quarter|decade|century)\b(?!\s+(?:of|before|after)\b)",
      priority=220, kind="date")
def end_of_the_unit(m, ctx):
    return relative_unit(m["unit"].lower(), 0, ctx, part=m["part"])


@rule(r"\b(?P<side>earlier|later|the\s+rest\s+of)\s+(?:this|in\s+the|the)\s+(?P<unit>week|month|year)\b(?!\s+(?:of|before|after)\b)",
      priority=230, kind="date")
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
      rf"(?P<word>today|tonight|yesterday|tomorrow)(?:\s+(?P<part>{DAY_PART}))?|(?P<this>this|last)\s+(?P<part2>{DAY_PART}))\b",
      priority=240, kind="date")
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


@rule(rf"\b(?:(?P<rel>last|this|next|coming|past)\s+)?(?P<wd>{WEEKDAY})(?:\s+(?P<part>{DAY_PART}))?\b",
      priority=250, kind="date")
def weekday(m, ctx):
    return weekday_reading(WEEKDAYS[m["wd"].lower()], ctx, rel=m["rel"] and m["rel"].lower(), part=m["part"])


@rule(rf"\b(?P<wd>{WEEKDAY})\s+(?:of\s+)?(?P<rel>last|this|next)\s+week\b", priority=260, kind="date")
def weekday_of_week(m, ctx):
    wd, rel = WEEKDAYS[m["wd"].lower()], m["rel"].lower()
    if ctx.published is None:
        return needs_publication("day", f"a {WEEKDAY_NAMES[wd]} of {rel} week", value=f"XXXX-WXX-{wd + 1}")
    week = period("week", ctx.published, shift=SHIFTS[rel])
    return placed(period("day", week.first + DAY * wd), f"the {WEEKDAY_NAMES[wd]} of {rel} week, counted from "
                  f"publication ({fmt_day(ctx.published)})", anchor=ctx.publication)


@rule(r"\b(?:over|during|on|at|for|until|by|before|after|since)\s+(?P<t>the\s+weekend)\b",
      priority=270, kind="date")
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
      priority=280, kind="date", check=checks.month_not_verb_or_name)
def month_alone(m, ctx):
    month = month_number(m["mon"])
    return yearless(lambda y: period("month", dt.date(y, month, 1)), ctx, what=MONTH_NAMES[month], unit="month",
                    value=f"XXXX-{month:02d}", rel=m["rel"] and m["rel"].lower(), part=m["part"])


HOLIDAYS = {name: (int(month), int(day)) for name, month, day in lexicon.rows("time_holidays")}


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
      rf"thanksgiving(?:\s+day)?|easter(?:\s+sunday)?)(?:\s*,?\s+(?P<year>{YEAR})\b)?",
      priority=290, kind="date")
def holiday(m, ctx):
    name = re.sub(r"\s*['’]s", "'s", " ".join(m["name"].lower().split()))
    name = "thanksgiving" if name.startswith("thanksgiving") else name
    title = " ".join(w.capitalize() for w in name.split())
    if m["year"]:
        return placed(holiday_day(name, int(m["year"])), f"{title} of a year the text gives")
    return yearless(lambda y: holiday_day(name, y), ctx, what=title, unit="day", value="XXXX-XX-XX",
                    rel=m["rel"] and m["rel"].lower())

