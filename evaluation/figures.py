"""`presslens eval figures`: figure precision/recall/F1 on the gold in data/gold/figures, and on matched
figures the accuracy of value, unit, qualifier, subject and claimant; beside the naive baseline of every
number spaCy's NER labels PERCENT, MONEY, QUANTITY or CARDINAL.

Match rule: as for quotes, character spans overlapping by at least half of each (the figure's own words:
"$ 500 million", "20 percent", "3,800"; hedges like "around" are scored as the qualifier, not the span).
Value: equal within 0.1% (the value is unsigned: the direction is `change`). Change: +, - or none as the
gold says (news set only; the older gold has no change). Unit: equal ignoring case and a plural "s". Subject: spans matching by the same
rule, asked where the gold names one. Claimant: the claimant's words or actor name the gold claimant,
or both are empty (the writer's own figure).
"""

from __future__ import annotations

import argparse
import math

from .attribution import (
    GOLD_DIR,
    GROUP_TITLES,
    GROUPS,
    HELD_OUT,
    MEANTIME_DIR,
    Tally,
    actor_spans,
    analyses_for,
    excerpt,
    format_table,
    load_gold,
    names_source,
    overlaps,
    pair_up,
    percent,
    spans_match,
)

BASELINE_LABELS = frozenset({"PERCENT", "MONEY", "QUANTITY", "CARDINAL"})
VALUE_TOLERANCE = 1e-3
CHECKS = ("value", "unit", "qualifier", "subject", "claimant", "change")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gold", default=str(GOLD_DIR), help="gold folder (default: data/gold)")
    parser.add_argument("--meantime", default=str(MEANTIME_DIR), help="MEANTIME CAT XML folder")
    parser.add_argument("--model", help="spaCy pipeline to load")
    parser.add_argument("--errors", action="store_true",
                        help="list every miss, false alarm and wrong attribute of the development groups (never held-out ones)")
    parser.add_argument("--no-news", action="store_true", help="leave out the news set (data/news)")


def run(args: argparse.Namespace) -> int:
    from presslens.nlp import load_pipeline

    docs = load_gold("figures", gold_dir=args.gold, meantime_dir=args.meantime, news=not args.no_news)
    print(report(score(docs, load_pipeline(args.model), errors=args.errors), docs))
    return 0


def score(docs, nlp, *, errors: bool = False) -> dict[tuple[str, str], Tally]:
    """Tallies keyed by (group, system)."""
    tallies: dict[tuple[str, str], Tally] = {}
    for gold_doc, doc, analysis in analyses_for(docs, nlp):
        ours = [_ours(f, analysis) for f in analysis.figures]
        theirs = [{"span": (e.start_char, e.end_char)} for e in doc.ents if e.label_ in BASELINE_LABELS]
        sets = (gold_doc.group, "wikinews") if gold_doc.group in ("dev", "test") else (gold_doc.group,)
        theirs = [f for f in theirs if not any(overlaps(f["span"], b) for b in gold_doc.boilerplate)]
        ours_scored = [f for f in ours if not any(overlaps(f["span"], b) for b in gold_doc.boilerplate)]
        for name in sets:
            _tally(tallies.setdefault((name, "presslens"), Tally()), gold_doc.items, ours_scored)
            _tally(tallies.setdefault((name, "spaCy NER"), Tally()), gold_doc.items, theirs)
        if errors and gold_doc.group not in HELD_OUT:
            _print_errors(gold_doc, ours)
    return tallies


def _ours(figure, analysis) -> dict:
    return {
        "span": (figure.start, figure.end),
        "value": figure.value,
        "unit": figure.unit,
        "qualifier": figure.qualifier,
        "change": getattr(figure, "change", None),
        "subject": tuple(figure.subject_span) if figure.subject_span else None,
        "claimant": tuple(figure.claimant_span) if figure.claimant_span else None,
        "actor": actor_spans(analysis, figure.claimant),
    }


def _tally(t: Tally, gold: list[dict], predicted: list[dict]) -> None:
    pairs = pair_up([tuple(f["span"]) for f in gold], [f["span"] for f in predicted])
    t.gold += len(gold)
    t.predicted += len(predicted)
    t.matched += len(pairs)
    if not predicted or "value" not in predicted[0]:
        return
    for gi, pi in pairs:
        for name, right in _checks(gold[gi], predicted[pi]).items():
            t.check(name, right)


def _checks(g: dict, p: dict) -> dict[str, bool]:
    checks = {
        "value": p["value"] is not None and math.isclose(abs(p["value"]), abs(g["value"]), rel_tol=VALUE_TOLERANCE),
        "unit": unit_key(p["unit"]) == unit_key(g["unit"]),
        "qualifier": p["qualifier"] == g["qualifier"],
        "claimant": names_source(g["claimant"], p["claimant"], p["actor"]),
    }
    if "change" in g:
        checks["change"] = p.get("change") == g["change"]
    if g["subject"] is not None:
        checks["subject"] = p["subject"] is not None and spans_match(tuple(g["subject"]), p["subject"])
    return checks


def unit_key(unit: str | None) -> str | None:
    if unit is None:
        return None
    key = unit.lower()
    return key[:-1] if key.endswith("s") and len(key) > 2 else key


def report(tallies, docs) -> str:
    counts = {g: sum(1 for d in docs if d.group == g) for g in GROUPS}
    lines = [
        "figures: gold " + ", ".join(f"{GROUP_TITLES[g]} {counts[g]} articles" for g in GROUPS),
        "match: spans overlapping by at least half of each; attribute accuracy on matched figures",
    ]
    header = ["set", "system", "", "gold", "pred", "match", "P", "R", "F1", *CHECKS]
    rows = []
    for group in (*GROUPS, "wikinews"):
        for system in ("presslens", "spaCy NER"):
            t = tallies.get((group, system))
            if t is None:
                continue
            rows.append([group, system, "", t.gold, t.predicted, t.matched, percent(t.precision), percent(t.recall),
                         percent(t.f1), *(percent(t.accuracy(c)) for c in CHECKS)])
    return "\n".join(lines) + "\n\n" + format_table(rows, header)


def _print_errors(gold_doc, ours: list[dict]) -> None:
    text, gold = gold_doc.text, gold_doc.items
    pairs = pair_up([tuple(f["span"]) for f in gold], [f["span"] for f in ours])
    def clip(span):
        return excerpt(text, span, 60)

    print(f"== {gold_doc.name} ({gold_doc.group})")
    for gi, f in enumerate(gold):
        if gi not in {g for g, _ in pairs}:
            print(f"  MISS [{clip(f['span'])}] {f['value']} {f['unit']}")
    for pi, f in enumerate(ours):
        if pi not in {p for _, p in pairs}:
            print(f"  FALSE [{clip(f['span'])}] {f['value']} {f['unit']}")
    for gi, pi in pairs:
        g, p = gold[gi], ours[pi]
        wrong = [name for name, right in _checks(g, p).items() if not right]
        if wrong:
            gold_view = {"value": g["value"], "unit": g["unit"], "qualifier": g["qualifier"], "change": g.get("change"),
                         "subject": clip(g["subject"]), "claimant": clip(g["claimant"]["at"]) if g["claimant"] else None}
            ours_view = {"value": p["value"], "unit": p["unit"], "qualifier": p["qualifier"], "change": p.get("change"),
                         "subject": clip(p["subject"]), "claimant": clip(p["claimant"])}
            print(f"  [{clip(g['span'])}] " + "; ".join(f"{n}: gold {gold_view[n]!r} got {ours_view[n]!r}" for n in wrong))
