"""Times counted from the publication or from the last time the text placed: "two days ago", "the next day"."""

from __future__ import annotations

from .. import checks
from ..calendar import period
from ..framework import (
    GRANULARITY_ORDER,
    UNPLACED,
    Anchor,
    Context,
    Reading,
    needs_publication,
    placed,
    rule,
    unit_shift,
    unplaced,
)
from ..lexicon import APPROX, DAY_PARTS, NUMBER, UNIT, UNITS, number, unit_of
from .durations import length


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


@rule(rf"(?:{APPROX})?\b(?P<n>{NUMBER})\s+(?P<unit>{UNIT})\s+ago\b", priority=330, kind="date")
def ago(m, ctx):
    unit = unit_of(m["unit"])
    if UNITS[unit][3]:  # hours and minutes ago: the publication day
        if ctx.published is None:
            return needs_publication("day", "hours before publication")
        return placed(period("day", ctx.published), "hours before publication, on its day", anchor=ctx.publication)
    return counted(m["n"], m["unit"], -1, ctx.publication, what=f"{how_many(m['n'], unit)} before", vague="PAST_REF")


@rule(rf"(?:{APPROX})?\b(?P<n>{NUMBER})\s+(?P<unit>{UNIT})\s+from\s+(?:now|today)\b", priority=340, kind="date")
def from_now(m, ctx):
    return counted(m["n"], m["unit"], 1, ctx.publication, what=f"{how_many(m['n'], m['unit'])} after",
                   vague="FUTURE_REF")


@rule(rf"\bin\s+(?P<t>(?:{APPROX})?(?P<n>{NUMBER})\s+(?P<unit>{UNIT})(?:['’]?\s+time)?)\b(?!\s+(?:ago|later|earlier|before|after|from)\b)",
      priority=350, kind="duration", check=checks.length_not_ordinal_or_price)
def in_units(m, ctx):
    """'will open in two weeks' is a date ahead; 'sold a million in two weeks' is a length of time."""
    if ctx.tense == "future":
        return counted(m["n"], m["unit"], 1, ctx.publication, what=f"{how_many(m['n'], m['unit'])} after",
                       vague="FUTURE_REF")
    return length(number(m["n"]), unit_of(m["unit"]))


@rule(rf"(?:{APPROX})?\b(?P<n>{NUMBER})\s+(?P<unit>{UNIT})\s+(?P<dir>later|earlier|afterwards?|previously|"
      rf"after(?=\s*[,.;:)]|\s*$)|before(?=\s*[,.;:)]|\s*$))", priority=360, kind="date")
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
      r"(?P<unit>day|morning|afternoon|evening|night|week|weekend|month|year|quarter|decade)\b",
      priority=370, kind="date")
def the_following(m, ctx):
    rel = (m["rel"] or m["that"]).lower()
    unit = m["unit"].lower()
    part = DAY_PARTS.get(unit) and unit
    shift = ANAPHORIC_SHIFT[rel]
    what = {1: f"the {unit} after", -1: f"the {unit} before", 0: f"the same {unit} as"}[shift]
    return from_last("day" if part else unit, shift, ctx, part=part, what=what)


@rule(r"\b(?P<side>earlier|later)\s+(?:that|in\s+the)\s+(?P<unit>day|morning|afternoon|evening|night)\b"
      r"|\b(?P<side2>earlier|later)\s+that\s+(?P<unit2>week|month|year)\b", priority=380, kind="date")
def later_that(m, ctx):
    unit = (m["unit"] or m["unit2"]).lower()
    part = DAY_PARTS.get(unit) and unit
    side = (m["side"] or m["side2"]).lower()
    return from_last("day" if part else unit, 0, ctx, part=part, what=f"{side} in the same {unit} as")


@rule(r"\bthe\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after)(?=\s*[,.;:)]|\s*$)",
      priority=390, kind="date")
def the_day_before(m, ctx):
    unit, sign = m["unit"].lower(), 1 if m["dir"].lower() == "after" else -1
    return from_last(unit, sign, ctx, what=f"the {unit} {m['dir'].lower()}")

