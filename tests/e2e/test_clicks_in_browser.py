"""Clicks in the article stay in the browser: the popover beside a clicked mention shows the actor, its
aliases and which mention this is at once, Previous/Next and Esc work in it, and the server hears of the
selection afterwards (the side panel follows). On a phone (390×844) the popover is a sheet in view."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from presslens.scope import mentions_of

from .conftest import ARTIFACTS, open_app, settle
from .test_reading_view import followed_actor

pytestmark = pytest.mark.e2e


def test_a_click_opens_the_popover_and_steps_without_the_server(page, server, seed_analysis, shot):
    actor = followed_actor(seed_analysis)
    expected = [m.id for m in mentions_of(seed_analysis, actor.id)]
    open_app(page, server)
    page.locator(f'.hl[data-mention="{expected[0]}"]').click()
    pop = page.locator(".presslens-article .pop")
    expect(pop.locator(".pop-name")).to_have_text(actor.name)
    expect(pop).to_contain_text(f"Mention 1 of {len(expected)}")
    for alias in (a for a in actor.aliases if a != actor.name):
        expect(pop).to_contain_text(alias)
    expect(page.locator(".hl.current")).to_have_attribute("data-mention", expected[0])
    pop.get_by_role("button", name="Next ›").click()
    expect(page.locator(".hl.current")).to_have_attribute("data-mention", expected[1])
    expect(pop).to_contain_text(f"Mention 2 of {len(expected)}")
    pop.get_by_role("button", name="‹ Previous").click()
    expect(page.locator(".hl.current")).to_have_attribute("data-mention", expected[0])
    # the server is told: the side panel follows the selection
    expect(page.locator(".st-key-actor_panel h4")).to_have_text(actor.name)
    settle(page)
    expect(page.locator(".hl.current")).to_have_attribute("data-mention", expected[0])  # its redraw agrees
    shot("popover")
    page.keyboard.press("Escape")
    expect(pop).to_have_count(0)
    expect(page.locator(".hl.current")).to_have_count(0)
    settle(page)
    expect(page.locator(".hl.current")).to_have_count(0)


def test_on_a_phone_a_tap_opens_a_sheet_in_view(browser, server, seed_analysis):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        actor = followed_actor(seed_analysis)
        expected = [m.id for m in mentions_of(seed_analysis, actor.id)]
        open_app(page, server)
        mention = page.locator(f'.hl[data-mention="{expected[-1]}"]')
        mention.scroll_into_view_if_needed()
        mention.tap()
        pop = page.locator(".presslens-article .pop")
        expect(pop).to_be_in_viewport()
        box = pop.bounding_box()
        assert box["width"] >= 380 and box["y"] + box["height"] <= 844 + 1  # a sheet across the bottom
        expect(pop.get_by_role("button", name="‹ Previous")).to_be_enabled()
        pop.get_by_role("button", name="‹ Previous").tap()
        expect(page.locator(".hl.current")).to_have_attribute("data-mention", expected[-2])
        expect(page.locator(".hl.current")).to_be_in_viewport()
        page.screenshot(path=ARTIFACTS / "phone-390-sheet.png")
    finally:
        context.close()
