"""Times of day: "3 p.m.", "at 14:30", "noon", "5 p.m. yesterday"."""

from __future__ import annotations

from ..framework import UNKNOWN_PUBLICATION, Context, Reading, rule, unplaced
from ..lexicon import WEEKDAY, WEEKDAYS, number
from .relative import relative_unit, weekday_reading


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


@rule(r"\b(?:at\s+|from\s+|until\s+|by\s+)(?P<t>(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s+(?-i:[A-Z]{2,4}T|GMT|UTC)\b|\s+local\s+time\b)?)"
      r"|\b(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)\s+(?P<tz>(?-i:GMT|UTC|[A-Z]{2,4}T)|local\s+time)\b",
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

