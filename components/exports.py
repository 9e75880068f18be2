"""Downloads of what the reader is looking at: the Article page's analysis, or a chart page's articles
cut down by the actor filter — the same formats as `presslens export` (JSON/JSONL, CSV tables with
formula cells defused, TimelineJS with its text escaped).

Streamlit's own table toolbar would download or copy cells as they are (a quote starting with `=` or `+`
runs as a formula in a spreadsheet), so it is switched off (`dashboard.py`, `.streamlit/config.toml`);
these menus are the way out. File names go through `file_stem`: no separators, no traversal, no
reserved device names."""

from __future__ import annotations

import re
import unicodedata

import streamlit as st

from presslens.export import actors_csv, analysis_json, mentions_csv
from presslens.schema import Analysis
from presslens.store import exporting

TABLES = ("quotes", "figures", "times", "events")
# Names Windows reserves for devices, whatever the extension ("con.csv" opens the console).
RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
MAX_STEM = 80


def show(analysis: Analysis, *, filtered: Analysis | None = None) -> None:
    """The Article page's menu: the whole analysis, and the records the actor filter keeps."""
    stem = _stem(analysis.article.id)
    menu = st.popover("Export", icon=":material/download:", key="export_open", on_change="rerun")
    if not menu.open:  # the buttons are drawn only while the menu is open
        return
    shown = [filtered or analysis]
    with menu:
        # Built only when clicked: a rerun never pays for files nobody asked for.
        st.download_button(
            "Analysis (JSON)", data=lambda: analysis_json(analysis), file_name=f"{stem}.analysis.json",
            mime="application/json", on_click="ignore", key="export_json", width="stretch",
        )
        st.download_button(
            "Mentions (CSV)", data=lambda: mentions_csv(analysis), file_name=f"{stem}.mentions.csv",
            mime="text/csv", on_click="ignore", key="export_mentions", width="stretch",
        )
        st.download_button(
            "Actors (CSV)", data=lambda: actors_csv(analysis), file_name=f"{stem}.actors.csv",
            mime="text/csv", on_click="ignore", key="export_actors", width="stretch",
        )
        _tables(shown, stem, key="export")


def show_many(analyses: list[Analysis], *, key: str) -> None:
    """A chart page's menu, over the articles and actor filter it shows."""
    menu = st.popover("Export", icon=":material/download:", key=f"{key}_open", on_change="rerun")
    if not menu.open:
        return
    stem = _stem(analyses[0].article.id) if len(analyses) == 1 else "presslens"
    with menu:
        st.download_button(
            "Analyses (JSONL)", data=lambda: "".join(exporting.jsonl(analyses)), file_name=f"{stem}.analyses.jsonl",
            mime="application/x-ndjson", on_click="ignore", key=f"{key}_jsonl", width="stretch",
        )
        _tables(analyses, stem, key=key)


def _tables(analyses: list[Analysis], stem: str, *, key: str) -> None:
    for table in TABLES:
        st.download_button(
            f"{table.capitalize()} (CSV)", data=lambda t=table: "".join(exporting.csv_table(analyses, t)),
            file_name=f"{stem}.{table}.csv", mime="text/csv", on_click="ignore", key=f"{key}_{table}", width="stretch",
        )
    st.download_button(
        "Timeline (TimelineJS)", data=lambda: exporting.timelinejs(analyses), file_name=f"{stem}.timeline.json",
        mime="application/json", on_click="ignore", key=f"{key}_timelinejs", width="stretch",
    )


def _stem(article_id: str) -> str:
    return file_stem(article_id)


def file_stem(text: str | None, *, fallback: str = "article") -> str:
    """A file name stem from any text (an id, a title): letters, digits, `.`, `_` and `-` only, no
    leading dot or dash, never a reserved device name, at most MAX_STEM characters."""
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_text)
    stem = re.sub(r"([.-])\1+", r"\1", stem).strip("-._")[:MAX_STEM].strip("-._")
    if not stem:
        return fallback
    if stem.split(".")[0].casefold() in RESERVED:
        stem = f"{fallback}-{stem}"
    return stem
