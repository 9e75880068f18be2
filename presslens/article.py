"""The Article: one news text with its metadata, validated when built."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import asdict, dataclass

from .errors import Errors, fail

META_FIELDS = ("title", "source", "url", "author", "published", "language")

# Where a publication date came from (`article.published_source`), most trusted first. `guessed` is
# kept for a date no source vouches for; ingest never sets one, it offers a suggestion instead.
PUBLISHED_SOURCES = ("user", "metadata", "url", "dateline", "guessed")


# Publication dates far outside these years are typing errors (0001-01-01, 9999-12-31), and date
# arithmetic on relative times ("last century") needs room around them.
FIRST_YEAR, LAST_YEAR = 1000, 2999
# What may follow the date in a timestamp: a clock time with optional fraction and zone.
TIME_OF_DAY = re.compile(r"\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?", re.I)


def parse_published(value: object, *, source: str) -> str | None:
    """A publication date as YYYY-MM-DD, or None; anything else is a clear error."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    # A full timestamp ("2018-08-02T10:00:00Z") is accepted, but only its date is kept.
    day, sep, clock = text.replace(" ", "T", 1).partition("T")
    if sep and not TIME_OF_DAY.fullmatch(clock):
        raise fail(Errors.BAD_DATE, source=source, value=text)  # "2018-08-02 garbage"
    try:
        date = dt.date.fromisoformat(day) if len(day) == 10 else None
    except ValueError:
        date = None
    if date is None:
        raise fail(Errors.BAD_DATE, source=source, value=text)
    if not FIRST_YEAR <= date.year <= LAST_YEAR:
        raise fail(Errors.DATE_OUT_OF_RANGE, source=source, value=text, first=FIRST_YEAR, last=LAST_YEAR)
    return date.isoformat()


def content_id(text: str) -> str:
    """A stable id for text with no better name: the first 16 hex digits of its SHA-256."""
    return "sha-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD; None when unknown, and then nothing is invented
    language: str | None = None
    # metadata | url | dateline | user | guessed; None when `published` is None (or when an article
    # stored before this field existed does not say)
    published_source: str | None = None
    # A date seen only in the page's body text: offered to the reader, never used (YYYY-MM-DD or None)
    published_suggestion: str | None = None

    def __post_init__(self):
        if self.published is None and self.published_source is not None:
            object.__setattr__(self, "published_source", None)
        elif self.published_source is not None and self.published_source not in PUBLISHED_SOURCES:
            raise fail(Errors.BAD_DATE_SOURCE, value=self.published_source, known=", ".join(PUBLISHED_SOURCES))

    @property
    def published_date(self) -> dt.date | None:
        return dt.date.fromisoformat(self.published) if self.published else None

    @property
    def fingerprint(self) -> str:
        """Changes whenever anything the analysis depends on changes (for cache keys)."""
        return hashlib.sha256(repr(sorted(asdict(self).items())).encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict:
        """The contract's `article` object, fields in the documented order."""
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "author": self.author,
            "published": self.published,
            "language": self.language,
            "text": self.text,
            "published_source": self.published_source,
            "published_suggestion": self.published_suggestion,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Article":
        return cls(**{k: data.get(k) for k in ("id", "text", *META_FIELDS, "published_source", "published_suggestion")})
