"""Two real browser sessions edit one article's details in the Library page: a change to another field
is merged, the same field changed both ways is refused with both values shown — nothing is lost."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from presslens.ingest import article_from_text
from presslens.store import open_store

from .conftest import STEP_MS, open_app, settle

pytestmark = pytest.mark.e2e

STORY = "Mayor Jane Roe of Springfield said on Monday that the new bridge will open in May after two years of work."


def library_page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(STEP_MS)
    page = open_app(context.new_page(), f"{server}/?article=twosessions")
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Library").click()
    settle(page)
    page.locator(".st-key-library_details_twosessions_title input").wait_for()
    return context, page


def save(page, **fields) -> None:
    for name, value in fields.items():
        page.locator(f".st-key-library_details_twosessions_{name} input").fill(value)
    page.get_by_role("button", name="Save details").click()
    settle(page)


def test_two_browser_sessions_never_lose_an_edit(browser, server, library_dir):
    store = open_store(library_dir / "presslens.sqlite")
    store.add(article_from_text(STORY, id="twosessions", title="Bridge"))
    (a_context, a), (b_context, b) = library_page(browser, server), library_page(browser, server)
    try:
        save(a, title="Title from A")
        save(b, source="Desk of B")  # opened before A's save: another field, merged
        record = store.record("twosessions")
        assert (record.title, record.source) == ("Title from A", "Desk of B")

        save(a, title="A again")  # A's form is at the version of its own save: merged over B's
        save(b, title="B title")  # the same field, changed both ways: refused, both shown
        error = b.locator('[data-testid="stAlertContentError"]')
        expect(error).to_contain_text("yours 'B title'")
        expect(error).to_contain_text("theirs 'A again'")
        assert store.record("twosessions").title == "A again"
    finally:
        a_context.close()
        b_context.close()
