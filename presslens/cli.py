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
from .errors import Errors, PresslensError

# `presslens eval NAME` runs evaluation.NAME (a top-level package beside the engine):
# add_arguments(parser) and run(args) -> int.
EVALUATIONS = {
    "entities": "mentions and actors on the seed gold and on MEANTIME, beside the raw model",
    "times": "temporal expressions, TempEval-3 style, on MEANTIME or TimeML, beside spaCy + dateparser",
    "quotes": "quote P/R/F1 and speaker accuracy on data/gold/quotes, beside textacy",
    "figures": "figure P/R/F1 and value/unit/qualifier/claimant accuracy on data/gold/figures",
    "crossdoc": "cross-document entity linking on MEANTIME, B-cubed beside the same-exact-name baseline",
    "timeline": "one entity's events across articles on the SemEval-2015 TimeLine trial data",
    "dates": "publication dates the text alone gives (datelines) on the news set; none invented",
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # The evaluation package is dev tooling outside the engine: imported only when `eval` is asked.
    parser = build_parser(evaluations=bool(argv) and argv[0] == "eval")
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


def build_parser(*, evaluations: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="presslens", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"presslens {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    analyze = commands.add_parser("analyze", help="analyse articles and print the analysis")
    analyze.add_argument("files", nargs="*", metavar="FILE", help=".txt (with NAME.meta.json), .html, or - for stdin")
    analyze.add_argument("--all", action="store_true", help="analyse every stored article not yet analysed (batch)")
    analyze.add_argument("--workers", type=int, metavar="N", help="with --all: worker processes (default: the core count)")
    analyze.add_argument("--dask", metavar="ADDRESS", help="with --all: run on Dask distributed (tcp://host:8786, or local)")
    analyze.add_argument("--batch-size", type=int, default=32, metavar="N", help="with --all: articles per batch and commit")
    analyze.add_argument("--no-progress", action="store_true", help="with --all: no progress bar")
    analyze.add_argument("--db", metavar="FILE", help="with --all: the store (default: $PRESSLENS_DB)")
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

    export = commands.add_parser("export", help="stored analyses as JSONL, a CSV table or TimelineJS, for all or a query")
    export.add_argument("--format", choices=("jsonl", "csv", "timelinejs"), default="jsonl")
    export.add_argument("--table", choices=("mentions", "actors", "times", "events", "figures", "quotes"),
                        default="mentions", help="with --format csv: which table (default: mentions)")
    export.add_argument("--actor", metavar="NAME", help="only articles with this actor (a name or alias)")
    export.add_argument("--source", metavar="NAME", help="only articles from this source")
    export.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="published on or after")
    export.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="published on or before")
    export.add_argument("--search", metavar="WORDS", help="only articles with all these words (title or text)")
    export.add_argument("--db", metavar="FILE", help="the store (default: $PRESSLENS_DB)")
    export.add_argument("--model", metavar="NAME", help="the pipeline whose analyses to export")
    export.set_defaults(handler=run_export)

    evaluate = commands.add_parser("eval", help="score the engine against gold annotations")
    targets = evaluate.add_subparsers(dest="target", required=True, metavar="TARGET")
    for name, summary in EVALUATIONS.items():
        sub = targets.add_parser(name, help=summary)
        sub.set_defaults(handler=run_evaluation, module=f"evaluation.{name}")
        if evaluations:
            importlib.import_module(f"evaluation.{name}").add_arguments(sub)
    return parser


# Files read and analysed together: nlp.pipe batches them, and memory stays flat in the number of files
# because each chunk's analyses are written before the next chunk is read.
CHUNK = 32


def run_analyze(args: argparse.Namespace) -> int:
    if args.all:
        return run_analyze_all(args)
    if not args.files:
        print("presslens: error: give FILE arguments, or --all for the stored articles", file=sys.stderr)
        return 2
    from .analysis import analyze_many
    from .ingest import max_chars_limit, read_article
    from .nlp import load_pipeline
    from .report import table

    fmt = args.format or ("json" if len(args.files) == 1 else "jsonl")
    nlp, failed, done = None, 0, 0
    collected: list[dict] = []  # only for json, which is one document
    for first in range(0, len(args.files), CHUNK):
        chunk = args.files[first:first + CHUNK]
        articles, failures = [], {}
        for i, path in enumerate(chunk):
            try:
                if path == "-" and "-" in args.files[:first + i]:
                    raise PresslensError(Errors.STDIN_TWICE)
                articles.append(read_article(path, published=args.published, max_chars=args.max_chars))
            except PresslensError as exc:
                failures[i] = str(exc)
                print(f"presslens: error: {exc}", file=sys.stderr)
        if articles and nlp is None:
            nlp = load_pipeline(args.model)
            # spaCy refuses texts over its own max_length (1,000,000): it follows our cap instead.
            nlp.max_length = max(nlp.max_length, max_chars_limit(args.max_chars) + 1)
        analyses = analyze_many(articles, nlp=nlp) if articles else iter(())
        for i, path in enumerate(chunk):
            # A failed input keeps its place in the output, so line N still answers argument N.
            result = {"source": path, "error": failures[i]} if i in failures else next(analyses).to_dict()
            failed += i in failures
            done += i not in failures
            if fmt == "json":
                collected.append(result)
            else:
                write_one(result, fmt, table, first=first + i == 0)
        sys.stdout.flush()
    if fmt == "json" and done:
        body = collected[0] if len(collected) == 1 else collected
        sys.stdout.write(json_safe(json.dumps(body, ensure_ascii=False, indent=2)) + "\n")
    if not done:
        return 2
    return 1 if failed else 0


def json_safe(text: str) -> str:
    """JSON with C1 controls, DEL and bidi overrides written as \\u escapes (json escapes C0 itself):
    the same data, but nothing that reorders or drives a terminal."""
    from .report import UNSAFE_FOR_TERMINAL

    return UNSAFE_FOR_TERMINAL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def write_one(result: dict, fmt: str, table, *, first: bool) -> None:
    out = sys.stdout
    if fmt == "jsonl":
        out.write(json_safe(json.dumps(result, ensure_ascii=False)) + "\n")
    elif "error" not in result:
        out.write(("" if first else "\n") + table(result) + "\n")


def run_analyze_all(args: argparse.Namespace) -> int:
    from .nlp import installed_label, load_pipeline, model_label
    from .store import open_store
    from .store.batch import run
    from .store.importing import ensure_ready
    from .version import pipeline_version

    if args.files:
        print("presslens: error: --all analyses the store; add files first with: presslens add FILE ...", file=sys.stderr)
        return 2
    if args.workers is not None and args.workers < 1:
        print(f"presslens: error: --workers {args.workers}: give 1 or more", file=sys.stderr)
        return 2
    store = open_store(args.db)
    ensure_ready(store)
    label = installed_label(args.model) or model_label(load_pipeline(args.model))
    pipeline = pipeline_version(label)
    summary = run(store, pipeline, model=args.model, workers=args.workers, dask=args.dask,
                  batch_size=max(1, args.batch_size), progress=not args.no_progress)
    for article_id, reason in summary.failed:
        print(f"presslens: error: {article_id}: the analysis failed ({reason})", file=sys.stderr)
    print(f"{summary.line()}; {store.count_unanalysed(pipeline):,} left ({store.path})", file=sys.stderr)
    return 1 if summary.failed else 0


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


def run_export(args: argparse.Namespace) -> int:
    from .article import parse_published
    from .nlp import installed_label, load_pipeline, model_label
    from .store import Query, open_store
    from .store import exporting
    from .version import pipeline_version

    query = Query(
        words=args.search, source=args.source, actor=args.actor, sort="published",
        date_from=parse_published(args.date_from, source="--from"), date_to=parse_published(args.date_to, source="--to"),
    )
    store = open_store(args.db)
    pipeline = pipeline_version(installed_label(args.model) or model_label(load_pipeline(args.model)))
    analyses = (analysis for _, analysis in store.analyses(pipeline, query))
    out = sys.stdout
    if args.format == "jsonl":
        out.writelines(exporting.jsonl(analyses))
    elif args.format == "csv":
        out.writelines(exporting.csv_table(analyses, args.table))
    else:
        out.write(exporting.timelinejs(analyses) + "\n")
    missing = store.count_unanalysed(pipeline)
    if missing:
        print(f"presslens: {missing:,} stored articles are not analysed yet and were left out; "
              "run: presslens analyze --all", file=sys.stderr)
    return 0


def run_evaluation(args: argparse.Namespace) -> int:
    return importlib.import_module(args.module).run(args)


if __name__ == "__main__":
    sys.exit(main())
