"""From the reader's choice to an Analysis: the store, the caches, and the states a page shows instead
of a traceback.

Storage is reached only through the Store (presslens.store): one per server process, opened (and the
seeds and old library folder imported) on first use. An analysis is read from the store when it holds
one for this pipeline version — found without loading the model — else made once and stored. Caching
follows DESIGN.md and lives only here: analyses keyed on the article id, its edit version and the
pipeline version.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import streamlit as st

from presslens.analysis import analyze
from presslens.article import Article
from presslens.errors import PresslensError
from presslens.nlp import installed_label, load_pipeline, model_label
from presslens.schema import Analysis
from presslens.store import Query, SQLiteStore, StoredArticle, db_path, open_store
from presslens.store.sqlite import library_dir
from presslens.store.importing import ensure_ready
from presslens.version import pipeline_version

from . import state
from .text import md_escape

log = logging.getLogger(__name__)
OUTCOME_KEY = "presslens.outcome"  # this run's Reading or Problem, for the page after the sidebar
# The sidebar's picker lists this many articles (newest first, seeds first) and always the open one;
# the Library page searches and pages through all of them.
PICKER_LIMIT = 200

Entry = StoredArticle  # what a picker lists: one stored article without its text


@dataclass(frozen=True)
class Reading:
    entry: Entry
    analysis: Analysis

    @property
    def article(self) -> Article:
        return self.analysis.article


@dataclass(frozen=True)
class Problem:
    """Why there is nothing to read, and what to do next."""

    title: str
    detail: str
    next_step: str
    entry: Entry | None = None


@st.cache_resource(show_spinner="Loading the language model (once per server)…")
def pipeline():
    return load_pipeline()


@st.cache_resource(show_spinner=False)
def _store(path: str) -> SQLiteStore:
    store = open_store(path)
    report = ensure_ready(store)
    if report.added or report.problems:
        log.info("store %s: imported %s", path, report.summary())
    return store


def store() -> SQLiteStore:
    """The store of this server (PRESSLENS_DB); a bad database file raises PresslensError with one line.

    A file dropped into the library folder later is imported on the next run: the folder's modification
    time (one stat) keys the re-scan."""
    path = str(db_path())
    opened = _store(path)
    _synced(path, _folder_stamp(library_dir()))
    return opened


def _folder_stamp(folder) -> int:
    try:
        return folder.stat().st_mtime_ns
    except OSError:
        return 0


@st.cache_resource(max_entries=64, show_spinner=False)
def _synced(path: str, stamp: int) -> bool:
    """Import what the library folder has that the store has not (once per folder change)."""
    ensure_ready(_store(path))
    return True


def entries(*, limit: int | None = PICKER_LIMIT) -> list[Entry]:
    """Seeds first, then the reader's articles, newest first; the open article is always among them."""
    s = store()
    found = s.list(Query(origin="seed", sort="title")) + s.list(Query(origin="library", sort="added", limit=limit))
    wanted = state.article_id()
    if wanted and all(e.id != wanted for e in found) and (record := s.record(wanted)) is not None:
        found.append(record)
    return found


def choose(available: list[Entry]) -> Entry | None:
    """The entry the reader asked for (by id), else the first seed, else the first article."""
    wanted = state.article_id()
    return next((e for e in available if e.id == wanted), None) or (available[0] if available else None)


class NoModel(PresslensError):
    """No spaCy pipeline could be loaded to make an analysis the store does not hold."""


@st.cache_data(max_entries=256, show_spinner="Analysing the article…")
def _analysis(db: str, article_id: str, version: int, pipeline_key: str) -> Analysis:
    """The stored analysis, else one made now (the model loaded once) and stored for next time."""
    s = store()
    article = s.get(article_id)
    if article is None:
        raise PresslensError(f"{article_id}: this article was deleted meanwhile; pick another")
    found = s.get_analysis(article, pipeline_key)
    if found is not None:
        return found
    try:
        nlp = pipeline()
    except PresslensError as exc:
        raise NoModel(str(exc)) from None
    key = pipeline_version(model_label(nlp))
    analysis = analyze(article, nlp=nlp)
    s.put_analyses([(article, analysis)], key)
    return analysis


def pipeline_key() -> str:
    """The pipeline version stored analyses are keyed on, found without loading the model."""
    label = installed_label()
    return pipeline_version(label) if label else pipeline_version()


def load(entry: Entry | None) -> Reading | Problem:
    """Read and analyse one entry; every failure becomes a Problem that says what to do next."""
    if entry is None:
        return Problem(
            "No articles yet",
            "The store holds no articles.",
            "Add one on the Library page: paste its text, upload a file, or give a web address or a feed.",
        )
    try:
        analysis = _analysis(str(db_path()), entry.id, entry.version, pipeline_key())
    except NoModel as exc:
        return Problem(
            "No language model",
            str(exc),
            "Install a model into the app's environment (`make setup` does), then reload this page.",
            entry,
        )
    except PresslensError as exc:
        return Problem("This article could not be analysed", str(exc), "Pick another article in the sidebar.", entry)
    except Exception as exc:  # an engine bug must not cost the reader the page: log it, say so
        log.exception("analysis of %s failed", entry.id)
        return Problem(
            "This article could not be analysed",
            f"The analysis stopped with an internal error ({type(exc).__name__}); the server log has the details.",
            "Pick another article in the sidebar, and report this one with its id.",
            entry,
        )
    return Reading(entry, analysis)


def load_all() -> list[Reading | Problem]:
    """Every stored article, each analysed through the same caches as one.

    The outcomes are also kept together, keyed on every article's id and version: a rerun over many
    articles is then one lookup, where a cache hit per article costs ~4 ms (docs/benchmarks.md).
    """
    available = store().list(Query(sort="added"))
    stamps = tuple((e.id, e.version) for e in available)
    return _load_all(str(db_path()), stamps, pipeline_key(), available)


@st.cache_resource(max_entries=4, show_spinner=False)
def _load_all(db: str, stamps: tuple, version: str, _available: list[Entry]) -> list[Reading | Problem]:
    return [load(entry) for entry in _available]


def remember(outcome: Reading | Problem) -> None:
    st.session_state[OUTCOME_KEY] = outcome


def current() -> Reading:
    """For a page: this run's reading, or the empty/error state drawn in its place and the run stopped."""
    outcome = remembered()
    if outcome is None:
        try:
            outcome = load(choose(entries()))
        except PresslensError as exc:
            outcome = Problem("The store cannot be opened", str(exc), "Set PRESSLENS_DB to another file, then reload.")
    if isinstance(outcome, Reading):
        return outcome
    show_problem(outcome)
    st.stop()


def remembered() -> Reading | Problem | None:
    """This run's outcome, as the sidebar left it."""
    return st.session_state.get(OUTCOME_KEY)


def show_problem(problem: Problem) -> None:
    st.subheader(problem.title)
    st.error(md_escape(problem.detail), icon=":material/error:")
    st.info(problem.next_step, icon=":material/arrow_forward:")
