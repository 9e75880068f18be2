"""`presslens eval entities`: mentions and actors against the seed gold, named mentions against MEANTIME.

Seed (data/gold/seed_entities.json, written by reading the text): every mention scored on exact span and
label; an actor is right when one of ours has the gold name, type and exactly the gold member mentions.

MEANTIME (Wikinews, hand-annotated): the gold is every ENTITY_MENTION of syntactic type NAM whose entity
is a person, organisation or place (PER -> PERSON, ORG -> ORG, LOC -> GPE/LOC/FAC as one place class).
The same rules score ours and the raw model:
- spans are compared exactly after trimming a leading determiner and quote marks and a trailing
  possessive or punctuation mark on both sides (MEANTIME includes "the" in "the iPhone" and PTB quotes);
- when MEANTIME nests two mentions of one entity ("Presiding Judge Martin Mann" around "Martin Mann"),
  matching either counts once;
- MEANTIME annotates only entities taking part in annotated events, so a prediction that touches no gold
  entity mention at all is neither right nor wrong (ignored: the text there is unannotated);
- a prediction that touches an annotated entity mention of any kind without matching a scored name is a
  false positive: a product (PRO), a financial entity (FIN) or a common noun phrase (NOM) read as a
  person, organisation or place is an error;
- premodifier names (PRE.NAM: "Apple" in "Apple CEO") are optional: matching one with the right class is
  ignored, missing one is not counted.
Rules are developed by reading errors on the dev split only (`--errors`); test is the held-out figure.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import Errors, fail
from .scoring import prf

ROOT = Path(__file__).resolve().parents[2]
SEED_GOLD = ROOT / "data" / "gold" / "seed_entities.json"
MEANTIME = "../shared/data/wikinews-apple/meantime"

# Our labels and MEANTIME's entity types, mapped to the three classes scored.
CLASS_OF_LABEL = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
SCORED_TYPES = frozenset({"PER", "ORG", "LOC"})
SCORED_SYNTAX = "NAM"
OPTIONAL_SYNTAX = "PRE.NAM"

# The gold-data gate (tests/test_entities_gold.py): scores may not drop below these floors, set a little
# below the figures measured when the rules were last changed (docs/entities.md has those figures).
FLOORS = {
    "seed_mention_f1": 0.97,
    "seed_actors_right": 1.0,
    "meantime_test_f1": 0.78,
}

_LEADING = re.compile(r"^(?:(?:the|a|an)\s+|``\s*|''\s*|[\"'‘’“”]\s*)", re.IGNORECASE)
_TRAILING = re.compile(r"(?:\s*(?:'s|’s|''|``|[\"'’”,.;:]))$")


@dataclass(frozen=True)
class Score:
    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return prf(self.tp, self.predicted, self.gold)[0]

    @property
    def recall(self) -> float:
        return prf(self.tp, self.predicted, self.gold)[1]

    @property
    def f1(self) -> float:
        return prf(self.tp, self.predicted, self.gold)[2]

    def __add__(self, other: "Score") -> "Score":
        return Score(self.tp + other.tp, self.predicted + other.predicted, self.gold + other.gold)


# -- the seed ---------------------------------------------------------------------------------------


def load_gold(path: str | Path = SEED_GOLD) -> tuple[dict, str]:
    """The seed gold and the article text it annotates (checked against the stored hash)."""
    import hashlib

    path = Path(path)
    if not path.is_file():
        raise fail(Errors.NO_GOLD, path=path)
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (path.parents[2] / gold["article"]).read_text(encoding="utf-8")
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != gold["sha256"]:
        raise fail(Errors.GOLD_STALE, path=path, article=gold["article"])
    return gold, text


def score_spans(gold: list[tuple[int, int, str]], predicted: list[tuple[int, int, str]]) -> Score:
    """Exact span and label, each gold mention matched at most once."""
    return Score(len(set(gold) & set(predicted)), len(set(predicted)), len(set(gold)))


def score_actors(gold: dict, mentions: list, actors: list) -> tuple[int, list[str]]:
    """How many gold actors one of ours gets right (name, type, members), and what is wrong with the rest."""
    spans_of = {m.id: (m.start, m.end) for m in mentions}
    ours = {a.name: a for a in actors}
    right, problems = 0, []
    for actor in gold["actors"]:
        members = {(m["start"], m["end"]) for m in gold["mentions"] if m["actor"] == actor["name"]}
        found = ours.get(actor["name"])
        if found is None:
            problems.append(f"{actor['name']}: no actor of that name")
        elif found.type != actor["type"]:
            problems.append(f"{actor['name']}: type {found.type}, gold {actor['type']}")
        elif {spans_of[m] for m in found.mentions} != members:
            problems.append(f"{actor['name']}: other members than the gold's")
        else:
            right += 1
    return right, problems


def score_links(gold: dict, mentions: list, actors: list) -> dict[str, tuple[int, int]]:
    """Roles and metonyms: (agreeing, total) over gold mentions that have one or that we gave one."""
    name_of = {a.id: a.name for a in actors}
    ours = {(m.start, m.end): m for m in mentions}
    out = {}
    for field, ours_value in (("role", lambda m: m.role), ("stands_for", lambda m: name_of.get(m.stands_for))):
        pairs = [(g[field], ours_value(ours[(g["start"], g["end"])]) if (g["start"], g["end"]) in ours else None)
                 for g in gold["mentions"]]
        relevant = [(g, o) for g, o in pairs if g or o]
        out[field] = (sum(g == o for g, o in relevant), len(relevant))
    return out


# -- MEANTIME ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldName:
    spans: frozenset[tuple[int, int]]  # trimmed spans; nested mentions of one entity are alternatives
    cls: str


def normalise(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without a leading determiner or quote and a trailing possessive or punctuation mark."""
    while True:
        piece = text[start:end]
        lead, trail = _LEADING.match(piece), _TRAILING.search(piece)
        if lead and lead.end() < len(piece):
            start += lead.end()
        elif trail and trail.start() > 0:
            end -= len(piece) - trail.start()
        else:
            return start, end


def meantime_gold(doc) -> tuple[list[GoldName], set, list[tuple[int, int]]]:
    """One document's scored gold names, its optional names (span, class), and every annotated span."""
    scored, optional, annotated = [], set(), []
    for m in sorted(doc.entities, key=lambda m: m.start - m.end):  # outer mentions first
        span = normalise(doc.text, m.start, m.end)
        annotated.append(span)
        if m.ent_type not in SCORED_TYPES:
            continue
        if m.syntactic_type == OPTIONAL_SYNTAX:
            optional.add((span, m.ent_type))
        if m.syntactic_type != SCORED_SYNTAX:
            continue
        outer = next((g for g in scored if g[0] == m.instance and _contains(g[1], span)), None)
        if outer is None:
            scored.append((m.instance, {span}, m.ent_type))
        else:
            outer[1].add(span)
    return [GoldName(frozenset(spans), cls) for _, spans, cls in scored], optional, annotated


def score_names(text: str, gold: tuple, predicted: list[tuple[int, int, str]]):
    """Score one document's predicted (start, end, label) against `meantime_gold(doc)`.

    Returns the Score and the errors as ("missed"|"wrong", text, class), for reading on dev.
    """
    scored, optional, annotated = gold
    preds = [(normalise(text, s, e), CLASS_OF_LABEL[label]) for s, e, label in predicted if label in CLASS_OF_LABEL]
    unmatched = list(scored)
    tp = fp = 0
    errors = []
    for span, cls in preds:
        hit = next((g for g in unmatched if span in g.spans and g.cls == cls), None)
        if hit is not None:
            unmatched.remove(hit)
            tp += 1
        elif (span, cls) not in optional and any(_overlaps(span, s) for s in annotated):
            fp += 1
            errors.append(("wrong", text[span[0]:span[1]], cls))
    errors += [("missed", text[min(g.spans)[0]:min(g.spans)[1]], g.cls) for g in unmatched]
    return Score(tp, tp + fp, len(scored)), errors


def _contains(spans, span) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def _overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# -- running it ---------------------------------------------------------------------------------------


def evaluate_seed(nlp, gold_path=SEED_GOLD) -> dict:
    from ..analysis import analyze
    from ..article import Article
    from ..nlp import raw_model

    gold, text = load_gold(gold_path)
    analysis = analyze(Article(id="seed", text=text), nlp=nlp)
    gold_spans = [(m["start"], m["end"], m["label"]) for m in gold["mentions"]]
    with raw_model(nlp) as raw:
        raw_spans = [(e.start_char, e.end_char, e.label_) for e in raw(text).ents]
    right, problems = score_actors(gold, analysis.mentions, analysis.actors)
    return {
        "ours": score_spans(gold_spans, [(m.start, m.end, m.label) for m in analysis.mentions]),
        "raw": score_spans(gold_spans, raw_spans),
        "actors_right": right,
        "actors": len(gold["actors"]),
        "actor_problems": problems,
        "links": score_links(gold, analysis.mentions, analysis.actors),
        "boilerplate_same": [list(s) for s in analysis.boilerplate] == gold["boilerplate"],
        "gold": gold,
        "analysis": analysis,
    }


def evaluate_meantime(nlp, docs) -> dict:
    """Ours and the raw model's Scores over the documents, with ours' errors."""
    from ..entities import mentions_and_actors
    from ..nlp import raw_model

    texts = [d.text for d in docs]
    with raw_model(nlp) as raw:
        raw_ents = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in raw.pipe(texts)]
    ours_ents = [[(m.start, m.end, m.label) for m in mentions_and_actors(doc)[0]] for doc in nlp.pipe(texts)]
    out = {"ours": Score(0, 0, 0), "raw": Score(0, 0, 0), "errors": []}
    for d, ours, raw in zip(docs, ours_ents, raw_ents):
        gold = meantime_gold(d)
        score, errors = score_names(d.text, gold, ours)
        out["ours"] += score
        out["raw"] += score_names(d.text, gold, raw)[0]
        out["errors"] += [(d.name, *e) for e in errors]
    return out


def add_arguments(parser) -> None:
    parser.add_argument("--meantime", default=MEANTIME, metavar="DIR", help=f"MEANTIME CAT XML folder (default {MEANTIME})")
    parser.add_argument("--gold", default=str(SEED_GOLD), metavar="FILE", help="the seed gold JSON")
    parser.add_argument("--model", metavar="NAME", help="spaCy pipeline to load")
    parser.add_argument("--errors", action="store_true", help="list our MEANTIME errors on the dev split (never test)")


def run(args) -> int:
    from ..nlp import load_pipeline, model_label
    from .meantime import read_corpus, split

    nlp = load_pipeline(args.model)
    folder = Path(args.meantime)
    if not folder.is_dir() or not any(folder.glob("*.xml")):
        raise fail(Errors.NO_MEANTIME, path=folder)
    seed = evaluate_seed(nlp, args.gold)
    docs = read_corpus(folder)
    parts = {part: evaluate_meantime(nlp, split(docs, part)) for part in ("dev", "test")}
    print(report(seed, parts, model=model_label(nlp), counts={p: len(split(docs, p)) for p in parts}))
    if args.errors:
        print("\nOur errors on MEANTIME dev (document, kind, text, class):")
        for name, kind, text, cls in parts["dev"]["errors"]:
            print(f"  {name[:40]:40}  {kind:6}  {cls:3}  {text}")
    return 0


def report(seed: dict, parts: dict, *, model: str, counts: dict) -> str:
    def row(name, s: Score) -> str:
        return f"  {name:24} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}   ({s.tp}/{s.predicted} predicted, {s.gold} gold)"

    links = seed["links"]
    lines = [
        f"presslens eval entities · {model}",
        "",
        f"Seed gold ({seed['ours'].gold} mentions, {seed['actors']} actors) — exact span and label",
        f"  {'':24} {'P':>6} {'R':>6} {'F1':>6}",
        row("mentions, presslens", seed["ours"]),
        row("mentions, raw model", seed["raw"]),
        f"  actors right: {seed['actors_right']}/{seed['actors']}"
        + "".join(f"\n    - {p}" for p in seed["actor_problems"]),
        f"  roles right: {links['role'][0]}/{links['role'][1]} · metonyms right: {links['stands_for'][0]}/"
        f"{links['stands_for'][1]} · boilerplate as gold: {'yes' if seed['boilerplate_same'] else 'no'}",
        "",
        "MEANTIME Wikinews named mentions (NAM; PER, ORG, place) — exact span after determiner trim",
        f"  {'':24} {'P':>6} {'R':>6} {'F1':>6}",
    ]
    for part, result in parts.items():
        lines.append(f"  {part} ({counts[part]} documents{', held out' if part == 'test' else ''})")
        lines.append(row("presslens", result["ours"]))
        lines.append(row("raw model", result["raw"]))
    return "\n".join(lines)
