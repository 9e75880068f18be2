"""Seasons, quarters and halves of a year, with or without the year."""

from __future__ import annotations

import datetime as dt

from ..calendar import SEASON_NAMES, fmt_day, period, season
from ..framework import Context, Reading, needs_publication, placed, rule, yearless
from ..lexicon import SEASON, SEASON_CODES, YEAR


def season_code(word: str) -> str:
    return SEASON_CODES[word.lower()]


@rule(rf"(?:\bthe\s+)?(?:(?P<part>early|mid|late)(?:\s*-\s*|\s+))?\b(?P<season>{SEASON})(?:\s+of)?\s*,?\s+(?P<year>{YEAR})\b",
      priority=140, kind="date")
def season_of_year(m, ctx):
    code = season_code(m["season"])
    return placed(season(int(m["year"]), code), "a season given with its year (meteorological seasons; "
                  "a winter is named by the year of its December)", part=m["part"])


def season_reading(word: str, ctx: Context, *, rel: str | None, part: str | None = None) -> Reading:
    code = season_code(word)
    name = SEASON_NAMES[code]
    return yearless(lambda y: season(y, code), ctx, what=name, unit="season", value=f"XXXX-{code}", rel=rel,
                    part=part)


@rule(rf"\b(?P<rel>last|this|next|past|coming)\s+(?P<season>{SEASON})\b", priority=150, kind="date")
def season_relative(m, ctx):
    return season_reading(m["season"], ctx, rel=m["rel"].lower())


@rule(r"\b(?:in|during|over|since|until|through|by|before|after|throughout|for)\s+"
      r"(?P<t>(?:the\s+)?(?:(?P<part>early|late)\s+)?(?P<season>spring|summer|autumn|winter|fall))\b(?!\s+of\b)",
      priority=160, kind="date")
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
      rf"(?P<rel>this|last|next)\s+year\b|the\s+year\b))?", priority=170, kind="date")
def quarter(m, ctx):
    word = m["q"].lower()
    if word in ("last", "final") and not (m["year"] or m["rel"]) and "year" not in m[0].lower():
        return None  # "the last quarter" is the one before publication: the relative rule's
    return quarter_reading(QUARTERS[word], int(m["year"]) if m["year"] else None,
                           m["rel"].lower() if m["rel"] else None, ctx)


@rule(rf"\bQ(?P<q>[1-4])(?:\s*-?\s*(?:FY\s*)?(?P<year>{YEAR}))?\b", flags=0, priority=180, kind="date")
def quarter_code(m, ctx):
    return quarter_reading(int(m["q"]), int(m["year"]) if m["year"] else None, None, ctx)


@rule(rf"\b(?:the\s+)?(?P<h>first|second|latter|1st|2nd)\s+half\s+of\s+(?:(?P<year>{YEAR})\b|(?P<rel>this|last|next)\s+year\b|the\s+year\b)",
      priority=190, kind="date")
def half_year(m, ctx):
    h = 1 if m["h"].lower() in ("first", "1st") else 2
    return quarter_reading(h, int(m["year"]) if m["year"] else None, m["rel"].lower() if m["rel"] else None, ctx,
                           unit="half")

