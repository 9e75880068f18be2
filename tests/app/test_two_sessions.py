"""Two dashboard sessions (two AppTests) editing one article's details in one store file: different
fields are merged, the same field changed both ways is refused showing both — never a silent overwrite."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from presslens.store import open_store

from .test_dashboard import LIBRARY_PAGE, ROOT, STORY, library, plain, ran, stored  # noqa: F401 (fixture)


def session(story_id: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params["article"] = story_id
    ran(at)
    return ran(at.switch_page(LIBRARY_PAGE))


def save(at: AppTest, **fields) -> AppTest:
    for name, value in fields.items():
        at.text_input(key=f"library_details_story_{name}").input(value)
    next(b for b in at.button if b.label == "Save details").click()
    return ran(at)


def test_two_sessions_never_lose_an_edit(library, nlp):
    library.mkdir()
    (library / "story.txt").write_text(STORY)
    first, second = session("story"), session("story")  # both open version 1

    save(first, title="Bridge vote")
    save(second, source="The Gazette")  # made from version 1, over version 2: another field, merged
    assert not second.error
    record = stored(library).record("story")
    assert (record.title, record.source, record.version) == ("Bridge vote", "The Gazette", 3)

    first, second = session("story"), session("story")
    save(first, title="From the first")
    save(second, title="From the second")  # the same field, changed both ways: refused, both shown
    (message,) = [plain(e.value) for e in second.error]
    assert "yours 'From the second'" in message and "theirs 'From the first'" in message
    assert stored(library).record("story").title == "From the first"

    reload = next(b for b in second.button if b.label == "Reload their details")
    reload.click()
    ran(second)
    assert second.text_input(key="library_details_story_title").value == "From the first"
    save(second, title="Agreed title")  # now made from the newest version: saved
    assert open_store(library / "presslens.sqlite").record("story").title == "Agreed title"
