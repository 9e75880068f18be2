"""presslens dashboard (first cut): the seed article and its actors."""

import streamlit as st

from presslens.analysis import analyze
from presslens.errors import PresslensError
from presslens.ingest import read_article
from presslens.library import seed_files
from presslens.nlp import load_pipeline


@st.cache_resource
def pipeline():
    return load_pipeline()


def main() -> None:
    st.set_page_config(page_title="presslens", layout="wide")
    try:
        article = read_article(seed_files()[0])
        analysis = analyze(article, nlp=pipeline())
    except PresslensError as exc:
        st.error(str(exc))
        st.stop()
    st.title(article.title or article.id)
    st.caption(" · ".join(x for x in (article.source, article.author, article.published) if x))
    st.text(article.text)
    st.subheader("Actors")
    st.dataframe([{"actor": a.name, "type": a.type, "mentions": len(a.mentions)} for a in analysis.actors])


main()
