"""One bad .meta.json never takes a page down: the library listing, the sidebar and the details form
keep working for every article when a library folder holds hostile metadata (imported once into the store)."""

from __future__ import annotations

import pytest

from .test_dashboard import LIBRARY_PAGE, STORY, app, library, plain, ran, stored, view  # noqa: F401 (fixtures)

BAD_META = {
    "surrogate": '{"title": "Bad \\ud800 title", "author": "\\udfff"}',
    "deep": "[" * 100_000 + "]" * 100_000,
    "conquest": '{"title": "Hastings", "published": "1066-10-14"}',
    "future": '{"title": "Tomorrow", "published": "2099-01-01"}',
    "controls": '{"title": "Evil\\u001b[31m \\u202etxt.exe", "source": "<script>alert(1)</script>"}',
}


@pytest.fixture
def bad_library(library):
    library.mkdir()
    for name, meta in BAD_META.items():
        # different texts, or the store would keep one and count the others as duplicates
        (library / f"{name}.txt").write_text(f"{STORY}Filed as {name}.\n", encoding="utf-8")
        (library / f"{name}.meta.json").write_text(meta, encoding="utf-8")
    return library


def test_the_library_lists_every_article_beside_bad_metadata(app, bad_library):
    app.switch_page(LIBRARY_PAGE)
    ran(app)
    ids = {r.id for r in stored(bad_library).list()}
    assert set(BAD_META) <= ids  # nothing lost: every text is in the store


@pytest.mark.parametrize("name", list(BAD_META))
def test_each_article_page_and_its_details_form_work(app, bad_library, name):
    app.query_params["article"] = name
    app.session_state["article_details_open"] = True  # the details expander, opened
    ran(app)
    assert view(app)["id"] == name
    assert "\ud800" not in repr(view(app)["header"])
    # the sidebar's filter and the details form are drawn
    assert app.sidebar.multiselect and app.date_input(key=f"article_details_{name}_published")


@pytest.mark.parametrize("name, day", [("conquest", "1066-10-14"), ("future", "2099-01-01")])
def test_a_date_the_picker_cannot_hold_is_shown_as_text_and_kept(app, bad_library, name, day):
    app.query_params["article"] = name
    app.session_state["article_details_open"] = True
    ran(app)
    assert any(f"Stored date {day}" in plain(c.value) for c in app.caption)
    app.text_input(key=f"article_details_{name}_title").input("Renamed")
    next(b for b in app.button if b.label == "Save details").click()
    ran(app)
    record = stored(bad_library).record(name)
    assert (record.title, record.published) == ("Renamed", day)


@pytest.mark.parametrize("name, note", [
    ("conquest", "date from the page's metadata"),
    ("deep", "no publication date: relative times stay relative"),
])
def test_the_header_says_where_the_date_came_from(app, bad_library, name, note):
    app.query_params["article"] = name
    ran(app)
    assert view(app)["header"]["date_note"] == note
