"""One look per entity type, shared by every view: a colour and a line style.

Colours are the Okabe-Ito palette, chosen to stay distinct under the common colour-vision
deficiencies and mid-bright so that a translucent fill reads on light and dark themes alike. Eight
colours cannot cover eighteen OntoNotes labels, so related types share a colour and differ in the
line under the highlight (solid, dashed, dotted): each type keeps one look of its own.

The kinds a reader tells apart most often sit far apart in hue: people blue, organisations vermillion,
places green, groups reddish purple, dates orange (opposite blue, so Person and Date never look alike,
in colour or in grey: blue is dark, orange light). Text on every fill keeps a contrast of at least
4.5:1 in both themes (tests/unit/test_palette.py computes it from these colours and the CSS).
"""

from __future__ import annotations

VERMILLION, BLUE, GREEN, PURPLE = "#D55E00", "#0072B2", "#009E73", "#CC79A7"
SKY, ORANGE, YELLOW, GREY = "#56B4E9", "#E69F00", "#F0E442", "#999999"

# label -> (name a reader knows, colour, line); the order is the legend's.
TYPES: dict[str, tuple[str, str, str]] = {
    "PERSON": ("Person", BLUE, "solid"),
    "ORG": ("Organisation", VERMILLION, "solid"),
    "GPE": ("Country, city, state", GREEN, "solid"),
    "NORP": ("Nationality, group", PURPLE, "solid"),
    "LOC": ("Place", GREEN, "dashed"),
    "FAC": ("Building, facility", SKY, "dashed"),
    "EVENT": ("Named event", SKY, "solid"),
    "LAW": ("Law", VERMILLION, "dashed"),
    "PRODUCT": ("Product", PURPLE, "dashed"),
    "WORK_OF_ART": ("Work of art", PURPLE, "dotted"),
    "LANGUAGE": ("Language", SKY, "dotted"),
    "DATE": ("Date", ORANGE, "solid"),
    "TIME": ("Time", ORANGE, "dashed"),
    "MONEY": ("Money", YELLOW, "solid"),
    "PERCENT": ("Percent", YELLOW, "dashed"),
    "QUANTITY": ("Quantity", YELLOW, "dotted"),
    "CARDINAL": ("Number", GREY, "dotted"),
    "ORDINAL": ("Ordinal", GREY, "dashed"),
}
UNKNOWN = (None, GREY, "solid")


def type_name(label: str) -> str:
    return TYPES.get(label, UNKNOWN)[0] or label.replace("_", " ").capitalize()


def type_colour(label: str) -> str:
    return TYPES.get(label, UNKNOWN)[1]


def type_line(label: str) -> str:
    return TYPES.get(label, UNKNOWN)[2]


def legend_order(labels) -> list[str]:
    """Known types in the legend's order, then any others alphabetically."""
    order = {label: i for i, label in enumerate(TYPES)}
    return sorted(set(labels), key=lambda label: (order.get(label, len(order)), label))
