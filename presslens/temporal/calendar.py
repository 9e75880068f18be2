"""Calendar periods and their TimeML values: the arithmetic behind every resolved time.

A `Period` is one calendar unit (a day, an ISO week, a month, a season, ...) with its first and last day
and its TimeML value at that unit's granularity. Conventions, said once here and in the explanations:
weeks are ISO weeks (Monday to Sunday); seasons are meteorological and northern (spring = March-May,
summer = June-August, autumn = September-November, winter = December to February, named by the year of
its December); quarters and halves are calendar quarters and halves.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

DAY = dt.timedelta(days=1)
SEASONS = ("SP", "SU", "FA", "WI")
SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
# Months in each unit that is counted in months.
MONTHS_IN = {"month": 1, "quarter": 3, "half": 6, "season": 3, "year": 12, "decade": 120, "century": 1200}


@dataclass(frozen=True)
class Period:
    unit: str  # day | week | weekend | month | quarter | half | season | year | decade | century
    first: dt.date
    last: dt.date
    value: str  # the TimeML value at this unit's granularity

    @property
    def interval(self) -> list[str]:
        return [self.first.isoformat(), self.last.isoformat()]

    def shift(self, n: int) -> Period | None:
        """The period n units later (earlier when n < 0); None beyond the calendar's range."""
        return period(self.unit, self.first, shift=n)


def period(unit: str, day: dt.date, *, shift: int = 0) -> Period | None:
    """The period of `unit` holding `day`, moved by `shift` units; None beyond year 1..9999."""
    try:
        first = _add(unit, _start(unit, day), shift)
        last = _add(unit, first, 1) - DAY if unit not in ("week", "weekend") else first + DAY * (6 if unit == "week" else 1)
    except (OverflowError, ValueError):
        return None
    return Period(unit, first, last, _value(unit, first))


def _start(unit: str, day: dt.date) -> dt.date:
    if unit == "day":
        return day
    if unit == "week":
        return day - DAY * day.weekday()
    if unit == "weekend":
        return day - DAY * day.weekday() + DAY * 5
    if unit == "season":
        # December opens the winter named by its own year; January and February close the previous one.
        month = 12 if day.month in (12, 1, 2) else (day.month // 3) * 3
        return dt.date(day.year - (day.month < 3), month, 1)
    if unit == "decade":
        return dt.date(max(day.year // 10 * 10, 1), 1, 1)
    if unit == "century":
        return dt.date(max(day.year // 100 * 100, 1), 1, 1)
    size = MONTHS_IN[unit]
    return dt.date(day.year, (day.month - 1) // size * size + 1, 1)


def _add(unit: str, start: dt.date, n: int) -> dt.date:
    if unit == "day":
        return start + DAY * n
    if unit in ("week", "weekend"):
        return start + DAY * (7 * n)
    return add_months(start, MONTHS_IN[unit] * n)


def add_months(day: dt.date, n: int) -> dt.date:
    """The same day of the month n months on, clipped to the month's last day."""
    index = day.year * 12 + day.month - 1 + n
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, days_in_month(year, month + 1)))


def days_in_month(year: int, month: int) -> int:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - DAY).day


def _value(unit: str, first: dt.date) -> str:
    y = f"{first.year:04d}"
    if unit == "day":
        return first.isoformat()
    if unit in ("week", "weekend"):
        iso_year, week, _ = first.isocalendar()
        return f"{iso_year:04d}-W{week:02d}" + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        return f"{y}-{first.month:02d}"
    if unit == "quarter":
        return f"{y}-Q{(first.month - 1) // 3 + 1}"
    if unit == "half":
        return f"{y}-H{(first.month - 1) // 6 + 1}"
    if unit == "season":
        return f"{y}-{SEASONS[(first.month // 3) - 1]}"
    if unit == "year":
        return y
    return y[:3] if unit == "decade" else y[:2]


def season(year: int, code: str) -> Period | None:
    try:
        return period("season", dt.date(year, SEASON_START_MONTH[code], 1))
    except ValueError:
        return None


_VALUE_FORMS = (
    (re.compile(r"(\d{4})-(\d\d)-(\d\d)(T.*)?"), lambda m: period("day", _date(m[1], m[2], m[3]))),
    (re.compile(r"(\d{4})-W(\d\d)(-WE)?"), lambda m: _iso_week(m[1], m[2], weekend=bool(m[3]))),
    (re.compile(r"(\d{4})-(\d\d)"), lambda m: period("month", _date(m[1], m[2], 1))),
    (re.compile(r"(\d{4})-Q([1-4])"), lambda m: period("quarter", _date(m[1], int(m[2]) * 3 - 2, 1))),
    (re.compile(r"(\d{4})-H([12])"), lambda m: period("half", _date(m[1], int(m[2]) * 6 - 5, 1))),
    (re.compile(r"(\d{4})-(SP|SU|FA|WI)"), lambda m: season(int(m[1]), m[2])),
    (re.compile(r"(\d{4})"), lambda m: period("year", _date(m[1], 1, 1))),
    (re.compile(r"(\d{3})"), lambda m: period("decade", _date(int(m[1]) * 10 or 1, 1, 1))),
    (re.compile(r"(\d{2})"), lambda m: period("century", _date(int(m[1]) * 100 or 1, 1, 1))),
)


def from_value(value: str) -> Period | None:
    """The period a TimeML date value names; None for durations, references, X-values and non-dates."""
    for pattern, build in _VALUE_FORMS:
        match = pattern.fullmatch(value)
        if match:
            try:
                return build(match)
            except (TypeError, ValueError):
                return None
    return None


def _date(year, month, day) -> dt.date:
    return dt.date(int(year), int(month), int(day))


def _iso_week(year, week, *, weekend: bool) -> Period | None:
    monday = dt.date.fromisocalendar(int(year), int(week), 1)
    return period("weekend" if weekend else "week", monday)


def fmt_day(day: dt.date) -> str:
    """Thu 2 Aug 2018"""
    return f"{day:%a} {day.day} {day:%b} {day.year}"


def fmt_range(first: dt.date, last: dt.date, *, weekdays: bool = True) -> str:
    """Mon 23 – Sun 29 Jul 2018; Mon 30 Jul – Sun 5 Aug 2018; 1 Jul – 30 Sep 2018."""
    def part(day: dt.date, *, month: bool, year: bool) -> str:
        text = (f"{day:%a} " if weekdays else "") + str(day.day)
        return text + (f" {day:%b}" if month else "") + (f" {day.year}" if year else "")

    if first == last:
        return part(first, month=True, year=True)
    same_year = first.year == last.year
    same_month = same_year and first.month == last.month
    return f"{part(first, month=not same_month, year=not same_year)} – {part(last, month=True, year=True)}"


def describe(p: Period) -> str:
    """The period in words, with its days where the name alone does not give them."""
    if p.unit == "day":
        return fmt_day(p.first)
    if p.unit in ("week", "weekend"):
        return fmt_range(p.first, p.last)
    if p.unit == "month":
        return f"{p.first:%B} {p.first.year}"
    if p.unit == "year":
        return str(p.first.year)
    days = fmt_range(p.first, p.last, weekdays=False)
    if p.unit == "season":
        return f"{SEASON_NAMES[p.value[-2:]]} {p.value[:4]} ({days})"
    if p.unit in ("quarter", "half"):
        return f"{p.value[-2:]} {p.first.year} ({days})"
    if p.unit == "decade":
        return f"the {p.first.year}s ({p.first.year}–{p.last.year})"
    return f"{p.first.year}–{p.last.year}"
