"""Article -> spaCy Doc -> Analysis: the one place the engine's steps are put together."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .article import Article
from .entities import mentions_and_actors
from .events import extract_events
from .figures import find_figures
from .nlp import load_pipeline
from .quotes import find_quotes
from .schema import Analysis
from .sentences import sentence_spans
from .temporal import find_times, with_time_mentions

NOT_ENGLISH = "the text looks like {lang!r}, not English: entities, times and quotes will be unreliable"
NO_PUBLICATION_DATE = "publication date unknown — set it to place relative times on a calendar"


def analyze(article: Article, *, nlp: Language | None = None) -> Analysis:
    nlp = nlp or load_pipeline()
    return build_analysis(article, nlp(article.text))


def analyze_many(articles: Iterable[Article], *, nlp: Language | None = None) -> Iterator[Analysis]:
    """Analyses in input order, the texts batched through one pipeline."""
    nlp = nlp or load_pipeline()
    articles = list(articles)
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles)):
        yield build_analysis(article, doc)


def build_analysis(article: Article, doc: Doc) -> Analysis:
    """Everything the views show, computed from one parsed Doc."""
    mentions, actors = mentions_and_actors(doc)
    times = find_times(doc, published=article.published_date)
    mentions, actors = with_time_mentions(mentions, actors, times)
    quotes = find_quotes(doc, mentions, actors)
    figures = find_figures(doc, mentions, actors, quotes)
    return Analysis(
        article=article,
        sentences=sentence_spans(doc),
        mentions=mentions,
        actors=actors,
        times=times,
        events=extract_events(doc, times, mentions, article=article),
        figures=figures,
        quotes=quotes,
        warnings=article_warnings(article),
        boilerplate=list(doc._.boilerplate or []),
    )


def article_warnings(article: Article) -> list[str]:
    warnings = []
    if article.language and article.language != "en":
        warnings.append(NOT_ENGLISH.format(lang=article.language))
    if not article.published:
        warnings.append(NO_PUBLICATION_DATE)
    return warnings
