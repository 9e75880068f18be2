"""Article -> spaCy Doc -> Analysis: the Doc from the spaCy pipeline, the rest from presslens.pipeline.STEPS."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from .article import Article
from .nlp import load_pipeline
from .pipeline import build_analysis
from .schema import Analysis
from .steps.warnings import NO_PUBLICATION_DATE, NOT_ENGLISH, article_warnings

__all__ = ["NOT_ENGLISH", "NO_PUBLICATION_DATE", "analyze", "analyze_many", "article_warnings", "build_analysis"]


def analyze(article: Article, *, nlp: Language | None = None) -> Analysis:
    nlp = nlp or load_pipeline()
    return build_analysis(article, nlp(article.text))


def analyze_many(articles: Iterable[Article], *, nlp: Language | None = None) -> Iterator[Analysis]:
    """Analyses in input order, the texts batched through one pipeline."""
    nlp = nlp or load_pipeline()
    articles = list(articles)
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles)):
        yield build_analysis(article, doc)
