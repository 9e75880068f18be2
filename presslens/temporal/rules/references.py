"""Vague references: "now", "recently", "soon" (PRESENT_REF, PAST_REF, FUTURE_REF)."""

from __future__ import annotations

from ..calendar import period
from ..framework import UNKNOWN_PUBLICATION, placed, rule, unplaced


@rule(r"(?<!\bas\s)(?<!\bjust\s)\b(?:right\s+now|now|currently|nowadays|at\s+present|at\s+the\s+moment|"
      r"these\s+days|(?:for\s+)?(?P<t>the\s+time\s+being))\b(?!\s+that\b)",
      priority=300, kind="reference", anchor=False)
def present_ref(m, ctx):
    if ctx.published is None:
        return unplaced("PRESENT_REF", f"the time of writing; {UNKNOWN_PUBLICATION}")
    return placed(period("day", ctx.published), "the time of writing, taken as the publication date",
                  anchor=ctx.publication, value="PRESENT_REF")


@rule(r"\b(?:recently|lately|in\s+(?P<t>the\s+past)|(?:in\s+)?(?P<t2>recent\s+(?:days|weeks|months|years|times)))\b",
      priority=310, kind="reference", anchor=False)
def past_ref(m, ctx):
    return unplaced("PAST_REF", "some time before publication, the text does not say when")


@rule(r"\b(?:(?<!\bas\s)soon\b(?!\s+as\b)|in\s+(?P<t>the\s+(?:near\s+|distant\s+|foreseeable\s+)?future)|"
      r"(?:in\s+|over\s+)?(?P<t2>the\s+coming\s+(?:days|weeks|months|years)|the\s+(?:days|weeks|months|years)\s+ahead)|"
      r"(?P<t3>a\s+later\s+(?:date|time|stage)))\b", priority=320, kind="reference", anchor=False)
def future_ref(m, ctx):
    return unplaced("FUTURE_REF", "some time after publication, the text does not say when")

