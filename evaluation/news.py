"""The news dev set (data/news/): texts of many kinds with gold for every layer, written by reading.

Gold refers to the text by anchors (a string, or [string, n] for its n-th whole-word occurrence); this
module resolves them to offsets and returns the layers in the shapes the other scorers use. Format and
conventions: data/news/README.md.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from presslens.paths import NEWS_DIR
SPLITS = ("dev", "test")

Span = tuple[int, int]


class AnchorError(ValueError):
    """An anchor that does not name exactly one place in the text."""


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def occurrences(text: str, needle: str) -> list[Span]:
    """Whole-word occurrences of `needle`: no letter, digit or underscore just before or after it."""
    pattern = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)")
    return [m.span() for m in pattern.finditer(text)]


def resolve(text: str, anchor) -> Span:
    """The span an anchor names: "words" (their only occurrence) or ["words", n] (the n-th, from 1)."""
    if isinstance(anchor, str):
        needle, n = anchor, None
    elif isinstance(anchor, list) and len(anchor) == 2 and isinstance(anchor[0], str) and isinstance(anchor[1], int):
        needle, n = anchor
    else:
        raise AnchorError(f"not an anchor: {anchor!r}")
    found = occurrences(text, needle)
    if n is None:
        if len(found) != 1:
            raise AnchorError(f"{needle!r} occurs {len(found)} times as a whole word; write [{needle!r}, n]")
        return found[0]
    if not 1 <= n <= len(found):
        raise AnchorError(f"{needle!r} has {len(found)} whole-word occurrences, not {n}")
    return found[n - 1]


@dataclass(frozen=True)
class GoldMention:
    start: int
    end: int
    label: str  # the actor's type
    actor: str  # the actor's name
    role: str | None = None
    stands_for: str | None = None
    pronoun: bool = False


@dataclass
class NewsDoc:
    name: str
    split: str  # dev | test
    kind: str
    path: Path
    text: str
    meta: dict
    gold: dict = field(repr=False)

    def at(self, anchor) -> Span | None:
        return None if anchor is None else resolve(self.text, anchor)

    @cached_property
    def mentions(self) -> list[GoldMention]:
        """Named mentions and pronouns of every actor, in text order."""
        out = []
        for actor in self.gold.get("actors", []):
            for item in actor.get("mentions", []):
                spec = item if isinstance(item, dict) else {"at": item}
                start, end = self.at(spec["at"])
                stands_for = spec.get("stands_for", actor.get("stands_for"))
                out.append(GoldMention(start, end, actor["type"], actor["name"], spec.get("role"), stands_for))
            for item in actor.get("pronouns", []):
                start, end = self.at(item)
                out.append(GoldMention(start, end, actor["type"], actor["name"], pronoun=True))
        return sorted(out, key=lambda m: (m.start, m.end))

    def names_of(self, actor: str | None) -> list[Span]:
        """Spans naming an actor (not its pronouns): the `refs` of the quote and figure scorers."""
        return [(m.start, m.end) for m in self.mentions if m.actor == actor and not m.pronoun] if actor else []

    def source(self, name: str | None, at) -> dict | None:
        """A speaker or claimant in the attribution scorers' shape: {at, refs}, or None when unattributed."""
        span = self.at(at)
        if name is None and span is None:
            return None
        return {"at": list(span) if span else None, "refs": [list(s) for s in self.names_of(name)]}

    @cached_property
    def times(self) -> list[dict]:
        return [{"span": self.at(t["at"]), "type": t["type"], "value": t["value"]} for t in self.gold.get("times", [])]

    @cached_property
    def quotes(self) -> list[dict]:
        return [
            {"kind": q["kind"], "span": list(self.at(q["at"])),
             "speaker": self.source(q.get("speaker"), q.get("speaker_at"))}
            for q in self.gold.get("quotes", [])
        ]

    @cached_property
    def figures(self) -> list[dict]:
        out = []
        for f in self.gold.get("figures", []):
            subject = self.at(f.get("subject"))
            out.append({
                "span": list(self.at(f["at"])), "value": f["value"], "unit": f["unit"],
                "qualifier": f.get("qualifier"), "change": f.get("change"),
                "subject": list(subject) if subject else None,
                "claimant": self.source(f.get("claimant"), f.get("claimant_at")),
            })
        return out

    @cached_property
    def not_speakers(self) -> list[Span]:
        return [self.at(a) for a in self.gold.get("not_speakers", [])]

    def article(self):
        """The Article as `presslens analyze` reads NAME.txt with its .meta.json."""
        from presslens.ingest import read_article

        return read_article(self.path)


def read_doc(path: Path, split: str) -> NewsDoc:
    text = path.read_text(encoding="utf-8")
    stem = path.name[: -len(".txt")]
    gold = json.loads(path.with_name(f"{stem}.gold.json").read_text(encoding="utf-8"))
    meta_file = path.with_name(f"{stem}.meta.json")
    meta = json.loads(meta_file.read_text(encoding="utf-8")) if meta_file.exists() else {}
    return NewsDoc(stem, split, gold.get("kind", ""), path, text, meta, gold)


def load(split: str, *, folder: Path = NEWS_DIR) -> list[NewsDoc]:
    """The documents of one split, sorted by name."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
    return [read_doc(p, split) for p in sorted((Path(folder) / split).glob("*.txt"))]
