"""`presslens eval crossdoc`: cross-document entity linking on MEANTIME's cross-document layer.

MEANTIME gives every entity an `instance_id` shared by its mentions in all documents of the corpus (Apple
Inc. is one instance in every article about it). The gold is every named mention (syntactic type NAM) of
a person, organisation or place — the mentions `eval entities` scores — clustered by instance.

Each gold mention gets our cluster through our mention with the same span (after the determiner trim of
`eval entities`), else the named mention overlapping it most; a gold mention we did not find is a cluster
of its own. Scored with B-cubed (Bagga & Baldwin 1998) over the gold mentions, beside:
- "same exact name": the gold mention's own text, case-folded, is its cluster (gold spans, so this
  baseline never misses a mention);
- "articles alone": our per-article actors with no linking across articles.

Documents split in the fixed dev/test halves of `meantime.split` (sorted file names, even/odd), and each
half is linked as a corpus of its own: test documents never meet dev documents.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from presslens.errors import Errors, fail
from .entities import CLASS_OF_LABEL, MEANTIME, SCORED_SYNTAX, SCORED_TYPES, normalise

# The gold-data gate (tests/gates/test_crossdoc_eval.py): test B-cubed F1 may not drop below this floor.
FLOORS = {"test_bcubed_f1": 0.80}


def gold_mentions(doc) -> list[tuple[tuple[int, int], str]]:
    """One document's scored gold: (trimmed span, instance id) per named person/org/place mention."""
    out = []
    for m in doc.entities:
        if m.syntactic_type == SCORED_SYNTAX and m.ent_type in SCORED_TYPES and m.instance:
            out.append((normalise(doc.text, m.start, m.end), m.instance))
    return out


def bcubed(gold: dict, system: dict) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 over the items of `gold` (item -> cluster); `system` likewise."""
    if not gold:
        return 0.0, 0.0, 0.0
    g_members, s_members = defaultdict(set), defaultdict(set)
    for item, c in gold.items():
        g_members[c].add(item)
        s_members[system[item]].add(item)
    p = r = 0.0
    for item in gold:
        g, s = g_members[gold[item]], s_members[system[item]]
        both = len(g & s)
        p += both / len(s)
        r += both / len(g)
    p, r = p / len(gold), r / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def our_clusters(doc, analysis, index) -> dict[tuple[int, int], str]:
    """Gold span -> our cluster for one document (see module doc for the matching)."""
    from presslens.corpus.entities import mention_entities

    entity_of = mention_entities(analysis, index)
    named = [m for m in analysis.mentions if m.actor]
    spans = {normalise(doc.text, m.start, m.end): m for m in named}
    out = {}
    for span, _ in gold_mentions(doc):
        m = spans.get(span) or max(
            (m for m in named if m.start < span[1] and span[0] < m.end),
            key=lambda m: min(m.end, span[1]) - max(m.start, span[0]), default=None,
        )
        out[span] = entity_of.get(m.id, f"{doc.name}/{m.actor}") if m else f"missed:{doc.name}:{span}"
    return out


def evaluate(docs, analyses) -> dict:
    """B-cubed of ours, the exact-name baseline and the articles-alone baseline over one corpus."""
    from presslens.corpus.entities import link_entities

    index = link_entities(analyses)
    gold, ours, exact, alone, errors = {}, {}, {}, {}, []
    for doc, analysis in zip(docs, analyses):
        clusters = our_clusters(doc, analysis, index)
        by_span = {m_span: m for m_span, m in ((normalise(doc.text, m.start, m.end), m) for m in analysis.mentions)}
        for span, instance in gold_mentions(doc):
            item = (doc.name, span)
            gold[item] = instance
            ours[item] = clusters[span]
            exact[item] = doc.text[span[0]:span[1]].casefold()
            m = by_span.get(span)
            alone[item] = f"{doc.name}/{m.actor}" if m and m.actor else f"alone:{item}"
    for item in gold:
        errors.append((item[0], gold[item], ours[item], item[1]))
    return {
        "ours": bcubed(gold, ours), "exact": bcubed(gold, exact), "alone": bcubed(gold, alone),
        "mentions": len(gold), "instances": len(set(gold.values())), "documents": len(docs),
        "entities": len(index.entities), "index": index, "gold": gold, "system": ours,
    }


def analyse_docs(docs, nlp, cache_dir: str | None = None):
    """The real pipeline's analyses of the documents, cached as JSON under cache_dir when given."""
    import json

    from presslens.analysis import analyze_many
    from presslens.schema import Analysis
    from presslens.version import pipeline_version

    cache = Path(cache_dir) / pipeline_version() if cache_dir else None
    found = {}
    if cache and cache.is_dir():
        for d in docs:
            f = cache / f"{d.name}.json"
            if f.is_file():
                found[d.name] = Analysis.from_dict(json.loads(f.read_text(encoding="utf-8")))
    todo = [d for d in docs if d.name not in found]
    for d, a in zip(todo, analyze_many([d.article() for d in todo], nlp=nlp)):
        found[d.name] = a
        if cache:
            cache.mkdir(parents=True, exist_ok=True)
            (cache / f"{d.name}.json").write_text(json.dumps(a.to_dict(), ensure_ascii=False), encoding="utf-8")
    return [found[d.name] for d in docs]


def add_arguments(parser) -> None:
    parser.add_argument("--meantime", default=MEANTIME, metavar="DIR", help=f"MEANTIME CAT XML folder (default {MEANTIME})")
    parser.add_argument("--model", metavar="NAME", help="spaCy pipeline to load")
    parser.add_argument("--cache", metavar="DIR", help="keep the analyses as JSON here between runs")
    parser.add_argument("--errors", action="store_true", help="list the entities we split or join wrongly on dev (never test)")


def run(args) -> int:
    from presslens.nlp import load_pipeline, model_label
    from .meantime import read_corpus, split

    folder = Path(args.meantime)
    if not folder.is_dir() or not any(folder.glob("*.xml")):
        raise fail(Errors.NO_MEANTIME, path=folder)
    nlp = load_pipeline(args.model)
    docs = read_corpus(folder)
    parts = {}
    for part in ("dev", "test"):
        chosen = split(docs, part)
        parts[part] = evaluate(chosen, analyse_docs(chosen, nlp, args.cache))
    print(report(parts, model=model_label(nlp)))
    if args.errors:
        print("\n" + errors_report(parts["dev"]))
    return 0


def report(parts: dict, *, model: str) -> str:
    lines = [
        f"presslens eval crossdoc · {model}",
        "",
        "MEANTIME Wikinews cross-document entities: named person/org/place mentions, B-cubed",
        f"  {'':30} {'P':>6} {'R':>6} {'F1':>6}",
    ]
    for part, r in parts.items():
        lines.append(f"  {part} ({r['documents']} documents, {r['mentions']} mentions of {r['instances']} entities"
                     f"{', held out' if part == 'test' else ''})")
        for key, name in (("ours", "presslens"), ("exact", "same exact name (baseline)"), ("alone", "articles alone")):
            p, rec, f = r[key]
            lines.append(f"  {name:30} {100 * p:6.1f} {100 * rec:6.1f} {100 * f:6.1f}")
    return "\n".join(lines)


def errors_report(result: dict) -> str:
    """Gold entities we split over several clusters and clusters that join several gold entities (dev)."""
    gold, system = result["gold"], result["system"]
    by_gold, by_sys = defaultdict(set), defaultdict(set)
    for item in gold:
        by_gold[gold[item]].add(system[item])
        by_sys[system[item]].add(gold[item])
    name = {e.id: e.name for e in result["index"].entities}
    lines = ["Dev: gold entities split over several of ours (instance: our clusters)"]
    lines += [f"  {g}: {', '.join(sorted(name.get(s, s) for s in ss))}" for g, ss in sorted(by_gold.items()) if len(ss) > 1]
    lines.append("Dev: our clusters joining several gold entities (cluster: instances)")
    lines += [f"  {name.get(s, s)}: {', '.join(sorted(gs))}" for s, gs in sorted(by_sys.items()) if len(gs) > 1]
    return "\n".join(lines)


__all__ = ["CLASS_OF_LABEL", "bcubed", "evaluate", "gold_mentions"]
