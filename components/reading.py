"""From the reader's choice to an Analysis: the caches, and the states a page shows instead of a traceback.

Caching follows DESIGN.md and lives only here: the model as a resource (one per process), articles
keyed on their file's name, size and modification time, analyses keyed on the article's fingerprint,
the model and `pipeline_version()`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from presslens.version import pipeline_version
from presslens.analysis import analyze
from presslens.article import Article
from presslens.errors import PresslensError
from presslens.ingest import meta_path, read_article
from presslens.library import Entry, catalogue, library_dir
from presslens.nlp import load_pipeline, model_label
from presslens.schema import Analysis

from . import state
from .text import md_escape

log = logging.getLogger(__name__)
OUTCOME_KEY = "presslens.outcome"  # this run's Reading or Problem, for the page after the sidebar


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


def entries() -> list[Entry]:
    folder = library_dir()
    return _entries(str(folder), _folder_stamp(folder))


@st.cache_data(max_entries=16, show_spinner=False)
def _entries(folder: str, stamp: tuple) -> list[Entry]:
    return catalogue(library=Path(folder))


def _folder_stamp(folder: Path) -> tuple:
    """Changes whenever a file in the library is added, removed or rewritten."""
    if not folder.is_dir():
        return ()
    return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in folder.iterdir() if p.is_file()))


@st.cache_data(max_entries=64, show_spinner=False)
def _article(path: str, stamp: tuple) -> Article:
    return read_article(path)


def _file_stamp(path: Path) -> tuple:
    meta = meta_path(path)
    return tuple((p.stat().st_mtime_ns, p.stat().st_size) if p.is_file() else None for p in (path, meta))


@st.cache_data(max_entries=64, show_spinner="Analysing the article…")
def _analysis(fingerprint: str, version: str, model: str, _article: Article) -> Analysis:
    return analyze(_article, nlp=pipeline())


def choose(available: list[Entry]) -> Entry | None:
    """The entry the reader asked for (by id), else the first seed, else the first article."""
    wanted = state.article_id()
    return next((e for e in available if e.id == wanted), None) or (available[0] if available else None)


def load(entry: Entry | None) -> Reading | Problem:
    """Read and analyse one entry; every failure becomes a Problem that says what to do next."""
    if entry is None:
        return Problem(
            "No articles yet",
            f"There are no seed articles and the library folder ({library_dir()}) is empty.",
            "Add one on the Library page: paste its text or upload a .txt, .md or .html file.",
        )
    try:
        article = _article(str(entry.path), _file_stamp(entry.path))
    except PresslensError as exc:
        fix = (
            "Correct the details below, or fix the file in an editor."
            if entry.editable
            else "Fix the file in an editor, or pick another article in the sidebar."
        )
        return Problem("This article cannot be read", str(exc), fix, entry)
    try:
        nlp = pipeline()
    except PresslensError as exc:
        return Problem(
            "No language model",
            str(exc),
            "Install a model into the app's environment (`make setup` does), then reload this page.",
            entry,
        )
    try:
        analysis = _analysis(article.fingerprint, pipeline_version(), model_label(nlp), article)
    except PresslensError as exc:
        return Problem("This article could not be analysed", str(exc), "Pick another article in the sidebar.", entry)
    except Exception as exc:  # an engine bug must not cost the reader the page: log it, say so
        log.exception("analysis of %s failed", entry.path)
        return Problem(
            "This article could not be analysed",
            f"The analysis stopped with an internal error ({type(exc).__name__}); the server log has the details.",
            "Pick another article in the sidebar, and report this one with its file.",
            entry,
        )
    return Reading(entry, analysis)


def load_all() -> list[Reading | Problem]:
    """Every article of seeds/ and the library, each read and analysed through the same caches as one.

    The outcomes are also kept together, keyed on every file's stamp: a rerun over many articles is
    then one lookup, where a cache hit per article costs ~4 ms (docs/benchmarks.md).
    """
    available = entries()
    stamps = tuple((str(e.path), _file_stamp(e.path)) for e in available)
    return _load_all(stamps, pipeline_version(), available)


@st.cache_resource(max_entries=4, show_spinner=False)
def _load_all(stamps: tuple, version: str, _available: list[Entry]) -> list[Reading | Problem]:
    return [load(entry) for entry in _available]


def remember(outcome: Reading | Problem) -> None:
    st.session_state[OUTCOME_KEY] = outcome


def current() -> Reading:
    """For a page: this run's reading, or the empty/error state drawn in its place and the run stopped."""
    outcome = remembered()
    if outcome is None:
        outcome = load(choose(entries()))
    if isinstance(outcome, Reading):
        return outcome
    show_problem(outcome)
    if outcome.entry is not None and outcome.entry.editable:
        from .metadata_form import edit  # the form saves through state, which imports nothing of ours

        edit(outcome.entry, key="fix_details")
    st.stop()


def remembered() -> Reading | Problem | None:
    """This run's outcome, as the sidebar left it."""
    return st.session_state.get(OUTCOME_KEY)


def show_problem(problem: Problem) -> None:
    st.subheader(problem.title)
    st.error(md_escape(problem.detail), icon=":material/error:")
    st.info(problem.next_step, icon=":material/arrow_forward:")
