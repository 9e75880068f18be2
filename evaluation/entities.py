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

from presslens.errors import Errors, fail
from .scoring import prf

from presslens.paths import MEANTIME_DIR, SEED_GOLD, SHARED_DATA

SHARED_DATA_LABEL = "../shared/data"
MEANTIME = str(MEANTIME_DIR)
# Labels that name nothing: values and ranks (the raw model's are left out of named-mention scores).
NOT_NAMES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"})

# Our labels and MEANTIME's entity types, mapped to the three classes scored.
CLASS_OF_LABEL = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
SCORED_TYPES = frozenset({"PER", "ORG", "LOC"})
SCORED_SYNTAX = "NAM"
OPTIONAL_SYNTAX = "PRE.NAM"

# The gold-data gate (tests/gates/test_entities_gold.py): scores may not drop below these floors, set a little
# below the figures measured when the rules were last changed (docs/entities.md has those figures).
FLOORS = {
    "seed_mention_f1": 0.97,
    "seed_actors_right": 1.0,
    "meantime_test_f1": 0.78,
    "news_test_bcubed_f1": 0.90,
    "news_dev_pronoun_precision": 0.85,
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
        elif {spans_of[m] for m in found.mentions if m in spans_of} != members:
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
    from presslens.analysis import analyze
    from presslens.article import Article
    from presslens.nlp import raw_model

    gold, text = load_gold(gold_path)
    analysis = analyze(Article(id="seed", text=text), nlp=nlp)
    gold_spans = [(m["start"], m["end"], m["label"]) for m in gold["mentions"]]
    with raw_model(nlp) as raw:
        raw_spans = [(e.start_char, e.end_char, e.label_) for e in raw(text).ents]
    # The seed gold holds names and values; groups and pronouns are scored on the news set.
    names = [m for m in analysis.mentions if m.kind == "name"]
    right, problems = score_actors(gold, names, analysis.actors)
    return {
        "ours": score_spans(gold_spans, [(m.start, m.end, m.label) for m in names]),
        "raw": score_spans(gold_spans, raw_spans),
        "actors_right": right,
        "actors": len(gold["actors"]),
        "actor_problems": problems,
        "links": score_links(gold, names, analysis.actors),
        "boilerplate_same": [list(s) for s in analysis.boilerplate] == gold["boilerplate"],
        "gold": gold,
        "analysis": analysis,
    }


def parse(nlp, texts: list[str]) -> tuple[list, list]:
    """The raw model's entities of each text, and each text parsed with our rules still to run
    (presslens_entities off), so that rule variants can be scored on copies without parsing again."""
    from presslens.nlp import raw_model

    with raw_model(nlp) as raw:
        raw_ents = [[(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents] for doc in raw.pipe(texts)]
    with nlp.select_pipes(disable=["presslens_entities"]):
        base = list(nlp.pipe(texts))
    return raw_ents, base


def ours(base_doc) -> tuple[list, list]:
    """Our mentions and actors on a copy of a parsed Doc (the rule families switched on at the time)."""
    from presslens.entities import mentions_and_actors, refine_entities

    # The component's function on a copy parsed without it: the families switched off now apply.
    return mentions_and_actors(refine_entities(base_doc.copy()))


def evaluate_meantime(nlp, docs, parsed=None) -> dict:
    """Ours and the raw model's Scores over the documents, with ours' errors."""
    raw_ents, base = parsed or parse(nlp, [d.text for d in docs])
    out = {"ours": Score(0, 0, 0), "raw": Score(0, 0, 0), "errors": []}
    for d, doc, raw in zip(docs, base, raw_ents):
        gold = meantime_gold(d)
        score, errors = score_names(d.text, gold, [(m.start, m.end, m.label) for m in ours(doc)[0] if m.kind == "name"])
        out["ours"] += score
        out["raw"] += score_names(d.text, gold, [r[:3] for r in raw])[0]
        out["errors"] += [(d.name, *e) for e in errors]
    return out


def evaluate_news(nlp, docs, parsed=None) -> dict:
    """The news set (data/news/): named mentions (exact span and label) for ours and the raw model,
    actor clustering (B-cubed over gold named mentions; the raw model's baseline joins equal words) and
    pronoun links. Predictions inside the gold's boilerplate are ignored."""
    from .clusters import average, bcubed, by_text, pronoun_links

    raw_ents, base = parsed or parse(nlp, [d.text for d in docs])
    out = {"ours": Score(0, 0, 0), "raw": Score(0, 0, 0), "pronouns": Score(0, 0, 0), "errors": []}
    cubes, raw_cubes, weights = [], [], []
    for d, doc, raw in zip(docs, base, raw_ents):
        skip = [d.at(a) for a in d.gold.get("boilerplate", [])]
        outside = lambda s, e: not any(s < be and e > bs for bs, be in skip)  # noqa: E731
        gold_named = {(m.start, m.end): m.actor for m in d.mentions if not m.pronoun}
        gold_spans = [(m.start, m.end, m.label) for m in d.mentions if not m.pronoun]
        gold_pronouns = {(m.start, m.end): m.actor for m in d.mentions if m.pronoun}
        mentions, _ = ours(doc)
        named = [m for m in mentions if m.actor and m.kind == "name" and outside(m.start, m.end)]
        raw_named = [r for r in raw if r[2] not in NOT_NAMES and outside(r[0], r[1])]
        ours_named = {(m.start, m.end): m.actor for m in named}
        out["ours"] += score_spans(gold_spans, [(m.start, m.end, m.label) for m in named])
        out["raw"] += score_spans(gold_spans, [r[:3] for r in raw_named])
        cubes.append(bcubed(gold_named, ours_named))
        raw_cubes.append(bcubed(gold_named, by_text([(r[0], r[1], r[3]) for r in raw_named])))
        weights.append(len(gold_named))
        pronouns = {(m.start, m.end): m.actor for m in mentions if m.kind == "pronoun" and outside(m.start, m.end)}
        out["pronouns"] += pronoun_links(gold_named, ours_named, gold_pronouns, pronouns)
        predicted = {(m.start, m.end, m.label) for m in named}
        out["errors"] += [(d.name, "missed", d.text[s:e], label) for s, e, label in gold_spans if (s, e, label) not in predicted]
        out["errors"] += [(d.name, "wrong", m.text, m.label) for m in named if (m.start, m.end, m.label) not in set(gold_spans)]
    out["bcubed"], out["raw_bcubed"] = average(cubes, weights), average(raw_cubes, weights)
    return out


def seed_bcubed(seed: dict) -> tuple[tuple, tuple]:
    """B-cubed of our actors on the seed gold, and of the equal-words baseline on our own mention spans."""
    from .clusters import bcubed, by_text

    gold = {(m["start"], m["end"]): m["actor"] for m in seed["gold"]["mentions"] if m["actor"]}
    mentions = seed["analysis"].mentions
    named = {(m.start, m.end): m.actor for m in mentions if m.actor and m.kind == "name"}
    baseline = by_text([(m.start, m.end, m.text) for m in mentions if m.actor and m.kind == "name"])
    return bcubed(gold, named), bcubed(gold, baseline)


def meantime_corpora(root: Path = SHARED_DATA) -> list[Path]:
    """Every MEANTIME corpus under the shared data folder: a folder named `meantime` holding CAT XML."""
    return sorted(p for p in Path(root).glob("**/meantime") if p.is_dir() and any(p.glob("*.xml")))


def add_arguments(parser) -> None:
    parser.add_argument("--meantime", action="append", metavar="DIR",
                        help=f"a MEANTIME CAT XML folder; repeat for several (default: every */meantime under {SHARED_DATA_LABEL})")
    parser.add_argument("--gold", default=str(SEED_GOLD), metavar="FILE", help="the seed gold JSON")
    parser.add_argument("--model", metavar="NAME", help="spaCy pipeline to load")
    parser.add_argument("--errors", action="store_true", help="list our errors on the dev halves (never test)")
    parser.add_argument("--ablate", action="store_true",
                        help="score each entity rule family switched off, on the dev halves only")


def run(args) -> int:
    from presslens.nlp import load_pipeline, model_label
    from . import news
    from .meantime import read_corpus, split

    nlp = load_pipeline(args.model)
    folders = [Path(f) for f in args.meantime] if args.meantime else meantime_corpora()
    for folder in folders:
        if not folder.is_dir() or not any(folder.glob("*.xml")):
            raise fail(Errors.NO_MEANTIME, path=folder)
    seed = evaluate_seed(nlp, args.gold)
    sets = {}  # (corpus, part) -> (kind, docs, parsed)
    for folder in folders:
        docs = read_corpus(folder)
        for part in ("dev", "test"):
            chosen = split(docs, part)
            sets[(_corpus_name(folder), part)] = ("meantime", chosen, parse(nlp, [d.text for d in chosen]))
    for part in news.SPLITS:
        chosen = news.load(part)
        if chosen:
            sets[("news", part)] = ("news", chosen, parse(nlp, [d.text for d in chosen]))
    results = {key: EVALUATORS[kind](nlp, docs, parsed) for key, (kind, docs, parsed) in sets.items()}
    print(report(seed, results, {key: len(docs) for key, (_, docs, _) in sets.items()}, model=model_label(nlp)))
    if args.ablate:
        print("\n" + ablation(nlp, {k: v for k, v in sets.items() if k[1] == "dev"}, results))
    if args.errors:
        print("\nOur errors on the dev halves (corpus, document, kind, class, text):")
        for (corpus, part), result in results.items():
            if part == "dev":
                for name, kind, text, cls in result["errors"]:
                    print(f"  {corpus[:14]:14}  {name[:36]:36}  {kind:6}  {cls:11}  {text}")
    return 0


EVALUATORS = {"meantime": evaluate_meantime, "news": evaluate_news}


def ablation(nlp, dev_sets: dict, results: dict) -> str:
    """Named-mention F1 on each dev half with one rule family switched off, beside all rules on."""
    from presslens.entities.component import FAMILIES, families_disabled

    keys = list(dev_sets)
    lines = ["Ablation on the dev halves: named-mention F1 with one rule family off (Δ against all rules on)",
             f"  {'family off':16}" + "".join(f" {k[0][:16]:>16}" for k in keys)]
    lines.append(f"  {'(none)':16}" + "".join(f" {results[k]['ours'].f1:16.3f}" for k in keys))
    for family in FAMILIES:
        with families_disabled(family):
            row = []
            for k in keys:
                kind, docs, parsed = dev_sets[k]
                f1 = EVALUATORS[kind](nlp, docs, parsed)["ours"].f1
                row.append(f"{f1:9.3f} ({f1 - results[k]['ours'].f1:+.3f})")
        lines.append(f"  {family:16}" + "".join(f" {cell:>16}" for cell in row))
    return "\n".join(lines)


def _corpus_name(folder: Path) -> str:
    """ "wikinews-apple" for ../shared/data/wikinews-apple/meantime."""
    folder = folder.resolve()
    return folder.parent.name if folder.name == "meantime" else folder.name


def report(seed: dict, results: dict, counts: dict, *, model: str) -> str:
    def row(name, s: Score) -> str:
        return f"  {name:30} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}   ({s.tp}/{s.predicted} predicted, {s.gold} gold)"

    def cube(name, c) -> str:
        return f"  {name:30} {c[0]:6.3f} {c[1]:6.3f} {c[2]:6.3f}"

    links = seed["links"]
    ours_cube, base_cube = seed_bcubed(seed)
    lines = [
        f"presslens eval entities · {model}",
        "",
        f"Seed gold ({seed['ours'].gold} mentions, {seed['actors']} actors) — exact span and label",
        f"  {'':30} {'P':>6} {'R':>6} {'F1':>6}",
        row("mentions, presslens", seed["ours"]),
        row("mentions, raw model", seed["raw"]),
        cube("actors B-cubed, presslens", ours_cube),
        cube("actors B-cubed, equal words", base_cube),
        f"  actors right: {seed['actors_right']}/{seed['actors']}"
        + "".join(f"\n    - {p}" for p in seed["actor_problems"]),
        f"  roles right: {links['role'][0]}/{links['role'][1]} · metonyms right: {links['stands_for'][0]}/"
        f"{links['stands_for'][1]} · boilerplate as gold: {'yes' if seed['boilerplate_same'] else 'no'}",
    ]
    for (corpus, part), result in results.items():
        if corpus != "news" and part == "dev":
            lines += ["", f"MEANTIME {corpus}: named mentions (NAM; PER, ORG, place) — exact span after determiner trim",
                      f"  {'':30} {'P':>6} {'R':>6} {'F1':>6}"]
        if corpus == "news" and part == "dev":
            lines += ["", "News set (data/news): named mentions of every type — exact span and label; actors; pronouns",
                      f"  {'':30} {'P':>6} {'R':>6} {'F1':>6}"]
        held = ", held out" if part == "test" else ""
        lines.append(f"  {part} ({counts[(corpus, part)]} documents{held})")
        lines.append(row("presslens", result["ours"]))
        lines.append(row("raw model", result["raw"]))
        if corpus == "news":
            lines.append(cube("actors B-cubed, presslens", result["bcubed"]))
            lines.append(cube("actors B-cubed, equal words", result["raw_bcubed"]))
            lines.append(row("pronoun links, presslens", result["pronouns"]))
    return "\n".join(lines)
