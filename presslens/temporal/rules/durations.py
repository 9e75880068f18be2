"""Lengths of time: "two days", "the past two weeks", "for decades"."""

from __future__ import annotations

import datetime as dt
import re

from .. import checks
from ..calendar import DAY, add_months, fmt_day, fmt_range
from ..framework import (
    UNKNOWN_PUBLICATION,
    Context,
    Reading,
    rule,
    unit_shift,
    unplaced,
)
from ..lexicon import APPROX, NUMBER, UNIT, UNITS, number, unit_of


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
      rf"(?:(?P<n>{NUMBER})\s+)?(?P<unit>{UNIT})\b(?!\s+(?:of|before|after)\b)", priority=400, kind="duration")
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
      priority=410, kind="duration", check=checks.length_not_ordinal_or_price)
def duration(m, ctx):
    return length(number(m["n"]), unit_of(m["unit"]))


@rule(r"\b(?:for|over|in|within|after)\s+(?P<t>(?P<unit>minutes|hours|days|weeks|months|years|decades|centuries))\b"
      r"|\b(?P<t2>(?P<unit2>days|weeks|months|years|decades)(?:\s*-\s*|\s+)long)\b",
      priority=420, kind="duration")
def vague_duration(m, ctx):
    unit = unit_of(m["unit"] or m["unit2"])
    return unplaced(duration_value(None, "year" if unit == "decade" else unit),
                    f"a length of time of some {unit}s, not a date", type="DURATION")


@rule(r"\b(?:half\s+an\s+hour|a\s+half\s+hour|half\s+a\s+(?P<unit>day|week|month|year|century|decade))\b",
      priority=430, kind="duration")
def half_unit(m, ctx):
    unit = m["unit"].lower() if m["unit"] else "hour"
    value = duration_value(0.5, unit) if unit != "hour" else "PT30M"
    if unit == "year":
        value = "P6M"
    return unplaced(value, f"a length of time ({duration_words(value)}), not a date", type="DURATION")

