"""The highlight colours: kinds a reader must tell apart are far apart in hue and in grey, and text on
every highlight fill keeps a contrast of at least 4.5:1 (WCAG AA) in the light and dark themes.

The fills are computed as the browser mixes them: the CSS of the article view says how much of the
type's colour goes over the page background (`color-mix(in srgb, var(--hl) NN%, transparent)`)."""

from __future__ import annotations

import colorsys
import re

import pytest

from components.article_view import HERE
from components.palette import TYPES, type_colour

# Streamlit's default themes: page background and text colour.
THEMES = {"light": ("#FFFFFF", "#31333F"), "dark": ("#0E1117", "#FAFAFA")}


def rgb(hex_colour: str) -> tuple[float, float, float]:
    h = hex_colour.lstrip("#")
    return tuple(int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))


def luminance(colour: tuple[float, float, float]) -> float:
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in colour]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a, b) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def fill_shares() -> list[float]:
    """Every share of the type colour a highlight's fill uses (normal, hover), read from the CSS."""
    css = (HERE / "article_view.css").read_text(encoding="utf-8")
    rules = re.findall(r"\.hl(?::hover)?\s*\{[^}]*?color-mix\(in srgb, var\(--hl\) (\d+)%", css)
    return [int(share) / 100 for share in rules]


def test_the_css_is_read():
    assert len(fill_shares()) >= 2  # the fill and the hover fill


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("label", TYPES)
def test_text_on_every_highlight_has_contrast_of_at_least_4_5(label, theme):
    background, text = (rgb(c) for c in THEMES[theme])
    colour = rgb(type_colour(label))
    for share in fill_shares():
        fill = tuple(share * c + (1 - share) * b for c, b in zip(colour, background))
        assert contrast(fill, text) >= 4.5, (label, theme, share)


def hue(label: str) -> float:
    return colorsys.rgb_to_hsv(*rgb(type_colour(label)))[0] * 360


def test_person_and_date_are_not_neighbours_in_hue_nor_in_grey():
    distance = abs(hue("PERSON") - hue("DATE")) % 360
    assert min(distance, 360 - distance) >= 90
    assert contrast(rgb(type_colour("PERSON")), rgb(type_colour("DATE"))) >= 2  # apart in grey print too


def test_people_organisations_places_groups_and_dates_have_five_colours():
    assert len({type_colour(label) for label in ("PERSON", "ORG", "GPE", "NORP", "DATE")}) == 5


def test_every_type_has_a_look_of_its_own():
    looks = [(colour, line) for _, colour, line in TYPES.values()]
    assert len(set(looks)) == len(looks)
