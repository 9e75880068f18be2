"""The dashboard in Streamlit's AppTest: each page runs without an exception, and what it shows follows
the actor filter, the selection and the library. (The browser tests in tests/e2e/ drive the same app.)"""

from __future__ import annotations

import json
import re

import pytest

from presslens.store import Query
from streamlit.testing.v1 import AppTest

from presslens.scope import by_prominence, mentions_of

from ..conftest import ROOT

ARTICLE_PAGE = "components/pages/article.py"
LIBRARY_PAGE = "components/pages/library.py"
STORY = (
    "The city council of Springfield voted on Tuesday to approve a budget for the new bridge. "
    "Mayor Jane Roe said the vote was a victory for Springfield. Roe thanked the council.\n"
)


@pytest.fixture
def library(tmp_path, monkeypatch):
    folder = tmp_path / "library"
    monkeypatch.setenv("PRESSLENS_LIBRARY", str(folder))
    return folder


@pytest.fixture
def app(library, nlp):
    """The dashboard, as `streamlit run dashboard.py` would start it (the model is already loaded)."""
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)


def stored(library):
    """The store the app wrote into (PRESSLENS_LIBRARY/presslens.sqlite), opened as another process would."""
    from presslens.store import open_store

    return open_store(library / "presslens.sqlite")


def ran(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def view(at: AppTest) -> dict:
    """The data the article view was given (what the browser draws)."""
    (element,) = [e for e in at.main.get("bidi_component") if e.key == "article_view"]
    return json.loads(element.proto.json)


def plain(markdown: str) -> str:
    """Text as the reader sees it: our escaping of Markdown undone."""
    return re.sub(r"\\(.)", r"\1", markdown)


def states(at: AppTest) -> dict[str, str]:
    return {m["id"]: m["state"] for m in view(at)["mentions"]}


def current(at: AppTest) -> list[str]:
    return [m["id"] for m in view(at)["mentions"] if m["current"]]


def test_article_page_opens_on_the_seed_with_every_mention_highlighted(app, seed_analysis):
    ran(app)
    data = view(app)
    assert data["id"] == seed_analysis.article.id
    assert data["header"]["title"] == seed_analysis.article.title
    assert set(states(app).values()) == {"on"}
    assert app.query_params["article"] == seed_analysis.article.id
    # the filter lists every actor, most mentioned first, as name · type · count
    options = app.sidebar.multiselect[0].options
    top = by_prominence(seed_analysis)[0]
    assert len(options) == len(seed_analysis.actors)
    assert options[0].startswith(f"{top.name} · ") and options[0].endswith(f" · {len(mentions_of(seed_analysis, top.id))}")


def test_filtering_to_one_actor_dims_everyone_else(app, seed_analysis):
    top = by_prominence(seed_analysis)[0]
    ran(app).sidebar.multiselect[0].set_value([top.id])
    ran(app)
    own = {m.id for m in mentions_of(seed_analysis, top.id)}
    assert {mid for mid, s in states(app).items() if s == "on"} == own
    assert all(s == "dim" for mid, s in states(app).items() if mid not in own)
    assert app.query_params["actor"] == top.name
    assert [plain(o) for o in app.radio(key="panel_pick").options] == [app.sidebar.multiselect[0].format_func(top.id)]
    # the filter survives a page change and comes back with the article page
    ran(app.switch_page(LIBRARY_PAGE))
    ran(app.switch_page(ARTICLE_PAGE))
    assert {mid for mid, s in states(app).items() if s == "on"} == own


def test_filter_from_the_url_accepts_an_alias_in_any_case(app, seed_analysis):
    actor = next(a for a in by_prominence(seed_analysis) if a.type == "PERSON")
    app.query_params["actor"] = [actor.aliases[-1].upper(), "Nobody At All"]
    ran(app)
    assert app.sidebar.multiselect[0].value == [actor.id]
    assert app.query_params["actor"] == actor.name  # the URL shows the filter as applied
    assert {mid for mid, s in states(app).items() if s == "on"} == {m.id for m in mentions_of(seed_analysis, actor.id)}


def test_selecting_an_actor_and_stepping_through_all_mentions(app, seed_analysis):
    actor = by_prominence(seed_analysis)[0]
    expected = [m.id for m in mentions_of(seed_analysis, actor.id)]
    ran(app).radio(key="panel_pick").set_value(actor.id)
    ran(app)
    seen = current(app)
    assert app.button(key="panel_previous").disabled
    for _ in expected[1:]:
        app.button(key="panel_next").click()
        seen += current(ran(app))
    assert seen == expected
    assert app.button(key="panel_next").disabled
    assert [m["id"] for m in view(app)["mentions"] if m["own"]] == expected
    # the selection survives a page change
    ran(app.switch_page(LIBRARY_PAGE))
    assert current(ran(app.switch_page(ARTICLE_PAGE))) == expected[-1:]
    # the panel's mention list selects too
    app.radio(key=f"panel_mentions_{actor.id}").set_value(expected[0])
    assert current(ran(app)) == expected[:1]


def test_hidden_types_are_switched_off(app, seed_analysis):
    ran(app)
    app.session_state["presslens.hidden_types"] = frozenset({"GPE"})
    ran(app)
    gpe = {m.id for m in seed_analysis.mentions if m.label == "GPE"}
    assert {mid for mid, s in states(app).items() if s == "off"} == gpe
    assert [e["on"] for e in view(app)["legend"] if e["type"] == "GPE"] == [False]


def test_exports_are_offered_when_the_menu_opens(app):
    assert ran(app).get("download_button") == []  # drawn only while the menu is open
    app.session_state["export_open"] = True
    labels = [b.label for b in ran(app).get("download_button")]
    assert labels == ["Analysis (JSON)", "Mentions (CSV)", "Actors (CSV)", "Quotes (CSV)", "Figures (CSV)",
                      "Times (CSV)", "Events (CSV)", "Timeline (TimelineJS)"]


def test_library_page_saves_a_pasted_article_and_opens_it(app, library):
    ran(app.switch_page(LIBRARY_PAGE))
    assert any("Your library is empty" in i.value for i in app.info)
    app.text_area(key="add_paste_text").input(STORY)
    app.text_input(key="add_paste_title").input("Bridge vote")
    app.text_input(key="add_paste_source").input("The Gazette")
    app.button[0].click()  # the form's submit button
    ran(app)
    saved = stored(library).get("bridge-vote")
    assert (saved.text, saved.source) == (STORY, "The Gazette")
    data = view(app)  # the new article is open on the article page
    assert (data["id"], data["header"]["title"]) == ("bridge-vote", "Bridge vote")
    assert "publication date unknown" in " ".join(data["notes"])


def test_library_page_refuses_empty_text_with_one_line(app, library):
    ran(app.switch_page(LIBRARY_PAGE))
    app.button[0].click()
    ran(app)
    assert [plain(e.value) for e in app.error] == ["the pasted text: the article is empty (no text once whitespace is removed)"]
    assert stored(library).count(Query(origin="library")) == 0


def test_details_of_a_library_article_are_edited_in_the_page(app, library):
    library.mkdir()
    (library / "story.txt").write_text(STORY)
    app.query_params["article"] = "story"
    ran(app)
    assert view(app)["header"]["date"] is None
    app.date_input(key="article_details_story_published").set_value("2020-03-04")
    app.text_input(key="article_details_story_title").input("Bridge vote")
    next(b for b in app.button if b.label == "Save details").click()
    ran(app)
    assert stored(library).record("story").published == "2020-03-04"
    assert (view(app)["header"]["date"], view(app)["header"]["title"]) == ("Wed 4 Mar 2020", "Bridge vote")


def test_an_article_with_bad_details_is_imported_and_says_what_to_fix(app, library):
    library.mkdir()
    (library / "story.txt").write_text(STORY)
    (library / "story.meta.json").write_text(json.dumps({"title": "T", "published": "2018-02-30"}))
    app.query_params["article"] = "story"
    ran(app)
    assert view(app)["header"]["title"] == "T"  # the text and the readable details are kept
    assert "invalid publication date '2018-02-30'" in plain(app.warning[0].value)
    app.date_input(key="article_details_story_published").set_value("2018-02-28")
    next(b for b in app.button if b.label == "Save details").click()
    ran(app)
    assert view(app)["header"]["date"] == "Wed 28 Feb 2018"


def test_empty_library_and_no_seeds_say_what_to_do(app, monkeypatch, tmp_path):
    monkeypatch.setattr("presslens.store.importing.SEEDS_DIR", tmp_path / "no-seeds")
    ran(app)
    assert [s.value for s in app.subheader] == ["No articles yet"]
    assert "Library page" in app.info[0].value


def test_no_model_says_how_to_install_one(app, monkeypatch):
    import spacy

    from components import reading
    from presslens import nlp

    def no_model(name, *args, **kwargs):
        raise OSError(f"[E050] Can't find model '{name}'")

    monkeypatch.setattr(spacy, "load", no_model)
    monkeypatch.setattr(spacy.util, "get_installed_models", lambda: [])
    nlp.load_pipeline.cache_clear()
    reading.pipeline.clear()
    reading._analysis.clear()
    try:
        ran(app)
        assert [s.value for s in app.subheader] == ["No language model"]
        assert "no English spaCy pipeline could be loaded" in plain(app.error[0].value)
        assert "Install a model" in app.info[0].value
    finally:
        monkeypatch.undo()
        nlp.load_pipeline.cache_clear()
        reading.pipeline.clear()


def test_an_engine_failure_is_one_message_not_a_traceback(app, monkeypatch):
    from components import reading

    def broken(article, nlp=None):
        raise RuntimeError("boom at /secret/path")

    monkeypatch.setattr(reading, "analyze", broken)
    reading._analysis.clear()
    try:
        ran(app)
        assert [s.value for s in app.subheader] == ["This article could not be analysed"]
        assert "internal error (RuntimeError)" in plain(app.error[0].value)
        assert "secret" not in app.error[0].value
    finally:
        monkeypatch.undo()
        reading._analysis.clear()


def test_a_selected_date_shows_what_it_is(app, seed_analysis):
    from components.state import SELECTION_KEY, Selection

    date = next(m for m in seed_analysis.mentions if m.label == "DATE")
    ran(app)
    app.session_state[SELECTION_KEY] = Selection(seed_analysis.article.id, date.start, date.end, date.id, None)
    ran(app)
    assert plain(app.markdown[0].value) == f"#### {date.text}"
    assert current(app) == [date.id]
    app.button(key="panel_close").click()
    assert current(ran(app)) == []


def test_an_unknown_article_in_the_url_falls_back_to_the_seed(app, seed_analysis):
    app.query_params["article"] = "no-such-article"
    ran(app)
    assert view(app)["id"] == seed_analysis.article.id
    assert app.query_params["article"] == seed_analysis.article.id
    assert "No article no-such-article" in plain(app.toast[0].value)


def test_library_page_saves_an_uploaded_html_page_with_its_metadata(app, library):
    html = f"""<html><head><title>Bridge vote</title><meta name="author" content="Jane Roe">
    <meta property="article:published_time" content="2020-03-04T09:00:00Z"></head>
    <body><nav>Home</nav><article><p>{STORY}</p></article><script>window.pwned = 1</script></body></html>"""
    ran(app.switch_page(LIBRARY_PAGE))
    app.file_uploader(key="add_upload_file").set_value(("page.html", html.encode(), "text/html"))
    app.button(key="FormSubmitter:add_upload-Save to library").click()
    ran(app)
    saved = stored(library).get("bridge-vote")
    assert (saved.title, saved.author, saved.published) == ("Bridge vote", "Jane Roe", "2020-03-04")
    assert "pwned" not in saved.text
    assert view(app)["header"]["date"] == "Wed 4 Mar 2020"


@pytest.mark.parametrize(
    ("typed", "chosen", "related"),
    [
        ("Putin", "Vladimir Putin", set()),  # an alias; never "European Union", which a fuzzy match offered
        ("  vladimir   PUTIN ", "Vladimir Putin", set()),
        ("Russia", "Russia", {"Russian"}),  # the nationality word is related, not chosen
        ("russian", "Russian", {"Russia"}),
        ("Syria", "Syria", {"Syrian"}),
        ("U.S.", "United States", set()),
        ("Union", None, set()),  # a word of a name is not the name
        ("Vladimir", None, set()),  # two actors are called Vladimir: no guess
        ("Germany", None, set()),
        ("", None, set()),
    ],
)
def test_a_typed_name_picks_only_the_actor_it_names(seed_analysis, typed, chosen, related):
    from components.actor_filter import match_actor

    found = match_actor(seed_analysis, typed)
    assert (found.actor.name if found.actor else None) == chosen
    assert {a.name for a in found.related} == related


def test_enter_in_the_find_box_adds_one_actor_and_offers_related_ones(app, seed_analysis):
    ran(app).sidebar.text_input(key="presslens.actor_find").set_value("russia").run()
    russia = next(a for a in seed_analysis.actors if a.name == "Russia")
    assert app.sidebar.multiselect[0].value == [russia.id]
    assert app.query_params["actor"] == "Russia"
    related = [b for b in app.sidebar.button if b.key and b.key.startswith("presslens.related_")]
    assert [b.label for b in related] == ["Russian"]
    related[0].click().run()
    assert {seed_analysis.actor(i).name for i in app.sidebar.multiselect[0].value} == {"Russia", "Russian"}
    # a name the article does not have adds nothing and says so
    app.sidebar.text_input(key="presslens.actor_find").set_value("European").run()
    assert {seed_analysis.actor(i).name for i in app.sidebar.multiselect[0].value} == {"Russia", "Russian"}
    assert any("No actor is called" in c.value for c in app.sidebar.caption)

