"""The `Store` interface: what the views, the CLI and the batch runner may ask of storage.

Articles are stored with their metadata and an edit `version` (1 on add, +1 per saved edit). Analyses
are keyed by `analysis_key(article)` — a hash of exactly what the analysis reads (text, publication
date, language) — and the pipeline version (`presslens.version.pipeline_version(model)`), so a changed
rule or word list makes every stored analysis stale by itself, and two copies of one text share one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from ..article import Article
from ..errors import PresslensError
from ..schema import Analysis

# The metadata a reader edits; `language` is detected from the text, `id` names the article.
EDITABLE_FIELDS = ("title", "source", "url", "author", "published")
SORTS = {
    "added": "added_at DESC, id",
    "published": "published IS NULL, published DESC, id",
    "title": "title IS NULL, title COLLATE NOCASE, id",
    "source": "source IS NULL, source COLLATE NOCASE, id",
}


def content_hash(text: str) -> str:
    """SHA-256 of the text with whitespace runs collapsed: the same story saved twice has one hash."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def analysis_key(article: Article) -> str:
    """What an analysis depends on besides the pipeline: the exact text, the date and the language."""
    body = "\0".join((article.text, article.published or "", article.language or ""))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class StoredArticle:
    """One stored article as a list shows it, without its text."""

    id: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None
    origin: str = "library"  # "seed" (read-only, shipped with the project) | "library"
    added_at: str = ""
    version: int = 1
    content_hash: str = ""
    duplicate_of: str | None = None  # an article with the same text or canonical address
    near_duplicate_of: str | None = None  # an article with nearly the same text (the same wire story)
    chars: int = 0
    problem: str | None = None  # metadata that could not be imported as it was

    @property
    def label(self) -> str:
        """`Title — Source, 2018-08-02`, or the id when there is no title."""
        details = ", ".join(x for x in (self.source, self.published) if x)
        name = self.title or self.id
        return f"{name} — {details}" if details else name

    @property
    def editable(self) -> bool:
        """Seeds belong to the project; only the reader's own articles are edited from the page."""
        return self.origin != "seed"

    def meta(self) -> dict:
        return {f: getattr(self, f) for f in EDITABLE_FIELDS}


@dataclass(frozen=True)
class Query:
    """Which articles: words (full-text, title and text), source, date range, actor; sorted and paged."""

    words: str | None = None
    source: str | None = None
    date_from: str | None = None  # YYYY-MM-DD, inclusive
    date_to: str | None = None
    actor: str | None = None  # a name or alias in the stored analyses (needs analysed articles)
    ids: tuple[str, ...] | None = None
    origin: str | None = None  # "seed" | "library"
    sort: str = "added"
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True)
class AddResult:
    id: str
    added: bool  # False when the same text or address was already stored (then `id` is that article)
    duplicate_of: str | None = None
    near_duplicate_of: str | None = None


@dataclass(frozen=True)
class SaveResult:
    version: int
    merged: tuple[str, ...] = ()  # fields another session had changed, kept beside this save's


@dataclass(frozen=True)
class Conflict:
    field: str
    yours: object
    theirs: object


class EditConflict(PresslensError):
    """A save over a newer version that changed the same field differently: nothing was written."""

    def __init__(self, article_id: str, conflicts: list[Conflict], version: int):
        self.article_id, self.conflicts, self.version = article_id, conflicts, version
        both = "; ".join(f"{c.field}: yours {c.yours!r}, theirs {c.theirs!r}" for c in conflicts)
        super().__init__(
            f"{article_id}: not saved — someone else saved these details meanwhile ({both}); "
            "reload to see theirs, then save again"
        )


@dataclass
class BatchStats:
    analysed: int = 0
    failed: int = 0
    skipped: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)


class Store(Protocol):
    """Storage for articles and analyses. Every write is atomic: after a crash a write is whole or absent."""

    def add(self, article: Article, *, origin: str = "library", canonical_url: str | None = None) -> AddResult: ...
    def get(self, article_id: str) -> Article | None: ...
    def record(self, article_id: str) -> StoredArticle | None: ...
    def list(self, query: Query = Query()) -> list[StoredArticle]: ...
    def count(self, query: Query = Query()) -> int: ...
    def sources(self) -> list[str]: ...
    def delete(self, article_id: str) -> bool: ...
    def rename(self, article_id: str, title: str, *, version: int, original: str | None) -> SaveResult: ...
    def update(self, article_id: str, changes: dict, *, version: int, original: dict) -> SaveResult: ...
    def get_analysis(self, article: Article, pipeline: str) -> Analysis | None: ...
    def put_analyses(self, pairs: Iterable[tuple[Article, Analysis]], pipeline: str) -> int: ...
    def unanalysed(self, pipeline: str, *, limit: int | None = None) -> Iterator[Article]: ...
    def count_unanalysed(self, pipeline: str) -> int: ...
    def analyses(self, pipeline: str, query: Query = Query()) -> Iterator[tuple[StoredArticle, Analysis]]: ...
    def close(self) -> None: ...
