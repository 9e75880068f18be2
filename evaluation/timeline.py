"""`presslens eval timeline`: the corpus timeline of one entity on the SemEval-2015 TimeLine trial data.

The trial data (../shared/data/wikinews-apple/timelines-trial) has the 30 Apple articles and, per target
entity, a gold timeline: the events the entity takes part in across all articles, each as
DOCID-SENTENCE-WORD, in time order (equal ORDER = simultaneous; date XXXX-XX-XX = not anchored).

We analyse all 30 articles with the real pipeline, link their actors into corpus entities, take the
target's entity (exact name or alias, else the entity whose name is inside the target's, e.g. "Apple
Corps" for "Beatles Apple Corps"), and list the events that name it (`corpus_timeline` with the entity
filter). Scored:
- events: an event of ours is right when its document, sentence and trigger word are a gold event's;
  precision, recall, F1 over the target's events;
- order: over pairs of matched events whose gold order differs and whose gold dates are both known,
  the share our timeline puts in the same order (a pair we cannot order — same or unknown date — counts
  wrong), beside the baseline "order by publication date of the article".
Split: the six targets sorted by file name, even positions dev (beatles_apple_corps, iphone_4,
itunes_store), odd test (iphone_3g, ipod, steve_jobs); decided before any figure was read.
"""

from __future__ import annotations

from pathlib import Path

from presslens.errors import Errors, fail
from presslens.paths import SHARED_DATA

TRIAL = SHARED_DATA / "wikinews-apple" / "timelines-trial"


def read_gold(path: Path) -> tuple[str, list[tuple[int, str, tuple[str, int, str]]]]:
    """(target name, [(order, date, (doc id, sentence, word)), ...]) of one gold timeline file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    events = []
    for line in lines[1:]:
        cells = line.split("\t")
        if len(cells) < 3:
            continue
        for ref in cells[2:]:
            doc, sentence, word = ref.split("-", 2)
            events.append((int(cells[0]), cells[1], (doc, int(sentence), word)))
    return lines[0].strip(), events


def target_entity(index, target: str):
    """The entity the target names: by exact name or alias, else the one with the longest name inside it."""
    exact = index.find(target)
    if exact:
        return max(exact, key=lambda e: e.mention_count)
    t = f" {target.casefold()} "
    best = [(max(len(n) for n in [e.name, *e.aliases] if f" {n.casefold()} " in t), e.mention_count, e)
            for e in index.entities if any(f" {n.casefold()} " in t for n in [e.name, *e.aliases] if len(n) > 2)]
    return max(best, key=lambda x: x[:2])[2] if best else None  # the longest name inside, then most mentioned


def our_events(docs, analyses, index, entity) -> list[tuple[tuple[str, int, str], str]]:
    """(doc id, sentence, trigger word) and the start date of each event naming the entity, in our order."""
    from presslens.corpus.query import CorpusQuery
    from presslens.corpus.timeline import corpus_timeline

    doc_of = {d.name: d for d in docs}
    timeline = corpus_timeline(analyses, index, CorpusQuery(entity=entity.id))
    out = []
    for item in timeline.placed + timeline.apart:
        for r in item.reports:
            d = doc_of[r.article]
            a = next(x for x in analyses if x.article.id == r.article)
            e = next(x for x in a.events if x.id == r.event)
            sentence = next((i for i, (s, t) in enumerate(d.sentences) if s <= e.start < t), -1)
            word = d.text[e.start:e.end].split()[0] if e.end > e.start else ""
            out.append(((d.doc_id, sentence, word), item.interval[0] if item.interval else ""))
    return out


def score(gold, ours, dct: dict[str, str]) -> dict:
    gold_keys = {g[2]: (g[0], g[1]) for g in gold}
    found = [(k, day) for k, day in ours if k in gold_keys]
    matched = {k for k, _ in found}
    ours_keys = {k for k, _ in ours}
    p = len(matched) / len(ours_keys) if ours_keys else 0.0
    r = len(matched) / len(gold_keys) if gold_keys else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    day_of = {k: day for k, day in found}
    pairs = [(a, b) for a in matched for b in matched
             if gold_keys[a][0] < gold_keys[b][0] and "XXXX" not in gold_keys[a][1] + gold_keys[b][1]]
    ours_right = sum(1 for a, b in pairs if day_of[a] and day_of[b] and day_of[a] < day_of[b])
    base_right = sum(1 for a, b in pairs if dct.get(a[0]) and dct.get(b[0]) and dct[a[0]] < dct[b[0]])
    return {"p": p, "r": r, "f": f, "pairs": len(pairs), "ours_order": ours_right, "base_order": base_right,
            "matched": len(matched), "gold": len(gold_keys), "ours": len(ours_keys)}


def split_targets(files: list[Path], part: str) -> list[Path]:
    files = sorted(files)
    return files if part == "all" else files[0 if part == "dev" else 1 :: 2]


def add_arguments(parser) -> None:
    parser.add_argument("--trial", default=str(TRIAL), metavar="DIR", help="the TimeLine trial folder (corpus/, gold/)")
    parser.add_argument("--model", metavar="NAME", help="spaCy pipeline to load")
    parser.add_argument("--cache", metavar="DIR", help="keep the analyses as JSON here between runs")


def run(args) -> int:
    from presslens.corpus.entities import link_entities
    from presslens.nlp import load_pipeline, model_label

    from .crossdoc import analyse_docs
    from .meantime import read_corpus

    folder = Path(args.trial)
    if not (folder / "corpus").is_dir() or not any((folder / "gold").glob("*.txt")):
        raise fail(Errors.NO_MEANTIME, path=folder)
    nlp = load_pipeline(args.model)
    docs = read_corpus(folder / "corpus")
    for d in docs:
        d.doc_id = d.name.split("-")[0].split("_")[0]
    analyses = analyse_docs(docs, nlp, args.cache)
    index = link_entities(analyses)
    dct = {d.doc_id: d.dct or "" for d in docs}
    print(f"presslens eval timeline · {model_label(nlp)}\n")
    print("SemEval-2015 TimeLine trial (30 Apple articles): the target's events across articles")
    print(f"  {'target':22} {'entity':22} {'P':>6} {'R':>6} {'F1':>6}  {'ordered right (ours / by publication date)':>10}")
    for part in ("dev", "test"):
        print(f"  {part}{' (held out)' if part == 'test' else ''}")
        for path in split_targets(list((folder / "gold").glob("*.txt")), part):
            target, gold = read_gold(path)
            entity = target_entity(index, target)
            s = score(gold, our_events(docs, analyses, index, entity) if entity else [], dct)
            print(f"  {target:22} {(entity.name if entity else '—')[:22]:22} {100 * s['p']:6.1f} {100 * s['r']:6.1f} "
                  f"{100 * s['f']:6.1f}  {s['ours_order']}/{s['pairs']} / {s['base_order']}/{s['pairs']}"
                  f"   ({s['matched']} of {s['gold']} gold events; {s['ours']} ours)")
    return 0
