"""The warnings step: what the reader should know about the article (not English, no publication date)."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from ..article import Article
from ..step import Draft, Step

NOT_ENGLISH = "the text looks like {lang!r}, not English: entities, times and quotes will be unreliable"
NO_PUBLICATION_DATE = "publication date unknown — set it to place relative times on a calendar"
DATE_SUGGESTION = (
    "the page's text mentions {day}, which may be its publication date; it was not used "
    "(no metadata, URL or dateline gives a date) — set it if it is right"
)
DATE_FROM_DATELINE = "publication date {day} taken from the dateline at the top of the text"
DATE_IN_FUTURE = "the publication date {day} is in the future — check it"


def article_warnings(article: Article) -> list[str]:
    warnings = []
    if article.language and article.language != "en":
        warnings.append(NOT_ENGLISH.format(lang=article.language))
    if not article.published:
        warnings.append(NO_PUBLICATION_DATE)
        if article.published_suggestion:
            warnings.append(DATE_SUGGESTION.format(day=article.published_suggestion))
    elif article.published_source == "dateline":
        warnings.append(DATE_FROM_DATELINE.format(day=article.published))
    if article.published and article.published_date > dt.date.today() + dt.timedelta(days=1):
        warnings.append(DATE_IN_FUTURE.format(day=article.published))
    return warnings


def run(doc: Doc, draft: Draft) -> dict:
    return {"warnings": article_warnings(draft.article)}


STEP = Step("warnings", reads=("article",), writes=("warnings",), fn=run)
