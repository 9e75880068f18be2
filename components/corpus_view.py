"""What the corpus pages share: every stored article linked into corpus entities (the reader's stored
corrections applied), the query controls (outlets and publication dates, in the URL as `outlet`, `from`,
`to`; the entity filter is the sidebar's actor filter, `actor` in the URL, matched against entity names
and aliases exactly), and the way from a row back to its sentence in its article."""

from __future__ import annotations

import datetime as dt
import json

import streamlit as st

from presslens.corpus.entities import Correction, EntityIndex
from presslens.corpus.query import CorpusQuery, outlet
from presslens.corpus.stored import CORRECTIONS_KEY, add_correction, linked
from presslens.schema import Analysis

from . import collection, reading, state

OUTLET_PARAM, FROM_PARAM, TO_PARAM = "outlet", "from", "to"


def corpus() -> tuple[list[Analysis], EntityIndex]:
    outcomes = reading.load_all()
    analyses = [o.analysis for o in outcomes if isinstance(o, reading.Reading)]
    corrections = reading.store().setting(CORRECTIONS_KEY) or "[]"
    stamps = tuple((a.article.id, a.article.fingerprint) for a in analyses)
    return _linked(stamps, corrections, reading.pipeline_key(), analyses)


def corpus_or_stop(*, entities: bool = False) -> tuple[list[Analysis], EntityIndex]:
    """The linked corpus, or a note and the end of the page run when it holds nothing to show (no analysed
    article, or with `entities`, no linked entity)."""
    analyses, index = corpus()
    if not (index.entities if entities else analyses):
        st.info("No analysed articles yet: add articles on the Library page.", icon=":material/info:")
        st.stop()
    return analyses, index


@st.cache_resource(max_entries=4, show_spinner="Linking actors across articles…")
def _linked(stamps: tuple, corrections: str, version: str, _analyses: list[Analysis]):
    return linked(_analyses, [Correction.from_dict(c) for c in json.loads(corrections)])


def correct(correction: Correction) -> None:
    add_correction(reading.store(), correction)


def query(analyses: list[Analysis], index: EntityIndex, *, key: str, words: bool = False) -> CorpusQuery:
    """Draw the outlet and date controls (and a search box), read the actor filter; the URL follows."""
    outlets = sorted({outlet(a) for a in analyses})
    days = sorted(a.article.published for a in analyses if a.article.published)
    url_outlets = [o for o in st.query_params.get_all(OUTLET_PARAM) if o in outlets]
    lo, hi = (_day(days[0]), _day(days[-1])) if days else (None, None)
    with st.container(horizontal=True, vertical_alignment="bottom", gap="medium"):
        chosen = st.multiselect("Outlets", outlets, default=url_outlets, key=f"{key}_outlets",
                                placeholder="All outlets")
        picked = ()
        if days:
            start = _day(st.query_params.get(FROM_PARAM)) or lo
            end = _day(st.query_params.get(TO_PARAM)) or hi
            picked = st.date_input("Published", value=(start, end), key=f"{key}_dates", format="YYYY-MM-DD")
        search = st.text_input("Search words", key=f"{key}_words") if words else ""
    picked = tuple(picked) if isinstance(picked, (tuple, list)) else (picked,)
    first = picked[0] if picked and picked[0] != lo else None
    last = picked[1] if len(picked) > 1 and picked[1] != hi else None
    _write_url(chosen, first, last)
    names = state.actor_names()
    entities = frozenset(e.id for n in names for e in index.find(n))
    if names and not entities:
        st.info(f"No corpus entity is named {', '.join(names)} (name or alias, exactly).", icon=":material/info:")
        st.stop()
    return CorpusQuery(
        entities=entities, outlets=frozenset(chosen), words=search,
        start=first.isoformat() if first else None, end=last.isoformat() if last else None,
    )


def follow(analyses: list[Analysis], records: str, article_id: str, record_id: str) -> None:
    """Open the record's article on the Article page at its words."""
    collection.follow(collection.Collection(analyses, analyses, True), records, article_id, record_id)


def open_span(analyses: list[Analysis], article_id: str, start: int, end: int) -> None:
    analysis = next((a for a in analyses if a.article.id == article_id), None)
    if analysis is not None:
        state.set_article(article_id)
        state.show_in_article(analysis, start, end)


def _day(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _write_url(outlets: list[str], first: dt.date | None, last: dt.date | None) -> None:
    if st.query_params.get_all(OUTLET_PARAM) != outlets:
        if outlets:
            st.query_params[OUTLET_PARAM] = outlets
        else:
            del st.query_params[OUTLET_PARAM]
    for param, value in ((FROM_PARAM, first), (TO_PARAM, last)):
        if value is None:
            if param in st.query_params:
                del st.query_params[param]
        elif st.query_params.get(param) != value.isoformat():
            st.query_params[param] = value.isoformat()
