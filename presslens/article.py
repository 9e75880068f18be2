"""The Article: one news text with its metadata, validated when built."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass

from .errors import Errors, fail

META_FIELDS = ("title", "source", "url", "author", "published", "language")


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
    day = text.replace(" ", "T", 1).partition("T")[0]
    try:
        if len(day) == 10:
            return dt.date.fromisoformat(day).isoformat()
    except ValueError:
        pass
    raise fail(Errors.BAD_DATE, source=source, value=text)


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
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Article":
        return cls(**{k: data.get(k) for k in ("id", "text", *META_FIELDS)})
