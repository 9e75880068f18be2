"""presslens's spaCy components the spaCy way: found through entry points, with declared requires/assigns."""

from __future__ import annotations

import subprocess
import sys

import pytest
from spacy.language import Language

from presslens.entities import mentions_and_actors

# A fresh interpreter that never imports presslens: spaCy finds the factories through the entry points.
PLAIN_SPACY = """
import spacy, sys
nlp = spacy.load(sys.argv[1])
nlp.add_pipe("presslens_line_breaks", before="parser")
nlp.add_pipe("presslens_entities", after="ner")
doc = nlp("By Jane Roe\\nSecretary of Defense Jim Mattis met Angela Merkel.")
print(doc._.entities_refined, [e.text for e in doc.ents])
"""


def test_plain_spacy_finds_the_components(nlp):
    model = f"{nlp.meta['lang']}_{nlp.meta['name']}"
    out = subprocess.run([sys.executable, "-c", PLAIN_SPACY, model], capture_output=True, text=True, check=True).stdout
    assert out.startswith("True") and "'Jim Mattis'" in out and "Angela Merkel" in out


def test_factories_declare_what_they_need_and_set():
    entities = Language.get_factory_meta("presslens_entities")
    assert "doc.ents" in entities.requires and "doc._.entities_refined" in entities.assigns
    assert entities.default_config == {"disabled": []}
    assert Language.get_factory_meta("presslens_line_breaks").assigns == ["token.is_sent_start"]


def test_a_config_switches_rule_families_off(nlp):
    text = "Jim Mattis said the Pentagon would act. Mattis later left."
    full = [e.text for e in nlp(text).ents]
    with nlp.select_pipes(disable=["presslens_entities"]):
        base = nlp(text)
    bare = nlp.create_pipe("presslens_entities", config={"disabled": ["boilerplate", "trim"]})
    assert [e.text for e in bare(base.copy()).ents] and full
    with pytest.raises(ValueError, match="unknown rule families"):
        nlp.create_pipe("presslens_entities", config={"disabled": ["nope"]})


def test_mentions_need_the_component_to_have_run(nlp):
    with nlp.select_pipes(disable=["presslens_entities"]):
        doc = nlp("Angela Merkel spoke.")
    with pytest.raises(ValueError, match="presslens_entities"):
        mentions_and_actors(doc)
