"""One-off conversion of data/gold/quotes (run once, kept to show how the gold was changed).

The gold used to annotate a partial quote inside an indirect one as two records. The agreed convention is
one record per span of text (docs/quotes-figures.md): the partial record stays (its span is the quoted
words, which the scorer matches against `Quote.quoted`), and every indirect record whose span holds a
partial record's span is removed. Nothing else changes.

    python data/gold/merge_partials.py
"""

import json
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "quotes"


def merged(quotes: list[dict]) -> list[dict]:
    partials = [q["span"] for q in quotes if q["kind"] == "partial"]
    return [q for q in quotes
            if not (q["kind"] == "indirect" and any(q["span"][0] <= s and e <= q["span"][1] for s, e in partials))]


def write(path: Path, data: dict) -> None:
    head = {k: v for k, v in data.items() if k != "quotes"}
    lines = ",\n".join("  " + json.dumps(q, ensure_ascii=False) for q in data["quotes"])
    path.write_text(json.dumps(head, ensure_ascii=False)[:-1] + ', "quotes": [\n' + lines + "\n]}\n", encoding="utf-8")


def main() -> None:
    for path in sorted(FOLDER.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        before = len(data["quotes"])
        data["quotes"] = merged(data["quotes"])
        if len(data["quotes"]) != before:
            write(path, data)
            print(f"{path.name}: {before - len(data['quotes'])} indirect record(s) merged into their partial")


if __name__ == "__main__":
    main()
