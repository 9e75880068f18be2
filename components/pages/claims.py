"""The Claims compared page: figures about one thing across articles, side by side by outlet and date
with claimant, hedge and value; groups where outlets disagree are flagged. A row opens its sentence."""

import pandas as pd
import streamlit as st

from components import corpus_view
from presslens.corpus.claims import compare_claims

COLUMNS = {
    "published": st.column_config.TextColumn("date", width=100),
    "outlet": st.column_config.TextColumn("outlet", width=140),
    "value": st.column_config.TextColumn("value", width=140),
    "hedge": st.column_config.TextColumn("hedge", width=110),
    "claimant": st.column_config.TextColumn("claimant", width=170),
    "subject": st.column_config.TextColumn("as worded", width="medium"),
}


def main() -> None:
    st.header("Claims compared", anchor=False)
    analyses, index = corpus_view.corpus_or_stop()
    query = corpus_view.query(analyses, index, key="claims", words=True)
    groups = compare_claims(analyses, index, query)
    shared = st.toggle("Only figures reported by two or more articles", value=True, key="claims_shared")
    if shared:
        groups = [g for g in groups if len(g.articles) > 1]
    if not groups:
        st.info("No figures to compare in these articles.", icon=":material/info:")
        return
    st.caption(f"{len(groups)} groups; {sum(g.disagree for g in groups)} where articles give different values.")
    for g in groups:
        flag = ":material/warning: outlets disagree · " if g.disagree else ""
        st.markdown(f"**{flag}{_plain(g.subject)}** ({_plain(g.unit or 'count')}, {len(g.articles)} article{'s' if len(g.articles) != 1 else ''})")
        frame = pd.DataFrame([{
            "published": r.published or "undated", "outlet": r.outlet, "value": r.text, "hedge": r.qualifier or "",
            "claimant": (index.get(r.claimant).name if r.claimant and index.get(r.claimant) else r.claimant_text) or "",
            "subject": r.subject or "", "article_id": r.article, "figure_id": r.figure,
        } for r in g.rows])
        event = st.dataframe(frame, column_order=list(COLUMNS), column_config=COLUMNS, hide_index=True,
                             width="stretch", on_select="rerun", selection_mode="single-row", key=f"claims_{g.id}")
        if event.selection.rows:
            row = frame.iloc[event.selection.rows[0]]
            corpus_view.follow(analyses, "figures", row["article_id"], row["figure_id"])


def _plain(text: str) -> str:
    """Untrusted words shown as text in markdown: markup characters escaped."""
    from components.text import md_escape

    return md_escape(text)


main()
