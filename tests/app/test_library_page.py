"""The Library page over the store (AppTest): search, filters, sort, pages, open/rename/delete, and
duplicates caught when an article is added twice."""

from __future__ import annotations

from presslens.ingest import article_from_text
from presslens.store import Query, open_store

from .test_dashboard import LIBRARY_PAGE, STORY, app, library, plain, ran, stored, view  # noqa: F401 (fixtures)


def fill(library, n: int):
    store = open_store(library / "presslens.sqlite")
    store.add_many(
        article_from_text(f"Story {k}: the harbour crane number {k} in Hull was repaired on Monday, the port said.",
                          id=f"crane-{k:03d}", title=f"Crane {k:03d}", source="Courier" if k % 2 else "Gazette",
                          published=f"2020-03-{1 + k % 28:02d}")
        for k in range(n)
    )
    store.add(article_from_text(STORY, id="bridge", title="Bridge vote", source="Gazette", published="2021-01-05"))
    return store


def rows(at):
    (table,) = at.get("dataframe")
    return table.value


def test_search_filters_and_pages_over_many_articles(app, library):
    fill(library, 120)
    ran(app.switch_page(LIBRARY_PAGE))
    assert len(rows(app)) == 50 and any("122 articles, page 1 of 3" in c.value for c in app.caption)  # + the seed
    app.number_input(key="library_page").set_value(3)
    assert len(rows(ran(app))) == 22
    app.text_input(key="library_words").input("bridge")
    assert list(rows(ran(app))["id"]) == ["bridge"]
    app.text_input(key="library_words").input("")
    app.selectbox(key="library_source").set_value("Courier")
    ran(app)
    assert set(rows(app)["source"]) == {"Courier"} and any("60 articles" in c.value for c in app.caption)
    app.selectbox(key="library_sort").set_value("title")
    assert list(rows(ran(app))["id"])[:2] == ["crane-001", "crane-003"]


def test_rename_and_delete_a_chosen_article(app, library):
    fill(library, 3)
    ran(app.switch_page(LIBRARY_PAGE))
    app.text_input(key="library_words").input("bridge")
    ran(app)
    app.session_state["library_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    ran(app)
    app.text_input(key="library_rename_bridge_title").input("Bridge vote, renamed")
    next(b for b in app.button if b.label == "Rename").click()
    ran(app)
    assert stored(library).record("bridge").title == "Bridge vote, renamed"
    app.button(key="library_delete_confirm").click()
    ran(app)
    assert stored(library).get("bridge") is None


def test_pasting_a_stored_text_again_opens_the_stored_copy(app, library):
    fill(library, 1)
    ran(app.switch_page(LIBRARY_PAGE))
    app.text_area(key="add_paste_text").input(STORY)
    app.text_input(key="add_paste_title").input("Same story again")
    app.button[0].click()
    ran(app)
    assert view(app)["id"] == "bridge"
    assert any("Already in the store" in plain(t.value) for t in app.toast)
    assert stored(library).count(Query(words="again")) == 0
