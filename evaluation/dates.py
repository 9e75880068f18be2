"""Publication dates on the news set: what the text alone dates, against the gold's source.

Each text is read without its .meta.json. Where the gold says only a dateline dates the article, the
dateline's date must be found (source `dateline`); elsewhere any date found must be the metadata's
(never an invented one). Prints counts only, so the test half's texts are never shown.
"""

from __future__ import annotations

import argparse
import json

from presslens.paths import NEWS_DIR

from .news import SPLITS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--news", default=str(NEWS_DIR), help="news set folder (default: data/news)")


def score(news_dir=NEWS_DIR) -> dict[str, dict[str, int]]:
    from pathlib import Path

    from presslens.ingest import article_from_text

    tallies = {}
    for split in SPLITS:
        tally = {"texts": 0, "dateline_gold": 0, "dateline_found": 0, "invented": 0, }
        for gold_path in sorted((Path(news_dir) / split).glob("*.gold.json")):
            stem = gold_path.name.removesuffix(".gold.json")
            meta = json.loads((gold_path.parent / f"{stem}.meta.json").read_text(encoding="utf-8"))
            gold_source = json.loads(gold_path.read_text(encoding="utf-8")).get("published_source")
            text = (gold_path.parent / f"{stem}.txt").read_text(encoding="utf-8")
            article = article_from_text(text, id=stem)
            tally["texts"] += 1
            if article.published and meta.get("published") and article.published != meta["published"]:
                tally["invented"] += 1
            if gold_source == "dateline":
                tally["dateline_gold"] += 1
                # The gold's .meta.json has no date then: the dateline's is the one a reader takes.
                right = article.published_source == "dateline" and meta.get("published") in (None, article.published)
                tally["dateline_found"] += right
            elif gold_source is None and article.published is not None:
                tally["invented"] += 1
        tallies[split] = tally
    return tallies


def report(tallies: dict[str, dict[str, int]]) -> str:
    lines = ["news set, text alone | texts | dateline dates found | dates invented"]
    for split, t in tallies.items():
        lines.append(f"{split:<20} | {t['texts']:>5} | {t['dateline_found']}/{t['dateline_gold']} | {t['invented']}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    print(report(score(args.news)))
    return 0
