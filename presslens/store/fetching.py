"""`presslens add URL|FEED` and the Library page's address box: pages and feeds fetched through
`presslens.web.fetch` (trafilatura extraction, dates from metadata only, each feed entry fetched), then
stored with the same de-duplication as files: the same canonical address or text is not stored twice."""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import PresslensError
from .importing import ImportReport, add_articles
from .sqlite import SQLiteStore


def add_urls(store: SQLiteStore, urls: Iterable[str], *, max_chars: int | None = None) -> ImportReport:
    from ..web import fetch

    report = ImportReport()
    for url in urls:
        problems: list[str] = []
        try:
            articles = fetch(url, max_chars=max_chars, problems=problems)
        except PresslensError as exc:
            report.problems.append(str(exc))
            continue
        report.problems += problems
        report.extend(add_articles(store, [(article.url or url, article) for article in articles]))
    return report
