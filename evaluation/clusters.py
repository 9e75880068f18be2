"""Actor clustering and pronoun links against gold: B-cubed over named mentions, pronoun-link P/R/F1.

B-cubed (Bagga & Baldwin 1998) is computed over the gold named mentions. A gold mention's response
cluster is the set of gold mentions whose exactly matching predicted mention has the same actor as its
own; a gold mention with no predicted mention at its span is a singleton (so a missed name costs recall
when its actor has other mentions, and nothing else). Precision of a mention = |gold ∩ response| /
|response|, recall = |gold ∩ response| / |gold cluster|, averaged over mentions.

A pronoun link is right when our pronoun mention has the gold pronoun's exact span and our actor is the
gold actor: our actor is mapped to the gold actor that most of its exactly matched named mentions belong to.
"""

from __future__ import annotations

from collections import Counter

from .entities import Score

Span = tuple[int, int]


def bcubed(gold: dict[Span, str], response: dict[Span, str]) -> tuple[float, float, float]:
    """(precision, recall, F1) of `response` (span -> predicted cluster) against `gold` (span -> actor)."""
    if not gold:
        return 0.0, 0.0, 0.0
    gold_members: dict[str, set[Span]] = {}
    for span, actor in gold.items():
        gold_members.setdefault(actor, set()).add(span)
    response_members: dict[str, set[Span]] = {}
    for span in gold:
        if span in response:
            response_members.setdefault(response[span], set()).add(span)
    p = r = 0.0
    for span, actor in gold.items():
        mine = response_members[response[span]] if span in response else {span}
        common = len(mine & gold_members[actor])
        p += common / len(mine)
        r += common / len(gold_members[actor])
    p, r = p / len(gold), r / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def by_text(spans: list[tuple[int, int, str]]) -> dict[Span, str]:
    """The naive clustering a bare NER model gives: the same words (ignoring case) are one actor."""
    return {(s, e): text.casefold() for s, e, text in spans}


def gold_actor_of(gold: dict[Span, str], ours: dict[Span, str]) -> dict[str, str]:
    """Our actor id -> the gold actor most of its exactly matched named mentions belong to."""
    votes: dict[str, Counter] = {}
    for span, actor in ours.items():
        if span in gold:
            votes.setdefault(actor, Counter())[gold[span]] += 1
    return {actor: counter.most_common(1)[0][0] for actor, counter in votes.items()}


def pronoun_links(gold_named: dict[Span, str], ours_named: dict[Span, str],
                  gold_pronouns: dict[Span, str], ours_pronouns: dict[Span, str]) -> Score:
    """Right pronoun links (exact span, right actor) as a Score over ours and the gold's."""
    mapped = gold_actor_of(gold_named, ours_named)
    right = sum(1 for span, actor in ours_pronouns.items() if gold_pronouns.get(span) is not None
                and mapped.get(actor) == gold_pronouns[span])
    return Score(right, len(ours_pronouns), len(gold_pronouns))


def average(scores: list[tuple[float, float, float]], weights: list[int]) -> tuple[float, float, float]:
    """Mention-weighted mean of per-document B-cubed triples (B-cubed is an average over mentions)."""
    total = sum(weights)
    if not total:
        return 0.0, 0.0, 0.0
    p = sum(s[0] * w for s, w in zip(scores, weights)) / total
    r = sum(s[1] * w for s, w in zip(scores, weights)) / total
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
