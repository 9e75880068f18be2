"""Page addresses and the actor filter, as a reader types them: a sub-page address in any case opens that
page with no failed request on the way, and the find box adds only the actor the reader named."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from presslens.scope import mentions_of

from .conftest import open_app, settle
from .test_chart_pages import TABLE

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("path", ["Quotes", "QUOTES"])
def test_a_sub_page_address_in_any_case_opens_it_without_a_404(page, server, path):
    failed: list[str] = []
    page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
    page.on("console", lambda m: m.type == "error" and failed.append(m.text))
    open_app(page, f"{server}/{path}", ready=TABLE)
    expect(page.get_by_role("heading", name="Quotes").first).to_be_visible()
    assert not failed, failed


def test_typing_a_surname_and_enter_adds_only_that_actor(page, server, seed_analysis):
    open_app(page, server)
    box = page.locator('[data-testid="stSidebar"]').get_by_placeholder("A name or alias, then Enter")
    box.fill("putin")
    box.press("Enter")
    chosen = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]')
    expect(page).to_have_url(re.compile(r"actor=Vladimir(\+|%20)Putin$"))
    settle(page)
    expect(chosen).to_contain_text("Vladimir Putin")
    putin = next(a for a in seed_analysis.actors if a.name == "Vladimir Putin")
    expect(page.locator(".hl.on")).to_have_count(len(mentions_of(seed_analysis, putin.id)))
    box.fill("Russia")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"actor=Vladimir(\+|%20)Putin&actor=Russia$"))
    settle(page)
    # the nationality word is offered, not chosen
    expect(page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Russian")).to_be_visible()
    assert "actor=Russian" not in page.url
