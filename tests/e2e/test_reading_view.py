"""The reading view in a real browser: highlights, the actor filter (sidebar and URL), click-through with
Next and the keyboard, switching a type off, adding an article. Expectations come from the engine's
own analysis of the seed, so they follow the engine as it improves."""

from __future__ import annotations

import urllib.parse

import pytest
from playwright.sync_api import expect

from components.article_view import drawable
from components.palette import type_name
from presslens.scope import by_prominence, mentions_of

from .conftest import open_app, settle

pytestmark = pytest.mark.e2e

SIDEBAR_FILTER = '[data-testid="stSidebar"] [data-testid="stMultiSelect"]'


def shown_by_default(mentions):
    """What the page draws and steps through until the reader shows pronouns ("he" tied to a person)."""
    return [m for m in mentions if m.kind != "pronoun"]


def label(analysis, actor) -> str:
    return f"{actor.name} · {type_name(actor.type).lower()} · {len(mentions_of(analysis, actor.id))}"


def followed_actor(analysis):
    """The most mentioned person with several mentions (else any such actor): the one to click through."""
    several = [a for a in by_prominence(analysis) if len(mentions_of(analysis, a.id)) > 1]
    return next((a for a in several if a.type == "PERSON"), several[0])


def expect_filtered_to(page, analysis, actor):
    own = [m.id for m in shown_by_default(mentions_of(analysis, actor.id))]
    expect(page.locator(".hl.on")).to_have_count(len(own))
    others = len(drawable(shown_by_default(analysis.mentions))) - len(own)
    expect(page.locator(".hl.dim")).to_have_count(others)
    assert sorted(page.locator(".hl.on").evaluate_all("els => els.map(e => e.dataset.mention)")) == sorted(own)


def test_seed_opens_with_its_highlights_visible(page, server, seed_analysis, shot):
    open_app(page, server)
    article = page.locator(".presslens-article")
    expect(article.locator("h2.title")).to_have_text(seed_analysis.article.title)
    shown = drawable(shown_by_default(seed_analysis.mentions))
    expect(page.locator(".hl.on")).to_have_count(len(shown))
    first = page.locator(f'.hl[data-mention="{shown[0].id}"]')
    expect(first).to_be_visible()
    expect(first).to_have_text(shown[0].text)
    fill = first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert fill not in ("rgba(0, 0, 0, 0)", "transparent"), fill
    # the legend counts each type
    for entry in page.locator(".legend-item").all():
        kind = entry.get_attribute("data-type")
        assert entry.locator(".count").inner_text() == str(sum(m.label == kind for m in shown))
    shot("seed")


def test_filter_to_one_actor_from_the_sidebar(page, server, seed_analysis, shot):
    actor = followed_actor(seed_analysis)
    open_app(page, server)
    page.locator(SIDEBAR_FILTER).click()
    page.keyboard.type(actor.name)
    page.get_by_role("option", name=label(seed_analysis, actor), exact=True).click()
    page.keyboard.press("Escape")
    expect_filtered_to(page, seed_analysis, actor)
    settle(page)
    page.wait_for_url(lambda url: urllib.parse.parse_qs(urllib.parse.urlparse(url).query).get("actor") == [actor.name])
    shot("filtered")


def test_filter_to_one_actor_from_the_url(page, server, seed_analysis, shot):
    actor = followed_actor(seed_analysis)
    alias = actor.aliases[-1]
    open_app(page, f"{server}/?actor={urllib.parse.quote(alias.lower())}")
    expect_filtered_to(page, seed_analysis, actor)
    expect(page.locator(SIDEBAR_FILTER)).to_contain_text(actor.name)
    settle(page)
    shot("filtered-from-url")


def test_click_a_highlight_and_step_through_all_its_actors_mentions(page, server, seed_analysis, shot):
    actor = followed_actor(seed_analysis)
    expected = [m.id for m in shown_by_default(mentions_of(seed_analysis, actor.id))]
    open_app(page, server)
    page.locator(f'.hl[data-mention="{expected[0]}"]').click()
    panel = page.locator(".st-key-actor_panel")
    expect(panel.locator("h4")).to_have_text(actor.name)
    current = page.locator(".hl.current").first
    expect(current).to_have_attribute("data-mention", expected[0])
    settle(page)
    shot("clicked")
    for step, mention in enumerate(expected[1:], start=2):
        if step % 2:
            page.keyboard.press("n")  # the keyboard steps too
        else:
            page.locator(".st-key-panel_next").get_by_role("button", name="Next").click()
        expect(current).to_have_attribute("data-mention", mention)
        expect(panel).to_contain_text(f"Mention {step} of {len(expected)}")
        settle(page)
        expect(current).to_be_in_viewport()
        shot(f"mention-{step}")
    expect(page.locator(".st-key-panel_next").get_by_role("button", name="Next")).to_be_disabled()
    page.keyboard.press("p")
    expect(current).to_have_attribute("data-mention", expected[-2])
    page.keyboard.press("Escape")
    expect(page.locator(".hl.current")).to_have_count(0)


def test_switch_a_type_off_and_on_in_the_legend(page, server, seed_analysis, shot):
    kind = "GPE" if any(m.label == "GPE" for m in seed_analysis.mentions) else seed_analysis.mentions[0].label
    count = sum(m.label == kind for m in drawable(shown_by_default(seed_analysis.mentions)))
    open_app(page, server)
    entry = page.locator(f'.legend-item[data-type="{kind}"]')
    entry.click()
    expect(page.locator(f'.hl.off[data-type="{kind}"]')).to_have_count(count)
    expect(entry).to_have_attribute("aria-pressed", "false")
    settle(page)
    assert page.locator(f'.hl.off[data-type="{kind}"]').first.evaluate("e => getComputedStyle(e).backgroundColor") in (
        "rgba(0, 0, 0, 0)", "transparent"
    )
    shot("type-off")
    entry.click()
    expect(page.locator(f'.hl.on[data-type="{kind}"]')).to_have_count(count)


def test_add_an_article_by_pasting_it(page, server, library_dir, shot):
    text = "Mayor Jane Roe of Springfield said on Monday that the bridge will open in May. Roe thanked the council."
    open_app(page, server)
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Library").click()
    settle(page)
    page.locator(".st-key-add_paste_text textarea").fill(text)
    page.locator(".st-key-add_paste_title input").fill("Bridge opens")
    page.locator(".st-key-add_paste_source input").fill("The Gazette")
    shot("pasted")
    page.get_by_role("button", name="Save to library").first.click()
    expect(page.locator("h2.title")).to_have_text("Bridge opens")
    settle(page)
    expect(page.locator(".byline")).to_contain_text("date unknown")
    from presslens.store import open_store

    assert open_store(library_dir / "presslens.sqlite").get("bridge-opens").text == text
    shot("opened")


def test_dark_theme_keeps_highlights_readable(browser, server, seed_analysis, request):
    """The palette is drawn translucent over the theme: text stays the theme's, fills stay visible."""
    from .conftest import ARTIFACTS

    context = browser.new_context(viewport={"width": 1400, "height": 900}, color_scheme="dark")
    try:
        page = open_app(context.new_page(), server)
        body = page.locator(".presslens-article .body")
        text_rgb = body.evaluate("e => getComputedStyle(e).color")
        assert sum(int(c) for c in text_rgb[4:-1].split(",")[:3]) > 3 * 180, f"dark theme text is {text_rgb}"
        first = page.locator(f'.hl[data-mention="{drawable(shown_by_default(seed_analysis.mentions))[0].id}"]')
        assert first.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
        page.screenshot(path=ARTIFACTS / f"{request.node.name}-01-dark.png")
    finally:
        context.close()


def test_highlights_are_reachable_by_keyboard(page, server, seed_analysis):
    actor = followed_actor(seed_analysis)
    first = shown_by_default(mentions_of(seed_analysis, actor.id))[0]
    open_app(page, server)
    page.locator(f'.hl[data-mention="{first.id}"]').focus()
    page.keyboard.press("Enter")
    expect(page.locator(".st-key-actor_panel h4")).to_have_text(actor.name)
    expect(page.locator(".hl.current").first).to_have_attribute("data-mention", first.id)
    settle(page)
    page.keyboard.press("Escape")
    expect(page.locator(".hl.current")).to_have_count(0)
