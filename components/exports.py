"""Downloads of the current analysis: the contract JSON, mentions and actors as CSV."""

from __future__ import annotations

import re

import streamlit as st

from presslens.export import actors_csv, analysis_json, mentions_csv
from presslens.schema import Analysis


def show(analysis: Analysis) -> None:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", analysis.article.id).strip("-.") or "article"
    menu = st.popover("Export", icon=":material/download:", key="export_open", on_change="rerun")
    if not menu.open:  # the buttons are drawn only while the menu is open
        return
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
