"""The time rules, one module per family; `RULES` is every rule in priority order.

A rule is declared where it is defined (`@rule(pattern, priority=..., kind=..., anchor=..., check=...)`,
see temporal/framework.py); adding a family is one module here and one name in FAMILIES.
"""

from __future__ import annotations

from ..framework import REGISTRY, Rule
from . import clock, counted, dates, durations, periods, references, relative, sets

FAMILIES = (dates, periods, relative, references, counted, durations, sets, clock)
RULES: list[Rule] = sorted(REGISTRY, key=lambda rule: rule.priority)

__all__ = ["FAMILIES", "RULES"]
