"""The warnings step: what the reader should know about the article (not English, no publication date)."""

from __future__ import annotations

from spacy.tokens import Doc

from ..article import Article
from ..step import Draft, Step

NOT_ENGLISH = "the text looks like {lang!r}, not English: entities, times and quotes will be unreliable"
NO_PUBLICATION_DATE = "publication date unknown — set it to place relative times on a calendar"


def article_warnings(article: Article) -> list[str]:
    warnings = []
    if article.language and article.language != "en":
        warnings.append(NOT_ENGLISH.format(lang=article.language))
    if not article.published:
        warnings.append(NO_PUBLICATION_DATE)
    return warnings


def run(doc: Doc, draft: Draft) -> dict:
    return {"warnings": article_warnings(draft.article)}


STEP = Step("warnings", reads=("article",), writes=("warnings",), fn=run)
