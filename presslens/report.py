"""A readable terminal summary of one analysis (`presslens analyze --format table`)."""

from __future__ import annotations

import re

WIDTH = 100

# Characters that must never reach a terminal raw from an article: C0 and C1 controls (escape sequences
# can move the cursor, retitle the window, ...) and bidirectional overrides (they reorder what is shown).
UNSAFE_FOR_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """Text with every control and bidi character written as its escape (\\x1b, \\u202e)."""
    return UNSAFE_FOR_TERMINAL.sub(_escape, text)


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def table(analysis: dict) -> str:
    """Plain text, one section per non-empty list of the contract."""
    art = analysis["article"]
    head = [
        art.get("title") or art["id"],
        " · ".join(x for x in (art.get("source"), art.get("author"), art.get("published") or "date unknown") if x),
    ]
    sections = [
        _section("Actors", ("actor", "type", "n", "aliases"), [
            (a["name"], a["type"], len(a["mentions"]), ", ".join(x for x in a["aliases"] if x != a["name"]))
            for a in sorted(analysis["actors"], key=lambda a: -len(a["mentions"]))
        ]),
        _section("Times", ("text", "value", "interval", "explanation"), [
            (t["text"], t["value"], " … ".join(t["interval"] or []), t["explanation"]) for t in analysis["times"]
        ]),
        _section("Events", ("when", "event"), [
            (" … ".join(e["interval"] or []) or "?", e["label"]) for e in analysis["events"]
        ]),
        _section("Figures", ("figure", "qualifier", "subject", "claimed by"), [
            (f["text"], f["qualifier"] or "", f["subject"] or "", f["claimant_text"] or "") for f in analysis["figures"]
        ]),
        _section("Quotes", ("speaker", "kind", "quote"), [
            (q["speaker_text"] or "?", q["kind"], q["text"]) for q in analysis["quotes"]
        ]),
    ]
    notes = [f"! {w}" for w in analysis.get("warnings", [])]
    return terminal_safe("\n".join(head + notes + [s for s in sections if s]))


def _section(title: str, header: tuple[str, ...], rows: list[tuple]) -> str:
    if not rows:
        return ""
    cells = [tuple(_cut(str(c)) for c in row) for row in [header, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return f"\n{title} ({len(rows)})\n" + "\n".join(lines)


def _cut(text: str, limit: int = 60) -> str:
    text = " ".join(terminal_safe(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
