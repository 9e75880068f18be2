"""`presslens entities`: the corpus entities of the stored articles, and the reader's corrections.

Articles not yet analysed with this pipeline are analysed first (the model loads only then). A
correction names entities by id (`--merge ID ID...`, `--split ID ARTICLE`); it is stored by article and
actor name, so it survives re-analysis.
"""

from __future__ import annotations

import json
import sys

from .entities import Correction, EntityIndex


def add_arguments(parser) -> None:
    parser.add_argument("--format", choices=("table", "jsonl"), default="table", help="default: table")
    parser.add_argument("--db", metavar="FILE", help="the store (default: $PRESSLENS_DB, library/presslens.sqlite)")
    parser.add_argument("--model", metavar="NAME", help="spaCy pipeline for articles not yet analysed")
    parser.add_argument("--merge", nargs="+", metavar="ID", help="store a correction: these entities are one")
    parser.add_argument("--split", nargs=2, metavar=("ID", "ARTICLE"), help="store a correction: the entity's actors in ARTICLE are another entity")


def run(args) -> int:
    from ..errors import PresslensError
    from ..store import open_store
    from .stored import add_correction, stored_corpus

    store = open_store(args.db)
    pipeline = _analyse_missing(store, args.model)
    _, index = stored_corpus(store, pipeline)
    if args.merge or args.split:
        try:
            correction = merge_of(index, args.merge) if args.merge else split_of(index, *args.split)
        except ValueError as exc:
            raise PresslensError(str(exc)) from None
        add_correction(store, correction)
        _, index = stored_corpus(store, pipeline)
    write(index, args.format, out=sys.stdout)
    return 0


def merge_of(index: EntityIndex, ids: list[str]) -> Correction:
    """A merge correction naming one actor (article, name) of each entity."""
    if len(ids) < 2:
        raise ValueError("--merge needs two or more entity ids")
    return Correction("merge", tuple(_one_actor(index, i) for i in ids))


def split_of(index: EntityIndex, entity_id: str, article: str) -> Correction:
    """A split correction: the entity's actors in one article become an entity of their own."""
    entity = _entity(index, entity_id)
    names = _names_in(index, entity, article)
    if not names:
        raise ValueError(f"entity {entity_id} has no actor in article {article!r}; its articles: {', '.join(entity.articles)}")
    return Correction("split", tuple((article, name) for name in names))


def write(index: EntityIndex, fmt: str, *, out) -> None:
    if fmt == "jsonl":
        for e in index.entities:
            out.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
        return
    out.write(f"{'id':17} {'type':7} {'articles':>8} {'mentions':>8}  name (aliases)\n")
    for e in index.entities:
        others = [a for a in e.aliases if a != e.name]
        alias = f" ({', '.join(others)})" if others else ""
        out.write(f"{e.id:17} {e.type:7} {e.article_count:8} {e.mention_count:8}  {e.name}{alias}\n")


def _entity(index: EntityIndex, entity_id: str):
    entity = index.get(entity_id)
    if entity is None:
        raise ValueError(f"no entity {entity_id!r}; `presslens entities` lists them")
    return entity


def _one_actor(index: EntityIndex, entity_id: str) -> tuple[str, str]:
    entity = _entity(index, entity_id)
    return entity.members[0][0], _names_in(index, entity, entity.members[0][0])[0]


def _names_in(index: EntityIndex, entity, article: str) -> list[str]:
    """The names of the entity's actors in one article."""
    return [index.names[(article, actor)] for a, actor in entity.members if a == article]


def _analyse_missing(store, model: str | None) -> str:
    from ..analysis import analyze_many
    from ..nlp import installed_label, load_pipeline, model_label
    from ..version import pipeline_version

    label = installed_label(model)
    pipeline = pipeline_version(label) if label else pipeline_version()
    if store.count_unanalysed(pipeline):
        nlp = load_pipeline(model)
        pipeline = pipeline_version(model_label(nlp))
        todo = list(store.unanalysed(pipeline))
        store.put_analyses(zip(todo, analyze_many(todo, nlp=nlp)), pipeline)
        print(f"presslens: analysed {len(todo)} article(s) not analysed before", file=sys.stderr)
    return pipeline
