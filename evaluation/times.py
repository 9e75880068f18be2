"""`presslens eval times [PATH]`: temporal expressions scored TempEval-3 style against gold annotations.

PATH is a folder or file of MEANTIME CAT XML or of TempEval-style TimeML (the DCT is the publication
date). Printed for our tagger and for the glue baseline (spaCy's DATE/TIME entities, each read by
dateparser with the DCT as its relative base), on the same texts:
  strict P/R/F1  exact extent;  relaxed P/R/F1  any overlap (one gold to one system expression);
  value acc      share of relaxed matches with the gold TimeML value;  value F1 = relaxed F1 x value acc.
MEANTIME annotates each article's title and first sentences only: predictions are scored up to its
last annotated sentence, and its dateline (a sentence that is just the publication date) is metadata.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from dataclasses import dataclass, field
from pathlib import Path

from presslens.paths import MEANTIME_DIR

from .meantime import CatDocument, read_cat, read_corpus, split
from .scoring import prf
from .timeml import is_timeml, read_timeml, read_timeml_folder

DEFAULT_PATH = str(MEANTIME_DIR)
# Published rows, TempEval-3 English platinum test (UzZaman et al. 2013); see ../shared/data/README.md.
PUBLISHED = (
    ("HeidelTime (TempEval-3 platinum test)", "value F1 77.61"),
    ("SUTime (TempEval-3 platinum test)", "value F1 67.38"),
    ("best strict extraction F1 (ClearTK)", "82.71"),
    ("best relaxed extraction F1", "90.32"),
)
OURS, GLUE = "presslens", "spaCy DATE/TIME + dateparser"
# dateparser's period -> how many characters of an ISO timestamp make the TimeML value at that granularity
GLUE_PERIODS = {"year": 4, "month": 7, "day": 10, "time": 16}


@dataclass(frozen=True)
class Predicted:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Scores:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: "Scores") -> None:
        for name in ("gold", "system", "strict", "relaxed", "value", "type"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)

    def prf(self, hits: int) -> tuple[float, float, float]:
        return prf(hits, self.system, self.gold)

    @property
    def value_accuracy(self) -> float:
        return self.value / self.relaxed if self.relaxed else 0.0

    @property
    def type_accuracy(self) -> float:
        return self.type / self.relaxed if self.relaxed else 0.0

    @property
    def value_f1(self) -> float:
        return self.prf(self.relaxed)[2] * self.value_accuracy


def score(doc: CatDocument, predicted: list[Predicted], *, region: tuple[int, int] | None = None) -> Scores:
    lo, hi = region or (0, len(doc.text))
    gold = [g for g in doc.timexes if lo <= g.start < hi]
    system = [p for p in predicted if lo <= p.start < hi]
    out = Scores(gold=len(gold), system=len(system))
    used: set[int] = set()
    for g in gold:
        match = next((i for i, p in enumerate(system) if i not in used and p.start < g.end and g.start < p.end), None)
        if match is None:
            out.errors.append(f"{doc.name}: missed {g.text!r} {g.type} {g.value}")
            continue
        used.add(match)
        p = system[match]
        out.relaxed += 1
        out.strict += (p.start, p.end) == (g.start, g.end)
        out.type += p.type == g.type
        if p.value == g.value:
            out.value += 1
        else:
            out.errors.append(f"{doc.name}: {g.text!r} gold {g.value} ({g.type}), got {p.text!r} {p.value} ({p.type})")
    for i, p in enumerate(system):
        if i not in used:
            out.errors.append(f"{doc.name}: spurious {p.text!r} {p.type} {p.value}")
    return out


def scored_region(doc: CatDocument) -> tuple[int, int]:
    """Up to the last sentence holding any annotation (all of a TimeML text)."""
    if not doc.sentences:
        return 0, len(doc.text)
    marked = [m.start for m in (*doc.entities, *doc.events, *doc.timexes)]
    if not marked:
        return 0, len(doc.text)
    last = max(m for m in marked)
    end = next((e for s, e in doc.sentences if s <= last < e + 1), len(doc.text))
    return 0, end


def without_dateline(doc: CatDocument, predicted: list[Predicted]) -> list[Predicted]:
    """Drop predictions in a sentence that is nothing but the publication date (the Wikinews dateline)."""
    datelines = [(s, e) for s, e in doc.sentences
                 if any(p.start == s and p.end == e and p.value == doc.dct for p in predicted)]
    return [p for p in predicted if not any(s <= p.start < e for s, e in datelines)]


def ours(doc: CatDocument, nlp) -> list[Predicted]:
    from presslens.temporal import find_times

    published = dt.date.fromisoformat(doc.dct) if doc.dct else None
    return [Predicted(t.start, t.end, t.text, t.type, t.value) for t in find_times(nlp(doc.text), published=published)]


def glue(doc: CatDocument, nlp) -> list[Predicted]:
    from dateparser.date import DateDataParser

    from presslens.nlp import raw_model

    base = dt.datetime.fromisoformat(doc.dct) if doc.dct else dt.datetime.now()
    parser = DateDataParser(languages=["en"], settings={"RETURN_TIME_AS_PERIOD": True, "RELATIVE_BASE": base})
    out = []
    with raw_model(nlp):
        spacy_doc = nlp(doc.text)
    for ent in spacy_doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        data = parser.get_date_data(ent.text)
        value = ""
        if data and data.date_obj is not None:
            value = data.date_obj.isoformat()[: GLUE_PERIODS.get(data.period or "day", 10)]
        out.append(Predicted(ent.start_char, ent.end_char, ent.text, ent.label_, value))
    return out


def has_dateparser() -> bool:
    return importlib.util.find_spec("dateparser") is not None


def is_news_set(path: Path) -> bool:
    """The news dev set's layout (data/news/): dev/ and test/ folders of NAME.txt with NAME.gold.json."""
    return path.is_dir() and any((path / "dev").glob("*.gold.json"))


def news_documents(path: Path, part: str) -> list[CatDocument]:
    """One split of the news dev set as CAT documents: gold times by their anchors, the engine's own
    publication date (metadata or dateline, as `presslens analyze` reads it) as the DCT."""
    from . import news
    from .meantime import Timex

    docs = []
    for item in news.load(part, folder=path):
        timexes = [Timex(t["span"][0], t["span"][1], item.text[t["span"][0]:t["span"][1]], t["type"], t["value"])
                   for t in item.times]
        docs.append(CatDocument(name=item.name, text=item.text, dct=item.article().published, timexes=timexes))
    return docs


def load(path: Path) -> tuple[list[CatDocument], str]:
    if is_news_set(path):
        return news_documents(path, "dev") + news_documents(path, "test"), "news dev set"
    if path.is_dir():
        timeml = read_timeml_folder(path)
        if timeml:
            return timeml, "TimeML"
        return read_corpus(path), "MEANTIME CAT XML"
    if is_timeml(path):
        return [read_timeml(path)], "TimeML"
    return [read_cat(path)], "MEANTIME CAT XML"


def evaluate(docs: list[CatDocument], nlp, *, baseline: bool = True) -> dict[str, Scores]:
    baseline = baseline and has_dateparser()
    totals = {OURS: Scores()}
    if baseline:
        totals[GLUE] = Scores()
    for doc in docs:
        region = scored_region(doc)
        totals[OURS].add(score(doc, without_dateline(doc, ours(doc, nlp)), region=region))
        if baseline:
            totals[GLUE].add(score(doc, without_dateline(doc, glue(doc, nlp)), region=region))
    return totals


def add_arguments(parser) -> None:
    parser.add_argument("path", nargs="?", default=DEFAULT_PATH, metavar="PATH",
                        help=f"a folder or file of MEANTIME CAT XML or TimeML (default: {DEFAULT_PATH})")
    parser.add_argument("--split", choices=("dev", "test", "all"), action="append",
                        help="MEANTIME part to score (repeatable; default: dev, test and all)")
    parser.add_argument("--errors", action="store_true", help="list every miss, spurious and wrong value")
    parser.add_argument("--no-baseline", action="store_true", help="skip the spaCy + dateparser glue")
    parser.add_argument("--model", metavar="NAME", help="spaCy pipeline to load")


def run(args) -> int:
    from presslens.errors import Errors, fail
    from presslens.nlp import load_pipeline

    path = Path(args.path)
    if not path.exists():
        raise fail(Errors.NOT_FOUND, source=str(path))
    docs, kind = load(path)
    if not docs:
        raise fail(Errors.NO_TIMEX_GOLD, source=str(path))
    nlp = load_pipeline(args.model)
    parts = (args.split or ["dev", "test", "all"]) if kind != "TimeML" else ["all"]
    if kind == "news dev set":
        parts = [p for p in (args.split or ["dev", "test"]) if p != "all"]
    out = sys.stdout
    out.write(f"Temporal expressions, TempEval-3 style — {path} ({kind}, {len(docs)} documents)\n\n")
    out.write(table_header())
    for part in parts:
        chosen = news_documents(path, part) if kind == "news dev set" else split(docs, part)
        totals = evaluate(chosen, nlp, baseline=not args.no_baseline)
        for system, scores in totals.items():
            out.write(table_row(f"{part} ({len(chosen)} docs)", system, scores))
            # The news set's test half is held out: its score is printed, never its errors.
            if args.errors and system == OURS and not (kind == "news dev set" and part == "test"):
                out.write("".join(f"    {e}\n" for e in scores.errors))
    if not args.no_baseline and not has_dateparser():
        out.write("(dateparser is not installed: pip install 'presslens[eval]' for the glue baseline)\n")
    out.write("\nPublished, for comparison:\n")
    out.write("".join(f"  {name}: {figure}\n" for name, figure in PUBLISHED))
    return 0


COLUMNS = ("part", "system", "gold", "sys", "strict P", "R", "F1", "relaxed P", "R", "F1", "value acc", "value F1", "type acc")
WIDTHS = (16, 30, 5, 5, 9, 6, 6, 10, 6, 6, 10, 9, 9)


def table_header() -> str:
    head = "".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(COLUMNS, WIDTHS)))
    return head + "\n" + "-" * sum(WIDTHS) + "\n"


def table_row(part: str, system: str, s: Scores) -> str:
    sp, sr, sf = s.prf(s.strict)
    rp, rr, rf = s.prf(s.relaxed)
    cells = [part, system, str(s.gold), str(s.system)] + [f"{100 * x:.2f}" for x in
             (sp, sr, sf, rp, rr, rf, s.value_accuracy, s.value_f1, s.type_accuracy)]
    return "".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, WIDTHS))) + "\n"
