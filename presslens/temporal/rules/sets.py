"""Recurring times: "weekly", "every Monday", "twice a year"."""

from __future__ import annotations

from ... import lexicon
from .. import checks
from ..framework import WEEKDAY_NAMES, rule, unplaced
from ..lexicon import (
    DAY_PART,
    DAY_PARTS,
    NUMBER,
    UNIT,
    WEEKDAY,
    WEEKDAYS,
    number,
    unit_of,
)
from .durations import duration_value, duration_words

SET_WORDS = lexicon.table("time_set_words")


@rule(rf"\b(?P<word>{'|'.join(SET_WORDS)})\b", priority=440, kind="set", check=checks.adverb_not_adjective)
def set_adverb(m, ctx):
    value = SET_WORDS[m["word"].lower()]
    return unplaced(value, f"a recurring time, every {duration_words(value).removeprefix('1 ')}", type="SET")


@rule(rf"\b(?:every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<n>{NUMBER})\s+)?(?:(?P<unit>{UNIT})|(?P<wd>{WEEKDAY})|(?P<part>{DAY_PART}))\b",
      priority=450, kind="set")
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
      rf"|\b(?:per|a)\s+(?P<unit2>day|week|month|year|hour|decade)\b(?!\s*-)",
      priority=460, kind="set", check=checks.rate_not_duration)
def rate(m, ctx):
    unit = unit_of(m["unit"] or m["unit2"])
    value = duration_value(1, unit)
    return unplaced(value, f"a recurring time, every {duration_words(value).removeprefix('1 ')}", type="SET")


@rule(rf"\b(?P<wd>{WEEKDAY})s\b", priority=470, kind="set")
def weekdays_plural(m, ctx):
    wd = WEEKDAYS[m["wd"].lower()]
    return unplaced(f"XXXX-WXX-{wd + 1}", f"a recurring time: every {WEEKDAY_NAMES[wd]}", type="SET")

