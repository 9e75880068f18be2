"""Reader for MEANTIME / SemEval TimeLine CAT XML (tokens plus markables anchored on token ids).

The text is rebuilt the way the corpus README asks: tokens joined by a space, a newline between
sentences; every markable becomes a character span into that text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from presslens.article import Article

# MEANTIME entity classes -> the OntoNotes labels we score them against.
MEANTIME_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC", "PRO": "PRODUCT", "FIN": "FIN", "MIX": "MIX"}


@dataclass(frozen=True)
class EntityMention:
    start: int
    end: int
    text: str
    syntactic_type: str  # NAM, NOM, PRO, PRE.NAM, APP, CONJ, ...
    ent_type: str | None  # PER ORG LOC PRO FIN MIX, from the entity it refers to
    instance: str | None  # the entity's instance id, shared across mentions of one entity


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str  # DATE TIME DURATION SET
    value: str


@dataclass(frozen=True)
class EventMention:
    start: int
    end: int
    text: str
    pred: str


@dataclass
class CatDocument:
    name: str
    text: str
    dct: str | None  # the document creation time (publication date), YYYY-MM-DD
    entities: list[EntityMention] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)

    def article(self) -> Article:
        """The document as the engine reads an article: its rebuilt text, the DCT as publication date."""
        return Article(id=self.name, text=self.text, published=self.dct, published_source="metadata" if self.dct else None)


def read_cat(path: str | Path) -> CatDocument:
    root = ET.parse(path).getroot()
    text, offsets, sentences = _rebuild_text(root.iter("token"))
    markables = root.find("Markables")
    by_id = {m.get("m_id"): m for m in (markables if markables is not None else [])}
    instance_of = _refers_to(root, by_id)
    doc = CatDocument(name=root.get("doc_name") or Path(path).stem, text=text, dct=None, sentences=sentences)
    for m in by_id.values():
        span = _span(m, offsets)
        if m.tag == "TIMEX3" and m.get("functionInDocument") == "CREATION_TIME":
            doc.dct = (m.get("value") or "")[:10] or None
        if span is None:  # implicit markables have no tokens: nothing to score them on
            continue
        start, end = span
        if m.tag == "ENTITY_MENTION":
            entity = by_id.get(instance_of.get(m.get("m_id")))
            doc.entities.append(EntityMention(
                start, end, text[start:end], m.get("syntactic_type") or "",
                entity.get("ent_type") if entity is not None else None,
                entity.get("instance_id") if entity is not None else None,
            ))
        elif m.tag == "TIMEX3" and m.get("functionInDocument") != "CREATION_TIME":
            doc.timexes.append(Timex(start, end, text[start:end], m.get("type") or "", m.get("value") or ""))
        elif m.tag == "EVENT_MENTION":
            doc.events.append(EventMention(start, end, text[start:end], m.get("pred") or ""))
    for items in (doc.entities, doc.timexes, doc.events):
        items.sort(key=lambda x: (x.start, x.end))
    return doc


def read_corpus(folder: str | Path) -> list[CatDocument]:
    """Every CAT XML document of a folder, sorted by file name."""
    return [read_cat(p) for p in sorted(Path(folder).glob("*.xml"))]


def _rebuild_text(tokens) -> tuple[str, dict[str, tuple[int, int]], list[tuple[int, int]]]:
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    sentences: list[tuple[int, int]] = []
    pos, current = 0, None
    for tok in tokens:
        sentence = tok.get("sentence")
        if parts:
            sep = " " if sentence == current else "\n"
            parts.append(sep)
            pos += 1
        if sentence != current:
            sentences.append((pos, pos))
            current = sentence
        word = tok.text or ""
        offsets[tok.get("t_id")] = (pos, pos + len(word))
        parts.append(word)
        pos += len(word)
        sentences[-1] = (sentences[-1][0], pos)
    return "".join(parts), offsets, sentences


def _span(markable, offsets) -> tuple[int, int] | None:
    anchors = [offsets[a.get("t_id")] for a in markable.findall("token_anchor") if a.get("t_id") in offsets]
    if not anchors:
        return None
    return min(s for s, _ in anchors), max(e for _, e in anchors)


def _refers_to(root, by_id) -> dict[str, str]:
    """mention m_id -> the m_id of the ENTITY (instance) it refers to."""
    out = {}
    for rel in root.iter("REFERS_TO"):
        target = rel.find("target")
        if target is None or by_id.get(target.get("m_id")) is None:
            continue
        for source in rel.findall("source"):
            out[source.get("m_id")] = target.get("m_id")
    return out


def split(docs: list[CatDocument], part: str) -> list[CatDocument]:
    """A fixed dev/test split of a sorted corpus: 'dev' the even positions, 'test' the odd, 'all' both.

    Rules are developed by reading errors on dev only; test is the held-out figure we report.
    """
    if part == "all":
        return docs
    if part not in ("dev", "test"):
        raise ValueError(f"unknown split {part!r}; use dev, test or all")
    return docs[0 if part == "dev" else 1 :: 2]
