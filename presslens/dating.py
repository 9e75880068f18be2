"""Publication dates from what vouches for them, never invented.

A page's date is taken only from its metadata (meta tags, JSON-LD), the date path of its URL, or a
dateline at the top of the text; htmldate's opportunistic search of the body is run only to offer a
suggestion the reader may accept ("a date in the text, 2016-01-01, may be the publication date").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

# "TRONDHEIM, Norway, June 8, 2021 /Nordwire/ --", "VIENNA, Nov. 17, 2022 (Wire) —": a place in capitals,
# an optional region, a full date with its year, an optional agency, then a dash. A dateline without a
# year ("LONDON, Jan 3 (Reuters) -") does not give a date: the year would be a guess.
DATELINE = re.compile(
    r"^[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.'’ -]{1,30})?,\s*"
    r"(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2}),\s*(?P<year>\d{4})"
    r"\s*(?:\([^()\n]{1,40}\)|/[^/\n]{1,40}/)?\s*(?:--|[-–—])",
    re.MULTILINE,
)
# A dateline opens the story: it is looked for in the first lines only.
DATELINE_WINDOW = 1500


@dataclass(frozen=True)
class FoundDate:
    published: str | None  # YYYY-MM-DD or None
    source: str | None  # metadata | url | dateline, or None
    suggestion: str | None = None  # a date seen only in the body text, offered, never set


def dateline_date(text: str) -> str | None:
    """The date of a dateline opening one of the first paragraphs, as YYYY-MM-DD, or None."""
    for match in DATELINE.finditer(text[:DATELINE_WINDOW]):
        month = MONTHS.get(match["month"].lower()[:4].rstrip(".")) or MONTHS.get(match["month"].lower()[:3])
        if month is None:
            continue
        try:
            return dt.date(int(match["year"]), month, int(match["day"])).isoformat()
        except ValueError:
            continue
    return None


def html_date(html: str, *, url: str | None = None) -> FoundDate:
    """The page's publication date from its metadata, else its URL; a body-only date as a suggestion."""
    from htmldate.core import examine_header, find_date
    from htmldate.extractors import extract_url_date, json_search
    from htmldate.utils import Extractor, load_html
    from htmldate.validators import get_max_date, get_min_date

    tree = load_html(html)
    if tree is None:
        return FoundDate(None, None)
    options = Extractor(False, get_max_date(None), get_min_date(None), True, "%Y-%m-%d")
    found = examine_header(tree, options) or json_search(tree, options)
    if found:
        return FoundDate(found, "metadata")
    if url is None:
        canonical = tree.find('.//link[@rel="canonical"]')
        url = canonical.get("href") if canonical is not None else None
    found = extract_url_date(url, options) if url else None
    if found:
        return FoundDate(found, "url")
    # The full search reads the body; whatever it finds is only offered.
    suggestion = find_date(load_html(html), extensive_search=True, original_date=True)
    return FoundDate(None, None, suggestion)
