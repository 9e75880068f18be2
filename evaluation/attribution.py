"""Shared by `presslens eval quotes` and `presslens eval figures`: the gold files, the match rule, scores.

Gold format (data/gold/quotes/*.json, data/gold/figures/*.json; see docs/quotes-figures.md): one file per
article, naming the article (`corpus` seed|meantime, `file`) and a 12-hex SHA-256 prefix of its text, then
records that refer to the text by character offsets only, never by copying it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from presslens.errors import Errors, fail
from .scoring import prf

from presslens.paths import GOLD_DIR, MEANTIME_DIR, ROOT

# Two spans match when their overlap covers at least this share of each of them: tolerant of the quote
# marks or a leading "that" one side keeps, strict enough that a quoted word never matches its sentence.
MATCH_MIN_SHARE = 0.5

GROUPS = ("seed", "dev", "test", "news-dev", "news-test")
GROUP_TITLES = {"seed": "seed (Breitbart)", "dev": "MEANTIME dev", "test": "MEANTIME test (held out)",
                "news-dev": "news dev", "news-test": "news test (held out)"}
# Held-out groups: scored, never listed by --errors (the rules are developed on the other groups only).
HELD_OUT = frozenset({"test", "news-test"})

Span = tuple[int, int]


@dataclass
class GoldDoc:
    name: str
    group: str  # seed | dev | test
    text: str
    published: str | None
    items: list[dict]
    not_speakers: list[Span] = field(default_factory=list)  # documents cited as sources (news set only)
    boilerplate: list[Span] = field(default_factory=list)  # bylines, datelines, credits (news set only)
    article: object = None  # the Article as `presslens analyze` reads it (news set: with its .meta.json)


def load_gold(kind: str, *, gold_dir: Path = GOLD_DIR, meantime_dir: Path = MEANTIME_DIR,
              news: bool = True, news_dir: Path | None = None) -> list[GoldDoc]:
    """Every gold file of data/gold/<kind>/, with the article text it points at (checked against its hash),
    then the news set's dev and test documents (data/news/, anchors resolved to offsets)."""
    docs = _load_offset_gold(kind, gold_dir=gold_dir, meantime_dir=meantime_dir)
    return docs + load_news_gold(kind, news_dir=news_dir) if news else docs


def load_news_gold(kind: str, *, news_dir: Path | None = None) -> list[GoldDoc]:
    """The news set (data/news/{dev,test}) in the shape of the offset gold: group news-dev / news-test."""
    from . import news

    folder = Path(news_dir) if news_dir else news.NEWS_DIR
    docs = []
    for split in news.SPLITS:
        for d in news.load(split, folder=folder):
            items = d.quotes if kind == "quotes" else d.figures
            boilerplate = [d.at(a) for a in d.gold.get("boilerplate", [])]
            docs.append(GoldDoc(d.name, f"news-{split}", d.text, d.meta.get("published"), items,
                                not_speakers=list(d.not_speakers), boilerplate=boilerplate, article=d.article()))
    return docs


def _load_offset_gold(kind: str, *, gold_dir: Path, meantime_dir: Path) -> list[GoldDoc]:
    from presslens.ingest import read_article
    from .meantime import read_cat, split

    folder = Path(gold_dir) / kind
    files = sorted(folder.glob("*.json"))
    if not files:
        raise fail(Errors.NO_GOLD, path=folder)
    corpus = sorted(p.name for p in Path(meantime_dir).glob("*.xml"))
    dev = set(split(corpus, "dev"))
    docs = []
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["corpus"] == "seed":
            article = read_article(ROOT / data["file"])
            text, published, group = article.text, article.published, "seed"
        else:
            source = Path(meantime_dir) / data["file"]
            if not source.exists():
                raise fail(Errors.NO_MEANTIME, path=meantime_dir)
            cat = read_cat(source)
            text, published = cat.text, cat.dct
            group = "dev" if data["file"] in dev else "test"
        if text_hash(text) != data["text_sha256"]:
            raise fail(Errors.GOLD_STALE, path=path, article=data["file"])
        docs.append(GoldDoc(path.stem, group, text, published, data[kind]))
    return docs


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def spans_match(a: Span, b: Span) -> bool:
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    return overlap > 0 and overlap >= MATCH_MIN_SHARE * (a[1] - a[0]) and overlap >= MATCH_MIN_SHARE * (b[1] - b[0])


def overlaps(a: Span, b: Span) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def pair_up(gold: list[Span], predicted: list[Span]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) of matching spans, largest overlaps first."""
    candidates = sorted(
        ((min(g[1], p[1]) - max(g[0], p[0]), gi, pi)
         for gi, g in enumerate(gold) for pi, p in enumerate(predicted) if spans_match(g, p)),
        reverse=True,
    )
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def names_source(gold: dict | None, span: Span | None, actor_spans: list[Span] = ()) -> bool:
    """Does a predicted source (its words, or its actor's mentions) name the gold speaker or claimant?

    `gold` is {"at": [s, e], "refs": [[s, e], ...]} or None (nobody: the writer's own claim).
    """
    if gold is None:
        return span is None
    if span is None:
        return False
    targets = [tuple(gold["at"]), *(tuple(r) for r in gold["refs"])]
    return any(overlaps(tuple(span), t) for t in targets) or names_actor(gold, actor_spans)


def names_actor(gold: dict, actor_spans: list[Span]) -> bool:
    """Is the resolved actor the gold speaker (one of its mentions overlaps a gold name)?"""
    targets = [tuple(gold["at"]), *(tuple(r) for r in gold["refs"])]
    return any(overlaps(a, t) for a in actor_spans for t in targets)


@dataclass
class Tally:
    """Counts for precision/recall/F1 plus accuracies of attributes on matched pairs."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    checks: dict[str, list[int]] = field(default_factory=dict)  # name -> [right, asked]

    def check(self, name: str, right: bool) -> None:
        counts = self.checks.setdefault(name, [0, 0])
        counts[0] += int(right)
        counts[1] += 1

    @property
    def precision(self) -> float:
        return prf(self.matched, self.predicted, self.gold)[0]

    @property
    def recall(self) -> float:
        return prf(self.matched, self.predicted, self.gold)[1]

    @property
    def f1(self) -> float:
        return prf(self.matched, self.predicted, self.gold)[2]

    def accuracy(self, name: str) -> float | None:
        right, asked = self.checks.get(name, (0, 0))
        return right / asked if asked else None


def format_table(rows: list[list[str]], header: list[str]) -> str:
    """A plain-text table: the first three columns left-aligned, the numbers right-aligned."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(row) -> str:
        cells = (str(c).ljust(w) if i < 3 else str(c).rjust(w) for i, (c, w) in enumerate(zip(row, widths)))
        return "  ".join(cells).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths]), *map(line, rows)])


def excerpt(text: str, span, limit: int = 100) -> str | None:
    """The words of a span on one line, cut to `limit` characters (for --errors listings)."""
    return text[span[0] : span[1]].replace("\n", " ")[:limit] if span else None


def percent(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}"


def actor_spans(analysis, actor_id: str | None) -> list[Span]:
    """The character spans of every mention of an actor in an analysis."""
    if actor_id is None:
        return []
    return [(m.start, m.end) for m in analysis.mentions if m.actor == actor_id or m.stands_for == actor_id]


def analyses_for(docs: list[GoldDoc], nlp):
    """(gold doc, spaCy Doc, Analysis) for each gold document, parsed once through the full pipeline."""
    from presslens.analysis import build_analysis
    from presslens.ingest import article_from_text

    articles = [d.article or article_from_text(d.text, id=d.name, published=d.published) for d in docs]
    for gold, article, doc in zip(docs, articles, nlp.pipe(a.text for a in articles)):
        yield gold, doc, build_analysis(article, doc)
