"""`presslens eval quotes`: quote precision/recall/F1 and speaker accuracy on the gold in data/gold/quotes,
beside textacy's `direct_quotations` on the same parsed documents.

Match rule: a predicted quote matches a gold quote when their character spans overlap by at least half of
each (one-to-one, largest overlap first); a partial quote is matched by its quoted words (`Quote.quoted`),
since its record spans the whole reported clause and the gold names the words in the marks. Speaker: right when the words the system names as speaker, or
any mention of the actor it resolved them to, overlap the gold speaker's words at the attribution or any
name of the same speaker in the article. Actor: right when the resolved actor has a mention overlapping
one of those names, asked only where the gold speaker has a name in the article (textacy resolves
nothing, so it has no actor column).
"""

from __future__ import annotations

import argparse

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
    names_actor,
    names_source,
    overlaps,
    pair_up,
    percent,
)

KINDS = ("all", "direct", "partial", "indirect")
SYSTEMS = ("presslens", "textacy", "textacy†")
ACCEPTED = SYSTEMS[2]  # textacy on the documents it did not refuse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gold", default=str(GOLD_DIR), help="gold folder (default: data/gold)")
    parser.add_argument("--meantime", default=str(MEANTIME_DIR), help="MEANTIME CAT XML folder")
    parser.add_argument("--model", help="spaCy pipeline to load")
    parser.add_argument("--no-baseline", action="store_true", help="skip textacy's direct_quotations")
    parser.add_argument("--errors", action="store_true",
                        help="list every miss and false alarm of the development groups (never the held-out ones)")
    parser.add_argument("--no-news", action="store_true", help="leave out the news set (data/news)")


def run(args: argparse.Namespace) -> int:
    from presslens.nlp import load_pipeline

    docs = load_gold("quotes", gold_dir=args.gold, meantime_dir=args.meantime, news=not args.no_news)
    tallies, bailed = score(docs, load_pipeline(args.model), baseline=not args.no_baseline, errors=args.errors)
    print(report(tallies, docs, bailed))
    return 0


def score(docs, nlp, *, baseline: bool = True, errors: bool = False):
    """Tallies keyed by (group, kind, system), and how many documents textacy refused."""
    tallies: dict[tuple[str, str, str], Tally] = {}
    bailed = 0
    for gold_doc, doc, analysis in analyses_for(docs, nlp):
        gold = gold_doc.items
        ours = [_ours(q, analysis) for q in analysis.quotes]
        _count_misplaced(tallies, gold_doc, ours)
        ours = _outside_boilerplate(ours, gold_doc)  # the news set's gold ignores predictions there
        _tally(tallies, gold_doc.group, "presslens", gold, ours)
        if errors and gold_doc.group not in HELD_OUT:
            _print_errors(gold_doc, gold, ours)
        if baseline:
            theirs, refused = textacy_quotes(doc)
            theirs = _outside_boilerplate(theirs, gold_doc)
            bailed += refused
            _tally(tallies, gold_doc.group, "textacy", gold, theirs)
            if not refused:
                _tally(tallies, gold_doc.group, ACCEPTED, gold, theirs)
    return tallies, bailed


def _count_misplaced(tallies, gold_doc, ours: list[dict]) -> None:
    """Speakers that are documents ("according to a formula") and quotes in bylines, datelines, credits."""
    t = tallies.setdefault((gold_doc.group, "all", "presslens"), Tally())
    for q in ours:
        if gold_doc.not_speakers:
            t.check("doc speaker", q["speaker"] is not None and any(overlaps(q["speaker"], s) for s in gold_doc.not_speakers))
        if gold_doc.boilerplate:
            t.check("in bp", any(overlaps(q["whole"], s) for s in gold_doc.boilerplate))


def _outside_boilerplate(quotes: list[dict], gold_doc) -> list[dict]:
    return [q for q in quotes if not any(overlaps(q["whole"], b) for b in gold_doc.boilerplate)]


def match_span(quote) -> tuple[int, int]:
    """What a quote is matched on: the quoted words of a partial quote, else its span."""
    if quote.kind == "partial" and getattr(quote, "quoted", None):
        return quote.quoted[0][0], quote.quoted[-1][1]
    return quote.start, quote.end


def _ours(quote, analysis) -> dict:
    return {
        "span": match_span(quote),
        "whole": (quote.start, quote.end),
        "kind": quote.kind,
        "speaker": tuple(quote.speaker_span) if quote.speaker_span else None,
        "actor": actor_spans(analysis, quote.speaker),
    }


def textacy_quotes(doc) -> tuple[list[dict], int]:
    """textacy's direct quotations as predictions; it refuses documents with an odd number of marks."""
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return [], 1
    out = []
    for triple in triples:
        speaker = triple.speaker
        out.append({
            "span": (triple.content.start_char, triple.content.end_char),
            "kind": "direct",
            "speaker": (speaker[0].idx, speaker[-1].idx + len(speaker[-1])) if speaker else None,
            "whole": (triple.content.start_char, triple.content.end_char),
            "actor": [],
        })
    return out, 0


def _tally(tallies, group: str, system: str, gold: list[dict], predicted: list[dict]) -> None:
    sets = (group, "wikinews") if group in ("dev", "test") else (group,)
    for kind in KINDS if system == SYSTEMS[0] else ("all", "direct"):
        g = [q for q in gold if kind in ("all", q["kind"])]
        p = [q for q in predicted if kind in ("all", q["kind"])]
        pairs = pair_up([tuple(q["span"]) for q in g], [q["span"] for q in p])
        for name in sets:
            t = tallies.setdefault((name, kind, system), Tally())
            t.gold += len(g)
            t.predicted += len(p)
            t.matched += len(pairs)
            for gi, pi in pairs:
                gq, pq = g[gi], p[pi]
                t.check("speaker", names_source(gq["speaker"], pq["speaker"], pq["actor"]))
                if system == "presslens" and gq["speaker"] is not None and gq["speaker"]["refs"]:
                    t.check("actor", names_actor(gq["speaker"], pq["actor"]))


def report(tallies, docs, bailed: int) -> str:
    counts = {g: sum(1 for d in docs if d.group == g) for g in GROUPS}
    lines = [
        "quotes: gold " + ", ".join(f"{GROUP_TITLES[g]} {counts[g]} articles" for g in GROUPS),
        "match: spans overlapping by at least half of each; speaker/actor accuracy on matched quotes",
    ]
    if bailed:
        lines.append(f"textacy refused {bailed} of {len(docs)} documents (odd number of quote marks): counted as no "
                     f"quotes; textacy† is scored on the documents it accepted only")
    lines.append("doc spk: share of our quotes whose speaker is a document the gold lists in not_speakers; "
                 "in bp: share inside bylines, datelines, credits (news set; both should be 0)")
    header = ["set", "kind", "system", "gold", "pred", "match", "P", "R", "F1", "speaker", "actor", "doc spk", "in bp"]
    rows = []
    for group in (*GROUPS, "wikinews"):
        for kind in KINDS:
            for system in SYSTEMS:
                t = tallies.get((group, kind, system))
                if t is None:
                    continue
                rows.append([group, kind, system, t.gold, t.predicted, t.matched, percent(t.precision),
                             percent(t.recall), percent(t.f1), percent(t.accuracy("speaker")), percent(t.accuracy("actor")),
                             percent(t.accuracy("doc speaker")), percent(t.accuracy("in bp"))])
    return "\n".join(lines) + "\n\n" + format_table(rows, header)


def _print_errors(gold_doc, gold: list[dict], ours: list[dict]) -> None:
    text = gold_doc.text
    pairs = pair_up([tuple(q["span"]) for q in gold], [q["span"] for q in ours])
    hit_g = {gi for gi, _ in pairs}
    hit_p = {pi for _, pi in pairs}
    def clip(span):
        return excerpt(text, span, 100)

    print(f"== {gold_doc.name} ({gold_doc.group})")
    for gi, q in enumerate(gold):
        if gi not in hit_g:
            print(f"  MISS {q['kind']:8} [{clip(q['span'])}] <- {clip(q['speaker']['at']) if q['speaker'] else None}")
    for pi, q in enumerate(ours):
        if pi not in hit_p:
            print(f"  FALSE {q['kind']:8} [{clip(q['span'])}] <- {clip(q['speaker']) if q['speaker'] else None}")
    for gi, pi in pairs:
        g, p = gold[gi], ours[pi]
        if not names_source(g["speaker"], p["speaker"], p["actor"]):
            print(f"  SPEAKER [{clip(g['span'])[:50]}] gold {clip(g['speaker']['at']) if g['speaker'] else None} "
                  f"got {clip(p['speaker']) if p['speaker'] else None}")
        elif g["speaker"] is not None and g["speaker"]["refs"] and not names_actor(g["speaker"], p["actor"]):
            print(f"  ACTOR [{clip(g['span'])[:50]}] {clip(p['speaker']) if p['speaker'] else None} "
                  f"resolved to {'+'.join(sorted({clip(a) for a in p['actor']})) or None}")
