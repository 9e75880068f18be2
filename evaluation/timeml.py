"""Reader for TempEval-style TimeML: the text of <TEXT> with <TIMEX3> tags inline, the DCT as publication date.

Documents come back as the same `CatDocument` the MEANTIME reader gives, so one scorer serves both.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from .meantime import CatDocument, Timex


def is_timeml(path: str | Path) -> bool:
    try:
        return next(ET.iterparse(path, events=("start",)))[1].tag == "TimeML"
    except (ET.ParseError, StopIteration, OSError):
        return False


def read_timeml(path: str | Path) -> CatDocument:
    root = ET.parse(path).getroot()
    dct = None
    for timex in root.iterfind("DCT/TIMEX3"):
        dct = (timex.get("value") or "")[:10] or None
    body = root.find("TEXT")
    parts: list[str] = []
    timexes: list[Timex] = []
    if body is not None:
        _walk(body, parts, timexes, inside=False)
    text = "".join(parts)
    doc_id = root.findtext("DOCID") or Path(path).stem
    return CatDocument(name=doc_id.strip(), text=text, dct=dct, timexes=sorted(timexes, key=lambda t: t.start))


def read_timeml_folder(folder: str | Path) -> list[CatDocument]:
    """Every TimeML file of a folder (.tml or .xml), sorted by file name."""
    paths = sorted(p for p in Path(folder).iterdir() if p.suffix in (".tml", ".xml") and is_timeml(p))
    return [read_timeml(p) for p in paths]


def _walk(elem, parts: list[str], timexes: list[Timex], *, inside: bool) -> None:
    start = sum(map(len, parts))
    parts.append(elem.text or "")
    for child in elem:
        _walk(child, parts, timexes, inside=inside or elem.tag == "TIMEX3")
        parts.append(child.tail or "")
    if elem.tag == "TIMEX3" and not inside:
        end = sum(map(len, parts))
        text = "".join(parts)[start:end]
        timexes.append(Timex(start, end, text, elem.get("type") or "", elem.get("value") or ""))
