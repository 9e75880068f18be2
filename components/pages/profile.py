"""The Actor profile page: one corpus entity through every stored article — articles over time, its
quotes, the figures it claims, the events it takes part in, who it appears with — each row leading to
its sentence; and the reader's merge/split corrections, which are stored and survive re-analysis."""

import pandas as pd
import streamlit as st

from components import corpus_charts, corpus_view
from components.text import md_escape
from presslens.corpus import profile
from presslens.corpus.claims import compare_claims
from presslens.corpus.command import merge_of, split_of
from presslens.corpus.quotes import corpus_quotes
from presslens.corpus.timeline import corpus_timeline

ENTITY_PARAM = "entity"


def main() -> None:
    st.header("Actor profile", anchor=False)
    analyses, index = corpus_view.corpus_or_stop(entities=True)
    query = corpus_view.query(analyses, index, key="profile")
    entity = choose(index, query)
    st.caption(f"{entity.type} · {entity.article_count} articles · {entity.mention_count} mentions · also named: "
               + md_escape(", ".join(a for a in entity.aliases if a != entity.name) or "—"))
    one = type(query)(entity=entity.id, outlets=query.outlets, start=query.start, end=query.end)

    seen = profile.appearances(analyses, index, entity.id, query)
    period = st.segmented_control("Per", ["month", "week"], default="month", key="profile_period") or "month"
    st.plotly_chart(corpus_charts.articles_over_time(profile.by_period(seen, period), period=period),
                    key="profile_over_time", width="stretch")
    rows("Articles", pd.DataFrame([{
        "date": x.published or "undated", "outlet": x.outlet, "title": x.title or x.article, "mentions": x.mentions,
        "article_id": x.article, "start": (x.first or (0, 0))[0], "end": (x.first or (0, 0))[1],
    } for x in seen]), analyses, key="profile_articles")

    quotes = corpus_quotes(analyses, index, one)
    rows("Quotes", pd.DataFrame([{
        "date": r.carriers[0].published or "undated", "quote": r.text,
        "carried by": "; ".join(f"{c.outlet} {c.published or 'undated'}" for c in r.carriers),
        "article_id": r.carriers[0].article, "start": r.carriers[0].start, "end": r.carriers[0].end,
    } for r in quotes]), analyses, key="profile_quotes")

    figures = [r for g in compare_claims(analyses, index, one) for r in g.rows]
    rows("Figures claimed", pd.DataFrame([{
        "date": r.published or "undated", "outlet": r.outlet, "value": r.text, "hedge": r.qualifier or "",
        "of": r.subject or "", "article_id": r.article, "start": r.sentence[0], "end": r.sentence[1],
    } for r in figures]), analyses, key="profile_figures")

    timeline = corpus_timeline(analyses, index, one)
    rows("Events", pd.DataFrame([{
        "date": " – ".join(dict.fromkeys(i.interval)) if i.interval else timeline.reasons.get(i.id, "undated"),
        "event": i.label, "reports": len(i.reports), "article_id": i.reports[0].article,
        "start": (i.reports[0].sentence or [0, 0])[0], "end": (i.reports[0].sentence or [0, 0])[1],
    } for i in timeline.placed + timeline.apart]), analyses, key="profile_events")

    st.subheader("Appears most with", anchor=False)
    ranked = profile.co_occurring(analyses, index, entity.id, query)
    names = {e.id: e.name for e in index.entities}
    left, right = st.columns([2, 3])
    left.dataframe(pd.DataFrame([{"actor": names.get(e, e), "articles together": n} for e, n in ranked]),
                   hide_index=True, width="stretch", key="profile_ranked")
    right.plotly_chart(corpus_charts.network(entity.id, profile.network(analyses, index, entity.id, query), names),
                       key="profile_network", width="stretch")
    corrections(index, entity)


def choose(index, query):
    """The entity: the actor filter's, else the URL's, else the one in most articles; a picker to change."""
    ids = [e.id for e in index.entities]
    wanted = st.query_params.get(ENTITY_PARAM)
    default = next((i for i in ids if i in query.chosen), None) or (wanted if wanted in ids else ids[0])
    labels = {e.id: f"{e.name} ({e.type}, {e.article_count} articles)" for e in index.entities}
    chosen = st.selectbox("Actor", ids, index=ids.index(default), format_func=labels.get, key="profile_entity")
    if st.query_params.get(ENTITY_PARAM) != chosen:
        st.query_params[ENTITY_PARAM] = chosen
    return index.get(chosen)


def rows(title: str, frame: pd.DataFrame, analyses, *, key: str) -> None:
    st.subheader(title, anchor=False)
    if frame.empty:
        st.caption("None.")
        return
    shown = [c for c in frame.columns if c not in ("article_id", "start", "end")]
    event = st.dataframe(frame, column_order=shown, hide_index=True, width="stretch",
                         on_select="rerun", selection_mode="single-row", key=key)
    if event.selection.rows:
        row = frame.iloc[event.selection.rows[0]]
        corpus_view.open_span(analyses, row["article_id"], int(row["start"]), int(row["end"]))


def corrections(index, entity) -> None:
    with st.expander("Correct this actor (kept in the store, survives re-analysis)"):
        others = [e.id for e in index.entities if e.id != entity.id]
        names = {e.id: f"{e.name} ({e.type}, {e.article_count} articles)" for e in index.entities}
        with st.container(horizontal=True, vertical_alignment="bottom"):
            other = st.selectbox("The same as", others, index=None, format_func=names.get, key="profile_merge_with")
            if st.button("Merge", key="profile_merge", disabled=other is None):
                corpus_view.correct(merge_of(index, [entity.id, other]))
                st.rerun()
        if entity.article_count > 1:
            with st.container(horizontal=True, vertical_alignment="bottom"):
                article = st.selectbox("Not the same in article", entity.articles, index=None, key="profile_split_in")
                if st.button("Split off", key="profile_split", disabled=article is None):
                    corpus_view.correct(split_of(index, entity.id, article))
                    st.rerun()


main()
