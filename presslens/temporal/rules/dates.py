"""Explicit dates: a day, month or year the text gives in full, decades and centuries."""

from __future__ import annotations

import datetime as dt

from .. import checks
from ..calendar import fmt_day, period
from ..framework import (
    MONTH_NAMES,
    Context,
    Reading,
    day_of,
    explicit_date,
    full_year,
    impossible,
    needs_publication,
    placed,
    rule,
    yearless,
)
from ..lexicon import (
    DAY_NUMBER,
    DECADE_WORDS,
    MONTH,
    MONTH_NAME,
    ORDINAL,
    PART_OF,
    WEEKDAY,
    YEAR,
    day_number,
    month_number,
    ordinal,
)


@rule(rf"\b(?:(?P<wd>{WEEKDAY})\s*,?\s+)?(?P<mon>{MONTH})\s*(?P<day>{DAY_NUMBER})\b(?:\s*,\s*|\s+)(?P<year>{YEAR})\b",
      priority=10, kind="date")
def month_day_year(m, ctx):
    return explicit_date(int(m["year"]), month_number(m["mon"]), day_number(m["day"]))


@rule(rf"\b(?:(?P<wd>{WEEKDAY})\s*,?\s+)?(?:the\s+)?(?P<day>{DAY_NUMBER})(?:\s+of)?\s+(?P<mon>{MONTH})\s*,?\s+(?P<year>{YEAR})\b",
      priority=20, kind="date")
def day_month_year(m, ctx):
    return explicit_date(int(m["year"]), month_number(m["mon"]), day_number(m["day"]))


@rule(r"\b(?P<year>\d{4})-(?P<mon>\d\d)-(?P<day>\d\d)\b", priority=30, kind="date")
def iso_date(m, ctx):
    month, day = int(m["mon"]), int(m["day"])
    if not 1 <= month <= 12:
        return None
    return explicit_date(int(m["year"]), month, day)


@rule(r"(?<![\d/])\b(?P<mon>1[0-2]|0?[1-9])/(?P<day>[12]\d|3[01]|0?[1-9])/(?P<year>\d{4}|\d\d)\b(?!/)",
      priority=40, kind="date")
def numeric_date(m, ctx):
    # Month first, the American order most English-language news uses.
    year = int(m["year"]) if len(m["year"]) == 4 else full_year(int(m["year"]), ctx)
    return explicit_date(year, int(m["mon"]), int(m["day"]))


def month_day_reading(month: int, day: int, ctx: Context) -> Reading:
    what = f"{MONTH_NAMES[month]} {day}"
    if day_of(2000, month, day) is None:  # 2000 was a leap year: only days no year has fail
        return impossible(month, day)
    return yearless(lambda y: day_of(y, month, day), ctx, what=what, unit="day", value=f"XXXX-{month:02d}-{day:02d}")


@rule(rf"\b(?:(?P<wd>{WEEKDAY})\s*,?\s+)?(?P<mon>{MONTH})\s+(?P<day>{DAY_NUMBER})\b(?!\s*(?:,\s*)?\d)(?!\s*%)",
      priority=50, kind="date")
def month_day(m, ctx):
    return month_day_reading(month_number(m["mon"]), day_number(m["day"]), ctx)


@rule(rf"\b(?P<day>{DAY_NUMBER})(?:\s+of)?\s+(?P<mon>{MONTH})\b(?!\s*,?\s*\d)", priority=60, kind="date")
def day_month(m, ctx):
    return month_day_reading(month_number(m["mon"]), day_number(m["day"]), ctx)


@rule(rf"(?:(?P<part>{PART_OF}))?\b(?P<mon>{MONTH})(?:\s+of)?\s*,?\s+(?P<year>{YEAR})\b",
      priority=70, kind="date")
def month_year(m, ctx):
    return placed(period("month", dt.date(int(m["year"]), month_number(m["mon"]), 1)), "a month given with its year",
                  part=m["part"])


@rule(rf"(?:(?P<part>{PART_OF}))?\b(?P<mon>{MONTH_NAME})\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b",
      priority=80, kind="date")
def month_of_relative_year(m, ctx):
    month = month_number(m["mon"])
    if ctx.published is None:
        return needs_publication("month", f"{MONTH_NAMES[month]} of the year relative to publication",
                                 value=f"XXXX-{month:02d}")
    year = ctx.published.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    return placed(period("month", dt.date(year, month, 1)), f"{MONTH_NAMES[month]} of {m['rel'].lower()} year "
                  f"counted from publication ({fmt_day(ctx.published)})", anchor=ctx.publication, part=m["part"])


@rule(rf"(?:(?P<part>{PART_OF}))?(?:\bthe\s+year\s+)?(?:(?P<fiscal>fiscal(?:\s+year)?|FY)\s*)?(?<![\d$£€])\b(?P<year>{YEAR})\b(?![.,]\d)(?!\s*(?:%|per\s*cent|percent))",
      priority=90, kind="date", check=checks.year_in_context, far=checks.why_a_far_year)
def year(m, ctx):
    why = "a year" + (" (a fiscal year, taken as the calendar year it names)" if m["fiscal"] else "")
    return placed(period("year", dt.date(int(m["year"]), 1, 1)), why, part=m["part"])


@rule(r"(?:the\s+)?(?:(?P<part>early|mid|late)(?:\s*-\s*|\s+))?\b(?P<decade>1[5-9]\d0|20\d0)\s*['’]?s\b",
      priority=100, kind="date")
def decade(m, ctx):
    return placed(period("decade", dt.date(int(m["decade"]), 1, 1)), "a decade", part=m["part"])


@rule(r"(?:the\s+)?(?:(?P<part>early|mid|late)(?:\s*-\s*|\s+))?['’](?P<short>\d)0s\b",
      priority=110, kind="date")
def short_decade(m, ctx):
    start = full_year(int(m["short"]) * 10, ctx)
    return placed(period("decade", dt.date(start, 1, 1)), "a decade named by two digits", part=m["part"])


@rule(rf"\bthe\s+(?:(?P<part>early|mid|late)(?:\s*-\s*|\s+))?(?P<word>{'|'.join(DECADE_WORDS)})\b",
      priority=120, kind="date")
def decade_in_words(m, ctx):
    # "the nineties": the twentieth century's, as English uses these words.
    year = 1900 + DECADE_WORDS[m["word"].lower()] * 10
    return placed(period("decade", dt.date(year, 1, 1)), "a decade in words, of the 1900s", part=m["part"])


@rule(rf"(?:the\s+)?(?:(?P<part>early|mid|late)(?:\s*-\s*|\s+))?\b(?P<ord>{ORDINAL})(?:\s*-\s*|\s+)century\b",
      priority=130, kind="date")
def century(m, ctx):
    n = ordinal(m["ord"])
    if not n or n > 99:
        return None
    return placed(period("century", dt.date(max((n - 1) * 100, 1), 1, 1)),
                  f"the {m['ord'].lower()} century (TimeML names it by its first two digits)", part=m["part"])

