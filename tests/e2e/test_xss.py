"""Untrusted article text stays text: an article whose title, author, source, address and body carry
script payloads shows them literally and runs none of them — checked with a window flag each payload
would set, in every frame, on every view that shows article text: the article, the actor panel, the
library, and the Timeline, Figures and Quotes pages (plotly labels and hovers, tables)."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from .conftest import open_app, settle
from .test_chart_pages import CHART, TABLE, centre, hovered, ticks

pytestmark = pytest.mark.e2e

FLAG = "__presslens_pwned"
TITLE = f'<script>window.{FLAG}="title"</script>Payload <img src=x onerror="window.{FLAG}=\'title-img\'">'
AUTHOR = f"<img src=x onerror=\"window.{FLAG}='author'\">"
SOURCE = f"<iframe srcdoc=\"<script>parent.{FLAG}='source'</script>\"></iframe>"
TEXT = (
    f"Mayor Jane Roe met <script>window.{FLAG}='script'</script> Acme Corp in Paris on Monday.\n"
    f"Roe said <img src=x onerror=\"window.{FLAG}='img'\"> the deal with Acme Corp was done.\n"
    f"A report by <iframe srcdoc=\"<script>parent.{FLAG}='iframe';window.{FLAG}='iframe'</script>\"></iframe> "
    "the United Nations followed.\n"
    f"Read [the memo](javascript:window.{FLAG}='md-link') and <a href=\"javascript:window.{FLAG}='a'\">this link</a> "
    "before Friday, Roe said.\n"
    # a quote and a figure (its subject and sentence) for the Quotes, Figures and Timeline pages
    f"“The <img src=x onerror=window.{FLAG}=`quote`> deal is done,” Roe said on Tuesday.\n"
    f"About 40 percent of <b onmouseover=window.{FLAG}=`figure`>voters</b> back the deal, Roe said.\n"
)
QUOTE_PAYLOAD = f"The <img src=x onerror=window.{FLAG}=`quote`> deal is done,"
FIGURE_PAYLOAD = f"<b onmouseover=window.{FLAG}=`figure`>voters</b>"


@pytest.fixture
def probe(library_dir):
    (library_dir / "xss-probe.txt").write_text(TEXT, encoding="utf-8")
    meta = {"title": TITLE, "author": AUTHOR, "source": SOURCE, "url": f"javascript:window.{FLAG}='url'",
            "published": "2020-01-02"}
    (library_dir / "xss-probe.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return "xss-probe"


def assert_nothing_ran(page):
    page.wait_for_timeout(500)  # give onerror handlers and frames time to fire
    for frame in page.frames:
        assert frame.evaluate(f"() => window.{FLAG}") is None, f"a payload ran in {frame.url}"
    assert page.locator("a[href^='javascript:' i]").count() == 0


def test_the_probe_would_be_caught(page, server):
    """The check can fail: the same kind of payload, inserted as markup, does set the flag."""
    open_app(page, server)
    page.evaluate(f"""() => {{ const box = document.createElement('div');
        box.innerHTML = `<img src=x onerror="window.{FLAG}='control'">`; document.body.appendChild(box); }}""")
    page.wait_for_function(f"() => window.{FLAG} === 'control'")


def test_payloads_in_an_article_show_as_text_and_never_run(page, server, probe, shot):
    open_app(page, f"{server}/?article={probe}")
    article = page.locator(".presslens-article")
    expect(article.locator("h2.title")).to_have_text(TITLE)
    expect(article.locator(".byline")).to_contain_text(AUTHOR)
    expect(article.locator(".byline")).to_contain_text(SOURCE)
    expect(article.locator(".source-link")).to_have_count(0)  # a javascript: address is not a link
    for line in TEXT.splitlines():
        expect(article.locator(".body")).to_contain_text(line)
    assert article.evaluate("root => root.querySelectorAll('script, img, iframe, a').length") == 0
    picker = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"] input')
    expect(picker).to_have_value(re.compile(re.escape(TITLE)))
    shot("article")
    assert_nothing_ran(page)

    # the actor panel shows each mention's sentence through Streamlit's Markdown: still text
    roe = article.locator(".hl", has_text="Roe").last
    roe.click()
    panel = page.locator(".st-key-actor_panel")
    expect(panel).to_contain_text("onerror=")
    expect(panel).to_contain_text("[the memo](javascript:")
    settle(page)
    assert panel.locator("img, iframe, script, a").count() == 0
    shot("actor-panel")
    assert_nothing_ran(page)

    # the library lists it and the details form holds the values as text
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Library").click()
    settle(page)
    expect(page.locator(".st-key-library_details_xss-probe_title input")).to_have_value(TITLE)
    shot("library")
    assert_nothing_ran(page)


def test_payloads_stay_text_on_the_timeline_figures_and_quotes_pages(page, server, probe, shot):
    # the quotes table: the grid draws on a canvas; its accessible copy holds the cells as text
    open_app(page, f"{server}/quotes?article={probe}", ready=TABLE)
    expect(page.locator(f"{TABLE} table")).to_contain_text(QUOTE_PAYLOAD)
    assert page.locator(f"{TABLE} img, {TABLE} script, {TABLE} iframe").count() == 0
    shot("quotes")
    assert_nothing_ran(page)

    # the figures chart: row labels and the hover (the sentence) show the markup as written
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Figures").click()
    page.locator(CHART).wait_for()
    settle(page)
    assert any(text and FIGURE_PAYLOAD in text for _, text in hovered(page))
    assert any(tick.startswith("<b onmouseover") for tick in ticks(page))
    mark, _ = hovered(page)[0]
    page.mouse.move(*centre(mark))
    shot("figures-hover")
    assert page.locator(f"{CHART} b, {CHART} img, {CHART} a").count() == 0
    assert_nothing_ran(page)

    # the timeline over all articles: event labels, the article's title, the times table
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Timeline").click()
    page.locator(CHART).wait_for()
    page.get_by_role("radio", name="All articles").click()
    expect(page.locator(f"{CHART} .ytick text", has_text="<script>window")).not_to_have_count(0)
    settle(page)
    assert any("<img src=" in tick for tick in ticks(page))
    expect(page.locator(f"{TABLE} table")).to_contain_text(TITLE[:20])
    shot("timeline-all-articles")
    assert page.locator(f"{CHART} img, {CHART} a, {TABLE} img").count() == 0
    assert_nothing_ran(page)
