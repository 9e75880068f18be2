"""Untrusted article text stays text: an article whose title, author, source, address and body carry
script payloads shows them literally and runs none of them — checked with a window flag each payload
would set, in every frame, on every view that shows article text: the article, the actor panel, the
library, and the Timeline, Figures and Quotes pages (plotly labels and hovers, tables)."""

from __future__ import annotations

import base64
import csv
import json
import os
import re
import subprocess
import sys

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
# Vectors from the usual cheat sheets (tags, attributes, URL schemes, entity and case tricks, breaking out
# of attributes and elements, nested and split tags, Markdown links and Streamlit's Markdown extensions):
# each one, were it to run, sets the flag. Every field of the article holds every one of them.
SET = f"window.{FLAG}=1"
VECTORS = [
    f"<script>{SET}</script>",
    f"<img src=x onerror={SET}>",
    f"<svg onload={SET}>",
    f"<iframe srcdoc=\"<script>parent.{FLAG}=1</script>\"></iframe>",
    f"<body onload={SET}>",
    f"<details open ontoggle={SET}>",
    f"<input autofocus onfocus={SET}>",
    f"<video><source onerror={SET}></video>",
    f"<audio src=x onerror={SET}>",
    f"<marquee onstart={SET}>x</marquee>",
    f"<a href=\"javascript:{SET}\">link</a>",
    f"[link](javascript:{SET})",
    f"<object data=\"javascript:{SET}\"></object>",
    f"<embed src=\"javascript:{SET}\">",
    f"<math><mtext><img src=x onerror={SET}></mtext></math>",
    f"\"><script>{SET}</script>",
    f"'><img src=x onerror={SET}>",
    f"javascript:{SET}",
    "<img src=x onerror=\"&#119;indow." + FLAG + "=1\">",
    f"<svg><script>{SET}</script></svg>",
    f"<form><button formaction=javascript:{SET}>go</button></form>",
    f"<meta http-equiv=\"refresh\" content=\"0;url=javascript:{SET}\">",
    f"<base href=\"javascript:{SET}//\">",
    f"{{{{constructor.constructor('{SET}')()}}}}",
    "<img src=x onerror=eval(atob('" + base64.b64encode(SET.encode()).decode() + "'))>",
    f"<scr<script>ipt>{SET}</scr</script>ipt>",
    f"<div style=\"background:url(javascript:{SET})\">",
    f"<svg><animate onbegin={SET} attributeName=x dur=1s>",
    f"%3Cscript%3E{SET}%3C/script%3E",
    f"</textarea><img src=x onerror={SET}>",
    f"</title><script>{SET}</script>",
    f"<!--<img src=\"--><img src=x onerror={SET}//\">",
    f"$\\href{{javascript:{SET}}}{{x}}$",
    f":red[<img src=x onerror={SET}>]",
    f"<IMG SRC=x OnErRoR={SET}>",
    f"<a href=\"&#106;avascript:{SET}\">entity</a>",
]
ALL = " ".join(VECTORS)
FULL_TITLE, FULL_AUTHOR, FULL_SOURCE = f"{TITLE} {ALL}", f"{AUTHOR} {ALL}", f"{SOURCE} {ALL}"
FORMULA = "+1+cmd|' /C notepad'!A0"
QUOTE_PAYLOAD = f"The <img src=x onerror=window.{FLAG}=`quote`> deal is done,"
FIGURE_PAYLOAD = f"<b onmouseover=window.{FLAG}=`figure`>voters</b>"
# Each vector also in a sentence with names, a quote and a figure, so it reaches every table and chart.
TEXT += "".join(
    f"Mayor Jane Roe met {v} Acme Corp in Paris on Monday.\n"
    f"“The {v} plan is done,” Roe said on Wednesday.\n"
    f"About {10 + i} percent of {v} voters back the plan, Roe said.\n"
    for i, v in enumerate(VECTORS)
) + f"“{FORMULA} is how to open it,” Roe said.\n"


@pytest.fixture
def probe(library_dir, tmp_path):
    """The article, added to the running server's store with the real command (`presslens add`)."""
    (tmp_path / "xss-probe.txt").write_text(TEXT, encoding="utf-8")
    meta = {"title": FULL_TITLE, "author": FULL_AUTHOR, "source": FULL_SOURCE,
            "url": f"javascript:window.{FLAG}='url' {ALL}", "published": "2020-01-02"}
    (tmp_path / "xss-probe.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    env = {**os.environ, "PRESSLENS_LIBRARY": str(library_dir)}
    subprocess.run([sys.executable, "-m", "presslens.cli", "add", str(tmp_path / "xss-probe.txt")],
                   env=env, check=True, capture_output=True, timeout=300)
    return "xss-probe"


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def assert_nothing_ran(page):
    # Let the page finish drawing (it may be slow under load), then give handlers and frames time to fire.
    settle(page)
    page.wait_for_timeout(750)
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
    expect(article.locator("h2.title")).to_have_text(FULL_TITLE)
    expect(article.locator(".byline")).to_contain_text(FULL_AUTHOR)
    expect(article.locator(".byline")).to_contain_text(FULL_SOURCE)
    expect(article.locator(".source-link")).to_have_count(0)  # a javascript: address is not a link
    for line in TEXT.splitlines():
        expect(article.locator(".body")).to_contain_text(line)
    assert article.evaluate("root => root.querySelectorAll('script, img, iframe, a').length") == 0
    picker = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"] input')
    expect(picker).to_have_value(re.compile(re.escape(FULL_TITLE)))
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
    expect(page.locator(".st-key-library_details_xss-probe_title input")).to_have_value(FULL_TITLE)
    shot("library")
    assert_nothing_ran(page)


def test_payloads_stay_text_on_the_timeline_figures_and_quotes_pages(page, server, probe, shot):
    # the quotes table: the grid draws on a canvas; its accessible copy holds the cells as text
    open_app(page, f"{server}/quotes?article={probe}", ready=TABLE)
    expect(page.locator(f"{TABLE} table")).to_contain_text(QUOTE_PAYLOAD)
    assert page.locator(f"{TABLE} img, {TABLE} script, {TABLE} iframe").count() == 0
    shot("quotes")
    assert_nothing_ran(page)

    # the table's own toolbar offers no download; the page's Export menu defuses formula cells
    page.locator(TABLE).hover()
    toolbar = page.locator('[data-testid="stElementToolbar"]')
    expect(toolbar.get_by_role("button", name=re.compile("download", re.I))).to_have_count(0)
    page.get_by_role("button", name="Export").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Quotes (CSV)").click()
    path = download.value.path()
    page.keyboard.press("Escape")  # close the menu: a click outside it only closes it
    settle(page)
    assert re.fullmatch(r"[A-Za-z0-9._-]+", download.value.suggested_filename)
    cells = [cell for row in csv.reader(open(path, encoding="utf-8", newline="")) for cell in row]
    assert "'" + FORMULA + " is how to open it," in cells or any(c.startswith("'" + FORMULA) for c in cells)
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r") or (c[:1] == "-" and not _number(c))]

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
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Timeline", exact=True).click()
    page.locator(CHART).wait_for()
    page.get_by_role("radio", name="All articles").click()
    expect(page.locator(f"{CHART} .ytick text", has_text="<script>window")).not_to_have_count(0)
    settle(page)
    assert any("<img src=" in tick for tick in ticks(page))
    expect(page.locator(f"{TABLE} table")).to_contain_text(TITLE[:20])
    shot("timeline-all-articles")
    assert page.locator(f"{CHART} img, {CHART} a, {TABLE} img").count() == 0
    assert_nothing_ran(page)


def test_payloads_stay_text_on_the_corpus_pages(page, server, probe, shot):
    # the probe's outlet, names, quotes, figures and events reach every corpus page's controls and tables
    for path in ("corpus_quotes", "corpus_timeline", "profile?actor=Jane+Roe"):
        open_app(page, f"{server}/{path}", ready=TABLE)
        shot(path.split("?")[0])
        assert_nothing_ran(page)
    open_app(page, f"{server}/claims", ready='[data-testid="stCheckbox"]')
    page.get_by_text("Only figures reported by two or more articles").click()
    page.locator(TABLE).first.wait_for()
    shot("claims")
    assert_nothing_ran(page)
