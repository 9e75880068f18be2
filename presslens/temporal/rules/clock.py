"""Times of day: "3 p.m.", "at 14:30", "noon", "5 p.m. yesterday"."""

from __future__ import annotations

from .. import checks
from ..framework import UNKNOWN_PUBLICATION, Context, Reading, rule, unplaced
from ..lexicon import CLOCK_PREPOSITIONS, WEEKDAY, WEEKDAYS, ZONE, number
from .relative import relative_unit, weekday_reading


def time_of_day(hour: int, minute: int, ctx: Context, *, what: str) -> Reading:
    clock = f"T{hour:02d}:{minute:02d}"
    base = ctx.day or ctx.publication
    if base is None:
        return unplaced("XXXX-XX-XX" + clock, f"{what} on a day the text does not give; {UNKNOWN_PUBLICATION}",
                        type="TIME", granularity="time")
    day = base.period
    return Reading("TIME", day.value + clock, "time", day.interval, base.name, f"{what} on {base.words()}", day)


# A zone after a clock time: the listed ones ("ET", "GMT", "CEST") or any capitalised "...T" ("NZT").
ANY_ZONE = rf"(?:{ZONE}|(?-i:[A-Z]{{2,4}}T))"
# "at 14:30", "between 18:00 and 23:00": the words that introduce a time of day (a data list).
CLOCK_PREPOSITION = "(?:" + "|".join(sorted(CLOCK_PREPOSITIONS, key=len, reverse=True)) + ")"
CLOCK_12H = rf"\b(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap])\.?\s?m\b\.?(?:\s+{ANY_ZONE}\b)?"


def clock_reading(m, ctx: Context) -> Reading:
    hour = int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0)
    return time_of_day(hour, int(m["mi"] or 0), ctx, what=f"{hour:02d}:{int(m['mi'] or 0):02d}")


@rule(CLOCK_12H, priority=480, kind="clock")
def clock_12h(m, ctx):
    return clock_reading(m, ctx)


@rule(CLOCK_12H + rf"\s+(?:(?P<word>yesterday|today|tomorrow)|(?P<wd>{WEEKDAY}))\b",
      priority=490, kind="clock_with_day")
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


@rule(rf"\b(?:{CLOCK_PREPOSITION}\s+)(?P<t>(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s+{ANY_ZONE}\b)?)"
      rf"|\b(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)\s+(?P<tz>{ANY_ZONE})\b",
      priority=500, kind="clock")
def clock_24h(m, ctx):
    hour, minute = int(m["h"] or m["h2"]), int(m["mi"] or m["mi2"])
    return time_of_day(hour, minute, ctx, what=f"{hour:02d}:{minute:02d}")


@rule(r"\b(?:(?P<n>noon|midday|midnight)|(?P<h>1[0-2]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+o['’]?clock)\b",
      priority=510, kind="clock")
def named_hour(m, ctx):
    if m["n"]:
        hour = 0 if m["n"].lower() == "midnight" else 12
    else:
        hour = int(number(m["h"]) or 12) % 12
    return time_of_day(hour, 0, ctx, what=m[0].lower())


# The 24-hour clock without a colon, as wires and forecasts write it: "1750 GMT", "0930 ET", "at 2130",
# "between 1400 and 1800". Four digits are also a year, a price or a count, so the check on the parse
# keeps a bare one only where the words around it say it is a time of day; where it does, the year
# rule's check gives way (checks.year_in_context), and with a zone the clock time is longer anyway.
@rule(rf"(?<![\d$£€.,])\b(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)(?:\s+(?P<tz>{ZONE}))?\b(?![.,:/]\d)",
      priority=505, kind="clock", check=checks.four_digit_clock)
def clock_four_digits(m, ctx):
    hour, minute = int(m["h"]), int(m["mi"])
    return time_of_day(hour, minute, ctx, what=f"{hour:02d}:{minute:02d} (24-hour clock)")
