"""Claims compared: figures with the same subject and unit across articles, side by side.

Two figures are about one thing when their units agree and their subjects share most content words
(stems; Jaccard at least SAME_SUBJECT), e.g. "Syrian refugees abroad" / "Syrian refugees living abroad".
Within a group the rows are by date and outlet, each with its claimant, hedge and value; the group is
flagged when two articles give values that differ by more than DISAGREE (relative) and whose ranges
do not overlap — a reader sees at a glance where outlets report different numbers for one thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..schema import Analysis, Figure
from .entities import EntityIndex
from .query import CorpusQuery, outlet, words_of
from .timeline import stem

SAME_SUBJECT = 0.5
DISAGREE = 0.02
STOP = frozenset({"the", "a", "an", "of", "in", "on", "for", "to", "and", "or", "their", "its", "his", "her",
                  "who", "that", "which", "by", "at", "with", "from", "as", "all", "some"})


@dataclass(frozen=True)
class ClaimRow:
    article: str
    figure: str
    outlet: str
    published: str | None
    text: str
    value: float | None
    value_high: float | None
    unit: str | None
    qualifier: str | None  # the hedge: approximately, at least, ...
    subject: str | None
    claimant: str | None  # entity id
    claimant_text: str | None
    sentence: list[int]


@dataclass
class ClaimGroup:
    id: str
    subject: str
    unit: str | None
    rows: list[ClaimRow] = field(default_factory=list)

    @property
    def articles(self) -> list[str]:
        return sorted({r.article for r in self.rows})

    @property
    def disagree(self) -> bool:
        """Two articles report values for this that differ beyond rounding and do not overlap as ranges."""
        rows = [r for r in self.rows if r.value is not None]
        return any(
            a.article != b.article and _differ(a, b) for i, a in enumerate(rows) for b in rows[i + 1:]
        )


def subject_words(subject: str | None) -> frozenset[str]:
    return frozenset(stem(w) for w in words_of(subject or "") if w not in STOP)


def compare_claims(analyses: list[Analysis], index: EntityIndex, query: CorpusQuery = CorpusQuery()) -> list[ClaimGroup]:
    """Groups of figures about one thing, those reported by most articles first, disagreements first."""
    groups: list[tuple[frozenset[str], ClaimGroup]] = []
    for a in analyses:
        if not query.keeps_article(a):
            continue
        for f in a.figures:
            row = _row(a, f, index)
            if not query.keeps_entities(row.claimant):
                continue
            if not query.keeps_text(f.subject, f.text, f.claimant_text, f.claim):
                continue
            words = subject_words(f.subject)
            group = next((g for w, g in groups if g.unit == f.unit and words and _jaccard(w, words) >= SAME_SUBJECT), None)
            if group is None:
                group = ClaimGroup(f"c{len(groups) + 1}", f.subject or f.text, f.unit)
                groups.append((words, group))
            group.rows.append(row)
    out = [g for _, g in groups]
    for g in out:
        g.rows.sort(key=lambda r: (r.published or "9999", r.outlet, r.article, r.figure))
    out.sort(key=lambda g: (-len(g.articles), not g.disagree, g.id))
    return out


def _row(a: Analysis, f: Figure, index: EntityIndex) -> ClaimRow:
    return ClaimRow(
        a.article.id, f.id, outlet(a), a.article.published, f.text, f.value, f.value_high, f.unit, f.qualifier,
        f.subject, index.entity_of(a.article.id, f.claimant), f.claimant_text, list(f.sentence),
    )


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def _differ(a: ClaimRow, b: ClaimRow) -> bool:
    lo_a, hi_a = a.value, a.value_high if a.value_high is not None else a.value
    lo_b, hi_b = b.value, b.value_high if b.value_high is not None else b.value
    if lo_a <= hi_b and lo_b <= hi_a:
        return False
    scale = max(abs(hi_a), abs(hi_b), 1e-9)
    return min(abs(lo_a - hi_b), abs(lo_b - hi_a)) / scale > DISAGREE
