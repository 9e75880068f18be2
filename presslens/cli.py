"""The `presslens` command: analyse articles, evaluate against gold data.

Bad input becomes one line on stderr and a non-zero exit code, never a traceback:
  0 success · 1 some inputs failed (the others were printed) · 2 nothing analysed, or a usage error
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys

from . import __version__
from .errors import PresslensError

# `presslens eval NAME` runs presslens.evaluation.NAME: add_arguments(parser) and run(args) -> int.
EVALUATIONS = {
    "entities": "mentions and actors on the seed gold and on MEANTIME, beside the raw model",
    "times": "temporal expressions, TempEval-3 style, on MEANTIME or TimeML, beside spaCy + dateparser",
    "quotes": "quote P/R/F1 and speaker accuracy on data/gold/quotes, beside textacy",
    "figures": "figure P/R/F1 and value/unit/qualifier/claimant accuracy on data/gold/figures",
    "crossdoc": "cross-document entity linking on MEANTIME, B-cubed beside the same-exact-name baseline",
}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except PresslensError as exc:
        print(f"presslens: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`presslens eval ... | head`): stop quietly, as other Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="presslens", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"presslens {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    analyze = commands.add_parser("analyze", help="analyse articles and print the analysis")
    analyze.add_argument("files", nargs="+", metavar="FILE", help=".txt (with NAME.meta.json), .html, or - for stdin")
    analyze.add_argument("--published", metavar="YYYY-MM-DD", help="publication date (overrides metadata)")
    analyze.add_argument("--format", choices=("json", "jsonl", "table"), help="default: json for one file, jsonl for several")
    analyze.add_argument("--model", metavar="NAME", help="spaCy pipeline to load (default: $PRESSLENS_MODEL, en_core_web_sm)")
    analyze.add_argument("--max-chars", type=int, metavar="N", help="refuse texts longer than N characters")
    analyze.set_defaults(handler=run_analyze)

    add = commands.add_parser("add", help="add articles to the store: files, folders (recursive), web pages, feeds")
    add.add_argument("inputs", nargs="+", metavar="PATH|URL|FEED", help=".txt/.md/.html/.jsonl files, folders, http(s) addresses")
    add.add_argument("--max-chars", type=int, metavar="N", help="refuse texts longer than N characters")
    add.add_argument("--db", metavar="FILE", help="the store (default: $PRESSLENS_DB, library/presslens.sqlite)")
    add.set_defaults(handler=run_add)

    entities = commands.add_parser("entities", help="corpus entities of the stored articles (and corrections)")
    importlib.import_module("presslens.corpus.command").add_arguments(entities)
    entities.set_defaults(handler=lambda args: importlib.import_module("presslens.corpus.command").run(args))

    evaluate = commands.add_parser("eval", help="score the engine against gold annotations")
    targets = evaluate.add_subparsers(dest="target", required=True, metavar="TARGET")
    for name, summary in EVALUATIONS.items():
        sub = targets.add_parser(name, help=summary)
        sub.set_defaults(handler=run_evaluation, module=f"presslens.evaluation.{name}")
        importlib.import_module(f"presslens.evaluation.{name}").add_arguments(sub)
    return parser


def run_analyze(args: argparse.Namespace) -> int:
    from .analysis import analyze_many
    from .ingest import read_article
    from .nlp import load_pipeline
    from .report import table

    fmt = args.format or ("json" if len(args.files) == 1 else "jsonl")
    articles, failures = [], {}
    for i, path in enumerate(args.files):
        try:
            articles.append(read_article(path, published=args.published, max_chars=args.max_chars))
        except PresslensError as exc:
            failures[i] = str(exc)
            print(f"presslens: error: {exc}", file=sys.stderr)
    if not articles:
        return 2
    analyses = analyze_many(articles, nlp=load_pipeline(args.model))
    results = []
    for i, path in enumerate(args.files):
        # A failed input keeps its place in the output, so line N still answers argument N.
        results.append({"source": path, "error": failures[i]} if i in failures else next(analyses).to_dict())
    write(results, fmt, table)
    return 1 if failures else 0


def run_add(args: argparse.Namespace) -> int:
    from .store import open_store
    from .store.importing import add_paths, ensure_ready

    store = open_store(args.db)
    ensure_ready(store)
    urls = [i for i in args.inputs if i.lower().startswith(("http://", "https://"))]
    paths = [i for i in args.inputs if i not in urls]
    report = add_paths(store, paths, max_chars=args.max_chars)
    if urls:
        from .store.fetching import add_urls

        report.extend(add_urls(store, urls, max_chars=args.max_chars))
    for problem in report.problems:
        print(f"presslens: error: {problem}", file=sys.stderr)
    for new, near in report.near:
        print(f"presslens: {new} is nearly the same text as {near} (kept, linked)", file=sys.stderr)
    print(f"{report.summary()} ({store.path})", file=sys.stderr)
    if report.problems:
        return 1 if (report.added or report.duplicates) else 2
    return 0


def write(results: list[dict], fmt: str, table) -> None:
    out = sys.stdout
    if fmt == "jsonl":
        for result in results:
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
    elif fmt == "json":
        body = results[0] if len(results) == 1 else results
        out.write(json.dumps(body, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write("\n\n".join(table(r) for r in results if "error" not in r) + "\n")


def run_evaluation(args: argparse.Namespace) -> int:
    return importlib.import_module(args.module).run(args)


if __name__ == "__main__":
    sys.exit(main())
